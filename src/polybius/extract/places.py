"""Places: toponyms found in the parse, resolved to the gazetteer, and where events happened.

Recognition reads the one spaCy parse: named entities (GPE, LOC, FAC, and PERSON or ORG
entities the small model mislabels, such as "Misrata" or "Benghazi"), place names inside
organisation names ("Toronto Police") and capitalised token runs the model missed, each
looked up in the gazetteer with plain dictionary lookups.

- Countries, continents and curated places (seas, regions, bases) are accepted on a name
  match; they win over homonymous towns ("Turkey", "Greece"), except that a US state beats a
  same-named country ("Georgia") in a document about the US.
- A city or admin1 match needs a GPE/LOC/FAC label, a locative preposition before it ("in
  Misrata"), a qualifier ("Tripoli, Lebanon"), or the same name labelled as a place elsewhere
  in the document. A multi-word PERSON entity, a name after a title ("Mr. Carter"), a month
  or weekday name and an unlabelled acronym are never places.
- Demonyms used as modifiers ("Italian troops") are mentions of their country: GeoWebNews
  counts them as toponyms and actors need the country. "the Italians" is not a place, and
  ``locate_event`` never takes a demonym as an event's place.
- Homonyms are resolved by context: an explicit qualifier, then the countries and US states
  the document names unambiguously, then population.
- "western Libya" becomes a region of Libya (``feature`` "region", the country's point), and
  "the border with Tunisia" a border place (``feature`` "border", no point): neither takes
  the capital's coordinates.
- GPE/LOC/FAC entities the gazetteer lacks, and names after "the village of" or before
  "province", stay as ``place``/``facility`` without coordinates, so events can be located.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from polybius.analysis import Analysis
from polybius.extract.scope import clause_head, clause_tokens, scopes, token_at
from polybius.lexicons import read_table
from polybius.model import Place
from polybius.model import Span as TextSpan
from polybius.resolve.calendar import MONTHS, WEEKDAYS
from polybius.resolve.countries import country_by_name, demonym_country
from polybius.resolve.gazetteer import Entry, Gazetteer, gazetteer, name_key

CUES_FILE = "place_cues.tsv"
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
CANDIDATE_LABELS = PLACE_LABELS | {"PERSON", "ORG", "NORP"}
# Features accepted on a name match alone; everything else needs evidence from the text.
TRUSTED = frozenset({"country", "continent", "sea", "region", "base", "island", "river", "lake"})
CONNECTORS = frozenset({"of", "al", "el", "de", "la", "du", "upon", "on"})
MAX_WINDOW = 5
EMBEDDED = "EMBEDDED"  # label of a place name inside an organisation's name ("Toronto Police")
ADMIN1_WEIGHT = 5.0  # log10-population equivalent of a US state against same-named cities
CALENDAR_NAMES = frozenset(MONTHS) | frozenset(WEEKDAYS)


@lru_cache(maxsize=16)
def _cues(role: str) -> frozenset[str]:
    return frozenset(word for word, kind in read_table(CUES_FILE) if kind == role)


@dataclass
class Mention:
    """A recognised toponym before grouping into places."""

    start: int
    end: int
    entry: Entry
    surface: str
    feature: str
    name: str


@dataclass
class Context:
    """What the document says about where it is: countries and US states mentioned."""

    countries: dict[str, int] = field(default_factory=dict)
    states: set[str] = field(default_factory=set)
    place_keys: set[str] = field(default_factory=set)


def extract_places(analysis: Analysis) -> list[Place]:
    """Every place mentioned in the document, resolved and grouped, ids "P1", "P2", ..."""
    gaz = gazetteer()
    doc = analysis.doc
    found = list(_candidates(doc, gaz))
    context = _context(found)
    mentions = [m for m in (_resolve(doc, c, context) for c in found) if m is not None]
    return _group(mentions + list(_unresolved(doc, mentions)))


def _has_placeword(span: Span) -> bool:
    """ "the village of X" or "X province": a name the gazetteer lacks that is a place."""
    doc, words = span.doc, _cues("placeword")
    before = doc[span.start - 2: span.start] if span.start >= 2 else None
    after = doc[span.end] if span.end < len(doc) else None
    of_phrase = before is not None and before[1].lower_ == "of" and before[0].lower_ in words
    return of_phrase or (after is not None and after.lower_ in words)


def _unresolved(doc: Doc, mentions: list[Mention]) -> Iterator[Mention]:
    """GPE, LOC and FAC entities the gazetteer lacks: places without coordinates."""
    covered = [(m.start, m.end) for m in mentions]
    for ent in doc.ents:
        named_place = ent.label_ in ("PERSON", "ORG", "NORP") and _has_placeword(ent)
        span = _trim(ent) if ent.label_ in PLACE_LABELS or named_place else None
        if span is None or not span.text[:1].isupper() or name_key(span.text) in CALENDAR_NAMES:
            continue
        if any(s < span.end_char and span.start_char < e for s, e in covered):
            continue
        feature = "facility" if ent.label_ == "FAC" else "place"
        qualifier = _qualifier(span)
        country = qualifier if qualifier and len(qualifier) == 3 else None
        entry = Entry(span.text, feature, None, None, country)
        yield Mention(span.start_char, span.end_char, entry, span.text, feature, span.text)


@dataclass
class Candidate:
    """A token range whose text matched the gazetteer, with its NER label if any."""

    span: Span
    label: str | None
    entries: list[Entry]


def _candidates(doc: Doc, gaz: Gazetteer) -> Iterator[Candidate]:
    taken: set[int] = set()
    for ent in doc.ents:
        if ent.label_ in CANDIDATE_LABELS:
            taken.update(range(ent.start, ent.end))
            yield from _match_ent(ent, gaz)
    for run in _capitalised_runs(doc, taken):
        yield from _match_windows(run, None, gaz)


def _match_ent(ent: Span, gaz: Gazetteer) -> Iterator[Candidate]:
    span = _trim(ent)
    if span is None:
        return
    if ent.label_ in ("PERSON", "ORG", "NORP"):
        entries = _lookup(span, gaz)
        if entries:
            yield Candidate(span, ent.label_, entries)
        elif ent.label_ == "ORG":
            for cand in _match_windows(span, EMBEDDED, gaz):
                yield Candidate(cand.span, EMBEDDED, cand.entries)
        return
    yield from _match_windows(span, ent.label_, gaz)


def _trim(span: Span) -> Span | None:
    """Drop a leading determiner and a trailing possessive."""
    start, end = span.start, span.end
    while start < end and span.doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and span.doc[end - 1].tag_ == "POS":
        end -= 1
    return span.doc[start:end] if end > start else None


def _match_windows(span: Span, label: str | None, gaz: Gazetteer) -> Iterator[Candidate]:
    """Longest gazetteer matches inside ``span``, left to right."""
    i = span.start
    while i < span.end:
        for j in range(min(span.end, i + MAX_WINDOW), i, -1):
            window = span.doc[i:j]
            if not window[0].text[:1].isupper() or _is_trailing_junk(window[-1]):
                continue
            if j < len(span.doc) and span.doc[j].text in _cues("blocker"):
                continue
            entries = _lookup(window, gaz)
            if entries:
                rest = span.doc[j:span.end]
                whole = i == span.start and all(_is_trailing_junk(t) for t in rest)
                yield Candidate(window, label if whole else None, entries)
                i = j
                break
        else:
            i += 1


def _is_adjectival(span: Span) -> bool:
    """A demonym used as a modifier ("Italian troops"), not a people ("the Italians")."""
    last = span[-1]
    return last.tag_ not in ("NNS", "NNPS") and (last.pos_ == "ADJ" or last.dep_ in (
        "amod", "compound", "nmod"))


def _is_trailing_junk(token: Token) -> bool:
    return token.is_punct or token.is_space or token.tag_ == "POS"


def _lookup(span: Span, gaz: Gazetteer) -> list[Entry]:
    demonym = demonym_country(span.text)
    if demonym and country_by_name(span.text) is None:
        if not _is_adjectival(span):
            return []
        country = gaz.country(demonym)
        return [country] if country else []
    entries = gaz.lookup(span.text)
    if not entries:
        for suffix in _cues("suffix"):
            if span.text.lower().endswith(" " + suffix):
                return gaz.lookup(span.text[: -len(suffix) - 1])
    return entries


def _capitalised_runs(doc: Doc, taken: set[int]) -> Iterator[Span]:
    start = None
    for token in doc:
        inside = start is not None and token.lower_ in CONNECTORS and _next_is_title(token)
        if token.i not in taken and (_is_name_token(token) or inside):
            start = token.i if start is None else start
            continue
        if start is not None:
            yield doc[start:token.i]
            start = None
    if start is not None:
        yield doc[start:]


def _next_is_title(token: Token) -> bool:
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return nxt is not None and _is_name_token(nxt)


def _is_name_token(token: Token) -> bool:
    if token.text == "-" and 0 < token.i < len(token.doc) - 1:
        before, after = token.doc[token.i - 1], token.doc[token.i + 1]
        return not token.whitespace_ and before.text[:1].isupper() and after.text[:1].isupper()
    return token.text[:1].isupper() and token.is_alpha and token.pos_ in ("PROPN", "NOUN", "ADJ")


def _context(candidates: list[Candidate]) -> Context:
    """Countries and US states the document names unambiguously ("Georgia" counts for neither)."""
    context = Context()
    deferred: list[Candidate] = []
    for cand in candidates:
        if cand.label in PLACE_LABELS:
            context.place_keys.add(name_key(cand.span.text))
        features = {e.feature for e in cand.entries}
        if {"country", "admin1"} <= features:
            deferred.append(cand)
            continue
        for entry in cand.entries:
            if entry.feature == "country" and entry.country and _is_name_match(cand, entry):
                _count(context, entry.country)
            if entry.feature == "admin1" and entry.admin1 and _names_state(cand):
                context.states.add(entry.admin1)
                _count(context, "USA")
        unique = {e.country for e in cand.entries if e.population >= 100000}
        country = unique.pop() if len(unique) == 1 else None
        if cand.label in PLACE_LABELS and country:
            _count(context, country)
    for cand in deferred:  # "Georgia": a state once the rest of the document is about the US
        states = [e for e in cand.entries if e.feature == "admin1" and e.admin1]
        rival = next(e for e in cand.entries if e.feature == "country")
        if _us_context(context, rival):
            context.states.update(e.admin1 for e in states if e.admin1)
    return context


def _count(context: Context, country: str) -> None:
    context.countries[country] = context.countries.get(country, 0) + 1


def _names_state(cand: Candidate) -> bool:
    """A US state name with no big homonymous city ("Texas", not "New York")."""
    big_city = any(e.population >= 300000 for e in cand.entries)
    return cand.label in PLACE_LABELS | {None, EMBEDDED} and not big_city


def _is_name_match(cand: Candidate, entry: Entry) -> bool:
    return cand.label != "NORP" and country_by_name(cand.span.text) == entry.country


def _resolve(doc: Doc, cand: Candidate, context: Context) -> Mention | None:
    entries = [e for e in cand.entries if _plausible(cand, e, context)]
    if not entries or _person_context(cand):
        return None
    qualifier = _qualifier(cand.span)
    entry = _choose(entries, context, qualifier)
    return _shape(cand.span, entry)


def _plausible(cand: Candidate, entry: Entry, context: Context) -> bool:
    span = cand.span
    if name_key(span.text) in CALENDAR_NAMES:
        return False
    if cand.label == "NORP":
        return entry.feature in ("country", "continent")
    if entry.feature in TRUSTED:  # a full country or sea name is no person ("Burkina Faso")
        return entry.exact
    if _is_acronym(span):
        return cand.label == "GPE"
    if cand.label in PLACE_LABELS:
        return True
    if cand.label == EMBEDDED:
        return entry.feature == "admin1" or entry.population >= 100000
    if cand.label == "PERSON" and len(span) > 1:
        return False
    # Alternate names ("Misrata" for Misratah) only for sizeable towns in a country the
    # document is about ("Boni" in Mali is not Bonn); no hamlets at all.
    if entry.feature == "city" and entry.population < (1000 if entry.exact else 50000):
        return False
    if not entry.exact and context.countries and entry.country not in context.countries:
        return False
    evidence = _locative_before(span) or _qualifier(span) is not None
    return evidence or name_key(span.text) in context.place_keys


def _is_acronym(span: Span) -> bool:
    text = span.text.replace(".", "")
    return len(span) == 1 and text.isupper() and len(text) <= 4


def _locative_before(span: Span) -> bool:
    i = span.start - 1
    while i >= 0 and span.doc[i].lower_ in ("the", "city", "town", "village", "of"):
        if span.doc[i].lower_ == "of" and i > 0 and span.doc[i - 1].lower_ not in (
            "city", "town", "village", "outskirts", "province", "region", "north", "south",
            "east", "west"):
            return False
        i -= 1
    return i >= 0 and span.doc[i].lower_ in _cues("locative")


def _person_context(cand: Candidate) -> bool:
    span = cand.span
    before = span.doc[span.start - 1] if span.start > 0 else None
    return before is not None and before.text in _cues("title") and cand.label != "GPE"


def _qualifier(span: Span) -> str | None:
    """The country (alpha-3) or US state code named right after a comma: "Tripoli, Lebanon"."""
    doc = span.doc
    if span.end + 1 >= len(doc) or doc[span.end].text != ",":
        return None
    nxt = doc[span.end + 1: span.end + 3]
    for width in (2, 1):
        text = nxt[:width].text
        country = country_by_name(text)
        if country:
            return country
        for entry in gazetteer().lookup(text):
            if entry.feature == "admin1" and entry.exact:
                return entry.admin1
    return None


def _choose(entries: list[Entry], context: Context, qualifier: str | None) -> Entry:
    trusted = [e for e in entries if e.feature in TRUSTED]
    states = [e for e in entries if e.feature == "admin1"]
    if trusted and states and _us_context(context, trusted[0]):
        return states[0]
    if trusted:
        return trusted[0]
    if qualifier:
        narrowed = [e for e in entries if qualifier in (e.country, e.admin1)]
        entries = narrowed or entries
    return max(entries, key=lambda e: _score(e, context))


def _us_context(context: Context, rival: Entry) -> bool:
    """Whether a US state beats a same-named country ("Georgia") in this document."""
    us = context.countries.get("USA", 0) + len(context.states)
    return us > 0 and us > context.countries.get(rival.country or "", 0)


def _score(entry: Entry, context: Context) -> float:
    size = ADMIN1_WEIGHT if entry.feature == "admin1" else math.log10(entry.population + 10)
    in_country = 2.0 if entry.country in context.countries else 0.0
    in_state = 2.0 if entry.admin1 in context.states and entry.country == "USA" else 0.0
    return size + in_country + in_state + (1.0 if entry.exact else 0.0)


def _shape(span: Span, entry: Entry) -> Mention:
    """A mention, widened to a region ("western Libya") or a border where the text says so."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    surface = span.text
    if before is not None and before.lower_ in _cues("direction") and entry.feature in (
            "country", "admin1", "region", "island"):
        name = f"{before.lower_} {surface}"
        return Mention(before.idx, span.end_char, entry, doc[before.i: span.end].text,
                       "region", name)
    if entry.feature == "country" and _is_border(span):
        return Mention(span.start_char, span.end_char, entry, surface, "border",
                       f"border with {surface}")
    return Mention(span.start_char, span.end_char, entry, surface, entry.feature, surface)


