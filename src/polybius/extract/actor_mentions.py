"""Actor mentions for the actors stage: named spans (NER plus lexicon); nominal groups are in
``polybius.extract.actor_nominals``.

Each ``Mention`` is one stretch of tokens with what it says about its entity (title, country,
sector, backer); ``polybius.extract.actors`` merges them into entities.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan

from polybius.extract.actor_titles import part_of_title, person_title, title_body
from polybius.extract.doc_views import doc_text, entities
from polybius.model import Place
from polybius.resolve.actors import (
    ActorInfo,
    canonical_name,
    capital_country,
    country_of,
    known_actors,
    looks_like_outlet,
    lookup_actor,
    nominal_heads,
)
from polybius.resolve.countries import country_by_name, country_code, country_name, demonym_country

NAMED_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# Dependencies under which an unnamed group is a participant (acts, speaks, is acted on).
ACTING_DEPS = frozenset(
    {"nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj", "dative", "agent", "ROOT", "attr", "poss"}
)
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "poss", "nummod", "quantmod"})
BACKING_LEMMAS = frozenset({"back", "support", "sponsor", "arm", "fund", "train"})
# Sectors of unnamed groups that belong where the story is set unless their words say otherwise
# ("rebels", "protesters", "prisoners", "police", "workers"); not officials, troops or refugees.
LOCAL_SECTORS = frozenset({"REB", "CVL", "COP", "LAB", "AGR", "EDU", "HLH"})


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


def country_in(tokens: list[Token] | TokenSpan, exclude: str | None = None) -> str | None:
    """The first country named or implied by the words, two- and three-word names and demonyms
    first ("South African leader", "Sri Lankan army"), then known peoples ("Yoruba")."""
    words = list(tokens)
    for size in (3, 2, 1):
        for n in range(len(words) - size + 1):
            group = words[n : n + size]
            if any(t.i - group[0].i != k for k, t in enumerate(group)):
                continue
            text = " ".join(t.text for t in group)
            code = country_code(text) or _people_country(text)
            if code and code != exclude:
                return code
    return None


def _people_country(name: str) -> str | None:
    """The home country of a people or group named in the actor lexicon ("Yoruba")."""
    info = lookup_actor(name)
    return info.country if info is not None and info.type == "NORP" else None


def make_mention(span: TokenSpan, name: str, kind: str, **facts: str | None) -> Mention:
    """A mention of ``span`` named ``name``, with the facts it states (country, sector, ...)."""
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


# Words before a short acronym that is also an English word ("the US", "by IS").
ACRONYM_LEAD_WORDS = frozenset({"the", "by", "of", "in", "against", "from", "with", "and", "to", "for", "on", "at"})


def _acronym_in_context(token: Token) -> bool:
    """Whether a short all-capital word is an acronym here: not in a sentence written mostly in
    capitals ("THE WAR IS OVER"), and, when it is also a common word ("IS", "US"), used as a
    name: before a noun ("IS fighters") or after a determiner or preposition ("by IS")."""
    doc = token.doc
    words = [t for t in token.sent if t.is_alpha and len(t) > 1]
    if 2 * sum(t.text.isupper() for t in words) > len(words):
        return False
    if not token.is_stop:
        return True
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    previous = doc[token.i - 1] if token.i > 0 else None
    return (following is not None and following.pos_ in ("NOUN", "PROPN")) or (
        previous is not None and previous.lower_ in ACRONYM_LEAD_WORDS)


def _lexicon_spans(doc: Doc) -> list[TokenSpan]:
    """Spans of ``doc`` that spell a known actor's name or alias (with a capital letter)."""
    text, index, found = doc_text(doc), _lexicon_index(), []
    for token in doc:
        candidates = index.get(token.lower_.split("-")[0])
        if not candidates or not token.text[:1].isalpha():
            continue
        for alias in candidates:
            surface = text[token.idx : token.idx + len(alias)]
            if surface.lower() != alias or not any(c.isupper() for c in surface):
                continue
            if len(alias) <= 3 and (surface != surface.upper() or not _acronym_in_context(token)):
                continue  # "IS attacks", not "THE WAR IS OVER" or "Who IS behind it?"
            span = doc.char_span(token.idx, token.idx + len(alias))
            if span is not None:
                found.append(span)
                break
    return found


def _candidates(doc: Doc) -> list[tuple[TokenSpan, bool]]:
    """Non-overlapping named spans, longest first, lexicon names winning ties."""
    spans = [(s, True) for s in _lexicon_spans(doc)]
    spans += [(e, False) for e in entities(doc) if e.label_ in NAMED_LABELS]
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


