"""Show what a corpus database holds: documents, copies, errors, events, clusters.

Events are counted once per original article (copies are not counted again) and once per
cluster (one real-world event reported by several articles).
"""

from __future__ import annotations

import argparse
import json

from polybius.commands.ingest import add_database_argument
from polybius.store import Store
from polybius.store.stats import corpus_stats, render_stats


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Flags of ``polybius stats``."""
    add_database_argument(parser)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")


def run(args: argparse.Namespace) -> int:
    """Print the overview of the database."""
    with Store(args.db, read_only=True) as store:
        stats = corpus_stats(store)
    print(json.dumps(stats, indent=2) if args.json else render_stats(stats))
    return 0