def _is_border(span: Span) -> bool:
    doc = span.doc
    before = doc[max(0, span.start - 2): span.start].text.lower()
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    return before in ("border with", "borders with") or after == "border"


def _group(mentions: list[Mention]) -> list[Place]:
    places: dict[tuple, Place] = {}
    for mention in sorted(mentions, key=lambda m: m.start):
        key = _identity(mention)
        place = places.get(key)
        if place is None:
            place = _new_place(f"P{len(places) + 1}", mention)
            places[key] = place
        place.mentions.append(TextSpan(mention.start, mention.end, mention.surface))
    return list(places.values())


def _identity(mention: Mention) -> tuple:
    entry = mention.entry
    if mention.feature in ("region", "border"):
        return (mention.feature, mention.name.lower(), entry.country)
    return (entry.geonameid, entry.name, entry.feature, entry.country)


_OFFICIAL = frozenset({"country", "admin1", "continent"})


def _new_place(place_id: str, mention: Mention) -> Place:
    entry = mention.entry
    point = mention.feature != "border"
    own_id = mention.feature == entry.feature
    return Place(
        id=place_id,
        name=entry.name if own_id and entry.feature in _OFFICIAL else mention.name,
        feature=mention.feature,
        geonameid=entry.geonameid if own_id else None,
        lat=entry.lat if point else None,
        lon=entry.lon if point else None,
        country=entry.country,
    )


