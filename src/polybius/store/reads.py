"""Read queries for the web app: event lists and pages, map points, timeline, clusters.

Every function takes a :class:`Store` and returns plain dicts (JSON columns parsed), so
views can hand them straight to a template or a JSON response. Filters are the export's
:class:`EventFilter` plus an event status and a place name.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from polybius.store.db import Store
from polybius.store.queries import EventFilter, cluster_where

Row = dict[str, Any]

_FROM = """
FROM events e
JOIN documents d ON d.id = e.document_id
LEFT JOIN places p ON p.document_id = e.document_id AND p.id = e.place_id
"""
_DAY = "TRY_CAST(substr(coalesce(e.date_start, d.published), 1, 10) AS DATE)"


@dataclass
class EventSelection(EventFilter):
    """The export filter plus the event status and the place name (as shown on the map)."""

    status: str | None = None
    place: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        """SQL conditions (aliases ``e``, ``d``, ``p``) and their parameters."""
        sql, params = super().where()
        if self.status:
            sql += " AND lower(e.status) = ?"
            params.append(self.status.lower())
        if self.place:
            sql += " AND p.name = ?"
            params.append(self.place)
        return sql, params


def dicts(store: Store, sql: str, params: list[Any] | None = None) -> list[Row]:
    """Rows of a query as dicts keyed by column name."""
    cursor = store.con.execute(sql, params or [])
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _loads(value: str | None, default: Any) -> Any:
    return json.loads(value) if value else default


def event_count(store: Store, selection: EventSelection) -> int:
    """How many events the selection covers."""
    where, params = selection.where()
    return int(store.query(f"SELECT count(*) {_FROM} WHERE {where}", params)[0][0])


_LIST = """
SELECT e.document_id, e.id AS event_id, e.type, e.mode, e.status, e.hedged,
       e.date_value, e.date_start, e.date_end, e.trigger_text AS trigger,
       e.evidence_text AS evidence, e.quantities,
       p.name AS place, p.country, p.lat, p.lon,
       d.title, d.publisher, d.published, d.duplicate_of, cm.cluster_id
{from_}
LEFT JOIN cluster_members cm ON cm.document_id = e.document_id AND cm.event_id = e.id
WHERE {where}
ORDER BY coalesce(e.date_start, d.published) DESC NULLS LAST, e.document_id, e.id
LIMIT ? OFFSET ?
"""


def event_page(store: Store, selection: EventSelection, limit: int, offset: int) -> list[Row]:
    """One page of the selected events, newest first."""
    where, params = selection.where()
    rows = dicts(store, _LIST.format(from_=_FROM, where=where), [*params, limit, offset])
    for row in rows:
        row["quantities"] = _loads(row["quantities"], [])
    return rows


_POINTS = """
SELECT p.lat, p.lon, p.name AS place, p.country, e.type, count(*) AS events,
       min(e.document_id || '/' || e.id) AS first_event
{from_}
WHERE {where} AND p.lat IS NOT NULL AND p.lon IS NOT NULL
GROUP BY ALL
ORDER BY events DESC, place
LIMIT ?
"""


def map_points(store: Store, selection: EventSelection, limit: int = 5000) -> list[Row]:
    """Located events grouped by place and type: one map point each, busiest first."""
    where, params = selection.where()
    return dicts(store, _POINTS.format(from_=_FROM, where=where), [*params, limit])


def daily_counts(store: Store, selection: EventSelection) -> list[Row]:
    """Events per day and type (date of the event, else of its article), oldest first."""
    where, params = selection.where()
    sql = (f"SELECT {_DAY} AS day, e.type, count(*) AS events {_FROM} WHERE {where} "
           f"AND {_DAY} IS NOT NULL GROUP BY ALL ORDER BY day, e.type")
    return dicts(store, sql, params)


def filter_options(store: Store) -> dict[str, list[Row]]:
    """The values a filter can take, with how many events (in originals) have each."""
    base = f"{_FROM} WHERE d.duplicate_of IS NULL AND {{col}} IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1"
    options = {}
    for name, column in (("types", "e.type"), ("statuses", "e.status"), ("countries", "p.country")):
        sql = f"SELECT {column} AS value, count(*) AS events " + base.format(col=column)
        options[name] = dicts(store, sql)
    return options


def document(store: Store, doc_id: str) -> Row | None:
    """A stored document (authors, tags and warnings parsed), or None."""
    rows = dicts(store, "SELECT * EXCLUDE (minhash) FROM documents WHERE id = ?", [doc_id])
    if not rows:
        return None
    row = rows[0]
    row["ingested_at"] = str(row["ingested_at"]) if row["ingested_at"] else None
    for column, default in (("authors", []), ("tags", {}), ("warnings", [])):
        row[column] = _loads(row[column], default)
    return row


def document_outlets(store: Store, doc_id: str) -> list[Row]:
    """Every place this text (or a copy of it) was read from, earliest published first."""
    sql = """
        SELECT s.document_id, s.source, s.url, s.publisher, s.published,
               d.duplicate_of IS NOT NULL AS copy
        FROM document_sources s JOIN documents d ON d.id = s.document_id
        WHERE d.id = ?1 OR d.duplicate_of = ?1
             OR d.id = (SELECT duplicate_of FROM documents WHERE id = ?1)
             OR d.duplicate_of = (SELECT duplicate_of FROM documents WHERE id = ?1)
        ORDER BY s.published NULLS LAST, s.source"""
    return dicts(store, sql, [doc_id])


def event(store: Store, doc_id: str, event_id: str) -> Row | None:
    """One stored event row (quantities parsed), or None."""
    rows = dicts(store, "SELECT * FROM events WHERE document_id = ? AND id = ?", [doc_id, event_id])
    if not rows:
        return None
    rows[0]["quantities"] = _loads(rows[0]["quantities"], [])
    return rows[0]


def document_events(store: Store, doc_id: str) -> list[Row]:
    """The events of one document, in text order."""
    return dicts(store, "SELECT id AS event_id, type, status, trigger_text AS trigger, "
                        "evidence_start FROM events WHERE document_id = ? "
                        "ORDER BY evidence_start, trigger_start", [doc_id])


def participants(store: Store, doc_id: str, event_id: str) -> list[Row]:
    """Actors and recipients of an event with their entity details."""
    sql = """
        SELECT ea.role, en.id, en.name, en.type, en.title, en.country, en.sector,
               en.backed_by, en.nominal
        FROM event_actors ea
        JOIN entities en ON en.document_id = ea.document_id AND en.id = ea.entity_id
        WHERE ea.document_id = ? AND ea.event_id = ?
        ORDER BY ea.role, en.id"""
    return dicts(store, sql, [doc_id, event_id])


def mentions(store: Store, doc_id: str, kind: str, item_ids: list[str]) -> list[Row]:
    """Mentions (start, end, text) of entities or places of one document."""
    if not item_ids:
        return []
    sql = ('SELECT item_id, start, "end", text FROM mentions WHERE document_id = ? '
           'AND item_kind = ? AND list_contains(?, item_id) ORDER BY start')
    return dicts(store, sql, [doc_id, kind, item_ids])


def place(store: Store, doc_id: str, place_id: str | None) -> Row | None:
    """A place of a document, or None."""
    if not place_id:
        return None
    rows = dicts(store, "SELECT * EXCLUDE (document_id) FROM places WHERE document_id = ? "
                        "AND id = ?", [doc_id, place_id])
    return rows[0] if rows else None


def times(store: Store, doc_id: str) -> list[Row]:
    """Time expressions of a document, in text order."""
    return dicts(store, 'SELECT * EXCLUDE (document_id) FROM times WHERE document_id = ? '
                        'ORDER BY start', [doc_id])


_ATTRIBUTION = """
SELECT a.* EXCLUDE (document_id), en.name AS source_name, o.name AS outlet_name
FROM attributions a
LEFT JOIN entities en ON en.document_id = a.document_id AND en.id = a.source_entity
LEFT JOIN entities o ON o.document_id = a.document_id AND o.id = a.outlet
WHERE a.document_id = ? AND a.id = ?
"""


def attribution_chain(store: Store, doc_id: str, attribution_id: str | None) -> list[Row]:
    """The attribution of an event, then the one relaying it (``via``), and so on."""
    chain: list[Row] = []
    seen: set[str] = set()
    while attribution_id and attribution_id not in seen and len(chain) < 10:
        seen.add(attribution_id)
        rows = dicts(store, _ATTRIBUTION, [doc_id, attribution_id])
        if not rows:
            break
        chain.append(rows[0])
        attribution_id = rows[0]["via"]
    return chain


def cluster_of(store: Store, doc_id: str, event_id: str) -> str | None:
    """The id of the cluster an event belongs to, or None."""
    rows = store.query("SELECT cluster_id FROM cluster_members WHERE document_id = ? "
                       "AND event_id = ?", [doc_id, event_id])
    return rows[0][0] if rows else None


def cluster(store: Store, cluster_id: str) -> Row | None:
    """A cluster row (disagreements parsed), or None."""
    rows = dicts(store, "SELECT * FROM clusters WHERE id = ?", [cluster_id])
    if not rows:
        return None
    rows[0]["disagreements"] = _loads(rows[0]["disagreements"], {})
    return rows[0]


_MEMBERS = """
SELECT m.document_id, m.event_id, e.type, e.status, e.hedged, e.date_start, e.date_end,
       e.quantities, e.evidence_text AS evidence, e.trigger_text AS trigger,
       a.source_text AS according_to, p.name AS place, p.country, p.lat, p.lon,
       d.title, d.publisher, d.published
