"""Views of a parsed document that every extractor reads, built once per document.

spaCy rebuilds ``Doc.text`` (a join over new ``Token`` objects) and ``Doc.ents`` (new ``Span``
objects) on every access, a few milliseconds each on a news article; the extractors read
them many times per document, so the first access keeps them in ``doc.user_data``. Nothing
changes a doc's text or entities after the parse.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span


def doc_text(doc: Doc) -> str:
    """The parse's text, joined once per document and kept in ``doc.user_data``."""
    cached = doc.user_data.get("polybius.text")
    if cached is None:
        cached = doc.user_data["polybius.text"] = doc.text
    return cached


def entities(doc: Doc) -> tuple[Span, ...]:
    """The parse's named entities, built once per document and kept in ``doc.user_data``."""
    cached = doc.user_data.get("polybius.ents")
    if cached is None:
        cached = doc.user_data["polybius.ents"] = tuple(doc.ents)
    return cached
