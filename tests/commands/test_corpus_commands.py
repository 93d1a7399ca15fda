"""The corpus commands on the command line: ingest, export and stats."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from polybius.cli import main
from polybius.pipeline import Pipeline
from polybius.store import Store, StoredDocument
from tests.store.factory import make_report

ARTICLE = ("Rebels attacked an army convoy near Aleppo on Monday, killing twelve soldiers, "
           "the defence ministry said in a statement.")


@pytest.fixture()
def database(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.duckdb"
    with Store(path) as store:
        store.write([StoredDocument(make_report()),
                     StoredDocument(make_report(text="other " * 40, country="TUN"))])
    return path


def test_ingest_reports_bad_inputs_and_exits_1(tmp_path: Path, pipeline: Pipeline,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE)
    (tmp_path / "empty.txt").write_text("")
    code = main(["ingest", str(tmp_path), "--db", str(tmp_path / "c.duckdb"), "--no-progress"])
    out = capsys.readouterr().out
    assert code == 1
    assert "stored 1" in out and f"{tmp_path / 'empty.txt'}: file is empty" in out


def test_export_geojson_to_a_file(database: Path, tmp_path: Path) -> None:
    target = tmp_path / "events.geojson"
    assert main(["export", "--db", str(database), "--format", "geojson", "--country", "TUN",
                 "-o", str(target)]) == 0
    assert len(json.loads(target.read_text())["features"]) == 1


def test_export_csv_to_stdout(database: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--db", str(database), "--format", "csv", "--type", "ASSAULT"]) == 0
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 3 and "exported 2 events" in captured.err


def test_stats_json_counts_documents(database: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--db", str(database), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["documents"] == 2


def test_missing_database_is_one_line_error(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--db", str(tmp_path / "none.duckdb")]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("polybius: error:") and "none.duckdb" in err and "\n" not in err
