"""Toponym resolution: which gazetteer entry each recognised name denotes.

``extract_places`` (``polybius.extract.places``) finds candidate names and their gazetteer
entries; this module decides which of them are places and which entry each one is.

- Countries, continents and curated places (seas, regions, bases) are accepted on a name
  match; they win over homonymous towns ("Turkey", "Greece"), except that a US state beats a
  same-named country ("Georgia") in a document about the US, and a town that the document's
  other names surround beats the country it is named after when none of them lies there
  ("Lebanon" beside "Boone County", Indiana).
- A city or admin1 match needs a GPE/LOC/FAC label, a locative preposition before it ("in
  Misrata"), a qualifier ("Tripoli, Lebanon"), a person it is the home of ("Jodi Mahler of
  Bellmore"), or the same name labelled as a place elsewhere
  in the document (also for a name tagged a person: "Tamil Nadu said"). A state or province
  by its typed name ("Benue State") is a place whatever its label, and a name a preposition
  makes a town ("returned to Hampshire") may also be its same-named county. A name after a
  title ("Mr. Carter"), a month or weekday name and an unlabelled acronym are never places.
- Homonyms are resolved by context: an explicit qualifier ("Tripoli, Lebanon"), a list of
  states the name stands in ("Oregon and Washington"), then the share of the document's
  other names that likely lie in each entry's country and state, nearness to the places the
  other names may denote, and population (``place_ranking``). A name keeps one sense
  through a document. An organisation's name yields a place only by its own
  exact name, and a small town's name that ends it is its head noun ("Webb Center").
- A lone word of a person the document names ("Hopkins" after "David Hopkins") is no town.
- The adjective of a constituent country ("the English city of Leeds") is that country
  (England), not the state it belongs to (``place_demonyms.tsv``).
- "western Libya" becomes a region of Libya (``feature`` "region", the country's point), and
  "the border with Tunisia" a border place (``feature`` "border", no point): neither takes
  the capital's coordinates. Both keep the GeoNames id of the place they are part of or
  named after, as geoparsing corpora resolve "Libya" and "Tunisia" there.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache

from spacy.tokens import Doc, Span

from polybius.extract.place_ranking import (
    TRUSTED,
    Context,
    Focus,
    choose,
    focus_of_names,
    us_context,
)
from polybius.lexicons import read_table
from polybius.resolve.calendar import MONTHS, WEEKDAYS
from polybius.resolve.countries import country_by_name
from polybius.resolve.gazetteer import Entry, gazetteer, name_key

CUES_FILE = "place_cues.tsv"
DEMONYMS_FILE = "place_demonyms.tsv"
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
EMBEDDED = "EMBEDDED"  # label of a place name inside an organisation's name ("Toronto Police")
SMALL_TOWN = 10000  # a town this small ending an organisation's name is that name's head noun
BIG_CITY = 1000000  # a town this size is a place on an unlabelled name alone
SLOT_TOWN = 50000  # a town this size is a place where a town's name sits, whatever its label
BIG_TOWN = 100000  # a town this size is a sense of its name beside a same-named state
SLOT_HEADS = frozenset({"home", "residence", "street", "streets"})  # a town's name modifies these too
CALENDAR_NAMES = frozenset(MONTHS) | frozenset(WEEKDAYS)


@cache  # one entry per role of the file
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
        if states and us_context(context, rival):
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


def _constituent(cand: Candidate) -> Candidate:
    """ "English" (of the United Kingdom by its code) as England, "Welsh" as Wales: the
    adjective of a constituent country denotes that subdivision, when the gazetteer has it."""
    countries = {e.country for e in cand.entries}
    if len(countries) != 1 or any(e.feature != "country" for e in cand.entries):
        return cand
    name = _constituents().get(cand.span.text)
    parts = [e for e in gazetteer().lookup(name) if e.feature == "admin1" and e.exact
             and e.country in countries] if name else []
    return Candidate(cand.span, cand.label, parts) if parts else cand


@lru_cache(maxsize=1)
def _constituents() -> dict[str, str]:
    """Adjectives of constituent countries and the places they name ("Welsh": "Wales")."""
    return {row[0]: row[1] for row in read_table(DEMONYMS_FILE)}


def _is_name_match(cand: Candidate, entry: Entry) -> bool:
    return cand.label != "NORP" and country_by_name(cand.span.text) == entry.country


def resolve(candidates: list[Candidate], dateline: int = 0) -> list[Mention]:
    """The mentions among ``candidates`` that are places, each resolved to one entry; ``dateline``
    is where the text's wire dateline ends (0: none)."""
    candidates = [_constituent(cand) for cand in candidates]
    context = _context(candidates)
    people = _person_words(candidates[0].span.doc) if candidates else frozenset()
    kept: list[Kept] = []
    for cand in candidates:
        entries = [e for e in cand.entries if _plausible(cand, e, context)]
        if cand.span.text in people and not _strong_evidence(cand):
            entries = [e for e in entries if e.feature in TRUSTED or e.feature == "admin1"]
        if entries and not _person_context(cand):
            kept.append(Kept(cand, name_key(cand.span.text), entries, qualifier(cand.span)))
    kept = _narrow_listed(kept)
    named = {k.key: k.named for k in kept if k.named}
    focus = focus_of_names(_entries_by_key(kept), named, context)
    chosen = _one_sense(kept, context, focus)
    home = _dateline_state_senses(kept, _dateline_state(candidates, dateline))
    return [_shape(k.cand.span, home[k.key] if k.key in home and not k.named else chosen[k.key])
            for k in kept]


