"""How matched triggers combine: one event, one trigger."""

from __future__ import annotations

from spacy.language import Language

from polybius.extract.event_triggers import find_triggers


def _events(nlp: Language, text: str) -> list[tuple[str, list[str]]]:
    return [(t.token.text, [a.text for a in t.absorbed]) for t in find_triggers(nlp(text))]


def test_casualty_verb_reporting_an_assaults_toll_is_absorbed(nlp: Language) -> None:
    assert _events(nlp, "Jets bombed the town, killing 12 people.") == [("bombed", ["killing"])]


def test_renamed_event_counts_once(nlp: Language) -> None:
    events = _events(nlp, "Police called the explosion a terrorist attack.")
    assert [word for word, _ in events] == ["explosion"]


def test_noun_modifying_another_noun_is_no_event(nlp: Language) -> None:
    assert _events(nlp, "Recruits arrived at the training camps.") == []


def test_seized_weapons_are_no_attack(nlp: Language) -> None:
    assert [word for word, _ in _events(nlp, "Police seized grenades in the raid.")] == ["seized", "raid"]
