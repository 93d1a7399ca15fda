"""Actors stage: named and nominal entities, merged, with title, country and sector."""

from __future__ import annotations

from polybius.analysis import Analysis
from polybius.extract.actors import antecedent, entity_at, extract_entities, speaker_antecedent
from polybius.model import Document, Place, Span


def _analysis(nlp, text: str, places: list[Place] | None = None) -> Analysis:  # type: ignore[no-untyped-def]
    return Analysis(document=Document(text=text), doc=nlp(text), places=places or [])


def _named(entities, name):  # type: ignore[no-untyped-def]
    return next(e for e in entities if e.name == name)


def test_surname_joins_the_full_name(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Defense Secretary Marcus Webber visited the base. Later, Webber met the troops."
    entities = extract_entities(_analysis(nlp, text))
    webber = _named(entities, "Marcus Webber")
    assert [m.text for m in webber.mentions] == ["Marcus Webber", "Webber"]


def test_title_gives_sector_and_country(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "US Defense Secretary Marcus Webber presented the plan on Monday."
    webber = _named(extract_entities(_analysis(nlp, text)), "Marcus Webber")
    assert webber.title == "US Defense Secretary"
    assert (webber.country, webber.sector) == ("USA", "GOV")


def test_possessive_is_not_part_of_the_name(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Greta Holm said the talks failed. Holm's aides disagreed."
    holm = _named(extract_entities(_analysis(nlp, text)), "Greta Holm")
    assert len(holm.mentions) == 2
    assert all(not m.text.endswith("'s") for m in holm.mentions)


def test_lexicon_alias_resolves_an_armed_group(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "ISIS fighters attacked the convoy near the river."
    entities = extract_entities(_analysis(nlp, text))
    group = _named(entities, "Islamic State")
    assert group.sector == "REB"


def test_country_acting_is_a_gpe_entity(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The US launched a strike on the camp."
    us = _named(extract_entities(_analysis(nlp, text)), "United States")
    assert (us.type, us.country) == ("GPE", "USA")


def test_nominal_government_gets_country_and_sector(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The Italian government sent two ships to the coast."
    entity = next(e for e in extract_entities(_analysis(nlp, text)) if e.nominal)
    assert entity.name == "Italian government"
    assert (entity.country, entity.sector) == ("ITA", "GOV")


def test_backed_militias_record_their_backer(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Aircraft provided cover to several US-backed militias in the valley."
    militias = next(e for e in extract_entities(_analysis(nlp, text)) if "militias" in e.name)
    assert militias.nominal
    assert (militias.backed_by, militias.sector) == ("USA", "REB")


def test_place_mention_is_not_made_a_person(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Fighting continued in Qarawa on Sunday, residents said."
    start = text.index("Qarawa")
    place = Place(id="p1", name="Qarawa", feature="city", mentions=[Span(start, start + 6, "Qarawa")])
    entities = extract_entities(_analysis(nlp, text, [place]))
    assert all(e.name != "Qarawa" for e in entities)


def test_entity_at_finds_the_entity_covering_a_span(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Senator Ada Brennick criticised the budget."
    analysis = _analysis(nlp, text)
    analysis.entities = extract_entities(analysis)
    start = text.index("Brennick")
    found = entity_at(analysis, start, start + len("Brennick"))
    assert found is not None and found.name == "Ada Brennick"
    assert entity_at(analysis, text.index("budget"), text.index("budget") + 6) is None


def test_two_word_demonym_gives_a_nominal_its_country(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The Sri Lankan army shelled the village on Monday."
    army = next(e for e in extract_entities(_analysis(nlp, text)) if e.nominal)
    assert army.country == "LKA"


def test_well_known_leader_has_a_country_without_a_title(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Merkel met the protesters in Paris on Tuesday."
    merkel = _named(extract_entities(_analysis(nlp, text)), "Merkel")
    assert merkel.country == "DEU"


def test_people_of_a_country_give_its_code(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Yoruba leaders rejected the plan on Sunday."
    leaders = next(e for e in extract_entities(_analysis(nlp, text)) if e.nominal)
    assert leaders.country == "NGA"


def test_office_of_an_international_body_has_no_home_country(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Arab League Secretary General Omar Tarik arrived in Cairo, Egypt's capital, on Monday."
    at = text.index("Cairo")
    cairo = Place(id="p1", name="Cairo", feature="city", country="EGY", mentions=[Span(at, at + 5, "Cairo")])
    tarik = _named(extract_entities(_analysis(nlp, text, [cairo])), "Omar Tarik")
    assert (tarik.country, tarik.sector) == (None, "IGO")


def test_local_group_belongs_where_the_story_is_set(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Protesters blocked roads in Nairobi on Monday."
    at = text.index("Nairobi")
    nairobi = Place(id="p1", name="Nairobi", feature="city", country="KEN", mentions=[Span(at, at + 7, "Nairobi")])
    protesters = next(e for e in extract_entities(_analysis(nlp, text, [nairobi])) if e.nominal)
    assert protesters.country == "KEN"


def test_ethnic_minority_belongs_where_it_lives(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Ethnic Albanians in Serbia demanded more rights."
    albanians = next(e for e in extract_entities(_analysis(nlp, text)) if e.type == "NORP")
    assert albanians.country == "SRB"


def test_untitled_person_is_of_the_country_the_story_is_about(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The Serbian government said Dragan Petrovic would lead the talks."
    petrovic = _named(extract_entities(_analysis(nlp, text)), "Dragan Petrovic")
    assert petrovic.country == "SRB"


def test_members_of_a_known_organisation_take_its_country_and_sector(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "A Houthi spokesman said the claims were lies. Houthi forces fired missiles at ships."
    entities = extract_entities(_analysis(nlp, text))
    assert (_named(entities, "Houthi spokesman").country, _named(entities, "Houthi spokesman").sector) == (
        "YEM", "REB")
    assert (_named(entities, "Houthi forces").country, _named(entities, "Houthi forces").sector) == ("YEM", "REB")


def test_name_in_apposition_takes_the_role_of_its_organisation(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "A Pentagon spokesman, Major Ellen Brooks, said the seizure took place off Yemen."
    brooks = _named(extract_entities(_analysis(nlp, text)), "Ellen Brooks")
    assert (brooks.country, brooks.sector) == ("USA", "MIL")


def test_opponents_of_an_organisation_are_not_its_members(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Anti-Taliban militias attacked the town."
    militias = next(e for e in extract_entities(_analysis(nlp, text)) if "militias" in e.name)
    assert militias.country != "AFG"


def test_a_group_is_named_without_its_count(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Militants killed at least 14 Malian soldiers. Later, Malian soldiers met US-backed militias."
    entities = extract_entities(_analysis(nlp, text))
    soldiers = _named(entities, "Malian soldiers")
    assert [m.text for m in soldiers.mentions] == ["at least 14 Malian soldiers", "Malian soldiers"]
    assert any(e.name == "US-backed militias" for e in entities)


def test_a_word_of_a_title_is_no_organisation(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "US Defense Secretary Marcus Webber met Lena Ortiz, then the Secretary of State, in Berlin."
    names = [e.name for e in extract_entities(_analysis(nlp, text))]
    assert "Defense" not in names and "State" not in names
    assert "Marcus Webber" in names


def test_noun_in_apposition_to_a_name_is_not_another_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Rebels tried to oust Omar Kessel, the longtime leader of the country."
    entities = extract_entities(_analysis(nlp, text))
    assert [e.name for e in entities if e.nominal and "leader" in e.name] == []
    kessel = _named(entities, "Omar Kessel")
    assert kessel.title == "longtime leader" and [m.text for m in kessel.mentions] == ["Omar Kessel", "longtime leader"]
    text = "The group's leader, Omar Kessel, ordered the attack."
    kessel = _named(extract_entities(_analysis(nlp, text)), "Omar Kessel")
    assert [m.text for m in kessel.mentions] == ["leader", "Omar Kessel"]  # the owner is not the leader


def test_definite_noun_refers_back_to_the_group_named_before(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "A local official said the toll could rise. Later the official said more. The soldiers left."
    entities = extract_entities(_analysis(nlp, text))
    official = _named(entities, "local official")
    assert [m.text for m in official.mentions] == ["local official", "official"]


def test_definite_noun_of_another_number_or_country_stays_apart(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Two Malian soldiers were killed. The soldier who survived fled. The soldiers from France left."
    entities = extract_entities(_analysis(nlp, text))
    assert len(_named(entities, "Malian soldiers").mentions) == 1
    assert {e.name for e in entities} >= {"soldier", "soldiers"}


def test_lower_case_noun_joins_the_one_word_name(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The army said troops were attacked. Army spokesman Colonel Ali Sow said the army would respond."
    entities = extract_entities(_analysis(nlp, text))
    armies = [e for e in entities if e.name.lower() == "army"]
    assert len(armies) == 1 and len(armies[0].mentions) >= 2


def test_possessive_pronoun_is_not_part_of_a_group_name(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Witnesses accused officers of firing. \"Our officers acted with restraint,\" he said."
    entities = extract_entities(_analysis(nlp, text))
    officers = _named(entities, "officers")
    assert len(officers.mentions) == 2 and "Our officers" not in [e.name for e in entities]


def test_officers_are_police_or_military_by_the_groups_around(nlp) -> None:  # type: ignore[no-untyped-def]
    sectors = {}
    for text in ("Police fired tear gas. Witnesses accused officers of firing.",
                 "Troops advanced on the town. Two officers were killed.",
                 "Army officers met police officers."):
        for entity in extract_entities(_analysis(nlp, text)):
            sectors[(text[:5], entity.name)] = entity.sector
    assert sectors[("Polic", "officers")] == "COP"
    assert sectors[("Troop", "officers")] == "MIL"
    assert (sectors[("Army ", "Army officers")], sectors[("Army ", "police officers")]) == ("MIL", "COP")


def test_bombers_personnel_and_hostages_are_groups_with_a_sector(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "A suicide bomber attacked the convoy. Three Russian military personnel and two hostages died."
    sectors = {e.name: (e.country, e.sector) for e in extract_entities(_analysis(nlp, text))}
    assert sectors["suicide bomber"] == (None, "REB")
    assert "bombers" not in {e.name for e in extract_entities(_analysis(nlp, "Russian bombers struck the hills."))}
    assert sectors["Russian military personnel"] == ("RUS", "MIL")
    assert sectors["hostages"][1] == "CVL"


def test_a_two_word_row_wins_over_the_nouns_own(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "The attorney general said a major general and the suicide bombers had been arrested."
    sectors = {e.name: e.sector for e in extract_entities(_analysis(nlp, text))}
    assert sectors["attorney general"] == "JUD"  # not MIL, as the row of "general" alone says
    assert sectors["major general"] == "MIL"
    assert sectors["suicide bombers"] == "REB"  # there is no row for "bomber" alone


def test_short_alias_in_capitals_is_known_but_not_inside_a_capitalised_headline(nlp) -> None:  # type: ignore[no-untyped-def]
    found = [e.name for e in extract_entities(_analysis(nlp, "Soldiers were killed in IS attacks near the river."))]
    assert "Islamic State" in found
    for text in ("THE SIEGE IS OVER, RESIDENTS SAY", "Who IS behind the attack?"):
        assert "Islamic State" not in [e.name for e in extract_entities(_analysis(nlp, text))]


def test_antecedent_prefers_groups_to_countries_and_stays_near(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Rebels attacked a camp in Helmand, Afghanistan. They killed 23 soldiers."
    analysis = _analysis(nlp, text)
    entities = extract_entities(analysis)
    they = next(t for t in analysis.doc if t.text == "They")
    found = antecedent(entities, they)
    assert found is not None and found.name == "Rebels"
    far = "Rebels attacked. It rained. It rained. It rained. They left."
    far_analysis = _analysis(nlp, far)
    they = next(t for t in far_analysis.doc if t.text == "They")
    assert antecedent(extract_entities(far_analysis), they) is None


def test_surname_after_of_joins_the_full_name(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Rebels ousted Omar Kessel, the longtime leader. The murder of Kessel shocked the region."
    kessel = _named(extract_entities(_analysis(nlp, text)), "Omar Kessel")
    assert [m.text for m in kessel.mentions] == ["Omar Kessel", "longtime leader", "Kessel"]


def test_time_adverb_is_not_part_of_a_title(nlp) -> None:  # type: ignore[no-untyped-def]
    for text in ("Lena Ortiz, then Secretary of State, visited Berlin.",
                 "Lena Ortiz, then Secretary of State in the Webber administration, visited Berlin."):
        assert _named(extract_entities(_analysis(nlp, text)), "Lena Ortiz").title == "Secretary of State"


def test_speaker_pronouns_take_the_last_fitting_actor_without_a_window(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Omar Kessel met a local official. It rained. It rained. It rained. He said the talks failed."
    analysis = _analysis(nlp, text)
    entities = extract_entities(analysis)
    he = next(t for t in analysis.doc if t.text == "He")
    found = speaker_antecedent(entities, he)
    assert found is not None and found.name == "Omar Kessel"  # an unnamed official speaks as "an official"
