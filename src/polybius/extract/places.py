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
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from polybius.analysis import Analysis
from polybius.extract.event_location import dateline_end, locate_event
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
MAX_WINDOW = 7
EMBEDDED = "EMBEDDED"  # label of a place name inside an organisation's name ("Toronto Police")
ADMIN1_WEIGHT = 5.0  # log10-population equivalent of a state or province against same-named towns
ADMIN2_WEIGHT = 4.0  # ... and of a county or district
SUFFIX_FEATURES = {"province": "admin1", "governorate": "admin1", "state": "admin1", "region": "admin1",
                   "district": "admin2", "city": "city"}
BIG_CITY = 1000000  # a town this size is a place on an unlabelled name alone
ADMIN_WEIGHTS = {"admin1": ADMIN1_WEIGHT, "admin2": ADMIN2_WEIGHT}
CALENDAR_NAMES = frozenset(MONTHS) | frozenset(WEEKDAYS)
__all__ = ["dateline_end", "extract_places", "locate_event"]


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
    """What the document says about where it is: countries and states (country, admin1) mentioned."""

    countries: dict[str, int] = field(default_factory=dict)
    states: set[tuple[str, str]] = field(default_factory=set)
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
    named = len(span) > 1 and span[-1].text[:1].isupper() and span[-1].lower_ in words
    return of_phrase or named or (after is not None and after.lower_ in words) or _placeword_after(span)


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
        covered.append((span.start_char, span.end_char))
        yield Mention(span.start_char, span.end_char, entry, span.text, feature, span.text)
    for span in _typed_names(doc):
        if not any(s < span.end_char and span.start_char < e for s, e in covered):
            covered.append((span.start_char, span.end_char))
            yield Mention(span.start_char, span.end_char, Entry(span.text, "place", None, None, None),
                          span.text, "place", span.text)


def _typed_names(doc: Doc) -> Iterator[Span]:
    """Names the model did not tag that a place noun types: "Katarko village", "the village of
    Jourin", "the Bustan Al-Basha District". Demonyms and compass words alone are no names."""
    words = _cues("placeword")
    for token in doc:
        if token.lower_ not in words:
            continue
        if token.text[:1].isupper():
            start = _name_start(doc, token.i)
            if start < token.i:
                yield doc[start:token.i + 1]
            continue
        start = _name_start(doc, token.i)
        if start < token.i:
            yield doc[start:token.i]
        elif token.i >= 3 and doc[token.i - 1].dep_ == "det" and doc[token.i - 2].text == ",":
            start = _name_start(doc, token.i - 2)  # "In Awja, the village where ..."
            if start < token.i - 2:
                yield doc[start:token.i - 2]
        elif token.i + 2 < len(doc) and doc[token.i + 1].lower_ == "of":
            end = token.i + 2
            while end < len(doc) and end < token.i + 6 and _name_part(doc[end]):
                end += 1
            if end > token.i + 2 and _is_name_token(doc[end - 1]):
                yield doc[token.i + 2:end]


def _name_part(token: Token) -> bool:
    return _is_name_token(token) or (token.lower_ in CONNECTORS and token.i + 1 < len(token.doc)
                                     and _is_name_token(token.nbor(1)))


def _name_start(doc: Doc, i: int) -> int:
    """The first token of the capitalised name right before token ``i`` (``i`` when none)."""
    start = i
    while start > 0 and i - start < 5 and _name_part(doc[start - 1]) and not (
            doc[start - 1].is_sent_start and start - 1 < i - 1 and doc[start - 1].pos_ != "PROPN"):
        start -= 1
    while start < i and (doc[start].lower_ in CONNECTORS or demonym_country(doc[start].text)
                         or doc[start].lower_ in _cues("direction")):
        start += 1
    return start


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
    doc = ent.doc
    nxt = doc[span.end] if span.end < len(doc) else None
    typed = nxt is not None and nxt.text[:1].isupper() and nxt.lower_ in _cues("placeword")
    if nxt is not None and (nxt.text in _cues("blocker") or typed):  # "Rapides" + "Parish"
        entries = _lookup(doc[span.start:span.end + 1], gaz)
        if entries:  # "Aleppo" (NORP) + "Governorate" is a place by its type noun
            label = ent.label_ if ent.label_ in PLACE_LABELS else ("GPE" if typed else None)
            yield Candidate(doc[span.start:span.end + 1], label, entries)
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
                found = gaz.lookup(span.text[: -len(suffix) - 1])
                kind = SUFFIX_FEATURES.get(suffix)  # "Oaxaca State" is the state, not the city
                typed = [e for e in found if e.feature == kind]
                return typed or found
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
    """Countries and states the document names unambiguously ("Georgia" counts for neither)."""
    context = Context()
    deferred: list[Candidate] = []
    for cand in candidates:
        if cand.label in PLACE_LABELS:
            context.place_keys.add(name_key(cand.span.text))
        us_state = any(e.feature == "admin1" and e.country == "USA" for e in cand.entries)
        if us_state and any(e.feature == "country" for e in cand.entries):
            deferred.append(cand)
            continue
        for entry in cand.entries:
            if entry.feature == "country" and entry.country and _is_name_match(cand, entry):
                _count(context, entry.country)
        country, state = _named_state(cand)
        if state is not None:
            context.states.add((country, state))
        if country is not None:
            _count(context, country)
            continue
        if any(e.feature == "admin1" for e in cand.entries):
            continue  # "Florida": states in several countries, no town's country
        big = {(e.country, e.admin1) for e in cand.entries
               if e.population >= 100000 and e.country and e.exact}
        if cand.label in PLACE_LABELS and len({c for c, _ in big}) == 1:
            _count(context, next(iter(big))[0])
    for cand in deferred:  # "Georgia": a state once the rest of the document is about the US
        states = [e for e in cand.entries if e.feature == "admin1" and e.admin1 and e.country == "USA"]
        rival = next(e for e in cand.entries if e.feature == "country")
        if states and _us_context(context, rival):
            context.states.update(("USA", e.admin1) for e in states if e.admin1)
    _vote_state(candidates, context)
    return context


