"""What every extractor receives: the document, its one spaCy parse, and earlier results."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc

from polybius.model import Attribution, Document, Entity, Event, Place, Time


@dataclass
class Analysis:
    """One document in flight through the extractors.

    Stages run in the order of ``polybius.pipeline.STAGES``; each reads the fields that
    earlier stages filled and returns its own items, which the pipeline writes here.
    """

    document: Document
    doc: Doc
    anchor: date | None = None
    places: list[Place] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    times: list[Time] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The analysed body: offsets of every item index this string."""
        return self.document.text
