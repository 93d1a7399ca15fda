"""Documents -> Reports on one or several processes, in input order, with bounded memory.

With one worker the documents stream through ``Pipeline.analyze_many`` in this process. With
N workers a ``WorkerPool`` starts N processes that each parse and extract chunks of documents.
On Linux the pipeline is loaded once in this process and the workers are
forked from it before any database is opened: they start in milliseconds and share the model's
memory pages. Elsewhere they are spawned and each loads the pipeline. At most ``2 * N`` chunks
are in flight, so a huge input is never read ahead into memory.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from types import TracebackType
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
    if _worker_pipeline is None:  # spawned: load; forked: inherited from the parent
        _worker_pipeline = Pipeline(options)


def _ready(_: int) -> bool:
    return _worker_pipeline is not None


def _analyze_chunk(documents: list[Document]) -> list[Report]:
    assert _worker_pipeline is not None, "worker pipeline not initialised"
    return list(_worker_pipeline.analyze_many(documents))


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of ``size`` items (the last may be shorter)."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def start_method() -> str:
    """``fork`` on Linux (workers share the loaded model), else ``spawn`` (macOS and Windows,
    where forking a process that has loaded system frameworks is unsafe)."""
    return "fork" if sys.platform.startswith("linux") else "spawn"


class WorkerPool:
    """N worker processes that analyse chunks of documents; use as a context manager.

    Enter it before opening databases or other resources that must not cross a fork.
    """

    def __init__(self, options: Options, workers: int, pipeline: Pipeline | None = None,
                 chunk: int = CHUNK) -> None:
        self.options, self.workers, self.chunk = options, workers, chunk
        self.pipeline = pipeline
        self.executor: ProcessPoolExecutor | None = None

    def __enter__(self) -> WorkerPool:
        global _worker_pipeline
        method = start_method()
        if method == "fork":
            _worker_pipeline = self.pipeline or Pipeline(self.options)
        self.executor = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context(method),
                                            initializer=_init_worker, initargs=(self.options,))
        # Start every worker now, while this process holds no database connection.
        if not all(self.executor.map(_ready, range(self.workers))):
            raise PolybiusError("worker processes failed to load the pipeline")
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        global _worker_pipeline
        if self.executor is not None:
            self.executor.shutdown(cancel_futures=True)
        _worker_pipeline = None

    def analyze(self, documents: Iterable[Document]) -> Iterator[Report]:
        """Reports for ``documents`` in input order."""
        assert self.executor is not None, "use WorkerPool as a context manager"
        pending: deque[Future[list[Report]]] = deque()
        try:
            for group in chunks(documents, self.chunk):
                pending.append(self.executor.submit(_analyze_chunk, group))
                if len(pending) >= 2 * self.workers:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        except BrokenProcessPool as error:
            raise PolybiusError("a worker process died (out of memory?); what was stored is kept, "
                                "run the same command again to resume") from error


def analyze_stream(documents: Iterable[Document], options: Options, workers: int = 1,
                   pipeline: Pipeline | None = None, chunk: int = CHUNK) -> Iterator[Report]:
    """Analyse documents on ``workers`` processes; reports come back in input order."""
    if workers <= 1:
        yield from (pipeline or Pipeline(options)).analyze_many(documents)
        return
    with WorkerPool(options, workers, pipeline, chunk) as pool:
        yield from pool.analyze(documents)
