"""``polybius eval plover``: event type, mode and actor countries on the PLOVER gold records.

Reads ``../shared/data/plover/PLOVER_GSR_CAMEO.txt`` (one sentence per record, hand-coded in
PLOVER), analyses each sentence verbatim, takes the sentence's first event as its coding and
compares:

- type: the gold records predate PLOVER 2021, so their older categories are read in the 2021
  ontology (DEMAND -> REQUEST, DISAPPROVE and INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT). PLOVER
  codes a stated intention to cooperate as AGREE, an intention to use force or pressure as
  THREATEN (CAMEO 13x, protest included), and a refusal as REJECT; Polybius keeps the
  action's type and says so in its status, so a planned or negated event is read through that
  convention (``plover_category``). The gold's PLOVER 0.5 codes destruction of property as
  COERCE (the 2021 table moved CAMEO 1712 to ASSAULT), so an ASSAULT of mode destroy reads as
  COERCE;
- mode, on records whose gold has one (older PROTEST mode names read as 2021 ones, a threat of
  force as mode violence);
- source and target country: right when a gold country code is among the countries of the
  event's actor (recipient) entities; records with no country-coded gold actor are left out.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from polybius.eval import dataset_dir
from polybius.model import Document, Event, Report
from polybius.pipeline import Pipeline

GOLD_FILE = "PLOVER_GSR_CAMEO.txt"
OLD_CATEGORIES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
COOPERATIVE = frozenset({"AID", "COOPERATE", "CONSULT", "SUPPORT", "CONCEDE", "RETREAT", "AGREE"})
HOSTILE = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST"})
# PLOVER 0.5 mode names in the gold, read as the 2021 PROTEST modes.
OLD_MODES = {
    "demo-org": "demo",
    "demo-spon": "demo",
    "riot-spon": "riot",
    "strike-hun": "hunger",
    "strike-gen": "boycott",
}
NON_COUNTRY = frozenset({"IGO", "NGO", "---", ""})


@dataclass(frozen=True)
class GoldRecord:
    """One PLOVER gold sentence with its coding."""

    id: str
    text: str
    type: str
    mode: str | None
    sources: frozenset[str]
    targets: frozenset[str]


def _codes(actors: object) -> frozenset[str]:
    if not isinstance(actors, list):
        return frozenset()
    codes = {str(a.get("code", "")).upper() for a in actors if isinstance(a, dict)}
    return frozenset(c for c in codes if len(c) == 3 and c not in NON_COUNTRY)


def _mode(value: object) -> str | None:
    mode = str(value or "").strip()
    return OLD_MODES.get(mode, mode) or None


def read_gold(path: Path) -> list[GoldRecord]:
    """The gold records (the leading DOCUMENT header record skipped)."""
    records = json.loads(path.read_text(encoding="utf-8"))
    return [
        GoldRecord(
            id=r["id"],
            text=r["text"].strip(),
            type=OLD_CATEGORIES.get(r["event"], r["event"]),
            mode=_mode(r.get("mode")),
            sources=_codes(r.get("source")),
            targets=_codes(r.get("target")),
        )
        for r in records
        if r.get("event") != "DOCUMENT"
    ]


def plover_category(event: Event) -> str:
    """The PLOVER category of an event as PLOVER codes statements of intent and refusal."""
    if event.status in ("negated", "denied") and event.type in COOPERATIVE:
        return "REJECT"
    if event.type == "ASSAULT" and event.mode == "destroy" and event.status in ("occurred", "claimed"):
        return "COERCE"
    if event.status in ("planned", "hypothetical"):
        if event.type in COOPERATIVE:
            return "AGREE"
        if event.type in HOSTILE:
            return "THREATEN"
    return event.type


def plover_mode(event: Event) -> str | None:
    """The mode as PLOVER codes it: a threat of force has mode violence."""
    if plover_category(event) == "THREATEN" and event.type in ("ASSAULT", "MOBILIZE"):
        return "violence"
    return event.mode


def _countries(report: Report, ids: list[str]) -> set[str]:
    by_id = {e.id: e for e in report.entities}
    return {c for c in (by_id[i].country for i in ids if i in by_id) if c}


@dataclass
class Tally:
    """Counts behind the figures."""

    records: int = 0
    no_event: int = 0
    type_right: int = 0
    mode_total: int = 0
    mode_right: int = 0
    source_total: int = 0
    source_right: int = 0
    target_total: int = 0
    target_right: int = 0


def score(gold: list[GoldRecord], reports: list[Report]) -> tuple[Tally, Counter[tuple[str, str]]]:
    """Tally type, mode and actor-country agreement; also the (gold, predicted) type pairs."""
    tally, confusion = Tally(), Counter[tuple[str, str]]()
    for record, report in zip(gold, reports, strict=True):
        tally.records += 1
        event = report.events[0] if report.events else None
        predicted = plover_category(event) if event else "NONE"
        tally.no_event += event is None
        tally.type_right += predicted == record.type
        confusion[(record.type, predicted)] += 1
        if record.mode:
            tally.mode_total += 1
            tally.mode_right += bool(event and plover_mode(event) == record.mode)
        if record.sources:
            tally.source_total += 1
            found = _countries(report, event.actors) if event else set()
            tally.source_right += bool(found & record.sources)
        if record.targets:
            tally.target_total += 1
            found = _countries(report, event.recipients) if event else set()
            tally.target_right += bool(found & record.targets)
    return tally, confusion


def evaluate(limit: int | None = None) -> tuple[Tally, Counter[tuple[str, str]]]:
    """Analyse the gold sentences (the first ``limit`` if given) and score them."""
    gold = read_gold(dataset_dir("plover") / GOLD_FILE)[:limit]
    pipeline = Pipeline()
    reports = list(pipeline.analyze_many(Document(text=r.text) for r in gold))
    return score(gold, reports)


def _ratio(right: int, total: int) -> str:
    return f"{right / total:.3f} ({right}/{total})" if total else "n/a (0/0)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``polybius eval plover``."""
    parser.add_argument("--limit", type=int, default=None, help="score only the first N records")
    parser.add_argument("--confusion", action="store_true", help="print (gold, predicted) type pairs")


def run(args: argparse.Namespace) -> int:
    """Print type, mode, source and target country accuracy with their counts."""
    tally, confusion = evaluate(args.limit)
    print(f"PLOVER gold records: {tally.records} (no event found: {tally.no_event})")
    print(f"type accuracy:           {_ratio(tally.type_right, tally.records)}")
    print(f"mode accuracy:           {_ratio(tally.mode_right, tally.mode_total)}")
    print(f"source country accuracy: {_ratio(tally.source_right, tally.source_total)}")
    print(f"target country accuracy: {_ratio(tally.target_right, tally.target_total)}")
    if args.confusion:
        for (gold, predicted), count in confusion.most_common():
            print(f"  {gold:>10} -> {predicted:<10} {count}")
    return 0
