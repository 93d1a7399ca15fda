"""Toponym resolution: which gazetteer entry each recognised name denotes.

``extract_places`` (``polybius.extract.places``) finds candidate names and their gazetteer
entries; this module decides which of them are places and which entry each one is.

- Countries, continents and curated places (seas, regions, bases) are accepted on a name
  match; they win over homonymous towns ("Turkey", "Greece"), except that a US state beats a
  same-named country ("Georgia") in a document about the US.
- A city or admin1 match needs a GPE/LOC/FAC label, a locative preposition before it ("in
  Misrata"), a qualifier ("Tripoli, Lebanon"), or the same name labelled as a place elsewhere
  in the document. A name after a title ("Mr. Carter"), a month or weekday name and an
  unlabelled acronym are never places.
- Homonyms are resolved by context: an explicit qualifier, then the countries and US states
  the document names unambiguously, then population.
- "western Libya" becomes a region of Libya (``feature`` "region", the country's point), and
  "the border with Tunisia" a border place (``feature`` "border", no point): neither takes
  the capital's coordinates.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Span

from polybius.lexicons import read_table
from polybius.resolve.calendar import MONTHS, WEEKDAYS
from polybius.resolve.countries import country_by_name
from polybius.resolve.gazetteer import Entry, gazetteer, name_key

CUES_FILE = "place_cues.tsv"
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Features accepted on a name match alone; everything else needs evidence from the text.
TRUSTED = frozenset({"country", "continent", "sea", "region", "base", "island", "river", "lake"})
EMBEDDED = "EMBEDDED"  # label of a place name inside an organisation's name ("Toronto Police")
ADMIN1_WEIGHT = 5.0  # log10-population equivalent of a state or province against same-named towns
ADMIN2_WEIGHT = 4.0  # ... and of a county or district
BIG_CITY = 1000000  # a town this size is a place on an unlabelled name alone
ADMIN_WEIGHTS = {"admin1": ADMIN1_WEIGHT, "admin2": ADMIN2_WEIGHT}
CALENDAR_NAMES = frozenset(MONTHS) | frozenset(WEEKDAYS)


@lru_cache(maxsize=16)
def cues(role: str) -> frozenset[str]:
    """The words of one role in ``place_cues.tsv`` ("locative", "placeword", "blocker", ...)."""
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


@dataclass
class Candidate:
    """A token range whose text matched the gazetteer, with its NER label if any."""

    span: Span
    label: str | None
    entries: list[Entry]


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


def resolve(candidates: list[Candidate]) -> list[Mention]:
    """The mentions among ``candidates`` that are places, each resolved to one entry."""
    context = _context(candidates)
    return [m for m in (_resolve(c, context) for c in candidates) if m is not None]


def _resolve(cand: Candidate, context: Context) -> Mention | None:
    entries = [e for e in cand.entries if _plausible(cand, e, context)]
    if not entries or _person_context(cand):
        return None
    entry = _choose(entries, context, qualifier(cand.span))
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
    full_name = span[-1].text in cues("blocker")
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
    if cand.label == "PERSON" and len(span) > 1 and not (locative_before(span) or placeword_after(span)):
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
        return locative_before(span) or placeword_after(span)
    famous = span.root.pos_ == "PROPN" and any(e.exact and e.population >= BIG_CITY for e in cand.entries)
    if famous and entry.exact and (entry.population >= BIG_CITY or (entry.country, entry.admin1) in context.states):
        return True  # "patrolling the war-riven Monrovia"; "Dublin" in an Ohio story is Dublin, Ohio
    evidence = locative_before(span) or placeword_after(span) or qualifier(span) is not None
    return evidence or name_key(span.text) in context.place_keys


def _is_acronym(span: Span) -> bool:
    text = span.text.replace(".", "")
    return len(span) == 1 and text.isupper() and len(text) <= 4


def placeword_after(span: Span) -> bool:
    """ "Manbij city", "Katarko village", "Azaz, a strategic city": a place noun after the name."""
    doc, i = span.doc, span.end
    if i < len(doc) and doc[i].text == ",":  # an apposition: over its determiner and modifiers
        i += 1
        while i < min(len(doc), span.end + 5) and doc[i].dep_ in ("det", "amod", "compound") and (
                doc[i].text.islower() and doc[i].lower_ not in cues("placeword")):
            i += 1
        if i == span.end + 1:
            return False
    return i < len(doc) and doc[i].lower_ in cues("placeword") and doc[i].text.islower()


def locative_before(span: Span) -> bool:
    """A locative preposition before the name, over determiners and modifiers ("in southern Aleppo",
    "the war-riven Monrovia") and "the town of"."""
    i = span.start - 1
    skipped = 0
    while i >= 0 and skipped < 3 and (span.doc[i].is_space or span.doc[i].dep_ in ("amod", "det") and (
            span.doc[i].lower_ not in cues("locative") and span.doc[i].text.islower())):
        i, skipped = i - 1, skipped + 1
    while i >= 0 and span.doc[i].lower_ in ("the", "city", "town", "village", "of"):
        if span.doc[i].lower_ == "of" and i > 0 and span.doc[i - 1].lower_ not in (
            "city", "town", "village", "outskirts", "province", "region", "north", "south",
            "east", "west"):
            return False
        i -= 1
    return i >= 0 and span.doc[i].lower_ in cues("locative")


def _person_context(cand: Candidate) -> bool:
    span = cand.span
    before = span.doc[span.start - 1] if span.start > 0 else None
    return before is not None and before.text in cues("title") and cand.label != "GPE"


def qualifier(span: Span) -> str | None:
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
    if before is not None and before.lower_ in cues("direction") and entry.feature in (
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

