"""Event records for clustering, cluster replacement and event filters."""

from __future__ import annotations

from polybius.corpus.clusters import cluster_events
from polybius.model import Place, Span
from polybius.store import Store, StoredDocument
from polybius.store.queries import (
    EventFilter,
    event_records,
    events_relation,
    replace_clusters,
)
from tests.store.factory import make_report


def stored(*reports_and_links: tuple) -> Store:
    store = Store(":memory:")
    store.write([StoredDocument(r, duplicate_of=d) for r, d in reports_and_links])
    return store


def selected(store: Store, selection: EventFilter) -> list[str]:
    return [row[0] for row in events_relation(store, selection).fetchall()]


def test_event_records_carry_participants_place_and_toll() -> None:
    record = event_records(stored((make_report(), None)))[0]
    assert record.participants == {"name:united states", "country:USA"}
    assert (record.country, record.fatalities, record.source) == ("LBY", (40, 40), "officials")


def test_event_records_carry_the_story_s_most_named_town() -> None:
    report = make_report()
    report.places += [
        Place(id="p2", name="Tripoli", feature="city", lat=32.89, lon=13.19,
              mentions=[Span(0, 2, "US"), Span(3, 11, "aircraft")]),
        Place(id="p3", name="Libya", feature="country", lat=27.0, lon=17.0,
              mentions=[Span(0, 2, "US"), Span(3, 11, "aircraft"), Span(12, 18, "struck")]),
    ]
    story = event_records(stored((report, None)))[0].story
    assert story is not None and (story.name, story.lat) == ("Tripoli", 32.89)


def test_event_records_skip_copies() -> None:
    original = make_report()
    copy = make_report(text="copy " * 40)
    assert len(event_records(stored((original, None), (copy, original.document.id)))) == 1


def test_replacing_clusters_drops_the_old_ones() -> None:
    store = stored((make_report(), None), (make_report(text="other " * 40), None))
    replace_clusters(store, cluster_events(event_records(store)))
    replace_clusters(store, cluster_events(event_records(store)))
    assert store.query("SELECT count(*), sum(documents) FROM clusters")[0] == (1, 2)
    assert store.query("SELECT count(*) FROM cluster_members")[0][0] == 2


def test_filter_by_country_keeps_only_that_country() -> None:
    a, b = make_report(), make_report(text="other " * 40, country="TUN")
    store = stored((a, None), (b, None))
    assert selected(store, EventFilter(country="tun")) == [b.document.id]


def test_filter_by_type_keeps_only_that_type() -> None:
    a, b = make_report(), make_report(text="other " * 40, event_type="MOBILIZE")
    store = stored((a, None), (b, None))
    assert selected(store, EventFilter(type="mobilize")) == [b.document.id]


def test_filter_by_dates_keeps_overlapping_events() -> None:
    a, b = make_report(), make_report(text="other " * 40, day="2016-05-01")
    store = stored((a, None), (b, None))
    assert selected(store, EventFilter(date_from="2016-04-01", date_to="2016-05-01")) == [
        b.document.id]


def test_copies_are_left_out_unless_asked_for() -> None:
    original, copy = make_report(), make_report(text="copy " * 40)
    store = stored((original, None), (copy, original.document.id))
    assert len(selected(store, EventFilter())) == 1
    assert len(selected(store, EventFilter(include_duplicates=True))) == 2
