"""``polybius eval case``: ACLED sub-event types on the CASE 2021 Task 2 snippets.

Each snippet of ``../shared/data/case2021_task2/test_set_final_release_with_labels.tsv`` is
analysed verbatim; its events are mapped onto ACLED sub-event types (``acled_subtype``) and the
snippet takes the most specific label found, in ACLED's own order of precedence (a weapon-
specific label before a generic attack, violence before a strategic development). A snippet
with no mappable event is labelled OTHER. Scored on the snippets whose gold label is one of the
25 ACLED types (subtask 1): per-label precision, recall and F1, macro and micro F1. The five
non-ACLED labels (ORG_CRIME, NATURAL_DISASTER, ...) are counted and left out.
"""

from __future__ import annotations

import argparse
import csv
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from polybius.eval import dataset_dir
from polybius.lexicons import read_table
from polybius.model import Document, Event, Report
from polybius.pipeline import Pipeline

GOLD_FILE = "test_set_final_release_with_labels.tsv"
TYPES_FILE = "event_types.txt"
FALLBACK = "OTHER"


@dataclass(frozen=True)
class Snippet:
    """One gold snippet."""

    id: str
    text: str
    label: str


def read_snippets(folder: Path) -> list[Snippet]:
    """The labelled snippets (tab-separated, header line, no quoting)."""
    with (folder / GOLD_FILE).open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [Snippet(r["id"], r["EventSnippet"], r["SubType"].strip()) for r in reader]


def read_labels(folder: Path) -> list[str]:
    """The 25 ACLED sub-event types."""
    lines = (folder / TYPES_FILE).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip()]


def _rules() -> tuple[tuple[str, str, str, str], ...]:
    return read_table("acled_subtypes.tsv")  # type: ignore[return-value]


def _matches(event: Event, kind: str, mode: str, cameo: str) -> bool:
    return (
        kind == event.type
        and mode in ("*", event.mode or "-")
        and cameo in ("*", event.cameo or "-")
    )


@lru_cache(maxsize=1)
def _word_classes() -> dict[str, frozenset[str]]:
    classes: dict[str, set[str]] = {}
    for word, kind in read_table("acled_actor_words.tsv"):
        classes.setdefault(word, set()).add(kind)
    return {w: frozenset(k) for w, k in classes.items()}


def _classes(text: str) -> set[str]:
    """Word classes (armed, civilian, state, protester, mob) of the words in ``text``."""
    table = _word_classes()
    found: set[str] = set()
    for word in re.findall(r"[a-z-]+", text.lower()):
        found |= table.get(word, table.get(word.rstrip("s"), frozenset()))
    return found


def _refine(label: str, event: Event, protest: bool) -> str:
    """Split a label by who acts (text before the trigger) and who is hit (the sentence)."""
    trigger_start = event.trigger.start if event.trigger else event.evidence.start
    trigger_end = event.trigger.end if event.trigger else trigger_start
    # who acts: the words of the trigger's own clause up to its end ("rioters attacked", "mob
    # violence"), not those of an earlier clause ("demonstrators were hurt as police charged")
    before = _classes(_own_clause(event.evidence.text[: max(0, trigger_end - event.evidence.start)]))
    whole = _classes(event.evidence.text)
    mutual = "mutual" in _classes(event.trigger.text if event.trigger else "")
    if label in TERRITORY:
        return _territory(label, _first_side(event.evidence.text[: max(0, trigger_start - event.evidence.start)]))
    if label in RIOT_LABELS and "protester" in before:
        return "VIOL_DEMONSTR"  # petrol bombs thrown, shops looted by demonstrators
    if label not in ("ATTACK", "ARMED_CLASH"):
        return _PROTEST_SHIFT.get(label, label) if protest else label
    if "protester" in before:
        return "VIOL_DEMONSTR"
    if "mob" in before:
        return "MOB_VIOL"
    if protest and mutual:
        return "VIOL_DEMONSTR"  # a clash is violence on both sides: the demonstration turned violent
    if protest or "protester" in whole:
        return "FORCE_AGAINST_PROTEST"
    if label == "ATTACK" or not mutual:
        return _attack_or_clash(event, trigger_start, whole)
    return label


CLAUSE_BREAK = re.compile(r",|;|\b(?:as|after|when|while|said|says|before)\b")


def _own_clause(text: str) -> str:
    """The text after the last clause break: the clause a trigger ending ``text`` belongs to."""
    return CLAUSE_BREAK.split(text)[-1]


def _attack_or_clash(event: Event, trigger_start: int, whole: set[str]) -> str:
    """Who was hit: armed men (an armed clash) or civilians (an attack); the words after the
    trigger name the target, else the rest of the sentence without the attackers' words."""
    after = _classes(event.evidence.text[max(0, trigger_start - event.evidence.start) :])
    before_classes = _classes(event.evidence.text[: max(0, trigger_start - event.evidence.start)])
    hit = after if after & {"armed", "civilian"} else whole - before_classes
    return "ARMED_CLASH" if "armed" in hit and "civilian" not in hit else "ATTACK"


TERRITORY = ("NON_STATE_ACTOR_OVERTAKES_TER", "GOV_REGAINS_TERIT")
RIOT_LABELS = ("REM_EXPLOS", "PROPERTY_DISTRUCT")
SIDES = ("state", "nonstate")


