"""Where a wire dateline ends: the place a story was filed from, not where its events happened.

A dateline opens the text with a town in capitals or title case, perhaps its state or country
and the agency, then a dash: "BAMAKO, Mali (AP) \u2014 ", "KABUL -- ", "RALEIGH, N.C. (AP) - ".
Both the places stage (its places are the story's home, not mentions to map) and event
location (its places never locate an event) read it from here.
"""

from __future__ import annotations

import re

_NAME = r"[A-Z][\w.'-]*(?:[ -][A-Z][\w.'-]*)*"
_AGENCY = r"\s*(?:\([A-Za-z. &-]{1,30}\))?"
# A town, up to two qualifiers and an agency, then an em or en dash, a double hyphen or a wide gap.
DASH_DATELINE = re.compile(rf"\s*{_NAME}(?:,\s*{_NAME}){{0,2}}{_AGENCY}\s*(?:\u2014|\u2013|--|\s{{3,}})\s*")
# "CAMP MURRAY, Wash. - ": a spaced hyphen ends a dateline only after a town and its state or
# country, so that a headline such as "Brexit - what comes next" is none.
HYPHEN_DATELINE = re.compile(rf"\s*{_NAME}(?:,\s*{_NAME}){{1,2}}{_AGENCY}\s+-\s+")
SEARCHED = 120  # characters of the text a dateline can span


def dateline_end(text: str) -> int:
    """Where the wire dateline opening ``text`` ends, or 0 when the text has none."""
    head = text[:SEARCHED]
    for pattern in (DASH_DATELINE, HYPHEN_DATELINE):
        match = pattern.match(head)
        if match is not None and "\n" not in match.group(0).strip():
            return match.end()
    return 0
