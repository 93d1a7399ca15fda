"""HTML pages -> ``Document``, through trafilatura (main text and metadata)."""

from __future__ import annotations

import re

import trafilatura

from polybius.errors import InputError
from polybius.ingest.scraped import (
    ORIGINAL_SOURCE,
    classify,
    is_prose,
    join_broken_paragraphs,
    split_names,
)
from polybius.model import Document

HTML_SNIFF = re.compile(r"^\s*(<!doctype html|<html\b|<head\b|<body\b|<article\b|<div\b|<p\b)", re.I)


def looks_like_html(text: str) -> bool:
    """Whether a string is an HTML page rather than plain text."""
    return bool(HTML_SNIFF.match(text[:2000]))


def parse_html(html: str, *, source: str, url: str | None = None) -> Document:
    """Extract the article body and metadata from an HTML page."""
    extracted = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    if extracted is None or not (extracted.text or "").strip():
        raise InputError(source, "no article text found in the HTML page")
    paragraphs = [p.strip() for p in extracted.text.split("\n") if p.strip()]
    if extracted.title and paragraphs and paragraphs[0] == extracted.title.strip():
        paragraphs = paragraphs[1:]
    original_source = None
    kept = []
    for paragraph in paragraphs:
        if match := ORIGINAL_SOURCE.match(paragraph):
            original_source = match.group(1)
        action = classify(paragraph)
        if action == "end":
            break
        if action is None:
            kept.append(paragraph)
    if not any(map(is_prose, kept)):
        raise InputError(source, "no article text found in the HTML page (only menus or boilerplate)")
    return Document(
        text="\n\n".join(join_broken_paragraphs(kept)),
        source=source,
        title=extracted.title,
        authors=split_names(extracted.author.replace(";", ",")) if extracted.author else [],
        publisher=extracted.sitename,
        published=extracted.date,
        original_source=original_source,
        url=url or extracted.url,
        tags={"tags": list(extracted.tags)} if extracted.tags else {},
        language=extracted.language or "en",
    )
