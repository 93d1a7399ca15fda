"""The corpus overview of ``polybius stats``."""

from __future__ import annotations

from polybius.store import Store, StoredDocument
from polybius.store.stats import corpus_stats, render_stats
from tests.store.factory import make_report


def two_copies() -> Store:
    store = Store(":memory:")
    original, copy = make_report(), make_report(text="copy " * 40, source="b.txt")
    store.write([StoredDocument(original), StoredDocument(copy, original.document.id)])
    return store


def test_events_of_copies_are_counted_apart() -> None:
    stats = corpus_stats(two_copies())
    assert (stats["documents"], stats["copies"], stats["events"],
            stats["events_in_copies"]) == (2, 1, 1, 1)


def test_top_event_types_and_countries_are_listed() -> None:
    stats = corpus_stats(two_copies())
    assert stats["event_types"] == {"ASSAULT": 1}
    assert stats["event_countries"] == {"LBY": 1}


def test_rendered_stats_name_every_count() -> None:
    text = render_stats(corpus_stats(two_copies()))
    assert "documents                2" in text and "event types              ASSAULT 1" in text
