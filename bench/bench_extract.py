"""Benchmark `extract`: articles/s and words/s beside a bare spaCy `nlp.pipe` of the same texts.

Usage: python bench/bench_extract.py [--articles N] [--repeat R]

The batch is the first N PolNeAR articles from ../shared/data when present (real news of
300-1,500 words), else the bundled examples repeated. In one run it measures:
- bare parse: the spaCy pipeline as shipped (`spacy.load`) alone over the texts (`nlp.pipe`),
  then the same pipeline as Polybius configures it (paragraph boundaries, vectorised
  attribute table: polybius.nlp_attributes; lemma memo: polybius.nlp_lemmas);
- extract: Polybius end to end over the same texts (one parse + every extractor);
- per stage: the time of each extractor on the already-parsed documents, as a share of each parse.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import spacy

from polybius.analysis import Analysis
from polybius.eval import shared_data_dir
from polybius.model import Document
from polybius.nlp import load_pipeline
from polybius.options import Options
from polybius.pipeline import STAGES, Pipeline, anchor_date

REPO = Path(__file__).resolve().parents[1]


def load_texts(limit: int) -> tuple[list[str], str]:
    """Benchmark texts and a description of where they came from."""
    polnear = shared_data_dir() / "polnear" / "data" / "dev" / "text"
    if polnear.is_dir():
        paths = sorted(polnear.glob("*.txt"))[:limit]
        return [p.read_text(encoding="utf-8") for p in paths], f"{len(paths)} PolNeAR dev articles"
    examples = [p.read_text(encoding="utf-8") for p in sorted((REPO / "examples").glob("*.txt"))]
    texts = (examples * limit)[:limit]
    return texts, f"{len(texts)} copies of the bundled text examples (../shared/data absent)"


def timed(function, *args) -> tuple[float, object]:
    start = time.perf_counter()
    result = function(*args)
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=84)
    parser.add_argument("--repeat", type=int, default=1, help="passes over the batch (best is kept)")
    args = parser.parse_args()
    texts, origin = load_texts(args.articles)
    words = sum(len(t.split()) for t in texts)
    options = Options(published="2016-09-15")
    nlp = load_pipeline(options.model)
    pipeline = Pipeline(options)
    pipeline.analyze(Document(text=texts[0]))  # warm-up: lexicons, gazetteer, matchers
    stock = spacy.load(options.model)
    stock(texts[0])
    bare = min(timed(lambda: list(stock.pipe(texts, batch_size=options.batch_size)))[0] for _ in range(args.repeat))
    configured = min(timed(lambda: list(nlp.pipe(texts, batch_size=options.batch_size)))[0]
                     for _ in range(args.repeat))
    full = min(timed(lambda: list(pipeline.analyze_many(Document(text=t) for t in texts)))[0]
               for _ in range(args.repeat))
    stage_seconds = time_stages(nlp, texts, options)
    print(f"batch: {origin}, {words} words, model {options.model}")
    print(f"{'':28}{'seconds':>9}{'articles/s':>12}{'words/s':>10}")
    for label, seconds in (("bare spaCy nlp.pipe", bare), ("Polybius-configured parse", configured),
                           ("polybius extract", full)):
        print(f"{label:28}{seconds:9.2f}{len(texts) / seconds:12.1f}{words / seconds:10.0f}")
    print(f"extract / bare parse: {full / bare:.2f}x; extract / configured parse: {full / configured:.2f}x")
    print("extractor time as a share of the bare parse (and of the configured parse):")
    for name, seconds in stage_seconds.items():
        print(f"  {name:14}{seconds:8.2f} s {100 * seconds / bare:6.1f} % ({100 * seconds / configured:.1f} %)")


def time_stages(nlp, texts: list[str], options: Options) -> dict[str, float]:
    """Seconds spent in each extractor over already-parsed documents."""
    totals = {stage.name: 0.0 for stage in STAGES}
    for doc, text in zip(nlp.pipe(texts, batch_size=options.batch_size), texts, strict=True):
        document = Document(text=text)
        analysis = Analysis(document=document, doc=doc, anchor=anchor_date(document, options))
        for stage in STAGES:
            seconds, items = timed(stage.run, analysis)
            totals[stage.name] += seconds
            setattr(analysis, stage.assigns, items)
    return totals


if __name__ == "__main__":
    main()
