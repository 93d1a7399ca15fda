"""The exception hierarchy: every error a user can see is one of these, shown in one line."""

from __future__ import annotations


class PolybiusError(Exception):
    """Base class of every error Polybius raises on purpose."""


class InputError(PolybiusError):
    """An input could not be read: missing, empty, binary, undecodable, too large, unknown type."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class ModelError(PolybiusError):
    """The spaCy pipeline could not be loaded."""


class EvaluationDataMissing(PolybiusError):
    """A gold dataset under ../shared/data is not there."""
