"""The one place that loads and configures the spaCy pipeline."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from polybius.errors import ModelError
from polybius.nlp_attributes import speed_up_attribute_ruler
from polybius.nlp_lemmas import speed_up_lemmatizer

PARAGRAPH_COMPONENT = "polybius_paragraphs"
# Quotation marks that scraped text leaves touching a word ('said,“Look', 'leader.”Trump'):
# the punctuation before a mark and the mark itself are tokens of their own.
TOUCHING_QUOTES = (r"(?<=[^\W\d])[,.!?;:](?=[“”\"]\w)", r"(?<=[\w,.!?;:])[“”](?=\w)", r"(?<=[,.!?;:])\"(?=\w)")


@Language.component(
    PARAGRAPH_COMPONENT,
    assigns=["token.is_sent_start"],
)
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every blank line, so no sentence crosses a paragraph."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if previous.is_space and previous.text.count("\n") >= 2:
            token.is_sent_start = True
        elif token.is_space and token.text.count("\n") >= 2:
            token.is_sent_start = False
    return doc


@lru_cache(maxsize=4)
def load_pipeline(name: str) -> Language:
    """Load the spaCy pipeline ``name`` once per process, with Polybius's components added."""
    try:
        nlp = spacy.load(name)
    except OSError as error:
        raise ModelError(
            f"cannot load spaCy pipeline {name!r}: install it (make run does) "
            "or set POLYBIUS_MODEL to an installed pipeline"
        ) from error
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    split_touching_quotes(nlp)
    speed_up_attribute_ruler(nlp)
    speed_up_lemmatizer(nlp)
    return nlp


def split_touching_quotes(nlp: Language) -> None:
    """Make quotation marks that touch a word tokens of their own (see ``TOUCHING_QUOTES``)."""
    infixes = list(nlp.Defaults.infixes or ()) + list(TOUCHING_QUOTES)
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
