"""Where a stretch of text sits: its clause, sentence and paragraph, as character ranges.

Event location and event dating look for a place or time first in the event's clause, then
its sentence, then its paragraph. The clause is read from the dependency parse: the subtree
of the nearest clause head above the evidence, without the clauses nested inside it that do
not contain the evidence.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

# Dependency labels that open a clause of their own.
CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "advcl", "relcl", "xcomp", "csubj", "parataxis", "acl"})
SCOPES = ("clause", "sentence", "paragraph")


def token_at(doc: Doc, char: int) -> Token | None:
    """The token covering character ``char`` (or the next one after whitespace)."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is not None and len(span):
        return span[0]
    for token in doc:
        if token.idx >= char:
            return token
    return None


def clause_head(token: Token) -> Token:
    """The head of the clause ``token`` belongs to."""
    current = token
    while True:
        is_verbal_conj = current.dep_ == "conj" and current.pos_ in ("VERB", "AUX")
        if current.dep_ in CLAUSE_DEPS or is_verbal_conj or current.head.i == current.i:
            return current
        current = current.head


def _is_nested_clause(token: Token) -> bool:
    verbal_conj = token.dep_ == "conj" and token.pos_ in ("VERB", "AUX")
    return (token.dep_ in CLAUSE_DEPS and token.dep_ != "ROOT") or verbal_conj


def clause_tokens(head: Token) -> list[Token]:
    """Tokens of the clause headed by ``head``, nested clauses left out."""
    result: list[Token] = []
    stack = [head]
    while stack:
        token = stack.pop()
        result.append(token)
        stack.extend(child for child in token.children if not _is_nested_clause(child))
    return sorted(result, key=lambda t: t.i)


def clause_range(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Character range of the clause containing the evidence ``start``-``end``."""
    token = token_at(doc, start)
    if token is None:
        return None
    # Punctuation hangs on the main verb; the final stop must not stretch the clause over
    # the clauses nested before it.
    tokens = [t for t in clause_tokens(clause_head(token)) if not t.is_punct] or [token]
    lo = min(t.idx for t in tokens)
    hi = max(t.idx + len(t.text) for t in tokens)
    return min(lo, start), max(hi, min(end, doc[-1].idx + len(doc[-1].text)))


def sentence_range(doc: Doc, start: int) -> tuple[int, int] | None:
    """Character range of the sentence containing ``start``."""
    token = token_at(doc, start)
    if token is None:
        return None
    sent = token.sent
    return sent.start_char, sent.end_char


def paragraph_range(text: str, start: int) -> tuple[int, int]:
    """Character range of the paragraph (text between blank lines) containing ``start``."""
    lo = text.rfind("\n\n", 0, start)
    lo = 0 if lo < 0 else lo + 2
    hi = text.find("\n\n", start)
    return lo, len(text) if hi < 0 else hi


def scopes(doc: Doc, text: str, start: int, end: int) -> Iterator[tuple[str, tuple[int, int]]]:
    """The clause, sentence and paragraph around the evidence, narrowest first."""
    clause = clause_range(doc, start, end)
    if clause:
        yield "clause", clause
    sentence = sentence_range(doc, start)
    if sentence:
        yield "sentence", sentence
    yield "paragraph", paragraph_range(text, start)
