"""The report data model: what was read (`Document`) and what was found (`Report`).

These typed data classes are the contract between pipeline stages and the JSON users see
(schema ``polybius/report@2``, documented in ``docs/report.md`` and
``src/polybius/schema/report.schema.json``). Every extracted item carries its evidence:
character offsets into ``Document.text`` and the text of the span.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from typing import Any

SCHEMA = "polybius/report@2"


@dataclass
class Span:
    """A stretch of ``Document.text``: ``text == document.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass
class Document:
    """An article as read by ingest: metadata and the clean body that is analysed."""

    text: str
    source: str | None = None
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    publisher: str | None = None
    published: str | None = None
    original_source: str | None = None
    url: str | None = None
    tags: dict[str, list[str]] = field(default_factory=dict)
    language: str = "en"
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            self.id = content_id(self.text)


def content_id(text: str) -> str:
    """The document id: sha256 of the body text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class Entity:
    """An actor or other named thing, with its canonical identity and every mention."""

    id: str
    name: str
    type: str
    mentions: list[Span] = field(default_factory=list)
    title: str | None = None
    country: str | None = None
    sector: str | None = None
    backed_by: str | None = None
    nominal: bool = False


@dataclass
class Source:
    """Who stands behind an attribution."""

    text: str
    start: int | None = None
    end: int | None = None
    entity: str | None = None
    anonymous: bool = False
    kind: str | None = None
    affiliation: str | None = None


@dataclass
class Attribution:
    """A quotation or reported speech: source, cue and content."""

    id: str
    source: Source
    cue: Span | None
    content: Span
    direct: bool = False
    via: str | None = None
    outlet: str | None = None


@dataclass
class Quantity:
    """A count attached to an event: ``min``/``max`` bound it (equal for an exact figure)."""

    kind: str
    min: int | None
    max: int | None
    approximate: bool
    text: str
    start: int
    end: int


@dataclass
class EventDate:
    """When an event happened: the calendar range and how it was found.

    ``start``/``end`` are ISO dates bounding the event, ``precision`` the calendar
    precision (day, week, month, year, ...), ``scope`` where the time expression was
    found relative to the trigger (clause, sentence, paragraph), ``time`` its id.
    """

    value: str
    start: str | None
    end: str | None
    precision: str
    scope: str
    time: str | None = None


@dataclass
class Event:
    """Who did what to whom, where and when, in the PLOVER ontology."""

    id: str
    type: str
    evidence: Span
    mode: str | None = None
    cameo: str | None = None
    actors: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    place: str | None = None
    date: EventDate | None = None
    quantities: list[Quantity] = field(default_factory=list)
    status: str = "occurred"
    hedged: bool = False
    attribution: str | None = None
    trigger: Span | None = None
    # Later references to this same event in the document ("the attack" after "gunmen attacked").
    mentions: list[Span] = field(default_factory=list)


@dataclass
class Place:
    """A place resolved to the gazetteer (GeoNames id and coordinates where known)."""

    id: str
    name: str
    feature: str
    mentions: list[Span] = field(default_factory=list)
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None


@dataclass
class Time:
    """A time expression normalised against the publication date."""

    id: str
    text: str
    start: int
    end: int
    value: str | None
    start_date: str | None
    end_date: str | None
    precision: str
    type: str = "DATE"


@dataclass
class StageWarning:
    """An extractor that failed on this document; the rest of the report still stands."""

    stage: str
    message: str


@dataclass
class Report:
    """Everything Polybius found in one document, each item pointing to its evidence."""

    document: Document
    entities: list[Entity] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    times: list[Time] = field(default_factory=list)
    warnings: list[StageWarning] = field(default_factory=list)
    schema: str = SCHEMA

    def to_dict(self) -> dict[str, Any]:
        """The report as plain JSON-ready data, ``schema`` first."""
        data = asdict(self)
        return {"schema": data.pop("schema"), **data}

    def to_json(self, indent: int | None = 2) -> str:
        """The report as JSON text."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Report:
        """Rebuild a report from ``to_dict`` output."""
        return cls(
            document=Document(**data["document"]),
            entities=[_entity(e) for e in data.get("entities", [])],
            attributions=[_attribution(a) for a in data.get("attributions", [])],
            events=[_event(e) for e in data.get("events", [])],
            places=[Place(**{**p, "mentions": _spans(p["mentions"])}) for p in data.get("places", [])],
            times=[Time(**t) for t in data.get("times", [])],
            warnings=[StageWarning(**w) for w in data.get("warnings", [])],
            schema=data.get("schema", SCHEMA),
        )

    @classmethod
    def from_json(cls, text: str) -> Report:
        """Rebuild a report from its JSON text."""
        return cls.from_dict(json.loads(text))


def _spans(items: list[dict[str, Any]]) -> list[Span]:
    return [Span(**s) for s in items]


def _span(item: dict[str, Any] | None) -> Span | None:
    return Span(**item) if item else None


def _entity(data: dict[str, Any]) -> Entity:
    return Entity(**{**data, "mentions": _spans(data["mentions"])})


def _attribution(data: dict[str, Any]) -> Attribution:
    return Attribution(
        **{
            **data,
            "source": Source(**data["source"]),
            "cue": _span(data.get("cue")),
            "content": Span(**data["content"]),
        }
    )


def _event(data: dict[str, Any]) -> Event:
    return Event(
        **{
            **data,
            "evidence": Span(**data["evidence"]),
            "trigger": _span(data.get("trigger")),
            "date": EventDate(**data["date"]) if data.get("date") else None,
            "quantities": [Quantity(**q) for q in data.get("quantities", [])],
            "mentions": _spans(data.get("mentions", [])),
        }
    )
