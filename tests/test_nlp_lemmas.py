"""The lemma memo must give exactly the lemmas spaCy's lemmatizer gives."""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from polybius.nlp_lemmas import LemmaMemo, speed_up_lemmatizer
from polybius.options import Options

TEXTS = [
    "Citing anonymous government officials, the Times reported that warplanes will launch attacks.",
    "The rebels were fleeing; they had fled the cities' burning suburbs and better-defended hills.",
    "She's been running faster than the mice, and the geese flew. Women wrote, children were writing.",
    "Warplanes struck. The warplanes strike again, striking harder: stricken towns, struck bridges.",
    "",
]


def _lemmas(nlp: Language) -> list[tuple[str, str, str]]:
    return [(t.text, t.pos_, t.lemma_) for doc in nlp.pipe(TEXTS * 2) for t in doc]


def test_memo_reproduces_the_lemmatizer_token_for_token() -> None:
    reference = spacy.load(Options().model, exclude=["ner"])
    fast = spacy.load(Options().model, exclude=["ner"])
    assert speed_up_lemmatizer(fast)
    memo = fast.get_pipe("lemmatizer")
    assert isinstance(memo, LemmaMemo)
    assert _lemmas(fast) == _lemmas(reference)
    assert memo.memo
    assert ("officials", "NOUN", "official") in _lemmas(fast)


def test_word_lists_become_sets() -> None:
    nlp = spacy.load(Options().model, exclude=["ner"])
    speed_up_lemmatizer(nlp)
    index = nlp.get_pipe("lemmatizer").lemmatizer.lookups.get_table("lemma_index")
    assert all(isinstance(words, frozenset) for words in index.values())


@Language.component("test_other_lemmatizer")
def _other_lemmatizer(doc: Doc) -> Doc:
    return doc


def test_other_lemmatizers_are_left_alone() -> None:
    nlp = spacy.blank("en")
    assert not speed_up_lemmatizer(nlp)
    nlp.add_pipe("test_other_lemmatizer", name="lemmatizer")
    assert not speed_up_lemmatizer(nlp)
    assert nlp.pipe_names == ["lemmatizer"]
