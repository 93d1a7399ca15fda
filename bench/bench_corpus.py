"""Benchmark corpus mode: ingest throughput on 1 and 2 workers beside a bare spaCy parse of the
same texts, peak memory, and near-duplicate detection time on generated corpora.

Usage: python bench/bench_corpus.py [--articles N] [--dedup-sizes 10000,100000] [--skip-ingest]

The articles are the first N PolNeAR articles (train, then dev) from ../shared/data when present
(real news of 300-1,500 words), else the bundled examples repeated. They are written to a
temporary JSONL file, then in one run:
- bare parse: ``nlp.pipe`` over the texts with the spaCy pipeline as shipped (``spacy.load``),
  in one process and in two (``n_process=2``: the ceiling of any design on two cores), then
  with Polybius's configuration of it (paragraph boundaries, vectorised attribute table,
  lemma memo);
- ingest, 1 worker: ``polybius.corpus.ingest`` into a fresh DuckDB file (read, parse, extract,
  syndication check, store, cluster), with the pipeline already loaded;
- ingest, 2 workers: the same into another fresh file; this includes starting both worker
  processes (forked from the loaded pipeline);
- nlp.pipe(n_process=2) + extractors in the main process: the alternative parallel design.
Peak RSS is the largest resident set of this process and of any worker process.
Near-duplicate detection runs ``Syndication.check_batch`` over generated 300-word documents of
which 10 % are edited copies of an earlier one, batch by batch against a DuckDB store as ingest
does (documents written with their signatures and band keys), and reports time, rate, copies
found and how much the resident set grew.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import tempfile
import threading
import time
from pathlib import Path

import spacy
from spacy.language import Language

from polybius.analysis import Analysis
from polybius.corpus.ingest import ingest
from polybius.corpus.syndication import Syndication, store_lookup
from polybius.eval import shared_data_dir
from polybius.model import Document, Report
from polybius.options import Options
from polybius.pipeline import Pipeline, anchor_date, run_stages
from polybius.store import Store, StoredDocument

REPO = Path(__file__).resolve().parents[1]


def load_texts(limit: int) -> tuple[list[str], str]:
    """Benchmark texts and a description of where they came from."""
    data = shared_data_dir() / "polnear" / "data"
    paths = sorted((data / "train" / "text").glob("*.txt")) + sorted(
        (data / "dev" / "text").glob("*.txt"))
    if paths:
        chosen = paths[:limit]
        return [p.read_text(encoding="utf-8") for p in chosen], f"{len(chosen)} PolNeAR articles"
    examples = [p.read_text(encoding="utf-8") for p in sorted((REPO / "examples").glob("*.txt"))]
    texts = [f"Copy {i}. {t}" for i, t in enumerate((examples * limit)[:limit])]
    return texts, f"{len(texts)} variants of the bundled examples (../shared/data absent)"


def peak_rss_mb() -> float:
    """Peak resident set (MB) of this process."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rss_mb(pid: str = "self") -> float:
    """The current resident set of a process (MB), from /proc (0 where unavailable)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _children() -> list[str]:
    pids = []
    for path in Path("/proc/self/task").glob("*/children"):
        try:
            pids += path.read_text().split()
        except OSError:
            continue
    return pids


class ChildRssSampler(threading.Thread):
    """Samples the resident set of this process's children (the workers) every 0.2 s.

    (``RUSAGE_CHILDREN`` cannot be used: a spawned child inherits its parent's peak.)"""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak, self.running = 0.0, True

    def run(self) -> None:
        while self.running:
            self.peak = max([self.peak, *(rss_mb(pid) for pid in _children())])
            time.sleep(0.2)


def timed_ingest(source: Path, folder: Path, workers: int, pipeline: Pipeline | None) -> float:
    start = time.perf_counter()
    summary = ingest([str(source)], str(folder / f"w{workers}.duckdb"), Options(),
                     workers=workers, pipeline=pipeline)
    seconds = time.perf_counter() - start
    assert summary.stored + summary.repeated == summary.read, summary.lines()
    return seconds


def pipe_n_process(pipeline: Pipeline, texts: list[str], processes: int) -> float:
    """nlp.pipe(n_process=N) for the parse, extractors in this process."""
    start = time.perf_counter()
    pairs = ((t, Document(text=t)) for t in texts)
    for doc, document in pipeline.nlp.pipe(pairs, as_tuples=True, n_process=processes,
                                           batch_size=pipeline.options.batch_size):
        run_stages(Analysis(document=document, doc=doc,
                            anchor=anchor_date(document, pipeline.options)))
    return time.perf_counter() - start


def parse_seconds(nlp: Language, texts: list[str], batch_size: int, processes: int = 1) -> float:
    """Seconds for ``nlp.pipe`` over the texts (after one warm-up document)."""
    nlp(texts[0])
    start = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=batch_size, n_process=processes):
        pass
    return time.perf_counter() - start


