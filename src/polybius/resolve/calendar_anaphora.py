"""Expressions that refer back to a date the document named: "that day", "the following week".

TimeML resolves such anaphoric expressions against the last time the text mentioned, not
against the publication date: after "on Oct. 23, 1998", "that day" is ``1998-10-23``, "the
next morning" ``1998-10-24TMO``, "later that year" ``1998``, "the previous Friday" the
Friday before Oct. 23 and "at 10 p.m." ``1998-10-23T22:00``. ``Narrative`` remembers the
dates read so far and resolves these expressions against the latest one precise enough (a
day for "that day", any date for "that year"); with none yet, the anchor date stands in
(a bare hour is then left to the calendar rules).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from polybius.resolve.calendar import (
    DAY_RE,
    PART_RE,
    PARTS,
    WEEKDAYS,
    TimeValue,
    clean,
    day_value,
    month_value,
    normalise,
    quarter_value,
    shift_month,
    week_value,
    year_value,
)

# How fine a remembered value is, coarsest last; a unit needs a mention at least this fine.
_FINENESS = {"time": 0, "day": 1, "week": 2, "month": 3, "quarter": 4, "season": 4, "half": 4,
             "year": 5}
_NEEDS = {"day": 1, "week": 2, "month": 3, "quarter": 4, "year": 5}
_UNIT = r"(day|week|month|quarter|year)"
_BACK = {"previous": -1, "preceding": -1, "prior": -1, "following": 1, "next": 1}

# "that day", "later that year", "the same week", "earlier on that same day", "that morning"
SAME = re.compile(rf"(?:(?:earlier|later|early|late) )?(?:on |in |during )?"
                  rf"(?:(?:that|the same|that same|that very) {_UNIT}|(?:that|the same|the) {PART_RE}|"
                  r"the (day))")
# "10 p.m.", "at about 6:30 a.m. EST", "4 in the morning": an hour of the day in focus
CLOCK = re.compile(r"(?:(?:about|around|at) )*\d{1,2}(?::\d\d)?(?:\s*[ap]\.?m\.?(?: [a-z]{2,4})?| in the "
                   r"(?:morning|afternoon|evening|night))")
# "overnight": the night before the day in focus
OVERNIGHT = re.compile(r"overnight")
# "the following week", "the previous day", "the next morning", "the day before"
SHIFTED = re.compile(rf"(?:(?:earlier|later|early|late) )?(?:on |in |during )?the "
                     rf"(?:(following|previous|preceding|prior) {_UNIT}|(following|previous|preceding|"
                     rf"prior|next) (day|{PART_RE[1:-1]})|{_UNIT} (before|after|earlier|later))")
# "the previous Friday", "the following Monday"
WEEKDAY = re.compile(rf"(?:on )?the (following|previous|preceding|next) {DAY_RE}")


@dataclass
class Narrative:
    """The dates a document has named so far, latest last."""

    anchor: date | None
    mentions: list[TimeValue] = field(default_factory=list)

    def note(self, value: TimeValue | None) -> None:
        """Remember a date or time that later expressions may refer back to."""
        if (value is not None and value.type in ("DATE", "TIME") and value.start is not None
                and value.precision in _FINENESS):
            self.mentions.append(value)

    def resolve(self, text: str) -> TimeValue | None:
        """The value of an anaphoric expression, or None if ``text`` is none."""
        cleaned = clean(text)
        match = SAME.fullmatch(cleaned)
        if match:
            unit = match[1] or match[3] or "day"
            return self._at(unit, 0, None if match[2] in (None, "day") else match[2])
        if OVERNIGHT.fullmatch(cleaned):
            return self._at("day", -1, "night")
        if CLOCK.fullmatch(cleaned) and self.mentions:
            return normalise(text, self.reference("day"))
        match = SHIFTED.fullmatch(cleaned)
        if match:
            if match[1]:
                return self._at(match[2], _BACK[match[1]])
            if match[3]:
                part = None if match[4] == "day" else match[4]
                return self._at("day", _BACK[match[3]], part)
            return self._at(match[5], -1 if match[6] in ("before", "earlier") else 1)
        match = WEEKDAY.fullmatch(cleaned)
        if match:
            return self._weekday(WEEKDAYS[match[2]], _BACK.get(match[1], 1))
        return None

    def reference(self, unit: str) -> date | None:
        """The latest named date fine enough for ``unit``, else the anchor."""
        for value in reversed(self.mentions):
            if _FINENESS[value.precision] <= _NEEDS[unit]:
                return value.start
        return self.anchor

    def _at(self, unit: str, step: int, part: str | None = None) -> TimeValue | None:
        day = self.reference(unit)
        if day is None:
            return None
        if unit == "day":
            day += timedelta(days=step)
            if part:
                return TimeValue("TIME", f"{day.isoformat()}T{PARTS[part]}", day, day, "day")
            return day_value(day)
        if unit == "week":
            return week_value(day + timedelta(days=7 * step))
        if unit == "month":
            return month_value(*shift_month(day.year, day.month, step))
        if unit == "quarter":
            index = day.year * 4 + (day.month - 1) // 3 + step
            return quarter_value(index // 4, index % 4 + 1)
        return year_value(day.year + step)

    def _weekday(self, weekday: int, way: int) -> TimeValue | None:
        day = self.reference("day")
        if day is None:
            return None
        if way > 0:
            return day_value(day + timedelta(days=(weekday - day.weekday()) % 7 or 7))
        return day_value(day - timedelta(days=(day.weekday() - weekday) % 7 or 7))
