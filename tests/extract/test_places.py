"""Tests for polybius.extract.places: toponyms, resolution and event location."""

from __future__ import annotations

from polybius.pipeline import Pipeline
from tests.extract.place_helpers import analyse, place_named


def test_city_mislabelled_as_person_is_found_after_locative(pipeline: Pipeline) -> None:
    analysis = analyse(pipeline, "Militia fighters regrouped in Misrata after the clashes.")
    place = place_named(analysis, "Misrata")
    assert place is not None and place.country == "LBY" and place.lat is not None


def test_curated_base_and_sea_have_features(pipeline: Pipeline) -> None:
    text = "Drones took off from Sigonella and patrolled the Aegean Sea on Monday."
    analysis = analyse(pipeline, text)
    base, sea = place_named(analysis, "Sigonella"), place_named(analysis, "Aegean Sea")
    assert base is not None and base.feature == "base" and base.country == "ITA"
    assert sea is not None and sea.feature == "sea"


def test_country_wins_over_homonymous_town(pipeline: Pipeline) -> None:
    analysis = analyse(pipeline, "Refugees crossed from Turkey to Greece by boat.")
    turkey, greece = place_named(analysis, "Turkey"), place_named(analysis, "Greece")
    assert turkey is not None and turkey.feature == "country" and turkey.country == "TUR"
    assert greece is not None and greece.feature == "country"


def test_document_context_picks_the_right_homonym(pipeline: Pipeline) -> None:
    text = "Lebanon's army deployed troops in Tripoli after a week of street fighting."
    place = place_named(analyse(pipeline, text), "Tripoli")
    assert place is not None and place.country == "LBN"


def test_explicit_qualifier_picks_the_homonym(pipeline: Pipeline) -> None:
    place = place_named(analyse(pipeline, "Police in Tripoli, Lebanon, made arrests."), "Tripoli")
    assert place is not None and place.country == "LBN"


def test_population_decides_without_context(pipeline: Pipeline) -> None:
    place = place_named(analyse(pipeline, "Talks were held in Tripoli on Sunday."), "Tripoli")
    assert place is not None and place.country == "LBY"


def test_directional_country_stays_region_level(pipeline: Pipeline) -> None:
    analysis = analyse(pipeline, "An airstrike hit a camp in western Libya last month.")
    place = place_named(analysis, "western Libya")
    assert place is not None and place.feature == "region" and place.country == "LBY"
    assert place.geonameid == 2215636  # the id of the country it is part of, as geoparsers give


def test_border_phrase_has_no_point(pipeline: Pipeline) -> None:
    analysis = analyse(pipeline, "The camp lies near the border with Tunisia.")
    place = place_named(analysis, "Tunisia")
    assert place is not None and place.feature == "border" and place.lat is None
    assert place.name == "border with Tunisia" and place.geonameid == 2464461


def test_person_name_that_is_a_town_is_not_a_place(pipeline: Pipeline) -> None:
    analysis = analyse(pipeline, "President Obama met Carter at the White House.")
    assert place_named(analysis, "Obama") is None
    assert place_named(analysis, "Carter") is None


def test_month_name_is_not_a_place(pipeline: Pipeline) -> None:
    analysis = analyse(pipeline, "The vote was postponed to March after protests in Cairo.")
    assert place_named(analysis, "March") is None
    assert place_named(analysis, "Cairo") is not None


def test_mentions_of_one_place_are_grouped(pipeline: Pipeline) -> None:
    text = "Troops reached Benghazi on Friday. Residents of Benghazi welcomed them."
    place = place_named(analyse(pipeline, text), "Benghazi")
    assert place is not None and len(place.mentions) == 2


def test_place_ids_are_numbered_in_order(pipeline: Pipeline) -> None:
    analysis = analyse(pipeline, "Flights linked Rome, Tunis and Cairo.")
    assert [p.id for p in analysis.places] == [f"p{i}" for i in range(1, len(analysis.places) + 1)]


def test_demonym_is_a_mention_of_its_country(pipeline: Pipeline) -> None:
    place = place_named(analyse(pipeline, "Italian troops arrived on Monday."), "Italian")
    assert place is not None and place.country == "ITA"


def test_mention_offsets_index_the_text(pipeline: Pipeline) -> None:
    text = "Clashes erupted in Sirte and Tobruk overnight."
    analysis = analyse(pipeline, text)
    spans = [m for p in analysis.places for m in p.mentions]
    assert spans and all(text[m.start:m.end] == m.text for m in spans)


