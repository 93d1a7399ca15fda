"""Helpers shared by the place tests: analyse a text through every stage, find a place by its words."""

from __future__ import annotations

from polybius.analysis import Analysis
from polybius.model import Document, Place
from polybius.pipeline import Pipeline, run_stages


def analyse(pipeline: Pipeline, text: str) -> Analysis:
    """The analysis of ``text`` after every extraction stage."""
    analysis = Analysis(document=Document(text=text), doc=pipeline.nlp(text))
    run_stages(analysis)
    return analysis


def place_named(analysis: Analysis, surface: str) -> Place | None:
    """The place one of whose mentions reads ``surface``."""
    return next((p for p in analysis.places if any(m.text == surface for m in p.mentions)), None)
