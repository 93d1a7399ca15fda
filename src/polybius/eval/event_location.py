"""Event location on Halterman's event_location sentences: is the chosen place right?

Each record is one sentence with one event verb and zero or more gold LOCATION spans where
that event happened. The sentence is analysed verbatim (places found as in any article) and
``locate_event`` is asked for the verb's place. A prediction is correct when the chosen place
is the gold one: one of its mentions overlaps a gold LOCATION span ("Baghdad" written twice
is one place), or both gold and prediction say "no place". The stricter figure the first
sessions reported, which scores only the mention nearest the verb, is printed beside it.
Records that share a sentence and verb are counted once, the RELABEL (gold re-annotation)
record winning.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from dataclasses import dataclass

from polybius.analysis import Analysis
from polybius.eval import dataset_dir
from polybius.extract.places import locate_event
from polybius.model import Document, Span
from polybius.pipeline import Pipeline, run_stages

DATASET = "event_location"


@dataclass(frozen=True)
class Record:
    """One sentence, its event verb, and the gold location spans (character offsets)."""

    text: str
    verb: tuple[int, int]
    locations: tuple[tuple[int, int], ...]
    source: str


def _char_span(tokens: list[dict], span: dict) -> tuple[int, int] | None:
    first, last = span["token_start"], min(span["token_end"], len(tokens) - 1)
    if first >= len(tokens) or last < first:
        return None
    return tokens[first]["start"], tokens[last]["end"]


def _record(raw: dict) -> Record | None:
    tokens = raw.get("tokens") or []
    spans = raw.get("spans") or []
    verbs = [v for s in spans if s["label"] == "VERB" for v in [_char_span(tokens, s)] if v]
    if not verbs:
        return None
    locations = tuple(sorted(c for s in spans if s["label"] == "LOCATION"
                             for c in [_char_span(tokens, s)] if c))
    return Record(raw["text"], verbs[0], locations, str(raw.get("source", "")))


def load(limit: int | None = None) -> list[Record]:
    """Records in file order, one per (sentence, verb), RELABEL records preferred."""
    raw = json.loads((dataset_dir(DATASET) / "records.json").read_text(encoding="utf-8"))
    chosen: dict[tuple[str, tuple[int, int]], Record] = {}
    for item in raw:
        record = _record(item)
        if record is None:
            continue
        key = (record.text, record.verb)
        if key not in chosen or record.source == "RELABEL":
            chosen[key] = record
    records = list(chosen.values())
    return records[:limit]


def predicted_mentions(analysis: Analysis, place_id: str | None) -> list[Span]:
    """The mentions of the chosen place (none when no place was chosen)."""
    place = next((p for p in analysis.places if p.id == place_id), None)
    return list(place.mentions) if place is not None else []


def nearest(mentions: list[Span], verb: tuple[int, int]) -> list[Span]:
    """Only the mention nearest the verb (the stricter scoring)."""
    return [min(mentions, key=lambda m: abs(m.start - verb[0]))] if mentions else []


def is_correct(record: Record, mentions: list[Span]) -> bool:
    """Correct when a mention of the chosen place overlaps a gold location, or both say
    there is none."""
    if not mentions:
        return not record.locations
    return any(m.start < end and start < m.end for m in mentions for start, end in record.locations)


def evaluate(records: list[Record], pipeline: Pipeline | None = None) -> Counter[str]:
    """Counts of outcomes: correct/wrong split by whether gold has a location."""
    pipeline = pipeline or Pipeline()
    texts = sorted({r.text for r in records})
    analyses: dict[str, Analysis] = {}
    for doc in pipeline.nlp.pipe(texts, batch_size=pipeline.options.batch_size):
        analysis = Analysis(document=Document(text=doc.text), doc=doc, anchor=None)
        run_stages(analysis)
        analyses[doc.text] = analysis
    counts: Counter[str] = Counter()
    for record in records:
        analysis = analyses[record.text]
        place_id, _ = locate_event(analysis, *record.verb)
        mentions = predicted_mentions(analysis, place_id)
        kind = "with_location" if record.locations else "without_location"
        counts[f"{kind}_{'correct' if is_correct(record, mentions) else 'wrong'}"] += 1
        counts["nearest_mention_correct"] += is_correct(record, nearest(mentions, record.verb))
        counts["predicted_none"] += not mentions
    return counts


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``polybius eval event-location``."""
    parser.add_argument("--limit", type=int, default=None, help="only the first N records")


def run(args: argparse.Namespace) -> int:
    """Print the accuracy of the chosen event location with its counts."""
    records = load(args.limit)
    counts = evaluate(records)
    total = len(records)
    correct = counts["with_location_correct"] + counts["without_location_correct"]
    with_loc = counts["with_location_correct"] + counts["with_location_wrong"]
    without = counts["without_location_correct"] + counts["without_location_wrong"]
    print(f"event_location: {total} records (sentence + verb), {with_loc} with a gold location, "
          f"{without} without")
    print(f"accuracy {correct / total if total else 0:.3f} ({correct}/{total})")
    print(f"  with a gold location: {counts['with_location_correct']}/{with_loc} correct")
    print(f"  without: {counts['without_location_correct']}/{without} correct (no place chosen)")
    print(f"  no place predicted for {counts['predicted_none']} records")
    strict = counts["nearest_mention_correct"]
    print(f"scoring only the chosen place's mention nearest the verb: {strict / total if total else 0:.3f} "
          f"({strict}/{total})")
    return 0
