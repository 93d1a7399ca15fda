"""Tests for polybius.extract.place_resolution: which gazetteer entry a toponym denotes."""

from __future__ import annotations

import pytest

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


def test_state_named_for_its_big_city_keeps_the_city(pipeline: Pipeline) -> None:
    gaza = place_named(places(pipeline, "Negotiators discussed the West Bank and Gaza on Tuesday."), "Gaza")
    assert gaza is not None and gaza.feature == "city"


def test_name_tagged_a_person_is_the_place_the_model_tags_elsewhere(pipeline: Pipeline) -> None:
    found = places(pipeline, "Farmers marched to the capital of Tamil Nadu on Monday. Tamil Nadu said "
                             "the dam would flood their villages.")
    state = place_named(found, "Tamil Nadu")
    assert state is not None and state.feature == "admin1" and len(state.mentions) == 2


def test_town_a_named_person_is_from_is_a_place(pipeline: Pipeline) -> None:
    found = places(pipeline, "In 2018, Mark and Ellen Ostrow of Bellmore appeared as guests on the quiz.")
    town = place_named(found, "Bellmore")
    assert town is not None and town.feature == "city" and town.country == "USA"
    found = places(pipeline, "The court heard that John Smith, 60, of Hayes, had denied the charge.")
    assert place_named(found, "Hayes") is not None


def test_name_before_a_sites_noun_is_a_place(pipeline: Pipeline) -> None:
    text = ("Two bombs went off at the Qarmash border crossing on Friday. "
            "Police patrolled near the Belwandi checkpoint at dawn.")
    found = {m.text: p.feature for p in places(pipeline, text) for m in p.mentions}
    assert found.get("Qarmash") == "place" and found.get("Belwandi") == "place"


def test_surname_of_a_person_named_in_full_is_the_person(pipeline: Pipeline) -> None:
    text = "Hillary Clinton released a new ad on Monday. Blige sings to Clinton before asking her."
    assert place_named(places(pipeline, text), "Clinton") is None


def test_surname_qualified_by_its_state_stays_a_place(pipeline: Pipeline) -> None:
    text = "Bill Clinton thanked the crowd. Voters in Clinton, Iowa, cheered."
    clinton = place_named(places(pipeline, text), "Clinton")
    assert clinton is not None and clinton.country == "USA"


def test_a_tribal_agency_by_its_full_name_is_a_place(pipeline: Pipeline) -> None:
    text = "The army chief on Thursday opened two new schools in South Waziristan Agency (SWA)."
    place = place_named(places(pipeline, text), "South Waziristan Agency")
    assert place is not None and place.country == "PAK" and place.feature == "admin2"


def test_a_district_in_a_longer_name_is_no_district_elsewhere(pipeline: Pipeline) -> None:
    text = "The army carried out a vicious assault at the Dara’a Al-Balad District, killing several militants."
    assert not any(p.country == "IRQ" for p in places(pipeline, text))


def test_big_town_tagged_a_person_is_a_place_as_the_object_of_of(pipeline: Pipeline) -> None:
    kandy = place_named(places(pipeline, "Gunmen shot dead the former mayor of Kandy near a temple."), "Kandy")
    assert kandy is not None and kandy.country == "LKA"


def test_big_town_modifying_a_home_is_a_place(pipeline: Pipeline) -> None:
    kandy = place_named(places(pipeline, "Gunmen killed two guards outside her Kandy home."), "Kandy")
    assert kandy is not None and kandy.country == "LKA"


def test_town_of_some_size_tagged_an_organisation_is_a_place_as_the_object_of_of(pipeline: Pipeline) -> None:
    bouar = place_named(places(pipeline, "Gunmen shot dead the former mayor of Bouar near a church."), "Bouar")
    assert bouar is not None and bouar.country == "CAF"


def test_surname_after_of_or_on_a_non_place_noun_is_no_town(pipeline: Pipeline) -> None:
    text = "Critics of Jackson say the policy failed. An attack on Madison drew condemnation."
    found = places(pipeline, text)
    assert place_named(found, "Jackson") is None and place_named(found, "Madison") is None


@pytest.mark.parametrize(("text", "surface", "feature", "country"), [
    pytest.param("Italian troops patrolled the port of Misrata.",
                 "Italian", "country", "ITA",
                 id="adjective_of_a_sovereign_country_stays_the_country"),
    pytest.param("Migrants camped in Juchitan, Oaxaca State, Mexico, on Monday.",
                 "Mexico", "country", "MEX",
                 id="country_after_a_state_is_no_list"),
    pytest.param("The governor of Plateau State said the roads to Jos were closed.",
                 "Plateau State", "admin1", "NGA",
                 id="state_by_its_typed_name_is_a_place_whatever_its_label"),
    pytest.param("Fans cheered when the racing series returned to Hampshire on the weekend.",
                 "Hampshire", "admin2", "GBR",
                 id="county_beside_a_town_is_a_sense_of_a_name_placed_by_a_preposition"),
    pytest.param("Hundreds of migrants camped in Matias Romero, Oaxaca, on Wednesday.",
                 "Matias Romero", "city", "MEX",
                 id="small_town_by_another_name_is_found_with_its_state_after_it"),
    pytest.param("Gunmen attacked a village in Guma Local Government Area of Benue on Sunday.",
                 "Guma Local Government Area", "admin2", "NGA",
                 id="district_by_its_typed_name_is_the_district"),
    pytest.param("A kayaker was rescued near New Quay, Ceredigion, on Monday.",
                 "Ceredigion", "admin2", "GBR",
                 id="county_after_a_town_in_its_state_is_a_place"),
])
def test_name_resolves_to_the_feature_and_country(pipeline: Pipeline, text: str, surface: str, feature: str,
                                                  country: str) -> None:
    place = place_named(places(pipeline, text), surface)
    assert place is not None and (place.feature, place.country) == (feature, country)
