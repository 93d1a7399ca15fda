"""The normalisation rules of ``polybius.resolve.calendar``, most specific first.

Each rule is a function of the regular-expression match, the anchor date and the direction
(-1 past, +1 future) and returns a ``TimeValue`` or None.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from polybius.resolve.calendar import (
    DAY_RE,
    MOD_RE,
    MOD_WORDS,
    MONTH_RE,
    MONTHS,
    NUM_RE,
    PART_RE,
    PARTS,
    SEASON_RE,
    SEASONS,
    UNIT_RE,
    UNITS,
    WEEKDAYS,
    TimeValue,
    day_value,
    month_day_near,
    month_end,
    month_near,
    month_value,
    normalise,
    number,
    quarter_value,
    rule,
    shift_month,
    week_value,
    weekday_near,
    with_mod,
    year_value,
)

Match = re.Match[str]
ORD = r"(?:st|nd|rd|th)?"
YEAR = r"((?:1[5-9]|20)\d\d)"
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
            "4th": 4, "last": 4, "final": 4}



def _mod(word: str | None) -> str | None:
    return MOD_WORDS.get(word) if word else None


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


@rule(r"(\d{4})-(\d\d)-(\d\d)(?:[t ]\d\d:\d\d(?::\d\d)?)?")
def iso_date(m: Match, anchor: date | None, direction: int) -> TimeValue | None:
    day = _date(int(m[1]), int(m[2]), int(m[3]))
    return day_value(day) if day else None


@rule(r"(\d{1,2})/(\d{1,2})/(\d{2,4})")
def us_numeric_date(m: Match, anchor: date | None, direction: int) -> TimeValue | None:
    year = int(m[3]) + (1900 if len(m[3]) == 2 and int(m[3]) > 30 else 0)
    year += 2000 if len(m[3]) == 2 and year < 100 else 0
    day = _date(year, int(m[1]), int(m[2]))
    return day_value(day) if day else None


@rule(rf"(?:\w+day,? )?{MONTH_RE} (\d{{1,2}}){ORD},? {YEAR}")
def month_day_year(m: Match, anchor: date | None, direction: int) -> TimeValue | None:
    day = _date(int(m[3]), MONTHS[m[1]], int(m[2]))
    return day_value(day) if day else None


@rule(rf"(?:the )?(\d{{1,2}}){ORD} (?:of )?{MONTH_RE},? {YEAR}")
def day_month_year(m: Match, anchor: date | None, direction: int) -> TimeValue | None:
    day = _date(int(m[3]), MONTHS[m[2]], int(m[1]))
    return day_value(day) if day else None


@rule(rf"(?:{DAY_RE},? )?{MONTH_RE} (\d{{1,2}}){ORD}")
def month_day(m: Match, anchor: date | None, direction: int) -> TimeValue | None:
    return _month_day(MONTHS[m[2]], int(m[3]), anchor, direction)


@rule(rf"(?:{DAY_RE},? )?(?:the )?(\d{{1,2}}){ORD} (?:of )?{MONTH_RE}")
def day_month(m: Match, anchor: date | None, direction: int) -> TimeValue | None:
    return _month_day(MONTHS[m[3]], int(m[2]), anchor, direction)


def _month_day(month: int, day: int, anchor: date | None, direction: int) -> TimeValue | None:
    if anchor is None or not 1 <= day <= 31:
        return None
    found = month_day_near(anchor, month, day, direction)
    return day_value(found) if found else None


@rule(rf"{MOD_RE}{MONTH_RE},? (?:of )?{YEAR}")
def month_year(m: Match, anchor: date | None, direction: int) -> TimeValue | None:
    return with_mod(month_value(int(m[3]), MONTHS[m[2]]), _mod(m[1]))


@rule(rf"{MOD_RE}(?:(last|this|next|past|coming) )?{MONTH_RE}")
def month_alone(m: Match, anchor: date | None, direction: int) -> TimeValue | None:
    if anchor is None:
        return None
    month = MONTHS[m[3]]
    way = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(m[2] or "", direction)
    year = anchor.year if m[2] == "this" else month_near(anchor, month, way)
    if m[2] in ("last", "past"):  # "last December": the latest one before this month
        year = anchor.year if month < anchor.month else anchor.year - 1
    elif m[2] in ("next", "coming"):
        year = anchor.year if month > anchor.month else anchor.year + 1
    return with_mod(month_value(year, month), _mod(m[1]))


@rule(rf"{MOD_RE}{MONTH_RE},? (last|this|next) year")
def month_of_relative_year(m: Match, anchor: date | None, direction: int) -> TimeValue | None:
    """"June last year", "April next year", "early October this year"."""
    if anchor is None:
        return None
    year = anchor.year + {"last": -1, "this": 0, "next": 1}[m[3]]
    return with_mod(month_value(year, MONTHS[m[2]]), _mod(m[1]))


@rule(rf"{MOD_RE}(?:the )?(?:year |fiscal |fiscal year )?{YEAR}(?: (?:fiscal|calendar) year)?")
def year_alone(m: Match, anchor: date | None, direction: int) -> TimeValue | None:
    return with_mod(year_value(int(m[2])), _mod(m[1]))


@rule(r"(?:the )?(?:mid-?)?((?:1[5-9]|20)\d)0'?s")
def decade(m: Match, anchor: date | None, direction: int) -> TimeValue | None:
    start = int(m[1]) * 10
    return TimeValue("DATE", m[1], date(start, 1, 1), date(start + 9, 12, 31), "decade")


@rule(r"(?:the )?(?:(early|mid|late) )?(?:nineteen )?(twenties|thirties|forties|fifties|sixties|seventies|"
      r"eighties|nineties)")
def decade_word(m: Match, anchor: date | None, direction: int) -> TimeValue | None:
    """"the nineties" is ``199`` (TimeML: the decade's first three digits)."""
    tens = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties",
            "nineties"].index(m[2]) + 2
    start = 1900 + tens * 10
    value = TimeValue("DATE", str(start // 10), date(start, 1, 1), date(start + 9, 12, 31), "decade")
    return with_mod(value, _mod(m[1]))


@rule(r"(?:the )?'?([0-9])0'?s")
def short_decade(m: Match, anchor: date | None, direction: int) -> TimeValue | None:
    """"the '80s": the latest such decade that has begun by the anchor (19xx without one)."""
    century = 19 if anchor is None else anchor.year // 100
    start = century * 100 + int(m[1]) * 10
    if anchor is not None and start > anchor.year:
        start -= 100
    return TimeValue("DATE", str(start // 10), date(start, 1, 1), date(start + 9, 12, 31),
                     "decade")


@rule(rf"(?:(last|this|next|past|coming|on|early|late) )?{DAY_RE}(?: {PART_RE})?")
def weekday(m: Match, anchor: date | None, direction: int) -> TimeValue | None:
    if anchor is None:
        return None
    way = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(m[1] or "", direction)
    day = weekday_near(anchor, WEEKDAYS[m[2]], way)
    if m[1] == "next" and day == anchor:
        day += timedelta(days=7)
    if m[1] == "last" and day == anchor:
        day -= timedelta(days=7)
    if m[3]:
        return _part_of_day(day, m[3])
    return day_value(day)


# Parts of a named day that TBAQ marks on the value ("Thursday evening" -> ``TEV``); for a
# morning or night it mostly annotates the day alone ("Friday night" -> the date).
MARKED_PARTS = frozenset({"afternoon", "evening"})


def _part_of_day(day: date, part: str) -> TimeValue:
    """A named day's evening or afternoon carries the part (``TEV``), its morning or night not."""
    return time_of_day(day, part) if part in MARKED_PARTS else day_value(day)


def time_of_day(day: date, part: str) -> TimeValue:
    """A part of a named day ("Thursday evening"): ``2016-03-03TEV``."""
    return TimeValue("TIME", f"{day.isoformat()}T{PARTS[part]}", day, day, "day")


@rule(rf"(today|tonight|yesterday|tomorrow|this|last|the day before yesterday|"
      rf"the day after tomorrow)(?:'s)?(?: {PART_RE})?")
def deictic_day(m: Match, anchor: date | None, direction: int) -> TimeValue | None:
    if anchor is None:
        return None
    offsets = {"today": 0, "tonight": 0, "this": 0, "yesterday": -1, "tomorrow": 1, "last": -1,
               "the day before yesterday": -2, "the day after tomorrow": 2}
    day = anchor + timedelta(days=offsets[m[1]])
    if m[1] == "tonight":
        return time_of_day(day, "night")
    if m[2]:
        return time_of_day(day, m[2])
    return day_value(day) if m[1] not in ("this", "last") else None


@rule(r"(now|currently|current|at present|the present|present|nowadays|these days|right now|"
      r"the moment|at the moment|this time|today's)")
def present(m: Match, anchor: date | None, direction: int) -> TimeValue | None:
    return TimeValue("DATE", "PRESENT_REF", anchor, anchor, "ref")


@rule(r"(recently|the past|lately|earlier|previously|once|formerly|the recent past|former|"
      r"past years|recent years)")
def past(m: Match, anchor: date | None, direction: int) -> TimeValue | None:
    return TimeValue("DATE", "PAST_REF", None, anchor, "ref")


@rule(r"(the future|future|soon|(?:the )?coming (?:days|weeks|months|years|quarters)|later|"
      r"eventually|the (?:near|foreseeable|distant) future|the (?:near|short) term)")
def future(m: Match, anchor: date | None, direction: int) -> TimeValue | None:
    return TimeValue("DATE", "FUTURE_REF", anchor, None, "ref")


@rule(rf"{MOD_RE}(last|this|next|past|previous|coming|the current|current|the same) "
      r"(week|weekend|month|year|quarter|decade|century)")
def relative_unit(m: Match, anchor: date | None, direction: int) -> TimeValue | None:
    if anchor is None:
        return None
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(m[2], 0)
    value = _unit_at(anchor, m[3], step)
    return with_mod(value, _mod(m[1])) if value else None


@rule(r"the past year")
def the_past_year(m: Match, anchor: date | None, direction: int) -> TimeValue | None:
    """"over the past year": TBAQ gives the previous calendar year (``1997``), not ``P1Y``."""
    return year_value(anchor.year - 1) if anchor else None


def _unit_at(anchor: date, unit: str, step: int) -> TimeValue | None:
    if unit == "week":
        return week_value(anchor + timedelta(days=7 * step))
    if unit == "weekend":
        return _weekend(anchor, step)
    if unit == "month":
        return month_value(*shift_month(anchor.year, anchor.month, step))
    if unit == "year":
        return year_value(anchor.year + step)
    if unit == "quarter":
        index = anchor.year * 4 + (anchor.month - 1) // 3 + step
        return quarter_value(index // 4, index % 4 + 1)
    if unit == "decade":
        start = (anchor.year // 10 + step) * 10
        return TimeValue("DATE", str(start // 10), date(start, 1, 1), date(start + 9, 12, 31),
                         "decade")
    return None


def _weekend(anchor: date, step: int) -> TimeValue:
    """The weekend before the anchor (step -1 or 0 in the week), or after it (+1)."""
    saturday = anchor + timedelta(days=(5 - anchor.weekday()) % 7)
    if step < 0 or (step == 0 and anchor.weekday() < 4):
        saturday = anchor - timedelta(days=(anchor.weekday() - 5) % 7 or 7)
        if anchor.weekday() in (5, 6) and step == 0:
            saturday = anchor - timedelta(days=anchor.weekday() - 5)
    year, week, _ = saturday.isocalendar()
    return TimeValue("DATE", f"{year}-W{week:02d}-WE", saturday, saturday + timedelta(days=1),
                     "week")


@rule(r"(?:the )?weekend")
def the_weekend(m: Match, anchor: date | None, direction: int) -> TimeValue | None:
    return _weekend(anchor, direction if anchor.weekday() < 4 else 0) if anchor else None


@rule(rf"{MOD_RE}(?:(this|last|next|the) )?{SEASON_RE}(?:,? (?:of )?{YEAR})?")
def season(m: Match, anchor: date | None, direction: int) -> TimeValue | None:
    code = SEASONS[m[3]]
    if m[4]:
        year = int(m[4])
    elif anchor is None:
        return None
    else:
        year = anchor.year + {"last": -1, "next": 1}.get(m[2] or "", 0)
    return TimeValue("DATE", f"{year}-{code}", None, None, "season", _mod(m[1]))


@rule(rf"(?:the |(last|this|next) year's )?(first|second|third|fourth|1st|2nd|3rd|4th|last|"
      rf"final) (?:fiscal )?quarter(?: of {YEAR}|,? {YEAR}| of (last|this|next) year)?")
def quarter(m: Match, anchor: date | None, direction: int) -> TimeValue | None:
    """"the third quarter", "next year's first quarter", "the fourth quarter of last year"."""
    number_ = ORDINALS[m[2]]
    year_text = m[3] or m[4]
    if year_text:
        return quarter_value(int(year_text), number_)
    if anchor is None:
        return None
    relative_year = m[1] or m[5]
    if relative_year:  # "next year's first quarter", "the second quarter of next year"
        return quarter_value(anchor.year + {"last": -1, "this": 0, "next": 1}[relative_year], number_)
    current = (anchor.month - 1) // 3 + 1
    year = anchor.year - 1 if direction < 0 and number_ > current else anchor.year
    return quarter_value(year, number_)


HALVES = {"first": 1, "second": 2, "last": 2, "latter": 2, "final": 2}


@rule(rf"(?:the )?(?:(first|second|last|latter|final) half|(first|last) two (?:fiscal )?quarters)"
      rf"(?: of (?:{YEAR}|(this|last|next) year|the year)|,? {YEAR})?")
def half_year(m: Match, anchor: date | None, direction: int) -> TimeValue | None:
    """"the latter half of 2014" is ``2014-H2``, "the first two quarters of 2016" ``2016-H1``."""
    half = HALVES[m[1] or m[2]]
    year_text = m[3] or m[5]
    if year_text:
        year = int(year_text)
    elif anchor is None:
        return None
    else:
        year = anchor.year + {"last": -1, "next": 1}.get(m[4] or "", 0)
    first = 6 * (half - 1) + 1
    return TimeValue("DATE", f"{year:04d}-H{half}", date(year, first, 1),
                     month_end(year, first + 5), "half")


@rule(rf"{NUM_RE} {UNIT_RE}(?: or so)? (ago|from now|hence)")
def offset(m: Match, anchor: date | None, direction: int) -> TimeValue | None:
    """"two weeks ago", "a decade ago" (the year), "several years ago" (PAST_REF)."""
    amount = number(m[1])
    if anchor is None or "." in amount:
        return None
    sign = -1 if m[3] == "ago" else 1
    if amount == "X":
        return TimeValue("DATE", "PAST_REF", None, anchor, "ref") if sign < 0 else TimeValue(
            "DATE", "FUTURE_REF", anchor, None, "ref")
    unit = UNITS[m[2]]
    n = int(amount) * sign
    if unit == "D":
        return day_value(anchor + timedelta(days=n))
    if unit == "W":
        return week_value(anchor + timedelta(days=7 * n))
    if unit == "M":
        return month_value(*shift_month(anchor.year, anchor.month, n))
    years = {"Y": 1, "DE": 10, "CE": 100}.get(unit)
    return year_value(anchor.year + n * years) if years else None


@rule(r"(?:the )?(\d{1,2})(?:st|nd|rd|th) century")
def ordinal_century(m: Match, anchor: date | None, direction: int) -> TimeValue | None:
    """"the 20th century" is ``19`` (its years 19xx)."""
    first = (int(m[1]) - 1) * 100
    return TimeValue("DATE", f"{int(m[1]) - 1:02d}", date(max(first, 1), 1, 1),
                     date(first + 99, 12, 31), "century")


@rule(r"(this|last|next|the (?:current|last|previous|next)) century")
def relative_century(m: Match, anchor: date | None, direction: int) -> TimeValue | None:
    """"this century" is the anchor's (``19`` in 1998)."""
    if anchor is None:
        return None
    step = 0 if "this" in m[1] or "current" in m[1] else (1 if "next" in m[1] else -1)
    century = anchor.year // 100 + step
    return TimeValue("DATE", f"{century:02d}", date(century * 100 or 1, 1, 1),
                     date(century * 100 + 99, 12, 31), "century")


@rule(rf"(?:a|an|one|{NUM_RE}) {UNIT_RE} (?:later|earlier|before|after)")
def interval_between(m: Match, anchor: date | None, direction: int) -> TimeValue | None:
    """"three days later": TimeML marks the length ("three days", P3D), not a date."""
    amount = number(m[1]) if m[1] else "1"
    unit = UNITS[m[2]]
    if unit in ("WE", "DE", "CE") or "." in amount:
        return None
    value = f"PT{amount}{unit[0]}" if unit in ("H", "MIN", "S") else f"P{amount}{unit}"
    return TimeValue("DURATION", value, None, None, "duration")


@rule(r"(?:the )?(beginning|start|middle|end) of the (week|month|quarter)")
def part_of_the_unit(m: Match, anchor: date | None, direction: int) -> TimeValue | None:
    """"the end of the month" is this month, its end (not a month's length)."""
    value = _unit_at(anchor, m[2], 0) if anchor else None
    return with_mod(value, _mod(f"the {m[1]} of")) if value else None


@rule(r"the (?:fiscal |latest |comparable |same )?quarter|the latest period")
def the_quarter(m: Match, anchor: date | None, direction: int) -> TimeValue | None:
    """"the quarter" in business news: the last completed quarter."""
    if anchor is None:
        return None
    index = anchor.year * 4 + (anchor.month - 1) // 3 - 1
    return quarter_value(index // 4, index % 4 + 1)


@rule(r"the (?:latest|most recent) (?:full |fiscal |calendar )*year")
def the_latest_year(m: Match, anchor: date | None, direction: int) -> TimeValue | None:
    """"the latest fiscal year": the last one completed, the year before the anchor's."""
    return year_value(anchor.year - 1) if anchor else None


@rule(r"the (?:full |current |fiscal |calendar )*year")
def the_year(m: Match, anchor: date | None, direction: int) -> TimeValue | None:
    return year_value(anchor.year) if anchor else None


@rule(r"(?:the )?(?:end of (?:the|this) year|year'?s end|year end)")
def year_end(m: Match, anchor: date | None, direction: int) -> TimeValue | None:
    """"by year end", "the end of the year": the current year, its last part."""
    return with_mod(year_value(anchor.year), "END") if anchor else None


@rule(rf"{MOD_RE}(?:the |a |an )?(?:(last|past|next|coming|first|previous|recent|final) )?"
      rf"(?:{NUM_RE}(?: more)?[ -])?{UNIT_RE}(?:-long| long| old)?")
def duration(m: Match, anchor: date | None, direction: int) -> TimeValue | None:
    amount = number(m[3]) if m[3] else ("X" if m[4].endswith("s") else "1")
    unit = UNITS[m[4]]
    if unit == "WE":
        return None
    if amount not in ("X",) and "." in amount:
        amount, unit = _finer(float(amount), unit)
    value = f"PT{amount}{unit[0]}" if unit in ("H", "MIN", "S") else f"P{amount}{unit}"
    if unit == "DE":  # decades are counted in years: "two decades" P20Y, "decades" PXY
        value = "PXY" if amount == "X" else value.replace("DE", "0Y")
    start = end = None
    if anchor is not None and m[2] in ("last", "past", "previous", "recent"):
        end = anchor
    elif anchor is not None and m[2] in ("next", "coming"):
        start = anchor
    return TimeValue("DURATION", value, start, end, "duration", _mod(m[1]))


def _finer(amount: float, unit: str) -> tuple[str, str]:
    scale = {"Y": (12, "M"), "M": (30, "D"), "W": (7, "D"), "D": (24, "H"), "H": (60, "MIN")}
    factor, finer = scale.get(unit, (1, unit))
    return str(round(amount * factor)), finer


@rule(rf"(?:(a|an|one|{NUM_RE}) {UNIT_RE} and a half|(\d+) 1/2 {UNIT_RE}|{NUM_RE} and a half "
      rf"{UNIT_RE})(?: later| earlier| before| after)?")
def and_a_half(m: Match, anchor: date | None, direction: int) -> TimeValue | None:
    """"a minute and a half" is PT1M30S, "2 1/2 years" and "two and a half years" P2Y6M: the
    half in the next unit; "two hours and a half later" is that length too, as "three days
    later" is."""
    amount = number(m[1] or m[6]) if m[1] or m[6] else m[4]
    if amount == "X" or "." in amount:
        return None
    unit = UNITS[m[3] or m[5] or m[7]]
    whole = int(amount)
    halves = {"Y": "P{n}Y6M", "M": "P{n}M15D", "W": "P{n}W3DT12H",
              "D": "P{n}DT12H", "H": "PT{n}H30M", "MIN": "PT{n}M30S", "S": "PT{n}.5S"}
    if unit == "DE":
        return TimeValue("DURATION", f"P{whole * 10 + 5}Y", None, None, "duration")
    if unit not in halves:
        return None
    return TimeValue("DURATION", halves[unit].format(n=whole), None, None, "duration")


def day_of(text: str, anchor: date | None, direction: int) -> date | None:
    """The day an expression names, if it names one."""
    value = normalise(text, anchor, direction)
    if value is None or value.precision != "day" or value.start is None:
        return None
    return value.start


# Times of day and recurring sets register after the rules above (order matters).
from polybius.resolve import calendar_clock as _clock  # noqa: E402,F401
