"""Calendar values of time expressions, normalised against an anchor date (TimeML-like).

``normalise("last Friday", date(2016, 3, 9))`` gives a DATE with value ``2016-03-04``; "last
month" gives ``2016-02``, "this week" ``2016-W10``, "over the weekend" ``2016-W09-WE``,
"Monday night" the day ``2016-03-07``, "for the last several weeks" a DURATION ``PXW``,
"every week" a SET ``P1W``, "in recent days" ``PXD``, "recently" ``PAST_REF``. Relative
expressions look back from the anchor unless ``direction`` is positive (future); -2 (a
simple past) keeps a month name from pointing ahead, +2 (a future tense) from pointing back.
Without an anchor, only absolute expressions get a value. Spelled-out years ("nineteen
ninety-six") are read as digits (``calendar_numbers``), holidays by ``calendar_holidays``. Comparisons
with the document's reporting period ("a year ago" in a quarterly report) are resolved in
``calendar_context``, references back to a named date ("the next day") in
``calendar_anaphora``.
"""

from __future__ import annotations

import calendar as _calendar
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from polybius.lexicons import read_table
from polybius.resolve.calendar_numbers import digits

NUMBERS_FILE = "time_words.tsv"
# Calendar expressions ("April", "Dec. 10") may point forward or back; going against the
# tense's direction costs a year once the distance exceeds this many days.
WRONG_WAY_DAYS = 120
# For a month name, a simple past or future of its own (direction -2 "bought it in February",
# +2 "will launch in December") allows only this many.
DEFINITE_WRONG_WAY_DAYS = 31


@dataclass(frozen=True)
class TimeValue:
    """A normalised time expression: TimeML type and value, calendar range and precision."""

    type: str
    value: str
    start: date | None
    end: date | None
    precision: str
    mod: str | None = None


def _words(kind: str) -> dict[str, str]:
    return {row[0]: row[1] for row in read_table(NUMBERS_FILE) if row[2] == kind}


MONTHS = {k: int(v) for k, v in _words("month").items()}
WEEKDAYS = {k: int(v) for k, v in _words("weekday").items()}
NUMBERS = _words("number")
UNITS = _words("unit")
PARTS = _words("part")
SEASONS = _words("season")
MOD_WORDS = _words("mod")

MONTH_RE = "(" + "|".join(sorted(map(re.escape, MONTHS), key=len, reverse=True)) + ")"
DAY_RE = "(" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + ")"
NUM_RE = r"(\d+(?:\.\d+)?|" + "|".join(sorted(NUMBERS, key=len, reverse=True)) + ")"
UNIT_RE = "(" + "|".join(sorted(UNITS, key=len, reverse=True)) + ")"
PART_RE = "(" + "|".join(sorted(PARTS, key=len, reverse=True)) + ")"
SEASON_RE = "(" + "|".join(sorted(SEASONS, key=len, reverse=True)) + ")"
MOD_RE = r"(?:(" + "|".join(sorted(MOD_WORDS, key=len, reverse=True)) + r")\s+)?"
LEADING = re.compile(
    r"^(?:(?:on|in|at|since|by|until|till|from|during|over|for|of|within|throughout|about|"
    r"around|before|after|as of|starting|beginning)\s+)+")


def clean(text: str) -> str:
    """Lower-case, single-spaced, without leading prepositions or trailing punctuation;
    spelled-out years and day ordinals as digits ("nineteen ninety-six" -> "1996")."""
    text = " ".join(text.lower().replace("\u2019", "'").split()).strip(" ,.;:")
    text = re.sub(r"(?<=[a-z])-(?=[a-z0-9])", " ", text)
    return LEADING.sub("", digits(text))


# Calendar helpers ------------------------------------------------------------------------------

def month_end(year: int, month: int) -> date:
    """The last day of a month."""
    return date(year, month, _calendar.monthrange(year, month)[1])


def day_value(day: date) -> TimeValue:
    """A whole day."""
    return TimeValue("DATE", day.isoformat(), day, day, "day")


def week_value(day: date) -> TimeValue:
    """The ISO week containing ``day``."""
    year, week, _ = day.isocalendar()
    monday = day - timedelta(days=day.weekday())
    return TimeValue("DATE", f"{year}-W{week:02d}", monday, monday + timedelta(days=6), "week")


def month_value(year: int, month: int) -> TimeValue:
    """A calendar month."""
    return TimeValue("DATE", f"{year:04d}-{month:02d}", date(year, month, 1),
                     month_end(year, month), "month")