# Event location -----------------------------------------------------------------------------

SPECIFICITY = {"facility": 0, "base": 0, "city": 1, "place": 1, "island": 2, "admin1": 3,
               "region": 3, "border": 3, "sea": 3, "river": 3, "lake": 3, "country": 4,
               "continent": 6}
MODIFIER_DEPS = frozenset({"compound", "amod", "poss", "nmod", "npadvmod", "appos", "conj"})
# How strongly a preposition says "this is where it happened": 0 best, 2 never (an origin:
# "a driver from Abidjan"); prepositions not listed do not introduce the event's place.
PREP_TIER = {"in": 0, "at": 0, "near": 0, "outside": 0, "inside": 0, "around": 0, "on": 0,
             "throughout": 0, "within": 0, "across": 0, "through": 0, "along": 0, "amid": 0,
             "alongside": 0, "beneath": 0, "under": 0, "beyond": 0, "past": 1, "onto": 1,
             "to": 1, "into": 1, "towards": 1, "toward": 1, "over": 1, "off": 1, "via": 1,
             "from": 2, "between": 2}
# Features that, as a modifier, name whose thing it is rather than where ("a U.S. airstrike",
# "Syria's civil war"); a town as a modifier still places it ("a Mogadishu hotel").
ACTOR_FEATURES = frozenset({"country", "continent"})
# Bare arguments that can be the place of the event ("captured Jerusalem").
ARGUMENT_DEPS = frozenset({"dobj", "nsubjpass"})


