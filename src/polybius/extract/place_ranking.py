"""Ranking a name's gazetteer entries: which of the homonyms a document means.

An entry's own weight is its size (log10 population, or a fixed weight for a state or a
county), one more for the name it is known by (``score``). The document's other names add
to it (``Focus``): the share of their likely entries that lies in the entry's country and in
its state or province, and how many of them may denote a place near it. ``choose`` picks
the best entry, after an explicit qualifier ("Tripoli, Lebanon") and the rules that a country
or sea beats homonymous towns (unless the other names surround a town of the country's
name and none lies in that country) and a state small towns named after it in other states.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

from polybius.resolve.gazetteer import Entry, gazetteer
from polybius.resolve.geodesy import km_between

# Features accepted on a name match alone; everything else needs evidence from the text.
TRUSTED = frozenset({"country", "continent", "sea", "region", "base", "island", "river", "lake"})
ADMIN1_WEIGHT = 5.0  # log10-population equivalent of a state or province against same-named towns
ADMIN2_WEIGHT = 4.0  # ... and of a county or district
ADMIN_WEIGHTS = {"admin1": ADMIN1_WEIGHT, "admin2": ADMIN2_WEIGHT}
COUNTRY_WEIGHT = 2.5  # times the share of the other names' likely entries in the entry's country
STATE_WEIGHT = 2.5  # ... in its state or province
NEAR_WEIGHT = 1.5  # per other name with a town or county at the entry's point, less with distance
NEAR_KM = 100.0
NEAR_MARGIN = 2.5  # a place counts as near only if its name's likelier entries are at most this much bigger
NEAR_CAP = 3.0
# A degree of latitude is over 111 km everywhere: entries further apart in latitude than this
# are not near, whatever their longitudes, and need no great-circle distance (see ``_nearness``).
NEAR_DEGREES = NEAR_KM / 110.0
NAMESAKE_LINKS = 1.0  # a town named after a country needs this much nearness to the other names
NAMESAKE_HOME = 0.5  # ... this share of them in its own country
NAMESAKE_FOREIGN = 0.05  # ... and at most this share in the country it is named after
STATE_TOWN = 100000  # a town smaller than this is no sense of a same-named state's name
OWN_NAME_KM = 25.0  # a town this near a bigger one that lists its name as an alternate is what the name means


@dataclass
class Context:
    """What the document says about where it is: countries and states (country, admin1) mentioned."""

    countries: dict[str, int] = field(default_factory=dict)
    states: set[tuple[str, str]] = field(default_factory=set)
    place_keys: set[str] = field(default_factory=set)


@dataclass
class Focus:
    """What the document's other names say about one name's entries: the share of them that
    lies in each country and in each state or province, and how many of them have a place near
    each entry."""

    countries: dict[str | None, float] = field(default_factory=dict)
    states: dict[tuple[str | None, str | None], float] = field(default_factory=dict)
    links: dict[Entry, float] = field(default_factory=dict)

    def bonus(self, entry: Entry) -> float:
        """What the other names add to an entry's own score: its country's and its state's
        shares and its nearness to their places, each weighted."""
        return (COUNTRY_WEIGHT * self.countries.get(entry.country, 0.0)
                + STATE_WEIGHT * self.states.get((entry.country, entry.admin1), 0.0)
                + NEAR_WEIGHT * self.links.get(entry, 0.0))


def focus_of_names(by_key: dict[str, list[Entry]], named: dict[str, str],
                   context: Context) -> dict[str, Focus]:
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
    # a state's share is over all the other names, not only those with a state: one ambiguous
    # town must not give its state the whole weight in a story about countries
    total_states = max(sum(states.values()), total_countries) or 1.0
    return Focus({c: w / total_countries for c, w in countries.items()},
                 {s: w / total_states for s, w in states.items()}, links)


def _shares(entries: list[Entry], context: Context, named: str | None, focus: Focus) -> dict[Entry, float]:
    """How likely each entry is on its own: the chosen one alone if it is a country or the text
    qualifies the name, else a softmax of the scores (population 10 times larger, 10 times
    likelier)."""
    chosen = choose(entries, context, named, focus)
    if chosen.feature in TRUSTED or named:
        return {chosen: 1.0}
    scores = {e: score(e) + focus.bonus(e) for e in entries}
    top = max(scores.values())
    raw = {e: 10 ** (s - top) for e, s in scores.items()}
    total = sum(raw.values())
    return {e: w / total for e, w in raw.items()}


def _km(a: Entry, b: Entry) -> float:
    return km_between(a.lat or 0.0, a.lon or 0.0, b.lat or 0.0, b.lon or 0.0)


def _links(by_key: dict[str, list[Entry]]) -> dict[str, dict[Entry, float]]:
    """For each town or county a name may denote, how many of the document's other names may
    denote a town or county near it: each other name adds 1 for one at the same point, less
    with distance, nothing from ``NEAR_KM`` on (at most ``NEAR_CAP`` in all). Only exact
    names count ("Huntsville" and "Walker County" in Texas, not in Alabama)."""
    local = {key: [e for e in entries if e.feature in ("city", "admin2") and e.lat is not None and e.exact]
             for key, entries in by_key.items()}
    best = {key: max(map(score, entries)) for key, entries in by_key.items()}
    links: dict[str, dict[Entry, float]] = {}
    for key, entries in local.items():
        others = [[e for e in other if score(e) >= best[name] - NEAR_MARGIN]
                  for name, other in local.items() if name != key and other]
        others = [other for other in others if other]
        links[key] = {entry: min(NEAR_CAP, sum(_nearness(entry, other) for other in others))
                      for entry in entries}
    return links


def _nearness(entry: Entry, other: list[Entry]) -> float:
    """1 for an entry of another name at the same point as ``entry``, less with distance, 0
    from ``NEAR_KM`` on; entries far off in latitude alone are passed over unmeasured (every
    pair of a document's names is compared)."""
    near = [e for e in other if abs(e.lat - entry.lat) < NEAR_DEGREES]  # type: ignore[operator]
    if not near:
        return 0.0
    return max(0.0, 1.0 - min(_km(entry, e) for e in near) / NEAR_KM)


def choose(entries: list[Entry], context: Context, qualifier: str | None, focus: Focus) -> Entry:
    """The entry a name stands for: a trusted sense (a country, a curated place) first, except
    that a US state beats a same-named country in a US story ("Georgia") and a town the other
    names surround beats the country it is named after (``_local_namesake``); else, among the
    entries in the qualifier's country or state ("Paris, Texas"), the best own score plus what
    the document's other names add (``Focus.bonus``)."""
    trusted = [e for e in entries if e.feature in TRUSTED]
    states = [e for e in entries if e.feature == "admin1" and e.country == "USA"]
    if trusted and states and us_context(context, trusted[0]):
        return states[0]
    if trusted:
        return _local_namesake(entries, trusted[0], focus) or trusted[0]
    if qualifier:
        narrowed = [e for e in entries if qualifier in (e.country, f"{e.country}.{e.admin1}")]
        entries = narrowed or entries
    else:
        entries = _without_towns_named_for_states(entries)
    entries = _own_names_over_alternates(entries)
    return max(entries, key=lambda e: score(e) + focus.bonus(e))


def _local_namesake(entries: list[Entry], trusted: Entry, focus: Focus) -> Entry | None:
    """A town named after a country or sea that the document's other names surround ("Lebanon"
    beside "Boone County" and "Zionsville", Indiana), in a story whose other names lie mostly in
    the town's country and none in the country it is named after."""
    if trusted.feature != "country" or focus.countries.get(trusted.country, 0.0) > NAMESAKE_FOREIGN:
        return None
    towns = [e for e in entries if e.feature == "city" and e.exact and e.country != trusted.country
             and focus.links.get(e, 0.0) >= NAMESAKE_LINKS
             and focus.countries.get(e.country, 0.0) >= NAMESAKE_HOME]
    return max(towns, key=lambda e: score(e) + focus.bonus(e)) if towns else None


def _own_names_over_alternates(entries: list[Entry]) -> list[Entry]:
    """A town's own name means that town, not a bigger town beside it that lists the name among
    its alternates ("New Delhi" is New Delhi, not Delhi around it): towns matched by an alternate
    name within ``OWN_NAME_KM`` of a town of that very name are dropped."""
    alternates = [e for e in entries if e.feature == "city" and not e.exact and e.lat is not None]
    own = [e for e in entries if e.feature == "city" and e.exact and e.lat is not None] if alternates else []
    if not own:
        return entries
    beside = {e for e in alternates if any(abs((e.lat or 0.0) - (town.lat or 0.0)) < OWN_NAME_KM / 100.0
                                           and _km(e, town) <= OWN_NAME_KM for town in own)}
    return [e for e in entries if e not in beside] if beside else entries


def _without_towns_named_for_states(entries: list[Entry]) -> list[Entry]:
    """A state's name alone is the state, not a small town elsewhere in its country named after
    it ("Florida" is not Florida, New York): towns under ``STATE_TOWN`` people in another state
    of the country of a same-named state are dropped. A town in the state it names stays
    ("Tipperary", the town in County Tipperary)."""
    states = {(e.country, e.admin1) for e in entries if e.feature == "admin1" and e.exact}
    countries = {country for country, _ in states}
    return [e for e in entries if not (
        e.feature == "city" and e.country in countries and (e.country, e.admin1) not in states
        and e.population < STATE_TOWN)]


def us_context(context: Context, rival: Entry) -> bool:
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


def score(entry: Entry) -> float:
    """An entry's weight on its own: its size (log10 population, or a state's or county's
    weight), one more for the name it is known by."""
    size = _admin_weight(entry) or math.log10(entry.population + 10)
    return size + (1.0 if entry.exact else 0.0)
