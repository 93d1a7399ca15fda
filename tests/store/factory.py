"""Hand-built reports for store, corpus and export tests (no parsing involved)."""

from __future__ import annotations

from polybius.model import (
    Attribution,
    Document,
    Entity,
    Event,
    EventDate,
    Place,
    Quantity,
    Report,
    Source,
    Span,
)

BODY = ("US aircraft struck a camp near Sabratha on Friday, killing 40 people, officials said. "
        "The strike targeted militants, according to the Pentagon.")


def make_report(text: str = BODY, *, source: str = "a.txt", publisher: str | None = "Wire",
                published: str | None = "2016-02-20", event_type: str = "ASSAULT",
                day: str | None = "2016-02-19", country: str = "LBY", lat: float = 32.79,
                lon: float = 12.48, actor: str = "United States", killed: int | None = 40,
                status: str = "occurred") -> Report:
    """A report with one actor, one place, one attribution and one event."""
    document = Document(text=text, source=source, publisher=publisher, published=published)
    actor_entity = Entity(id="e1", name=actor, type="GPE", country="USA",
                          mentions=[Span(0, 2, text[0:2])])
    place = Place(id="p1", name="Sabratha", feature="city", lat=lat, lon=lon, country=country,
                  geonameid=2212709, mentions=[Span(27, 35, text[27:35])])
    attribution = Attribution(id="a1", source=Source(text="officials", anonymous=True),
                              cue=Span(76, 80, text[76:80]), content=Span(0, 74, text[0:74]))
    date = EventDate(value=day, start=day, end=day, precision="day", scope="sentence") \
        if day else None
    quantities = [Quantity("killed", killed, killed, False, f"{killed}", 0, 2)] if killed else []
    event = Event(id="v1", type=event_type, evidence=Span(0, 20, text[0:20]), actors=["e1"],
                  place="p1", date=date, quantities=quantities, status=status,
                  attribution="a1")
    return Report(document=document, entities=[actor_entity], attributions=[attribution],
                  events=[event], places=[place])
