"""Titles of people read around their names."""

from __future__ import annotations

from spacy.language import Language

from polybius.extract.actor_titles import part_of_title, person_title


def _title(nlp: Language, text: str, name: str) -> str | None:
    doc = nlp(text)
    start = text.index(name)
    span = doc.char_span(start, start + len(name))
    found = person_title(span)
    return found[0].text if found else None


def test_title_before_the_name_and_in_apposition(nlp: Language) -> None:
    assert _title(nlp, "US Defense Secretary Marcus Webber met troops.", "Marcus Webber") == "US Defense Secretary"
    text = "Lena Ortiz, then Secretary of State in the Webber administration, visited Berlin."
    assert _title(nlp, text, "Lena Ortiz") == "Secretary of State"


def test_a_word_inside_a_title_phrase_is_part_of_it(nlp: Language) -> None:
    doc = nlp("The Defense Secretary spoke to the Defense Council.")
    assert part_of_title(doc[1:2]) is True
    assert part_of_title(doc[6:8]) is False
