"""The JSON Schema of the report (``polybius/report@2``) and a validator for it."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files
from typing import Any

import jsonschema


@lru_cache(maxsize=1)
def report_schema() -> dict[str, Any]:
    """The JSON Schema that every report satisfies."""
    return json.loads(files(__name__).joinpath("report.schema.json").read_text(encoding="utf-8"))


def validation_errors(report: dict[str, Any]) -> list[str]:
    """Every way a report (as a dict) breaks the schema; empty when it is valid."""
    validator = jsonschema.Draft202012Validator(report_schema())
    return [f"{'/'.join(map(str, e.path)) or '<root>'}: {e.message}" for e in validator.iter_errors(report)]
