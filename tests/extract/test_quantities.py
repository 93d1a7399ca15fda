"""Quantities: numbers and vague counts with their bounds, kind and evidence."""

from __future__ import annotations

from spacy.language import Language

from polybius.extract.quantities import find_quantities
from polybius.model import Quantity


def _found(nlp: Language, text: str) -> list[Quantity]:
    return find_quantities(nlp(text)[:])


def _one(nlp: Language, text: str) -> Quantity:
    found = _found(nlp, text)
    assert len(found) == 1, found
    return found[0]


def test_as_many_as_is_an_upper_bound_only(nlp: Language) -> None:
    q = _one(nlp, "The strike hit a camp near the border, killing as many as 50 people.")
    assert (q.kind, q.min, q.max, q.approximate) == ("killed", None, 50, False)


def test_at_least_is_a_lower_bound_only(nlp: Language) -> None:
    q = _one(nlp, "The army has deployed at least 40 soldiers to the valley.")
    assert (q.kind, q.min, q.max) == ("troops", 40, None)


def test_range_gives_both_bounds(nlp: Language) -> None:
    q = _one(nlp, "The plan involves strikes on 30 to 40 targets.")
    assert (q.kind, q.min, q.max) == ("targets", 30, 40)


def test_hyphenated_range(nlp: Language) -> None:
    q = _one(nlp, "Officials said 3-5 civilians died in the shelling.")
    assert (q.kind, q.min, q.max) == ("killed", 3, 5)


def test_approximately_marks_an_exact_figure_approximate(nlp: Language) -> None:
    q = _one(nlp, "The war led to the deaths of approximately 30,000 people.")
    assert (q.kind, q.min, q.max, q.approximate) == ("killed", 30000, 30000, True)


def test_dozens_reads_as_twelve_approximate(nlp: Language) -> None:
    q = _one(nlp, "Dozens of people were arrested after the march.")
    assert (q.kind, q.min, q.max, q.approximate) == ("arrested", 12, 12, True)


def test_hundreds_of_thousands_multiplies(nlp: Language) -> None:
    q = _one(nlp, "The fighting displaced hundreds of thousands of refugees.")
    assert (q.kind, q.min, q.approximate) == ("displaced", 100000, True)


def test_number_words_are_read(nlp: Language) -> None:
    q = _one(nlp, "Police arrested twenty-five protesters outside the court.")
    assert (q.kind, q.min, q.max) == ("arrested", 25, 25)


def test_verb_gives_the_kind_and_joins_the_evidence(nlp: Language) -> None:
    q = _one(nlp, "Seven guards were wounded in the clash.")
    assert (q.kind, q.min) == ("injured", 7)
    assert q.text == "Seven guards were wounded"


def test_dates_and_money_are_not_counts(nlp: Language) -> None:
    assert _found(nlp, "On February 22, 2016 the ministry paid 5 million dollars.") == []


def test_offsets_index_the_text(nlp: Language) -> None:
    text = "Rebels seized the town. Five soldiers were killed."
    q = _one(nlp, text)
    assert text[q.start : q.end] == q.text


def test_one_named_victim_counts_as_one(nlp: Language) -> None:
    q = _one(nlp, "A roadside bomb killed a Russian general near the city.")
    assert (q.kind, q.min, q.max, q.text) == ("killed", 1, 1, "killed a Russian general")


def test_plural_victims_without_a_number_are_not_counted(nlp: Language) -> None:
    assert _found(nlp, "The bombing killed soldiers and civilians.") == []