def _vote_state(candidates: list[Candidate], context: Context) -> None:
    """In a story about one country most, the state most of its ambiguous names share is in play.

    "Columbus", "Franklin County", "Grove City" and "Dublin" each exist in several states;
    Ohio has them all. Each distinct name votes once for every state that has a town (1,000+),
    county or state of that name; the state with most votes, at least two and more than any
    other, joins the states the document names.
    """
    if not context.countries:
        return
    home = max(context.countries, key=lambda c: (context.countries[c], c == "USA"))
    votes: Counter[str] = Counter()
    seen: set[str] = set()
    for cand in candidates:
        key = name_key(cand.span.text)
        if key in seen or cand.label not in PLACE_LABELS | {None, EMBEDDED}:
            continue
        seen.add(key)
        votes.update({e.admin1 for e in cand.entries if e.country == home and e.admin1 and e.exact and (
            e.feature in ("admin1", "admin2") or e.population >= 1000)})
    ranked = votes.most_common(2)
    if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        context.states.add((home, ranked[0][0]))


def _count(context: Context, country: str) -> None:
    context.countries[country] = context.countries.get(country, 0) + 1


def _named_state(cand: Candidate) -> tuple[str | None, str | None]:
    """The country and the one state or province a name denotes, as far as they are clear.

    "Texas", "Kerala" and "Rapides Parish" name a state; "Henderson County" (in five US states)
    only a country. A state beats a same-named county elsewhere ("Virginia"). Nothing when a big
    city shares the name ("New York").
    """
    if cand.label not in PLACE_LABELS | {None, EMBEDDED} or any(
            e.population >= 300000 for e in cand.entries):
        return None, None
    towns = any(e.feature == "city" and e.exact for e in cand.entries)
    for feature in ("admin1",) if towns else ("admin1", "admin2"):  # "Mansfield" is no county
        found = {(e.country, e.admin1) for e in cand.entries
                 if e.feature == feature and e.exact and e.country and e.admin1}
        if len(found) == 1:
            return found.pop()
        if found:
            countries = {country for country, _ in found}
            return (countries.pop() if len(countries) == 1 else None), None
    return None, None


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
    if _is_acronym(span):  # "S.C." with its dots is a state, "SC" may be anything
        return cand.label == "GPE" or (entry.feature == "admin1" and "." in span.text)
    full_name = span[-1].text in _cues("blocker")
    if entry.feature == "admin2" and entry.exact and full_name:
        return True  # the full name of a county: "Rapides Parish", "Henderson County"
    if entry.feature in ("admin1", "admin2") and cand.label not in PLACE_LABELS and (
            not entry.exact or entry.feature == "admin2"):
        return False  # "Wal" for Wahl, "Nadia" the person: subdivisions need a place label
    if cand.label in PLACE_LABELS:
        return True
    if cand.label == EMBEDDED:  # "Toronto Police", "Mansfield Mayor" in a Louisiana story
        known = entry.country == "USA" or entry.country in context.countries
        return (entry.feature == "admin1" and known) or entry.population >= 100000 or (
            (entry.country, entry.admin1) in context.states)
    if cand.label == "PERSON" and len(span) > 1 and not (_locative_before(span) or _placeword_after(span)):
        return False  # "in Tal Afar", "Tal Afar town" are places despite the PERSON label
    # Alternate names ("Misrata" for Misratah) only for sizeable towns in a country the
    # document is about ("Boni" in Mali is not Bonn); no hamlets at all.
    # Towns whose population GeoNames does not know (many Syrian or Iraqi towns) need a
    # preposition or place noun and a country the document is about.
    unknown = entry.feature == "city" and entry.population == 0
    if entry.feature == "city" and not unknown and entry.population < (1000 if entry.exact else 50000):
        return False
    strong = cand.label in PLACE_LABELS or len(span) > 1  # "in Tal Afar" in a story the US military tells
    if (not entry.exact or (unknown and not strong)) and context.countries and (
            entry.country not in context.countries):
        return False
    if unknown:
        return _locative_before(span) or _placeword_after(span)
    famous = span.root.pos_ == "PROPN" and any(e.exact and e.population >= BIG_CITY for e in cand.entries)
    if famous and entry.exact and (entry.population >= BIG_CITY or (entry.country, entry.admin1) in context.states):
        return True  # "patrolling the war-riven Monrovia"; "Dublin" in an Ohio story is Dublin, Ohio
    evidence = _locative_before(span) or _placeword_after(span) or _qualifier(span) is not None
    return evidence or name_key(span.text) in context.place_keys


