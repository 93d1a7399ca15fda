"""Tests for polybius.extract.place_mentions: mislabelled names, one sense, outlet names."""

from __future__ import annotations

import pytest

from polybius.extract.place_mentions import ground_object, in_outlet_name, named_place
from polybius.pipeline import Pipeline
from tests.extract.place_helpers import analyse, place_named


def test_town_tagged_as_organisation_is_a_place_after_locative(pipeline: Pipeline) -> None:
    analysis = analyse(pipeline, "Fighting continued in Katmandu and Kisumu on Friday.")
    place = place_named(analysis, "Kisumu")
    assert place is not None and place.country == "KEN" and place.lat is not None


def test_unknown_names_tagged_as_people_after_locative_are_places(pipeline: Pipeline) -> None:
    analysis = analyse(pipeline, "Fighting raged in Khan Touman and Zabdeen.")
    assert place_named(analysis, "Khan Touman") is not None
    assert place_named(analysis, "Zabdeen") is not None


def test_people_and_organisations_stay_no_places(pipeline: Pipeline) -> None:
    text = ("Nobody talks about Russia and Sunny Madsen. She was a believer in God. "
            "Talks between Israel and Hamas collapsed. He stayed in Victoria Hallam's hotel room.")
    analysis = analyse(pipeline, text)
    for name in ("Sunny Madsen", "God", "Hamas", "Victoria Hallam"):
        assert place_named(analysis, name) is None, name


def test_places_inside_news_outlet_names_are_no_places(pipeline: Pipeline) -> None:
    text = "The Washington Post and The New York Times reported the raid in Toronto."
    analysis = analyse(pipeline, text)
    assert place_named(analysis, "Washington") is None
    assert place_named(analysis, "New York") is None
    assert place_named(analysis, "Toronto") is not None
    doc = analysis.doc
    assert in_outlet_name(doc[1:2])


def test_one_sense_per_document_for_a_name_typed_as_a_place(pipeline: Pipeline) -> None:
    text = "Shells hit the town of Boni on Monday. Troops moved around Boni later. Boni was shelled again."
    analysis = analyse(pipeline, text)
    place = place_named(analysis, "Boni")
    assert place is not None and len(place.mentions) == 3
    assert not any(e.type == "PERSON" and e.name == "Boni" for e in analysis.entities)


def test_direction_word_before_a_city(pipeline: Pipeline) -> None:
    analysis = analyse(pipeline, "Police raided homes in east Jerusalem on Monday.")
    assert any("Jerusalem" in m.text for p in analysis.places for m in p.mentions)
    doc = pipeline.nlp("Rebels advanced in eastern Aleppo.")
    span = doc[4:5]
    assert named_place(span, "NORP")  # whatever the model calls it, the compass word says "place"


def test_unknown_town_keeps_its_sense_and_is_no_person(pipeline: Pipeline) -> None:
    text = ("Fighters attacked an army post near the town of Boni in Mali on Tuesday. "
            "Hundreds of families have fled villages around Boni since September.")
    analysis = analyse(pipeline, text)
    place = place_named(analysis, "Boni")
    assert place is not None and len(place.mentions) == 2
    assert place.country != "DEU"  # an alternate name of Bonn is not the Malian town
    assert not any(e.name == "Boni" for e in analysis.entities)


