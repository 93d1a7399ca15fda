"""Archives: folders (recursive), globs, large JSONL dumps and WARC crawls -> Documents.

``iter_inputs`` turns the paths a user gives into one stream of ``Document`` objects and
``InputError`` objects (file or record, problem), reading lazily so memory stays flat however
large the archive. Single files go through ``polybius.ingest.read_input``; JSONL files are
streamed line by line (no size limit on the dump, only on each record); WARC and WARC.gz
files are read record by record with warcio.
"""

from __future__ import annotations

import glob
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from polybius.errors import InputError
from polybius.ingest import SUPPORTED, ReadItem, document_from_input, document_from_record
from polybius.ingest import read_input as read_file
from polybius.ingest.files import JSONL_SUFFIXES, decode
from polybius.options import Options

WARC_SUFFIXES = (".warc", ".warc.gz")
GLOB_CHARS = set("*?[")
# WARC payload types read as articles; everything else (images, scripts, CSS) is skipped.
WARC_TEXT_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def is_warc(path: Path) -> bool:
    """Whether a path names a WARC file (plain or gzipped)."""
    return path.name.lower().endswith(WARC_SUFFIXES)


def _wanted(path: Path) -> bool:
    hidden = any(part.startswith(".") for part in path.parts if part not in (".", ".."))
    return not hidden and (is_warc(path) or path.suffix.lower() in SUPPORTED)


def expand(names: Iterable[str]) -> Iterator[Path | InputError]:
    """Every file named by the inputs: files as given, folders walked, globs matched."""
    for name in names:
        path = Path(name)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and _wanted(p.relative_to(path)))
            yield from found
        elif not path.exists() and GLOB_CHARS & set(name):
            matches = sorted(glob.glob(name, recursive=True))
            if not matches:
                yield InputError(name, "no file matches this pattern")
            for match in matches:
                yield from expand([match]) if Path(match).is_dir() else [Path(match)]
        else:
            yield path


def iter_inputs(names: Iterable[str], options: Options) -> Iterator[ReadItem]:
    """Documents and per-input errors from files, folders, globs, JSONL and WARC files."""
    for item in expand(names):
        if isinstance(item, InputError):
            yield item
        elif is_warc(item):
            yield from read_warc(item, options)
        elif item.suffix.lower() in JSONL_SUFFIXES and item.is_file():
            yield from read_jsonl_stream(item, options)
        else:
            yield from read_file(str(item), options)


def read_jsonl_stream(path: Path, options: Options) -> Iterator[ReadItem]:
    """One document per line of a JSONL file of any size (each line under the size limit)."""
    name = str(path)
    try:
        with path.open("rb") as stream:
            for number, raw in enumerate(stream, start=1):
                if raw.strip():
                    yield _record(raw, f"{name}:{number}", options)
    except OSError as error:
        yield InputError(name, f"cannot read: {error.strerror or error}")


def _record(raw: bytes, where: str, options: Options) -> ReadItem:
    try:
        if len(raw) > options.max_bytes:
            raise InputError(where, f"record is over the {options.max_bytes / 1e6:.0f} MB limit")
        return document_from_record(json.loads(decode(raw, where)), where, options)
    except json.JSONDecodeError as error:
        return InputError(where, f"invalid JSON ({error.msg} at column {error.colno})")
    except InputError as error:
        return error


def read_warc(path: Path, options: Options) -> Iterator[ReadItem]:
    """Documents from the HTML and text responses of a WARC or WARC.gz file."""
    name = str(path)
    try:
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                if not record.format.startswith("warc"):
                    yield InputError(name, "not a WARC file (records lack a WARC/1.x header)")
                    return
                item = _warc_document(record, name, options)
                if item is not None:
                    yield item
    except ArchiveLoadFailed:
        yield InputError(name, "not a WARC file (unknown archive format)")
    except (OSError, EOFError, ValueError) as error:
        yield InputError(name, f"unreadable WARC: {type(error).__name__}: {str(error)[:120]}")


def _warc_document(record: ArcWarcRecord, name: str, options: Options) -> ReadItem | None:
    if record.rec_type not in ("response", "resource", "conversion"):
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    where = f"{name}#{uri or record.rec_headers.get_header('WARC-Record-ID')}"
    http = record.http_headers
    if http is not None and http.get_statuscode() and not http.get_statuscode().startswith("2"):
        return None
    content_type = (http.get_header("Content-Type") if http else None) or \
        record.rec_headers.get_header("Content-Type") or ""
    if not content_type.lower().startswith(WARC_TEXT_TYPES):
        return None
    try:
        data = record.content_stream().read(options.max_bytes + 1)
        if len(data) > options.max_bytes:
            raise InputError(where, f"record is over the {options.max_bytes / 1e6:.0f} MB limit")
        text = decode(data, where)
        # WARC-Date is when the page was crawled, not published: it is not used as a date.
        return document_from_input(text, options=options, source=where, url=uri or None)
    except InputError as error:
        return error


def estimate_count(names: Iterable[str]) -> int | None:
    """How many documents the inputs hold (JSONL lines counted), or None with a WARC."""
    total = 0
    for item in expand(names):
        if isinstance(item, InputError):
            total += 1
        elif is_warc(item):
            return None
        elif item.suffix.lower() in JSONL_SUFFIXES and item.is_file():
            total += _count_lines(item)
        else:
            total += 1
    return total


def _count_lines(path: Path) -> int:
    count, last = 0, b"\n"
    with path.open("rb") as stream:
        while block := stream.read(1 << 20):
            count += block.count(b"\n")
            last = block[-1:]
    return count + (last != b"\n")
