"""Tests for polybius.resolve.calendar_numbers: spelled-out years and day ordinals."""

from __future__ import annotations

import pytest

from polybius.resolve.calendar_numbers import digits


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("nineteen ninety six", "1996"),
        ("nineteen oh five", "1905"),
        ("two thousand and one", "2001"),
        ("the year two thousand", "the year 2000"),
        ("march eighth", "march 8th"),
        ("the twenty first of march", "the 21th of march"),
    ],
)
def test_spelled_numbers_become_digits(text: str, expected: str) -> None:
    assert digits(text) == expected


@pytest.mark.parametrize("text", ["twenty five days", "the first quarter", "several years"])
def test_counts_and_ordinals_away_from_months_stay_words(text: str) -> None:
    assert digits(text) == text
