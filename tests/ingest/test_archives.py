"""Archives: folders, globs, streamed JSONL and WARC files -> documents and errors."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from polybius.errors import InputError
from polybius.ingest.archives import estimate_count, expand, iter_inputs
from polybius.model import Document
from polybius.options import Options

ARTICLE = ("Rebels attacked an army convoy near the town on Monday, killing twelve soldiers, "
           "the defence ministry said in a statement.\n\nThe army said it would respond.")
PAGE = (f"<html><head><title>Convoy attacked</title></head><body><article><h1>Convoy attacked"
        f"</h1><p>{ARTICLE.splitlines()[0]}</p><p>The army said it would respond with force "
        f"and sent reinforcements to the area overnight.</p></article></body></html>")


def split(items: list) -> tuple[list[Document], list[InputError]]:
    docs = [i for i in items if isinstance(i, Document)]
    return docs, [i for i in items if isinstance(i, InputError)]


def write_warc(path: Path, records: list[tuple[str, str, bytes]]) -> None:
    """A gzipped WARC of HTTP responses (uri, content type, body)."""
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for uri, content_type, body in records:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)],
                                       protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body), http_headers=headers))


def test_folder_is_read_recursively_and_skips_other_files(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "deep.txt").write_text(ARTICLE)
    (tmp_path / "top.md").write_text(ARTICLE + " Again.")
    (tmp_path / "style.css").write_text("body {}")
    assert [p.name for p in expand([str(tmp_path)])] == ["deep.txt", "top.md"]


def test_glob_matches_files(tmp_path: Path) -> None:
    for name in ("one.txt", "two.txt", "three.html"):
        (tmp_path / name).write_text(ARTICLE)
    assert sorted(p.name for p in expand([str(tmp_path / "*.txt")])) == ["one.txt", "two.txt"]


def test_glob_without_match_is_an_error(tmp_path: Path) -> None:
    errors = list(expand([str(tmp_path / "*.nothing")]))
    assert isinstance(errors[0], InputError) and "no file matches" in errors[0].problem


def test_jsonl_bad_line_is_an_error_and_the_rest_is_read(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    good = json.dumps({"id": "r1", "text": ARTICLE})
    path.write_text(f"{good}\n{{not json\n\n{json.dumps({'id': 'r2', 'text': ARTICLE + ' x'})}\n")
    docs, errors = split(list(iter_inputs([str(path)], Options())))
    assert [d.source for d in docs] == ["r1", "r2"]
    assert errors[0].source == f"{path}:2"


def test_warc_html_responses_become_documents(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, [("https://news.example/convoy", "text/html; charset=utf-8",
                       PAGE.encode()),
                      ("https://news.example/logo.png", "image/png", b"\x89PNG....")])
    docs, errors = split(list(iter_inputs([str(path)], Options())))
    assert len(docs) == 1 and not errors
    assert docs[0].url == "https://news.example/convoy"
    assert "twelve soldiers" in docs[0].text


def test_corrupt_warc_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.warc.gz"
    path.write_bytes(gzip.compress(b"this is not a WARC record at all\r\n\r\n"))
    docs, errors = split(list(iter_inputs([str(path)], Options())))
    assert not docs and errors[0].source == str(path)


def test_missing_file_is_an_error_and_others_are_read(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text(ARTICLE)
    docs, errors = split(list(iter_inputs([str(tmp_path / "gone.txt"),
                                           str(tmp_path / "ok.txt")], Options())))
    assert len(docs) == 1 and errors[0].problem == "no such file"


def test_estimate_counts_jsonl_lines_and_files(tmp_path: Path) -> None:
    (tmp_path / "dump.jsonl").write_text('{"text": "a"}\n{"text": "b"}\n{"text": "c"}')
    (tmp_path / "page.txt").write_text(ARTICLE)
    assert estimate_count([str(tmp_path)]) == 4
