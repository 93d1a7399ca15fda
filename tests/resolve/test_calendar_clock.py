"""Tests for polybius.resolve.calendar_clock: clock times, parts of days and recurring sets."""

from __future__ import annotations

from datetime import date

import pytest

from polybius.resolve.calendar import normalise

ANCHOR = date(2016, 3, 9)  # a Wednesday


def test_every_week_is_a_set() -> None:
    result = normalise("every week", ANCHOR)
    assert result is not None and (result.type, result.value) == ("SET", "P1W")


def test_clock_time_uses_the_anchor_day() -> None:
    result = normalise("10:35 a.m.", ANCHOR)
    assert result is not None and result.value == "2016-03-09T10:35"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("5 p.m. EST Nov. 9", "2015-11-09T17:00"),
        ("noon Thursday", "2016-03-03T12:00"),
        ("midnight Friday", "2016-03-04T24:00"),
        ("Tuesday at 9 a.m.", "2016-03-08T09:00"),
    ],
)
def test_hour_of_a_named_day_is_a_time(text: str, value: str) -> None:
    result = normalise(text, ANCHOR)
    assert result is not None and (result.type, result.value) == ("TIME", value)


def test_each_weekday_is_a_weekly_set() -> None:
    result = normalise("each Thursday", ANCHOR)
    assert result is not None and (result.type, result.value) == ("SET", "XXXX-WXX-4")


def test_plural_weekday_is_a_set() -> None:
    result = normalise("Tuesday nights", ANCHOR)
    assert result is not None and (result.type, result.value) == ("SET", "XXXX-WXX-2TNI")


def test_a_time_in_universal_time_carries_its_zone() -> None:
    anchor = date(2016, 3, 9)
    assert normalise("21:15 UTC", anchor).value == "2016-03-09T21:15Z"
    assert normalise("0600 GMT Monday", anchor).value == "2016-03-07T06:00Z"
