"""Floor for `polybius eval wikievents` on the first 10 WikiEvents dev documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from polybius.eval.wikievents import evaluate, predictions, read_documents
from polybius.model import Document, Entity, Event, Place, Quantity, Report, Span

# Measured 2026-11-25 on the first 10 documents: attack trigger F1 0.641, die 0.867,
# arrest 0.800, arguments 0.238 (0.265 once die, injure and arrest arguments took their own KAIROS role
# names). Lower a floor only on purpose, in the commit that explains why.
ATTACK_FLOOR = 0.62
DIE_FLOOR = 0.84
ARREST_FLOOR = 0.78
ARGUMENT_FLOOR = 0.25


@pytest.mark.shared_data
def test_rebuilt_text_gives_every_trigger_its_words(shared_data: Path) -> None:
    documents = read_documents(shared_data / "wikievents")
    assert len(documents) == 20
    first = documents[0]
    assert any(first.text[e.start : e.end] == "kills" for e in first.events)


@pytest.mark.shared_data
def test_trigger_f1_stays_above_its_floors(shared_data: Path) -> None:
    triggers, arguments, count = evaluate(limit=10)
    assert count == 10
    assert triggers["attack"].f1()[2] >= ATTACK_FLOOR
    assert triggers["die"].f1()[2] >= DIE_FLOOR
    assert triggers["arrest"].f1()[2] >= ARREST_FLOOR
    assert arguments.f1()[2] >= ARGUMENT_FLOOR


def _report_with_quantity() -> Report:
    text = "Gunmen attacked the market in Karsk.\nLater the gunmen shot the guards, killing 12 people."
    place_at = text.index("Karsk")
    killing = text.index("killing 12 people")
    event = Event(
        id="ev1",
        type="ASSAULT",
        evidence=Span(37, len(text), text[37:]),
        trigger=Span(text.index("shot"), text.index("shot") + 4, "shot"),
        place="p1",
        quantities=[Quantity("killed", 12, 12, False, "killing 12 people", killing, killing + 17)],
    )
    place = Place(id="p1", name="Karsk", feature="city", mentions=[Span(place_at, place_at + 5, "Karsk")])
    return Report(document=Document(text=text), events=[event], places=[place])


def test_casualty_count_gives_its_victims_and_a_distant_place_is_no_argument() -> None:
    predicted = list(predictions(_report_with_quantity()))
    assert [p.category for p in predicted] == ["attack", "die"]
    attack, die = predicted
    assert attack.arguments == []  # Karsk is named in another sentence
    assert [role for role, _ in die.arguments] == ["Victim"]


def test_roles_are_named_as_kairos_names_them_for_each_category() -> None:
    text = "Police arrested the gunmen, who had killed a guard."
    event = Event(
        id="ev1",
        type="COERCE",
        mode="arrest",
        evidence=Span(0, len(text), text),
        trigger=Span(7, 15, "arrested"),
        actors=["e1"],
        recipients=["e2"],
    )
    entities = [Entity("e1", "Police", "ORG", [Span(0, 6, "Police")]),
                Entity("e2", "gunmen", "PERSON", [Span(20, 26, "gunmen")])]
    report = Report(document=Document(text=text), events=[event], entities=entities)
    (arrest,) = list(predictions(report))
    assert arrest.category == "arrest"
    assert [role for role, _ in arrest.arguments] == ["Jailer", "Detainee"]
