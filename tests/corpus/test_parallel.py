"""Parallel analysis: reports in input order, bounded chunks, same results as one process."""

from __future__ import annotations

import os

import pytest

from polybius.corpus import parallel
from polybius.corpus.parallel import WorkerPool, analyze_stream, chunks
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


def test_forked_workers_share_the_given_pipeline_and_leave_it_in_place(pipeline: Pipeline) -> None:
    documents = [Document(text=t, source=f"s{i}") for i, t in enumerate(TEXTS[:4])]
    with WorkerPool(Options(), 2, pipeline, chunk=1) as pool:
        assert pool.executor is not None
        pids = set(pool.executor.map(_pid, range(8)))
        reports = list(pool.analyze(iter(documents)))
    assert os.getpid() not in pids and len(pids) <= 2
    assert [r.document.source for r in reports] == ["s0", "s1", "s2", "s3"]


def test_spawned_workers_load_their_own_pipeline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "start_method", lambda: "spawn")
    documents = [Document(text=t) for t in TEXTS[:2]]
    reports = list(analyze_stream(iter(documents), Options(), workers=2, chunk=1))
    assert [r.document.text for r in reports] == TEXTS[:2]
    assert all(r.events for r in reports)


def _pid(_: int) -> int:
    return os.getpid()
