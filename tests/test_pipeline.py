"""The pipeline: stage order, one parse for a batch, a failing extractor becomes a warning."""

from __future__ import annotations

from dataclasses import replace

import pytest

from polybius import pipeline as pipeline_module
from polybius.model import Document
from polybius.options import Options
from polybius.pipeline import STAGES, anchor_date


def test_stages_run_places_before_actors_before_events():
    names = [stage.name for stage in STAGES]
    assert names.index("places") < names.index("actors") < names.index("attribution") < names.index("events")


def test_failing_stage_is_reported_and_the_others_still_run(pipeline, monkeypatch):
    def broken(analysis):
        raise RuntimeError("boom")

    stages = tuple(replace(s, run=broken) if s.name == "attribution" else s for s in STAGES)
    monkeypatch.setattr(pipeline_module, "STAGES", stages)
    report = pipeline.analyze(Document(text="The army said rebels attacked Gao on Monday.", source="x"))
    assert [w.stage for w in report.warnings] == ["attribution"]
    assert "boom" in report.warnings[0].message
    assert report.attributions == []


def test_batch_keeps_input_order(pipeline):
    texts = [f"Report number {i}: police arrested {i} protesters in Lagos." for i in range(5)]
    reports = list(pipeline.analyze_many(Document(text=t, source=str(i)) for i, t in enumerate(texts)))
    assert [r.document.source for r in reports] == ["0", "1", "2", "3", "4"]


def test_sentences_never_cross_paragraphs(nlp):
    doc = nlp("Troops arrived in the town\n\nand the mayor fled to the capital.")
    assert len(list(doc.sents)) == 2


@pytest.mark.parametrize(("published", "option", "expected"), [
    ("2016-03-09", None, "2016-03-09"),
    (None, "2020-01-01", "2020-01-01"),
    ("not a date", "2020-01-01", "2020-01-01"),
    (None, None, None),
])
def test_anchor_date_prefers_the_document(published, option, expected):
    anchor = anchor_date(Document(text="x", published=published), Options(published=option))
    assert (anchor.isoformat() if anchor else None) == expected
