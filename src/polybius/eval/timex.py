"""Time expressions on TempEval-3 TBAQ-cleaned (TimeBank + AQUAINT): recognition and values.

Each document's <TEXT> is analysed verbatim with its document creation time (DCT) as the
publication date. Recognition is scored strict (same offsets) and relaxed (overlap), as in
TempEval-3; value and type are scored on relaxed matches. Value F1 follows TempEval-3:
precision = correct values / predicted expressions, recall = correct values / gold ones.
"""

from __future__ import annotations

import argparse
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from polybius.eval import dataset_dir
from polybius.model import Document, Time
from polybius.pipeline import Pipeline

DATASET = "tempeval3_tbaq"


@dataclass(frozen=True)
class GoldTimex:
    """A TIMEX3 of the gold standard, with offsets into the plain <TEXT>."""

    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class GoldDoc:
    """One TimeML document: plain text, DCT and gold time expressions."""

    name: str
    text: str
    dct: str
    timexes: list[GoldTimex]


def read_tml(path: Path) -> GoldDoc:
    """Read a .tml file: the <TEXT> character data and its inline TIMEX3 offsets."""
    root = ET.parse(path).getroot()
    dct_node = root.find("DCT/TIMEX3")
    dct = dct_node.get("value", "") if dct_node is not None else ""
    text_node = root.find("TEXT")
    parts: list[str] = []
    timexes: list[GoldTimex] = []
    for kind, node, content in _walk(text_node):
        if kind == "text":
            parts.append(content)
        elif kind == "timex":
            start = sum(len(p) for p in parts)
            timexes.append(GoldTimex(start, start + len(content), content,
                                     node.get("type", ""), node.get("value", "")))
    return GoldDoc(path.stem, "".join(parts), dct[:10], timexes)


def _walk(node: ET.Element | None) -> Iterator[tuple[str, ET.Element, str]]:
    """Character data in order, announcing each TIMEX3 before its text."""
    if node is None:
        return
    if node.text:
        if node.tag == "TIMEX3":
            yield "timex", node, "".join(node.itertext())
        yield "text", node, node.text
    for child in node:
        if child.tag == "TIMEX3":
            full = "".join(child.itertext())
            yield "timex", child, full
            yield "text", child, full
        else:
            yield from _walk_inner(child)
        if child.tail:
            yield "text", node, child.tail


def _walk_inner(node: ET.Element) -> Iterator[tuple[str, ET.Element, str]]:
    yield "text", node, "".join(node.itertext())


def load(limit: int | None = None, subset: str | None = None) -> list[GoldDoc]:
    """The gold documents, sorted by file name (``subset``: TimeBank or AQUAINT)."""
    root = dataset_dir(DATASET) / "TBAQ-cleaned"
    folders = [subset] if subset else ["TimeBank", "AQUAINT"]
    paths = sorted(p for folder in folders for p in (root / folder).glob("*.tml"))
    return [read_tml(p) for p in paths[:limit]]


@dataclass
class Counts:
    """The counts behind the figures."""

    gold: int = 0
    predicted: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0


def score(gold: list[GoldTimex], predicted: list[Time], counts: Counts) -> None:
    """Add one document's matches to ``counts``."""
    counts.gold += len(gold)
    counts.predicted += len(predicted)
    used: set[int] = set()
    for g in gold:
        match = _best_overlap(g, predicted, used)
        if match is None:
            continue
        used.add(id(match))
        counts.relaxed += 1
        counts.strict += match.start == g.start and match.end == g.end
        counts.value += (match.value or "") == g.value
        counts.type += match.type == g.type


def _best_overlap(g: GoldTimex, predicted: list[Time], used: set[int]) -> Time | None:
    overlapping = [p for p in predicted
                   if id(p) not in used and p.start < g.end and g.start < p.end]
    if not overlapping:
        return None
    return max(overlapping, key=lambda p: min(p.end, g.end) - max(p.start, g.start))


def f1(correct: int, predicted: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1."""
    p = correct / predicted if predicted else 0.0
    r = correct / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(docs: list[GoldDoc], pipeline: Pipeline | None = None) -> Counts:
    """Analyse the documents verbatim and count matches."""
    pipeline = pipeline or Pipeline()
    counts = Counts()
    documents = [Document(text=d.text, published=d.dct or None, source=d.name) for d in docs]
    for gold, report in zip(docs, pipeline.analyze_many(documents), strict=True):
        score(gold.timexes, report.times, counts)
    return counts


def figures(counts: Counts) -> dict[str, float]:
    """The headline figures from the counts."""
    strict = f1(counts.strict, counts.predicted, counts.gold)
    relaxed = f1(counts.relaxed, counts.predicted, counts.gold)
    value = f1(counts.value, counts.predicted, counts.gold)
    type_ = f1(counts.type, counts.predicted, counts.gold)
    return {"strict_p": strict[0], "strict_r": strict[1], "strict_f1": strict[2],
            "relaxed_p": relaxed[0], "relaxed_r": relaxed[1], "relaxed_f1": relaxed[2],
            "value_f1": value[2], "type_f1": type_[2],
            "value_accuracy": counts.value / counts.relaxed if counts.relaxed else 0.0}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``polybius eval timex``."""
    parser.add_argument("--limit", type=int, default=None, help="only the first N documents")
    parser.add_argument("--subset", choices=["TimeBank", "AQUAINT"], default=None,
                        help="only one of the two corpora (default: both)")


def run(args: argparse.Namespace) -> int:
    """Print recognition (strict, relaxed) and value figures with their counts."""
    docs = load(args.limit, args.subset)
    counts = evaluate(docs)
    result = figures(counts)
    print(f"TempEval-3 TBAQ-cleaned: {len(docs)} documents, {counts.gold} gold TIMEX3 "
          f"(DCTs excluded), {counts.predicted} predicted")
    print(f"recognition strict : P {result['strict_p']:.3f} R {result['strict_r']:.3f} "
          f"F1 {result['strict_f1']:.3f}  ({counts.strict} exact matches)")
    print(f"recognition relaxed: P {result['relaxed_p']:.3f} R {result['relaxed_r']:.3f} "
          f"F1 {result['relaxed_f1']:.3f}  ({counts.relaxed} overlapping matches)")
    print(f"value F1 {result['value_f1']:.3f}  ({counts.value} correct values); value accuracy "
          f"on matches {result['value_accuracy']:.3f}")
    print(f"type F1 {result['type_f1']:.3f}  ({counts.type} correct types)")
    return 0