def _is_acronym(span: Span) -> bool:
    text = span.text.replace(".", "")
    return len(span) == 1 and text.isupper() and len(text) <= 4


def _placeword_after(span: Span) -> bool:
    """ "Manbij city", "Katarko village", "Azaz, a strategic city": a place noun after the name."""
    doc, i = span.doc, span.end
    if i < len(doc) and doc[i].text == ",":  # an apposition: over its determiner and modifiers
        i += 1
        while i < min(len(doc), span.end + 5) and doc[i].dep_ in ("det", "amod", "compound") and (
                doc[i].text.islower() and doc[i].lower_ not in _cues("placeword")):
            i += 1
        if i == span.end + 1:
            return False
    return i < len(doc) and doc[i].lower_ in _cues("placeword") and doc[i].text.islower()


def _locative_before(span: Span) -> bool:
    """A locative preposition before the name, over determiners and modifiers ("in southern Aleppo",
    "the war-riven Monrovia") and "the town of"."""
    i = span.start - 1
    skipped = 0
    while i >= 0 and skipped < 3 and (span.doc[i].is_space or span.doc[i].dep_ in ("amod", "det") and (
            span.doc[i].lower_ not in _cues("locative") and span.doc[i].text.islower())):
        i, skipped = i - 1, skipped + 1
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
    """The country (alpha-3) or state ("USA.IL") named right after a comma: "Tripoli, Lebanon"."""
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
                return f"{entry.country}.{entry.admin1}"
    return None


def _choose(entries: list[Entry], context: Context, qualifier: str | None) -> Entry:
    trusted = [e for e in entries if e.feature in TRUSTED]
    states = [e for e in entries if e.feature == "admin1" and e.country == "USA"]
    if trusted and states and _us_context(context, trusted[0]):
        return states[0]
    if trusted:
        return trusted[0]
    if qualifier:
        narrowed = [e for e in entries if qualifier in (e.country, f"{e.country}.{e.admin1}")]
        entries = narrowed or entries
    return max(entries, key=lambda e: _score(e, context))


def _us_context(context: Context, rival: Entry) -> bool:
    """Whether a US state beats a same-named country ("Georgia") in this document."""
    us = context.countries.get("USA", 0) + sum(country == "USA" for country, _ in context.states)
    return us > 0 and us > context.countries.get(rival.country or "", 0)


def _admin_weight(entry: Entry) -> float:
    """A state's or county's weight against same-named towns, a little more in a populous
    country (Florida, US, before Florida, Uruguay); 0 for other features."""
    weight = ADMIN_WEIGHTS.get(entry.feature, 0.0)
    country = gazetteer().country(entry.country or "") if weight else None
    if country is None or not country.population:
        return weight
    return weight + 0.25 * (math.log10(country.population) - 8.0)


def _score(entry: Entry, context: Context) -> float:
    size = _admin_weight(entry) or math.log10(entry.population + 10)
    in_country = 2.0 if entry.country in context.countries else 0.0
    in_state = 2.0 if (entry.country, entry.admin1) in context.states else 0.0
    return size + in_country + in_state + (1.0 if entry.exact else 0.0)


def _shape(span: Span, entry: Entry) -> Mention:
    """A mention, widened to a region ("western Libya") or a border where the text says so."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    surface = span.text
    if before is not None and before.lower_ in _cues("direction") and entry.feature in (
            "country", "admin1", "admin2", "region", "island"):
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


_OFFICIAL = frozenset({"country", "admin1", "admin2", "continent"})


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
