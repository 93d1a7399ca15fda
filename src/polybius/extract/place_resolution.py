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
- Homonyms are resolved by context: an explicit qualifier ("Tripoli, Lebanon"), then the
  share of the document's other names that likely lie in each entry's country and state,
  nearness to the places the other names may denote, and population (``_focus``). A name
  keeps one sense through a document. An organisation's name yields a place only by its own
  exact name, and a small town's name that ends it is its head noun ("Webb Center").
- A lone word of a person the document names ("Hopkins" after "David Hopkins") is no town.
- "western Libya" becomes a region of Libya (``feature`` "region", the country's point), and
  "the border with Tunisia" a border place (``feature`` "border", no point): neither takes
  the capital's coordinates. Both keep the GeoNames id of the place they are part of or
  named after, as geoparsing corpora resolve "Libya" and "Tunisia" there.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span

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
SMALL_TOWN = 10000  # a town this small ending an organisation's name is that name's head noun
BIG_CITY = 1000000  # a town this size is a place on an unlabelled name alone
ADMIN_WEIGHTS = {"admin1": ADMIN1_WEIGHT, "admin2": ADMIN2_WEIGHT}
CALENDAR_NAMES = frozenset(MONTHS) | frozenset(WEEKDAYS)
COUNTRY_WEIGHT = 2.5  # times the share of the other names' likely entries in the entry's country
STATE_WEIGHT = 2.5  # ... in its state or province
NEAR_WEIGHT = 1.5  # per other name with a town or county at the entry's point, less with distance
NEAR_KM = 100.0
NEAR_MARGIN = 2.5  # a place counts as near only if its name's likelier entries are at most this much bigger
NEAR_CAP = 3.0


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
        if country is not None and state is not None:
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
    people = _person_words(candidates[0].span.doc) if candidates else frozenset()
    kept: list[Kept] = []
    for cand in candidates:
        entries = [e for e in cand.entries if _plausible(cand, e, context)]
        if cand.span.text in people and not _strong_evidence(cand):
            entries = [e for e in entries if e.feature in TRUSTED or e.feature == "admin1"]
        if entries and not _person_context(cand):
            kept.append(Kept(cand, name_key(cand.span.text), entries, qualifier(cand.span)))
    focus = _focus(kept, context)
    chosen = _one_sense(kept, context, focus)
    return [_shape(k.cand.span, chosen[k.key]) for k in kept]


@dataclass
class Kept:
    """A candidate that may be a place: its name key, plausible entries and qualifier."""

    cand: Candidate
    key: str
    entries: list[Entry]
    named: str | None


def _entries_by_key(kept: list[Kept]) -> dict[str, list[Entry]]:
    by_key: dict[str, dict[Entry, None]] = {}
    for k in kept:
        by_key.setdefault(k.key, {}).update(dict.fromkeys(k.entries))
    return {key: list(entries) for key, entries in by_key.items()}


def _one_sense(kept: list[Kept], context: Context, focus: dict[str, Focus]) -> dict[str, Entry]:
    """One sense per document: every mention of a name takes the entry its qualified mention
    takes ("Alexandria, La." ... "Alexandria"), else the best over all its mentions' entries."""
    qualified: dict[str, Entry] = {}
    for k in kept:
        if k.named and k.key not in qualified:
            entry = _choose(k.entries, context, k.named, focus[k.key])
            if k.named in (entry.country, f"{entry.country}.{entry.admin1}"):
                qualified[k.key] = entry
    return {key: qualified.get(key) or _choose(entries, context, None, focus[key])
            for key, entries in _entries_by_key(kept).items()}


@dataclass
class Focus:
    """What the document's other names say about one name's entries: the share of them that
    lies in each country and in each state or province, and how many of them have a place near
    each entry."""

    countries: dict[str | None, float] = field(default_factory=dict)
    states: dict[tuple[str | None, str | None], float] = field(default_factory=dict)
    links: dict[Entry, float] = field(default_factory=dict)

    def bonus(self, entry: Entry) -> float:
        return (COUNTRY_WEIGHT * self.countries.get(entry.country, 0.0)
                + STATE_WEIGHT * self.states.get((entry.country, entry.admin1), 0.0)
                + NEAR_WEIGHT * self.links.get(entry, 0.0))


def _focus(kept: list[Kept], context: Context) -> dict[str, Focus]:
    """For each distinct name, the focus of the document's other names.

    "Alexandria" (Egypt, Virginia, Louisiana, Minnesota ...) next to "Rapides Parish" is the
    Louisiana town: an entry near places the other names may denote gains (``_links``). And
    each other name votes for the countries and states of its entries, weighted by how likely
    each entry is (a softmax of the scores): an entry gains with the share of the votes its
    country and its state get. "Athens" in a story whose other towns are in Tennessee is
    Athens, Tennessee; "London" in a story that names Ohio once among American cities is
    still London. The votes are counted twice, the second time from the likelihoods that the
    first count gives.
    """
    by_key = _entries_by_key(kept)
    named = {k.key: k.named for k in kept if k.named}
    links = _links(by_key)
    focus = {key: Focus(links=links.get(key, {})) for key in by_key}
    for _ in range(2):
        shares = {key: _shares(entries, context, named.get(key), focus[key])
                  for key, entries in by_key.items()}
        focus = {key: _focus_of(key, shares, links.get(key, {})) for key in by_key}
    return focus


def _focus_of(key: str, shares: dict[str, dict[Entry, float]], links: dict[Entry, float]) -> Focus:
    """The shares of each country and state among the other names' likely entries."""
    countries: defaultdict[str | None, float] = defaultdict(float)
    states: defaultdict[tuple[str | None, str | None], float] = defaultdict(float)
    for other, share in shares.items():
        if other == key:
            continue
        for entry, weight in share.items():
            if entry.feature not in ("continent", "sea"):
                countries[entry.country] += weight
            if entry.admin1 and entry.feature in ("city", "admin1", "admin2"):
                states[(entry.country, entry.admin1)] += weight
    total_countries = sum(countries.values()) or 1.0
    total_states = sum(states.values()) or 1.0
    return Focus({c: w / total_countries for c, w in countries.items()},
                 {s: w / total_states for s, w in states.items()}, links)


def _shares(entries: list[Entry], context: Context, named: str | None, focus: Focus) -> dict[Entry, float]:
    """How likely each entry is on its own: the chosen one alone if it is a country or the text
    qualifies the name, else a softmax of the scores (population 10 times larger, 10 times
    likelier)."""
    chosen = _choose(entries, context, named, focus)
    if chosen.feature in TRUSTED or named:
        return {chosen: 1.0}
    scores = {e: _score(e) + focus.bonus(e) for e in entries}
    top = max(scores.values())
    raw = {e: 10 ** (s - top) for e, s in scores.items()}
    total = sum(raw.values())
    return {e: w / total for e, w in raw.items()}


def _km(a: Entry, b: Entry) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat or 0.0, a.lon or 0.0, b.lat or 0.0, b.lon or 0.0))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 12742.0 * math.asin(math.sqrt(min(1.0, h)))


