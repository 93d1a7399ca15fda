"""Read queries over the store: events for clustering and export, clusters, statistics."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from polybius.corpus.clusters import STORY_FEATURES, Cluster, EventRecord, NamedPoint, date_range, fatalities
from polybius.store.db import Store

_EVENT_RECORDS = """
WITH participants AS (
    SELECT ea.document_id, ea.event_id,
           list(DISTINCT 'name:' || lower(en.name)) FILTER (WHERE en.name IS NOT NULL)
             || list(DISTINCT 'country:' || en.country) FILTER (WHERE en.country IS NOT NULL)
             AS keys
    FROM event_actors ea
    JOIN entities en ON en.document_id = ea.document_id AND en.id = ea.entity_id
    GROUP BY ALL),
story AS (
    SELECT p.document_id, p.name, p.lat, p.lon
    FROM places p
    JOIN mentions m ON m.document_id = p.document_id AND m.item_kind = 'place' AND m.item_id = p.id
    WHERE p.lat IS NOT NULL AND p.feature IN ({story_features})
    GROUP BY p.document_id, p.id, p.name, p.lat, p.lon
    QUALIFY row_number() OVER (PARTITION BY p.document_id ORDER BY count(*) DESC, min(m.start)) = 1)
SELECT e.document_id, e.id, e.type, e.date_start, e.date_end, d.published,
       pa.keys, p.lat, p.lon, p.country, p.name, e.status, a.source_text, e.quantities,
       lower(e.trigger_text), s.lat, s.lon, s.name
FROM events e
JOIN documents d ON d.id = e.document_id
LEFT JOIN participants pa ON pa.document_id = e.document_id AND pa.event_id = e.id
LEFT JOIN story s ON s.document_id = e.document_id
LEFT JOIN places p ON p.document_id = e.document_id AND p.id = e.place_id
LEFT JOIN attributions a ON a.document_id = e.document_id AND a.id = e.attribution_id
WHERE d.duplicate_of IS NULL
ORDER BY e.document_id, e.id
""".format(story_features=", ".join(f"'{f}'" for f in sorted(STORY_FEATURES)))


def event_records(store: Store) -> list[EventRecord]:
    """Every event of every original (non-duplicate) document, ready for clustering."""
    records = []
    for row in store.query(_EVENT_RECORDS):
        doc_id, event_id, kind, start, end, published, keys = row[:7]
        lat, lon, country, place_name, status, source, quantities, trigger = row[7:15]
        story_lat, story_lon, story_name = row[15:]
        first, last = date_range(start, end, published)
        story = NamedPoint(story_name, story_lat, story_lon) if story_name is not None else None
        records.append(EventRecord(
            doc_id, event_id, kind, first, last, frozenset(k for k in keys or [] if k),
            lat, lon, country, place_name, status, source, fatalities(quantities), trigger, story))
    return records


def _cluster_row(cluster: Cluster) -> dict[str, Any]:
    members = cluster.members
    starts = [m.start for m in members if m.start]
    ends = [m.end for m in members if m.end]
    located = next((m for m in members if m.lat is not None), None)
    country = next((m.country for m in members if m.country), None)
    return {
        "id": cluster.id, "type": members[0].type,
        "date_start": min(starts).isoformat() if starts else None,
        "date_end": max(ends).isoformat() if ends else None, "country": country,
        "lat": located.lat if located else None, "lon": located.lon if located else None,
        "place_name": located.place_name if located else None, "events": len(members),
        "documents": cluster.documents,
        "disagreements": json.dumps(cluster.disagreements, ensure_ascii=False),
    }


def replace_clusters(store: Store, clusters: list[Cluster]) -> None:
    """Replace every stored cluster by these, in one transaction."""
    members = [{"cluster_id": c.id, "document_id": m.document_id, "event_id": m.event_id}
               for c in clusters for m in c.members]
    store.con.execute("BEGIN")
    try:
        store.con.execute("DELETE FROM cluster_members")
        store.con.execute("DELETE FROM clusters")
        store.insert_rows("clusters", [_cluster_row(c) for c in clusters])
        store.insert_rows("cluster_members", members)
        store.con.execute("COMMIT")
    except BaseException:
        store.con.execute("ROLLBACK")
        raise


@dataclass
class EventFilter:
    """Which events an export or a count covers."""

    date_from: str | None = None
    date_to: str | None = None
    country: str | None = None
    type: str | None = None
    include_duplicates: bool = False

    def where(self) -> tuple[str, list[Any]]:
        """SQL conditions (on aliases ``e``, ``d``, ``p``) and their parameters."""
        conditions, params = ["TRUE"], []
        if not self.include_duplicates:
            conditions.append("d.duplicate_of IS NULL")
        if self.date_from:
            conditions.append("coalesce(e.date_end, e.date_start, d.published) >= ?")
            params.append(self.date_from)
        if self.date_to:
            conditions.append("coalesce(e.date_start, d.published) <= ?")
            params.append(self.date_to + "\uffff")
        if self.country:
            conditions.append("upper(p.country) = ?")
            params.append(self.country.upper())
        if self.type:
            conditions.append("upper(e.type) = ?")
            params.append(self.type.upper())
        return " AND ".join(conditions), params


_EVENTS = """
SELECT e.document_id, e.id AS event_id, e.type, e.mode, e.cameo, e.status, e.hedged,
       e.date_value, e.date_start, e.date_end, e.date_precision,
       p.name AS place, p.geonameid, p.lat, p.lon, p.country,
       (SELECT string_agg(en.name, '; ' ORDER BY en.name) FROM event_actors ea
          JOIN entities en ON en.document_id = ea.document_id AND en.id = ea.entity_id
          WHERE ea.document_id = e.document_id AND ea.event_id = e.id
            AND ea.role = 'actor') AS actors,
       (SELECT string_agg(en.name, '; ' ORDER BY en.name) FROM event_actors ea
          JOIN entities en ON en.document_id = ea.document_id AND en.id = ea.entity_id
          WHERE ea.document_id = e.document_id AND ea.event_id = e.id
            AND ea.role = 'recipient') AS recipients,
       a.source_text AS according_to, e.quantities, e.evidence_text AS evidence,
       cm.cluster_id, d.title, d.publisher, d.published, d.url, d.source,
       d.duplicate_of,
       (SELECT string_agg(DISTINCT coalesce(s.publisher, s.url, s.source), '; '
                          ORDER BY coalesce(s.publisher, s.url, s.source))
          FROM document_sources s JOIN documents d2 ON d2.id = s.document_id
          WHERE d2.id = d.id OR d2.duplicate_of = d.id) AS carried_by
