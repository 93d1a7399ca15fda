"""Views: each builds one plain data dict, rendered as HTML or returned as its ``.json`` twin."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from typing import Any
from urllib.parse import urlencode

from polybius.store import Store, reads
from polybius.web.highlight import find_near, nearest, valid_spans

Data = dict[str, Any]
PAGE_SIZE = 50
MAX_PAGE_SIZE = 500
BUCKETS = ("day", "week", "month")
_TRUE = {"1", "true", "yes", "on"}


class WebError(Exception):
    """A request the app answers with an error page: HTTP status and one-line message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass
class Query:
    """The filters and paging of a list page, parsed from the query string."""

    selection: reads.EventSelection
    limit: int = PAGE_SIZE
    offset: int = 0
    bucket: str | None = None

    def params(self, **changes: Any) -> dict[str, str]:
        """The query-string parameters that reproduce this query (with changes)."""
        s = self.selection
        values: dict[str, Any] = {
            "from": s.date_from, "to": s.date_to, "country": s.country, "type": s.type,
            "status": s.status, "place": s.place,
            "duplicates": "1" if s.include_duplicates else None, "bucket": self.bucket,
            "offset": self.offset or None,
            "limit": self.limit if self.limit != PAGE_SIZE else None}
        values.update(changes)
        return {k: str(v) for k, v in values.items() if v not in (None, "")}

    def url(self, path: str, **changes: Any) -> str:
        """``path`` with this query's parameters (with changes)."""
        query = urlencode(self.params(**changes))
        return f"{path}?{query}" if query else path or "?"


def _date(params: Mapping[str, str], name: str) -> str | None:
    value = (params.get(name) or "").strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as error:
        raise WebError(400, f"{name}: not a date (YYYY-MM-DD): {value!r}") from error


def _int(params: Mapping[str, str], name: str, default: int, top: int) -> int:
    value = (params.get(name) or "").strip()
    if not value:
        return default
    if not value.isdigit() or int(value) > top:
        raise WebError(400, f"{name}: expected a whole number from 0 to {top}: {value!r}")
    return int(value)


def parse_query(params: Mapping[str, str]) -> Query:
    """Filters and paging from query parameters; a bad value is a 400 error."""
    bucket = (params.get("bucket") or "").strip() or None
    if bucket and bucket not in BUCKETS:
        raise WebError(400, f"bucket: expected one of {', '.join(BUCKETS)}: {bucket!r}")
    selection = reads.EventSelection(
        date_from=_date(params, "from"), date_to=_date(params, "to"),
        country=(params.get("country") or "").strip().upper() or None,
        type=(params.get("type") or "").strip().upper() or None,
        include_duplicates=(params.get("duplicates") or "").lower() in _TRUE,
        status=(params.get("status") or "").strip().lower() or None,
        place=(params.get("place") or "").strip() or None)
    limit = _int(params, "limit", PAGE_SIZE, MAX_PAGE_SIZE) or PAGE_SIZE
    return Query(selection, limit, _int(params, "offset", 0, 10**9), bucket)


def _paging(query: Query, count: int) -> Data:
    """Counts and the query strings (relative to the page or its twin) of the next pages."""
    nxt = query.offset + query.limit
    previous = max(query.offset - query.limit, 0)
    return {"count": count, "limit": query.limit, "offset": query.offset,
            "next": query.url("", offset=nxt) if nxt < count else None,
            "previous": query.url("", offset=previous or None) if query.offset else None}


def _filters(query: Query) -> Data:
    data = asdict(query.selection)
    data["bucket"] = query.bucket
    return data


def events_view(store: Store, query: Query) -> Data:
    """Map, timeline and one page of the selected events."""
    selection = query.selection
    count = reads.event_count(store, selection)
    return {
        "filters": _filters(query),
        "options": reads.filter_options_cached(store),
        "paging": _paging(query, count),
        "map": {"points": reads.map_points(store, selection)},
        "timeline": timeline(reads.daily_counts(store, selection), query.bucket),
        "events": reads.event_page(store, selection, query.limit, query.offset),
    }


def _bucket_start(day: date, bucket: str) -> date:
    if bucket == "week":
        return day - timedelta(days=day.weekday())
    if bucket == "month":
        return day.replace(day=1)
    return day


def _bucket_end(start: date, bucket: str) -> date:
    if bucket == "week":
        return start + timedelta(days=6)
    if bucket == "month":
        following = (start.replace(day=28) + timedelta(days=4)).replace(day=1)
        return following - timedelta(days=1)
    return start


def choose_bucket(first: date, last: date) -> str:
    """Days for up to three months, weeks for up to three years, else months."""
    span = (last - first).days
    return "day" if span <= 92 else "week" if span <= 3 * 366 else "month"


def timeline(daily: list[reads.Row], bucket: str | None = None) -> Data:
    """Daily counts per type gathered into day, week or month bins (empty bins included)."""
    if not daily:
        return {"bucket": bucket or "day", "bins": []}
    days = [row["day"] for row in daily]
    bucket = bucket or choose_bucket(min(days), max(days))
    bins: dict[date, Data] = {}
    start, last = _bucket_start(min(days), bucket), _bucket_start(max(days), bucket)
    while start <= last:
        bins[start] = {"start": start.isoformat(), "end": _bucket_end(start, bucket).isoformat(),
                       "events": 0, "types": {}}
        start = _bucket_end(start, bucket) + timedelta(days=1)
    for row in daily:
        item = bins[_bucket_start(row["day"], bucket)]
        item["events"] += row["events"]
        item["types"][row["type"]] = item["types"].get(row["type"], 0) + row["events"]
    return {"bucket": bucket, "bins": list(bins.values())}


