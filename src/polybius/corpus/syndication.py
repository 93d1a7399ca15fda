"""Syndication and near-duplicate detection: MinHash LSH over word shingles.

A republished copy (the same story with a different header, footer or a few edits) is
linked to one original. The original of a group is, in order of preference: the copy whose
publisher is what the others name as "original source", else the earliest published, else
the first one seen. Every copy links straight to the original, never to another copy.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash

from polybius.corpus.bands import BandIndex
from polybius.model import Document
from polybius.store import Relink

# 5-word shingles: long enough that two different stories on the same topic share few of
# them, short enough that a handful of edits leaves most of a copy's shingles intact.
SHINGLE_WORDS = 5
NUM_PERM = 128
SCHEME = "affine32"
# Jaccard similarity of shingle sets above which two texts count as one story. Copies with a
# changed headline and boilerplate score 0.85-0.95; distinct reports of one event < 0.3.
THRESHOLD = 0.8
# The LSH index retrieves candidates from a lower similarity, so that a copy whose estimated
# similarity is near THRESHOLD is not missed by banding; candidates are then checked exactly.
CANDIDATE_THRESHOLD = 0.6
# Texts shorter than this many words are too short to call a copy (datelines, captions).
MIN_WORDS = 25

_WORD = re.compile(r"\w+")


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """The set of lowercased ``size``-word shingles of a text."""
    words = _WORD.findall(text.lower())
    if len(words) <= size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + size]).encode() for i in range(len(words) - size + 1)}


def _crc32(data: bytes) -> int:
    return zlib.crc32(data)


_TEMPLATE = MinHash(num_perm=NUM_PERM, hashfunc=_crc32, scheme=SCHEME)


def signature(text: str) -> MinHash:
    """The MinHash of a text's shingles (stable across processes and runs)."""
    minhash = MinHash(num_perm=NUM_PERM, hashfunc=_crc32,
                      permutations=_TEMPLATE.permutations, scheme=SCHEME)
    minhash.update_batch(list(shingles(text)))
    return minhash


def _similarity(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.count_nonzero(a == b)) / len(a)


@dataclass
class _Meta:
    publisher: str | None
    original_source: str | None
    published: str | None


@dataclass
class Verdict:
    """What detection decided for one document."""

    duplicate_of: str | None
    similarity: float | None
    minhash: bytes | None
    relink: Relink | None = None


def _norm(name: str | None) -> str:
    return " ".join(_WORD.findall((name or "").lower()))


def _is_earlier_original(new: _Meta, old: _Meta) -> bool:
    """Whether ``new`` is the original that ``old`` was republished from."""
    if new.original_source:
        return False
    if old.original_source and _norm(old.original_source) == _norm(new.publisher):
        return True
    return bool(new.published and old.published and new.published[:10] < old.published[:10])


class Syndication:
    """An index of every document seen; ``check`` links each new one to its original, if any.

    Copies are indexed too (a copy of a copy is closer to its parent than to the original);
    ``roots`` maps each copy's slot to its original's id, and ``meta`` keeps what deciding
    the original needs (publisher, named original source, date) for originals only. The
    index (``BandIndex``) costs under 2 kB per document.
    """

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self.index = BandIndex(min(threshold, CANDIDATE_THRESHOLD), NUM_PERM)
        self.ids: list[str] = []
        self.roots: dict[int, str] = {}
        self.meta: dict[str, _Meta] = {}
        # originals that turned out to be copies of a later-seen original: old id -> new id
        self.renamed: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self.index)

    def add(self, doc_id: str, hashvalues: np.ndarray, meta: _Meta | None = None,
            duplicate_of: str | None = None) -> None:
        """Index a document (for example one loaded from the store)."""
        slot = self.index.insert(np.asarray(hashvalues, dtype=np.uint32))
        self.ids.append(doc_id)
        if duplicate_of:
            self.roots[slot] = duplicate_of
        else:
            self.meta[doc_id] = meta or _Meta(None, None, None)

    def load(self, rows: Iterable[tuple[str, bytes, str | None, str | None, str | None,
                                        str | None]]) -> None:
        """Index stored documents: (id, minhash, publisher, original, published, duplicate_of)."""
        for doc_id, blob, publisher, original_source, published, duplicate_of in rows:
            self.add(doc_id, np.frombuffer(blob, dtype=np.uint32),
                     _Meta(publisher, original_source, published), duplicate_of)

    def _root(self, slot: int) -> str:
        doc_id = self.roots.get(slot, self.ids[slot])
        while doc_id in self.renamed:
            doc_id = self.renamed[doc_id]
        return doc_id

    def check(self, document: Document) -> Verdict:
        """Decide whether ``document`` copies an indexed one, and index it."""
        if len(_WORD.findall(document.text)) < MIN_WORDS:
            return Verdict(None, None, None)
        values = signature(document.text).hashvalues.astype(np.uint32)
        new = _Meta(document.publisher, document.original_source, document.published)
        best, score = self._best_match(values)
        verdict = Verdict(None, None, values.tobytes())
        if best is not None:
            root = self._root(best)
            if _is_earlier_original(new, self.meta[root]):
                self.renamed[root] = document.id
                verdict.relink = Relink(old=root, new=document.id, similarity=score)
            else:
                verdict.duplicate_of, verdict.similarity = root, score
        self.add(document.id, values, new, verdict.duplicate_of)
        return verdict

    def _best_match(self, values: np.ndarray) -> tuple[int | None, float]:
        best, score = None, 0.0
        for slot in self.index.query(values):
            similarity = _similarity(values, self.index.signature(slot))
            if similarity >= self.threshold and similarity > score:
                best, score = slot, similarity
        return best, score
