"""The ``polybius`` command: a thin layer over the Python API.

Each subcommand is a module in ``polybius.commands`` with ``add_arguments(parser)`` and
``run(args) -> int``; the first line of its docstring is its help. Domain errors are shown
as one line on standard error, never as a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from polybius import __version__
from polybius.commands import add_module_parsers
from polybius.errors import PolybiusError

COMMANDS: dict[str, str] = {
    "extract": "polybius.commands.extract",
    "ingest": "polybius.commands.ingest",
    "export": "polybius.commands.export",
    "stats": "polybius.commands.stats",
    "eval": "polybius.commands.eval",
    "serve": "polybius.commands.serve",
}


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every available subcommand."""
    parser = argparse.ArgumentParser(
        prog="polybius",
        description="Sourced, geolocated, time-resolved event data from news reports, offline.",
    )
    parser.add_argument("--version", action="version", version=f"polybius {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True, help="what to do")
    add_module_parsers(commands, COMMANDS, handler="handler")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the process exit code."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.handler(args))
    except PolybiusError as error:
        print(f"polybius: error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("polybius: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