def _links(by_key: dict[str, list[Entry]]) -> dict[str, dict[Entry, float]]:
    """For each town or county a name may denote, how many of the document's other names may
    denote a town or county near it: each other name adds 1 for one at the same point, less
    with distance, nothing from ``NEAR_KM`` on (at most ``NEAR_CAP`` in all). Only exact
    names count ("Huntsville" and "Walker County" in Texas, not in Alabama)."""
    local = {key: [e for e in entries if e.feature in ("city", "admin2") and e.lat is not None and e.exact]
             for key, entries in by_key.items()}
    best = {key: max(map(_score, entries)) for key, entries in by_key.items()}
    links: dict[str, dict[Entry, float]] = {}
    for key, entries in local.items():
        others = [[e for e in other if _score(e) >= best[name] - NEAR_MARGIN]
                  for name, other in local.items() if name != key and other]
        others = [other for other in others if other]
        links[key] = {entry: min(NEAR_CAP, sum(max(0.0, 1.0 - min(_km(entry, e) for e in other) / NEAR_KM)
                                               for other in others))
                      for entry in entries}
    return links


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
    if cand.label == EMBEDDED and (not entry.exact or (
            entry.feature == "city" and entry.population < SMALL_TOWN and _ends_name(span))):
        return False  # "Nadia Moayyad" is no Navadwip, "the Webb Center" no town of Center
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


