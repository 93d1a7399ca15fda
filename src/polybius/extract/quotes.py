"""Quotation spans in a text: straight, curly and typewriter ('' ``) double quotes, over
several paragraphs.

A quotation that runs over paragraphs opens each new paragraph with an opening mark and has no
closing mark at the end of the paragraphs before the last (the typographic convention); such
paragraphs are joined into one quotation. An opening mark never closed is closed at the end of
its paragraph.
"""

from __future__ import annotations

import re

OPENING = "\u201c"  # “
CLOSING = "\u201d"  # ”
STRAIGHT = '"'
OPEN_PAIR = "``"  # typewriter opening pair
STRAIGHT_PAIR = "''"  # typewriter pair, opening or closing (as some archives print quotes)
_PARAGRAPH = re.compile(r"\n[ \t]*\n")


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Character spans (start at the opening mark, end after the closing one) of quotations."""
    quotes: list[tuple[int, int]] = []
    paragraphs = _paragraphs(text)
    carried: int | None = None
    for start, end in paragraphs:
        spans, open_at = _scan(text, start, end, carried)
        quotes.extend(spans)
        carried = None
        if open_at is not None:
            if _next_opens(text, end, paragraphs):
                carried = open_at
            else:
                quotes.append((open_at, _rstrip(text, start, end)))
    return quotes


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, position = [], 0
    for match in _PARAGRAPH.finditer(text):
        spans.append((position, match.start()))
        position = match.end()
    spans.append((position, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def _marks(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Quotation marks in ``text[start:end]``: (position, length, role) with role "open",
    "close" or "either"; typewriter pairs count as one mark (``x'' and ''x'')."""
    marks = []
    i = start
    while i < end:
        pair = text[i : i + 2]
        if pair in (OPEN_PAIR, STRAIGHT_PAIR):
            marks.append((i, 2, "open" if pair == OPEN_PAIR else "either"))
            i += 2
            continue
        char = text[i]
        if char in (OPENING, CLOSING, STRAIGHT):
            role = {OPENING: "open", CLOSING: "close"}.get(char, "either")
            marks.append((i, 1, role))
        i += 1
    return marks


def _scan(text: str, start: int, end: int, carried: int | None) -> tuple[list[tuple[int, int]], int | None]:
    """Quotes closed inside one paragraph, and where a quote still open at its end began."""
    spans: list[tuple[int, int]] = []
    open_at = carried
    first = _lstrip(text, start, end)
    for i, length, role in _marks(text, start, end):
        if role == "open" or (role == "either" and open_at is None):
            if carried is not None and i == first:
                continue  # the mark that re-opens a quotation carried over a paragraph break
            if open_at is None:
                open_at = i
        elif open_at is not None:
            spans.append((open_at, i + length))
            open_at = None
    return spans, open_at


def _next_opens(text: str, end: int, paragraphs: list[tuple[int, int]]) -> bool:
    following = [s for s, _ in paragraphs if s > end]
    if not following:
        return False
    position = _lstrip(text, following[0], len(text))
    return text[position : position + 1] in (OPENING, STRAIGHT) or text[position : position + 2] in (
        OPEN_PAIR,
        STRAIGHT_PAIR,
    )


def _lstrip(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    return start


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