def _first_side(text: str) -> set[str]:
    """The side (state or nonstate) of the first armed actor named: "Syrian army and allied
    fighters captured" is the army's advance."""
    for word in re.findall(r"[a-z-]+", text.lower()):
        sides = _classes(word) & set(SIDES)
        if len(sides) == 1:
            return sides
    return set()


def _territory(label: str, before: set[str]) -> str:
    """Territory taken: regained when state forces take it, overtaken when others do."""
    if "state" in before and "nonstate" not in before:
        return "GOV_REGAINS_TERIT"
    if "nonstate" in before and "state" not in before:
        return "NON_STATE_ACTOR_OVERTAKES_TER"
    return label


def acled_subtype(event: Event, protest_in_text: bool) -> str | None:
    """The ACLED sub-event type of one event (``acled_subtypes.tsv``), or None."""
    for kind, mode, cameo, label in _rules():
        if _matches(event, kind, mode, cameo):
            return _refine(label, event, protest_in_text) if kind in ("ASSAULT", "COERCE") else label
    return None


# Coercion in a snippet that also reports a protest is coercion of the protest.
_PROTEST_SHIFT = {"ARREST": "PROTEST_WITH_INTER"}


def snippet_label(report: Report, order: list[str]) -> str:
    """The most specific ACLED label among the snippet's events."""
    protest = any(e.type == "PROTEST" for e in report.events)
    happened = [e for e in report.events if e.status in ("occurred", "claimed")]
    # an attack that is only planned is a threat: what did happen (a mobilisation) comes first
    unplanned = [e for e in report.events if not (e.type == "ASSAULT" and e.status in ("planned", "hypothetical"))]
    labels: set[str] = set()
    for events in (happened, unplanned, report.events):
        found = [(acled_subtype(e, protest), e) for e in events if e.status != "negated"]
        labels = {label for label, _ in found if label is not None}
        if labels:
            break
    if "PROTEST_WITH_INTER" in labels and all(e.mode == "obstruct" for label, e in found if label == "VIOL_DEMONSTR"):
        labels.discard("VIOL_DEMONSTR")  # roads blocked, then the police intervened: an intervention
    if not labels:
        return FALLBACK
    if _unopposed(report.events):
        labels = (labels - set(TERRITORY) - {"CHANGE_TO_GROUP_ACT"}) | {"NON_VIOL_TERRIT_TRANSFER"}
    return min(labels, key=lambda label: order.index(label) if label in order else len(order))


def _unopposed(events: list[Event]) -> bool:
    """Territory taken where the other side withdrew and nobody fought: a non-violent transfer."""
    taken = any(e.type == "COERCE" and e.mode in ("seize", "recapture") for e in events)
    withdrawn = any(e.type == "RETREAT" and e.mode in ("withdraw", "handover") for e in events)
    fought = any(e.type == "ASSAULT" and e.status in ("occurred", "claimed") for e in events)
    return taken and withdrawn and not fought


def precedence() -> list[str]:
    """The ACLED labels from most to least specific (``acled_precedence.tsv``)."""
    return [label for (label,) in read_table("acled_precedence.tsv")]


def f1_table(pairs: list[tuple[str, str]], labels: list[str]) -> dict[str, tuple[int, int, int]]:
    """Per label: true positives, false positives, false negatives."""
    table = {label: [0, 0, 0] for label in labels}
    for gold, predicted in pairs:
        if gold == predicted:
            table[gold][0] += 1
            continue
        if predicted in table:
            table[predicted][1] += 1
        table[gold][2] += 1
    return {k: (v[0], v[1], v[2]) for k, v in table.items()}


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def evaluate(limit: int | None = None) -> tuple[dict[str, tuple[int, int, int]], int, int]:
    """Per-label counts on the ACLED snippets, plus how many were scored and left out."""
    folder = dataset_dir("case2021_task2")
    labels = read_labels(folder)
    snippets = read_snippets(folder)
    acled = [s for s in snippets if s.label in labels]
    scored = acled[:limit]
    reports = Pipeline().analyze_many(Document(text=s.text) for s in scored)
    order = precedence()
    pairs = [(s.label, snippet_label(r, order)) for s, r in zip(scored, reports, strict=True)]
    return f1_table(pairs, labels), len(scored), len(snippets) - len(acled)


def macro_micro(table: dict[str, tuple[int, int, int]]) -> tuple[float, float]:
    """Macro F1 over labels present in gold or predictions, and micro F1."""
    present = [v for v in table.values() if v[0] + v[1] + v[2]]
    macro = sum(_f1(*v) for v in present) / len(present) if present else 0.0
    tp, fp, fn = (sum(v[i] for v in present) for i in range(3))
    return macro, _f1(tp, fp, fn)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``polybius eval case``."""
    parser.add_argument("--limit", type=int, default=None, help="score only the first N snippets")


def run(args: argparse.Namespace) -> int:
    """Print per-label and macro/micro F1 with their counts."""
    table, scored, left_out = evaluate(args.limit)
    print(f"CASE 2021 task 2 snippets scored: {scored} (non-ACLED labels left out: {left_out})")
    print(f"{'label':<32} {'tp':>4} {'fp':>4} {'fn':>4}  f1")
    for label, (tp, fp, fn) in sorted(table.items()):
        print(f"{label:<32} {tp:>4} {fp:>4} {fn:>4}  {_f1(tp, fp, fn):.3f}")
    macro, micro = macro_micro(table)
    counts = Counter({k: v[0] for k, v in table.items()})
    print(f"macro F1: {macro:.3f}   micro F1: {micro:.3f}   (correct: {sum(counts.values())}/{scored})")
    return 0
