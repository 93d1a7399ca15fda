"""Floor test for polybius.eval.event_location on a fixed subset of the records."""

from __future__ import annotations

from pathlib import Path

import pytest

from polybius.eval import event_location
from polybius.model import Span
from polybius.pipeline import Pipeline

FLOOR = 0.77  # measured 0.790 (158/200) on the first 200 records


@pytest.mark.shared_data
def test_event_location_subset_stays_above_floor(shared_data: Path, pipeline: Pipeline) -> None:
    records = event_location.load(200)
    counts = event_location.evaluate(records, pipeline)
    correct = counts["with_location_correct"] + counts["without_location_correct"]
    assert correct / len(records) >= FLOOR, f"accuracy {correct / len(records):.3f} < {FLOOR}"


def test_no_place_is_correct_only_without_gold_location() -> None:
    empty = event_location.Record("Talks ended.", (6, 11), (), "test")
    located = event_location.Record("Talks ended in Rome.", (6, 11), ((15, 19),), "test")
    assert event_location.is_correct(empty, [])
    assert not event_location.is_correct(located, [])


def test_any_mention_of_the_chosen_place_can_match() -> None:
    record = event_location.Record("Rome said troops entered Rome.", (17, 24), ((25, 29),), "test")
    both = [Span(0, 4, "Rome"), Span(25, 29, "Rome")]
    assert event_location.is_correct(record, both)
    assert not event_location.is_correct(record, event_location.nearest(both, (0, 4)))
