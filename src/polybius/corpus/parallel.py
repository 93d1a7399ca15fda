"""Documents -> Reports on one or several processes, in input order, with bounded memory.

With one worker the documents stream through ``Pipeline.analyze_many`` in this process. With
N workers, N spawned processes each load the pipeline once and analyse chunks of documents;
at most ``2 * N`` chunks are in flight, so a huge input is never read ahead into memory.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import TypeVar

from polybius.errors import PolybiusError
from polybius.model import Document, Report
from polybius.options import Options
from polybius.pipeline import Pipeline

# Documents per task sent to a worker: large enough to amortise pickling and keep nlp.pipe
# batching useful, small enough that two chunks per worker stay well under 100 MB.
CHUNK = 16

T = TypeVar("T")
_worker_pipeline: Pipeline | None = None


def _init_worker(options: Options) -> None:
    global _worker_pipeline
    _worker_pipeline = Pipeline(options)


def _analyze_chunk(documents: list[Document]) -> list[Report]:
    assert _worker_pipeline is not None, "worker pipeline not initialised"
    return list(_worker_pipeline.analyze_many(documents))


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of ``size`` items (the last may be shorter)."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def analyze_stream(documents: Iterable[Document], options: Options, workers: int = 1,
                   pipeline: Pipeline | None = None, chunk: int = CHUNK) -> Iterator[Report]:
    """Analyse documents on ``workers`` processes; reports come back in input order."""
    if workers <= 1:
        yield from (pipeline or Pipeline(options)).analyze_many(documents)
        return
    try:
        yield from _in_pool(documents, options, workers, chunk)
    except BrokenProcessPool as error:
        raise PolybiusError("a worker process died (out of memory?); what was stored is kept, "
                            "run the same command again to resume") from error


def _in_pool(documents: Iterable[Document], options: Options, workers: int,
             chunk: int) -> Iterator[Report]:
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker,
                             initargs=(options,)) as pool:
        pending: deque[Future[list[Report]]] = deque()
        for group in chunks(documents, chunk):
            pending.append(pool.submit(_analyze_chunk, group))
            if len(pending) >= 2 * workers:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
