"""Export the events of a corpus database as JSON Lines, CSV, Parquet or GeoJSON.

One row per event of each original article (copies of an article are left out unless
--include-duplicates), with its date, place, actors, who said so, its cluster and its
article and every outlet that carried it; with --clusters, one row per real-world event
(its member reports, the outlets that reported it, their disagreements: death tolls, claims
and denials). Filters narrow the rows by date range, country of the place and event type.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from polybius.commands.ingest import add_database_argument
from polybius.export import FORMATS, export
from polybius.options import iso_date
from polybius.store import Store
from polybius.store.queries import EventFilter


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Flags of ``polybius export``."""
    add_database_argument(parser)
    parser.add_argument("--format", choices=FORMATS, default="jsonl",
                        help="output format (default: jsonl); parquet needs -o")
    parser.add_argument("--from", dest="date_from", type=iso_date, metavar="DATE",
                        help="only events that end on or after DATE (YYYY-MM-DD)")
    parser.add_argument("--to", dest="date_to", type=iso_date, metavar="DATE",
                        help="only events that start on or before DATE (YYYY-MM-DD)")
    parser.add_argument("--country", metavar="ISO3",
                        help="only events placed in this country (ISO 3166 alpha-3, e.g. LBY)")
    parser.add_argument("--type", metavar="TYPE", help="only events of this PLOVER type")
    parser.add_argument("--clusters", action="store_true",
                        help="one row per event cluster (one real-world event, with its "
                             "member reports, outlets and disagreements) instead of per event")
    parser.add_argument("--include-duplicates", action="store_true",
                        help="also export the events of articles that copy another one")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")


def run(args: argparse.Namespace) -> int:
    """Write the selected events; the row count goes to standard error."""
    selection = EventFilter(args.date_from, args.date_to, args.country, args.type,
                            args.include_duplicates)
    level = "clusters" if args.clusters else "events"
    with Store(args.db, read_only=True) as store:
        if args.output and args.format != "parquet":
            with open(args.output, "w", encoding="utf-8", newline="") as out:
                count = export(store, args.format, selection, out, level=level)
        else:
            path = Path(args.output) if args.output else None
            count = export(store, args.format, selection, sys.stdout, path, level)
    print(f"polybius: exported {count} {level}", file=sys.stderr)
    return 0
