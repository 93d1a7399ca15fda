"""The per-document views of a parse (text, entities) are built once and match spaCy's."""

from __future__ import annotations

from polybius.extract.doc_views import doc_text, entities
from polybius.pipeline import Pipeline


def test_text_and_entities_are_spacys_built_once(pipeline: Pipeline) -> None:
    doc = pipeline.nlp("Officials in Lisbon met a delegation from Norway on Tuesday.")
    assert doc_text(doc) == doc.text
    assert doc_text(doc) is doc_text(doc)
    assert [(e.start, e.end, e.label_) for e in entities(doc)] == [
        (e.start, e.end, e.label_) for e in doc.ents]
    assert entities(doc) is entities(doc)
