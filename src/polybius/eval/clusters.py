"""Event clusters across articles on ECB+: MUC and B-cubed for the events Polybius detects.

Each ECB+ document is rebuilt from its tokens (one sentence per line; the URL line of the
ECB+ additions is left out) and analysed verbatim. A detected event matches the gold action
mention whose tokens its trigger overlaps most. Polybius then clusters the events of all
documents together, as ``polybius ingest`` does, and the clusters of the matched events are
scored against the gold cross-document chains with MUC and B-cubed. All-singletons on the
same mentions is printed beside it as a baseline.
"""

from __future__ import annotations

import argparse
import re
import xml.etree.ElementTree as ET
from collections.abc import Hashable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from polybius.corpus.clusters import cluster_events
from polybius.eval import dataset_dir
from polybius.eval.coref import Score, bcubed, muc
from polybius.model import Document, Report
from polybius.options import Options
from polybius.pipeline import Pipeline
from polybius.store import Store, StoredDocument
from polybius.store.queries import event_records

DATASET = "ecbplus"
ACTION = re.compile(r"^(NEG_)?ACTION_")


@dataclass
class GoldMention:
    """A gold action mention: its tokens and its chain (instance id, or itself)."""

    key: tuple[str, str]
    tokens: set[str]
    chain: str


@dataclass
class EcbDoc:
    """One ECB+ document: rebuilt text, token offsets and gold action mentions."""

    name: str
    text: str
    offsets: dict[str, tuple[int, int]]
    mentions: list[GoldMention] = field(default_factory=list)


def _text(root: ET.Element, skip_url: bool) -> tuple[str, dict[str, tuple[int, int]]]:
    lines: dict[int, list[tuple[str, str]]] = {}
    for token in root.iter("token"):
        sentence = int(token.get("sentence", "0"))
        if not (skip_url and sentence == 0):
            lines.setdefault(sentence, []).append((token.get("t_id", ""), token.text or ""))
    text, offsets = "", {}
    for sentence in sorted(lines):
        for t_id, word in lines[sentence]:
            offsets[t_id] = (len(text), len(text) + len(word))
            text += word + " "
        text = text.rstrip(" ") + "\n"
    return text, offsets


def _chains(root: ET.Element) -> dict[str, str]:
    chains = {}
    for relation in root.iter("CROSS_DOC_COREF"):
        for source in relation.iter("source"):
            chains[source.get("m_id", "")] = relation.get("note", "")
    return chains


def read_ecb(path: Path) -> EcbDoc:
    """Read one ECB+ XML file."""
    root = ET.parse(path).getroot()
    text, offsets = _text(root, skip_url=path.stem.endswith("ecbplus"))
    doc, chains = EcbDoc(path.stem, text, offsets), _chains(root)
    markables = root.find("Markables")
    for element in markables if markables is not None else []:
        anchors = {a.get("t_id", "") for a in element.iter("token_anchor")}
        anchors &= offsets.keys()
        if ACTION.match(element.tag) and anchors:
            m_id = element.get("m_id", "")
            chain = chains.get(m_id) or f"{path.stem}/{m_id}"
            doc.mentions.append(GoldMention((path.stem, m_id), anchors, chain))
    return doc


def ecb_files(root: Path, topics: list[int] | None) -> Iterator[Path]:
    """The XML files of the chosen topics (all when None), in a stable order."""
    for folder in sorted((root / "ECB+").iterdir(), key=lambda p: int(p.name)):
        if topics is None or int(folder.name) in topics:
            yield from sorted(folder.glob("*.xml"))


def match_events(doc: EcbDoc, report: Report) -> dict[tuple[str, int], tuple[str, str]]:
    """(event id, mention number) -> gold mention key, one to one, by the most overlapping
    tokens. Mention 0 is the event's trigger, the others its later references ("the attack")."""
    matched: dict[tuple[str, int], tuple[str, str]] = {}
    taken: set[tuple[str, str]] = set()
    for event in report.events:
        for number, span in enumerate([event.trigger or event.evidence, *event.mentions]):
            tokens = {t for t, (s, e) in doc.offsets.items() if s < span.end and e > span.start}
            best = max((m for m in doc.mentions if m.key not in taken and m.tokens & tokens),
                       key=lambda m: len(m.tokens & tokens), default=None)
            if best is not None:
                matched[(event.id, number)] = best.key
                taken.add(best.key)
    return matched


@dataclass
class Counts:
    """The numbers behind the scores."""

    documents: int = 0
    gold_mentions: int = 0
    events: int = 0
    matched: int = 0
    clusters: int = 0


def evaluate(docs: list[EcbDoc], pipeline: Pipeline) -> tuple[dict[str, Score], Counts]:
    """Detect and cluster events in ``docs``; score the matched ones against gold chains."""
    counts = Counts(documents=len(docs), gold_mentions=sum(len(d.mentions) for d in docs))
    store, key, chain_of = Store(":memory:"), {}, {}
    documents = (Document(text=d.text, source=d.name) for d in docs)
    for doc, report in zip(docs, pipeline.analyze_many(documents), strict=True):
        store.write([StoredDocument(report)])
        counts.events += len(report.events)
        chain_of.update({m.key: m.chain for m in doc.mentions})
        for (event_id, _number), mention in match_events(doc, report).items():
            key.setdefault((report.document.id, event_id), []).append(mention)
    clusters = cluster_events(event_records(store))
    counts.matched, counts.clusters = sum(len(v) for v in key.values()), len(clusters)
    gold: dict[Hashable, Hashable] = {m: chain_of[m] for found in key.values() for m in found}
    response: dict[Hashable, Hashable] = {
        m: c.id for c in clusters for r in c.members for m in key.get((r.document_id, r.event_id), [])}
    singletons: dict[Hashable, Hashable] = {m: m for m in gold}
    scores = {"muc": muc(gold, response), "bcubed": bcubed(gold, response),
              "muc_singletons": muc(gold, singletons),
              "bcubed_singletons": bcubed(gold, singletons)}
    return scores, counts


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Flags of ``polybius eval clusters``."""
    parser.add_argument("--topics", metavar="N,N,...",
                        help="only these ECB+ topic numbers (default: all 43)")
    parser.add_argument("--limit", type=int, metavar="N",
                        help="only the first N documents of the chosen topics")


def run(args: argparse.Namespace) -> int:
    """Print MUC and B-cubed precision, recall and F1, with the counts behind them."""
    topics = [int(t) for t in args.topics.split(",")] if args.topics else None
    paths = list(ecb_files(dataset_dir(DATASET), topics))[: args.limit]
    scores, counts = evaluate([read_ecb(p) for p in paths], Pipeline(Options(verbatim=True)))
    print(f"ECB+ event clusters: {counts.documents} documents, {counts.gold_mentions} gold "
          f"action mentions, {counts.events} events detected, {counts.matched} matched to "
          f"a gold mention, {counts.clusters} clusters")
    for name, score in scores.items():
        print(f"{name:<18} P {score.precision:.3f}  R {score.recall:.3f}  F1 {score.f1:.3f}")
    return 0
