"""Tests for polybius.extract.event_location: where an event happened."""

from __future__ import annotations

from polybius.analysis import Analysis
from polybius.extract.event_location import dateline_end, locate_event
from polybius.model import Document
from polybius.pipeline import Pipeline, run_stages


def analyse(pipeline: Pipeline, text: str) -> Analysis:
    analysis = Analysis(document=Document(text=text), doc=pipeline.nlp(text))
    run_stages(analysis)
    return analysis


def test_dateline_is_not_where_the_event_happened(pipeline: Pipeline) -> None:
    text = "BAMAKO, Mali (AP) \u2014 Gunmen opened fire on the post, officials said."
    assert text[:dateline_end(text)].startswith("BAMAKO, Mali (AP)")
    assert dateline_end("Gunmen opened fire in Bamako.") == 0
    analysis = analyse(pipeline, text)
    start = text.index("opened")
    place_id, _ = locate_event(analysis, start, start + len("opened"))
    assert place_id is None