def _ends_name(span: Span) -> bool:
    """Whether a name ends the longer name it is part of ("Webb Center", "Credit Union"): the
    head of an organisation's name, not a place that qualifies it."""
    doc = span.doc
    inside = span.start > 0 and doc[span.start].ent_iob_ == "I"
    return inside and (span.end >= len(doc) or doc[span.end].ent_iob_ != "I")


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


def _person_words(doc: Doc) -> frozenset[str]:
    """Words of the people the document names ("Hopkins" of "David Hopkins"): a lone "Hopkins"
    later is the person, not Hopkins, Minnesota."""
    words: set[str] = set()
    for ent in doc.ents:
        tokens = [t for t in ent if t.text[:1].isupper() and t.is_alpha]
        if ent.label_ != "PERSON" or not 2 <= len(ent) <= 3 or len(tokens) != len(ent):
            continue
        if any(_is_place_word(t.text) for t in tokens[:-1]):
            continue  # "Alexandria Police", "Huntsville Fire": a place's institution, no person
        words.update(t.text for t in tokens)
    return frozenset(words)


@lru_cache(maxsize=4096)
def _is_place_word(text: str) -> bool:
    return text in cues("blocker") or any(e.exact and (e.feature != "city" or e.population >= 1000)
                                          for e in gazetteer().lookup(text))


def _strong_evidence(cand: Candidate) -> bool:
    span = cand.span
    return locative_before(span) or placeword_after(span) or qualifier(span) is not None


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
        if len(nxt) < width or not nxt[0].text[:1].isupper():
            continue
        if _listed(nxt[:width]) and not nxt[width - 1].text.endswith("."):  # "D.C., New York" qualifies
            continue
        text = nxt[:width].text
        country = country_by_name(text)
        if country:
            return country
        for entry in gazetteer().lookup(text):
            if entry.feature == "admin1" and entry.exact:
                return f"{entry.country}.{entry.admin1}"
    return None


def _listed(span: Span) -> bool:
    """Whether a name is an item of a list ("Mexico, Canada and the US"), not a qualifier."""
    doc = span.doc
    after = doc[span.end: span.end + 2]
    if len(after) and after[0].lower_ in ("and", "or", "&"):
        return True
    return len(after) == 2 and after[0].text == "," and (after[1].lower_ in ("and", "or") or (
        after[1].text[:1].isupper() and after[1].ent_type_ in PLACE_LABELS))


def _choose(entries: list[Entry], context: Context, qualifier: str | None, focus: Focus) -> Entry:
    trusted = [e for e in entries if e.feature in TRUSTED]
    states = [e for e in entries if e.feature == "admin1" and e.country == "USA"]
    if trusted and states and _us_context(context, trusted[0]):
        return states[0]
    if trusted:
        return trusted[0]
    if qualifier:
        narrowed = [e for e in entries if qualifier in (e.country, f"{e.country}.{e.admin1}")]
        entries = narrowed or entries
    return max(entries, key=lambda e: _score(e) + focus.bonus(e))


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


def _score(entry: Entry) -> float:
    """An entry's weight on its own: its size (log10 population, or a state's or county's
    weight), one more for the name it is known by."""
    size = _admin_weight(entry) or math.log10(entry.population + 10)
    return size + (1.0 if entry.exact else 0.0)


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
    if entry.feature == "country" and _is_border(span):  # "the Turkish border": with Turkey
        return Mention(span.start_char, span.end_char, entry, surface, "border",
                       f"border with {entry.name}")
    return Mention(span.start_char, span.end_char, entry, surface, entry.feature, surface)


def _is_border(span: Span) -> bool:
    doc = span.doc
    before = doc[max(0, span.start - 2): span.start].text.lower()
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    return before in ("border with", "borders with") or after == "border"

