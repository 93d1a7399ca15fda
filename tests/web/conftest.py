"""A small corpus store built by the real pipeline, and a test client over it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from polybius.corpus.ingest import ingest
from polybius.pipeline import Pipeline
from polybius.web import create_app

STRIKE = """\
Russian warplanes struck a crowded market in Idlib on Tuesday, killing at least 12 civilians, \
the Syrian Observatory for Human Rights said.

"The planes hit the market twice," a local doctor told the Levant Daily. Rescue workers said \
the toll could rise as families searched the rubble & the dust.

The Russian Defence Ministry denied that its aircraft had attacked the town. Local council \
members said the market had been full of shoppers buying bread and vegetables before the \
holiday, and that the nearest hospital was already short of fuel and medicine.
"""

ARTICLES = {
    "levant-daily.md": f"""Airstrike kills civilians in Idlib market

By Sara Haddad

Levant Daily, March 09, 2016

{STRIKE}""",
    "coast-herald.md": """Market strike in Idlib leaves 20 dead

Coast Herald, March 10, 2016

Warplanes bombed a busy market in Idlib on Tuesday, killing 20 people, according to local \
rescue workers.

Turkish President Recep Tayyip Erdogan condemned the attack. Opposition groups said they \
would protest outside the United Nations office in Gaziantep on Friday.
""",
    "gulf-wire.md": f"""Airstrike kills civilians in Idlib market

Gulf Wire, March 11, 2016

{STRIKE}
Witnesses confirmed the account.

The original source of this article is Levant Daily
""",
    "bamako.txt": """Militants attack army post in Mali

BAMAKO, Nov 12, 2025 (Example Wire) - Suspected jihadist fighters killed at least 14 Malian \
soldiers in an attack on an army post near Mopti on Tuesday, the army said in a statement.
""",
}


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> Path:
    """A DuckDB store of four short invented articles (one a republished copy)."""
    folder = tmp_path_factory.mktemp("web-corpus")
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = folder / "corpus.duckdb"
    summary = ingest([str(folder)], str(db), pipeline=pipeline)
    assert summary.stored == 4 and not summary.errors
    return db


@pytest.fixture(scope="session")
def client(corpus_db: Path) -> Iterator[TestClient]:
    """A test client of the web app over the corpus."""
    with TestClient(create_app(str(corpus_db))) as test_client:
        yield test_client