FROM cluster_members m
JOIN events e ON e.document_id = m.document_id AND e.id = m.event_id
JOIN documents d ON d.id = m.document_id
LEFT JOIN places p ON p.document_id = e.document_id AND p.id = e.place_id
LEFT JOIN attributions a ON a.document_id = e.document_id AND a.id = e.attribution_id
WHERE m.cluster_id = ?
ORDER BY d.published NULLS LAST, m.document_id, m.event_id
"""


def cluster_members(store: Store, cluster_id: str) -> list[Row]:
    """The member events of a cluster with their articles, earliest published first."""
    rows = dicts(store, _MEMBERS, [cluster_id])
    for row in rows:
        row["quantities"] = _loads(row["quantities"], [])
    return rows


def cluster_count(store: Store, selection: EventFilter) -> int:
    """How many clusters the selection covers."""
    where, params = cluster_where(selection)
    return int(store.query(f"SELECT count(*) FROM clusters c WHERE {where}", params)[0][0])


_CLUSTER_PAGE = """
SELECT c.id AS cluster_id, c.type, c.date_start, c.date_end, c.country, c.place_name,
       c.lat, c.lon, c.events, c.documents, c.disagreements
FROM clusters c
WHERE {where}
ORDER BY c.date_start NULLS LAST, c.id
LIMIT ? OFFSET ?
"""

# Outlets of the member articles and of their copies (two joins, not one ``OR`` join,
# which DuckDB can only run as a nested loop).
_REPORTERS = """
WITH members AS (SELECT * FROM cluster_members WHERE list_contains(?, cluster_id)),
outlets AS (
    SELECT m.cluster_id, s.publisher, s.url, s.source FROM members m
    JOIN document_sources s ON s.document_id = m.document_id
    UNION ALL
    SELECT m.cluster_id, s.publisher, s.url, s.source FROM members m
    JOIN documents d ON d.duplicate_of = m.document_id
    JOIN document_sources s ON s.document_id = d.id)
SELECT cluster_id, string_agg(DISTINCT coalesce(publisher, url, source), '; ') AS reported_by
FROM outlets GROUP BY cluster_id
"""


def cluster_page(store: Store, selection: EventFilter, limit: int, offset: int) -> list[Row]:
    """One page of the selected clusters, earliest first, with the outlets that reported each."""
    where, params = cluster_where(selection)
    rows = dicts(store, _CLUSTER_PAGE.format(where=where), [*params, limit, offset])
    ids = [row["cluster_id"] for row in rows]
    reporters = dict(store.query(_REPORTERS, [ids])) if ids else {}
    for row in rows:
        row["disagreements"] = _loads(row["disagreements"], {})
        row["reported_by"] = reporters.get(row["cluster_id"])
    return rows


@lru_cache(maxsize=8)
def filter_options_cached(store: Store) -> dict[str, list[Row]]:
    """:func:`filter_options`, computed once per open store (a served store is read-only)."""
    return filter_options(store)