def locate_event(analysis: Analysis, start: int, end: int) -> tuple[str | None, str]:
    """The place id where the event whose evidence is ``start``-``end`` happened, and the scope.

    Looks in the event's clause, then its sentence, then its paragraph; returns
    ``(None, "none")`` when no place is stated. A place counts when a locative preposition
    introduces it ("in Misrata", "at Gamba police station"); in the clause also when it is
    the verb's object ("captured Jerusalem"). Modifiers ("US officials"), demonyms and agents
    ("by Iran") never count. Among several: the best preposition, then the most specific
    feature, then the nearest to the evidence.
    """
    mentions = [(place, m) for place in analysis.places for m in place.mentions]
    own = _own_clause(analysis.doc, start)
    for scope, (lo, hi) in scopes(analysis.doc, analysis.text, start, end):
        inside = [(p, m) for p, m in mentions if lo <= m.start and m.end <= hi
                  and (scope != "clause" or _in_clause(analysis.doc, m, own))]
        ranked = [r for r in (_rank(analysis.doc, p, m, start, scope) for p, m in inside) if r]
        if ranked:
            return min(ranked)[-1], scope
    return None, "none"


def _own_clause(doc: Doc, start: int) -> set[int]:
    """Token indices of the event's clause, the clauses nested inside it left out."""
    token = token_at(doc, start)
    return {t.i for t in clause_tokens(clause_head(token))} if token is not None else set()


