"""Event clustering across articles: reports of one real-world event become one cluster.

Two events are linked when they are compatible on every dimension both of them know:
the same PLOVER type; overlapping date ranges (an undated event takes the few days before
its article's publication; with no publication date either, its date is unknown and does
not block a link); a shared participant (canonical name or country) when both name
participants; places within ``max_km`` when both have coordinates, and the same country when
both have one. An event without a place of its own stands at its article's story place (the
town the article names most often) for this comparison. Type and dates alone are not enough:
a link also needs positive evidence, a shared named participant, the same place, or the same
trigger word within ``max_km`` or on overlapping known dates. Clusters are the connected components of these
links (single link). Each cluster keeps its members and their disagreements: fatality figures
by source, who claimed and who denied.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from polybius.resolve.geodesy import km_between

# 100 km: one city and its outskirts, or a stretch of front line; far enough that sources
# placing a strike at the city or at a nearby village agree, near enough to split two cities.
MAX_KM = 100.0
# An undated event is taken to have happened within this many days before publication.
UNDATED_DAYS = 3
# Ranges longer than this (a year, a decade) are too vague to tie two reports together.
MAX_SPAN_DAYS = 62
FATALITY_KINDS = frozenset({"killed", "dead", "death", "deaths", "fatalities", "died"})
# Features precise enough for a story's own place: a town or a site, not a country or a state.
STORY_FEATURES = frozenset({"city", "place", "facility", "base", "island", "admin2"})


@dataclass(frozen=True, slots=True)
class NamedPoint:
    """A named point on the map: an event's place, or its article's story place (the town or
    site the article names most often)."""

    name: str
    lat: float
    lon: float


@dataclass(slots=True)
class EventRecord:
    """What clustering needs to know about one stored event."""

    document_id: str
    event_id: str
    type: str
    start: date | None
    end: date | None
    participants: frozenset[str] = frozenset()
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    place_name: str | None = None
    status: str | None = None
    source: str | None = None
    fatalities: tuple[int | None, int | None] | None = None
    trigger: str | None = None
    story: NamedPoint | None = None


@dataclass
class Cluster:
    """One real-world event as reported by one or more articles."""

    id: str
    members: list[EventRecord]
    disagreements: dict[str, Any] = field(default_factory=dict)

    @property
    def documents(self) -> int:
        """How many articles report this event."""
        return len({m.document_id for m in self.members})


def parse_day(value: str | None) -> date | None:
    """A date from the first 10 characters of an ISO string, or None."""
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def date_range(start: str | None, end: str | None,
               published: str | None) -> tuple[date | None, date | None]:
    """The event's day range; undated events fall back to the days before publication."""
    first, last = parse_day(start), parse_day(end) or parse_day(start)
    if first and last and (last - first).days <= MAX_SPAN_DAYS:
        return first, last
    day = parse_day(published)
    if day and not first:
        return day - timedelta(days=UNDATED_DAYS), day
    return None, None


def fatalities(quantities_json: str | None) -> tuple[int | None, int | None] | None:
    """The (min, max) death toll among an event's quantities, or None."""
    for quantity in json.loads(quantities_json or "[]"):
        if str(quantity.get("kind", "")).lower() in FATALITY_KINDS:
            return quantity.get("min"), quantity.get("max")
    return None


def _conflict(a: EventRecord, b: EventRecord, max_km: float) -> bool:
    """Whether two events differ on a dimension both of them know."""
    if a.type != b.type:
        return True
    if _dated(a) and _dated(b) and (a.start > b.end or b.start > a.end):  # type: ignore[operator]
        return True
    if a.participants and b.participants and not a.participants & b.participants:
        return True
    if a.country and b.country and a.country != b.country:
        return True
    where_a, where_b = _where(a), _where(b)
    return where_a is not None and where_b is not None and _km(where_a, where_b) > max_km


def _where(record: EventRecord) -> NamedPoint | None:
    """Where the event happened, else where its article's story is set (a weaker sign: it
    tells two stories apart and ties reports of one, but is no place of the event itself)."""
    if record.lat is not None and record.lon is not None:
        return NamedPoint(record.place_name or "", record.lat, record.lon)
    return record.story


def _km(a: NamedPoint, b: NamedPoint) -> float:
    return km_between(a.lat, a.lon, b.lat, b.lon)


def _dated(record: EventRecord) -> bool:
    return record.start is not None and record.end is not None


def _located(record: EventRecord) -> bool:
    return record.lat is not None and record.lon is not None


def _evidence(a: EventRecord, b: EventRecord) -> bool:
    """Positive evidence of one event: a shared named participant; the same place of the
    event; or the same trigger word, either at nearby places (the event's own or its story's;
    distance already checked) or on overlapping known dates. A shared country alone is no
    evidence: most events in a country's news share it."""
    if _names(a) & _names(b):
        return True
    if _located(a) and _located(b) and a.place_name is not None and a.place_name == b.place_name:
        return True
    if a.trigger is None or a.trigger != b.trigger:
        return False
    return (_where(a) is not None and _where(b) is not None) or (_dated(a) and _dated(b))


