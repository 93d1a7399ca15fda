"""Ingest files, folders, globs, JSONL dumps and WARC crawls into a corpus database.

Each document is stored once, keyed by the sha256 of its text: a rerun skips what is
stored, and a killed run resumes where it stopped. Copies of an article (syndication,
near-duplicates) are linked to their original; events are clustered across articles.
Inputs that cannot be read are listed in the summary and the ``errors`` table, and skipped;
the exit status is then 1.
"""

from __future__ import annotations

import argparse
import sys

from polybius.corpus.ingest import ingest
from polybius.options import add_option_arguments, options_from_args

DEFAULT_DB = "polybius.duckdb"


def add_database_argument(parser: argparse.ArgumentParser) -> None:
    """The ``--db`` flag shared by ingest, export and stats."""
    parser.add_argument("--db", default=DEFAULT_DB, metavar="FILE",
                        help=f"DuckDB database file (default: {DEFAULT_DB})")


def positive(value: str) -> int:
    """A positive integer from the command line."""
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {value!r}")
    return number


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Flags of ``polybius ingest``."""
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="a file (.txt, .md, .html, .jsonl, .warc, .warc.gz), a folder "
                             "(read recursively) or a quoted glob such as 'crawl/**/*.html'")
    add_database_argument(parser)
    parser.add_argument("--workers", type=positive, default=1, metavar="N",
                        help="parse on N processes, each loading the pipeline (default: 1)")
    parser.add_argument("--no-progress", action="store_true",
                        help="do not show the progress bar")
    parser.add_argument("--no-cluster", action="store_true",
                        help="do not recompute event clusters at the end of the run")
    add_option_arguments(parser)


def run(args: argparse.Namespace) -> int:
    """Ingest the paths and print the run summary; 1 if any input was skipped."""
    summary = ingest(args.paths, args.db, options_from_args(args), workers=args.workers,
                     progress=not args.no_progress and sys.stderr.isatty(),
                     cluster=not args.no_cluster)
    print("\n".join(summary.lines()))
    return 1 if summary.errors else 0
