"""Reading input files and standard input safely: every problem becomes an ``InputError``.

``read_input`` yields ``Document`` objects, and ``InputError`` objects for the parts that could
not be read, so that a caller reports a broken file (or JSONL line) and goes on with the rest.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from polybius.errors import InputError
from polybius.ingest.html import looks_like_html, parse_html
from polybius.ingest.scraped import parse_scraped_page
from polybius.model import Document
from polybius.options import Options

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED = sorted(TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES)
# Bytes inspected for NUL characters: text formats never contain them, binaries nearly always
# do within their first few kilobytes.
SNIFF_BYTES = 8192

ReadItem = Document | InputError


def document_from_text(
    text: str, *, options: Options, source: str | None = None, url: str | None = None,
    published: str | None = None, title: str | None = None,
) -> Document:
    """A document from plain text or a scraped page (kept as given when ``verbatim``)."""
    if options.verbatim:
        return Document(text=text, source=source, url=url, title=title,
                        published=published or options.published)
    page = parse_scraped_page(text)
    if not page.paragraphs:
        raise InputError(source or "<text>", "no article text found (only headers or boilerplate)")
    return Document(
        text=page.body, source=source, url=url, title=title or page.title, authors=page.authors,
        publisher=page.publisher, published=published or page.published or options.published,
        original_source=page.original_source, tags=page.tags,
    )


def document_from_input(
    text_or_html: str, *, options: Options, source: str | None = None, url: str | None = None,
    published: str | None = None, title: str | None = None,
) -> Document:
    """A document from a string that may be HTML, a scraped page or plain text."""
    if not text_or_html.strip():
        raise InputError(source or "<text>", "input is empty")
    if looks_like_html(text_or_html) and not options.verbatim:
        document = parse_html(text_or_html, source=source or "<html>", url=url)
        document.published = published or document.published or options.published
        document.title = title or document.title
        return document
    return document_from_text(text_or_html, options=options, source=source, url=url,
                              published=published, title=title)


def read_bytes(path: Path, options: Options) -> bytes:
    """The bytes of a file, after checks for existence, type and size."""
    name = str(path)
    if not path.exists():
        raise InputError(name, "no such file")
    if path.is_dir():
        raise InputError(name, "is a directory (use `polybius ingest` for folders)")
    size = path.stat().st_size
    if size > options.max_bytes:
        raise InputError(name, f"file is {size / 1e6:.1f} MB, over the {options.max_bytes / 1e6:.0f} MB limit")
    try:
        return path.read_bytes()
    except OSError as error:
        raise InputError(name, f"cannot read: {error.strerror or error}") from error


def decode(data: bytes, source: str) -> str:
    """UTF-8 text from bytes, refusing empty and binary content."""
    if not data.strip():
        raise InputError(source, "file is empty")
    if b"\x00" in data[:SNIFF_BYTES]:
        raise InputError(source, "binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            source, f"not valid UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start})"
        ) from error


def read_input(name: str, options: Options) -> Iterator[ReadItem]:
    """Documents (and errors) from one input: a file path, or ``-`` for standard input."""
    try:
        if name == "-":
            data = sys.stdin.buffer.read(options.max_bytes + 1)
            if len(data) > options.max_bytes:
                raise InputError("<stdin>", f"input is over the {options.max_bytes / 1e6:.0f} MB limit")
            yield document_from_input(decode(data, "<stdin>"), options=options, source="<stdin>")
            return
        path = Path(name)
        suffix = path.suffix.lower()
        if suffix not in SUPPORTED and path.exists() and not path.is_dir():
            raise InputError(name, f"unsupported file type {suffix or '(none)'!r}; expected one of "
                                   f"{', '.join(SUPPORTED)}, or - for standard input")
        text = decode(read_bytes(path, options), name)
        if suffix in JSONL_SUFFIXES:
            yield from read_jsonl(text, name, options)
        elif suffix in HTML_SUFFIXES and not options.verbatim:
            yield parse_html(text, source=name)
        else:
            yield document_from_text(text, options=options, source=name)
    except InputError as error:
        yield error


def read_jsonl(text: str, name: str, options: Options) -> Iterator[ReadItem]:
    """One document per JSON line (``text`` or ``html``; optional id, url, published, title)."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            yield document_from_record(json.loads(line), where, options)
        except json.JSONDecodeError as error:
            yield InputError(where, f"invalid JSON ({error.msg} at column {error.colno})")
        except InputError as error:
            yield error


def document_from_record(record: Any, where: str, options: Options) -> Document:
    """A document from one JSONL record."""
    if not isinstance(record, dict):
        raise InputError(where, "a JSONL line must be an object with a 'text' or 'html' field")
    body = record.get("text") or record.get("html")
    if not isinstance(body, str) or not body.strip():
        raise InputError(where, "record has no non-empty 'text' or 'html' field")
    source = str(record["id"]) if record.get("id") is not None else where
    fields = {"options": options, "source": source, "url": record.get("url"),
              "published": record.get("published"), "title": record.get("title")}
    if "text" in record and record.get("text"):
        return document_from_text(body, **fields)
    return document_from_input(body, **fields)
