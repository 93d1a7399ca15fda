"""Floor for `polybius eval plover` on the first 100 PLOVER gold records."""

from __future__ import annotations

from pathlib import Path

import pytest

from polybius.eval.plover import OLD_CATEGORIES, evaluate, plover_category, read_gold
from polybius.model import Event, Span

# Measured 2026-11-25 on the first 100 records: type 0.870 (87/100), source country
# 0.882 (75/85), target country 0.750 (57/76). Lower a floor only on purpose, in the commit
# that explains why.
TYPE_FLOOR = 0.85
SOURCE_FLOOR = 0.85
TARGET_FLOOR = 0.72


def _event(kind: str, status: str) -> Event:
    return Event(id="ev1", type=kind, evidence=Span(0, 1, "x"), status=status)


def test_planned_cooperation_reads_as_agree() -> None:
    assert plover_category(_event("AID", "planned")) == "AGREE"


def test_planned_force_reads_as_threaten() -> None:
    assert plover_category(_event("ASSAULT", "planned")) == "THREATEN"


def test_negated_cooperation_reads_as_reject() -> None:
    assert plover_category(_event("AID", "negated")) == "REJECT"


@pytest.mark.shared_data
def test_gold_records_use_plover_2021_categories(shared_data: Path) -> None:
    gold = read_gold(shared_data / "plover" / "PLOVER_GSR_CAMEO.txt")
    assert len(gold) == 194
    assert not {r.type for r in gold} & set(OLD_CATEGORIES)


@pytest.mark.shared_data
def test_type_and_source_accuracy_stay_above_their_floors(shared_data: Path) -> None:
    tally, _ = evaluate(limit=100)
    assert tally.records == 100
    assert tally.type_right / tally.records >= TYPE_FLOOR
    assert tally.source_right / tally.source_total >= SOURCE_FLOOR
    assert tally.target_right / tally.target_total >= TARGET_FLOOR
