"""Tests for polybius.extract.event_location: where an event happened."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from polybius.analysis import Analysis
from polybius.extract.event_location import _scene_setter, _specificity, locate_event
from polybius.extract.place_phrases import governing_nominal, inside_name
from polybius.model import Document, Place
from polybius.pipeline import Pipeline, run_stages


def analyse(pipeline: Pipeline, text: str) -> Analysis:
    analysis = Analysis(document=Document(text=text), doc=pipeline.nlp(text))
    run_stages(analysis)
    return analysis


@pytest.mark.parametrize(("text", "verb"), [
    ("BAMAKO, Mali (AP) \u2014 Gunmen opened fire on the post, officials said.", "opened"),
    ("FORT LEWIS, Wash. - Soldiers were deployed on Monday.", "deployed"),
])
def test_dateline_is_not_where_the_event_happened(pipeline: Pipeline, text: str, verb: str) -> None:
    analysis = analyse(pipeline, text)
    start = text.index(verb)
    place_id, _ = locate_event(analysis, start, start + len(verb))
    assert place_id is None


def _place_text(analysis: Analysis, text: str, verb: str) -> str | None:
    start = text.index(verb)
    place_id, _ = locate_event(analysis, start, start + len(verb))
    place = next((p for p in analysis.places if p.id == place_id), None)
    return None if place is None else place.mentions[0].text


def test_name_continuing_into_its_head_places_the_event(pipeline: Pipeline) -> None:
    text = "ISIS launched a powerful assault last night in the Deir Ezzor Governorate, targeting the airport."
    analysis = analyse(pipeline, text)
    assert _place_text(analysis, text, "launched") is not None
    text = "Three soldiers were killed in the Wadi Barada Valley on Sunday."
    analysis = analyse(pipeline, text)
    assert _place_text(analysis, text, "killed") is not None


def test_participle_shares_the_object_place_of_its_verb(pipeline: Pipeline) -> None:
    text = "Gunmen attacked Damboa town on Monday, killing over 60 residents."
    analysis = analyse(pipeline, text)
    assert _place_text(analysis, text, "killing") == "Damboa"


def test_place_inside_an_organisation_name_is_not_the_event_place(pipeline: Pipeline) -> None:
    doc = pipeline.nlp("Members of the Islamic State of Iraq were killed in Mosul.")
    doc.ents = [Span(doc, 2, 7, label="ORG")]
    assert inside_name(doc[6:7])  # "Iraq" in "the Islamic State of Iraq"
    doc = pipeline.nlp(doc.text)  # a fresh parse: a doc's entities are read once (doc_views)
    doc.ents = [Span(doc, 6, 7, label="ORG")]
    assert not inside_name(doc[6:7])  # the whole name: not part of a longer one


def test_facility_named_after_a_town_still_places_the_event(pipeline: Pipeline) -> None:
    doc = pipeline.nlp("Prisoners rioted in the Karachi Central Jail on Monday.")
    doc.ents = [Span(doc, 4, 7, label="ORG")]
    assert not inside_name(doc[4:5])
    doc = pipeline.nlp("Prisoners rioted in the Karachi Central Committee on Monday.")
    doc.ents = [Span(doc, 4, 7, label="ORG")]
    assert inside_name(doc[4:5])


@pytest.mark.parametrize(("text", "verb", "expected"), [
    # the part, not the whole: "the X district of Y", "X, a town near Y", "Sadr City, a neighborhood of Y"
    ("Four civilians were killed in the Karam neighborhood of Mosul on Sunday.", "killed", "Karam"),
    ("A bomb exploded in the Nour neighborhood of the port city of Aden.", "exploded", "Nour"),
    ("Troops launched an offensive in the Jabal Orlan region of rural Aleppo on Saturday.", "launched",
     "Jabal Orlan"),
    ("Jets bombed a clinic in Tikrit, a town near Samarra, on Friday.", "bombed", "Tikrit"),
    ("The blast struck a bakery in Sadr City, a largely Shiite district of Baghdad.", "struck",
     "Sadr City"),
    # a direction from a place is near it; a distance from it is elsewhere
    ("Gunmen killed three people in a raid north of Baghdad.", "killed", "Baghdad"),
    ("Gunmen killed three people in a town 50 kilometers north of Baghdad.", "killed", None),
    # what a verb of saying reports is not where the saying happened
    ("Officials said militants attacked a checkpoint in Mosul.", "said", None),
    # origins: "of Milan" after a person, "from Hamburg, Germany", a name with an age
    ("Antonio Rossi, 43, of Milan, was shot on Tuesday.", "shot", None),
    ("Dr. Lena Voss, a chemistry lecturer from Hamburg, Germany, was shot on Wednesday.",
     "shot", None),
    ("Jordan, 56, was shot as he napped in his car.", "shot", None),
    # a country's stretch of land or sea, a town's police, a name before a weekday
    ("Warships patrolled Somalia's coastline on Monday.", "patrolled", "Somalia"),
    ("Dallas police shot a man on Friday.", "shot", "Dallas"),
    ("Police patrolled Harare Saturday.", "patrolled", "Harare"),
    # two-word locatives; a participle takes the place of the verb it hangs on
    ("Several hundred people protested outside of Kandahar on Friday.", "protested", "Kandahar"),
    ("Gunmen stormed the village of Mainok, killing 39 people.", "killing", "Mainok"),
    # a town in apposition after the state it lies in is the part, not a whole
    ("Rebels seized the trading hub of Kano State, Wudil, killing 30 people.", "killing", "Wudil"),
    ("Thousands of protesters marched from Geneva on Sunday.", "marched", "Geneva"),
    ("Soldiers were patrolling from Lindau to the airport when a mine exploded.", "patrolling", "Lindau"),
    ("The rebels were driven from Tarsus after a week of fighting.", "driven", "Tarsus"),
    ("A driver from Geneva was shot on Sunday.", "shot", None),
    # the object of a verb that acts on a place; a cause the event came after places it
    ("Rebels captured Aleppo after a long siege.", "captured", "Aleppo"),
    ("The smuggler was arrested after a car chase in Multan last week.", "arrested", "Multan"),
    # who the subject is, not where: a post held, an apposition, a relative clause
    ("Samir Haddad, the militia's commander in Tikrit, died in a drone strike last week.", "died", None),
    ("Samir Haddad died in a drone strike in Mosul last week.", "died", "Mosul"),
    ("Omar Rashid, the head of the cell's finances in Tikrit, was arrested with two aides.", "arrested", None),
    ("Karim Saleh, who ran a bakery near Kirkuk for years, was kidnapped on Friday.", "kidnapped", None),
    # a town owning a named building, a name typing a site, a name a place noun describes
    ("Dozens of nurses rallied in Lagos's National Theatre on Friday.", "rallied", "Lagos"),
    ("A truck bomb exploded at the Golani junction in northern Israel.", "exploded", "Golani"),
    ("Western Slavonia, the last part of Croatia held by rebels, was overrun by the army in May.", "overrun",
     "Western Slavonia"),
    # the place of an event protested against is that event's
    ("Thousands of farmers marched against the attacks on Mosul.", "marched", None),
    ("Thousands of farmers marched in Santiago against the law.", "marched", "Santiago"),
    # an event during a war on a place happened on that ground; whose visit or war it is says nothing
    ("The smuggler was arrested during the 1994 invasion of Haiti.", "arrested", "Haiti"),
    ("Troops patrolled the road during Kandahar's election.", "patrolled", None),
    # beyond the event's clause a country is that clause's setting; a town still places the event
    ("Two soldiers were wounded on Monday while the president was on holiday in Portugal.", "wounded", None),
    ("Two soldiers were wounded on Monday while the president was on holiday in Lisbon.", "wounded", "Lisbon"),
    # a place that says where the event's destination is does not outrank that destination
    ("The convoy drove on to the settlement of Kedumim in the West Bank on Friday.", "drove", "Kedumim"),
    # the second verb shares the first one's subject, and so its scene
    ("Rebels in Chad killed four villagers and wounded several others on Sunday.", "wounded", "Chad"),
    ("Troops in Mali shot two smugglers and arrested a third on Friday.", "arrested", "Mali"),
    # the event's own clause names its place first
    ("The colonel left a garrison at Kano and marched to Zaria with his men.", "marched", "Zaria"),
    # a clause going on at the time, whose subject is the event's: a country there places it
    ("The reporter was detained while travelling with the rebels in Chad.", "detained", "Chad"),
    ("Two smugglers were arrested hiding in a truck in Niger last week.", "arrested", "Niger"),
    # a clause with its own subject is another scene
    ("A guard was wounded while the president was on holiday in Portugal.", "wounded", None),
    # the object's doing, not the subject's
    ("The minister urged the council to put pressure on Chad.", "urged", None),
    # another event coordinated after the event's verb shares its scene
    ("Three villagers were killed and four wounded in an ambush in Chad on Monday.", "killed", "Chad"),
    ("Soldiers shot and killed two herders in Niger on Friday.", "shot", "Niger"),
    # a later state is no event of the scene
    ("The pilot was captured and later became a teacher in Canada.", "captured", None),
    # a participle without subject or conjunction goes on in its main clause's scene
    ("Police clashed with students in Kenya on Monday, injuring twelve.", "injuring", "Kenya"),
    # not a verb of saying: what was said there is no event there
    ("The council condemned the raids in Mali, stressing that they broke the law.", "stressing", None),
    # an event told in a relative clause on an event noun takes its country
    ("The group said it had carried out a raid in Chad in which its fighters killed nine soldiers.", "killed", "Chad"),
    # the act someone is arrested for or accused of has its own place
    ("A teacher was arrested for robbing a bank in Kano.", "arrested", None),
    ("The army accused the rebels of shelling a market in Kano.", "accused", None),
    ("A trader was arrested in Zaria for selling fake drugs in Kano.", "arrested", "Zaria"),
    # the ground a battle is for places the event
    ("Dozens of fighters were killed in the battle for Sirte last month.", "killed", "Sirte"),
    # what a relative clause says of someone happened anywhere
    ("Homes were burned in Kano by militants who accuse the governor of fraud.", "accuse", None),
    ("The crowd in Kano was joined by students who marched from the university.", "marched", None),
    # a relative adverb says where
    ("Homes were burned in Kano on Sunday, where the rebels who had fled the army regrouped.",
     "regrouped", "Kano"),
    # the parser reads the town as a list item after the country; it is the capital itself
    ("Rebels have surrounded the capital of the Czech Republic, Prague, and its airport.", "surrounded", "Prague"),
    # the name after the comma is the place noun before it, however the parser hung it
    ("In another Kano township, Dala, police patrolled overnight.", "patrolled", "Dala"),
    ("The mayor was shot in his office in the capital, Niamey on Monday.", "shot", "Niamey"),
    # "along with" adds one more object of a verb that has one
    ("The rebels captured the airport, along with the rest of Kano, in a single night.", "captured", "Kano"),
    # a town naming the spot a locative gives beats a country in a phrase on another noun
    ("The judge was shot outside his Kano home in the worst attack on a judge in Nigeria this year.",
     "shot", "Kano"),
])
def test_event_place_in_the_sentence(pipeline: Pipeline, text: str, verb: str, expected: str | None) -> None:
    analysis = analyse(pipeline, text)
    assert _place_text(analysis, text, verb) == expected


def test_where_someone_spoke_is_not_where_the_events_happened(pipeline) -> None:  # type: ignore[no-untyped-def]
    from polybius.model import Document

    text = ("The assailants opened fire on the post before dawn, the statement said. Army spokesman "
            "Souleymane Dembele told reporters in Bamako that troops had killed about 30 attackers.")
    report = pipeline.analyze(Document(text=text))
    assert [e.place for e in report.events if e.type == "ASSAULT"] == [None, None]


def test_event_in_a_town_the_model_tags_as_a_person(pipeline: Pipeline) -> None:
    text = "Five soldiers were killed in Khan Touman on Monday."
    analysis = analyse(pipeline, text)
    assert _place_text(analysis, text, "killed") == "Khan Touman"


def test_event_in_a_city_the_model_tags_as_a_nationality(pipeline: Pipeline) -> None:
    text = "Warplanes bombed rebel positions in Aleppo, killing 12 people."
    analysis = analyse(pipeline, text)
    assert _place_text(analysis, text, "bombed") == "Aleppo"


def test_place_in_the_event_phrase_beats_the_clause_it_hangs_on(pipeline: Pipeline) -> None:
    text = ("The army launched an assault in the Hama countryside on Monday, targeting the farms "
            "located northeast of the rebel town of Kafr Batna.")
    analysis = analyse(pipeline, text)
    assert _place_text(analysis, text, "targeting") == "Kafr Batna"
    assert _place_text(analysis, text, "launched") == "Hama"


def test_place_of_a_reports_source_is_not_the_event_place(pipeline: Pipeline) -> None:
    text = "According to a military source in Homs, the army killed 20 fighters on Monday."
    analysis = analyse(pipeline, text)
    assert _place_text(analysis, text, "killed") is None
    text = "According to a military source in Homs, the army killed 20 fighters in Palmyra."
    analysis = analyse(pipeline, text)
    assert _place_text(analysis, text, "killed") == "Palmyra"


@pytest.mark.parametrize(("text", "verb", "expected"), [
    ("Government troops retook most of Chad within a year.", "retook", "Chad"),
    ("A car bomb wrecked one of Kabul's oldest markets on Tuesday.", "wrecked", "Kabul"),
])
def test_share_of_a_place_is_the_place(pipeline: Pipeline, text: str, verb: str, expected: str) -> None:
    analysis = analyse(pipeline, text)
    assert _place_text(analysis, text, verb) == expected


@pytest.mark.parametrize(("text", "verb"), [
    ("The army launched an offensive on Sunday to capture the town of Qarfa.", "launched"),
    ("Rebel fighters managed to reach the town of Qarfa before dawn.", "managed"),
])
def test_object_of_what_the_event_set_out_to_do_is_its_place(pipeline: Pipeline, text: str, verb: str) -> None:
    analysis = analyse(pipeline, text)
    assert _place_text(analysis, text, verb) == "Qarfa"


def test_scene_setting_place_yields_to_the_place_the_event_names(pipeline: Pipeline) -> None:
    text = "In Sarajevo, a French soldier was shot in the neck while driving through the suburb of Dobrinja."
    analysis = analyse(pipeline, text)
    assert _place_text(analysis, text, "shot") == "Dobrinja"
    text = "In Sarajevo, a French soldier was shot by a sniper who had fired from the suburb of Dobrinja."
    analysis = analyse(pipeline, text)
    assert _place_text(analysis, text, "shot") == "Sarajevo"  # a relative clause tells of another act


@pytest.mark.parametrize("text, verb", [
    ("Bombs may not be falling. \"It is terrifying,\" he said in a recent interview in Honolulu.",
     "falling"),
    ("The minister spoke to reporters in Rome on Monday. Militants attacked a convoy.", "attacked"),
])
def test_place_of_another_sentence_does_not_place_the_event(pipeline: Pipeline, text: str,
                                                             verb: str) -> None:
    analysis = analyse(pipeline, text)
    start = text.index(verb)
    assert locate_event(analysis, start, start + len(verb)) == (None, "none")


@pytest.mark.parametrize("text, verb", [
    ("China warned North Korea to refrain from further tests.", "warned"),
    ("The European Union sanctioned Russia over the annexation.", "sanctioned"),
])
def test_place_addressed_by_the_event_is_not_its_place(pipeline: Pipeline, text: str, verb: str) -> None:
    assert _place_text(analyse(pipeline, text), text, verb) is None


@pytest.mark.parametrize("text, verb", [
    ("The ad showed Trump making an attack on Arizona Sen. John McCain.", "attack"),
    ("The Florida senator was attacked by critics.", "attacked"),
    ("In a White House statement, President Obama condemned Friday's test as provocative.", "condemned"),
])
def test_place_that_says_whose_person_or_statement_is_not_the_event_place(pipeline: Pipeline, text: str,
                                                                          verb: str) -> None:
    assert _place_text(analyse(pipeline, text), text, verb) is None


@pytest.mark.parametrize(("text", "verb", "expected"), [
    ("The detainees at Bagram were captured in Pakistan in 2002.", "captured", "Pakistan"),
    ("A young man from a village near Lahore was arrested in Karachi on Monday.", "arrested", "Karachi"),
    ("The market in Kandahar was destroyed by a bomb in Afghanistan.", "destroyed", "Kandahar"),
    ("The attack on Kandahar was repelled by troops in Afghanistan.", "repelled", "Kandahar"),
])
def test_the_subjects_surroundings_yield_to_the_place_the_clause_names(
        pipeline: Pipeline, text: str, verb: str, expected: str) -> None:
    analysis = analyse(pipeline, text)
    assert _place_text(analysis, text, verb) == expected


def test_scene_set_after_a_time_yields_to_the_place_the_event_names(pipeline: Pipeline) -> None:
    text = ("Late on Tuesday in the Hama province, the militia began a campaign to seize "
            "the town of Qarfa.")
    analysis = analyse(pipeline, text)
    assert _place_text(analysis, text, "began") == "Qarfa"


@pytest.mark.parametrize(("text", "verb"), [
    ("Thousands of fishermen have drowned since the dam on the Volta River was opened.", "drowned"),
    ("Two guards were wounded before the roads around Gao were reopened.", "wounded"),
])
def test_a_place_of_another_time_is_not_the_events(pipeline: Pipeline, text: str, verb: str) -> None:
    analysis = analyse(pipeline, text)
    assert _place_text(analysis, text, verb) is None


def test_a_name_typing_a_village_is_its_own_name_not_a_modifier(pipeline: Pipeline) -> None:
    doc = pipeline.nlp("Gunmen attacked Akoko village at dawn.")
    name, village = doc[2], doc[3]
    assert village.text == "village" and name.head.i == village.i
    for dep in ("compound", "nmod"):  # the parser labels "Akoko" either way
        name.dep_ = dep
        assert governing_nominal(name) == (village, False, True)


@pytest.mark.parametrize(("text", "verb", "expected"), [
    ("Four shepherds were killed in air strikes that hit the town of Qusayr.", "killed", "Qusayr"),
    ("The judge was stabbed on Monday as he entered the city of Basra.", "stabbed", "Basra"),
    ("Two car bombs targeting the town of Tuz Khurmatu wounded dozens of shoppers.", "wounded", "Tuz Khurmatu"),
    # a country the clause at its time entered places the event too
    ("Border guards arrested the smuggler when he entered Niger with forged papers.", "arrested", "Niger"),
    # not a clause after it: the country of another event
    ("The pilot was captured a week after the army invaded Mali.", "captured", None),
])
def test_what_the_events_circumstance_hit_or_entered_is_its_ground(
        pipeline: Pipeline, text: str, verb: str, expected: str) -> None:
    analysis = analyse(pipeline, text)
    assert _place_text(analysis, text, verb) == expected


def test_a_facility_a_part_noun_types_is_a_region(pipeline: Pipeline) -> None:
    doc = pipeline.nlp("The village lies in the Jabal Kurdo region, near the Kurdo airport.")
    region = next(t for t in doc if t.text == "region")
    airport = next(t for t in doc if t.text == "airport")
    facility = Place(id="P1", name="Jabal Kurdo", feature="facility")
    assert _specificity(facility, region) == _specificity(Place(id="P2", name="X", feature="region"), region)
    assert _specificity(facility, airport) < _specificity(Place(id="P3", name="Y", feature="city"), airport)


def test_a_facility_no_building_noun_types_is_no_smaller_than_a_town(pipeline: Pipeline) -> None:
    doc = pipeline.nlp("Rebels shelled Jabal Tomsa near the town of Orvel.")
    ridge = next(t for t in doc if t.text == "Tomsa")
    town = next(t for t in doc if t.text == "Orvel")
    facility = Place(id="P1", name="Jabal Tomsa", feature="facility")
    assert _specificity(facility, ridge) == _specificity(Place(id="P2", name="Orvel", feature="city"), town)


@pytest.mark.parametrize(("text", "name", "own_name"), [
    # "of" names a whole its own place noun types: the name before "district" is the district's
    ("A farmer was shot in the Orlan district of Veska province on Friday.", "Orlan", True),
    # a bare name after "of" is the part's name, and the town before the noun only says where
    ("A shell fell in the Sarajevo neighborhood of Dobrinja on Friday.", "Sarajevo", False),
])
def test_a_name_before_a_part_noun_is_its_own_when_of_names_a_typed_whole(
        pipeline: Pipeline, text: str, name: str, own_name: bool) -> None:
    doc = pipeline.nlp(text)
    token = next(t for t in doc if t.text == name)
    nominal, modifier, _ = governing_nominal(token)
    assert nominal.lower_ in ("district", "neighborhood") and modifier is not own_name


@pytest.mark.parametrize(("text", "name", "head"), [
    # a whole named with its capitalised type noun after "of" ("of Gombe State")
    ("Gunmen raided villages in Dambo and Kwaya local government areas of Gombe State on Monday.",
     "Dambo", "areas"),
    # the name continues into its capitalised type noun
    ("A bomber struck a market in Ili Prefecture on Monday.", "Ili", "Prefecture"),
])
def test_a_subdivision_type_noun_types_a_name(pipeline: Pipeline, text: str, name: str, head: str) -> None:
    doc = pipeline.nlp(text)
    token = next(t for t in doc if t.text == name)
    nominal, modifier, _ = governing_nominal(token)
    assert nominal.text == head and not modifier


def test_an_unknown_name_a_subdivision_noun_types_is_a_state(pipeline: Pipeline) -> None:
    doc = pipeline.nlp("Rebels shelled the village of Tarvel in the province of Veska.")
    province = next(t for t in doc if t.text == "province")
    village = next(t for t in doc if t.text == "village")
    veska = Place(id="P1", name="Veska", feature="place")
    tarvel = Place(id="P2", name="Tarvel", feature="place")
    assert _specificity(veska, province) == _specificity(Place(id="P3", name="X", feature="admin1"), province)
    assert _specificity(tarvel, village) < _specificity(veska, province)


def test_a_fronted_direction_sets_the_scene(pipeline: Pipeline) -> None:
    # the parser may take "North" for the subject; the phrase still opens the sentence
    text = "North of Kano, at least four guards were killed when gunmen raided the town of Wudil."
    analysis = analyse(pipeline, text)
    kano = next(m for place in analysis.places for m in place.mentions if m.text == "Kano")
    assert _scene_setter(analysis.doc, kano, text.index("killed"))
