"""Evaluate Polybius against a public gold dataset in ../shared/data and print the figures.

Each evaluation prints its figures and the counts behind them. The datasets are read from
../shared/data (or $POLYBIUS_SHARED_DATA); they are never copied into this repository.
"""

from __future__ import annotations

import argparse
import importlib

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
    for name, module_name in EVALUATIONS.items():
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name != module_name:
                raise
            continue
        summary = (module.__doc__ or name).strip().splitlines()[0]
        sub = evaluations.add_parser(name, help=summary, description=module.__doc__)
        module.add_arguments(sub)
        sub.set_defaults(evaluate=module.run)


def run(args: argparse.Namespace) -> int:
    """Run the chosen evaluation."""
    return int(args.evaluate(args))