def test_locate_event_takes_the_clause_place(pipeline: Pipeline) -> None:
    from polybius.extract.places import locate_event

    text = "Officials in Rome said that warplanes bombed a depot in Sirte."
    analysis = analyse(pipeline, text)
    start = text.index("bombed")
    place_id, scope = locate_event(analysis, start, start + len("bombed"))
    place = next(p for p in analysis.places if p.id == place_id)
    assert (place.name, scope) == ("Sirte", "clause")


def test_locate_event_ignores_modifiers(pipeline: Pipeline) -> None:
    from polybius.extract.places import locate_event

    text = "US officials criticised the plan."
    analysis = analyse(pipeline, text)
    start = text.index("criticised")
    assert locate_event(analysis, start, start + 10) == (None, "none")


def test_locate_event_falls_back_to_the_sentence(pipeline: Pipeline) -> None:
    from polybius.extract.places import locate_event

    text = "In Benghazi, gunmen who had arrived overnight attacked a checkpoint."
    analysis = analyse(pipeline, text)
    start = text.index("arrived")
    place_id, scope = locate_event(analysis, start, start + len("arrived"))
    assert place_id is not None and scope in ("clause", "sentence")


def test_locate_event_accepts_through(pipeline: Pipeline) -> None:
    from polybius.extract.places import locate_event

    text = "The convoy was ambushed as it drove through Misrata."
    analysis = analyse(pipeline, text)
    start = text.index("drove")
    place_id, _ = locate_event(analysis, start, start + len("drove"))
    place = next((p for p in analysis.places if p.id == place_id), None)
    assert place is not None and place.name == "Misrata"


def test_locate_event_ignores_a_country_modifying_a_noun(pipeline: Pipeline) -> None:
    from polybius.extract.places import locate_event

    text = "The commander was killed in a U.S. airstrike."
    analysis = analyse(pipeline, text)
    start = text.index("killed")
    assert locate_event(analysis, start, start + len("killed")) == (None, "none")


def test_locate_event_ignores_another_clauses_destination(pipeline: Pipeline) -> None:
    from polybius.extract.places import locate_event

    text = "After the minister flew to Rome, gunmen attacked the convoy."
    analysis = analyse(pipeline, text)
    start = text.index("attacked")
    assert locate_event(analysis, start, start + len("attacked")) == (None, "none")


def test_alternate_name_of_a_sizeable_town_is_found(pipeline: Pipeline) -> None:
    text = "Soldiers have been deployed to Misrata in the west to train militias."
    place = place_named(analyse(pipeline, text), "Misrata")
    assert place is not None and place.geonameid == 2214846


def test_place_inside_an_organisation_name_is_found(pipeline: Pipeline) -> None:
    text = "The Zimbabwe Tourism Authority reported fewer visitors this year."
    place = place_named(analyse(pipeline, text), "Zimbabwe")
    assert place is not None and place.feature == "country"


def test_unknown_place_entity_is_kept_without_coordinates(pipeline: Pipeline) -> None:
    text = "Gunmen attacked a checkpoint in Zorblatville, Libya, on Sunday."
    place = place_named(analyse(pipeline, text), "Zorblatville")
    assert place is not None and place.feature == "place"
    assert (place.lat, place.geonameid, place.country) == (None, None, "LBY")


def test_name_after_village_of_is_a_place_even_if_unknown(pipeline: Pipeline) -> None:
    text = "Rebels shelled the village of Qasr Bahlul on Sunday."
    place = place_named(analyse(pipeline, text), "Qasr Bahlul")
    assert place is not None and place.feature == "place" and place.lat is None


def test_state_abbreviation_after_city_is_admin1(pipeline: Pipeline) -> None:
    text = "A man was arrested in Gainesville, Ga., on Monday."
    analysis = analyse(pipeline, text)
    state = place_named(analysis, "Ga.")
    city = place_named(analysis, "Gainesville")
    assert state is not None and state.feature == "admin1"
    assert city is not None and city.geonameid == 4196586  # Gainesville, Georgia, not Florida


def test_state_of_another_country_is_a_subdivision(pipeline: Pipeline) -> None:
    analysis = analyse(pipeline, "Floods hit villages in Kerala on Monday.")
    place = place_named(analysis, "Kerala")
    assert place is not None and place.feature == "admin1" and place.country == "IND"
    assert place.geonameid is not None and place.lat is not None


