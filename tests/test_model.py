"""The report model: ids, JSON round trip, schema."""

from __future__ import annotations

from polybius.model import (
    Attribution,
    Document,
    Entity,
    Event,
    EventDate,
    Place,
    Quantity,
    Report,
    Source,
    Span,
    Time,
    content_id,
)
from polybius.schema import validation_errors


def full_report() -> Report:
    text = "Rebels attacked Sirte on Friday, killing 5, the army said."
    return Report(
        document=Document(text=text, source="t.txt", published="2016-03-09"),
        entities=[Entity("e1", "rebels", "NORP", [Span(0, 6, "Rebels")], country="LBY", sector="REB", nominal=True)],
        attributions=[Attribution("a1", Source("the army", 45, 53, anonymous=False), Span(54, 58, "said"),
                                  Span(0, 43, text[:43]))],
        events=[Event("ev1", "ASSAULT", Span(0, 43, text[:43]), actors=["e1"], place="p1",
                      date=EventDate("2016-03-04", "2016-03-04", "2016-03-04", "day", "clause", "t1"),
                      quantities=[Quantity("killed", 5, 5, False, "killing 5", 33, 42)],
                      status="claimed", attribution="a1", cameo="190")],
        places=[Place("p1", "Sirte", "city", [Span(16, 21, "Sirte")], 2210554, 31.2, 16.6, "LBY")],
        times=[Time("t1", "Friday", 25, 31, "2016-03-04", "2016-03-04", "2016-03-04", "day")],
    )


def test_document_id_is_the_sha256_of_the_text():
    assert Document(text="abc").id == content_id("abc") == (
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")


def test_report_round_trips_through_json():
    report = full_report()
    assert Report.from_json(report.to_json()) == report


def test_full_report_satisfies_the_schema():
    assert validation_errors(full_report().to_dict()) == []


def test_schema_rejects_an_unknown_event_type():
    data = full_report().to_dict()
    data["events"][0]["type"] = "PARTY"
    assert any("PARTY" in e for e in validation_errors(data))


def test_schema_key_comes_first():
    assert next(iter(full_report().to_dict())) == "schema"
