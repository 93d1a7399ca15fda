"""Values that depend on the document's reporting period, not only on the anchor date.

Business news compares a period with the same period a year before: in an article about
third-quarter results, "a year ago", "year-earlier profit" and "the year-ago quarter" mean
the third quarter of the previous year (TimeML annotates them ``1988-Q3``, not ``1988``).
``ReportingPeriod`` remembers the last quarter the document named ("the third quarter",
"its fourth quarter") and resolves such comparisons against it; without a quarter in focus
they fall back to the previous calendar year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from polybius.resolve.calendar import TimeValue, clean, quarter_value, year_value

# "a year ago", "year-earlier", "the comparable year-ago quarter", "the year-earlier period",
# "last year's quarter", "the quarter a year ago", "the 1988 quarter".
_ORDINAL = r"(?:(first|second|third|fourth) )?"
YEAR_BACK = re.compile(
    r"(?:the |a )?(?:comparable |corresponding |same |prior )?"
    r"(?:(?:a |one )?year (?:ago|earlier)|last year's|(?:the )?quarter a year (?:ago|earlier)|"
    r"(?:the )?(?:corresponding|comparable|same) (?:period|quarter) (?:a year ago|last year))"
    rf"(?: {_ORDINAL}(?:fiscal )?(?:quarter|period|results|levels?))?")
YEAR_QUARTER = re.compile(rf"(?:the )?((?:19|20)\d\d) {_ORDINAL}(?:fiscal )?(?:quarter|period)")
THIS_QUARTER = re.compile(r"(?:this|that|the) (?:latest |fiscal )?(?:quarter|period)")
LONGER_PERIODS = frozenset({"P6M", "P9M", "P1Y"})
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}


@dataclass
class ReportingPeriod:
    """The quarter a document reports on, learnt from the expressions read so far."""

    anchor: date | None
    quarter: TimeValue | None = None

    def note(self, value: TimeValue | None) -> None:
        """Remember a quarter named outright ("the third quarter") as the focus; a longer
        reporting period ("the first nine months", "the year ended June 30") ends it. A quarter
        not yet over ("the fourth quarter" in October) is a forecast, not the report's."""
        if value is not None and value.precision == "quarter" and value.type == "DATE":
            if self.anchor is None or value.end is None or value.end <= self.anchor:
                self.quarter = value
        elif value is not None and value.value in LONGER_PERIODS:
            self.quarter = None

    def resolve(self, text: str) -> TimeValue | None:
        """The value of a comparison with the reporting period, or None if ``text`` is none."""
        cleaned = clean(text)
        match = YEAR_BACK.fullmatch(cleaned)
        if match:
            return self._back(match[1])
        match = YEAR_QUARTER.fullmatch(cleaned)
        if match:
            return self._in_year(int(match[1]), match[2])
        if THIS_QUARTER.fullmatch(cleaned) and self.quarter is not None:
            return self.quarter
        return None

    def _back(self, ordinal: str | None) -> TimeValue | None:
        if self.quarter is not None and self.quarter.start is not None:
            return self._in_year(self.quarter.start.year - 1, ordinal)
        if ordinal and self.anchor is not None:
            return quarter_value(self.anchor.year - 1, ORDINALS[ordinal])
        return year_value(self.anchor.year - 1) if self.anchor else None

    def _in_year(self, year: int, ordinal: str | None) -> TimeValue | None:
        if ordinal:
            return quarter_value(year, ORDINALS[ordinal])
        if self.quarter is not None and self.quarter.start is not None:
            return quarter_value(year, (self.quarter.start.month - 1) // 3 + 1)
        return year_value(year)