def test_us_county_is_resolved_and_sets_the_state(pipeline: Pipeline) -> None:
    text = "The Rapides Parish sheriff said a bridge in Alexandria was closed."
    analysis = analyse(pipeline, text)
    parish, town = place_named(analysis, "Rapides Parish"), place_named(analysis, "Alexandria")
    assert parish is not None and parish.feature == "admin2" and parish.country == "USA"
    assert town is not None and town.country == "USA" and town.lat is not None and town.lat < 32


def test_town_in_an_organisation_name_follows_the_state_in_play(pipeline: Pipeline) -> None:
    text = ("The Mansfield Police Department wants to start a patrol program. The chief said "
            "Shreveport does the same.")
    place = place_named(analyse(pipeline, text), "Mansfield")
    assert place is not None and place.country == "USA"


def test_locative_reaches_over_a_compass_adjective(pipeline: Pipeline) -> None:
    analysis = analyse(pipeline, "The army launched an offensive in southern Aleppo today.")
    assert any(p.country == "SYR" and p.feature in ("city", "region") for p in analysis.places)


def test_names_before_counties_are_counties(pipeline: Pipeline) -> None:
    text = "Prosecutors in Kaufman, Rockwall and Hunt counties filed charges."
    analysis = analyse(pipeline, text)
    kaufman, hunt = place_named(analysis, "Kaufman"), place_named(analysis, "Hunt")
    assert kaufman is not None and kaufman.feature == "admin2" and kaufman.name == "Kaufman County"
    assert hunt is not None and hunt.feature == "admin2"


def test_nearby_places_decide_a_homonym(pipeline: Pipeline) -> None:
    text = "Firefighters from Huntsville helped. Walker County officials closed two roads."
    place = place_named(analyse(pipeline, text), "Huntsville")
    assert place is not None and place.country == "USA" and place.geonameid == 4699540  # Texas


def test_a_big_city_keeps_its_sense_in_a_story_naming_a_state_once(pipeline: Pipeline) -> None:
    text = ("The senator from Ohio flew to London on Monday. In London he met bankers before "
            "going on to Paris and Berlin.")
    place = place_named(analyse(pipeline, text), "London")
    assert place is not None and place.country == "GBR"


def test_a_name_split_by_the_model_is_joined_again(pipeline: Pipeline) -> None:
    analysis = analyse(pipeline, "The team was beaten by Trinidad and Tobago, officials said.")
    place = next((p for p in analysis.places if p.feature == "country" and p.country == "TTO"), None)
    assert place is not None


def test_later_mention_of_a_typed_unknown_town_is_the_same_place(pipeline: Pipeline) -> None:
    text = "Gunmen attacked the village of Jourin on Sunday. Residents fled around Jourin at dawn."
    analysis = analyse(pipeline, text)
    place = place_named(analysis, "Jourin")
    assert place is not None and len(place.mentions) == 2


def test_a_dateline_in_capitals_is_named_as_the_gazetteer_writes_it(pipeline: Pipeline) -> None:
    analysis = analyse(pipeline, "NAIROBI, Kenya (AP) — Police dispersed protesters on Friday.")
    place = place_named(analysis, "NAIROBI")
    assert place is not None and place.name == "Nairobi" and place.country == "KEN"


def test_district_with_its_abbreviated_type_is_looked_up_without_it(pipeline: Pipeline) -> None:
    analysis = analyse(pipeline, "Children displaced from villages of Guma LGA were treated for measles.")
    guma = place_named(analysis, "Guma LGA")
    assert guma is not None and guma.feature == "admin2" and guma.country == "NGA"


def test_demonym_before_a_hyphen_is_its_country(pipeline: Pipeline) -> None:
    analysis = analyse(pipeline, "The Russian-backed offensive on the town killed dozens of civilians.")
    russia = place_named(analysis, "Russian")
    assert russia is not None and russia.feature == "country" and russia.country == "RUS"


def test_name_in_a_wire_dateline_is_a_place_whatever_its_label(pipeline: Pipeline) -> None:
    text = "WINNIPEG \u2014 The opposition party said on Monday that hospital wait times had doubled."
    winnipeg = place_named(analyse(pipeline, text), "WINNIPEG")
    assert winnipeg is not None and winnipeg.country == "CAN" and winnipeg.feature == "city"


def test_name_before_ward_is_the_ward_not_a_town_of_that_name(pipeline: Pipeline) -> None:
    analysis = analyse(pipeline, "Gunmen killed three farmers at Jibu Ward in Wukari on Sunday.")
    ward = place_named(analysis, "Jibu Ward")
    assert ward is not None and ward.geonameid is None and place_named(analysis, "Jibu") is None


