"""HTML pages rendered from the views' data dicts (every value escaped on the way out)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from html import escape
from importlib.resources import files
from string import Template
from typing import Any
from urllib.parse import quote

from polybius.web import svg
from polybius.web.highlight import mark_text
from polybius.web.views import BUCKETS, Data, Query

STATUSES = ("occurred", "planned", "claimed", "denied", "hypothetical", "negated")


@cache
def static_text(name: str) -> str:
    """A file of ``polybius/web/static``."""
    return files("polybius.web").joinpath("static", name).read_text(encoding="utf-8")


def h(value: Any) -> str:
    """Escaped text of a value; ``-`` for a missing one."""
    return "-" if value is None or value == "" else escape(str(value))


def page(title: str, body: str, json_url: str, footer: str = "") -> str:
    """A whole HTML page in the shared layout."""
    return Template(static_text("layout.html")).substitute(
        title=escape(title), body=body, json_url=escape(json_url),
        footer=footer or "Polybius: sourced, geolocated, time-resolved events, offline.")


def event_url(doc_id: str, event_id: str) -> str:
    """The page of one event."""
    return f"/events/{quote(doc_id, safe='')}/{quote(event_id, safe='')}"


def cluster_url(cluster_id: str) -> str:
    """The page of one cluster."""
    return f"/clusters/{quote(cluster_id, safe='')}"


def document_url(doc_id: str) -> str:
    """The page of one document."""
    return f"/documents/{quote(doc_id, safe='')}"


def link(url: str, text: Any) -> str:
    """An anchor with escaped text."""
    return f'<a href="{escape(url)}">{h(text)}</a>'


def status(value: str | None) -> str:
    """An event status as a small coloured label."""
    value = value or "occurred"
    return f'<span class="status status-{escape(value)}">{escape(value)}</span>'


def swatch(kind: str | None) -> str:
    """A type name with its map colour."""
    return f'<span class="swatch" style="background:{svg.colour(kind)}"></span>{h(kind)}'


def meta_list(pairs: Iterable[tuple[str, str]]) -> str:
    """A definition list of already-rendered values."""
    return '<dl class="meta">' + "".join(f"<dt>{escape(k)}</dt><dd>{v}</dd>" for k, v in pairs) + "</dl>"


def table(headers: Iterable[str], rows: Iterable[Iterable[str]]) -> str:
    """A table of already-rendered cells."""
    head = "".join(f"<th>{escape(x)}</th>" for x in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _select(name: str, label: str, current: str | None, values: Iterable[tuple[str, str]]) -> str:
    options = ['<option value="">any</option>']
    for value, text in values:
        chosen = " selected" if current and value.lower() == current.lower() else ""
        options.append(f'<option value="{escape(value)}"{chosen}>{escape(text)}</option>')
    return f'<label>{escape(label)}<select name="{name}">{"".join(options)}</select></label>'


def _counted(rows: list[Data]) -> list[tuple[str, str]]:
    return [(str(r["value"]), f"{r['value']} ({r['events']})") for r in rows]


def filter_form(data: Data, action: str, events: bool = True) -> str:
    """The filter form of the event page (and, without the event-only fields, of clusters)."""
    f, options = data["filters"], data["options"]
    statuses = _counted(options["statuses"]) or [(s, s) for s in STATUSES]
    checked = " checked" if f["include_duplicates"] else ""
    fields = [
        f'<label>from<input type="date" name="from" value="{escape(f["date_from"] or "")}"></label>',
        f'<label>to<input type="date" name="to" value="{escape(f["date_to"] or "")}"></label>',
        _select("country", "country", f["country"], _counted(options["countries"])),
        _select("type", "type", f["type"], _counted(options["types"])),
        _select("status", "status", f["status"], statuses),
        f'<label>place<input name="place" size="12" value="{escape(f["place"] or "")}"></label>',
        _select("bucket", "timeline by", f["bucket"], [(b, b) for b in BUCKETS]),
        f'<label class="check"><input type="checkbox" name="duplicates" value="1"{checked}>'
        "include duplicates</label>",
        '<button type="submit">Apply</button>', f'<a href="{action}">reset</a>']
    if not events:
        fields = fields[:4] + fields[-2:]
    return f'<form class="filters" method="get" action="{action}">{"".join(fields)}</form>'


def _paging(paging: Data, noun: str) -> str:
    shown = f"{paging['offset'] + 1}-{min(paging['offset'] + paging['limit'], paging['count'])}"
    parts = [f"<span>{paging['count']} {noun}" + (f", showing {shown}" if paging["count"] else "")
             + "</span>"]
    if paging["previous"]:
        parts.append(link(paging["previous"], "« previous"))
    if paging["next"]:
        parts.append(link(paging["next"], "next »"))
    return '<div class="paging">' + "".join(parts) + "</div>"


def _legend(kinds: Iterable[str]) -> str:
    return '<div class="legend">' + "".join(f"<span>{swatch(k)}</span>" for k in sorted(set(kinds))) + "</div>"


def _event_rows(events: list[Data]) -> list[list[str]]:
    rows = []
    for e in events:
        when = e["date_value"] or (f"({e['published']})" if e["published"] else None)
        rows.append([h(when), swatch(e["type"]), status(e["status"]),
                     h(e["place"]) + (f' <span class="muted">{h(e["country"])}</span>' if e["country"] else ""),
                     link(event_url(e["document_id"], e["event_id"]), e["evidence"]),
                     h(e["publisher"]),
                     link(cluster_url(e["cluster_id"]), "cluster") if e["cluster_id"] else "-"])
    return rows


def render_events(data: Data, query: Query) -> str:
    """Map, timeline, filters and the event list."""
    points, bins = data["map"]["points"], data["timeline"]["bins"]
    map_html = svg.map_svg(points, lambda p: query.url("/events", place=p["place"],
                                                       type=p["type"], offset=None))
    line_html = svg.timeline_svg(bins, lambda b: query.url("/events", **{
        "from": b["start"], "to": b["end"], "offset": None}))
    located = sum(p["events"] for p in points)
    body = [
        "<h1>Events</h1>", filter_form(data, "/events"),
        '<div class="panels"><div class="panel">',
        f"<h2>Events per {escape(data['timeline']['bucket'])}</h2>", line_html,
        _legend(k for b in bins for k in b["types"]), '</div><div class="panel">', map_html,
        f'<div class="muted">{located} located events at {len(points)} points '
        "(circle size grows with the count; click to list them)</div>",
        _legend(p["type"] for p in points), "</div></div>",
        _paging(data["paging"], "events"),
        table(["date", "type", "status", "place", "evidence", "publisher", ""],
              _event_rows(data["events"])),
        _paging(data["paging"], "events")]
    return page("Events", "".join(body), query.url("/events.json"))


def _participants(event: Data) -> str:
    items = []
    for p in event["participants"]:
        extra = ", ".join(x for x in (p["title"], p["country"], p["sector"]) if x)
        items.append(f'<li>{escape(p["role"])}: <b>{h(p["name"])}</b>'
                     + (f' <span class="muted">({escape(extra)})</span>' if extra else "") + "</li>")
    return "<ul>" + "".join(items) + "</ul>" if items else '<p class="muted">no participants named</p>'


def figure(low: Any, high: Any) -> str:
    """A count or range: ``20``, ``12-20``, ``at least 12``, ``up to 50``."""
    if low is not None and high is not None:
        return str(low) if low == high else f"{low}-{high}"
    if low is not None:
        return f"at least {low}"
    return f"up to {high}" if high is not None else "?"


def _quantities(quantities: list[Data]) -> str:
    if not quantities:
        return "-"
    return "; ".join(f"{h(q.get('kind'))} {escape(figure(q.get('min'), q.get('max')))}"
                     + (" (approx.)" if q.get("approximate") else "") for q in quantities)


def _event_facts(event: Data) -> str:
    place = event["place"]
    where = (f"{h(place['name'])} ({h(place['country'])}, {h(place['feature'])}; "
             f"{place['lat']:.3f}, {place['lon']:.3f})" if place and place["lat"] is not None
             else h(place["name"]) if place else "-")
    dates = f"{h(event['date_value'])} ({h(event['date_start'])}..{h(event['date_end'])}, {h(event['date_precision'])})"
    return meta_list([
        ("type", swatch(event["type"]) + (f" / {h(event['mode'])}" if event["mode"] else "")),
        ("CAMEO", h(event["cameo"])), ("status", status(event["status"])),
        ("hedged", h(event["hedged"])), ("trigger", h(event["trigger_text"])),
        ("date", dates if event["date_value"] else "-"), ("place", where),
        ("quantities", _quantities(event["quantities"]))])


def _attribution(chain: list[Data]) -> str:
    if not chain:
        return "<p class=\"muted\">The author's own statement (no attribution).</p>"
    items = []
    for depth, a in enumerate(chain):
        who = a["source_name"] or a["source_text"] or ("anonymous" if a["anonymous"] else "?")
        extra = ", ".join(x for x in ("anonymous" if a["anonymous"] else "", a["source_kind"] or "",
                                      "quotation" if a["direct"] else "reported speech") if x)
        outlet = f" to <i>{h(a['outlet_name'])}</i>" if a["outlet_name"] else ""
        items.append(f"<li>{'via ' if depth else ''}<b>{h(who)}</b> <span class=\"muted\">({escape(extra)})</span>"
                     f" — <i>{h(a['cue_text'])}</i>{outlet}: “{h(a['content_text'])}”</li>")
    return "<ol>" + "".join(items) + "</ol>"


def _document_meta(doc: Data) -> str:
    original = (link(document_url(doc["duplicate_of"]), "original article")
                + f" (similarity {doc['similarity']:.2f})") if doc["duplicate_of"] else "-"
    return meta_list([
        ("title", link(document_url(doc["id"]), doc["title"] or doc["id"][:12])),
        ("authors", h(", ".join(doc["authors"]))), ("publisher", h(doc["publisher"])),
        ("published", h(doc["published"])), ("original source", h(doc["original_source"])),
        ("url", link(doc["url"], doc["url"]) if doc["url"] else "-"), ("copy of", original)])


def _outlets(outlets: list[Data]) -> str:
    rows = [[h(o["publisher"]), h(o["published"]), h(o["url"] or o["source"]),
             "copy" if o["copy"] else "original"] for o in outlets]
    return table(["outlet", "published", "source", ""], rows)


def _highlight_key() -> str:
    kinds = ["trigger", "mention", "actor", "recipient", "place", "time", "quantity", "source", "cue",
             "content", "via"]
    return ('<p class="key muted"><mark class="evidence">evidence</mark> '
            + " ".join(f'<span class="hl hl-{k}">{k}</span>' for k in kinds) + "</p>")


def render_event(data: Data) -> str:
    """An event with its evidence highlighted in the document text."""
    event, doc = data["event"], data["document"]
    focus = (event["evidence_start"], event["evidence_end"])
    spans = [s for s in data["highlights"] if s["kind"] != "evidence"]
    text = mark_text(doc["text"], spans, focus)
    cluster = data["cluster"]
    body = [
        f"<h1>{swatch(event['type'])} {h(event['trigger_text'])} "
        f'<span class="muted">{escape(event["id"])}</span></h1>',
        '<div class="cols"><div>', _highlight_key(), f'<div class="doc-text">{text}</div></div><div>',
        "<h2>Event</h2>", _event_facts(event), "<h2>Participants</h2>", _participants(event),
        "<h2>Attribution</h2>", _attribution(data["attribution"]),
        "<h2>Article</h2>", _document_meta(doc), "<h2>Carried by</h2>", _outlets(data["outlets"]),
        "<h2>Cluster</h2>", _cluster_box(cluster) if cluster else '<p class="muted">not clustered</p>',
        "<h2>Other events in this article</h2>", _other_events(doc["id"], data["other_events"], event["id"]),
        "</div></div>"]
    url = event_url(doc["id"], event["id"])
    return page(f"{event['type']}: {event['trigger_text'] or event['id']}", "".join(body), url + ".json")


def _other_events(doc_id: str, events: list[Data], current: str | None = None) -> str:
    items = [f"<li>{swatch(e['type'])} " + (f"<b>{h(e['trigger'])}</b>" if e["event_id"] == current
             else link(event_url(doc_id, e["event_id"]), e["trigger"] or e["event_id"]))
             + f" {status(e['status'])}</li>" for e in events]
    return "<ul>" + "".join(items) + "</ul>"


def _cluster_box(cluster: Data) -> str:
    head = (f"<p>{link(cluster_url(cluster['id']), 'cluster ' + cluster['id'])}: "
            f"{cluster['events']} reports in {cluster['documents']} articles, "
            f"{h(cluster['date_start'])}..{h(cluster['date_end'])}, {h(cluster['place_name'])}</p>")
    return head + disagreements(cluster)


def disagreements(cluster: Data) -> str:
    """Fatality range by source, claims and denials, and the statuses of the members."""
    found = cluster["disagreements"] or {}
    names = {m["document_id"]: m["publisher"] or m["title"] or m["document_id"][:12]
             for m in cluster.get("members", [])}
    tolls = found.get("fatalities") or {}
    parts = []
    if tolls.get("reports"):
        reports = ", ".join(f"{h(names.get(r['document'], r['document'][:12]))}: "
                            f"{escape(figure(r['min'], r['max']))}" for r in tolls["reports"])
        parts.append(f"<li>deaths: {h(tolls.get('min'))} to {h(tolls.get('max'))} ({reports})</li>")
    for claim in found.get("claims") or []:
        who = claim.get("source") or "unattributed"
        parts.append(f"<li>{status(claim['status'])} by {h(who)} in "
                     f"{h(names.get(claim['document'], claim['document'][:12]))}</li>")
    statuses = found.get("statuses") or {}
    if statuses:
        parts.append("<li>statuses: " + ", ".join(f"{h(k)} {v}" for k, v in statuses.items()) + "</li>")
    return "<ul>" + "".join(parts) + "</ul>" if parts else '<p class="muted">no disagreements</p>'


def _member_rows(members: list[Data]) -> list[list[str]]:
    return [[h(m["publisher"]), h(m["published"]), status(m["status"]), h(m["according_to"]),
             _quantities(m["quantities"]), h(m["place"]),
             link(event_url(m["document_id"], m["event_id"]), m["evidence"])] for m in members]


def render_cluster(data: Data) -> str:
    """One cluster: summary, disagreements, member reports and outlets."""
    c = data["cluster"]
    located = [m for m in c["members"] if m["lat"] is not None]
    points = [{**m, "events": 1} for m in located]
    body = [
        f"<h1>{swatch(c['type'])} cluster {escape(c['id'])}</h1>",
        meta_list([("dates", f"{h(c['date_start'])}..{h(c['date_end'])}"),
                   ("place", f"{h(c['place_name'])} ({h(c['country'])})"),
                   ("reports", f"{c['events']} events in {c['documents']} articles")]),
        "<h2>Disagreements</h2>", disagreements(c),
        "<h2>Reports</h2>",
        table(["publisher", "published", "status", "according to", "quantities", "place", "evidence"],
              _member_rows(c["members"])),
        "<h2>Outlets</h2>", _outlets(data["outlets"])]
    if points:
        body += ['<h2>Where</h2><div class="panel small">',
                 svg.map_svg(points, lambda p: event_url(p["document_id"], p["event_id"])), "</div>"]
    url = cluster_url(c["id"])
    return page(f"Cluster {c['id']}", "".join(body), url + ".json")


def render_clusters(data: Data, query: Query) -> str:
    """The cluster list with filters."""
    rows = [[link(cluster_url(c["cluster_id"]), c["cluster_id"]), swatch(c["type"]),
             f"{h(c['date_start'])}..{h(c['date_end'])}",
             f"{h(c['place_name'])} ({h(c['country'])})", h(c["events"]), h(c["documents"]),
             h(c["reported_by"])] for c in data["clusters"]]
    body = ["<h1>Clusters</h1>", filter_form(data, "/clusters", events=False),
            _paging(data["paging"], "clusters"),
            table(["cluster", "type", "dates", "place", "events", "articles", "reported by"], rows)]
    return page("Clusters", "".join(body), query.url("/clusters.json"))


def render_document(data: Data) -> str:
    """A stored article: metadata, text, outlets and events."""
    doc = data["document"]
    body = [f"<h1>{h(doc['title'] or doc['id'][:12])}</h1>", '<div class="cols"><div>',
            f'<div class="doc-text">{escape(doc["text"])}</div></div><div>',
            "<h2>Article</h2>", _document_meta(doc), "<h2>Carried by</h2>", _outlets(data["outlets"]),
            "<h2>Events</h2>", _other_events(doc["id"], data["events"]), "</div></div>"]
    return page(doc["title"] or "Document", "".join(body), document_url(doc["id"]) + ".json")


def render_error(status_code: int, message: str) -> str:
    """A plain error page."""
    body = (f'<div class="error"><h1>Error {status_code}</h1><p>{escape(message)}</p>'
            '<p><a href="/events">Back to the events</a></p></div>')
    return page(f"Error {status_code}", body, "/events.json")
