"""Spelled-out years and day ordinals as digits, before the calendar rules read an expression.

Broadcast transcripts spell dates out: "nineteen ninety-six" is ``1996``, "the year two
thousand" ``2000``, "March eighth" ``march 8th``. ``digits`` rewrites a cleaned (lower-case,
hyphens as spaces) expression so that the ordinary rules of ``calendar_rules`` apply.
Ordinals become digits only next to a month name ("the first quarter" keeps its word).
"""

from __future__ import annotations

import re

from polybius.lexicons import read_table

WORDS_FILE = "time_words.tsv"


def _kind(kind: str) -> dict[str, str]:
    return {row[0]: row[1] for row in read_table(WORDS_FILE) if row[2] == kind}


_NUMBERS = {word: int(value) for word, value in _kind("number").items()
            if value.isdigit() and " " not in word and "-" not in word}
_ORDINALS = {word: int(value) for word, value in _kind("ordinal").items()}
_MONTHS = sorted(_kind("month"), key=len, reverse=True)

_UNITS = {w: n for w, n in _NUMBERS.items() if 1 <= n <= 9}
_TEENS = {w: n for w, n in _NUMBERS.items() if 10 <= n <= 19}
_TENS = {w: n for w, n in _NUMBERS.items() if n in range(20, 100, 10)}


def _alt(words: dict[str, int]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


# "ninety six", "twelve", "oh five": the last two digits of a year.
_TWO_DIGITS = rf"(?:(?:{_alt(_TENS)})(?: (?:{_alt(_UNITS)}))?|{_alt(_TEENS)}|oh (?:{_alt(_UNITS)}))"
_YEAR = re.compile(
    rf"\b(?:(eighteen|nineteen|twenty) ({_TWO_DIGITS})|two thousand(?: and)?(?: ({_TWO_DIGITS}|"
    rf"{_alt(_UNITS)}))?)\b")
_ORDINAL = (rf"(?:(?:twenty|thirty) (?:{_alt({w: n for w, n in _ORDINALS.items() if n < 10})})|"
            rf"{_alt(_ORDINALS)})")
_MONTH = "(?:" + "|".join(re.escape(m) for m in _MONTHS) + ")"
_MONTH_ORDINAL = re.compile(rf"\b({_MONTH}) ({_ORDINAL})\b")
_ORDINAL_MONTH = re.compile(rf"\b({_ORDINAL}) of ({_MONTH})\b")


def _value(words: str) -> int:
    """The number of a spelled phrase ("ninety six" -> 96, "oh five" -> 5)."""
    total = 0
    for word in words.split():
        total += _NUMBERS.get(word, 0) or _ORDINALS.get(word, 0)
    return total


def _year(match: re.Match[str]) -> str:
    if match[1]:
        century = {"eighteen": 1800, "nineteen": 1900, "twenty": 2000}[match[1]]
        return str(century + _value(match[2]))
    return str(2000 + (_value(match[3]) if match[3] else 0))


def digits(text: str) -> str:
    """``text`` with spelled-out years and a month's day ordinals written as digits."""
    if not any(c.isalpha() for c in text):
        return text
    text = _YEAR.sub(_year, text)
    text = _MONTH_ORDINAL.sub(lambda m: f"{m[1]} {_value(m[2])}th", text)
    return _ORDINAL_MONTH.sub(lambda m: f"{_value(m[1])}th of {m[2]}", text)