def named_mentions(doc: Doc, places: list[Place], context: str | None = None) -> list[Mention]:
    """Mentions of people, organisations, countries and peoples, each typed and resolved;
    ``context`` is the country the document is mostly about (for "ethnic Albanians")."""
    mentions = []
    for raw, from_lexicon in _candidates(doc):
        span = _trim(raw)
        if span is None:
            continue
        label = _lexicon_label(span) if from_lexicon else raw.label_
        mention = _resolve_named(span, label, places, context)
        if mention is None:
            continue
        if mention.type in ("PERSON", "ORG") and not from_lexicon and _inside_place(span, places):
            continue
        if mention.type == "ORG" and not from_lexicon and part_of_title(span):
            continue  # "Defense" of "US Defense Secretary", "State" of "Secretary of State"
        mentions.append(mention)
    mentions += _surname_mentions(doc, mentions, places)
    return mentions + _country_name_mentions(doc, mentions)


def _country_name_mentions(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Country names the NER missed ("Uzbekistan finally opened the bridge"), as countries."""
    taken = {i for m in mentions for i in range(m.start, m.end)}
    found = []
    for token in doc:
        if token.pos_ != "PROPN" or token.i in taken or token.ent_type_ or not token.text[:1].isupper():
            continue
        code = country_by_name(token.text)
        if code and _standalone(token) and (token.i + 1 >= len(doc) or doc[token.i + 1].pos_ != "PROPN"):
            name = country_name(code) or token.text
            found.append(make_mention(doc[token.i : token.i + 1], name, "GPE", country=code))
    return found


def _lexicon_label(span: TokenSpan | None) -> str:
    """The type a known actor's lexicon row gives it (a person, a people, else an organisation)."""
    info = lookup_actor(span.text) if span is not None else None
    return info.type if info is not None and info.type in ("PERSON", "NORP") else "ORG"


def _resolve_named(span: TokenSpan, label: str, places: list[Place], context: str | None = None) -> Mention | None:
    name = canonical_name(span.text)
    if not name:
        return None
    if label in ("PERSON", "ORG") and country_by_name(name) and lookup_actor(name) is None:
        label = "GPE"  # the model reads "Benin opened its borders" as a person
    if label == "GPE":
        code = country_code(name)
        if code is None:
            return _city_actor(span, name, places)
        return make_mention(span, country_name(code) or name, "GPE", country=code)
    if label == "NORP":
        if span.root.dep_ in ("amod", "compound"):
            return _country_modifier(span, name)
        if span.root.pos_ not in ("NOUN", "PROPN"):
            return None
        if _ethnic(span):
            # "ethnic Albanians in Serbia": a minority, of the country it lives in
            return make_mention(span, name, "NORP", country=place_of(span.root) or context)
        country = country_of(name) or _people_country(name) or _owner_country(span)
        return make_mention(span, name, "NORP", country=country)
    if label == "PERSON" and not looks_like_outlet(name):
        return _person(span, name)
    return _organisation(span, name)


def _ethnic(span: TokenSpan) -> bool:
    """A people named as an ethnicity ("ethnic Albanians"), not as a nationality."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    return (before is not None and before.lower_ == "ethnic") or any(
        c.lower_ == "ethnic" for c in span.root.children
    )


def _country_modifier(span: TokenSpan, name: str) -> Mention | None:
    """A demonym on a thing a country owns or does ("an Australian ultimatum", "Iraqi towns"):
    the country takes part. On an actor noun ("Israeli officials") it is the actor's country."""
    head = span.root.head
    code = country_code(name) or _people_country(name)
    if code is None or head.pos_ != "NOUN" or head.lemma_.lower() in nominal_heads():
        return None
    return make_mention(span, country_name(code) or name, "GPE", country=code)


def _organisation(span: TokenSpan, name: str) -> Mention:
    info = lookup_actor(name)
    if info is not None:
        return make_mention(span, info.name, "ORG", country=info.country, sector=info.sector)
    sector = "MED" if looks_like_outlet(name) else noun_sector(name.split()[-1])
    country = country_of(name) or _owner_country(span) or _named_country(span)
    if len(span) > 1 and span[-1].lemma_.lower() in nominal_heads():
        # "Houthi forces", "Hamas officials": members of a known organisation
        organisation = modifier_organisation(list(span[:-1]))
        if organisation is not None:
            country = country or organisation.country
            sector = organisation.sector or sector
    return make_mention(span, name, "ORG", country=country, sector=sector)


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
    return make_mention(span, place.name or name, "GPE", country=place.country)


def noun_sector(word: str) -> str | None:
    """The sector a group noun implies ("troops": MIL), or None."""
    heads = nominal_heads()
    key = word.lower()
    found = heads.get(key) or (heads.get(key[:-1]) if key.endswith("s") else None)
    return found[1].split("|")[0] if found and found[1] else None


def _person(span: TokenSpan, name: str) -> Mention:
    title = person_title(span)
    known = _known_person(name)
    known_country = known.country if known is not None else None
    if title is None:
        # "Jordan's Abdullah"; a well-known leader by name; "Bosnian Serbs" (a people, mistyped)
        country = _owner_country(span) or known_country or _demonym_in(span)
        sector = known.sector if known else None
        if country is None and sector is None:
            country, sector = _apposed_role(span, sector)
        return make_mention(span, name, "PERSON", country=country, sector=sector)
    words, sector = title
    country = country_in(words) or _owner_country(span) or known_country
    body = title_body(words)
    if country is None and body is not None:
        sector = body  # "Arab League Secretary General": an office of the League, not of a state
    if country is None:
        country, sector = _apposed_role(span, sector)
    return make_mention(span, name, "PERSON", title=words.text, sector=sector, country=country)


def _apposed_role(span: TokenSpan, sector: str | None) -> tuple[str | None, str | None]:
    """Country and sector of the role a name is in apposition to ("a Pentagon spokesman, Major
    Ellen Brooks": American, military; "a Houthi spokesman, Mohammed Abdulsalam": rebels)."""
    role = span.root.head
    if span.root.dep_ != "appos" or role.pos_ != "NOUN" or role.i >= span.start:
        return None, sector
    words = [t for t in role.lefts if t.dep_ in MODIFIER_DEPS]
    modifiers = [t for w in words for t in w.subtree]
    organisation = modifier_organisation(modifiers)
    country = country_in(modifiers) or (organisation.country if organisation else None)
    return country, (organisation.sector if organisation and organisation.sector else sector)


def _known_person(name: str) -> ActorInfo | None:
    """A well-known person of the actor lexicon, by name or by name after a title ("Archbishop
    Desmond Tutu")."""
    words = name.split()
    for start in range(min(3, len(words))):
        info = lookup_actor(" ".join(words[start:]))
        if info is not None and info.type == "PERSON":
            return info
    return None


def _demonym_in(span: TokenSpan) -> str | None:
    """The country of a demonym that opens a name the model took for a person ("Bosnian Serbs")."""
    return demonym_country(span[0].text) if len(span) > 1 else None


def _surname_mentions(doc: Doc, mentions: list[Mention], places: list[Place]) -> list[Mention]:
    """Proper nouns the NER missed that repeat the last word of a person or organisation."""
    last_words = {m.name.split()[-1]: m.type for m in mentions if m.type in ("PERSON", "ORG") and " " in m.name}
    taken = {i for m in mentions for i in range(m.start, m.end)}
    taken.update(i for e in entities(doc) for i in range(e.start, e.end))
    found = []
    for token in doc:
        if token.i in taken or token.pos_ != "PROPN" or token.text not in last_words:
            continue
        if not _standalone(token) or _inside_place(doc[token.i : token.i + 1], places):
            continue
        span = doc[token.i : token.i + 1]
        found.append(make_mention(span, token.text, last_words[token.text]))
    return found


def _standalone(token: Token) -> bool:
    """A proper noun that is not the tail of a longer name ("Secretary of State", "West Africa";
    but "the murder of Gaddafi": "of" after a common word opens no name)."""
    if token.i == 0:
        return True
    previous = token.doc[token.i - 1]
    if previous.lower_ == "of":
        return token.i < 2 or token.doc[token.i - 2].pos_ != "PROPN"
    return previous.pos_ != "PROPN"


# Words before an organisation's name that make its members its opponents or allies.
STANCE_WORDS = frozenset({"anti", "pro", "counter", "non", "ex", "former", "rival", "breakaway"})


def modifier_organisation(words: list[Token]) -> ActorInfo | None:
    """A known organisation named by a run of capitalised words among a noun's modifiers
    ("Pentagon", "Houthi", "White House"), unless a word makes it the opposite ("anti-Taliban")."""
    names = [t for t in words if t.pos_ == "PROPN" or t.text[:1].isupper()]
    if not names or any(t.lower_ in STANCE_WORDS for t in words):
        return None
    for start in range(len(names)):
        for end in range(len(names), start, -1):
            run = names[start:end]
            if run[-1].i - run[0].i != len(run) - 1:
                continue
            info = lookup_actor(" ".join(t.text for t in run))
            if info is not None and info.type == "ORG":
                return info
    return None


def _known_country(head: Token) -> str | None:
    """The country of a known organisation a noun phrase names ("the defeated Fatah Party")."""
    words = [t for t in head.subtree if t.i <= head.i and t.pos_ in ("PROPN", "NOUN")]
    info = lookup_actor(" ".join(t.text for t in words)) if words else None
    return info.country if info is not None else None


# Participles that place a group somewhere ("a newspaper based in Beirut").
SEAT_LEMMAS = frozenset({"base", "locate", "station", "headquarter"})


def place_of(token: Token) -> str | None:
    """A country named by a "from/of/in X" phrase on the noun ("soldiers from the US",
    "doctors from two American aid groups"), or by where it is based ("a group based in Beirut")."""
    preps = [p for p in token.rights if p.dep_ == "prep" and p.lower_ in ("from", "of", "in")]
    for seat in (c for c in token.rights if c.dep_ == "acl" and c.lemma_.lower() in SEAT_LEMMAS):
        preps += [p for p in seat.children if p.dep_ == "prep" and p.lower_ == "in"]
    for prep in preps:
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            words = sorted([obj, *(c for c in obj.children if c.dep_ in ("amod", "compound"))], key=lambda t: t.i)
            code = country_in(words) or _known_country(obj) or capital_country(obj.text)
            if code:
                return code
    return None
