"""Actor identities: names, lexicon lookups, titles, kinds of unnamed sources, outlets."""

from __future__ import annotations

from polybius.resolve.actors import (
    anonymous_kind,
    canonical_name,
    country_of,
    find_title,
    looks_like_outlet,
    lookup_actor,
)


def test_canonical_name_strips_article_possessive_and_markup() -> None:
    assert canonical_name("the *Times*'s") == "Times"
    assert canonical_name("Renzi’s") == "Renzi"


def test_lookup_actor_resolves_an_alias_to_its_canonical_identity() -> None:
    info = lookup_actor("ISIS")
    assert info is not None
    assert (info.name, info.sector) == ("Islamic State", "REB")


def test_lookup_actor_returns_none_for_unknown_names() -> None:
    assert lookup_actor("Zebulon Widget Cooperative") is None


def test_find_title_prefers_the_longest_phrase_at_the_end() -> None:
    assert find_title(["US", "Defense", "Secretary"]) == ("defense secretary", "GOV")


def test_find_title_maps_military_ranks_to_mil() -> None:
    assert find_title(["Libyan", "general"]) == ("general", "MIL")


def test_anonymous_kind_accepts_plurals() -> None:
    assert anonymous_kind("diplomats") == "diplomat"
    assert anonymous_kind("officials") == "official"
    assert anonymous_kind("table") is None


def test_looks_like_outlet_uses_lexicon_and_media_words() -> None:
    assert looks_like_outlet("Corriere della Sera")
    assert looks_like_outlet("Harbour Daily")
    assert not looks_like_outlet("John Phillips")


def test_country_of_reads_a_hyphenated_modifier() -> None:
    assert country_of("US-backed") == "USA"
    assert country_of("Italian") == "ITA"


def test_lexicon_knows_leaders_and_peoples_by_type() -> None:
    leader = lookup_actor("Mitterrand")
    people = lookup_actor("Igbo")
    assert leader is not None and (leader.type, leader.country) == ("PERSON", "FRA")
    assert people is not None and (people.type, people.country) == ("NORP", "NGA")
    assert not looks_like_outlet("Mitterrand")
