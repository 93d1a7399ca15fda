"""Later references to a reported event fold into it instead of counting it again."""

from __future__ import annotations

from polybius.model import Document
from polybius.pipeline import Pipeline


def _events(pipeline: Pipeline, text: str):  # type: ignore[no-untyped-def]
    return pipeline.analyze(Document(text=text, source="t")).events


def test_the_attack_refers_back_to_the_reported_attack(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Gunmen attacked an army post on Tuesday, killing 14 soldiers. "
                               "JNIM claimed responsibility for the attack. Tuesday's attack was the deadliest.")
    assault = [e for e in events if e.type == "ASSAULT"]
    assert len(assault) == 1
    assert [m.text for m in assault[0].mentions] == ["attack", "attack"]
    assert [e.id for e in events] == [f"ev{n}" for n in range(1, len(events) + 1)]


def test_an_indefinite_or_denied_attack_is_an_event_of_its_own(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Gunmen attacked an army post. Rebels launched an attack on a convoy. "
                               "The army denied that the attack had happened.")
    assert len([e for e in events if e.type == "ASSAULT"]) == 3


def test_a_reference_with_its_own_participants_stays_an_event(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Gunmen attacked an army post. The rebels' attack on the convoy failed.")
    assert len([e for e in events if e.type == "ASSAULT"]) == 2


def test_the_wounded_refer_back_to_the_incident_with_participants(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Gunmen attacked an army post, killing 14 soldiers. Many of the wounded "
                               "are in serious condition. JNIM claimed responsibility for the attack.")
    assault = [e for e in events if e.type == "ASSAULT"]
    assert len(assault) == 1 and [m.text for m in assault[0].mentions] == ["wounded", "attack"]
