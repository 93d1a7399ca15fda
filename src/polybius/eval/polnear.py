"""Reader for PolNeAR attribution annotations (brat standoff) in ``../shared/data/polnear``.

Each article has a ``text/<stem>.txt`` and one ``attributions/<stem>_<annotator>.ann`` per
annotator; only the first annotator's file (sorted by name) is read, so no article counts
twice. Spans may be discontinuous (``start end;start end``): they are kept as fragments. Lines
that do not start a brat record (the surface text of a few spans holds a newline) are skipped;
spans are always taken from the offsets, never from the surface text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

_RECORD = re.compile(r"^[TEAR#]\d+\t")
Fragments = tuple[tuple[int, int], ...]


@dataclass
class GoldAttribution:
    """One annotated attribution: its source (absent for no-source ones), cue and content."""

    source: Fragments | None
    cue: Fragments | None
    content: Fragments | None


@dataclass
class Article:
    """One PolNeAR article: its stem, text and gold attributions."""

    stem: str
    text: str
    attributions: list[GoldAttribution] = field(default_factory=list)


def article_paths(split_dir: Path) -> list[tuple[Path, Path]]:
    """(text, first annotation file) pairs of one split folder, in stem order."""
    pairs = []
    for text_path in sorted((split_dir / "text").glob("*.txt")):
        annotations = sorted((split_dir / "attributions").glob(f"{text_path.stem}_*.ann"))
        annotations = [p for p in annotations if p.stem[len(text_path.stem) + 1 :].isalnum()]
        if annotations:
            pairs.append((text_path, annotations[0]))
    return pairs


def read_article(text_path: Path, ann_path: Path) -> Article:
    """Parse one article's text and its annotation file."""
    text = text_path.read_text(encoding="utf-8")
    spans: dict[str, Fragments] = {}
    events: list[dict[str, str]] = []
    for line in ann_path.read_text(encoding="utf-8").split("\n"):
        if not _RECORD.match(line):
            continue
        key, body = line.split("\t")[:2]
        if key.startswith("T"):
            spans[key] = _fragments(body)
        elif key.startswith("E"):
            events.append(dict(part.split(":", 1) for part in body.split() if ":" in part))
    article = Article(stem=text_path.stem, text=text)
    for event in events:
        article.attributions.append(
            GoldAttribution(
                source=spans.get(event.get("Source", "")),
                cue=spans.get(event.get("Cue", "")),
                content=_joined(spans.get(event.get("Content", "")), spans.get(event.get("Content2", ""))),
            )
        )
    return article


def _fragments(body: str) -> Fragments:
    """``Type 1 5;7 9`` -> ((1, 5), (7, 9))."""
    _, _, offsets = body.partition(" ")
    return tuple((int(a), int(b)) for a, b in (chunk.split() for chunk in offsets.split(";")))


def _joined(first: Fragments | None, second: Fragments | None) -> Fragments | None:
    if first is None:
        return second
    return first + second if second else first


def read_split(split_dir: Path, limit: int | None = None) -> list[Article]:
    """Articles of one split folder (``.../polnear/data/dev``), at most ``limit`` of them."""
    pairs = article_paths(split_dir)
    if limit is not None:
        pairs = pairs[:limit]
    return [read_article(t, a) for t, a in pairs]