def _names(record: EventRecord) -> set[str]:
    return {p for p in record.participants if p.startswith("name:")}


def compatible(a: EventRecord, b: EventRecord, max_km: float = MAX_KM) -> bool:
    """Whether two events may be reports of one real-world event."""
    return not _conflict(a, b, max_km) and _evidence(a, b)


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


class _Links:
    """Union-find over record indexes, linking only compatible records."""

    def __init__(self, records: list[EventRecord], max_km: float) -> None:
        self.records, self.max_km = records, max_km
        self.parent = list(range(len(records)))

    def union(self, i: int, j: int) -> bool:
        """Link i and j if compatible; whether they were."""
        if not compatible(self.records[i], self.records[j], self.max_km):
            return False
        self.parent[_find(self.parent, i)] = _find(self.parent, j)
        return True

    def groups(self) -> list[list[int]]:
        """The connected components, as lists of indexes."""
        found: dict[int, list[int]] = {}
        for i in range(len(self.records)):
            found.setdefault(_find(self.parent, i), []).append(i)
        return list(found.values())


def _sweep_dated(links: _Links) -> None:
    """Compare each dated event with the earlier ones of its type whose ranges still overlap."""
    records = links.records
    dated = sorted((i for i, r in enumerate(records) if r.start is not None),
                   key=lambda i: (records[i].type, records[i].start))
    active: list[int] = []
    for i in dated:
        rec = records[i]
        active = [j for j in active if records[j].type == rec.type
                  and records[j].end >= rec.start]  # type: ignore[operator]
        for j in active:
            links.union(i, j)
        active.append(i)


def _evidence_keys(record: EventRecord) -> set[tuple[str, str]]:
    """What two events must share for ``_evidence`` to hold between them: a named participant,
    the place of a located event, or the trigger word. Events sharing none are never linked."""
    keys = {("name", name) for name in _names(record)}
    if _located(record) and record.place_name is not None:
        keys.add(("place", record.place_name))
    if record.trigger is not None:
        keys.add(("trigger", record.trigger))
    return keys


class _EvidenceIndex:
    """Record indexes by type and evidence key, so that an event is compared only with the
    events it shares a key with (comparing it with every event of its type grows with the
    square of the corpus: every undated event of an undated corpus)."""

    def __init__(self) -> None:
        self.indexes: dict[tuple[str, tuple[str, str]], list[int]] = {}

    def add(self, i: int, record: EventRecord, keys: set[tuple[str, str]]) -> None:
        for key in keys:
            self.indexes.setdefault((record.type, key), []).append(i)

    def candidates(self, record: EventRecord, keys: set[tuple[str, str]]) -> list[int]:
        """Indexes sharing a key with ``record``, in ascending order."""
        return sorted({j for key in keys for j in self.indexes.get((record.type, key), ())})


def _attach_undated(links: _Links) -> None:
    """An undated event joins the first compatible dated event of its type, else other
    undated ones; it never bridges two dated events that were kept apart."""
    dated, loose = _EvidenceIndex(), _EvidenceIndex()
    for i, rec in enumerate(links.records):
        if rec.start is not None:
            dated.add(i, rec, _evidence_keys(rec))
    for i, rec in enumerate(links.records):
        if rec.start is not None:
            continue
        keys = _evidence_keys(rec)
        if not any(links.union(i, j) for j in dated.candidates(rec, keys)):
            for j in loose.candidates(rec, keys):
                links.union(i, j)
            loose.add(i, rec, keys)


def link(records: list[EventRecord], max_km: float = MAX_KM) -> list[list[int]]:
    """Groups of record indexes (connected components of compatible pairs)."""
    links = _Links(records, max_km)
    _sweep_dated(links)
    _attach_undated(links)
    return links.groups()


def disagreements(members: list[EventRecord]) -> dict[str, Any]:
    """Where the member reports differ: death tolls by source, claims and denials."""
    tolls = [{"document": m.document_id, "min": m.fatalities[0], "max": m.fatalities[1]}
             for m in members if m.fatalities]
    lows = [t["min"] for t in tolls if t["min"] is not None]
    highs = [t["max"] for t in tolls if t["max"] is not None]
    claims = [{"document": m.document_id, "status": m.status, "source": m.source}
              for m in members if m.status in ("claimed", "denied")]
    return {
        "fatalities": {"min": min(lows, default=None), "max": max(highs, default=None),
                       "reports": tolls},
        "claims": claims,
        "statuses": dict(Counter(m.status or "occurred" for m in members)),
    }


def cluster_events(records: list[EventRecord], max_km: float = MAX_KM) -> list[Cluster]:
    """Cluster events across documents; every record ends up in exactly one cluster."""
    clusters = []
    for group in link(records, max_km):
        members = [records[i] for i in group]
        first = min((m.document_id, m.event_id) for m in members)
        cid = "c" + hashlib.sha1("/".join(first).encode()).hexdigest()[:16]
        clusters.append(Cluster(cid, members, disagreements(members)))
    return clusters
