"""Ingest: readers that turn input files and strings into ``Document`` objects.

- ``scraped``: plain text and scraped Markdown-ish pages (metadata, boilerplate, broken paragraphs);
- ``html``: HTML pages through trafilatura;
- ``files``: files, JSONL and standard input, with every problem reported as an ``InputError``.
"""

from __future__ import annotations

from polybius.ingest.files import (
    SUPPORTED,
    ReadItem,
    document_from_input,
    document_from_record,
    document_from_text,
    read_input,
)

__all__ = [
    "SUPPORTED",
    "ReadItem",
    "document_from_input",
    "document_from_record",
    "document_from_text",
    "read_input",
]
