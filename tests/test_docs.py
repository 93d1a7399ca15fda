"""Documentation stays in step with the code: commands, options and report fields are documented."""

from __future__ import annotations

import pytest

from polybius.cli import build_parser
from polybius.schema import report_schema

from .conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
REPORT_DOC = (REPO / "docs" / "report.md").read_text(encoding="utf-8")


def subcommands(parser):
    action = next(a for a in parser._actions if a.dest in {"command", "evaluation"})
    return action.choices


def test_readme_starts_with_the_two_commands():
    head = README[:400]
    assert "make run" in head and "make test" in head


@pytest.mark.parametrize("command", sorted(subcommands(build_parser())))
def test_every_command_is_in_the_readme(command):
    assert f"polybius {command}" in README


def test_every_extract_flag_is_in_the_readme():
    extract = subcommands(build_parser())["extract"]
    flags = [s for a in extract._actions for s in a.option_strings if s.startswith("--") and s != "--help"]
    missing = [f for f in flags if f not in README]
    assert not missing


def test_every_evaluation_is_in_the_readme():
    evaluations = subcommands(subcommands(build_parser())["eval"])
    missing = [name for name in evaluations if f"polybius eval {name}" not in README]
    assert not missing


@pytest.mark.parametrize("section", ["document", "entities", "attributions", "events", "places", "times"])
def test_every_report_field_is_in_the_report_doc(section):
    schema = report_schema()["properties"][section]
    properties = schema.get("properties") or schema["items"]["properties"]
    missing = [name for name in properties if f"`{name}`" not in REPORT_DOC]
    assert not missing, (section, missing)
