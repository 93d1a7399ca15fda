"""The `polybius` command: formats, help, options in sync with the API, bad input."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path

import pytest

from polybius.cli import build_parser, main
from polybius.options import Options

ARTICLE = ("Government forces shelled rebel positions near Idlib on Monday, killing 12 fighters, "
           "a monitoring group said. The rebels said they had shot down a drone.")


@pytest.fixture()
def article(tmp_path: Path) -> Path:
    path = tmp_path / "one.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_one_document_prints_one_json_report(article, capsys):
    assert main(["extract", str(article), "--published", "2020-02-03"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["schema"] == "polybius/report@2" and report["document"]["published"] == "2020-02-03"


def test_several_documents_print_json_lines_in_input_order(article, tmp_path, capsys):
    second = tmp_path / "two.md"
    second.write_text("Protesters marched in the capital on Friday to demand the release of detained "
                      "journalists, organisers said.", encoding="utf-8")
    assert main(["extract", str(article), str(second)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["document"]["source"] for line in lines] == [str(article), str(second)]


def test_bad_inputs_are_reported_and_the_good_one_still_printed(article, tmp_path, capsys):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02abc")
    (tmp_path / "latin.txt").write_bytes(b"caf\xe9 au lait")
    (tmp_path / "doc.xyz").write_text(ARTICLE, encoding="utf-8")
    names = ["missing.txt", "empty.txt", "bin.txt", "latin.txt", "doc.xyz"]
    code = main(["extract", *(str(tmp_path / n) for n in names), str(article)])
    captured = capsys.readouterr()
    assert code == 1
    errors = captured.err.strip().splitlines()
    assert len(errors) == 5 and all(line.startswith("polybius: error: ") for line in errors)
    assert all(name in line for name, line in zip(names, errors, strict=True))
    assert json.loads(captured.out)["document"]["source"] == str(article)


def test_file_over_the_limit_is_one_line_error(article, capsys):
    assert main(["extract", "--max-bytes", "50", str(article)]) == 1
    assert "over the" in capsys.readouterr().err


def test_summary_is_readable_text(article, capsys):
    main(["extract", "--format", "summary", str(article)])
    out = capsys.readouterr().out
    assert out.startswith("== ") and "Events (" in out and "Places (" in out


def test_output_file_receives_the_report(article, tmp_path):
    target = tmp_path / "out.json"
    main(["extract", "-o", str(target), str(article)])
    assert json.loads(target.read_text(encoding="utf-8"))["document"]["text"] == ARTICLE


def test_summary_on_screen_and_json_lines_saved_in_one_run(article, tmp_path, capsys):
    saved = tmp_path / "reports.jsonl"
    assert main(["extract", "--format", "summary", "--save-jsonl", str(saved), str(article)]) == 0
    assert capsys.readouterr().out.startswith("== ")
    lines = saved.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["document"]["text"] == ARTICLE


def test_verbatim_keeps_offsets_on_the_input(tmp_path, capsys):
    path = tmp_path / "v.txt"
    text = "Short headline\n\nBy Someone\n\n" + ARTICLE
    path.write_text(text, encoding="utf-8")
    main(["extract", "--verbatim", str(path)])
    assert json.loads(capsys.readouterr().out)["document"]["text"] == text


def test_bad_published_date_is_a_usage_error(article):
    with pytest.raises(SystemExit) as exit_info:
        main(["extract", "--published", "March 3", str(article)])
    assert exit_info.value.code == 2


def test_every_option_has_a_flag():
    action_names = {a.dest for a in _subparser("extract")._actions}
    assert {f.name for f in dataclasses.fields(Options)} <= action_names


def test_every_flag_has_help():
    for name in ("extract", "eval"):
        for action in _subparser(name)._actions:
            assert action.help, f"{name} {action.dest} has no help"


def test_stdin_is_read_with_a_dash():
    result = subprocess.run([sys.executable, "-m", "polybius.cli", "extract", "-"], input=ARTICLE,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["document"]["source"] == "<stdin>"


def test_errors_never_show_a_traceback(tmp_path):
    result = subprocess.run([sys.executable, "-m", "polybius.cli", "extract", str(tmp_path / "nope.txt")],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 1 and "Traceback" not in result.stderr and "nope.txt" in result.stderr


def _subparser(name: str):
    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command")
    return commands.choices[name]
