"""Tests for polybius.resolve.calendar_context: comparisons with the reporting period."""

from __future__ import annotations

from datetime import date

from polybius.resolve.calendar import normalise
from polybius.resolve.calendar_context import ReportingPeriod

ANCHOR = date(1989, 11, 2)


def in_third_quarter() -> ReportingPeriod:
    period = ReportingPeriod(ANCHOR)
    period.note(normalise("the third quarter", ANCHOR))
    return period


def test_year_ago_in_quarterly_report_is_last_years_quarter() -> None:
    result = in_third_quarter().resolve("a year ago")
    assert result is not None and result.value == "1988-Q3"


def test_year_earlier_modifier_is_last_years_quarter() -> None:
    result = in_third_quarter().resolve("the year-earlier period")
    assert result is not None and result.value == "1988-Q3"


def test_year_ago_without_quarter_in_focus_is_last_year() -> None:
    result = ReportingPeriod(ANCHOR).resolve("a year earlier")
    assert result is not None and result.value == "1988"


def test_this_quarter_is_the_quarter_in_focus() -> None:
    result = in_third_quarter().resolve("This quarter")
    assert result is not None and result.value == "1989-Q3"


def test_other_expressions_are_left_to_the_calendar_rules() -> None:
    assert in_third_quarter().resolve("last week") is None


def test_nine_month_period_ends_the_quarter_focus() -> None:
    period = in_third_quarter()
    period.note(normalise("the first nine months", ANCHOR))
    result = period.resolve("a year earlier")
    assert result is not None and result.value == "1988"
