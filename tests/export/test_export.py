"""Exports of stored events: JSON Lines, CSV, GeoJSON and Parquet."""

from __future__ import annotations

import io
import json

import pyarrow.parquet as pq
import pytest

from polybius.corpus.ingest import recluster
from polybius.errors import PolybiusError
from polybius.export import export
from polybius.store import Store, StoredDocument
from polybius.store.queries import EventFilter
from tests.store.factory import make_report


@pytest.fixture()
def store() -> Store:
    store = Store(":memory:")
    located = make_report()
    unlocated = make_report(text="other " * 40)
    unlocated.events[0].place = None
    store.write([StoredDocument(located), StoredDocument(unlocated)])
    return store


def test_jsonl_has_one_event_per_line_with_quantities(store: Store) -> None:
    out = io.StringIO()
    assert export(store, "jsonl", EventFilter(), out) == 2
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert rows[0]["actors"] == "United States"
    assert rows[0]["quantities"][0]["kind"] == "killed"


def test_csv_has_a_header_and_one_row_per_event(store: Store) -> None:
    out = io.StringIO()
    export(store, "csv", EventFilter(), out)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("document_id,event_id,type") and len(lines) == 3


def test_geojson_holds_only_located_events(store: Store) -> None:
    out = io.StringIO()
    assert export(store, "geojson", EventFilter(), out) == 1
    collection = json.loads(out.getvalue())
    assert collection["features"][0]["geometry"]["coordinates"] == [12.48, 32.79]


def test_parquet_file_is_readable(store: Store, tmp_path) -> None:
    path = tmp_path / "events.parquet"
    assert export(store, "parquet", EventFilter(type="ASSAULT"), None, path) == 2
    assert pq.read_table(path).num_rows == 2


def test_parquet_without_output_file_is_refused(store: Store) -> None:
    with pytest.raises(PolybiusError, match="-o FILE"):
        export(store, "parquet", EventFilter(), io.StringIO())


def test_events_name_every_outlet_that_carried_the_article(store: Store) -> None:
    original = store.query("SELECT id FROM documents ORDER BY id LIMIT 1")[0][0]
    copy = make_report(text="copy " * 40, source="c.txt", publisher="Mirror Daily")
    store.write([StoredDocument(copy, duplicate_of=original)])
    out = io.StringIO()
    export(store, "jsonl", EventFilter(), out)
    rows = {r["document_id"]: r for r in map(json.loads, out.getvalue().splitlines())}
    assert rows[original]["carried_by"] == "Mirror Daily; Wire"


def test_cluster_level_keeps_members_and_disagreements(store: Store) -> None:
    recluster(store)
    out = io.StringIO()
    assert export(store, "jsonl", EventFilter(), out, level="clusters") == 1
    cluster = json.loads(out.getvalue())
    assert cluster["documents"] == 2 and cluster["disagreements"]["fatalities"]["max"] == 40
