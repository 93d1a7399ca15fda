"""CLI subcommands. Each module exposes ``add_arguments(parser)`` and ``run(args) -> int``.

``polybius.cli.COMMANDS`` lists them; the first line of a module's docstring is its help.
"""

from __future__ import annotations

import argparse
import importlib
from typing import Any


def add_module_parsers(subparsers: Any, registry: dict[str, str], handler: str) -> None:
    """Add one subparser per installed module of ``registry`` (name -> module path).

    Each module's ``run`` is stored on the parsed arguments as ``handler``; a module that is
    not installed is left out rather than breaking the whole command line.
    """
    for name, module_name in registry.items():
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name != module_name:
                raise
            continue
        summary = (module.__doc__ or name).strip().splitlines()[0]
        sub = subparsers.add_parser(name, help=summary, description=module.__doc__,
                                    formatter_class=argparse.RawDescriptionHelpFormatter)
        module.add_arguments(sub)
        sub.set_defaults(**{handler: module.run})