def _dateline_state(candidates: list[Candidate], dateline: int) -> Entry | None:
    """The state a wire dateline files the story from ("CAMP MURRAY, Wash. - "): the one state
    a name after a comma in the dateline denotes."""
    for cand in candidates:
        span = cand.span
        if span.end_char > dateline or span.start == 0 or span.doc[span.start - 1].text != ",":
            continue
        states = {e for e in cand.entries if e.feature == "admin1" and e.exact}
        if len(states) == 1:
            return states.pop()
    return None


def _dateline_state_senses(kept: list[Kept], state: Entry | None) -> dict[str, Entry]:
    """Names of the dateline's state denote the state where the text does not qualify them:
    "Washington" in a story filed from "CAMP MURRAY, Wash." is the state, not the capital,
    unless it says "Washington, D.C."."""
    if state is None:
        return {}
    where = f"{state.country}.{state.admin1}"
    named_there = {k.key for k in kept if k.named == where}  # "ALBANY, N.Y.": the town stays a town
    return {k.key: state for k in kept if state in k.entries and k.key not in named_there}


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
            entry = choose(k.entries, context, k.named, focus[k.key])
            if k.named in (entry.country, f"{entry.country}.{entry.admin1}"):
                qualified[k.key] = entry
    return {key: qualified.get(key) or choose(entries, context, None, focus[key])
            for key, entries in _entries_by_key(kept).items()}


COORDINATORS = frozenset({",", "and", "or", "&"})


def _narrow_listed(kept: list[Kept]) -> list[Kept]:
    """A name listed with states takes its state sense, if it has one ("Oregon and
    Washington"), before anything else is weighed: not "Mexico" in "Oaxaca State, Mexico" (a
    country), nor "Gaza" beside the West Bank (a big city of the name lies in that state)."""
    listed = _listed_with_states(kept)
    qualified = {k.key for k in kept if k.named}  # "Washington, D.C.": the qualifier decides
    narrowed: dict[str, set[Entry]] = {}
    for key, entries in _entries_by_key(kept).items():
        if key not in listed or key in qualified or any(e.feature in TRUSTED for e in entries):
            continue
        narrowed[key] = {e for e in entries if e.feature == "admin1" and e.exact
                         and e.country in listed[key] and not _named_for_city(e, entries)}
    return [Kept(k.cand, k.key, [e for e in k.entries if e in narrowed[k.key]] or k.entries, k.named)
            if narrowed.get(k.key) else k for k in kept]


def _listed_with_states(kept: list[Kept]) -> dict[str, set[str]]:
    """Names listed with states or provinces ("Oregon and Washington", "California or
    Washington"): for each, the countries of the states beside it. A neighbour counts as a
    state when a state is its only sense of any size (not "New York", a big city too)."""
    by_start = sorted(kept, key=lambda k: k.cand.span.start)
    listed: dict[str, set[str]] = defaultdict(set)
    for left, right in zip(by_start, by_start[1:], strict=False):
        gap = left.cand.span.doc[left.cand.span.end:right.cand.span.start]
        if not 1 <= len(gap) <= 2 or any(t.lower_ not in COORDINATORS for t in gap) or left.named:
            continue  # "Boise, Idaho": a qualifier, no list
        for this, other in ((left, right), (right, left)):
            countries = _state_countries(other)
            if countries:
                listed[this.key].update(countries)
    return listed


def _named_for_city(state: Entry, entries: list[Entry]) -> bool:
    """Whether a big city of the state's name lies in it ("Gaza") or in another country
    ("Jerusalem"): a city the name may well mean, unlike Washington, D.C., beside Washington."""
    return any(e.feature == "city" and e.exact and e.population >= BIG_TOWN and (
        e.country != state.country or e.admin1 == state.admin1) for e in entries)


