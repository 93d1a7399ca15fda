"""The event-trigger lexicon: rows indexed by head lemma, weapons and carrier nouns."""

from __future__ import annotations

from spacy.language import Language

from polybius.extract.event_trigger_lexicon import is_carrier, is_weapon, lexicon


def test_noun_rows_are_indexed_by_their_last_word_longest_first() -> None:
    entries = lexicon().nouns["bomb"]
    lengths = [len(e.words) for e in entries]
    assert lengths == sorted(lengths, reverse=True) and ("car", "bomb") in [e.words for e in entries]


def test_verb_rows_are_indexed_by_their_first_word() -> None:
    assert any(e.words == ("pull", "out") and e.type == "RETREAT" for e in lexicon().verbs["pull"])


def test_weapons_and_carriers_are_nouns_of_their_lists(nlp: Language) -> None:
    doc = nlp("The rocket hit a bombing campaign office.")
    assert is_weapon(doc[1]) and not is_weapon(doc[2])
    assert is_carrier(doc[5]) and not is_carrier(doc[1])
