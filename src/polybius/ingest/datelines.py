"""Where a wire dateline ends: the place a story was filed from, not where its events happened.

A dateline opens the text with a town, perhaps its state or country, a date and the agency,
then a dash: "BAMAKO, Mali (AP) \u2014 ", "KABUL -- ", "TOLEDO, Ohio (AP) - ",
"LAGOS, March 3, 2018 (Wire) -- ", "PALO ALTO, Calif.--(Wire)--". Scraped copy often loses
the dash ("DENVER (AP) The ..."), and some outlets end with a colon after the agency
("QUETTA, May 2 (APP): "). Both the places stage (its places are the story's home, not
mentions to map) and event location (its places never locate an event) read its end from
here, and ingest reads its date and agency where a page's header gives none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NAME = r"(?!By )[A-Z][\w.'-]*(?:[ -][A-Z][\w.'-]*)*"
_CAPS = r"[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*"  # a town in capitals: "LAS CRUCES"
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
# "March 3", "March 3, 2018", "3 March 2018", "2018-03-03"
_DATE = (rf"(?i:{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}"
         r"|\d{4}-\d{2}-\d{2})")
_AGENCY = r"\((?P<agency>[A-Za-z0-9. &/-]{1,30})\)"
# Dashes, also as mis-decoded in scraped copy (U+FFFD, the C1 control of cp1252's em dash).
_DASH = r"(?:\u2014|\u2013|--|\ufffd|\x97|\s{3,})"
_QUALIFIED = rf"(?:,\s*{_NAME}){{1,2}}"
_DATED = rf"(?:,\s*(?P<date>{_DATE}))?"

PATTERNS = tuple(re.compile(p) for p in (
    # a dash, after the agency if any: "BAMAKO, Mali (AP) \u2014 ", "PALO ALTO, Calif.--(Wire)--"
    rf"\s*{_NAME}(?:{_QUALIFIED})?{_DATED}\s*(?:(?:{_DASH}\s*)?{_AGENCY})?\s*{_DASH}\s*",
    # a spaced hyphen after a town and its state or country, or an agency: "OLYMPIA, Wash. - ",
    # "DENVER (AP) - ", or a town in capitals: "CAIRO - " (a headline "Brexit - what next" is none)
    rf"\s*{_NAME}{_QUALIFIED}{_DATED}\s*(?:{_AGENCY})?\s+-\s+",
    rf"\s*{_NAME}(?:{_QUALIFIED})?{_DATED}\s*{_AGENCY}\s+-\s+",
    rf"\s*{_CAPS}\s+-\s+",
    # no dash, but a town in capitals and the agency: "DENVER (AP) The ...", "QUETTA, May 2 (APP):"
    rf"\s*{_CAPS}(?:{_QUALIFIED})?{_DATED}\s*{_AGENCY}:?\s*",
))
SEARCHED = 120  # characters of the text a dateline can span


@dataclass(frozen=True)
class Dateline:
    """A wire dateline: where it ends in the text, and its date and agency as written."""

    end: int
    date: str | None = None
    agency: str | None = None


def read_dateline(text: str) -> Dateline | None:
    """The wire dateline opening ``text``, or None. The story goes on with a capital, a figure
    or a quote: a dash or gap before a lowercase word or an apostrophe is an aside ("Smith --
    who ...") or a lost character ("Syria   's war")."""
    head = text[:SEARCHED]
    for pattern in PATTERNS:
        match = pattern.match(head)
        if match is None or "\n" in match.group(0).strip():
            continue
        rest = head[match.end():match.end() + 1]
        if rest and (rest.islower() or rest in "'\u2019,;"):
            continue
        found = match.groupdict()
        return Dateline(match.end(), found.get("date"), found.get("agency"))
    return None


def dateline_end(text: str) -> int:
    """Where the wire dateline opening ``text`` ends, or 0 when the text has none."""
    dateline = read_dateline(text)
    return dateline.end if dateline else 0
