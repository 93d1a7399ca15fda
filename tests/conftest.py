"""Shared fixtures: one loaded pipeline per test session, and the shared-data guard."""

from __future__ import annotations

from pathlib import Path

import pytest

from polybius.eval import shared_data_dir
from polybius.options import Options
from polybius.pipeline import Pipeline

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """The default pipeline, loaded once."""
    return Pipeline(Options())


@pytest.fixture(scope="session")
def nlp(pipeline: Pipeline):
    """The spaCy Language object inside the pipeline."""
    return pipeline.nlp


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The ../shared/data folder; tests that need it skip with a clear message when absent."""
    path = shared_data_dir()
    if not path.is_dir():
        pytest.skip(f"../shared/data not found at {path}: gold-data test skipped")
    return path
