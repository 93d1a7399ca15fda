"""Tests for polybius.resolve.gazetteer: the offline index and its lookups."""

from __future__ import annotations

import time

from polybius.resolve.gazetteer import _is_usable_alternate, gazetteer, index_path, name_key


def test_name_key_folds_accents_case_and_leading_the() -> None:
    assert name_key("The  Aegean Sea") == "aegean sea"
    assert name_key("Trípoli") == "tripoli"


def test_index_is_built_in_the_cache() -> None:
    gazetteer()
    assert index_path().exists()


def test_lookup_finds_cities_by_alternate_name() -> None:
    entries = gazetteer().lookup("Misrata")
    assert any(e.geonameid == 2214846 and e.country == "LBY" for e in entries)


def test_lookup_lists_homonyms_with_population() -> None:
    entries = [e for e in gazetteer().lookup("Tripoli") if e.feature == "city"]
    assert {"LBY", "LBN"} <= {e.country for e in entries}
    assert all(e.population > 0 for e in entries)


def test_country_variants_resolve_to_the_country() -> None:
    entries = gazetteer().lookup("U.S.")
    assert entries[0].feature == "country" and entries[0].country == "USA"


def test_curated_places_come_first() -> None:
    sea = gazetteer().lookup("Aegean Sea")[0]
    base = gazetteer().lookup("Sigonella")[0]
    assert (sea.feature, base.feature, base.country) == ("sea", "base", "ITA")


def test_us_states_and_their_abbreviations_are_admin1() -> None:
    state = [e for e in gazetteer().lookup("Texas") if e.feature == "admin1"]
    abbreviation = gazetteer().lookup("Ga.")
    assert state and state[0].admin1 == "TX"
    assert abbreviation[0].feature == "admin1" and abbreviation[0].admin1 == "GA"


def test_continent_adjective_maps_to_continent() -> None:
    assert gazetteer().lookup("European")[0].name == "Europe"


def test_countries_have_coordinates() -> None:
    libya = gazetteer().country("LBY")
    assert libya is not None and libya.lat is not None and 20 < libya.lat < 35


def test_lookups_are_fast() -> None:
    gaz = gazetteer()
    started = time.perf_counter()
    for name in ("Benghazi", "Sirte", "Tobruk", "Rome", "Paris", "Mosul") * 50:
        gaz.lookup(name)
    assert time.perf_counter() - started < 1.0


def test_lookup_finds_subdivisions_abroad() -> None:
    entries = gazetteer().lookup("Helmand")
    assert any(e.feature == "admin1" and e.country == "AFG" and e.geonameid for e in entries)


def test_canadian_province_abbreviations_are_admin1() -> None:
    entry = gazetteer().lookup("B.C.")[0]
    assert (entry.feature, entry.country, entry.name) == ("admin1", "CAN", "British Columbia")


def test_state_abbreviations_are_american_only() -> None:
    assert gazetteer().lookup("Mass.")[0].name == "Massachusetts"


def test_dotted_initials_are_usable_alternate_names_but_codes_are_not() -> None:
    assert _is_usable_alternate("L.A.")
    assert not _is_usable_alternate("LAX")
    assert not _is_usable_alternate("P.G")


def test_lookup_finds_a_city_by_its_dotted_initials() -> None:
    entries = gazetteer().lookup("L.A.")
    assert any(e.geonameid == 5368361 and e.feature == "city" and not e.exact for e in entries)


def test_curated_region_gives_way_to_the_subdivision_known_by_its_name() -> None:
    crimea = gazetteer().lookup("Crimea")[0]
    assert crimea.feature == "admin1" and crimea.country == "UKR" and crimea.geonameid is not None
    assert crimea.name == "Crimea"  # the curated English name, not "Avtonomna Respublika Krym"
    sea = gazetteer().lookup("Red Sea")[0]
    assert sea.feature == "sea"  # a curated place without a country keeps its rank


def test_a_name_with_the_arabic_article_is_found_without_it() -> None:
    assert any(e.country == "SYR" and e.feature == "city" for e in gazetteer().lookup("Al-Raqqa"))
    assert any(e.country == "SYR" for e in gazetteer().lookup("ar-Raqqa"))
    assert gazetteer().lookup("Al-Zzyzxq") == []
    # found with the article, or no article at all: no lookup without it
    assert not any(e.country == "SVK" for e in gazetteer().lookup("Al-Bab"))


def test_repeated_lookups_return_equal_lists_the_caller_may_change() -> None:
    first = gazetteer().lookup("Springfield")
    first.clear()
    assert gazetteer().lookup("Springfield")
    assert gazetteer().lookup("Springfield") == gazetteer().lookup("Springfield")
