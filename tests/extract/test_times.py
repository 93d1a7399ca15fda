"""Tests for polybius.extract.times: time expressions in articles and event dates."""

from __future__ import annotations

from datetime import date

from polybius.analysis import Analysis
from polybius.extract.times import date_event
from polybius.model import Document, Time
from polybius.pipeline import Pipeline, run_stages


def analyse(pipeline: Pipeline, text: str, anchor: date | None = date(2016, 3, 9)) -> Analysis:
    analysis = Analysis(document=Document(text=text), doc=pipeline.nlp(text), anchor=anchor)
    run_stages(analysis)
    return analysis


def time_named(analysis: Analysis, surface: str) -> Time | None:
    return next((t for t in analysis.times if surface in t.text), None)


def test_last_friday_resolves_against_the_anchor(pipeline: Pipeline) -> None:
    found = time_named(analyse(pipeline, "Last Friday the envoy met rebel leaders."), "Friday")
    assert found is not None and found.value == "2016-03-04" and found.precision == "day"


def test_monday_night_is_one_time_expression(pipeline: Pipeline) -> None:
    text = "At a town hall event on Monday night, the candidate spoke."
    found = time_named(analyse(pipeline, text), "Monday")
    assert found is not None and found.text == "Monday night" and found.value == "2016-03-07"


def test_late_last_month_keeps_its_modifier(pipeline: Pipeline) -> None:
    text = "The analyst told a radio station late last month that talks had failed."
    found = time_named(analyse(pipeline, text), "last month")
    assert found is not None and found.text == "late last month" and found.value == "2016-02"


def test_since_year_runs_to_the_anchor(pipeline: Pipeline) -> None:
    text = "Since 2011 the country has had three governments."
    found = time_named(analyse(pipeline, text), "2011")
    assert found is not None and found.start_date == "2011-01-01"
    assert found.end_date == "2016-03-09"


def test_duration_is_typed_duration(pipeline: Pipeline) -> None:
    text = "Troops have been deployed for the last several weeks."
    found = time_named(analyse(pipeline, text), "weeks")
    assert found is not None and found.type == "DURATION"


def test_time_ids_and_offsets(pipeline: Pipeline) -> None:
    text = "On Tuesday officials met; on February 22 they had agreed."
    analysis = analyse(pipeline, text)
    assert [t.id for t in analysis.times] == ["T1", "T2"]
    assert all(text[t.start:t.end] == t.text for t in analysis.times)


def test_relative_time_without_anchor_has_no_value(pipeline: Pipeline) -> None:
    found = time_named(analyse(pipeline, "Last Friday the envoy left.", anchor=None), "Friday")
    assert found is not None and found.value is None


def test_period_and_its_end_date_are_two_expressions(pipeline: Pipeline) -> None:
    text = "The company lost $8 million for the third quarter ended Sept. 30."
    analysis = analyse(pipeline, text, anchor=date(1989, 11, 1))
    assert [(t.text, t.value) for t in analysis.times] == [
        ("the third quarter", "1989-Q3"), ("Sept. 30", "1989-09-30")]


def test_year_ago_in_quarterly_report_is_last_years_quarter(pipeline: Pipeline) -> None:
    text = "Third-quarter profit rose 19% to $5 million from $4 million a year ago."
    found = time_named(analyse(pipeline, text, anchor=date(1989, 10, 26)), "year ago")
    assert found is not None and found.value == "1988-Q3"


def test_fiscal_year_ended_is_a_year_long(pipeline: Pipeline) -> None:
    text = "For the year ended July 2, Rally had net income of $2 million."
    found = time_named(analyse(pipeline, text, anchor=date(1989, 10, 27)), "year")
    assert found is not None and (found.type, found.value) == ("DURATION", "P1Y")


def test_weekday_after_would_looks_ahead(pipeline: Pipeline) -> None:
    text = "The minister said he would meet the rebels on Friday."
    found = time_named(analyse(pipeline, text), "Friday")
    assert found is not None and found.value == "2016-03-11"


def test_date_event_prefers_the_clause(pipeline: Pipeline) -> None:
    text = "On Tuesday the minister said that warplanes struck the port last month."
    analysis = analyse(pipeline, text)
    start = text.index("struck")
    found = date_event(analysis, start, start + len("struck"))
    assert found is not None and (found.value, found.scope) == ("2016-02", "clause")


def test_date_event_falls_back_to_the_paragraph(pipeline: Pipeline) -> None:
    text = "The talks collapsed on Sunday.\nGunmen then attacked the convoy."
    analysis = analyse(pipeline, text)
    start = text.index("attacked")
    found = date_event(analysis, start, start + len("attacked"))
    assert found is not None and found.value == "2016-03-06"
    assert found.scope in ("sentence", "paragraph")


def test_date_event_never_uses_the_publication_date_silently(pipeline: Pipeline) -> None:
    text = "Gunmen attacked the convoy."
    analysis = analyse(pipeline, text)
    assert date_event(analysis, 7, 15) is None


def test_date_event_skips_durations(pipeline: Pipeline) -> None:
    text = "Troops have trained militias for the last several weeks."
    analysis = analyse(pipeline, text)
    start = text.index("trained")
    assert date_event(analysis, start, start + len("trained")) is None
