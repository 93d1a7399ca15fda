"""``polybius eval wikievents``: triggers and arguments of attack, die, injure and arrest events.

Reads ``../shared/data/wikievents/dev.jsonl`` (KAIROS annotation) and the coreference clusters
in ``coref/dev.jsonlines``. Each document's text is rebuilt by joining its sentences with a
newline, so that every gold token has a character span; the text is analysed verbatim.

Polybius's output is read in the KAIROS categories:

- attack: an ASSAULT event whose trigger is not a casualty word; its actors are Attackers, its
  recipients Targets, its place the Place when the place is named in the event's sentence (a
  place inferred from the paragraph or document is not an argument);
- die / injure: an ASSAULT event triggered by a killing or wounding word, or a quantity of kind
  killed / injured (whose evidence includes the verb, "killing as many as 50 people"); the
  event's actors are Killers / Injurers, its recipients Victims, else the people its casualty
  count counts (the quantity's span);
- arrest: a COERCE event of mode arrest, or a quantity of kind arrested; its actors are Jailers,
  its recipients (or the people an arrest count counts) Detainees.

A predicted trigger matches a gold trigger of the same category when their character spans
overlap (each gold trigger matched once). An argument is right when its trigger matched, its
role agrees, and one mention of the predicted entity (or place) overlaps a mention of the gold
argument's coreference cluster.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from polybius.eval import dataset_dir
from polybius.model import Document, Event, Report
from polybius.pipeline import Pipeline

CATEGORIES = {
    "Conflict.Attack": "attack",
    "Life.Die": "die",
    "Life.Injure": "injure",
    "Justice.ArrestJailDetain": "arrest",
}
# KAIROS role names of an event's actors and recipients, by category; Place is common to all.
ROLE_NAMES = {
    "attack": ("Attacker", "Target"),
    "die": ("Killer", "Victim"),
    "injure": ("Injurer", "Victim"),
    "arrest": ("Jailer", "Detainee"),
}
ROLES = {role for pair in ROLE_NAMES.values() for role in pair} | {"Place"}
CASUALTY_WORDS = {"kill": "die", "murder": "die", "die": "die", "dead": "die", "death": "die",
                  "wound": "injure", "injur": "injure", "hurt": "injure"}
QUANTITY_CATEGORIES = {"killed": "die", "injured": "injure", "arrested": "arrest"}

Spans = list[tuple[int, int]]


@dataclass
class GoldEvent:
    """A gold trigger with its category and argument spans (each a coreference cluster)."""

    category: str
    start: int
    end: int
    arguments: list[tuple[str, Spans]] = field(default_factory=list)


@dataclass
class GoldDocument:
    """One rebuilt document and its gold events of the four categories."""

    id: str
    text: str
    events: list[GoldEvent]


def _category(event_type: str) -> str | None:
    return CATEGORIES.get(".".join(event_type.split(".")[:2]))


def _token_spans(doc: dict) -> tuple[str, list[tuple[int, int]]]:
    """The text (sentences joined by newlines) and the character span of every token."""
    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    offset = 0
    for tokens, sentence in doc["sentences"]:
        base = tokens[0][1]
        spans += [(offset + a - base, offset + b - base) for _, a, b in tokens]
        parts.append(sentence)
        offset += len(sentence) + 1
    return "\n".join(parts), spans


def _clusters(path: Path) -> dict[str, list[list[str]]]:
    result: dict[str, list[list[str]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            result[item["doc_key"]] = item["clusters"]
    return result


def read_documents(folder: Path) -> list[GoldDocument]:
    """The dev documents with their attack, die, injure and arrest events."""
    clusters = _clusters(folder / "coref" / "dev.jsonlines")
    documents = []
    for line in (folder / "dev.jsonl").read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        text, spans = _token_spans(doc)
        mentions = {
            m["id"]: (spans[m["start"]][0], spans[m["end"] - 1][1]) for m in doc["entity_mentions"]
        }
        cluster_of = {m: c for c in clusters.get(doc["doc_id"], []) for m in c}
        events = []
        for mention in doc["event_mentions"]:
            category = _category(mention["event_type"])
            if category is None:
                continue
            trigger = mention["trigger"]
            gold = GoldEvent(category, spans[trigger["start"]][0], spans[trigger["end"] - 1][1])
            for arg in mention["arguments"]:
                if arg["role"] in ROLES:
                    ids = cluster_of.get(arg["entity_id"], [arg["entity_id"]])
                    gold.arguments.append((arg["role"], [mentions[i] for i in ids if i in mentions]))
            events.append(gold)
        documents.append(GoldDocument(doc["doc_id"], text, events))
    return documents


@dataclass
class Predicted:
    """A predicted trigger span with its category and argument spans by role."""

    category: str
    start: int
    end: int
    arguments: list[tuple[str, Spans]] = field(default_factory=list)


def _event_category(event: Event) -> str | None:
    if event.type == "COERCE" and event.mode == "arrest":
        return "arrest"
    if event.type != "ASSAULT" or event.trigger is None:
        return None
    return _word_category(event.trigger.text)


def _word_category(word: str) -> str:
    """attack, or die / injure for a casualty word ("killing", "wounded")."""
    return next((c for stem, c in CASUALTY_WORDS.items() if word.lower().startswith(stem)), "attack")


def predictions(report: Report) -> Iterator[Predicted]:
    """Polybius's events and quantities read as KAIROS triggers with arguments."""
    mentions = {e.id: [(m.start, m.end) for m in e.mentions] for e in report.entities}
    places = {p.id: [(m.start, m.end) for m in p.mentions] for p in report.places}
    for event in report.events:
        category = _event_category(event)
        if category is not None and event.trigger is not None:
            arguments = _arguments(event, category, mentions, places)
            yield Predicted(category, event.trigger.start, event.trigger.end, arguments)
            # later references folded into the event ("the attack") are triggers of their own here,
            # with the category of their own word and without arguments (they name none)
            for span in event.mentions:
                yield Predicted(_word_category(span.text), span.start, span.end, [])
        for quantity in event.quantities:
            kind = QUANTITY_CATEGORIES.get(quantity.kind)
            if kind is not None and kind != category:
                victims = [(ROLE_NAMES[kind][1], [(quantity.start, quantity.end)])]
                yield Predicted(kind, quantity.start, quantity.end, victims)


