"""Actor identities: canonical names, titles, countries and CAMEO-style sectors.

The data lives in ``lexicons/``: ``actors.tsv`` (well-known organisations, outlets and armed
groups), ``titles.tsv`` (titles and the sector they imply), ``nominal_actors.tsv`` (head nouns
of unnamed actors), ``anonymous_sources.tsv`` (kinds of unnamed sources) and
``outlet_words.tsv`` (words that mark a news medium's name). Countries come from
``polybius.resolve.countries``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from polybius.lexicons import read_table, read_words
from polybius.resolve.countries import countries, country_code

_QUOTES = "\u2019\u2018`"
_EDGE = re.compile(r"^[\s*_\"'“”‘’(\[]+|[\s*_\"'“”‘’)\],.;:]+$")
_POSSESSIVE = re.compile(r"(?:'s|'|’s|’)$")
_INITIALS = re.compile(r"(?:[A-Z]\.)+[A-Z]")


@dataclass(frozen=True)
class ActorInfo:
    """What the lexicon knows of a named actor."""

    name: str
    type: str
    country: str | None
    sector: str | None


def _dash(cell: str) -> str | None:
    return None if cell in ("", "-") else cell


@lru_cache(maxsize=1)
def known_actors() -> dict[str, ActorInfo]:
    """Lower-cased names and aliases from ``actors.tsv`` -> their identity."""
    table: dict[str, ActorInfo] = {}
    for name, aliases, kind, country, sector in read_table("actors.tsv"):
        info = ActorInfo(name, kind, _dash(country), _dash(sector))
        for alias in [name, *(_dash(aliases) or "").split("|")]:
            if alias:
                table[_key(alias)] = info
    return table


def _key(text: str) -> str:
    key = " ".join(text.split()).lower()
    return key[4:] if key.startswith("the ") else key


def canonical_name(text: str) -> str:
    """A mention's name: markup, quotes, a leading "the" and a possessive stripped.

    >>> canonical_name("the *Times*'s")
    'Times'
    """
    name = _EDGE.sub("", " ".join(text.split()))
    name = _EDGE.sub("", _POSSESSIVE.sub("", name))
    if name.lower().startswith("the "):
        name = _EDGE.sub("", name[4:])
    if _INITIALS.fullmatch(name) and f"{name}." in text:
        name += "."  # "U.S." keeps the period of its last initial
    return name


def lookup_actor(name: str) -> ActorInfo | None:
    """The lexicon identity of a name or alias ("ISIS" -> Islamic State), else None."""
    return known_actors().get(_key(canonical_name(name)))


@lru_cache(maxsize=1)
def _titles() -> dict[str, str | None]:
    return {title: _dash(sector) for title, sector in read_table("titles.tsv")}


def find_title(words: list[str]) -> tuple[str, str | None] | None:
    """The last title phrase in ``words`` (longest first) and its sector, else None.

    >>> find_title(["US", "Defense", "Secretary"])
    ('defense secretary', 'GOV')
    """
    lowered = [w.lower() for w in words]
    titles = _titles()
    for end in range(len(lowered), 0, -1):
        for start in range(max(0, end - 4), end):
            phrase = " ".join(lowered[start:end])
            if phrase in titles:
                return phrase, titles[phrase]
            singular = phrase[:-1] if phrase.endswith("s") else phrase
            if singular in titles:
                return singular, titles[singular]
    return None


@lru_cache(maxsize=1)
def nominal_heads() -> dict[str, tuple[str, str | None]]:
    """Head-noun lemmas of unnamed actors -> (entity type, sector)."""
    return {lemma: (kind, _dash(sector)) for lemma, kind, sector in read_table("nominal_actors.tsv")}


@lru_cache(maxsize=1)
def _anonymous_kinds() -> dict[str, str]:
    return dict(read_table("anonymous_sources.tsv"))


def anonymous_kind(lemma: str) -> str | None:
    """The kind of an unnamed source by its head noun ("diplomats" -> "diplomat"), else None."""
    key = lemma.lower()
    kinds = _anonymous_kinds()
    return kinds.get(key) or (kinds.get(key[:-1]) if key.endswith("s") else None)


@lru_cache(maxsize=1)
def outlet_words() -> frozenset[str]:
    """Words that mark a news medium's name ("Times", "Post", "Live")."""
    return frozenset(read_words("outlet_words.tsv"))


def looks_like_outlet(name: str) -> bool:
    """Whether a proper name reads as a news medium ("Tunisia Live", "Gulf Times")."""
    info = lookup_actor(name)
    if info is not None:
        return info.sector == "MED"
    return any(word in outlet_words() for word in canonical_name(name).split())


def country_of(text: str) -> str | None:
    """The alpha-3 code of a country name or demonym inside a short phrase ("US-backed"), or of
    a capital that stands for its country ("Ankara's")."""
    cleaned = canonical_name(text)
    code = country_code(cleaned)
    if code:
        return code
    head = re.split(r"[-\s]", cleaned)[0] if cleaned else ""
    if head and head != cleaned:
        return country_code(head) or capital_country(head)
    return capital_country(cleaned)


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    return {c.capital.lower(): c.iso3 for c in countries().values() if c.capital}


def capital_country(name: str) -> str | None:
    """The country whose capital ``name`` is ("Khartoum" -> "SDN"): a capital names its
    government by metonymy ("Khartoum government", "Cairo's security chief")."""
    return _capitals().get(canonical_name(name).lower())
