"""Actor mentions for the actors stage: named spans (NER plus lexicon) and nominal groups.

Each ``Mention`` is one stretch of tokens with what it says about its entity (title, country,
sector, backer); ``polybius.extract.actors`` merges them into entities.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan

from polybius.model import Place
from polybius.resolve.actors import (
    canonical_name,
    capital_country,
    country_of,
    find_title,
    known_actors,
    looks_like_outlet,
    lookup_actor,
    nominal_heads,
)
from polybius.resolve.countries import country_code, country_name

NAMED_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# Dependencies under which an unnamed group is a participant (acts, speaks, is acted on).
ACTING_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj", "dative", "agent", "ROOT", "attr"})
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "poss", "nummod", "quantmod"})
BACKING_LEMMAS = frozenset({"back", "support", "sponsor", "arm", "fund", "train"})


@dataclass
class Mention:
    """One mention of an actor, with what its words say about the actor."""

    start: int
    end: int
    start_char: int
    end_char: int
    text: str
    name: str
    key: str
    type: str
    title: str | None = None
    country: str | None = None
    sector: str | None = None
    backed_by: str | None = None
    nominal: bool = False
    standalone: bool = True


def _trim(span: TokenSpan) -> TokenSpan | None:
    """Drop a leading determiner or punctuation, a possessive, and anything from "(" on."""
    doc, start, end = span.doc, span.start, span.end
    for token in span:
        if token.text == "(" and token.i > start:
            end = token.i
            break
    while start < end and (doc[start].pos_ == "DET" or doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].tag_ == "POS" or doc[end - 1].is_space):
        end -= 1
    return doc[start:end] if end > start else None


def _mention(span: TokenSpan, name: str, kind: str, **facts: str | None) -> Mention:
    return Mention(
        start=span.start,
        end=span.end,
        start_char=span.start_char,
        end_char=span.end_char,
        text=span.text,
        name=name,
        key=name.lower(),
        type=kind,
        standalone=_standalone(span[0]),
        **facts,  # type: ignore[arg-type]
    )


@lru_cache(maxsize=1)
def _lexicon_index() -> dict[str, tuple[str, ...]]:
    """Known-actor aliases grouped by their lower-cased first word, longest first."""
    index: dict[str, list[str]] = {}
    for alias in known_actors():
        index.setdefault(alias.split()[0].split("-")[0], []).append(alias)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in index.items()}


def _lexicon_spans(doc: Doc) -> list[TokenSpan]:
    """Spans of ``doc`` that spell a known actor's name or alias (with a capital letter)."""
    text, index, found = doc.text, _lexicon_index(), []
    for token in doc:
        candidates = index.get(token.lower_.split("-")[0])
        if not candidates or not token.text[:1].isalpha():
            continue
        for alias in candidates:
            surface = text[token.idx : token.idx + len(alias)]
            if surface.lower() != alias or not any(c.isupper() for c in surface):
                continue
            if len(alias) <= 3 and surface != surface.upper():
                continue
            span = doc.char_span(token.idx, token.idx + len(alias))
            if span is not None:
                found.append(span)
                break
    return found


def _candidates(doc: Doc) -> list[tuple[TokenSpan, bool]]:
    """Non-overlapping named spans, longest first, lexicon names winning ties."""
    spans = [(s, True) for s in _lexicon_spans(doc)]
    spans += [(e, False) for e in doc.ents if e.label_ in NAMED_LABELS]
    spans.sort(key=lambda item: (-(item[0].end_char - item[0].start_char), not item[1]))
    taken: set[int] = set()
    chosen = []
    for span, from_lexicon in spans:
        if taken.isdisjoint(range(span.start, span.end)):
            taken.update(range(span.start, span.end))
            chosen.append((span, from_lexicon))
    return sorted(chosen, key=lambda item: item[0].start)


def _inside_place(span: TokenSpan, places: list[Place]) -> bool:
    return any(m.start <= span.start_char and span.end_char <= m.end for place in places for m in place.mentions)


