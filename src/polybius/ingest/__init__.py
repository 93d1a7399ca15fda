"""Ingest: readers that turn input files and strings into ``Document`` objects."""

from __future__ import annotations

from polybius.model import Document
from polybius.options import Options


def document_from_input(
    text_or_html: str, *, options: Options, url: str | None = None, source: str | None = None
) -> Document:
    """A document from a string (being completed: scraped-page and HTML cleaning)."""
    return Document(text=text_or_html, source=source, url=url, published=options.published)
