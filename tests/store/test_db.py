"""The DuckDB store: schema, transactional writes, idempotency, relinks and errors."""

from __future__ import annotations

import pytest

from polybius.errors import InputError
from polybius.store import SCHEMA_VERSION, Relink, Store, StoredDocument, StoreError
from tests.store.factory import make_report


def test_write_stores_document_with_every_item() -> None:
    store = Store(":memory:")
    report = make_report()
    store.write([StoredDocument(report)])
    counts = {t: store.query(f"SELECT count(*) FROM {t}")[0][0] for t in (
        "documents", "document_sources", "entities", "mentions", "attributions", "events",
        "event_actors", "places")}
    assert counts == {"documents": 1, "document_sources": 1, "entities": 1, "mentions": 2,
                      "attributions": 1, "events": 1, "event_actors": 1, "places": 1}


def test_failed_batch_leaves_nothing_half_written() -> None:
    store = Store(":memory:")
    first = make_report()
    clash = make_report(text="Another text entirely, about something else.")
    clash.entities.append(clash.entities[0])  # same (document_id, id) twice: key violation
    with pytest.raises(Exception):  # noqa: B017 - DuckDB's constraint error
        store.write([StoredDocument(first), StoredDocument(clash)])
    assert store.query("SELECT count(*) FROM documents")[0][0] == 0
    assert store.query("SELECT count(*) FROM entities")[0][0] == 0


def test_known_ids_names_only_stored_documents() -> None:
    store = Store(":memory:")
    report = make_report()
    store.write([StoredDocument(report)])
    assert store.known_ids([report.document.id, "f" * 64]) == {report.document.id}


def test_reopened_store_keeps_documents_and_version(tmp_path) -> None:
    path = tmp_path / "corpus.duckdb"
    with Store(path) as store:
        store.write([StoredDocument(make_report())])
    with Store(path, read_only=True) as store:
        assert store.query("SELECT count(*) FROM documents")[0][0] == 1
        assert store.query("SELECT value FROM meta")[0][0] == str(SCHEMA_VERSION)


def test_newer_schema_version_is_refused(tmp_path) -> None:
    path = tmp_path / "corpus.duckdb"
    with Store(path) as store:
        store.con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'",
                          [str(SCHEMA_VERSION + 1)])
    with pytest.raises(StoreError, match="schema version"):
        Store(path)


def test_missing_database_read_only_is_one_line_error(tmp_path) -> None:
    with pytest.raises(StoreError, match="cannot open database"):
        Store(tmp_path / "absent.duckdb", read_only=True)


def test_relink_points_copies_at_new_original() -> None:
    store = Store(":memory:")
    old, copy = make_report(text="old " * 30), make_report(text="copy " * 30)
    store.write([StoredDocument(old), StoredDocument(copy, duplicate_of=old.document.id)])
    new = make_report(text="new " * 30)
    store.write([StoredDocument(new)], relinks=[Relink(old.document.id, new.document.id)])
    links = store.duplicate_links()
    assert links[old.document.id] == links[copy.document.id] == new.document.id
    assert links[new.document.id] is None


def test_same_error_twice_is_stored_once() -> None:
    store = Store(":memory:")
    error = InputError("bad.txt", "binary file, not text")
    store.record_errors([error])
    store.record_errors([error])
    assert store.query("SELECT source, problem FROM errors") == [("bad.txt",
                                                                 "binary file, not text")]


def test_another_source_of_a_stored_text_is_recorded() -> None:
    store = Store(":memory:")
    report = make_report(source="a.txt")
    store.write([StoredDocument(report)])
    again = make_report(source="b.txt").document
    store.add_sources([again, again])
    assert store.query("SELECT count(*) FROM document_sources")[0][0] == 2
