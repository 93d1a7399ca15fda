"""Tests for polybius.resolve.calendar: time expressions normalised against an anchor."""

from __future__ import annotations

from datetime import date

import pytest

from polybius.resolve.calendar import normalise

ANCHOR = date(2016, 3, 9)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Last Friday", "2016-03-04"),
        ("Tuesday", "2016-03-08"),
        ("last month", "2016-02"),
        ("in February", "2016-02"),
        ("February 22", "2016-02-22"),
        ("March 09, 2016", "2016-03-09"),
        ("in 2011", "2011"),
        ("this week", "2016-W10"),
        ("last week", "2016-W09"),
        ("yesterday", "2016-03-08"),
        ("two years ago", "2014"),
        ("the 1990s", "199"),
        ("the third quarter", "2015-Q3"),
    ],
)
def test_normalise_gives_timeml_values(text: str, value: str) -> None:
    result = normalise(text, ANCHOR)
    assert result is not None and result.value == value


def test_weekday_resolves_to_the_past_week() -> None:
    result = normalise("Monday", ANCHOR)
    assert result is not None and result.start == date(2016, 3, 7)


def test_weekday_in_future_tense_looks_ahead() -> None:
    result = normalise("Friday", ANCHOR, direction=1)
    assert result is not None and result.value == "2016-03-11"


def test_weekday_with_part_of_day_resolves_to_the_day() -> None:
    result = normalise("Monday night", ANCHOR)
    assert result is not None and (result.type, result.value) == ("DATE", "2016-03-07")


def test_late_last_month_narrows_to_the_end_of_february() -> None:
    result = normalise("late last month", ANCHOR)
    assert result is not None
    assert result.value == "2016-02" and result.mod == "END"
    assert result.start is not None and result.start.day > 15


def test_weekend_is_the_one_before_the_anchor() -> None:
    result = normalise("over the weekend", ANCHOR)
    assert result is not None
    assert result.value == "2016-W09-WE" and result.start == date(2016, 3, 5)


def test_vague_duration_is_typed_duration() -> None:
    result = normalise("for the last several weeks", ANCHOR)
    assert result is not None and (result.type, result.value) == ("DURATION", "PXW")


def test_recent_days_is_a_vague_duration_up_to_the_anchor() -> None:
    result = normalise("in recent days", ANCHOR)
    assert result is not None and (result.type, result.value) == ("DURATION", "PXD")
    assert result.end == ANCHOR


def test_days_later_is_the_length_of_the_interval() -> None:
    result = normalise("three days later", ANCHOR)
    assert result is not None and (result.type, result.value) == ("DURATION", "P3D")


def test_last_month_name_is_the_latest_before_the_anchor_month() -> None:
    result = normalise("last December", date(1989, 10, 30))
    assert result is not None and result.value == "1988-12"


def test_month_with_relative_year() -> None:
    result = normalise("June last year", ANCHOR)
    assert result is not None and result.value == "2015-06"


def test_year_end_is_the_current_year_end() -> None:
    result = normalise("by year-end", ANCHOR)
    assert result is not None and (result.value, result.mod) == ("2016", "END")


def test_recently_is_a_past_reference() -> None:
    result = normalise("recently", ANCHOR)
    assert result is not None and result.value == "PAST_REF"


def test_month_name_takes_the_nearest_year() -> None:
    result = normalise("April", date(1999, 3, 12))
    assert result is not None and result.value == "1999-04"


def test_hyphenated_quarter_is_understood() -> None:
    result = normalise("third-quarter", date(1989, 10, 26))
    assert result is not None and result.value == "1989-Q3"


def test_relative_expression_without_anchor_has_no_value() -> None:
    assert normalise("last Friday", None) is None


def test_absolute_date_without_anchor_still_resolves() -> None:
    result = normalise("March 9, 2016", None)
    assert result is not None and result.value == "2016-03-09"


def test_unknown_text_gives_none() -> None:
    assert normalise("the bridge", ANCHOR) is None


