"""Tests for polybius.resolve.calendar_holidays: named days and "the week of" a day."""

from __future__ import annotations

from datetime import date

import pytest

from polybius.resolve.calendar import normalise
from polybius.resolve.calendar_holidays import holiday_date

ANCHOR = date(2000, 1, 7)


@pytest.mark.parametrize(
    ("rule", "year", "expected"),
    [
        ("11:4:3", 1999, date(1999, 11, 25)),  # Thanksgiving
        ("05:-1:0", 1999, date(1999, 5, 31)),  # Memorial Day
        ("easter", 1998, date(1998, 4, 12)),
        ("easter-2", 1999, date(1999, 4, 2)),  # Good Friday
        ("election", 1998, date(1998, 11, 3)),
        ("12-25", 1999, date(1999, 12, 25)),
    ],
)
def test_holiday_rules_give_the_date(rule: str, year: int, expected: date) -> None:
    assert holiday_date(rule, year) == expected


def test_holiday_without_year_is_the_nearest_past_one() -> None:
    result = normalise("Thanksgiving Day", ANCHOR)
    assert result is not None and result.value == "1999-11-25"


def test_last_holiday_is_before_the_anchor() -> None:
    result = normalise("last Christmas", ANCHOR)
    assert result is not None and result.value == "1999-12-25"


def test_holiday_with_year() -> None:
    result = normalise("Easter 1998", ANCHOR)
    assert result is not None and result.value == "1998-04-12"


def test_holiday_week_is_its_iso_week() -> None:
    result = normalise("Easter week", date(2000, 4, 17))
    assert result is not None and result.value == "2000-W16"
