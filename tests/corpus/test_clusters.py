"""Event clustering across articles and the disagreements a cluster keeps."""

from __future__ import annotations

from datetime import date

from polybius.corpus.clusters import EventRecord, NamedPoint, cluster_events, date_range

DAY = date(2016, 2, 19)


def record(doc: str, **changes: object) -> EventRecord:
    """An ASSAULT by the US near Sabratha on 2016-02-19, changed as asked."""
    fields: dict[str, object] = {
        "document_id": doc, "event_id": "v1", "type": "ASSAULT", "start": DAY, "end": DAY,
        "participants": frozenset({"country:USA"}), "lat": 32.79, "lon": 12.48,
        "country": "LBY", "place_name": "Sabratha"}
    fields.update(changes)
    return EventRecord(**fields)  # type: ignore[arg-type]


def sizes(records: list[EventRecord]) -> list[int]:
    return sorted(len(c.members) for c in cluster_events(records))


def test_two_reports_of_one_strike_form_one_cluster() -> None:
    clusters = cluster_events([record("a"), record("b", lat=32.9, lon=12.3)])
    assert len(clusters) == 1 and clusters[0].documents == 2


def test_different_event_types_stay_apart() -> None:
    assert sizes([record("a"), record("b", type="MOBILIZE")]) == [1, 1]


def test_places_farther_than_the_limit_stay_apart() -> None:
    assert sizes([record("a"), record("b", lat=32.88, lon=13.19 + 8)]) == [1, 1]


def test_non_overlapping_dates_stay_apart() -> None:
    later = date(2016, 3, 2)
    assert sizes([record("a"), record("b", start=later, end=later)]) == [1, 1]


def test_disjoint_participants_stay_apart() -> None:
    assert sizes([record("a"), record("b", participants=frozenset({"country:FRA"}))]) == [1, 1]


def test_unknown_participants_do_not_block_a_match() -> None:
    assert sizes([record("a"), record("b", participants=frozenset())]) == [2]


def test_disagreements_keep_fatality_range_and_denials() -> None:
    clusters = cluster_events([
        record("a", fatalities=(40, 40)),
        record("b", fatalities=(30, 50), status="denied", source="the ministry"),
    ])
    found = clusters[0].disagreements
    assert (found["fatalities"]["min"], found["fatalities"]["max"]) == (30, 50)
    assert found["claims"] == [{"document": "b", "status": "denied", "source": "the ministry"}]


def test_undated_event_falls_back_to_days_before_publication() -> None:
    assert date_range(None, None, "2016-02-20") == (date(2016, 2, 17), date(2016, 2, 20))


def test_vague_year_range_is_not_used_for_linking() -> None:
    assert date_range("2016-01-01", "2016-12-31", None) == (None, None)


TRIPOLI = NamedPoint("Tripoli", 32.89, 13.19)
BENGHAZI = NamedPoint("Benghazi", 32.12, 20.07)


def unplaced(doc: str, story: NamedPoint | None, **changes: object) -> EventRecord:
    """An event with no place of its own, in an article whose story is set at ``story``."""
    return record(doc, lat=None, lon=None, place_name=None, country=None, participants=frozenset(),
                  trigger="bombing", story=story, **changes)


def test_stories_set_far_apart_keep_their_unplaced_events_apart() -> None:
    assert sizes([unplaced("a", TRIPOLI), unplaced("b", BENGHAZI)]) == [1, 1]
    assert sizes([unplaced("a", None), unplaced("b", None)]) == [2]


def test_same_word_in_stories_set_at_one_place_ties_undated_reports() -> None:
    undated = {"start": None, "end": None}
    assert sizes([unplaced("a", TRIPOLI, **undated), unplaced("b", TRIPOLI, **undated)]) == [2]
    assert sizes([unplaced("a", None, **undated), unplaced("b", None, **undated)]) == [1, 1]


def test_an_event_s_own_place_outweighs_its_story() -> None:
    own = record("a", trigger="bombing", place_name="Tripoli", lat=TRIPOLI.lat, lon=TRIPOLI.lon)
    assert sizes([own, unplaced("b", BENGHAZI)]) == [1, 1]
    assert sizes([own, unplaced("b", TRIPOLI)]) == [2]


def test_undated_event_without_publication_date_joins_a_compatible_one() -> None:
    assert sizes([record("a"), record("b", start=None, end=None)]) == [2]


def test_undated_event_never_bridges_two_dated_events() -> None:
    later = date(2016, 3, 2)
    records = [record("a"), record("b", start=later, end=later),
               record("c", start=None, end=None)]
    assert sizes(records) == [1, 2]


def test_same_trigger_word_on_overlapping_dates_is_evidence() -> None:
    bare = {"participants": frozenset(), "lat": None, "lon": None, "trigger": "shelled"}
    assert sizes([record("a", **bare), record("b", **bare)]) == [2]


def test_type_and_dates_alone_do_not_link() -> None:
    bare = {"participants": frozenset(), "lat": None, "lon": None}
    assert sizes([record("a", **bare), record("b", **bare)]) == [1, 1]


def test_a_shared_country_alone_is_no_evidence() -> None:
    undated = {"start": None, "end": None, "lat": None, "lon": None, "place_name": None}
    assert sizes([record("a", **undated), record("b", **undated)]) == [1, 1]
    named = frozenset({"country:USA", "name:pentagon"})
    assert sizes([record("a", participants=named, **undated), record("b", participants=named, **undated)]) == [2]


def test_nearby_places_link_only_the_same_place_or_the_same_trigger_word() -> None:
    other = {"place_name": "Zawiya", "lat": 32.76, "lon": 12.73, "start": None, "end": None}
    apart = [record("a", trigger="airstrike", **other), record("b", trigger="raid", start=None, end=None)]
    assert sizes(apart) == [1, 1]
    same_word = [record("a", trigger="airstrike", **other), record("b", trigger="airstrike", start=None, end=None)]
    assert sizes(same_word) == [2]


def test_undated_events_are_compared_only_with_events_sharing_some_evidence(monkeypatch) -> None:
    import polybius.corpus.clusters as clusters
    compared = []

    def counting(a: EventRecord, b: EventRecord, max_km: float = clusters.MAX_KM) -> bool:
        compared.append((a.document_id, b.document_id))
        return compatible(a, b, max_km)

    compatible = clusters.compatible
    monkeypatch.setattr(clusters, "compatible", counting)
    loose = {"start": None, "end": None, "lat": None, "lon": None, "place_name": None}
    records = [record(f"d{i}", participants=frozenset({f"name:Person {i}"}), **loose) for i in range(30)]
    records += [record("x", participants=frozenset({"name:Person 3"}), **loose)]
    assert sizes(records) == [1] * 29 + [2]
    assert compared == [("x", "d3")]
