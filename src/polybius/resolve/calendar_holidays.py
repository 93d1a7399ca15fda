"""Named days ("Thanksgiving", "Christmas Eve", "Easter 1998") and "the week of" a day.

The holidays and their rules (a fixed date, the Nth weekday of a month, Easter) are listed
in ``lexicons/time_words.tsv``; a holiday without a year is the occurrence nearest the
anchor in the tense's direction, as for month names. Registered on import by
``polybius.resolve.calendar``.
"""

from __future__ import annotations

import calendar as _calendar
import re
from datetime import date, timedelta

from polybius.lexicons import read_table
from polybius.resolve.calendar import (
    NUMBERS_FILE,
    WRONG_WAY_DAYS,
    TimeValue,
    day_value,
    rule,
    week_value,
)
from polybius.resolve.calendar_rules import YEAR, Match, day_of

HOLIDAYS = {row[0]: row[1] for row in read_table(NUMBERS_FILE) if row[2] == "holiday"}
HOLIDAY_RE = "(" + "|".join(sorted(map(re.escape, HOLIDAYS), key=len, reverse=True)) + ")"


@rule(rf"(?:(last|this|next|past|coming) )?{HOLIDAY_RE}(?:'s)?(?: day)?(?:,? {YEAR})?")
def holiday(m: Match, anchor: date | None, direction: int) -> TimeValue | None:
    """"Thanksgiving Day", "last Christmas", "Easter 1998": the holiday's date that year."""
    if m[3]:
        day = holiday_date(HOLIDAYS[m[2]], int(m[3]))
        return day_value(day) if day else None
    if anchor is None:
        return None
    way = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(m[1] or "", direction)
    options = [d for d in (holiday_date(HOLIDAYS[m[2]], y) for y in range(anchor.year - 1, anchor.year + 2))
               if d is not None]
    if m[1] in ("last", "past", "next", "coming"):
        options = [d for d in options if (d - anchor).days * way > 0] or options
    if m[1] == "this":
        options = [d for d in options if d.year == anchor.year] or options
    return day_value(min(options, key=lambda d: _holiday_cost(d, anchor, way))) if options else None


def _holiday_cost(day: date, anchor: date, way: int) -> float:
    days = (day - anchor).days
    return abs(days) + (365 if days * way < 0 and abs(days) > WRONG_WAY_DAYS else 0)


def holiday_date(rule_text: str, year: int) -> date | None:
    """The date of a holiday in ``year`` from its lexicon rule (see time_words.tsv)."""
    if re.fullmatch(r"\d\d-\d\d", rule_text):
        try:
            return date(year, int(rule_text[:2]), int(rule_text[3:]))
        except ValueError:
            return None
    if rule_text.startswith("easter"):
        shift = int(rule_text[6:] or 0)
        return _easter(year) + timedelta(days=shift)
    if rule_text == "election":  # the Tuesday after the first Monday of November
        first_monday = _nth_weekday(year, 11, 1, 0)
        return first_monday + timedelta(days=1)
    month, nth, weekday_ = (int(part) for part in rule_text.split(":"))
    return _nth_weekday(year, month, nth, weekday_)


def _nth_weekday(year: int, month: int, nth: int, weekday_: int) -> date:
    if nth < 0:
        last = date(year, month, _calendar.monthrange(year, month)[1])
        return last - timedelta(days=(last.weekday() - weekday_) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday_ - first.weekday()) % 7 + 7 * (nth - 1))


def _easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return date(year, month, day + 1)


@rule(rf"(?:the )?(?:week of (.+)|{HOLIDAY_RE} week)")
def week_of(m: Match, anchor: date | None, direction: int) -> TimeValue | None:
    """"the week of March 6", "Easter week": the ISO week containing that day."""
    day = day_of(m[1] or m[2], anchor, direction)
    return week_value(day) if day else None
