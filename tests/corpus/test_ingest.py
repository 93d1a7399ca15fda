"""Corpus ingest through the real pipeline: idempotent, resumable, errors kept, copies linked."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from polybius.corpus.ingest import ingest
from polybius.pipeline import Pipeline
from polybius.store import Store

SENTENCES = [
    "Government forces shelled rebel positions near {town} on {day}, killing {n} fighters.",
    "A spokesman for the army said the operation around {town} would continue.",
    "Aid agencies reported that {n} families had fled {town} since the fighting began.",
    "The United Nations called for a ceasefire and access for humanitarian convoys.",
]
TOWNS = ["Aleppo", "Homs", "Idlib", "Raqqa", "Deir ez-Zor", "Hama", "Daraa", "Palmyra"]


def article(i: int) -> str:
    """A short distinct news text (about 70 words)."""
    town, day = TOWNS[i % len(TOWNS)], ["Monday", "Tuesday", "Friday"][i % 3]
    body = " ".join(s.format(town=town, day=day, n=i + 3) for s in SENTENCES)
    return f"Report number {i} from our correspondent. {body}"


def corpus(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        (folder / f"article-{i:04d}.txt").write_text(article(i))
    return folder


def counts(db: Path) -> tuple[int, int]:
    with Store(db, read_only=True) as store:
        return store.query("SELECT count(*), count(DISTINCT id) FROM documents")[0]


def test_rerun_stores_nothing_new(tmp_path: Path, pipeline: Pipeline) -> None:
    folder, db = corpus(tmp_path / "in", 4), str(tmp_path / "c.duckdb")
    first = ingest([str(folder)], db, pipeline=pipeline)
    second = ingest([str(folder)], db, pipeline=pipeline)
    assert (first.stored, second.stored, second.already_stored) == (4, 0, 4)


def test_bad_input_is_skipped_and_recorded(tmp_path: Path, pipeline: Pipeline) -> None:
    folder, db = corpus(tmp_path / "in", 2), tmp_path / "c.duckdb"
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02 binary")
    summary = ingest([str(folder)], str(db), pipeline=pipeline)
    assert summary.stored == 2 and [e.problem for e in summary.errors] == ["binary file, not text"]
    with Store(db, read_only=True) as store:
        assert store.query("SELECT source FROM errors") == [(str(folder / "broken.txt"),)]


def test_republished_copy_is_linked_to_its_original(tmp_path: Path, pipeline: Pipeline) -> None:
    folder, db = tmp_path / "in", tmp_path / "c.duckdb"
    folder.mkdir()
    text = " ".join(article(i) for i in range(3))
    (folder / "a-original.txt").write_text(text)
    (folder / "b-copy.txt").write_text("Republished with permission. " + text)
    summary = ingest([str(folder)], str(db), pipeline=pipeline)
    assert summary.near_duplicates == 1
    with Store(db, read_only=True) as store:
        assert store.query("SELECT count(*) FROM documents WHERE duplicate_of IS NULL")[0][0] == 1


def test_copy_stored_before_its_named_original_is_counted_and_scored(tmp_path: Path, pipeline: Pipeline) -> None:
    folder, db = tmp_path / "in", tmp_path / "c.duckdb"
    folder.mkdir()
    body = " ".join(article(i) for i in range(3))
    (folder / "a-copy.md").write_text(f"Copy headline\n\nReposter, May 02, 2024\n\n{body}\n\n"
                                      "The original source of this article is Frontline Wire\n")
    (folder / "b-original.md").write_text(f"Original headline\n\nFrontline Wire, May 01, 2024\n\n{body} More.\n")
    summary = ingest([str(folder)], str(db), pipeline=pipeline)
    assert summary.near_duplicates == 1
    with Store(db, read_only=True) as store:
        rows = store.query("SELECT publisher, duplicate_of IS NOT NULL, similarity FROM documents ORDER BY publisher")
    assert [(r[0], r[1]) for r in rows] == [("Frontline Wire", False), ("Reposter", True)]
    assert rows[1][2] is not None and rows[1][2] >= 0.8


def test_same_text_in_two_files_is_stored_once_with_both_sources(
        tmp_path: Path, pipeline: Pipeline) -> None:
    folder, db = tmp_path / "in", tmp_path / "c.duckdb"
    folder.mkdir()
    (folder / "one.txt").write_text(article(1))
    (folder / "two.txt").write_text(article(1))
    summary = ingest([str(folder)], str(db), pipeline=pipeline)
    assert (summary.stored, summary.repeated) == (1, 1)
    with Store(db, read_only=True) as store:
        assert store.query("SELECT count(*) FROM document_sources")[0][0] == 2


def wal_size(wal: Path) -> int:
    return wal.stat().st_size if wal.exists() else 0


def wait_for_first_batch(process: subprocess.Popen, wal: Path, timeout: float) -> None:
    """Wait until the log grows twice: the schema is created, then a first batch is written."""
    deadline, sizes = time.monotonic() + timeout, {0}
    while time.monotonic() < deadline and process.poll() is None:
        sizes.add(wal_size(wal))
        if len(sizes) >= 3:
            return
        time.sleep(0.02)
    pytest.fail("the ingest subprocess committed nothing before the timeout")


def test_killed_run_resumes_with_every_document_once(tmp_path: Path, pipeline: Pipeline) -> None:
    total = 400
    folder, db = corpus(tmp_path / "in", total), tmp_path / "c.duckdb"
    command = [sys.executable, "-m", "polybius.cli", "ingest", str(folder), "--db", str(db),
               "--no-progress", "--no-cluster"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               env={**os.environ, "PYTHONUNBUFFERED": "1"})
    wait_for_first_batch(process, Path(f"{db}.wal"), timeout=120)
    time.sleep(0.3)
    process.send_signal(signal.SIGKILL)
    process.wait()
    stored_at_kill = counts(db)[0]
    assert 0 < stored_at_kill < total, "the run was not killed mid-way"
    summary = ingest([str(folder)], str(db), pipeline=pipeline)
    assert summary.already_stored == stored_at_kill
    assert counts(db) == (total, total)
    with Store(db, read_only=True) as store:
        orphans = store.query("SELECT count(*) FROM document_sources s ANTI JOIN documents d "
                              "ON d.id = s.document_id")[0][0]
    assert orphans == 0


def test_store_without_band_keys_is_indexed_on_the_next_run(tmp_path: Path, pipeline: Pipeline) -> None:
    folder, db = tmp_path / "in", tmp_path / "c.duckdb"
    folder.mkdir()
    text = " ".join(article(i) for i in range(3))
    (folder / "a-original.txt").write_text(text)
    ingest([str(folder)], str(db), pipeline=pipeline)
    with Store(db) as store:  # what a schema-1 store looks like: signatures, no band keys
        store.con.execute("DELETE FROM minhash_bands")
        store.con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    (folder / "b-copy.txt").write_text("Republished with permission. " + text)
    summary = ingest([str(folder)], str(db), pipeline=pipeline)
    assert summary.near_duplicates == 1
    with Store(db, read_only=True) as store:
        assert store.query("SELECT value FROM meta WHERE key = 'schema_version'")[0][0] == "2"
        assert store.query("SELECT count(DISTINCT document_id) FROM minhash_bands")[0][0] == 2
