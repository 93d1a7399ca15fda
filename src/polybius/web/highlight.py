"""Mark up a document's text: the evidence span as one ``<mark>``, other spans as classes.

The text is cut at every span boundary; each piece is escaped and wrapped in a ``<span>``
whose classes name every span covering it (trigger, actor, place, cue, ...). The evidence
boundaries are cuts too, so the evidence ``<mark>`` opens and closes between pieces and
holds exactly ``text[start:end]``, however the other spans overlap it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape
from typing import Any

Span = dict[str, Any]


def valid_spans(text: str, spans: Iterable[Span]) -> list[Span]:
    """Spans with offsets inside the text and a positive length."""
    size = len(text)
    return [s for s in spans if isinstance(s.get("start"), int) and isinstance(s.get("end"), int)
            and 0 <= s["start"] < s["end"] <= size]


def _cuts(text: str, spans: Sequence[Span], focus: tuple[int, int] | None) -> list[int]:
    points = {0, len(text)}
    for span in spans:
        points.update((span["start"], span["end"]))
    if focus:
        points.update(focus)
    return sorted(points)


def _piece(text: str, start: int, end: int, spans: Sequence[Span]) -> str:
    covering = [s for s in spans if s["start"] <= start and end <= s["end"]]
    body = escape(text[start:end])
    if not covering:
        return body
    kinds = sorted({s["kind"] for s in covering})
    classes = " ".join(f"hl-{k}" for k in kinds)
    title = "; ".join(dict.fromkeys(s.get("label") or s["kind"] for s in covering))
    return f'<span class="hl {classes}" title="{escape(title)}">{body}</span>'


def mark_text(text: str, spans: Iterable[Span], focus: tuple[int, int] | None = None) -> str:
    """The text as HTML with every span highlighted and ``focus`` wrapped in one ``<mark>``."""
    kept = valid_spans(text, spans)
    if focus and not (0 <= focus[0] < focus[1] <= len(text)):
        focus = None
    cuts = _cuts(text, kept, focus)
    out: list[str] = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        if focus and start == focus[0]:
            out.append('<mark class="evidence" id="evidence">')
        out.append(_piece(text, start, end, kept))
        if focus and end == focus[1]:
            out.append("</mark>")
    return "".join(out)


def nearest(spans: Sequence[Span], start: int, end: int) -> list[Span]:
    """Spans overlapping ``[start, end)``; else the single span closest to it."""
    inside = [s for s in spans if s["start"] < end and s["end"] > start]
    if inside or not spans:
        return inside
    return [min(spans, key=lambda s: min(abs(s["start"] - end), abs(s["end"] - start)))]


def find_near(text: str, needle: str | None, anchor: int) -> tuple[int, int] | None:
    """The occurrence of ``needle`` in ``text`` closest to ``anchor``, as offsets."""
    if not needle:
        return None
    found, position = [], text.find(needle)
    while position >= 0:
        found.append(position)
        position = text.find(needle, position + 1)
    if not found:
        return None
    best = min(found, key=lambda p: abs(p - anchor))
    return best, best + len(needle)
