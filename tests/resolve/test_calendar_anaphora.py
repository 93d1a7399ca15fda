"""Tests for polybius.resolve.calendar_anaphora: expressions that refer back to a date."""

from __future__ import annotations

from datetime import date

import pytest

from polybius.resolve.calendar import normalise
from polybius.resolve.calendar_anaphora import Narrative

ANCHOR = date(1999, 3, 12)


def after_october_23() -> Narrative:
    narrative = Narrative(ANCHOR)
    narrative.note(normalise("Oct. 23, 1998", ANCHOR))
    return narrative


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("that day", "1998-10-23"),
        ("earlier that day", "1998-10-23"),
        ("the same day", "1998-10-23"),
        ("the next day", "1998-10-24"),
        ("the following week", "1998-W44"),
        ("later that year", "1998"),
        ("the following year", "1999"),
        ("the previous Friday", "1998-10-16"),
        ("the day after", "1998-10-24"),
        ("the next morning", "1998-10-24TMO"),
        ("overnight", "1998-10-22TNI"),
    ],
)
def test_anaphora_resolves_against_the_last_named_date(text: str, value: str) -> None:
    result = after_october_23().resolve(text)
    assert result is not None and result.value == value


def test_that_day_needs_a_named_day_not_a_year() -> None:
    narrative = after_october_23()
    narrative.note(normalise("1995", ANCHOR))
    result = narrative.resolve("that day")
    assert result is not None and result.value == "1998-10-23"
    year = narrative.resolve("that year")
    assert year is not None and year.value == "1995"


def test_without_a_named_date_the_anchor_stands_in() -> None:
    result = Narrative(ANCHOR).resolve("the next day")
    assert result is not None and result.value == "1999-03-13"


def test_durations_and_references_are_not_remembered() -> None:
    narrative = Narrative(ANCHOR)
    narrative.note(normalise("three weeks", ANCHOR))
    narrative.note(normalise("recently", ANCHOR))
    assert narrative.mentions == []


def test_other_expressions_are_left_to_the_calendar_rules() -> None:
    assert after_october_23().resolve("last week") is None
