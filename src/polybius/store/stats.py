"""A quick overview of a corpus store, as plain data and as readable text."""

from __future__ import annotations

from typing import Any

from polybius.store.db import Store
from polybius.store.schema import SCHEMA_VERSION

_COUNTS = {
    "documents": "SELECT count(*) FROM documents",
    "originals": "SELECT count(*) FROM documents WHERE duplicate_of IS NULL",
    "copies": "SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL",
    "sources": "SELECT count(*) FROM document_sources",
    "errors": "SELECT count(*) FROM errors",
    "events": "SELECT count(*) FROM events e JOIN documents d ON d.id = e.document_id "
              "WHERE d.duplicate_of IS NULL",
    "events_in_copies": "SELECT count(*) FROM events e JOIN documents d ON d.id = e.document_id "
                        "WHERE d.duplicate_of IS NOT NULL",
    "clusters": "SELECT count(*) FROM clusters",
    "multi_article_clusters": "SELECT count(*) FROM clusters WHERE documents > 1",
    "places": "SELECT count(DISTINCT coalesce(CAST(geonameid AS VARCHAR), name)) FROM places",
}

_TOP = {
    "event_types": "SELECT e.type, count(*) FROM events e JOIN documents d "
                   "ON d.id = e.document_id WHERE d.duplicate_of IS NULL "
                   "GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10",
    "event_countries": "SELECT p.country, count(*) FROM events e JOIN documents d "
                       "ON d.id = e.document_id JOIN places p ON p.document_id = e.document_id "
                       "AND p.id = e.place_id WHERE d.duplicate_of IS NULL AND p.country IS "
                       "NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10",
    "publishers": "SELECT publisher, count(*) FROM document_sources WHERE publisher IS NOT "
                  "NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10",
}


def corpus_stats(store: Store) -> dict[str, Any]:
    """Counts, date range and top values of a store."""
    stats: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
    for name, sql in _COUNTS.items():
        stats[name] = store.query(sql)[0][0]
    first, last = store.query(
        "SELECT min(published), max(published) FROM documents")[0]
    stats["published"] = {"first": first, "last": last}
    for name, sql in _TOP.items():
        stats[name] = {str(key): count for key, count in store.query(sql)}
    return stats


def render_stats(stats: dict[str, Any]) -> str:
    """The overview as aligned text lines."""
    lines = [f"{name.replace('_', ' '):<24} {value}" for name, value in stats.items()
             if not isinstance(value, dict)]
    published = stats["published"]
    lines.append(f"{'published':<24} {published['first'] or '-'} .. {published['last'] or '-'}")
    for name in _TOP:
        top = stats[name]
        shown = ", ".join(f"{key} {count}" for key, count in top.items()) or "-"
        lines.append(f"{name.replace('_', ' '):<24} {shown}")
    return "\n".join(lines)
