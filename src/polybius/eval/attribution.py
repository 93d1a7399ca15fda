"""``polybius eval attribution [DIR]``: sources, cues and contents against PolNeAR.

Every article is analysed verbatim (its text exactly as stored, so offsets compare) by the
same code as ``Pipeline.analyze_many``: one ``nlp.pipe`` parse, then ``run_stages``; the parse
is kept to find head tokens. Figures, all micro-averaged over the articles:

- sources: exact span match, and head-token match (the token of the span whose syntactic
  head lies outside it), over distinct source spans;
- cues: a predicted cue matches a gold cue sharing a token with it (one to one), and exact;
- contents: token overlap: precision and recall of content tokens (punctuation excluded; a
  record's own source and cue tokens are not counted as its content);
- records: an attribution matches a gold one when the cues overlap, the source heads agree
  (or both have no source) and their content tokens overlap with F1 >= 0.5.
Also the time of the parse and of the attribution stage, to check its overhead.
"""

from __future__ import annotations

import argparse
import time
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc

from polybius.analysis import Analysis
from polybius.eval import dataset_dir
from polybius.eval.polnear import Article, Fragments, read_split
from polybius.extract.attribution import extract_attributions
from polybius.model import Attribution, Document
from polybius.pipeline import Pipeline, anchor_date, run_stages

RECORD_MIN_CONTENT_F1 = 0.5


@dataclass
class Tally:
    """Matches and totals of one figure."""

    matched_pred: int = 0
    matched_gold: int = 0
    pred: int = 0
    gold: int = 0

    def add(self, other: Tally) -> None:
        """Add another tally's counts to this one."""
        self.matched_pred += other.matched_pred
        self.matched_gold += other.matched_gold
        self.pred += other.pred
        self.gold += other.gold

    def scores(self) -> tuple[float, float, float]:
        """Precision, recall and F1."""
        p = self.matched_pred / self.pred if self.pred else 0.0
        r = self.matched_gold / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass
class Results:
    """All figures of one evaluation run, plus timings in seconds."""

    tallies: dict[str, Tally] = field(default_factory=dict)
    articles: int = 0
    parse_seconds: float = 0.0
    attribution_seconds: float = 0.0

    def tally(self, name: str) -> Tally:
        """The tally of one figure, created on first use."""
        return self.tallies.setdefault(name, Tally())


class Tokens:
    """Maps character spans of a parsed text to the indices of its non-punctuation tokens."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.starts = [t.idx for t in doc]
        self.ends = [t.idx + len(t.text) for t in doc]

    def indices(self, fragments: Fragments, words_only: bool = True) -> set[int]:
        """Tokens overlapping any fragment (punctuation and spaces left out if ``words_only``)."""
        found: set[int] = set()
        for start, end in fragments:
            first = bisect_right(self.ends, start)
            last = bisect_left(self.starts, end)
            for i in range(first, last):
                token = self.doc[i]
                if not token.is_space and not (words_only and token.is_punct):
                    found.add(i)
        return found

    def head(self, fragments: Fragments) -> int | None:
        """The span's head token: the first of its tokens whose head lies outside it."""
        inside = self.indices(fragments, words_only=False)
        for i in sorted(inside):
            if self.doc[i].head.i not in inside or self.doc[i].head.i == i:
                return i
        return min(inside) if inside else None


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``polybius eval attribution``."""
    parser.add_argument(
        "dir",
        nargs="?",
        type=Path,
        default=None,
        help="a PolNeAR split folder holding text/ and attributions/ (default: ../shared/data/polnear/data/<split>)",
    )
    parser.add_argument(
        "--split",
        choices=("train", "dev"),
        default="dev",
        help="which PolNeAR split to read when DIR is not given (default: dev)",
    )
    parser.add_argument(
        "--limit", type=int, default=None, help="evaluate only the first N articles (in file-name order)"
    )


def run(args: argparse.Namespace) -> int:
    """Evaluate attribution on PolNeAR and print the figures with their counts."""
    folder = args.dir or dataset_dir("polnear") / "data" / args.split
    articles = read_split(folder, args.limit)
    results = evaluate(articles)
    print(format_results(results, folder))
    return 0


def evaluate(articles: list[Article], pipeline: Pipeline | None = None) -> Results:
    """Analyse the articles verbatim and score them against their gold attributions."""
    pipeline = pipeline or Pipeline()
    results = Results()
    documents = [Document(text=a.text, source=a.stem) for a in articles]
    stream = pipeline.nlp.pipe(((d.text, d) for d in documents), as_tuples=True, batch_size=pipeline.options.batch_size)
    for article in articles:
        started = time.perf_counter()
        doc, document = next(stream)
        results.parse_seconds += time.perf_counter() - started
        analysis = Analysis(document=document, doc=doc, anchor=anchor_date(document, pipeline.options))
        report = run_stages(analysis)
        started = time.perf_counter()
        extract_attributions(analysis)
        results.attribution_seconds += time.perf_counter() - started
        score_article(article, report.attributions, Tokens(doc), results)
        results.articles += 1
    return results


def score_article(article: Article, predicted: list[Attribution], tokens: Tokens, results: Results) -> None:
    """Add one article's matches to the running tallies."""
    gold = article.attributions
    _score_sources(gold, predicted, tokens, results)
    _score_cues(gold, predicted, tokens, results)
    _score_contents(gold, predicted, tokens, results)
    _score_records(gold, predicted, tokens, results)