def named_mentions(doc: Doc, places: list[Place]) -> list[Mention]:
    """Mentions of people, organisations, countries and peoples, each typed and resolved."""
    mentions = []
    for raw, from_lexicon in _candidates(doc):
        span = _trim(raw)
        if span is None:
            continue
        label = "ORG" if from_lexicon else raw.label_
        mention = _resolve_named(span, label, places)
        if mention is None:
            continue
        if mention.type in ("PERSON", "ORG") and not from_lexicon and _inside_place(span, places):
            continue
        mentions.append(mention)
    return mentions + _surname_mentions(doc, mentions, places)


def _resolve_named(span: TokenSpan, label: str, places: list[Place]) -> Mention | None:
    name = canonical_name(span.text)
    if not name:
        return None
    if label == "GPE":
        code = country_code(name)
        if code is None:
            return _city_actor(span, name, places)
        return _mention(span, country_name(code) or name, "GPE", country=code)
    if label == "NORP":
        if span.root.dep_ in ("amod", "compound"):
            return _country_modifier(span, name)
        if span.root.pos_ not in ("NOUN", "PROPN"):
            return None
        return _mention(span, name, "NORP", country=country_of(name) or _owner_country(span))
    if label == "PERSON" and not looks_like_outlet(name):
        return _person(span, name)
    return _organisation(span, name)


def _country_modifier(span: TokenSpan, name: str) -> Mention | None:
    """A demonym on a thing a country owns or does ("an Australian ultimatum", "Iraqi towns"):
    the country takes part. On an actor noun ("Israeli officials") it is the actor's country."""
    head = span.root.head
    code = country_code(name)
    if code is None or head.pos_ != "NOUN" or head.lemma_.lower() in nominal_heads():
        return None
    return _mention(span, country_name(code) or name, "GPE", country=code)


def _organisation(span: TokenSpan, name: str) -> Mention:
    info = lookup_actor(name)
    if info is not None:
        return _mention(span, info.name, "ORG", country=info.country, sector=info.sector)
    sector = "MED" if looks_like_outlet(name) else _noun_sector(name.split()[-1])
    country = country_of(name) or _owner_country(span) or _named_country(span)
    return _mention(span, name, "ORG", country=country, sector=sector)


def _named_country(span: TokenSpan) -> str | None:
    """The country an organisation's name ends on ("National Union for ... of Angola")."""
    if len(span) > 2 and span[-2].lower_ in ("of", "in", "for"):
        return country_code(span[-1].text)
    return None


def _owner_country(span: TokenSpan) -> str | None:
    """The country of a possessive or compound modifier left of a name ("Israel's Cabinet")."""
    for child in span.root.lefts:
        if child.i < span.start and child.dep_ in ("poss", "compound", "nmod", "amod"):
            words = [t for t in child.subtree if t.tag_ != "POS" and t.pos_ != "DET"]
            code = country_of(" ".join(t.text for t in words)) if words else None
            if code:
                return code
    return None


# A city is an actor only where it stands for its government or people: "Washington said",
# "Beirut rejected", "Cairo's security chief", "rebels shelled Juba"; "in Beirut" is a place.
CITY_ACTOR_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "poss"})
CITY_TARGET_PREPS = frozenset({"against", "on", "upon", "into", "by"})


def _city_actor(span: TokenSpan, name: str, places: list[Place]) -> Mention | None:
    """A city named as a participant, as an entity of its place's country."""
    root = span.root
    participant = root.dep_ in CITY_ACTOR_DEPS or (
        root.dep_ == "pobj" and root.head.lower_ in CITY_TARGET_PREPS
    )
    if not participant:
        return None
    place = next(
        (p for p in places for m in p.mentions if m.start <= span.start_char and span.end_char <= m.end),
        None,
    )
    if place is None or not place.country:
        return None
    return _mention(span, place.name or name, "GPE", country=place.country)


def _noun_sector(word: str) -> str | None:
    heads = nominal_heads()
    key = word.lower()
    found = heads.get(key) or (heads.get(key[:-1]) if key.endswith("s") else None)
    return found[1] if found else None


def _person(span: TokenSpan, name: str) -> Mention:
    title = _title_before(span) or _title_apposed(span)
    if title is None:
        return _mention(span, name, "PERSON", country=_owner_country(span))  # "Jordan's Abdullah"
    words, sector = title
    country = next((c for c in (country_code(t.text) for t in words) if c), None) or _owner_country(span)
    return _mention(span, name, "PERSON", title=words.text, sector=sector, country=country)


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
            words = [t for t in child.subtree if t.i <= child.i or t.dep_ == "prep"][:8]
            start = min(t.i for t in words)
            while start < child.i and span.doc[start].pos_ == "DET":
                start += 1
            return _titled(span.doc[start : child.i + 1])
    return None


