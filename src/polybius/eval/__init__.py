"""Evaluations against the public gold datasets in ``../shared/data`` (never copied here).

Each evaluation module exposes ``add_arguments(parser)`` and ``run(args) -> int`` and is
registered in ``polybius.cli.EVALUATIONS``; it prints its figures and the counts behind them.
"""

from __future__ import annotations

import os
from pathlib import Path

from polybius.errors import EvaluationDataMissing

DATA_ENV = "POLYBIUS_SHARED_DATA"


def shared_data_dir() -> Path:
    """Where the gold datasets are: ``$POLYBIUS_SHARED_DATA``, else ``../shared/data``.

    ``../shared/data`` is tried relative to the repository root, then to the working directory.
    """
    configured = os.environ.get(DATA_ENV)
    if configured:
        return Path(configured)
    repo_root = Path(__file__).resolve().parents[3]
    for base in (repo_root, Path.cwd()):
        candidate = (base / ".." / "shared" / "data").resolve()
        if candidate.is_dir():
            return candidate
    return (repo_root / ".." / "shared" / "data").resolve()


def dataset_dir(name: str) -> Path:
    """The folder of one dataset, or ``EvaluationDataMissing`` naming where it was looked for."""
    path = shared_data_dir() / name
    if not path.is_dir():
        raise EvaluationDataMissing(
            f"gold dataset {name!r} not found at {path} (set {DATA_ENV} to the shared data folder)"
        )
    return path
