"""Evaluate Polybius against a public gold dataset in ../shared/data and print the figures.

Each evaluation prints its figures and the counts behind them. The datasets are read from
../shared/data (or $POLYBIUS_SHARED_DATA); they are never copied into this repository.
"""

from __future__ import annotations

import argparse

from polybius.commands import add_module_parsers

EVALUATIONS: dict[str, str] = {
    "attribution": "polybius.eval.attribution",
    "plover": "polybius.eval.plover",
    "case": "polybius.eval.case",
    "wikievents": "polybius.eval.wikievents",
    "geoparse": "polybius.eval.geoparse",
    "event-location": "polybius.eval.event_location",
    "timex": "polybius.eval.timex",
    "clusters": "polybius.eval.clusters",
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """One sub-subcommand per evaluation that is installed."""
    evaluations = parser.add_subparsers(dest="evaluation", metavar="DATASET", required=True,
                                        help="the gold dataset to evaluate on")
    add_module_parsers(evaluations, EVALUATIONS, handler="evaluate")


def run(args: argparse.Namespace) -> int:
    """Run the chosen evaluation."""
    return int(args.evaluate(args))