def _state_countries(kept: Kept) -> set[str]:
    """The countries of the states a name denotes when states are its only senses of any size
    ("Florida": the US state or a department of Uruguay; not "New York", a big city too)."""
    states = {e.country for e in kept.entries if e.feature == "admin1" and e.exact and e.country}
    rivals = any(e.feature in TRUSTED or e.population >= BIG_TOWN for e in kept.entries)
    return set() if rivals else states


def _plausible(cand: Candidate, entry: Entry, context: Context) -> bool:
    span = cand.span
    if name_key(span.text) in CALENDAR_NAMES:
        return False
    if cand.label == "NORP":
        return entry.feature in ("country", "continent") or (
            entry.feature == "admin1" and cand.span.text in _constituents())
    if entry.feature in TRUSTED:  # a full country or sea name is no person ("Burkina Faso")
        return entry.exact
    if _is_acronym(span):  # "S.C." with its dots is a state, "SC" may be anything
        return cand.label == "GPE" or (entry.feature == "admin1" and "." in span.text)
    full_name = span[-1].text in cues("blocker")
    if entry.feature == "admin2" and entry.exact and full_name:
        return True  # the full name of a county: "Rapides Parish", "Henderson County"
    if entry.feature in ("admin1", "admin2") and entry.exact and _qualifies_town_before(span, entry):
        return True  # "near New Quay, Ceredigion": the county of the town before it
    if entry.feature in ("admin1", "admin2") and _typed_subdivision(span):
        return True  # a state or province by its own typed name: "Benue State", "Herat Province"
    if entry.feature in ("admin1", "admin2") and cand.label not in PLACE_LABELS and (
            not entry.exact or entry.feature == "admin2") and not (
            entry.exact and _town_by_evidence(cand, context)):
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
    if cand.label == "PERSON" and len(span) == 1 and span.text in person_surnames(span.doc) and not (
            placeword_after(span) or qualifier(span) is not None):
        return False  # "sings to Clinton" in a story about Hillary Clinton: the person
    if entry.feature == "city" and entry.exact and entry.population >= SLOT_TOWN and town_slot(span):
        return True  # "the mayor of Jaffna", "outside his Freetown home", "Grozny's streets"
    if cand.label == "PERSON" and len(span) > 1 and not (
            locative_before(span) or placeword_after(span) or name_key(span.text) in context.place_keys):
        return False  # "in Tal Afar", "Tal Afar town", a "Tamil Nadu" tagged GPE elsewhere are places
    # Alternate names ("Misrata" for Misratah) only for sizeable towns in a country the
    # document is about ("Boni" in Mali is not Bonn); no hamlets at all.
    # Towns whose population GeoNames does not know (many Syrian or Iraqi towns) need a
    # preposition or place noun and a country the document is about.
    if entry.feature == "city" and qualifier(span) == f"{entry.country}.{entry.admin1}":
        return True  # the state after the name is the town's: "Matias Romero, Oaxaca"
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
    return evidence or hometown(span) or name_key(span.text) in context.place_keys


def town_slot(span: Span) -> bool:
    """Whether a proper name sits where a town's name does: the object of a locative
    preposition, or of "of" after a place noun or an office ("the outskirts of Kandy", "the
    mayor of Kandy"; not "critics of Jackson"), or the modifier or possessor of a lowercase
    place noun ("his Kandy home", "Kandy's streets")."""
    root = span.root
    if root.pos_ != "PROPN":
        return False
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "of":
        owner = head.head.lemma_.lower()
        return head.head.pos_ == "NOUN" and (owner in _slot_heads() or owner in cues("person"))
    if root.dep_ == "pobj":
        return head.lower_ in cues("locative")
    return root.dep_ in ("compound", "poss") and head.pos_ == "NOUN" and head.text.islower() and (
        head.lemma_.lower() in _slot_heads() or head.lower_ in _slot_heads())


@cache
def _slot_heads() -> frozenset[str]:
    """Nouns a town's name modifies or possesses ("home", "streets", "airport")."""
    return (_place_nouns() | cues("facility") | cues("terrain") | cues("part")) | SLOT_HEADS


def person_surnames(doc: Doc) -> frozenset[str]:
    """Last words of the full names the parse tags as persons ("Hillary Clinton" -> "Clinton"),
    collected once per document and kept in ``doc.user_data``."""
    cached = doc.user_data.get("polybius.surnames")
    if cached is None:
        cached = doc.user_data["polybius.surnames"] = frozenset(
            ent[-1].text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1)
    return cached