def bench_ingest(texts: list[str], origin: str) -> None:
    words = sum(len(t.split()) for t in texts)
    pipeline = Pipeline(Options())
    pipeline.analyze(Document(text=texts[0]))  # warm-up: lexicons, gazetteer, matchers
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / "articles.jsonl"
        source.write_text("".join(json.dumps({"id": f"a{i}", "text": t}) + "\n"
                                  for i, t in enumerate(texts)))
        stock = spacy.load(pipeline.options.model)
        rows = [("bare spaCy nlp.pipe", parse_seconds(stock, texts, pipeline.options.batch_size))]
        # the ceiling of any design on two cores: spaCy's own parse alone, in two processes
        rows.append(("bare spaCy, n_process=2", parse_seconds(stock, texts, pipeline.options.batch_size, 2)))
        del stock
        rows.append(("Polybius-configured parse", parse_seconds(pipeline.nlp, texts, pipeline.options.batch_size)))
        rows.append(("ingest, 1 worker", timed_ingest(source, folder, 1, pipeline)))
        main_peak = peak_rss_mb()
        sampler = ChildRssSampler()
        sampler.start()
        rows.append(("ingest, 2 workers", timed_ingest(source, folder, 2, pipeline)))
        sampler.running = False
        rows.append(("nlp.pipe n_process=2", pipe_n_process(pipeline, texts, 2)))
    print(f"batch: {origin}, {words} words ({words / len(texts):.0f} per article), "
          f"model {pipeline.options.model}")
    print(f"{'':28}{'seconds':>9}{'articles/s':>12}{'words/s':>10}{'vs bare':>9}")
    bare = rows[0][1]
    for label, seconds in rows:
        print(f"{label:28}{seconds:9.2f}{len(texts) / seconds:12.1f}{words / seconds:10.0f}"
              f"{seconds / bare:8.2f}x")
    best = min(seconds for label, seconds in rows if label.startswith("ingest"))
    print(f"fastest ingest: {words / best / 1000:.1f} articles/s of 1,000 words; the bare parse in two "
          f"processes allows {words / rows[1][1] / 1000:.1f}")
    print(f"peak RSS: main process after bare parse and 1-worker ingest {main_peak:.0f} MB; "
          f"largest 2-worker ingest worker {sampler.peak:.0f} MB (sampled)")


def generated(count: int, seed: int = 7) -> tuple[list[str], int]:
    """``count`` 300-word texts, 10 % of them edited copies of an earlier one."""
    rng = random.Random(seed)
    vocabulary = [f"w{i}" for i in range(20_000)]
    texts: list[str] = []
    copies = 0
    for i in range(count):
        if i > 10 and rng.random() < 0.1:
            words = rng.choice(texts).split()
            for _ in range(3):
                words[rng.randrange(len(words))] = rng.choice(vocabulary)
            texts.append(f"Republished by outlet {i}. " + " ".join(words))
            copies += 1
        else:
            texts.append(" ".join(rng.choices(vocabulary, k=300)))
    return texts, copies


def bench_dedup(size: int) -> None:
    """Near-duplicate detection as ingest runs it: batches of 32 checked against, then written to,
    a DuckDB store (documents with their MinHash and band keys, no other items)."""
    texts, planted = generated(size)
    found = 0
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "dedup.duckdb") as store:
        index = Syndication(lookup=store_lookup(store))
        rss_before = rss_mb()
        start = time.perf_counter()
        for first in range(0, size, 32):
            documents = [Document(text=t) for t in texts[first:first + 32]]
            verdicts = index.check_batch(documents)
            found += sum(v.duplicate_of is not None for v in verdicts)
            store.write([StoredDocument(Report(document=d), v.duplicate_of, v.similarity, v.minhash, v.band_keys)
                         for d, v in zip(documents, verdicts, strict=True)],
                        [v.relink for v in verdicts if v.relink])
        seconds = time.perf_counter() - start
        growth = rss_mb() - rss_before
    print(f"near-duplicates, {size:>7} documents: {seconds:7.1f} s ({size / seconds:6.0f} docs/s),"
          f" {found} linked of {planted} planted copies, RSS +{growth:.0f} MB (store-backed index)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--dedup-sizes", default="10000,100000")
    parser.add_argument("--skip-ingest", action="store_true")
    args = parser.parse_args()
    if not args.skip_ingest:
        bench_ingest(*load_texts(args.articles))
    for size in (int(s) for s in args.dedup_sizes.split(",") if s):
        bench_dedup(size)


if __name__ == "__main__":
    main()
