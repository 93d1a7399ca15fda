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
    assert [t.id for t in analysis.times] == ["t1", "t2"]
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


def test_approximator_stays_inside_the_expression(pipeline: Pipeline) -> None:
    text = "The talks lasted nearly two years before they collapsed."
    found = time_named(analyse(pipeline, text), "years")
    assert found is not None and found.text == "nearly two years" and found.value == "P2Y"


def test_length_of_a_year_is_split_from_the_year(pipeline: Pipeline) -> None:
    text = "Jobs grew by 242,000 a month for the first nine months of 1997."
    analysis = analyse(pipeline, text, anchor=date(1998, 2, 6))
    values = [(t.text, t.value) for t in analysis.times]
    assert ("the first nine months", "P9M") in values and ("1997", "1997") in values


def test_anaphoric_day_follows_the_last_named_date(pipeline: Pipeline) -> None:
    text = ("The doctor was killed on Oct. 23, 1998. The next day, police searched the woods. "
            "Later that year the suspect fled.")
    analysis = analyse(pipeline, text, anchor=date(1999, 3, 12))
    next_day, that_year = time_named(analysis, "next day"), time_named(analysis, "that year")
    assert next_day is not None and next_day.value == "1998-10-24"
    assert that_year is not None and that_year.value == "1998"


def test_called_for_a_strike_on_weekday_looks_ahead(pipeline: Pipeline) -> None:
    text = "Unions called for a strike on Thursday."
    found = time_named(analyse(pipeline, text), "Thursday")
    assert found is not None and found.value == "2016-03-10"


def test_is_to_resume_looks_ahead(pipeline: Pipeline) -> None:
    text = "The shares are to resume trading in Paris on Tuesday."
    found = time_named(analyse(pipeline, text), "Tuesday")
    assert found is not None and found.value == "2016-03-15"


def test_every_day_is_a_set(pipeline: Pipeline) -> None:
    text = "Protesters rally outside the ministry every day."
    found = time_named(analyse(pipeline, text), "every day")
    assert found is not None and (found.type, found.value) == ("SET", "P1D")


def test_a_report_s_frequency_before_a_noun_is_no_time(pipeline: Pipeline) -> None:
    text = "The company cut its quarterly dividend after annual sales fell."
    assert analyse(pipeline, text).times == []


def test_a_recurring_adjective_before_a_noun_is_a_set(pipeline: Pipeline) -> None:
    text = "The cleric used his weekly sermon to attack the government."
    found = time_named(analyse(pipeline, text), "weekly")
    assert found is not None and (found.type, found.value) == ("SET", "P1W")


def test_holiday_is_a_time(pipeline: Pipeline) -> None:
    text = "The boy was found clinging to an inner tube on Thanksgiving Day."
    found = time_named(analyse(pipeline, text, anchor=date(2000, 1, 7)), "Thanksgiving")
    assert found is not None and found.value == "1999-11-25"


def test_hour_and_day_across_a_comma_are_one_time(pipeline: Pipeline) -> None:
    text = "The offer expires at 5 p.m. EST, Nov. 6, the company said."
    found = time_named(analyse(pipeline, text, anchor=date(1989, 10, 30)), "p.m.")
    assert found is not None and found.text == "5 p.m. EST, Nov. 6"
    assert found.value == "1989-11-06T17:00"


def test_capitalised_time_words_inside_a_sentence_name_a_programme(pipeline: Pipeline) -> None:
    text = 'Baker said on ABC News\' "This Week" that the offer stands. He spoke on CBS\'s "60 Minutes."'
    analysis = analyse(pipeline, text)
    assert time_named(analysis, "Week") is None and time_named(analysis, "Minutes") is None


def test_a_decade_of_someone_s_life_is_no_time(pipeline: Pipeline) -> None:
    analysis = analyse(pipeline, "His stepmother married his father when he was in his 30s.")
    assert time_named(analysis, "30s") is None


def test_today_s_world_is_no_date(pipeline: Pipeline) -> None:
    analysis = analyse(pipeline, "Paternity can readily be proved in today's world.")
    assert time_named(analysis, "today") is None


def test_a_greeting_and_a_fraction_are_no_times(pipeline: Pipeline) -> None:
    text = "Good evening from Havana. Funds hold more than a quarter of the junk market."
    analysis = analyse(pipeline, text)
    assert time_named(analysis, "evening") is None and time_named(analysis, "quarter") is None


def test_simple_past_keeps_a_month_name_behind_the_anchor(pipeline: Pipeline) -> None:
    text = "The operator changed from a fiscal year to a calendar year in December."
    found = time_named(analyse(pipeline, text, date(1989, 10, 27)), "December")
    assert found is not None and found.value == "1988-12"


def test_counted_length_with_more_is_found(pipeline: Pipeline) -> None:
    text = "The navy may use the base for at least 20 more years."
    found = time_named(analyse(pipeline, text), "years")
    assert found is not None and found.text == "at least 20 more years" and found.value == "P20Y"


def test_future_tense_puts_a_recent_month_name_ahead(pipeline: Pipeline) -> None:
    text = "The agency will launch its second lunar probe in December."
    found = time_named(analyse(pipeline, text), "December")
    assert found is not None and found.value == "2016-12"


def test_pluperfect_due_to_points_back(pipeline: Pipeline) -> None:
    text = "The old contract had been due to run out Friday."
    found = time_named(analyse(pipeline, text), "Friday")
    assert found is not None and found.value == "2016-03-04"


def test_a_length_and_a_half_is_one_expression(pipeline: Pipeline) -> None:
    text = "The convoy stalled, and two hours and a half later the guards radioed the base."
    analysis = analyse(pipeline, text)
    assert [t.value for t in analysis.times] == ["PT2H30M"]


def test_a_time_following_another_is_two_expressions(pipeline: Pipeline) -> None:
    text = "Traffic was at twice the rate of the month preceding last year's election."
    analysis = analyse(pipeline, text)
    found = time_named(analysis, "last year")
    assert found is not None and found.text == "last year" and found.value == "2015"


def test_a_time_fronted_before_a_planning_verb_dates_the_planning(pipeline: Pipeline) -> None:
    ahead = time_named(analyse(pipeline, "The ministry planned to raise fuel prices on Thursday."),
                       "Thursday")
    back = time_named(analyse(pipeline, "On Thursday, the ministry planned to raise fuel prices."),
                      "Thursday")
    assert ahead is not None and ahead.value == "2016-03-10"
    assert back is not None and back.value == "2016-03-03"


def test_a_twenty_four_hour_time_in_utc_is_found(pipeline: Pipeline) -> None:
    found = time_named(analyse(pipeline, "The probe separated from its rocket at 21:15 UTC."), "21:15")
    assert found is not None and found.text == "21:15 UTC" and found.value == "2016-03-09T21:15Z"


def test_a_length_joined_to_long_keeps_it(pipeline: Pipeline) -> None:
    found = time_named(analyse(pipeline, "The two clans ended a decades-long feud."), "decades")
    assert found is not None and found.text == "decades-long" and found.value == "PXY"


def test_a_fraction_set_off_by_commas_is_no_time(pipeline: Pipeline) -> None:
    text = "The chain will shut 120, or about a quarter, of its 480 bakeries."
    assert time_named(analyse(pipeline, text), "quarter") is None
