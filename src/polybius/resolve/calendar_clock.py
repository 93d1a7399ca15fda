"""Normalisation rules for clock times, parts of days and recurring sets ("every Monday").

Registered with ``polybius.resolve.calendar.rule`` right after ``calendar_rules`` (which
imports this module last, so that the order of the rules, most specific first, is kept).
"""

from __future__ import annotations

from datetime import date, timedelta

from polybius.resolve.calendar import (
    DAY_RE,
    MONTH_RE,
    MONTHS,
    PART_RE,
    PARTS,
    WEEKDAYS,
    TimeValue,
    rule,
)
from polybius.resolve.calendar_rules import Match, day_of, time_of_day


@rule(r"(\d{1,2}):?(\d\d) (?:utc|gmt)(?:,? (?:on )?(.+))?")
def universal_clock(m: Match, anchor: date | None, direction: int) -> TimeValue | None:
    """"21:15 UTC", "0600 GMT Monday": a 24-hour time in universal time (ISO ``T21:15Z``)."""
    day = day_of(m[3], anchor, direction) if m[3] else anchor
    if day is None or int(m[1]) > 23 or int(m[2]) > 59:
        return None
    return TimeValue("TIME", f"{day.isoformat()}T{int(m[1]):02d}:{m[2]}Z", day, day, "time")


@rule(r"(\d{1,2})(?::(\d\d))?\s*(a\.?m\.?|p\.?m\.?)?(?: (?:[a-z]{2,4}|local time))?")
def clock(m: Match, anchor: date | None, direction: int) -> TimeValue | None:
    hour = int(m[1])
    if not m[3] and not m[2]:
        return None
    if m[3] and m[3].startswith("p") and hour < 12:
        hour += 12
    if m[3] and m[3].startswith("a") and hour == 12:
        hour = 0
    if anchor is None or hour > 23:
        return None
    return TimeValue("TIME", f"{anchor.isoformat()}T{hour:02d}:{m[2] or '00'}", anchor, anchor,
                     "time")


@rule(r"(\d{1,2})(?::(\d\d))?(?: o'clock)? in the (morning|afternoon|evening|night)")
def clock_in_part(m: Match, anchor: date | None, direction: int) -> TimeValue | None:
    """"4 in the morning" is 04:00, "8 in the evening" 20:00."""
    hour = int(m[1])
    if anchor is None or not 1 <= hour <= 12:
        return None
    hour = hour % 12 + (12 if m[3] != "morning" and not (m[3] == "night" and hour < 5) else 0)
    return TimeValue("TIME", f"{anchor.isoformat()}T{hour:02d}:{m[2] or '00'}", anchor, anchor,
                     "time")


@rule(rf"(?:(?:early|late|mid) )?{PART_RE},? (yesterday|today|tomorrow)|(?:early|late|mid) {PART_RE}")
def part_of_deictic_day(m: Match, anchor: date | None, direction: int) -> TimeValue | None:
    """"mid-afternoon yesterday", "late morning": a part of a day around the anchor."""
    if anchor is None:
        return None
    day = anchor + timedelta(days={"yesterday": -1, "tomorrow": 1}.get(m[2] or "", 0))
    return time_of_day(day, m[1] or m[3])


CLOCK = (r"(?:(\d{1,2})(?::(\d\d))?\s*(a\.?m\.?|p\.?m\.?)|(noon|midday|midnight))"
         r"(?: (?:[a-z]{2,4}|local time))?")


@rule(rf"{CLOCK},? (?:on |of )?(.+)")
def clock_then_day(m: Match, anchor: date | None, direction: int) -> TimeValue | None:
    """"5 p.m. EST Nov. 9", "noon Thursday": the hour of a named day."""
    return _clock_on(m, day_of(m[5], anchor, direction))


@rule(rf"(.+?),? (?:at |by )?{CLOCK}")
def day_then_clock(m: Match, anchor: date | None, direction: int) -> TimeValue | None:
    """"Tuesday at 9 a.m.", "Jan. 6, noon": the hour of a named day."""
    return _clock_on(m, day_of(m[1], anchor, direction), first=2)


def _clock_on(m: Match, day: date | None, first: int = 1) -> TimeValue | None:
    if day is None:
        return None
    hour_text, minutes, meridiem, named = m[first], m[first + 1], m[first + 2], m[first + 3]
    if named:
        clock = {"noon": "12:00", "midday": "12:00", "midnight": "24:00"}[named]
    else:
        hour = int(hour_text) % 12 + (12 if meridiem.startswith("p") else 0)
        clock = f"{hour:02d}:{minutes or '00'}"
    return TimeValue("TIME", f"{day.isoformat()}T{clock}", day, day, "time")


@rule(r"(noon|midday|midnight|this morning|this afternoon|this evening|last night|overnight|"
      r"early morning|late night)")
def named_time(m: Match, anchor: date | None, direction: int) -> TimeValue | None:
    if anchor is None:
        return None
    codes = {"noon": "12:00", "midday": "12:00", "midnight": "24:00", "this morning": "MO",
             "this afternoon": "AF", "this evening": "EV", "overnight": "NI",
             "early morning": "MO", "late night": "NI"}
    if m[1] == "last night":
        day = anchor - timedelta(days=1)
        return TimeValue("TIME", f"{day.isoformat()}TNI", day, day, "day")
    return TimeValue("TIME", f"{anchor.isoformat()}T{codes[m[1]]}", anchor, anchor, "day")


@rule(rf"(every|each|per|a|an|once a|twice a) (?:other )?({DAY_RE[1:-1]}|{MONTH_RE[1:-1]}|day|week|month|"
      r"year|quarter|morning|night|evening|weekend)s?")
def recurring(m: Match, anchor: date | None, direction: int) -> TimeValue | None:
    unit = m[2]
    if unit in WEEKDAYS:
        return TimeValue("SET", f"XXXX-WXX-{WEEKDAYS[unit] + 1}", None, None, "set")
    if unit in MONTHS:
        return TimeValue("SET", f"XXXX-{MONTHS[unit]:02d}", None, None, "set")
    letter = {"day": "D", "week": "W", "month": "M", "year": "Y", "morning": "D", "night": "D",
              "evening": "D", "weekend": "W", "quarter": "Q"}[unit]
    return TimeValue("SET", f"P1{letter}", None, None, "set")


@rule(rf"(?:on )?{DAY_RE}(?:s(?: {PART_RE}s?)?| {PART_RE}s)")
def weekdays_plural(m: Match, anchor: date | None, direction: int) -> TimeValue | None:
    """"on Mondays", "Tuesday nights": every such day, a SET (``XXXX-WXX-2TNI``)."""
    part_word = m[2] or m[3]
    part = f"T{PARTS[part_word]}" if part_word else ""
    return TimeValue("SET", f"XXXX-WXX-{WEEKDAYS[m[1]] + 1}{part}", None, None, "set")


@rule(r"(daily|weekly|monthly|yearly|annually|quarterly|nightly|hourly)")
def recurring_adverb(m: Match, anchor: date | None, direction: int) -> TimeValue | None:
    letter = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y",
              "annually": "P1Y", "annual": "P1Y", "quarterly": "P3M", "nightly": "P1D",
              "hourly": "PT1H"}[m[1]]
    return TimeValue("SET", letter, None, None, "set")
