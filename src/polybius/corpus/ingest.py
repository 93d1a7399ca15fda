"""Ingest many inputs into a corpus store: read, skip what is stored, analyse, link, write.

The flow streams: inputs are read lazily, documents already stored (same content hash) are
skipped before they are parsed, reports are written in batches of ``batch`` documents, one
transaction each, so a killed run loses at most the batch in flight and a rerun resumes.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field

import numpy as np
from tqdm import tqdm

from polybius.corpus.clusters import cluster_events
from polybius.corpus.parallel import WorkerPool, chunks
from polybius.corpus.syndication import Syndication, store_lookup
from polybius.errors import InputError
from polybius.ingest import ReadItem
from polybius.ingest.archives import estimate_count, iter_inputs
from polybius.model import Document, Report
from polybius.options import Options
from polybius.pipeline import Pipeline
from polybius.store import Store, StoredDocument
from polybius.store.queries import event_records, replace_clusters

# Documents per write transaction: a killed run re-parses at most this many.
BATCH = 32


@dataclass
class IngestSummary:
    """What one ingest run did."""

    read: int = 0
    stored: int = 0
    already_stored: int = 0
    repeated: int = 0
    near_duplicates: int = 0
    events: int = 0
    clusters: int = 0
    errors: list[InputError] = field(default_factory=list)
    seconds: float = 0.0

    def lines(self, max_errors: int = 20) -> list[str]:
        """A readable summary, one fact per line, then the errors (file: problem)."""
        rate = self.stored / self.seconds if self.seconds else 0.0
        lines = [
            f"read {self.read} documents, stored {self.stored} ({rate:.1f}/s), skipped "
            f"{self.already_stored} already stored and {self.repeated} repeated in this run",
            f"{self.near_duplicates} stored as copies of another article; "
            f"{self.events} events stored; {self.clusters} event clusters in the store",
            f"{len(self.errors)} inputs skipped with errors",
        ]
        lines += [f"  {e.source}: {e.problem}" for e in self.errors[:max_errors]]
        if len(self.errors) > max_errors:
            lines.append(f"  ... and {len(self.errors) - max_errors} more (see the errors table)")
        return lines


class _Run:
    """The state of one ingest run over an open store."""

    def __init__(self, store: Store, summary: IngestSummary, bar: tqdm | None) -> None:
        self.store, self.summary, self.bar = store, summary, bar
        self.syndication = Syndication(lookup=store_lookup(store))
        self._band_missing()
        self.seen: set[str] = set()
        self.pending_errors: list[InputError] = []

    def _band_missing(self) -> None:
        """Index documents stored without band keys (a store written by schema 1)."""
        for group in chunks(self.store.unbanded_signatures(), 10_000):
            self.store.add_bands((doc_id, self.syndication.keys(np.frombuffer(blob, dtype=np.uint32)))
                                 for doc_id, blob in group)

    def _tick(self, n: int = 1) -> None:
        if self.bar is not None:
            self.bar.update(n)

    def fresh(self, items: Iterable[ReadItem]) -> Iterator[Document]:
        """Documents not stored yet; errors are kept for the next write, repeats recorded."""
        for group in chunks(items, BATCH):
            documents = [d for d in group if isinstance(d, Document)]
            errors = [e for e in group if isinstance(e, InputError)]
            self.pending_errors += errors
            self.summary.errors += errors
            self.summary.read += len(documents)
            known = self.store.known_ids(d.id for d in documents)
            repeats = []
            for document in documents:
                if document.id in known or document.id in self.seen:
                    repeats.append(document)
                    continue
                self.seen.add(document.id)
                yield document
            self._skip(repeats, known)
            self._tick(len(errors))

    def _skip(self, repeats: list[Document], known: set[str]) -> None:
        if repeats:
            self.store.add_sources(repeats)
        stored_before = sum(d.id in known for d in repeats)
        self.summary.already_stored += stored_before
        self.summary.repeated += len(repeats) - stored_before
        self._tick(len(repeats))

    def write(self, reports: list[Report]) -> None:
        """Link copies to their originals and store a batch in one transaction."""
        items, relinks = [], []
        verdicts = self.syndication.check_batch([r.document for r in reports])
        for report, verdict in zip(reports, verdicts, strict=True):
            items.append(StoredDocument(report, verdict.duplicate_of, verdict.similarity,
                                        verdict.minhash, verdict.band_keys))
            relinks += [verdict.relink] if verdict.relink else []
            self.summary.near_duplicates += verdict.duplicate_of is not None or verdict.relink is not None
            self.summary.events += len(report.events)
        self.store.write(items, relinks, self.pending_errors)
        self.pending_errors = []
        self.summary.stored += len(items)
        self._tick(len(items))

    def finish(self) -> None:
        """Store the errors read after the last batch."""
        if self.pending_errors:
            self.store.record_errors(self.pending_errors)
            self.pending_errors = []


def recluster(store: Store) -> int:
    """Recompute the event clusters of the whole store; returns how many there are."""
    clusters = cluster_events(event_records(store))
    replace_clusters(store, clusters)
    return len(clusters)


def ingest(names: list[str], db: str, options: Options | None = None, *, workers: int = 1,
           progress: bool = False, pipeline: Pipeline | None = None,
           cluster: bool = True) -> IngestSummary:
    """Ingest every input into the store at ``db``; the Python form of ``polybius ingest``."""
    options = options or Options()
    summary, started = IngestSummary(), time.monotonic()
    total = estimate_count(names) if progress else None
    with ExitStack() as stack:
        # Workers first: they fork from this process before it opens the database.
        pool = stack.enter_context(WorkerPool(options, workers, pipeline)) if workers > 1 else None
        store = stack.enter_context(Store(db))
        bar = stack.enter_context(tqdm(total=total, disable=not progress, unit="doc", smoothing=0.1))
        run = _Run(store, summary, bar)
        fresh = run.fresh(iter_inputs(names, options))
        reports = pool.analyze(fresh) if pool else (pipeline or Pipeline(options)).analyze_many(fresh)
        for batch in chunks(reports, BATCH):
            run.write(batch)
        run.finish()
        if cluster:
            summary.clusters = recluster(store)
    summary.seconds = time.monotonic() - started
    return summary