def _in_clause(doc: Doc, mention: TextSpan, own: set[int]) -> bool:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and span.root.i in own


def _rank(doc: Doc, place: Place, mention: TextSpan, anchor: int, scope: str) -> tuple | None:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or _is_demonym_text(mention.text):
        return None
    token, modifier = _governing_nominal(span.root)
    if token.dep_ == "pobj":
        tier = PREP_TIER.get(token.head.lower_)
    else:
        tier = 1 if scope == "clause" and token.dep_ in ARGUMENT_DEPS else None
    if tier is None or tier > 1 or (modifier and place.feature in ACTOR_FEATURES):
        return None
    if tier and scope != "clause":  # another clause's destination is not the event's place
        return None
    return (tier, modifier, SPECIFICITY.get(place.feature, 5), abs(mention.start - anchor),
            place.id)


def _governing_nominal(token: Token) -> tuple[Token, bool]:
    """Climb from a place name to the noun phrase that plays a role in the clause.

    "Madrid airport" and "Baghdad's neighborhood" climb through the modifier (and say so:
    the modified noun is more precise than its modifier); "the town of Glamoc" climbs
    through "of" to "town".
    """
    modifier = False
    for _ in range(4):
        if token.dep_ in MODIFIER_DEPS and token.head.pos_ == "NOUN":
            token, modifier = token.head, True
        elif token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ in (
                "NOUN", "PROPN"):
            token = token.head.head
        else:
            break
    return token, modifier


def _is_demonym_text(text: str) -> bool:
    return country_by_name(text) is None and demonym_country(text) is not None
