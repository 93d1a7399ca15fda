"""A ``Report`` as table rows (plain dicts keyed by column name), ready for the store."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from polybius.model import Attribution, Document, Event, Report

Row = dict[str, Any]


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def document_row(report: Report, duplicate_of: str | None, similarity: float | None,
                 minhash: bytes | None) -> Row:
    """The ``documents`` row of a report."""
    doc = report.document
    return {
        "id": doc.id, "source": doc.source, "title": doc.title, "authors": _json(doc.authors),
        "publisher": doc.publisher, "published": doc.published,
        "original_source": doc.original_source, "url": doc.url, "tags": _json(doc.tags),
        "language": doc.language, "text": doc.text, "words": len(doc.text.split()),
        "duplicate_of": duplicate_of, "similarity": similarity, "minhash": minhash,
        "warnings": _json([asdict(w) for w in report.warnings]),
    }


def source_row(doc: Document) -> Row:
    """The ``document_sources`` row: where this copy of the text was read."""
    return {"document_id": doc.id, "source": doc.source or doc.id, "url": doc.url,
            "publisher": doc.publisher, "published": doc.published}


def _mentions(doc_id: str, kind: str, item_id: str, spans: list[Any]) -> list[Row]:
    return [{"document_id": doc_id, "item_kind": kind, "item_id": item_id,
             "start": s.start, "end": s.end, "text": s.text} for s in spans]


def attribution_row(doc_id: str, a: Attribution) -> Row:
    """An ``attributions`` row."""
    cue = a.cue
    return {
        "document_id": doc_id, "id": a.id, "source_text": a.source.text,
        "source_entity": a.source.entity, "anonymous": a.source.anonymous,
        "source_kind": a.source.kind,
        "cue_start": cue.start if cue else None, "cue_end": cue.end if cue else None,
        "cue_text": cue.text if cue else None, "content_start": a.content.start,
        "content_end": a.content.end, "content_text": a.content.text, "direct": a.direct,
        "via": a.via, "outlet": a.outlet,
    }


def event_row(doc_id: str, e: Event) -> Row:
    """An ``events`` row (quantities as JSON)."""
    d = e.date
    return {
        "document_id": doc_id, "id": e.id, "type": e.type, "mode": e.mode, "cameo": e.cameo,
        "place_id": e.place, "date_value": d.value if d else None,
        "date_start": d.start if d else None, "date_end": d.end if d else None,
        "date_precision": d.precision if d else None, "status": e.status, "hedged": e.hedged,
        "attribution_id": e.attribution, "quantities": _json([asdict(q) for q in e.quantities]),
        "evidence_start": e.evidence.start, "evidence_end": e.evidence.end,
        "evidence_text": e.evidence.text,
        "trigger_start": e.trigger.start if e.trigger else None,
        "trigger_end": e.trigger.end if e.trigger else None,
        "trigger_text": e.trigger.text if e.trigger else None,
    }


def _event_actor_rows(doc_id: str, e: Event) -> list[Row]:
    rows = [{"document_id": doc_id, "event_id": e.id, "entity_id": a, "role": "actor"}
            for a in e.actors]
    rows += [{"document_id": doc_id, "event_id": e.id, "entity_id": r, "role": "recipient"}
             for r in e.recipients]
    return rows


def item_rows(report: Report) -> dict[str, list[Row]]:
    """Rows of every item table (entities, mentions, attributions, events, ...)."""
    doc_id = report.document.id
    rows: dict[str, list[Row]] = {t: [] for t in (
        "entities", "mentions", "attributions", "events", "event_actors", "places", "times")}
    for ent in report.entities:
        data = asdict(ent)
        data.pop("mentions")
        rows["entities"].append({"document_id": doc_id, **data})
        rows["mentions"] += _mentions(doc_id, "entity", ent.id, ent.mentions)
    for place in report.places:
        data = asdict(place)
        data.pop("mentions")
        rows["places"].append({"document_id": doc_id, **data})
        rows["mentions"] += _mentions(doc_id, "place", place.id, place.mentions)
    rows["times"] = [{"document_id": doc_id, **asdict(t)} for t in report.times]
    rows["attributions"] = [attribution_row(doc_id, a) for a in report.attributions]
    for event in report.events:
        rows["events"].append(event_row(doc_id, event))
        rows["event_actors"] += _event_actor_rows(doc_id, event)
        rows["mentions"] += _mentions(doc_id, "event", event.id, event.mentions)
    return rows