def test_name_the_model_cut_at_a_hyphen_is_found_whole(pipeline: Pipeline) -> None:
    text = "Officials want to make the tourism industry of Gilgit-Baltistan attractive to visitors."
    region = place_named(analyse(pipeline, text), "Gilgit-Baltistan")
    assert region is not None and region.feature == "admin1" and region.country == "PAK"


def test_names_spelt_with_an_ayn_or_after_stray_spaces_are_typed_places(pipeline: Pipeline) -> None:
    text = ("Rebels shelled the key town of \u2018Ayzarin on Sunday. Jets struck the village of "
            "Kha\u2019arib before dawn. Two soldiers died in the nearby town of  Duluzia on Monday.")
    analysis = analyse(pipeline, text)
    for name in ("Ayzarin", "Kha\u2019arib", "Duluzia"):
        assert place_named(analysis, name) is not None, name
    assert place_named(analysis, "Duluzia on Monday") is None  # a date is no part of the name


def test_acronym_before_a_place_noun_is_no_place(pipeline: Pipeline) -> None:
    text = "Jets struck an ISIS training camp near the Qarmash border crossing."
    analysis = analyse(pipeline, text)
    assert place_named(analysis, "ISIS") is None
    assert place_named(analysis, "Qarmash") is not None


def test_the_capital_is_the_capital_of_the_dateline_country(pipeline: Pipeline) -> None:
    text = "NAIROBI, Kenya (AP) — Police dispersed protesters in the capital on Friday."
    analysis = analyse(pipeline, text)
    place = place_named(analysis, "the capital")
    assert place is not None and place.name == "Nairobi" and place.country == "KEN"


def test_the_capital_of_a_named_country_is_not_guessed(pipeline: Pipeline) -> None:
    text = "Talks in Paris and Berlin ended. Delegates flew back to the capital of Chad."
    assert place_named(analyse(pipeline, text), "the capital") is None


def test_the_capital_needs_one_country_the_story_is_about(pipeline: Pipeline) -> None:
    text = "Talks in Paris and Berlin ended. The delegates flew back to the capital."
    assert place_named(analyse(pipeline, text), "the capital") is None


def test_one_place_named_once_is_not_the_story_s_country(pipeline: Pipeline) -> None:
    text = "In the capital on Saturday, as the minister left for Iran, two bombs killed four guards."
    assert place_named(analyse(pipeline, text), "the capital") is None


def test_dateline_state_is_what_its_bare_name_means(pipeline: Pipeline) -> None:
    text = ("OLYMPIA, Wash. - Farmers across Washington face a drought this summer. Officials in "
            "Washington, D.C., promised help.")
    analysis = analyse(pipeline, text)
    senses = {m.start: p.feature for p in analysis.places for m in p.mentions if m.text == "Washington"}
    assert senses[text.index("Washington")] == "admin1"
    assert senses[text.index("Washington, D.C.")] == "city"  # the qualifier says which


def test_part_of_a_dateline_name_is_no_place_of_its_own(pipeline: Pipeline) -> None:
    analysis = analyse(pipeline, "CAMP MURRAY, Wash. - Soldiers of the state guard trained on Monday.")
    assert place_named(analysis, "MURRAY") is None and place_named(analysis, "CAMP") is None


def test_abbreviation_split_off_a_name_is_joined_again(pipeline: Pipeline) -> None:
    analysis = analyse(pipeline, "ST. LOUIS – St. Louis Police announced two arrests on Monday.")
    place = place_named(analysis, "ST. LOUIS")
    assert place is not None and place.country == "USA" and place.feature == "city"
    assert place_named(analysis, "LOUIS") is None


def test_entity_cut_short_of_a_places_name_is_completed(pipeline: Pipeline) -> None:
    text = "Tickets are sold in 44 states, Washington, D.C., and the U.S. Virgin Islands."
    place = place_named(analyse(pipeline, text), "U.S. Virgin Islands")
    assert place is not None and place.country == "VIR"


def test_the_place_of_an_office_that_ends_an_entity_is_a_place(pipeline: Pipeline) -> None:
    text = "BINAN CITY, Laguna Mayor Ana Reyes has praised the youth sports program."
    place = place_named(analyse(pipeline, text), "Laguna")
    assert place is not None and place.country == "PHL" and place.feature == "admin2"