def test_a_name_before_a_new_clause_subject_is_not_qualified_by_it(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("A diplomat quoted by Reuters, Saudi Arabia is ready to host the talks.")
    reuters = next(e for e in doc.ents if e.text == "Reuters")
    assert named_place(reuters, reuters.label_) is False


def test_object_of_a_verb_of_ground_is_a_place_the_gazetteer_lacks(pipeline: Pipeline) -> None:
    text = ("Soldiers patrolled Korvani on Monday night after the riots. "
            "Kurmashi and Belgovo were encircled by the army overnight. "
            "Police captured Mendoza on Tuesday.")
    analysis = analyse(pipeline, text)
    for name in ("Korvani", "Kurmashi", "Belgovo"):
        place = place_named(analysis, name)
        assert place is not None and place.feature == "place", name
    assert place_named(analysis, "Mendoza") is None  # a captured name may be a person's


def test_name_opening_with_a_hyphenated_article_after_a_locative_is_a_place(pipeline: Pipeline) -> None:
    text = "Fighting raged in Al-Qarnousa for days. Voters in Al Gore's home state were angry."
    analysis = analyse(pipeline, text)
    place = place_named(analysis, "Al-Qarnousa")
    assert place is not None and place.feature == "place"
    assert place_named(analysis, "Al Gore") is None


def _word(doc, name: str):  # type: ignore[no-untyped-def]
    """The one-token span of ``name`` in ``doc``."""
    i = next(t.i for t in doc if t.text == name)
    return doc[i:i + 1]


@pytest.mark.parametrize(("text", "name"), [
    ("Mortars fell last March in Tulkarovo, wounding nine.", "Tulkarovo"),
    ("Separately in Zemmoura -- a hill district -- two guards died.", "Zemmoura"),
    ("Around Berkovina, a lorry overturned.", "Berkovina"),
    ("Rockets hit a school in  Kozlevo.", "Kozlevo"),
])
def test_locative_after_a_date_or_sentence_adverb_or_opening_a_sentence(nlp, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    assert named_place(_word(nlp(text), name), "ORG")


def test_a_preposition_inside_a_longer_name_is_no_locative(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("He backed Hope in Harlow for years.")
    assert not named_place(doc[4:5], "ORG")


def test_a_distance_after_a_name_is_no_age(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Two farmers were shot in Halvesti, 60 kilometres south of the border.")
    assert named_place(doc[5:6], "PERSON")
    doc = nlp("Police questioned Halvesti, 41, on Monday.")
    assert not named_place(doc[2:3], "PERSON")  # an age


def test_a_plural_place_noun_after_a_list_types_each_name(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Rockets hit the Kurvani and Belgoz villages overnight.")
    for i in (3, 5):
        assert named_place(doc[i:i + 1], "PERSON"), doc[i].text
    doc = nlp("The Harlow and Jenkins camps traded insults.")
    assert not named_place(doc[1:2], "PERSON")  # a faction's camp


def test_an_island_or_mountain_after_a_name_makes_it_a_place(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Marines patrolled the whole of Tavuli island and Korsek mountain.")
    assert named_place(doc[5:6], "ORG")
    assert named_place(doc[8:9], "PERSON")


@pytest.mark.parametrize(("text", "name"), [
    ("Gunners shelled Vardenik overnight.", "Vardenik"),
    ("Jets bombed Kostrava at dawn.", "Kostrava"),
    ("The brigade liberated Orhanli on Sunday.", "Orhanli"),
    ("Troops moved to recapture Belgrazh.", "Belgrazh"),
    ("Thousands fled Zarnovek last winter.", "Zarnovek"),
])
def test_the_object_of_shelling_bombing_liberating_or_fleeing_is_ground(nlp, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    assert ground_object(_word(nlp(text), name))


def _words(doc, name: str):  # type: ignore[no-untyped-def]
    """The span of the (multi-word) ``name`` in ``doc``."""
    start = doc.text.index(name)
    return doc.char_span(start, start + len(name))


def test_the_object_of_surrounding_is_ground(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Gunmen looted the hamlets surrounding Korvetsi overnight.")
    assert ground_object(_word(doc, "Korvetsi"))


def test_a_hyphened_modifier_between_a_locative_and_a_name(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("In rebel-held Tavrinsk, nurses treated the wounded.")
    assert named_place(_word(doc, "Tavrinsk"), "PERSON")


def test_the_possessor_of_a_part_of_a_place(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Sentries guarded Korsevka's perimeter through the night.")
    assert named_place(_word(doc, "Korsevka"), "ORG")
    doc = nlp("Officials doubted Harlow's view of the deal.")
    assert not named_place(_word(doc, "Harlow"), "ORG")


@pytest.mark.parametrize(("text", "name"), [
    ("Floods cut off the capital city Varda Gol for a week.", "Varda Gol"),
    ("Supplies reached the district seat of Ban Tavo by truck.", "Ban Tavo"),
    ("Villagers near a spot called Korbeti fled the floods.", "Korbeti"),
    ("Smugglers crossed a district known as El Morrito at night.", "El Morrito"),
])
def test_a_place_noun_or_a_naming_verb_types_a_name(nlp, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    assert named_place(_words(nlp(text), name), "PERSON")


def test_a_prefixed_name_taken_by_a_verb_of_taking_ground(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Militias seized Jabal Tarvoun in March.")
    assert named_place(_words(doc, "Jabal Tarvoun"), "PERSON")
    doc = nlp("Militias seized Tom Tarvoun in March.")
    assert not named_place(_words(doc, "Tom Tarvoun"), "PERSON")


def test_a_name_tagged_an_event_is_a_place_only_as_ground(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Tanks entered Korvadin before noon.")
    assert named_place(_word(doc, "Korvadin"), "EVENT")
    doc = nlp("Crowds cheered as Korvadin ended.")
    assert not named_place(_word(doc, "Korvadin"), "EVENT")


@pytest.mark.parametrize(("text", "name"), [
    ("Clashes erupted at Tal Varsek before dawn.", "Tal Varsek"),
    ("Herders graze goats between Deir Korvan and the river.", "Deir Korvan"),
    ("Snipers fired from Kafr Tavuli all week.", "Kafr Tavuli"),
    ("Clashes broke out at Al-Korvash overnight.", "Al-Korvash"),
])
def test_any_locative_places_a_name_shaped_as_an_arabic_place_name(nlp, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    assert named_place(_words(nlp(text), name), "PERSON")


def test_a_locative_places_a_name_over_the_determiner_of_its_place_noun(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Artillery fell in the Korvashi sector again.")
    assert named_place(_word(doc, "Korvashi"), "ORG")
    doc = nlp("He served in the Korvashi navy for years.")
    assert not named_place(_word(doc, "Korvashi"), "ORG")
    doc = nlp("Farming thrives in the Korvashi heartland.")
    assert not named_place(_word(doc, "Korvashi"), "NORP")  # a people's heartland


def test_a_lowercase_subdivision_noun_after_a_name(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Officials of the Tavuria state police resigned.")
    assert named_place(_word(doc, "Tavuria"), "NORP")
    doc = nlp("Officials of the Tavuria support group resigned.")
    assert not named_place(_word(doc, "Tavuria"), "NORP")
    doc = nlp("The senator carried a Midwestern state last week.")
    assert not named_place(_word(doc, "Midwestern"), "NORP")


def test_organisations_after_weaker_locatives_and_events_in_capitals_are_no_places(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The club's defeat to Al-Korvash angered its fans.")
    assert not named_place(_words(doc, "Al-Korvash"), "ORG")
    doc = nlp("Analysts see rivalry between al-Korvash and another group.")
    assert not named_place(_words(doc, "al-Korvash"), "ORG")
    doc = nlp("Rookies entered MX II with high hopes.")
    assert not named_place(_words(doc, "MX II"), "EVENT")


@pytest.mark.parametrize(("text", "name"), [
    ("Pilgrims walked to Korvesh for the festival.", "Korvesh"),
    ("The herders were driven back to Tavrali by the storm.", "Tavrali"),
])
def test_to_after_a_verb_of_going_places_a_name(nlp, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    assert named_place(_word(nlp(text), name), "PERSON")


def test_to_after_other_verbs_places_no_name(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The minister wrote to Korvesh about the budget.")
    assert not named_place(_word(doc, "Korvesh"), "PERSON")
    doc = nlp("The injured driver was flown to Korvesh Medical Center overnight.")
    assert not named_place(_words(doc, "Korvesh Medical Center"), "ORG")  # a hospital


def test_an_opening_quote_for_an_ayn_between_a_locative_and_a_name(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Fog settled over farms in ‘Ayn Tarvila, residents said.")
    assert named_place(_words(doc, "Ayn Tarvila"), "PERSON")
