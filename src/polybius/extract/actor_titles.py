"""Titles of people: the office words around a name ("US Defense Secretary Ashton Carter",
"Hillary Clinton, then Secretary of State"), read from the parse and ``lexicons/titles.tsv``.
"""

from __future__ import annotations

from spacy.tokens import Span as TokenSpan
from spacy.tokens import Token

from polybius.resolve.actors import find_title, lookup_actor


def person_title(span: TokenSpan) -> tuple[TokenSpan, str | None] | None:
    """The title words of a person's name and their sector: before the name ("US Defense
    Secretary ...") or in an apposition after it ("..., the Democratic frontrunner")."""
    return _title_before(span) or _title_apposed(span)


def part_of_title(span: TokenSpan) -> bool:
    """Whether the span is a word of a title phrase around it ("Defense" in "Defense Secretary")."""
    doc = span.doc
    if len(span) > 2:
        return False
    low, high = max(span.sent.start, span.start - 3), min(span.sent.end, span.end + 2)
    for start in range(low, span.start + 1):
        for end in range(span.end, high + 1):
            if (start, end) == (span.start, span.end):
                continue
            words = [t.text for t in doc[start:end]]
            found = find_title(words)
            phrase = " ".join(words).lower()
            # the whole window is the title, in the singular or (as find_title allows) the plural
            if found is not None and found[0] in (phrase, phrase[:-1]):
                return True
    return False


def title_body(words: TokenSpan) -> str | None:
    """The sector of an international body named in a title ("UN Secretary-General"), else None."""
    for start in range(len(words)):
        for end in range(len(words), start, -1):
            info = lookup_actor(words[start:end].text)
            if info is not None and info.country is None and info.sector in ("IGO", "NGO"):
                return info.sector
    return None


def _title_before(span: TokenSpan) -> tuple[TokenSpan, str | None] | None:
    """A title in the words that modify the name from the left ("US Defense Secretary")."""
    doc, root = span.doc, span.root
    start = span.start
    while start > span.sent.start:
        token = doc[start - 1]
        if token.is_punct or token.pos_ in ("VERB", "AUX") or not root.is_ancestor(token):
            break
        start -= 1
    while start < span.start and (doc[start].pos_ == "DET" or doc[start].ent_type_ == "DATE"):
        start += 1
    return _titled(doc[start : span.start])


def _title_apposed(span: TokenSpan) -> tuple[TokenSpan, str | None] | None:
    """A title in an apposition after the name ("Clinton, the Democratic frontrunner")."""
    for child in span.root.rights:
        if child.dep_ == "appos" and child.i >= span.end:
            words = [t for t in child.subtree if t.i <= child.i or _title_tail(t, child)][:8]
            start = min(t.i for t in words)
            while start < child.i and span.doc[start].pos_ == "DET":
                start += 1
            return _titled(span.doc[start : _title_end(child, words)])
    return None


# Adverbs of time before a title, not part of it ("Clinton, then Secretary of State").
TITLE_TIME_ADVERBS = frozenset({"then", "now", "currently", "still"})


def _title_end(role: Token, words: list[Token]) -> int:
    """Where an apposed title ends: after its role noun, or after the "of" phrase the title
    lexicon knows ("then Secretary of State in the Obama administration" ends at "State")."""
    last = max(t.i for t in words)
    for end in range(last + 1, role.i + 1, -1):
        phrase = [t.text for t in role.doc[role.i : end]]
        found = find_title(phrase)
        if found is not None and found[0] == " ".join(phrase).lower():
            return end
    return role.i + 1


def _title_tail(token: Token, role: Token) -> bool:
    """A word after a role noun that its title may end on: "of" and its object ("Secretary of
    State", "Minister of Defence")."""
    if token.dep_ == "prep":
        return True
    return token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.head.i == role.i


def _titled(words: TokenSpan) -> tuple[TokenSpan, str | None] | None:
    while len(words) and words[0].lower_ in TITLE_TIME_ADVERBS:
        words = words[1:]
    if len(words) == 0:
        return None
    found = find_title([t.text for t in words])
    return (words, found[1]) if found else None
