"""Placeholder: being written (see the helper's brief)."""

from __future__ import annotations

from typing import Any

from polybius.analysis import Analysis


def extract_places(analysis: Analysis) -> list[Any]:
    """Placeholder."""
    return []
