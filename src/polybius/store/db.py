"""The corpus store: an embedded DuckDB file, written idempotently by content hash.

Every write is one transaction, so a run killed at any moment leaves each document either
fully stored (with all its items) or absent; a rerun skips the ids already stored.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa

from polybius.errors import InputError, PolybiusError
from polybius.model import Document, Report
from polybius.store.rows import Row, document_row, item_rows, source_row
from polybius.store.schema import SCHEMA_VERSION, create_statements

# DuckDB caches up to 80 % of the machine's memory by default; a corpus store needs far less,
# and a bounded cache keeps an ingest run's memory flat however large the store grows.
MEMORY_LIMIT = "512MB"


class StoreError(PolybiusError):
    """The database cannot be opened or was written by an incompatible schema."""


@dataclass
class StoredDocument:
    """A report on its way into the store, with what syndication detection found."""

    report: Report
    duplicate_of: str | None = None
    similarity: float | None = None
    minhash: bytes | None = None
    band_keys: np.ndarray | None = None


@dataclass(frozen=True)
class Relink:
    """Documents that pointed at ``old`` (and ``old`` itself) now point at ``new``."""

    old: str
    new: str
    similarity: float | None = None


class Store:
    """A Polybius corpus in one DuckDB file (``":memory:"`` for a throwaway one)."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = str(path)
        self._column_cache: dict[str, set[str]] = {}
        try:
            self.con = duckdb.connect(self.path, read_only=read_only,
                                       config={"memory_limit": MEMORY_LIMIT})
        except duckdb.Error as error:
            raise StoreError(f"{self.path}: cannot open database: {error}") from error
        if not read_only:
            self._create()
        self._check_version()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection (committed work is already on disk)."""
        self.con.close()

    def _create(self) -> None:
        self.con.execute("BEGIN")
        for statement in create_statements():
            self.con.execute(statement)
        self.con.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)",
                         [str(SCHEMA_VERSION)])
        # Upgrades only add tables (created above); their rows are filled by their owners.
        self.con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version' AND CAST(value AS INTEGER) < ?",
                         [str(SCHEMA_VERSION), SCHEMA_VERSION])
        self.con.execute("COMMIT")

    def _check_version(self) -> None:
        try:
            row = self.con.execute(
                "SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except duckdb.Error as error:
            raise StoreError(f"{self.path}: not a Polybius database") from error
        if row is None or int(row[0]) > SCHEMA_VERSION:
            found = row[0] if row else "none"
            raise StoreError(f"{self.path}: schema version {found}, this Polybius reads "
                             f"up to {SCHEMA_VERSION}")

    def query(self, sql: str, params: list[Any] | None = None) -> list[tuple[Any, ...]]:
        """Run a read query and return all rows."""
        return self.con.execute(sql, params or []).fetchall()

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        """Which of these document ids are already stored."""
        wanted = list(set(ids))
        if not wanted:
            return set()
        rows = self.query("SELECT id FROM documents WHERE list_contains(?, id)", [wanted])
        return {r[0] for r in rows}

    def write(self, documents: list[StoredDocument], relinks: Iterable[Relink] = (),
              errors: Iterable[InputError] = ()) -> None:
        """Store documents with all their items, relinks and errors in one transaction."""
        tables: dict[str, list[Row]] = {"documents": [], "document_sources": []}
        for item in documents:
            tables["documents"].append(document_row(
                item.report, item.duplicate_of, item.similarity, item.minhash))
            tables["document_sources"].append(source_row(item.report.document))
            for name, rows in item_rows(item.report).items():
                tables.setdefault(name, []).extend(rows)
        bands = _band_table(documents)
        self.con.execute("BEGIN")
        try:
            for name, rows in tables.items():
                self._insert(name, rows, ignore=name == "document_sources")
            if bands is not None:
                self.con.execute("INSERT INTO minhash_bands SELECT * FROM bands")
            for link in relinks:
                self.con.execute("UPDATE documents SET duplicate_of = ? WHERE duplicate_of = ?",
                                 [link.new, link.old])
                self.con.execute("UPDATE documents SET duplicate_of = ?, similarity = ? WHERE id = ?",
                                 [link.new, link.similarity, link.old])
                self.con.execute("UPDATE documents SET duplicate_of = NULL WHERE id = ?",
                                 [link.new])
            self._insert("errors", _error_rows(errors), ignore=True)
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    def insert_rows(self, table: str, rows: list[Row]) -> None:
        """Insert rows (dicts by column name) inside the caller's transaction."""
        self._insert(table, rows)

    def _insert(self, table: str, rows: list[Row], ignore: bool = False) -> None:
        if not rows:
            return
        columns = self._columns(table)
        rows = [{k: v for k, v in row.items() if k in columns} for row in rows]
        batch = pa.Table.from_pylist(rows)  # noqa: F841 - read by DuckDB by name
        verb = "INSERT OR IGNORE" if ignore else "INSERT"
        self.con.execute(f"{verb} INTO {table} BY NAME SELECT * FROM batch")

    def _columns(self, table: str) -> set[str]:
        if table not in self._column_cache:
            rows = self.query("SELECT column_name FROM information_schema.columns "
                              "WHERE table_name = ?", [table])
            self._column_cache[table] = {r[0] for r in rows}
        return self._column_cache[table]

    def add_sources(self, documents: Iterable[Document]) -> None:
        """Record other places already stored texts were read from."""
        self.con.execute("BEGIN")
        self._insert("document_sources", [source_row(d) for d in documents], ignore=True)
        self.con.execute("COMMIT")

    def record_errors(self, errors: Iterable[InputError]) -> None:
        """Store input errors (file, problem); the same error twice is kept once."""
        self.con.execute("BEGIN")
        self._insert("errors", _error_rows(errors), ignore=True)
        self.con.execute("COMMIT")

    def band_candidates(self, keys: np.ndarray) -> list[tuple[int, str, bytes, str, str | None,
                                                               str | None, str | None]]:
        """Stored documents sharing a band key: (key, id, minhash, original's id, and the
        original's publisher, named original source and publication date)."""
        wanted = pa.table({"band_key": pa.array(np.asarray(keys, dtype=np.int64))})  # noqa: F841
        return self.con.execute("""
            SELECT b.band_key, d.id, d.minhash, r.id, r.publisher, r.original_source, r.published
            FROM minhash_bands b
            JOIN wanted w ON w.band_key = b.band_key
            JOIN documents d ON d.id = b.document_id
            JOIN documents r ON r.id = coalesce(d.duplicate_of, d.id)""").fetchall()

    def unbanded_signatures(self) -> Iterator[tuple[str, bytes]]:
        """(id, minhash) of documents whose band keys are not stored (stores from schema 1)."""
        cursor = self.con.execute("""
            SELECT id, minhash FROM documents
            WHERE minhash IS NOT NULL AND id NOT IN (SELECT DISTINCT document_id FROM minhash_bands)""")
        while rows := cursor.fetchmany(10_000):
            yield from rows

    def add_bands(self, rows: Iterable[tuple[str, np.ndarray]]) -> None:
        """Store the band keys of documents, (id, keys) pairs, in one transaction."""
        band_rows = _band_rows([(doc_id, keys) for doc_id, keys in rows])  # noqa: F841 - read by DuckDB
        if band_rows is None:
            return
        self.con.execute("BEGIN")
        self.con.execute("INSERT INTO minhash_bands SELECT * FROM band_rows")
        self.con.execute("COMMIT")

    def duplicate_links(self) -> dict[str, str | None]:
        """Every stored document id with the id of its original (None for an original)."""
        return dict(self.query("SELECT id, duplicate_of FROM documents"))


def _band_rows(pairs: list[tuple[str, np.ndarray]]) -> pa.Table | None:
    pairs = [(doc_id, keys) for doc_id, keys in pairs if keys is not None and len(keys)]
    if not pairs:
        return None
    return pa.table({
        "band_key": pa.array(np.concatenate([keys for _, keys in pairs]).astype(np.int64)),
        "document_id": pa.array([doc_id for doc_id, keys in pairs for _ in range(len(keys))]),
    })


def _band_table(documents: list[StoredDocument]) -> pa.Table | None:
    return _band_rows([(d.report.document.id, d.band_keys) for d in documents
                       if d.band_keys is not None])


def _error_rows(errors: Iterable[InputError]) -> list[Row]:
    return [{"source": e.source, "problem": e.problem} for e in errors]


def dumps(value: Any) -> str:
    """JSON text for a stored nested value."""
    return json.dumps(value, ensure_ascii=False)
