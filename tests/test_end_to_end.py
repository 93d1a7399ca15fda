"""End to end: the bundled examples and the shared example article, through the CLI API."""

from __future__ import annotations

import pytest

from polybius.ingest import read_input
from polybius.options import Options
from polybius.schema import validation_errors

from .conftest import EXAMPLES

EXAMPLE_FILES = sorted(p for p in EXAMPLES.iterdir() if p.suffix in {".txt", ".md", ".html"})


def analyse_file(pipeline, path):
    [document] = list(read_input(str(path), Options()))
    return pipeline.analyze(document)


@pytest.fixture(scope="module")
def example_reports(pipeline):
    return {p.name: analyse_file(pipeline, p) for p in EXAMPLE_FILES}


@pytest.fixture(scope="module")
def libya(pipeline, shared_data):
    path = shared_data.parent / "examples" / "western-powers-libya-2016-03-09.txt"
    if not path.exists():
        pytest.skip(f"shared example not found at {path}")
    return analyse_file(pipeline, path)


def all_spans(report):
    for item in report.entities + report.places:
        yield from item.mentions
    for a in report.attributions:
        yield from (s for s in (a.cue, a.content) if s)
    for v in report.events:
        yield v.evidence
        yield from (s for s in (v.trigger,) if s)
    yield from report.times


def test_examples_are_bundled():
    assert {p.suffix for p in EXAMPLE_FILES} == {".txt", ".md", ".html"}


@pytest.mark.parametrize("name", [p.name for p in EXAMPLE_FILES])
def test_example_report_is_valid_and_complete(example_reports, name):
    report = example_reports[name]
    assert validation_errors(report.to_dict()) == []
    assert report.warnings == []
    assert report.entities and report.events and report.places and report.times and report.attributions


@pytest.mark.parametrize("name", [p.name for p in EXAMPLE_FILES])
def test_every_span_points_at_its_text(example_reports, name):
    report = example_reports[name]
    for span in all_spans(report):
        assert report.document.text[span.start:span.end] == span.text


def test_ids_referenced_by_events_exist(example_reports):
    for report in example_reports.values():
        entities = {e.id for e in report.entities}
        places = {p.id for p in report.places}
        attributions = {a.id for a in report.attributions}
        for v in report.events:
            assert set(v.actors + v.recipients) <= entities
            assert v.place is None or v.place in places
            assert v.attribution is None or v.attribution in attributions


# The shared example, as issue 2 describes "done".

def test_libya_document_metadata(libya):
    d = libya.document
    assert d.title == "Western Powers Prepare Military Operations in Libya"
    assert (d.authors, d.publisher, d.published) == (["Niles Williamson"], "Global Research", "2016-03-09")
    assert d.original_source == "World Socialist Web Site"
    assert set(d.tags) == {"Region", "Theme", "In-depth Report"}
    assert "Disclaimer" not in d.text and "Copyright" not in d.text and "fair use" not in d.text


def test_libya_report_is_valid(libya):
    assert validation_errors(libya.to_dict()) == []
    for span in all_spans(libya):
        assert libya.document.text[span.start:span.end] == span.text


def test_libya_quotes_are_attributed_to_their_speakers(libya):
    names = {e.id: e.name for e in libya.entities}
    speakers = {names.get(a.source.entity or "", a.source.text) for a in libya.attributions if a.direct}
    for surname in ("Clinton", "Phillips", "Renzi", "Carlino"):
        assert any(surname in s for s in speakers), (surname, speakers)
    assert any(a.source.anonymous and "diplomat" in a.source.text for a in libya.attributions)


def test_libya_times_citing_officials_is_a_chain(libya):
    by_id = {a.id: a for a in libya.attributions}
    officials = [a for a in libya.attributions if "officials" in a.source.text and a.source.anonymous]
    assert any(a.via and "Times" in by_id[a.via].source.text for a in officials)


def test_libya_last_month_airstrike(libya):
    places = {p.id: p for p in libya.places}
    names = {e.id: e for e in libya.entities}
    strikes = [v for v in libya.events if v.type == "ASSAULT" and "as many as 50" in v.evidence.text]
    assert len(strikes) == 1
    strike = strikes[0]
    assert strike.status == "occurred"
    assert any(names[a].country == "USA" for a in strike.actors)
    assert strike.date is not None and strike.date.value == "2016-02"
    assert strike.place and places[strike.place].country == "LBY"
    assert any(q.kind == "killed" and q.max == 50 for q in strike.quantities)


def test_libya_last_friday_is_resolved(libya):
    assert any(t.text.lower() == "last friday" and t.value == "2016-03-04" for t in libya.times)


def test_libya_places_have_coordinates(libya):
    located = {p.name for p in libya.places if p.lat is not None and p.lon is not None}
    for name in ("Misrata", "Benghazi", "Sirte", "Tripoli", "Tobruk", "Rome", "Sigonella"):
        assert any(name in n for n in located), (name, located)
    tripoli = next(p for p in libya.places if p.name.startswith("Tripoli"))
    assert tripoli.country == "LBY"
