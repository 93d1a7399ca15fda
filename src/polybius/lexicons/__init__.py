"""Word lists and patterns used by extractors and resolvers, kept as reviewed data files.

Every file here starts with ``#`` header lines saying what it is and how its columns read.
Tables are tab-separated; blank lines and lines starting with ``#`` are skipped.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files


def lexicon_path(name: str) -> str:
    """The absolute path of the data file ``name`` in this package."""
    return str(files(__name__).joinpath(name))


@cache
def read_table(name: str) -> tuple[tuple[str, ...], ...]:
    """The rows of a tab-separated lexicon, each a tuple of stripped cells."""
    text = files(__name__).joinpath(name).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append(tuple(cell.strip() for cell in line.split("\t")))
    return tuple(rows)


def read_words(name: str) -> tuple[str, ...]:
    """The first column of a lexicon: a plain word list."""
    return tuple(row[0] for row in read_table(name))
