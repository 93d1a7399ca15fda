"""Document -> Report: one spaCy parse, then the extractors in order, single and batch."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from spacy.language import Language

from polybius.analysis import Analysis
from polybius.extract.actors import extract_entities
from polybius.extract.attribution import extract_attributions
from polybius.extract.events import extract_events
from polybius.extract.places import extract_places
from polybius.extract.times import extract_times
from polybius.model import Document, Report, StageWarning
from polybius.nlp import load_pipeline
from polybius.options import Options

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Stage:
    """One extractor: its name, the function, and the ``Analysis`` field it fills."""

    name: str
    run: Callable[[Analysis], list[Any]]
    assigns: str


# Order matters: each stage may read what the stages before it assigned.
STAGES: tuple[Stage, ...] = (
    Stage("places", extract_places, "places"),
    Stage("actors", extract_entities, "entities"),
    Stage("times", extract_times, "times"),
    Stage("attribution", extract_attributions, "attributions"),
    Stage("events", extract_events, "events"),
)


def anchor_date(document: Document, options: Options) -> date | None:
    """The date relative expressions resolve against: the document's, else ``--published``."""
    for value in (document.published, options.published):
        if value:
            try:
                return date.fromisoformat(value[:10])
            except ValueError:
                continue
    return None


class Pipeline:
    """The loaded spaCy pipeline plus the extractors: ``Document`` in, ``Report`` out."""

    def __init__(self, options: Options | None = None) -> None:
        self.options = options or Options()
        self.nlp: Language = load_pipeline(self.options.model)

    def analyze(self, document: Document) -> Report:
        """Analyse one document."""
        return next(self.analyze_many([document]))

    def analyze_many(self, documents: Iterable[Document]) -> Iterator[Report]:
        """Analyse documents in input order, streaming them through one ``nlp.pipe``."""
        pairs = ((d.text, d) for d in documents)
        for doc, document in self.nlp.pipe(
            pairs, as_tuples=True, batch_size=self.options.batch_size
        ):
            analysis = Analysis(document=document, doc=doc, anchor=anchor_date(document, self.options))
            yield run_stages(analysis)


def run_stages(analysis: Analysis) -> Report:
    """Run every extractor on a parsed document; a failing stage becomes a warning."""
    warnings: list[StageWarning] = []
    for stage in STAGES:
        try:
            items = stage.run(analysis)
        except Exception as error:  # noqa: BLE001 - one extractor must never kill a batch
            log.warning("%s: stage %s failed: %s", analysis.document.source, stage.name, error)
            warnings.append(StageWarning(stage.name, f"{type(error).__name__}: {error}"))
            items = []
        setattr(analysis, stage.assigns, items)
    return Report(
        document=analysis.document,
        entities=analysis.entities,
        attributions=analysis.attributions,
        events=analysis.events,
        places=analysis.places,
        times=analysis.times,
        warnings=warnings,
    )
