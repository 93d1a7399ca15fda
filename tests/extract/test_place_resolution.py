"""Tests for polybius.extract.place_resolution: which gazetteer entry a toponym denotes."""

from __future__ import annotations

from polybius.analysis import Analysis
from polybius.extract.places import extract_places
from polybius.model import Document, Place
from polybius.pipeline import Pipeline


def places(pipeline: Pipeline, text: str) -> list[Place]:
    return extract_places(Analysis(document=Document(text=text), doc=pipeline.nlp(text)))


def place_named(found: list[Place], surface: str) -> Place | None:
    return next((p for p in found if any(m.text == surface for m in p.mentions)), None)


def test_adjective_of_a_constituent_country_is_that_country(pipeline: Pipeline) -> None:
    found = places(pipeline, "Police closed a road in the English city of Salisbury on Monday.")
    england = place_named(found, "English")
    assert england is not None and england.name == "England" and england.feature == "admin1"
    assert england.country == "GBR"


def test_adjective_of_a_sovereign_country_stays_the_country(pipeline: Pipeline) -> None:
    found = places(pipeline, "Italian troops patrolled the port of Misrata.")
    italy = place_named(found, "Italian")
    assert italy is not None and italy.feature == "country" and italy.country == "ITA"


def test_name_listed_with_states_is_the_state(pipeline: Pipeline) -> None:
    found = places(pipeline, "Workers moved to states such as California or Washington.")
    washington, california = place_named(found, "Washington"), place_named(found, "California")
    assert washington is not None and washington.feature == "admin1" and washington.geonameid == 5815135
    assert california is not None and california.feature == "admin1"


def test_name_alone_keeps_its_city_sense(pipeline: Pipeline) -> None:
    washington = place_named(places(pipeline, "The senator flew to Washington on Monday."), "Washington")
    assert washington is not None and washington.feature == "city" and washington.geonameid == 4140963


def test_qualified_name_in_a_list_of_states_follows_its_qualifier(pipeline: Pipeline) -> None:
    found = places(pipeline, "Tourists visited Oregon and Washington, D.C., last year.")
    washington = place_named(found, "Washington")
    assert washington is not None and washington.geonameid == 4140963


def test_country_after_a_state_is_no_list(pipeline: Pipeline) -> None:
    found = places(pipeline, "Migrants camped in Juchitan, Oaxaca State, Mexico, on Monday.")
    mexico = place_named(found, "Mexico")
    assert mexico is not None and mexico.feature == "country" and mexico.country == "MEX"


def test_state_named_for_its_big_city_keeps_the_city(pipeline: Pipeline) -> None:
    gaza = place_named(places(pipeline, "Negotiators discussed the West Bank and Gaza on Tuesday."), "Gaza")
    assert gaza is not None and gaza.feature == "city"


def test_name_before_a_sites_noun_is_a_place(pipeline: Pipeline) -> None:
    text = ("Two bombs went off at the Qarmash border crossing on Friday. "
            "Police patrolled near the Belwandi checkpoint at dawn.")
    found = {m.text: p.feature for p in places(pipeline, text) for m in p.mentions}
    assert found.get("Qarmash") == "place" and found.get("Belwandi") == "place"
