"""Parallel analysis: reports in input order, bounded chunks, same results as one process."""

from __future__ import annotations

from polybius.corpus.parallel import analyze_stream, chunks
from polybius.model import Document
from polybius.options import Options
from polybius.pipeline import Pipeline

TEXTS = [f"Soldiers from unit {i} were deployed to Kirkuk on Monday, the ministry said."
         for i in range(6)]


def test_chunks_split_a_stream_in_order() -> None:
    assert list(chunks(iter(range(5)), 2)) == [[0, 1], [2, 3], [4]]


def test_one_worker_uses_the_given_pipeline(pipeline: Pipeline) -> None:
    reports = list(analyze_stream((Document(text=t) for t in TEXTS[:2]), Options(),
                                  pipeline=pipeline))
    assert [r.document.text for r in reports] == TEXTS[:2]


def test_two_workers_return_the_same_reports_in_input_order(pipeline: Pipeline) -> None:
    documents = [Document(text=t, source=f"s{i}") for i, t in enumerate(TEXTS)]
    parallel = list(analyze_stream(iter(documents), Options(), workers=2, chunk=2))
    single = list(pipeline.analyze_many(documents))
    assert [r.document.source for r in parallel] == [f"s{i}" for i in range(6)]
    assert [r.to_dict() for r in parallel] == [r.to_dict() for r in single]
