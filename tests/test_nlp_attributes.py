"""The vectorised attribute table must give exactly what spaCy's attribute ruler gives."""

from __future__ import annotations

import spacy

from polybius.nlp_attributes import FACTORY, AttributeTable, UnsupportedPattern, speed_up_attribute_ruler
from polybius.options import Options

TEXTS = [
    "Citing anonymous government officials, the Times reported that warplanes will launch attacks.",
    "I'd say it's not what they've done: gonna let's y'all ain't c'mon, there are ones that I do and have had.",
    "  Leading space \n\n\n  and   blank lines; something nobody did.\tTabs too. Her car is hers, isn't it?",
    "",
]


def _annotations(nlp: spacy.language.Language) -> list[tuple[str, ...]]:
    return [(t.text, t.pos_, str(t.morph), t.lemma_, t.tag_, t.dep_) for doc in nlp.pipe(TEXTS) for t in doc]


def test_table_reproduces_the_ruler_token_for_token() -> None:
    reference = spacy.load(Options().model, exclude=["ner"])
    fast = spacy.load(Options().model, exclude=["ner"])
    assert speed_up_attribute_ruler(fast)
    assert isinstance(fast.get_pipe("attribute_ruler"), AttributeTable)
    assert _annotations(fast) == _annotations(reference)


def test_unsupported_patterns_are_refused() -> None:
    nlp = spacy.blank("en")
    table = AttributeTable(nlp, FACTORY)
    try:
        table.compile([{"patterns": [[{"LENGTH": {">=": 3}}]], "attrs": {"POS": "X"}, "index": 0}])
    except UnsupportedPattern as error:
        assert "LENGTH" in str(error)
    else:
        raise AssertionError("a comparison predicate must be refused")


def test_pipeline_without_attribute_ruler_is_left_alone() -> None:
    nlp = spacy.blank("en")
    assert not speed_up_attribute_ruler(nlp)
    assert nlp.pipe_names == []