def _pred_source(record: Attribution) -> Fragments | None:
    source = record.source
    return ((source.start, source.end),) if source.start is not None and source.end else None


def _count_matches(gold: list, pred: list) -> Tally:  # type: ignore[type-arg]
    common = sum((Counter(gold) & Counter(pred)).values())
    return Tally(common, common, len(pred), len(gold))


def _score_sources(gold, predicted, tokens: Tokens, results: Results) -> None:  # type: ignore[no-untyped-def]
    gold_spans = sorted({g.source for g in gold if g.source})
    pred_spans = sorted({s for s in map(_pred_source, predicted) if s})
    edges = lambda spans: [(s[0][0], s[-1][1]) for s in spans]  # noqa: E731
    results.tally("source (exact span)").add(_count_matches(edges(gold_spans), edges(pred_spans)))
    heads = lambda spans: [h for h in map(tokens.head, spans) if h is not None]  # noqa: E731
    results.tally("source (head token)").add(_count_matches(heads(gold_spans), heads(pred_spans)))


def _score_cues(gold, predicted, tokens: Tokens, results: Results) -> None:  # type: ignore[no-untyped-def]
    gold_cues = sorted({g.cue for g in gold if g.cue})
    pred_cues = sorted({((r.cue.start, r.cue.end),) for r in predicted if r.cue})
    gold_sets = [tokens.indices(c, words_only=False) for c in gold_cues]
    pred_sets = [tokens.indices(c, words_only=False) for c in pred_cues]
    results.tally("cue (token overlap)").add(_one_to_one(gold_sets, pred_sets))
    edges = lambda spans: [(s[0][0], s[-1][1]) for s in spans]  # noqa: E731
    results.tally("cue (exact span)").add(_count_matches(edges(gold_cues), edges(pred_cues)))


def _one_to_one(gold_sets: list[set[int]], pred_sets: list[set[int]]) -> Tally:
    used: set[int] = set()
    matched = 0
    for pred in pred_sets:
        for n, gold in enumerate(gold_sets):
            if n not in used and pred & gold:
                used.add(n)
                matched += 1
                break
    return Tally(matched, matched, len(pred_sets), len(gold_sets))


def _pred_content_tokens(record: Attribution, tokens: Tokens) -> set[int]:
    own = tokens.indices(((record.content.start, record.content.end),))
    for span in (_pred_source(record), ((record.cue.start, record.cue.end),) if record.cue else None):
        if span:
            own -= tokens.indices(span, words_only=False)
    return own


def _score_contents(gold, predicted, tokens: Tokens, results: Results) -> None:  # type: ignore[no-untyped-def]
    gold_tokens: set[int] = set()
    for g in gold:
        if g.content:
            gold_tokens |= tokens.indices(g.content)
    pred_tokens: set[int] = set()
    for record in predicted:
        pred_tokens |= _pred_content_tokens(record, tokens)
    common = len(gold_tokens & pred_tokens)
    results.tally("content (tokens)").add(Tally(common, common, len(pred_tokens), len(gold_tokens)))


def _score_records(gold, predicted, tokens: Tokens, results: Results) -> None:  # type: ignore[no-untyped-def]
    gold_rows = [
        (
            tokens.indices(g.cue, False) if g.cue else set(),
            tokens.head(g.source) if g.source else None,
            tokens.indices(g.content) if g.content else set(),
        )
        for g in gold
    ]
    pred_rows = [
        (
            tokens.indices(((r.cue.start, r.cue.end),), False),
            tokens.head(_pred_source(r)) if _pred_source(r) else None,
            _pred_content_tokens(r, tokens),
        )
        for r in predicted
        if r.cue
    ]
    used: set[int] = set()
    matched = 0
    for cue, head, content in pred_rows:
        for n, (g_cue, g_head, g_content) in enumerate(gold_rows):
            if n in used or not cue & g_cue or head != g_head:
                continue
            if _f1(content, g_content) >= RECORD_MIN_CONTENT_F1:
                used.add(n)
                matched += 1
                break
    results.tally("records").add(Tally(matched, matched, len(pred_rows), len(gold_rows)))


def _f1(pred: set[int], gold: set[int]) -> float:
    common = len(pred & gold)
    return 2 * common / (len(pred) + len(gold)) if pred or gold else 1.0


def format_results(results: Results, folder: Path) -> str:
    """The figures as a text table with the counts behind them."""
    lines = [
        f"PolNeAR attribution: {results.articles} articles from {folder}",
        f"{'figure':<22} {'P':>6} {'R':>6} {'F1':>6}   matched/pred  matched/gold",
    ]
    for name, tally in results.tallies.items():
        p, r, f = tally.scores()
        lines.append(
            f"{name:<22} {p:6.3f} {r:6.3f} {f:6.3f}   {tally.matched_pred:>5}/{tally.pred:<6}"
            f"  {tally.matched_gold:>5}/{tally.gold}"
        )
    share = results.attribution_seconds / results.parse_seconds if results.parse_seconds else 0.0
    lines.append(
        f"time: parse {results.parse_seconds:.2f} s, attribution stage "
        f"{results.attribution_seconds:.2f} s ({share:.1%} of the parse)"
    )
    return "\n".join(lines)