FROM events e
JOIN documents d ON d.id = e.document_id
LEFT JOIN places p ON p.document_id = e.document_id AND p.id = e.place_id
LEFT JOIN attributions a ON a.document_id = e.document_id AND a.id = e.attribution_id
LEFT JOIN cluster_members cm ON cm.document_id = e.document_id AND cm.event_id = e.id
WHERE {where}
ORDER BY coalesce(e.date_start, d.published), e.document_id, e.id
"""


def events_relation(store: Store, selection: EventFilter) -> Any:
    """A DuckDB relation of the selected events, one flat row each."""
    where, params = selection.where()
    return store.con.execute(_EVENTS.format(where=where), params)


def events_arrow(store: Store, selection: EventFilter, batch_rows: int = 100_000) -> Any:
    """The selected events as a stream of Arrow record batches."""
    where, params = selection.where()
    return store.con.sql(_EVENTS.format(where=where), params=params).to_arrow_reader(batch_rows)


# Plain equi-joins only: an OR in a join condition makes DuckDB fall back to a nested loop
# (minutes on 100,000 clusters); the copies of a member document are a second UNION branch.
_CLUSTERS = """
WITH carriers AS (
    SELECT m.cluster_id, coalesce(s.publisher, s.url, s.source) AS outlet
    FROM cluster_members m JOIN document_sources s ON s.document_id = m.document_id
    UNION
    SELECT m.cluster_id, coalesce(s.publisher, s.url, s.source) AS outlet
    FROM cluster_members m JOIN documents d ON d.duplicate_of = m.document_id
    JOIN document_sources s ON s.document_id = d.id),
reporters AS (
    SELECT cluster_id, string_agg(DISTINCT outlet, '; ') AS reported_by FROM carriers GROUP BY cluster_id),
member_lists AS (
    SELECT cluster_id, string_agg(document_id || '#' || event_id, ' ' ORDER BY document_id) AS members
    FROM cluster_members GROUP BY cluster_id)
SELECT c.id AS cluster_id, c.type, c.date_start, c.date_end, c.country, c.place_name,
       c.lat, c.lon, c.events, c.documents, c.disagreements, r.reported_by, ml.members
FROM clusters c
LEFT JOIN reporters r ON r.cluster_id = c.id
LEFT JOIN member_lists ml ON ml.cluster_id = c.id
WHERE {where}
ORDER BY c.date_start NULLS LAST, c.id
"""


def cluster_where(selection: EventFilter) -> tuple[str, list[Any]]:
    """SQL conditions on the ``clusters`` table (alias ``c``) and their parameters."""
    conditions, params = ["TRUE"], []
    for condition, value in (("c.date_end >= ?", selection.date_from),
                             ("c.date_start <= ?", selection.date_to),
                             ("upper(c.country) = ?", (selection.country or "").upper()),
                             ("upper(c.type) = ?", (selection.type or "").upper())):
        if value:
            conditions.append(condition)
            params.append(value)
    return " AND ".join(conditions), params


def clusters_relation(store: Store, selection: EventFilter) -> Any:
    """A cursor over the selected clusters, one row each with members and reporters."""
    where, params = cluster_where(selection)
    return store.con.execute(_CLUSTERS.format(where=where), params)


def clusters_arrow(store: Store, selection: EventFilter, batch_rows: int = 100_000) -> Any:
    """The selected clusters as a stream of Arrow record batches."""
    where, params = cluster_where(selection)
    return store.con.sql(_CLUSTERS.format(where=where), params=params).to_arrow_reader(batch_rows)
