"""docs/web.md keeps up with the app: every flag of ``polybius serve`` and every route."""

from __future__ import annotations

import re

from polybius.cli import build_parser
from polybius.web import create_app

from ..conftest import REPO

WEB_DOC = (REPO / "docs" / "web.md").read_text(encoding="utf-8")


def test_every_serve_flag_is_documented() -> None:
    commands = next(a for a in build_parser()._actions if a.dest == "command").choices
    flags = [s for a in commands["serve"]._actions for s in a.option_strings
             if s.startswith("--") and s != "--help"]
    assert flags and not [f for f in flags if f"`{f}" not in WEB_DOC]


def test_every_route_is_documented(corpus_db) -> None:
    paths = [route.path for route in create_app(str(corpus_db)).routes]
    documented = {re.sub(r"\{[^}]+\}", "{}", p) for p in re.findall(r"`(/[^`]*)`", WEB_DOC)}
    missing = [p for p in paths if re.sub(r"\{[^}]+\}", "{}", p) not in documented
               and not p.startswith("/static/")]
    assert paths and not missing
