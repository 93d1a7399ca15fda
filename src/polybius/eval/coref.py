"""Coreference scores over mention clusterings: MUC and B-cubed (precision, recall, F1).

A clustering is a mapping mention -> cluster label; key and response must cover the same
mentions (evaluate on the mentions both sides share).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Mapping
from dataclasses import dataclass

Clustering = Mapping[Hashable, Hashable]


@dataclass(frozen=True)
class Score:
    """Precision, recall and their harmonic mean."""

    precision: float
    recall: float

    @property
    def f1(self) -> float:
        """The harmonic mean of precision and recall (0 when both are 0)."""
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def _groups(clustering: Clustering) -> dict[Hashable, set[Hashable]]:
    groups: dict[Hashable, set[Hashable]] = defaultdict(set)
    for mention, label in clustering.items():
        groups[label].add(mention)
    return groups


def _muc_recall(key: Clustering, response: Clustering) -> float:
    numerator = denominator = 0
    for members in _groups(key).values():
        partitions = {response[m] for m in members}
        numerator += len(members) - len(partitions)
        denominator += len(members) - 1
    return numerator / denominator if denominator else 0.0


def muc(key: Clustering, response: Clustering) -> Score:
    """MUC (Vilain et al. 1995): links recovered, links correct."""
    return Score(_muc_recall(response, key), _muc_recall(key, response))


def _bcubed_recall(key: Clustering, response: Clustering) -> float:
    key_groups, response_groups = _groups(key), _groups(response)
    if not key:
        return 0.0
    total = 0.0
    for mention in key:
        own = key_groups[key[mention]]
        total += len(own & response_groups[response[mention]]) / len(own)
    return total / len(key)


def bcubed(key: Clustering, response: Clustering) -> Score:
    """B-cubed (Bagga and Baldwin 1998): per-mention overlap of key and response clusters."""
    return Score(_bcubed_recall(response, key), _bcubed_recall(key, response))
