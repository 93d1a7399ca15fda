"""A memo in front of spaCy's lemmatizer: one lemma per (word, POS, morphology), same output.

spaCy's rule lemmatizer runs in Python for every token and caches only some of its answers
(base forms and tags without rules are recomputed each time); each miss tests its candidate
forms against word lists of up to 57,000 entries by linear search (about 70 microseconds a
token), which made it 15 % of the parse of a fresh process. Its answer depends only on the
token's text, POS and morphology, so ``LemmaMemo`` asks it once per distinct triple and
writes the lemmas of a whole document with one ``Doc.from_array``; and the word lists become
frozensets, which only membership tests read. It stands in for spaCy's own ``Lemmatizer`` (and the English
subclass) in ``rule`` and ``lookup`` modes only; any other lemmatizer is left in place.
"""

from __future__ import annotations

import numpy as np
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

FACTORY = "polybius_lemma_memo"
SUPPORTED = (Lemmatizer, EnglishLemmatizer)
SUPPORTED_MODES = frozenset({"rule", "lookup"})
# Distinct (word, POS, morphology) triples kept before the memo starts afresh: a few hundred
# MB at most, however large the corpus.
MEMO_LIMIT = 1_000_000


class LemmaMemo:
    """Pipeline component: the wrapped lemmatizer's lemmas, each triple computed once."""

    def __init__(self, nlp: Language, name: str = FACTORY) -> None:
        self.name = name
        self.vocab = nlp.vocab
        self.lemmatizer: Lemmatizer | None = None
        self.memo: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        """Set the lemma of every token the wrapped lemmatizer would set."""
        lemmatizer = self.lemmatizer
        if lemmatizer is None or not len(doc):
            return doc
        table = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = np.ascontiguousarray(table[:, 3])
        overwrite = lemmatizer.overwrite
        strings = doc.vocab.strings
        memo = self.memo
        for i, (orth, pos, morph, lemma) in enumerate(table.tolist()):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            value = memo.get(key)
            if value is None:
                value = strings.add(lemmatizer.lemmatize(doc[i])[0])
                if pos:  # no POS: spaCy warns each time; ask it each time
                    if len(memo) >= MEMO_LIMIT:
                        memo.clear()
                    memo[key] = value
            lemmas[i] = value
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc


@Language.factory(FACTORY)
def make_lemma_memo(nlp: Language, name: str) -> LemmaMemo:
    """spaCy factory; the lemmatizer to wrap is given afterwards."""
    return LemmaMemo(nlp, name)


def speed_up_lemmatizer(nlp: Language) -> bool:
    """Put a ``LemmaMemo`` in place of spaCy's ``lemmatizer``; False if it was kept as it is."""
    if "lemmatizer" not in nlp.pipe_names:
        return False
    lemmatizer = nlp.get_pipe("lemmatizer")
    if type(lemmatizer) not in SUPPORTED or lemmatizer.mode not in SUPPORTED_MODES:
        return False
    lemmatizer(nlp.make_doc(""))  # spaCy checks its lookup tables on its first document
    if lemmatizer.mode == "rule" and lemmatizer.lookups.has_table("lemma_index"):
        index = lemmatizer.lookups.get_table("lemma_index")
        for pos in list(index.keys()):
            index[pos] = frozenset(index[pos])
    nlp.replace_pipe("lemmatizer", FACTORY)
    nlp.get_pipe("lemmatizer").lemmatizer = lemmatizer
    return True
