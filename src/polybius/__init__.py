"""Polybius: sourced, geolocated, time-resolved event data from news reports, offline.

>>> import polybius
>>> report = polybius.analyze("Last Friday rebels attacked Sirte.", published="2016-03-09")
>>> print(report.to_json())
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

from polybius.ingest import document_from_input
from polybius.model import Document, Report
from polybius.options import Options
from polybius.pipeline import Pipeline

__all__ = ["Document", "Options", "Pipeline", "Report", "analyze", "analyze_many"]
__version__ = "0.1.0"


@lru_cache(maxsize=4)
def _pipeline(model: str) -> Pipeline:
    return Pipeline(Options(model=model))


def analyze(
    text_or_html: str,
    *,
    url: str | None = None,
    published: str | None = None,
    verbatim: bool = False,
    model: str | None = None,
) -> Report:
    """Analyse one article (plain text, scraped page or HTML) and return its report.

    ``published`` is used when the article states no date; ``verbatim`` analyses the text
    exactly as given so that offsets index it.
    """
    options = Options(model=model or "", published=published, verbatim=verbatim)
    document = document_from_input(text_or_html, options=options, url=url)
    return _pipeline(options.model).analyze(document)


def analyze_many(documents: Iterable[Document], *, model: str | None = None) -> Iterator[Report]:
    """Stream many documents through one ``nlp.pipe``; reports come in input order."""
    return _pipeline(Options(model=model or "").model).analyze_many(documents)