def _not_found(what: str) -> WebError:
    return WebError(404, f"no such {what}")


def event_view(store: Store, doc_id: str, event_id: str) -> Data:
    """One event with its document, evidence spans, attribution chain, outlets and cluster."""
    event = reads.event(store, doc_id, event_id)
    if event is None:
        raise _not_found(f"event {event_id!r} in document {doc_id!r}")
    document = reads.document(store, doc_id)
    assert document is not None
    actors = reads.participants(store, doc_id, event_id)
    place = reads.place(store, doc_id, event["place_id"])
    chain = reads.attribution_chain(store, doc_id, event["attribution_id"])
    cluster_id = reads.cluster_of(store, doc_id, event_id)
    return {
        "event": {**event, "participants": actors, "place": place},
        "attribution": chain,
        "document": document,
        "outlets": reads.document_outlets(store, doc_id),
        "highlights": highlights(store, document["text"], event, actors, place, chain),
        "cluster": _cluster_summary(store, cluster_id) if cluster_id else None,
        "other_events": reads.document_events(store, doc_id),
    }


def _cluster_summary(store: Store, cluster_id: str) -> Data | None:
    cluster = reads.cluster(store, cluster_id)
    if cluster is None:
        return None
    return {**cluster, "members": reads.cluster_members(store, cluster_id)}


def _span(kind: str, start: Any, end: Any, label: str | None = None) -> Data:
    return {"kind": kind, "start": start, "end": end, "label": label or kind}


def highlights(store: Store, text: str, event: Data, actors: list[Data], place: Data | None,
               chain: list[Data]) -> list[Data]:
    """Spans to highlight: evidence, trigger and later mentions of the event, participants,
    place, time, quantities, attribution."""
    start, end = event["evidence_start"], event["evidence_end"]
    spans = [_span("evidence", start, end, "evidence"),
             _span("trigger", event["trigger_start"], event["trigger_end"],
                   f"trigger: {event['type']}")]
    later = reads.mentions(store, event["document_id"], "event", [event["id"]])
    spans += [_span("mention", m["start"], m["end"], f"later mention: {event['type']}") for m in later]
    spans += _participant_spans(store, event["document_id"], actors, start, end)
    if place:
        found = reads.mentions(store, event["document_id"], "place", [place["id"]])
        spans += [_span("place", m["start"], m["end"], f"place: {place['name']}")
                  for m in nearest(found, start, end)]
    spans += _time_spans(store, event, start, end)
    spans += [_span("quantity", q.get("start"), q.get("end"), f"{q.get('kind')}: {q.get('text')}")
              for q in event["quantities"]]
    for depth, attribution in enumerate(chain):
        spans += _attribution_spans(text, attribution, depth)
    kept = valid_spans(text, spans)
    for span in kept:
        span["text"] = text[span["start"]:span["end"]]
    return kept


def _participant_spans(store: Store, doc_id: str, actors: list[Data], start: int,
                       end: int) -> list[Data]:
    spans = []
    for actor in actors:
        found = reads.mentions(store, doc_id, "entity", [actor["id"]])
        spans += [_span(actor["role"], m["start"], m["end"], f"{actor['role']}: {actor['name']}")
                  for m in nearest(found, start, end)]
    return spans


def _time_spans(store: Store, event: Data, start: int, end: int) -> list[Data]:
    if not event["date_value"]:
        return []
    found = [t for t in reads.times(store, event["document_id"])
             if t["value"] == event["date_value"] or
             (t["start_date"] and t["start_date"] == event["date_start"])]
    return [_span("time", t["start"], t["end"], f"time: {t['value']}")
            for t in nearest(found, start, end)]


def _attribution_spans(text: str, attribution: Data, depth: int) -> list[Data]:
    prefix = "via " if depth else ""
    kind = "via" if depth else None
    spans = [_span(kind or "cue", attribution["cue_start"], attribution["cue_end"], f"{prefix}cue"),
             _span(kind or "content", attribution["content_start"], attribution["content_end"],
                   f"{prefix}content")]
    anchor = attribution["cue_start"] or attribution["content_start"] or 0
    source = find_near(text, attribution["source_text"], anchor)
    if source:
        spans.append(_span(kind or "source", source[0], source[1],
                           f"{prefix}source: {attribution['source_text']}"))
    return spans


def cluster_view(store: Store, cluster_id: str) -> Data:
    """One cluster: its members, the outlets that carried them and their disagreements."""
    cluster = _cluster_summary(store, cluster_id)
    if cluster is None:
        raise _not_found(f"cluster {cluster_id!r}")
    outlets = {}
    for member in cluster["members"]:
        for outlet in reads.document_outlets(store, member["document_id"]):
            outlets[(outlet["document_id"], outlet["source"])] = outlet
    return {"cluster": cluster, "outlets": list(outlets.values())}


def clusters_view(store: Store, query: Query) -> Data:
    """One page of the selected clusters, earliest first."""
    count = reads.cluster_count(store, query.selection)
    return {
        "filters": _filters(query),
        "options": reads.filter_options_cached(store),
        "paging": _paging(query, count),
        "clusters": reads.cluster_page(store, query.selection, query.limit, query.offset),
    }


def document_view(store: Store, doc_id: str) -> Data:
    """A stored document: metadata, text, outlets and its events."""
    document = reads.document(store, doc_id)
    if document is None:
        raise _not_found(f"document {doc_id!r}")
    return {"document": document, "outlets": reads.document_outlets(store, doc_id),
            "events": reads.document_events(store, doc_id)}
