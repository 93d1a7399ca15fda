"""Floor for `polybius eval wikievents` on the first 10 WikiEvents dev documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from polybius.eval.wikievents import evaluate, read_documents

# Measured 2026-11-25 on the first 10 documents: attack trigger F1 0.590, die 0.828,
# arrest 0.800 (unchanged by the actor-country work). Lower a floor only on purpose, in the commit that explains why.
ATTACK_FLOOR = 0.57
DIE_FLOOR = 0.78
ARREST_FLOOR = 0.78


@pytest.mark.shared_data
def test_rebuilt_text_gives_every_trigger_its_words(shared_data: Path) -> None:
    documents = read_documents(shared_data / "wikievents")
    assert len(documents) == 20
    first = documents[0]
    assert any(first.text[e.start : e.end] == "kills" for e in first.events)


@pytest.mark.shared_data
def test_trigger_f1_stays_above_its_floors(shared_data: Path) -> None:
    triggers, _, count = evaluate(limit=10)
    assert count == 10
    assert triggers["attack"].f1()[2] >= ATTACK_FLOOR
    assert triggers["die"].f1()[2] >= DIE_FLOOR
    assert triggers["arrest"].f1()[2] >= ARREST_FLOOR
