"""Floor test for polybius.eval.timex on a fixed subset of TempEval-3 TBAQ-cleaned."""

from __future__ import annotations

from pathlib import Path

import pytest

from polybius.eval import timex
from polybius.pipeline import Pipeline

# Measured on the first 30 documents: strict 0.891, relaxed 0.958, value F1 0.771
# (all 256: strict 0.883, relaxed 0.944, value F1 0.821).
FLOORS = {"strict_f1": 0.875, "relaxed_f1": 0.945, "value_f1": 0.76}


@pytest.mark.shared_data
def test_tempeval_subset_stays_above_floor(shared_data: Path, pipeline: Pipeline) -> None:
    figures = timex.figures(timex.evaluate(timex.load(30), pipeline))
    for name, floor in FLOORS.items():
        assert figures[name] >= floor, f"timex {name} {figures[name]:.3f} < floor {floor}"


@pytest.mark.shared_data
def test_reader_offsets_reproduce_the_gold_text(shared_data: Path) -> None:
    doc = timex.load(1)[0]
    assert doc.timexes and all(doc.text[t.start:t.end] == t.text for t in doc.timexes)
