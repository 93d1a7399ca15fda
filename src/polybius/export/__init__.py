"""Export stored events as JSON Lines, CSV, Parquet or GeoJSON, with filters.

Each row is one event of one original article (copies are skipped unless asked for), with
its place, date, actors, source of the claim, cluster id, the article it came from and every
outlet that carried that article. At the ``clusters`` level each row is one real-world
event: its members, the outlets that reported it and their disagreements.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import pyarrow.parquet as pq

from polybius.errors import PolybiusError
from polybius.store import Store
from polybius.store.queries import (
    EventFilter,
    clusters_arrow,
    clusters_relation,
    events_arrow,
    events_relation,
)

FORMATS = ("jsonl", "csv", "parquet", "geojson")
_FETCH = 1000


LEVELS = ("events", "clusters")
_JSON_COLUMNS = ("quantities", "disagreements")


def export_rows(store: Store, selection: EventFilter, level: str = "events") -> Iterator[dict[str, Any]]:
    """The selected events (or clusters) as flat dicts, streamed; JSON columns parsed."""
    query = clusters_relation if level == "clusters" else events_relation
    cursor = query(store, selection)
    names = [c[0] for c in cursor.description]
    while batch := cursor.fetchmany(_FETCH):
        for row in batch:
            item = dict(zip(names, row, strict=True))
            for column in _JSON_COLUMNS:
                if column in item:
                    item[column] = json.loads(item[column] or "null")
            yield item


def write_jsonl(rows: Iterator[dict[str, Any]], out: IO[str]) -> int:
    """One JSON object per line; returns the number of rows."""
    count = 0
    for count, row in enumerate(rows, start=1):  # noqa: B007 - count is the result
        out.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
    return count


def write_csv(rows: Iterator[dict[str, Any]], out: IO[str]) -> int:
    """CSV with a header; quantities as JSON text in one column."""
    writer: csv.DictWriter[str] | None = None
    count = 0
    for row in rows:
        row = {k: json.dumps(v, ensure_ascii=False) if k in _JSON_COLUMNS else v
               for k, v in row.items()}
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(row))
            writer.writeheader()
        writer.writerow(row)
        count += 1
    return count


def write_geojson(rows: Iterator[dict[str, Any]], out: IO[str]) -> int:
    """A FeatureCollection of the located events (points); unlocated ones are left out."""
    out.write('{"type": "FeatureCollection", "features": [\n')
    count = 0
    for row in rows:
        if row["lat"] is None or row["lon"] is None:
            continue
        feature = {"type": "Feature",
                   "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
                   "properties": row}
        out.write((",\n" if count else "") + json.dumps(feature, ensure_ascii=False, default=str))
        count += 1
    out.write("\n]}\n")
    return count


def write_parquet(store: Store, selection: EventFilter, path: Path, level: str = "events") -> int:
    """A Parquet file of the selected events or clusters (nested values as JSON text)."""
    reader = (clusters_arrow if level == "clusters" else events_arrow)(store, selection)
    count = 0
    try:
        with pq.ParquetWriter(path, reader.schema) as writer:
            for batch in reader:
                writer.write_batch(batch)
                count += batch.num_rows
    except OSError as error:
        raise PolybiusError(f"{path}: cannot write Parquet: {error}") from error
    return count


def export(store: Store, fmt: str, selection: EventFilter, out: IO[str] | None,
           path: Path | None = None, level: str = "events") -> int:
    """Write the selected events (or clusters) in ``fmt`` to ``out`` (``path`` for Parquet)."""
    if fmt == "parquet":
        if path is None:
            raise PolybiusError("parquet export needs an output file (-o FILE)")
        return write_parquet(store, selection, path, level)
    assert out is not None
    writers = {"jsonl": write_jsonl, "csv": write_csv, "geojson": write_geojson}
    if fmt not in writers:
        raise PolybiusError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}")
    return writers[fmt](export_rows(store, selection, level), out)