def _titled(words: TokenSpan) -> tuple[TokenSpan, str | None] | None:
    if len(words) == 0:
        return None
    found = find_title([t.text for t in words])
    return (words, found[1]) if found else None


def _surname_mentions(doc: Doc, mentions: list[Mention], places: list[Place]) -> list[Mention]:
    """Proper nouns the NER missed that repeat the last word of a person or organisation."""
    last_words = {m.name.split()[-1]: m.type for m in mentions if m.type in ("PERSON", "ORG") and " " in m.name}
    taken = {i for m in mentions for i in range(m.start, m.end)}
    taken.update(i for e in doc.ents for i in range(e.start, e.end))
    found = []
    for token in doc:
        if token.i in taken or token.pos_ != "PROPN" or token.text not in last_words:
            continue
        if not _standalone(token) or _inside_place(doc[token.i : token.i + 1], places):
            continue
        span = doc[token.i : token.i + 1]
        found.append(_mention(span, token.text, last_words[token.text]))
    return found


def _standalone(token: Token) -> bool:
    """A proper noun that is not the tail of a longer name ("Secretary of State", "West Africa")."""
    if token.i == 0:
        return True
    previous = token.doc[token.i - 1]
    return previous.pos_ != "PROPN" and previous.lower_ != "of"


def nominal_mentions(doc: Doc, taken: set[int], context: str | None) -> list[Mention]:
    """Unnamed groups that take part ("US officials", "the Italian government", "warplanes")."""
    heads = nominal_heads()
    found = []
    for token in doc:
        lemma = token.lemma_.lower()
        if lemma not in heads or token.pos_ != "NOUN" or token.i in taken:
            continue
        if token.dep_ not in ACTING_DEPS:
            continue
        found.append(_nominal(token, heads[lemma], context))
    return found


def _nominal(token: Token, entry: tuple[str, str | None], context: str | None) -> Mention:
    doc = token.doc
    modifiers = [c for c in token.lefts if c.dep_ in MODIFIER_DEPS]
    start = min((t.left_edge.i for t in modifiers), default=token.i)
    while start < token.i and (doc[start].pos_ == "DET" or doc[start].is_punct):
        start += 1
    span = doc[start : token.i + 1]
    backed_by = _backer(modifiers)
    country = _place_of(token) or _modifier_country(span, token, backed_by)
    sector = entry[1] or next((s for s in (_noun_sector(t.text) for t in span[:-1]) if s), None)
    if sector == "REB" and country is None and context != backed_by:
        country = context
    mention = _mention(span, span.text, entry[0], country=country, sector=sector, backed_by=backed_by)
    mention.key = " ".join(t.lemma_.lower() for t in span)
    mention.nominal = True
    return mention


def _backer(modifiers: list[Token]) -> str | None:
    """The country in an "X-backed" modifier."""
    for modifier in modifiers:
        if modifier.lemma_.lower() in BACKING_LEMMAS:
            for token in modifier.subtree:
                code = country_code(token.text) if token.i != modifier.i else None
                if code:
                    return code
    return None


def _modifier_country(span: TokenSpan, head: Token, backed_by: str | None) -> str | None:
    for token in span:
        if token.i == head.i:
            continue
        code = country_code(token.text)
        if code is None and token.ent_type_ == "GPE":
            code = capital_country(token.text)  # "the Khartoum government"
        if code and code != backed_by:
            return code
    return None


def _place_of(token: Token) -> str | None:
    """A country named by a "from/of/in X" phrase on the noun ("soldiers from the US",
    "doctors from two American aid groups")."""
    for prep in token.rights:
        if prep.dep_ == "prep" and prep.lower_ in ("from", "of", "in"):
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                words = [obj, *(c for c in obj.children if c.dep_ in ("amod", "compound"))]
                code = next((c for c in (country_code(w.text) for w in words) if c), None)
                if code:
                    return code
    return None
