"""Text highlighting: one evidence mark holding exactly its span, overlapping spans as classes."""

from __future__ import annotations

import re
from html import escape

from polybius.web.highlight import find_near, mark_text, nearest

TEXT = "Rebels <said> they shelled A & B on Monday."


def evidence_of(html: str) -> str:
    found = re.search(r'<mark class="evidence" id="evidence">(.*?)</mark>', html)
    assert found
    return re.sub(r"<[^>]+>", "", found.group(1))


def test_evidence_mark_holds_exactly_the_escaped_span() -> None:
    html = mark_text(TEXT, [{"kind": "trigger", "start": 19, "end": 26}], (14, 32))
    assert TEXT[14:32] == "they shelled A & B"
    assert evidence_of(html) == "they shelled A &amp; B"


def test_span_crossing_the_evidence_edge_is_cut_not_nested() -> None:
    spans = [{"kind": "content", "start": 0, "end": 20}, {"kind": "place", "start": 27, "end": 32}]
    html = mark_text(TEXT, spans, (14, 40))
    assert evidence_of(html) == escape(TEXT[14:40])
    assert html.count("<mark") == html.count("</mark>") == 1


def test_whole_text_is_kept_and_escaped() -> None:
    html = mark_text(TEXT, [{"kind": "actor", "start": 0, "end": 6}], None)
    assert re.sub(r"<[^>]+>", "", html) == escape(TEXT)
    assert '<span class="hl hl-actor" title="actor">Rebels</span>' in html


def test_spans_outside_the_text_are_ignored() -> None:
    html = mark_text("short", [{"kind": "time", "start": 3, "end": 99}, {"kind": "x", "start": None, "end": 2}])
    assert html == "short"


def test_nearest_prefers_mentions_inside_the_evidence() -> None:
    mentions = [{"start": 0, "end": 3}, {"start": 50, "end": 55}, {"start": 90, "end": 95}]
    assert nearest(mentions, 40, 60) == [mentions[1]]
    assert nearest(mentions, 70, 80) == [mentions[2]]


def test_find_near_picks_the_occurrence_closest_to_the_anchor() -> None:
    text = "the army said; later the army denied"
    assert find_near(text, "the army", 30) == (21, 29)
    assert find_near(text, "", 3) is None