def _qualifies_town_before(span: Span, subdivision: Entry) -> bool:
    """Whether the subdivision follows a comma after a place name one of whose towns lies in it
    ("New Quay, Ceredigion"; "Boise, Idaho"): for a county, in its state, as the index knows
    no town's county."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].text != "," or doc[span.start - 2].ent_type_ not in PLACE_LABELS:
        return False
    end = span.start - 1
    start = end - 1
    while start > 0 and doc[start].ent_iob_ == "I":  # back to the first token of its entity
        start -= 1
    return any(e.feature == "city" and e.exact and e.country == subdivision.country
               and e.admin1 == subdivision.admin1 for e in gazetteer().lookup(doc[start:end].text))


def _typed_subdivision(span: Span) -> bool:
    """Whether a name ends in its capitalised type noun ("Benue State", "Herat Province", "Guma
    Local Government Area"), the way a state, province or district is called by its full name."""
    text = span.text
    return len(span) > 1 and any(
        text.lower().endswith(" " + word) and text[-len(word)].isupper() for word in cues("subdivision"))


def _town_by_evidence(cand: Candidate, context: Context) -> bool:
    """Whether a preposition alone makes the name a place, and one of its towns is a place on
    that evidence ("returns to Hampshire"): its same-named county or state is then a sense of
    it too, for the ranking to weigh."""
    return cand.label in (None, "PERSON") and locative_before(cand.span) and any(
        e.feature == "city" and _plausible(cand, e, context) for e in cand.entries)


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
    """ "Manbij city", "Katarko village", "Azaz, a strategic city", "the Kweires airbase": a
    place noun or a site's noun after the name; a plural one after a list types each of its
    names ("the Kurvan and Belgo villages")."""
    return _placeword_after_token(span.doc, span.end) or _listed_before_plural(span)


def _listed_before_plural(span: Span) -> bool:
    """ "the Kurvan and Belgo villages": a name in a list of names that a plural place noun
    ends (not a faction's: "the Smith and Jones camps")."""
    doc, i, listed = span.doc, span.end, False
    while i < min(len(doc), span.end + 8):
        token = doc[i]
        if token.lower_ in ("and", "or"):
            listed = True
        elif token.text != "," and not (token.text[:1].isupper() or token.text == "-"):
            break
        i += 1
    return listed and doc[i - 1].text[:1].isupper() and _plural_placeword(doc, i)


def _plural_placeword(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is a lower-case plural place noun ("villages", "neighborhoods"), not
    a faction's ("camps")."""
    return i < len(doc) and doc[i].tag_ == "NNS" and doc[i].text.islower() and (
        doc[i].lemma_.lower() in _place_nouns() and doc[i].lemma_.lower() not in cues("faction"))


def _placeword_after_token(doc: Doc, i: int) -> bool:
    """A place or site noun at token ``i``, over an apposition's determiner and modifiers and
    a compound noun ("the Torkham border crossing")."""
    end = i
    if i < len(doc) and doc[i].text == ",":  # an apposition: over its determiner and modifiers
        i += 1
        while i < min(len(doc), end + 5) and doc[i].dep_ in ("det", "amod", "compound") and (
                doc[i].text.islower() and doc[i].lower_ not in cues("placeword")):
            i += 1
        if i == end + 1:
            return False
    words = _place_nouns()
    if i + 1 < len(doc) and doc[i].pos_ == "NOUN" and doc[i].dep_ == "compound" and doc[i].text.islower() and (
            doc[i + 1].lower_ in words or _plural_placeword(doc, i + 1)):
        i += 1  # "the Torkham border crossing", "the Nusseirat refugee camp"
    return i < len(doc) and (doc[i].lower_ in words or _plural_placeword(doc, i)) and doc[i].text.islower()


@cache
def _place_nouns() -> frozenset[str]:
    """Place nouns and site nouns ("village", "airbase"): after a name, they make it a place's."""
    return cues("placeword") | cues("site")


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


def hometown(span: Span) -> bool:
    """Whether the name is where a person the text names is from: "Jodi Mahler of Bellmore",
    "Dan Delaney (18), of Carrowclough", "John Smith, 60, of Hayes"."""
    doc, i = span.doc, span.start - 1
    if i < 1 or doc[i].lower_ != "of":
        return False
    i -= 1
    while i >= 0 and (doc[i].text in (",", "(", ")") or doc[i].like_num):
        i -= 1  # the comma and the age between the person and "of"
    return i >= 0 and doc[i].ent_type_ == "PERSON"


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