def test_each_demonym_of_a_compound_nationality_names_its_country(pipeline: Pipeline) -> None:
    analysis = analyse(pipeline, "The novelist was a Bosnian Serb member of a small literary circle.")
    bosnian = place_named(analysis, "Bosnian")
    assert bosnian is not None and bosnian.country == "BIH"
    text = "Many Central American migrants crossed into Mexico on Sunday."
    assert not any(p.country == "USA" for p in analyse(pipeline, text).places)


def test_a_big_town_that_opens_an_events_name_is_a_place(pipeline: Pipeline) -> None:
    text = "The 5th Muscat International Book Fair (MIBF) opened its doors on Friday."
    place = place_named(analyse(pipeline, text), "Muscat")
    assert place is not None and place.country == "OMN"


def test_untagged_name_opening_a_longer_run_is_placed_by_its_place_noun(pipeline: Pipeline) -> None:
    analysis = analyse(pipeline, "Militias burned the Croat village of Kupres on Saturday in central Bosnia.")
    kupres = place_named(analysis, "Kupres")
    assert kupres is not None and kupres.country == "BIH"


def test_a_name_left_unresolved_takes_the_place_its_other_mention_resolves_to(pipeline: Pipeline) -> None:
    text = ("The Carson City Council will vote on a new fire station on Tuesday. "
            "Firefighters in Carson City asked for more staff.")
    places = [p for p in analyse(pipeline, text).places if p.name == "Carson City"]
    assert len(places) == 1 and len(places[0].mentions) == 2 and places[0].geonameid is not None


def test_a_name_ending_in_its_places_type_word_is_that_place_named_elsewhere(pipeline: Pipeline) -> None:
    text = "The Peoria City Council backed the plan on Monday. Snow fell on Peoria overnight."
    analysis = analyse(pipeline, text)
    place = place_named(analysis, "Peoria")
    assert place is not None and place.feature == "city" and place.geonameid is not None
    assert any(m.text == "Peoria City" for m in place.mentions)


def test_a_demonym_after_a_hyphened_prefix_names_its_country(pipeline: Pipeline) -> None:
    analysis = analyse(pipeline, "Protesters voiced anti-American anger outside the embassy on Friday.")
    place = place_named(analysis, "American")
    assert place is not None and place.feature == "country" and place.country == "USA"


def test_a_name_a_site_or_landform_word_ends_is_a_site_where_it_is_taken_or_struck(
        pipeline: Pipeline) -> None:
    text = ("The militia captured Tarsi Hill on Monday. Rebels launched an assault on the Kalvar "
            "Military Airport. Nurses marched to the Vesna Hospital.")
    analysis = analyse(pipeline, text)
    for name in ("Tarsi Hill", "Kalvar Military Airport"):
        place = place_named(analysis, name)
        assert place is not None and place.feature == "facility" and place.geonameid is None, name
    assert place_named(analysis, "Vesna Hospital") is None  # a building, mostly an institution


def test_an_arabic_article_is_no_name_of_its_own(pipeline: Pipeline) -> None:
    text = ("Fighting spread to Al-Zarqiyah District on Sunday. Jets struck targets in al-Raqqa. "
            "A bomb went off inside the Al-Kawthariyah District of Hama, wounding two.")
    names = {p.name: p for p in analyse(pipeline, text).places}
    assert not any(p.country == "NOR" for p in names.values())  # not Ål, Norway
    assert "Al-Zarqiyah District" in names and "Al-Kawthariyah District" in names
    assert names["al-Raqqa"].country == "SYR"


def test_a_town_landmark_taken_or_struck_is_a_site(pipeline: Pipeline) -> None:
    text = ("Mortars hit the Dar Vesna Mosque at dusk. A grenade exploded on the al-Korvat Street, "
            "and shoppers fled near the al-Tarvi Park.")
    analysis = analyse(pipeline, text)
    found = {m.text for p in analysis.places if p.feature == "facility" for m in p.mentions}
    assert {"Dar Vesna Mosque", "al-Korvat Street", "al-Tarvi Park"} <= found, found


def test_fields_and_factories_taken_or_struck_are_sites(pipeline: Pipeline) -> None:
    text = "Drones struck the Korvash Gas Fields. Troops dug in near the Tavrin Cement Factory."
    found = {m.text for p in analyse(pipeline, text).places if p.feature == "facility" for m in p.mentions}
    assert {"Korvash Gas Fields", "Tavrin Cement Factory"} <= found, found
