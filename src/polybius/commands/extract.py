"""Extract a sourced event report from each article (text, scraped page, HTML, JSONL or -).

One document prints one JSON report; several print JSON Lines, one report per document,
in input order. Inputs that cannot be read are reported on standard error (file and
problem) and skipped; the exit status is then 1.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator
from itertools import chain
from typing import TextIO

from polybius.errors import InputError
from polybius.export.summary import render_summary
from polybius.ingest import read_input
from polybius.model import Document, Report
from polybius.options import Options, add_option_arguments, options_from_args
from polybius.pipeline import Pipeline


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Flags of ``polybius extract``."""
    parser.add_argument("inputs", nargs="+", metavar="INPUT",
                        help=".txt/.md (plain text or scraped page), .html/.htm, .jsonl (one "
                             "document per line: text or html, optional id, url, published, "
                             "title), or - for standard input")
    parser.add_argument("--format", choices=["json", "jsonl", "summary"], default=None,
                        help="json: one indented report (a JSON array for several documents); "
                             "jsonl: one report per line; summary: readable text. Default: json "
                             "for one document, jsonl for several")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    parser.add_argument("--save-jsonl", metavar="FILE",
                        help="also write every report as JSON Lines to FILE (for example a "
                             "readable summary on screen and the data on disk, in one parse)")
    add_option_arguments(parser)


def run(args: argparse.Namespace) -> int:
    """Read every input, analyse the documents, print the reports; 1 if any input failed."""
    options = options_from_args(args)
    errors: list[InputError] = []
    documents = read_documents(args.inputs, options, errors)
    reports = Pipeline(options).analyze_many(documents)
    if args.save_jsonl:
        with open(args.save_jsonl, "w", encoding="utf-8") as saved:
            _write(args, _saving(reports, saved))
    else:
        _write(args, reports)
    return 1 if errors else 0


def _write(args: argparse.Namespace, reports: Iterator[Report]) -> None:
    """Write the reports to ``--output`` or stdout in the chosen format."""
    if args.output:
        with open(args.output, "w", encoding="utf-8") as out:
            write_reports(reports, args.format, out)
    else:
        write_reports(reports, args.format, sys.stdout)


def _saving(reports: Iterator[Report], saved: TextIO) -> Iterator[Report]:
    """The reports unchanged, each also written to ``saved`` as one JSON line."""
    for report in reports:
        saved.write(report.to_json(indent=None) + "\n")
        yield report


def read_documents(inputs: Iterable[str], options: Options, errors: list[InputError]) -> Iterator[Document]:
    """Documents of every input in order; problems go to stderr and into ``errors``."""
    for name in inputs:
        for item in read_input(name, options):
            if isinstance(item, InputError):
                print(f"polybius: error: {item}", file=sys.stderr)
                errors.append(item)
            else:
                yield item


def write_reports(reports: Iterator[Report], fmt: str | None, out: TextIO) -> None:
    """Write reports in the chosen format, streaming where the format allows."""
    first = next(reports, None)
    if first is None:
        return
    second = next(reports, None)
    every = _chain(first, second, reports)
    if fmt == "summary":
        for report in every:
            out.write(render_summary(report) + "\n")
    elif fmt == "json" or (fmt is None and second is None):
        if second is None:
            out.write(first.to_json() + "\n")
        else:
            out.write(json.dumps([r.to_dict() for r in every], ensure_ascii=False, indent=2) + "\n")
    else:
        for report in every:
            out.write(report.to_json(indent=None) + "\n")


def _chain(first: Report, second: Report | None, rest: Iterator[Report]) -> Iterator[Report]:
    """The reports again in order, warning about failed stages as each one is written."""
    everything = chain([first], rest if second is None else chain([second], rest))
    for report in everything:
        warn_stage_failures(report)
        yield report


def warn_stage_failures(report: Report) -> None:
    """Tell the user on stderr when an extractor failed on a document."""
    for warning in report.warnings:
        print(f"polybius: warning: {report.document.source}: stage {warning.stage} failed: "
              f"{warning.message}", file=sys.stderr)