def test_quarter_of_next_year() -> None:
    result = normalise("next year's first quarter", ANCHOR)
    assert result is not None and result.value == "2017-Q1"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("nineteen ninety-six", "1996"),
        ("the year two thousand", "2000"),
        ("January nineteen ninety-seven", "1997-01"),
        ("the winter of nineteen ninety-four", "1994-WI"),
        ("March eighth", "2016-03-08"),
    ],
)
def test_spelled_out_dates_are_understood(text: str, value: str) -> None:
    result = normalise(text, ANCHOR)
    assert result is not None and result.value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("a decade ago", "2006"),
        ("several years ago", "PAST_REF"),
        ("a week or so ago", "2016-W09"),
        ("the 20th century", "19"),
        ("this century", "20"),
        ("the nineties", "199"),
        ("mid-1996", "1996"),
        ("the week of March 6", "2016-W09"),
    ],
)
def test_offsets_centuries_and_decades(text: str, value: str) -> None:
    result = normalise(text, ANCHOR)
    assert result is not None and result.value == value


def test_decade_ago_is_a_date_not_a_duration() -> None:
    result = normalise("a decade ago", ANCHOR)
    assert result is not None and result.type == "DATE"


def test_trading_days_are_days() -> None:
    result = normalise("eight trading days", ANCHOR)
    assert result is not None and result.value == "P8D"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("a minute and a half", "PT1M30S"),
        ("2 1/2 years", "P2Y6M"),
        ("5 1/2 hours", "PT5H30M"),
    ],
)
def test_half_is_written_in_the_next_unit(text: str, value: str) -> None:
    result = normalise(text, ANCHOR)
    assert result is not None and (result.type, result.value) == ("DURATION", value)


def test_weekday_evening_keeps_its_part_of_day() -> None:
    result = normalise("Thursday evening", ANCHOR)
    assert result is not None and (result.type, result.value) == ("TIME", "2016-03-03TEV")


def test_short_decade_of_the_current_decade_is_not_in_the_next_century() -> None:
    result = normalise("the '80s", date(1989, 10, 26))
    assert result is not None and result.value == "198"
    later = normalise("the '90s", date(2005, 1, 1))
    assert later is not None and later.value == "199"


def test_month_name_in_a_simple_past_does_not_point_ahead() -> None:
    assert normalise("February", date(1989, 10, 30), direction=-1).value == "1990-02"
    assert normalise("February", date(1989, 10, 30), direction=-2).value == "1989-02"


def test_month_day_ignores_a_simple_past() -> None:
    result = normalise("Dec. 15", date(1989, 10, 26), direction=-2)
    assert result is not None and result.value == "1989-12-15"


def test_the_past_year_is_the_previous_calendar_year() -> None:
    result = normalise("over the past year", date(1998, 3, 3))
    assert result is not None and (result.type, result.value) == ("DATE", "1997")


def test_recent_years_is_a_past_reference() -> None:
    result = normalise("in recent years", ANCHOR)
    assert result is not None and result.value == "PAST_REF"


def test_more_in_a_counted_length_keeps_the_count() -> None:
    result = normalise("at least two more weeks", ANCHOR)
    assert result is not None and result.value == "P2W"


def test_halves_of_a_year() -> None:
    assert normalise("the latter half of 2014", ANCHOR).value == "2014-H2"
    assert normalise("the first two quarters of next year", ANCHOR).value == "2017-H1"
    second = normalise("the second half", ANCHOR)
    assert (second.value, second.start, second.precision) == ("2016-H2", date(2016, 7, 1), "half")


def test_a_length_and_a_half_later_is_the_length() -> None:
    assert normalise("two hours and a half later", ANCHOR).value == "PT2H30M"


def test_a_quarter_of_a_relative_year() -> None:
    assert normalise("the second quarter of next year", ANCHOR).value == "2017-Q2"
    assert normalise("the fourth quarter of last year", ANCHOR).value == "2015-Q4"


def test_a_number_and_a_half_of_a_unit() -> None:
    assert normalise("three and a half years", ANCHOR).value == "P3Y6M"


def test_the_end_of_the_month_is_this_month() -> None:
    result = normalise("the end of the month", ANCHOR)
    assert result is not None and (result.value, result.mod) == ("2016-03", "END")
    assert normalise("the beginning of the week", ANCHOR).value == "2016-W10"


def test_a_year_before_fiscal_year_is_that_year() -> None:
    result = normalise("the 2014 fiscal year", ANCHOR)
    assert result is not None and (result.value, result.type) == ("2014", "DATE")


def test_decades_are_counted_in_years() -> None:
    assert normalise("for decades", ANCHOR).value == "PXY"
    assert normalise("three decades", ANCHOR).value == "P30Y"


def test_the_latest_fiscal_year_is_the_last_completed_one() -> None:
    assert normalise("the latest fiscal year", ANCHOR).value == "2015"
    assert normalise("the current fiscal year", ANCHOR).value == "2016"