def year_value(year: int) -> TimeValue:
    """A calendar year."""
    return TimeValue("DATE", f"{year:04d}", date(year, 1, 1), date(year, 12, 31), "year")


def quarter_value(year: int, quarter: int) -> TimeValue:
    """A calendar quarter."""
    first = 3 * (quarter - 1) + 1
    return TimeValue("DATE", f"{year:04d}-Q{quarter}", date(year, first, 1),
                     month_end(year, first + 2), "quarter")


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    """Year and month ``delta`` months away."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def with_mod(value: TimeValue, mod: str | None) -> TimeValue:
    """Narrow a range to its start, middle or end third ("early", "mid", "late")."""
    if not mod or value.start is None or value.end is None:
        return value
    span = (value.end - value.start).days + 1
    third = max(1, span // 3)
    if mod == "START":
        return replace(value, end=value.start + timedelta(days=third - 1), mod=mod)
    if mod == "END":
        return replace(value, start=value.end - timedelta(days=third - 1), mod=mod)
    if mod == "MID":
        return replace(value, start=value.start + timedelta(days=third),
                       end=value.end - timedelta(days=third), mod=mod)
    return replace(value, mod=mod)


def number(word: str) -> str:
    """A number word as digits ("five" -> "5"); vague quantities ("several") as "X"."""
    if re.fullmatch(r"\d+(\.\d+)?", word):
        return word
    return NUMBERS.get(word, "X")


def weekday_near(anchor: date, weekday: int, direction: int) -> date:
    """The weekday nearest the anchor in ``direction`` (the anchor's own day counts)."""
    delta = (anchor.weekday() - weekday) % 7
    if direction < 0:
        return anchor - timedelta(days=delta)
    return anchor + timedelta(days=(weekday - anchor.weekday()) % 7)


def month_near(anchor: date, month: int, direction: int) -> int:
    """The year of the named month nearest the anchor, ``direction`` breaking near-ties."""
    years = (anchor.year - 1, anchor.year, anchor.year + 1)
    return min(years, key=lambda year: _cost(date(year, month, 15), anchor, direction))


def month_day_near(anchor: date, month: int, day: int, direction: int) -> date | None:
    """The date of "February 22" nearest the anchor, preferring ``direction`` within 30 days."""
    options = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            options.append(date(year, month, day))
        except ValueError:
            continue
    if not options:
        return None

    # A simple past does not pin a day ("declared a dividend payable Dec. 15"): the sign only.
    way = max(-1, min(1, direction))
    return min(options, key=lambda candidate: _cost(candidate, anchor, way))


def _cost(candidate: date, anchor: date, direction: int) -> float:
    """Distance in days, with a year's penalty for going the wrong way by over 4 months."""
    days = (candidate - anchor).days
    limit = DEFINITE_WRONG_WAY_DAYS if abs(direction) > 1 else WRONG_WAY_DAYS
    wrong_way = days * direction < 0 and abs(days) > limit
    return abs(days) + (365 if wrong_way else 0)


Rule = Callable[[re.Match[str], date | None, int], TimeValue | None]
RULES: list[tuple[re.Pattern[str], Rule]] = []


def rule(pattern: str) -> Callable[[Rule], Rule]:
    """Register a normalisation rule for expressions that fully match ``pattern``."""
    def register(function: Rule) -> Rule:
        RULES.append((re.compile(pattern), function))
        return function
    return register


def normalise(text: str, anchor: date | None, direction: int = -1) -> TimeValue | None:
    """The calendar value of a time expression, or None when no rule understands it."""
    words = clean(text).split()
    # The whole expression first, then without leading words ("the early hours of Thursday"),
    # then without trailing ones ("April 24 and 25").
    for start, end in [(0, len(words))] + [(i, len(words)) for i in range(1, len(words))] + [
            (0, j) for j in range(len(words) - 1, 0, -1)]:
        value = _apply(" ".join(words[start:end]), anchor, direction)
        if value is not None:
            return value
    return None


def _apply(cleaned: str, anchor: date | None, direction: int) -> TimeValue | None:
    for pattern, function in RULES:
        match = pattern.fullmatch(cleaned)
        if match:
            value = function(match, anchor, direction)
            if value is not None:
                return value
    return None


# The rules themselves live in polybius.resolve.calendar_rules and calendar_holidays
# (registered on import).
from polybius.resolve import calendar_holidays as _holidays  # noqa: E402,F401
from polybius.resolve import calendar_rules as _rules  # noqa: E402,F401
