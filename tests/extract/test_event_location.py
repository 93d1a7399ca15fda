"""Tests for polybius.extract.event_location: where an event happened."""

from __future__ import annotations

from spacy.tokens import Span

from polybius.analysis import Analysis
from polybius.extract.event_location import _inside_name, dateline_end, locate_event
from polybius.model import Document
from polybius.pipeline import Pipeline, run_stages


def analyse(pipeline: Pipeline, text: str) -> Analysis:
    analysis = Analysis(document=Document(text=text), doc=pipeline.nlp(text))
    run_stages(analysis)
    return analysis


def test_dateline_is_not_where_the_event_happened(pipeline: Pipeline) -> None:
    text = "BAMAKO, Mali (AP) \u2014 Gunmen opened fire on the post, officials said."
    assert text[:dateline_end(text)].startswith("BAMAKO, Mali (AP)")
    assert dateline_end("Gunmen opened fire in Bamako.") == 0
    analysis = analyse(pipeline, text)
    start = text.index("opened")
    place_id, _ = locate_event(analysis, start, start + len("opened"))
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
    assert _inside_name(doc[6:7])  # "Iraq" in "the Islamic State of Iraq"
    doc.ents = [Span(doc, 6, 7, label="ORG")]
    assert not _inside_name(doc[6:7])  # the whole name: not part of a longer one


def test_facility_named_after_a_town_still_places_the_event(pipeline: Pipeline) -> None:
    doc = pipeline.nlp("Prisoners rioted in the Karachi Central Jail on Monday.")
    doc.ents = [Span(doc, 4, 7, label="ORG")]
    assert not _inside_name(doc[4:5])
    doc = pipeline.nlp("Prisoners rioted in the Karachi Central Committee on Monday.")
    doc.ents = [Span(doc, 4, 7, label="ORG")]
    assert _inside_name(doc[4:5])