def _arguments(
    event: Event, category: str, mentions: dict[str, Spans], places: dict[str, Spans]
) -> list[tuple[str, Spans]]:
    actor_role, victim_role = ROLE_NAMES[category]
    args = [(actor_role, mentions.get(i, [])) for i in event.actors]
    args += [(victim_role, mentions.get(i, [])) for i in event.recipients]
    if category in ("die", "injure") and not event.recipients:
        # the people a casualty count counts ("killing 50 people") are the victims
        counted = [(q.start, q.end) for q in event.quantities if QUANTITY_CATEGORIES.get(q.kind) == category]
        args += [("Victim", counted)] if counted else []
    if event.place is not None:
        # a place named in the event's own sentence, as KAIROS annotates it; one inferred from
        # the paragraph or the document is Polybius's guess at the location, not an argument
        near = [m for m in places.get(event.place, []) if _overlap(m, (event.evidence.start, event.evidence.end))]
        if near:
            args.append(("Place", near))
    return args


def _any_overlap(ours: Spans, theirs: Spans) -> bool:
    return any(_overlap(a, b) for a in ours for b in theirs)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@dataclass
class Counts:
    """True positives, predictions and gold items."""

    tp: int = 0
    predicted: int = 0
    gold: int = 0

    def f1(self) -> tuple[float, float, float]:
        """Precision, recall and F1."""
        p = self.tp / self.predicted if self.predicted else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_document(
    gold: GoldDocument, report: Report, triggers: dict[str, Counts], arguments: Counts
) -> None:
    """Add one document's trigger and argument matches to the tallies."""
    predicted = list(predictions(report))
    for expected in gold.events:
        triggers[expected.category].gold += 1
        arguments.gold += len(expected.arguments)
    for item in predicted:
        triggers[item.category].predicted += 1
        arguments.predicted += len(item.arguments)
    free = list(gold.events)
    for item in predicted:
        match = next((g for g in free if _same_trigger(g, item)), None)
        if match is None:
            continue
        free.remove(match)
        triggers[item.category].tp += 1
        arguments.tp += _argument_matches(match, item)


def _same_trigger(gold: GoldEvent, item: Predicted) -> bool:
    return gold.category == item.category and _overlap((gold.start, gold.end), (item.start, item.end))


def _argument_matches(gold: GoldEvent, item: Predicted) -> int:
    remaining = list(gold.arguments)
    hits = 0
    for role, spans in item.arguments:
        found = next((g for g in remaining if g[0] == role and _any_overlap(spans, g[1])), None)
        if found is not None:
            remaining.remove(found)
            hits += 1
    return hits


def evaluate(limit: int | None = None) -> tuple[dict[str, Counts], Counts, int]:
    """Trigger counts per category and argument counts over the documents."""
    documents = read_documents(dataset_dir("wikievents"))[:limit]
    reports = Pipeline().analyze_many(Document(text=d.text) for d in documents)
    triggers = {c: Counts() for c in CATEGORIES.values()}
    arguments = Counts()
    for gold, report in zip(documents, reports, strict=True):
        score_document(gold, report, triggers, arguments)
    return triggers, arguments, len(documents)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``polybius eval wikievents``."""
    parser.add_argument("--limit", type=int, default=None, help="score only the first N documents")


def run(args: argparse.Namespace) -> int:
    """Print trigger P/R/F1 per category and argument P/R/F1, with their counts."""
    triggers, arguments, count = evaluate(args.limit)
    print(f"WikiEvents dev documents: {count}")
    print(f"{'category':<10} {'tp':>4} {'pred':>5} {'gold':>5}  precision recall  f1")
    for name, counts in [*triggers.items(), ("arguments", arguments)]:
        p, r, f = counts.f1()
        print(f"{name:<10} {counts.tp:>4} {counts.predicted:>5} {counts.gold:>5}  {p:9.3f} {r:6.3f} {f:.3f}")
    return 0
