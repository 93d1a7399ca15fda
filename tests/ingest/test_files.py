"""Reading files: supported types, JSONL records, and one clear error per bad input."""

from __future__ import annotations

import json

import pytest

from polybius.errors import InputError
from polybius.ingest import document_from_input, read_input
from polybius.model import Document
from polybius.options import Options

ARTICLE = "Rebel fighters attacked an army convoy near Gao on Sunday, killing six soldiers, the army said."


def read_all(path, **options):
    return list(read_input(str(path), Options(**options)))


def only_error(items) -> InputError:
    assert len(items) == 1 and isinstance(items[0], InputError), items
    return items[0]


def test_text_file_becomes_one_document(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    [document] = read_all(path)
    assert isinstance(document, Document) and document.text == ARTICLE and document.source == str(path)


def test_missing_file_is_an_error_naming_it(tmp_path):
    error = only_error(read_all(tmp_path / "missing.txt"))
    assert "missing.txt" in str(error) and "no such file" in error.problem


def test_empty_file_is_refused(tmp_path):
    (tmp_path / "e.txt").write_text("  \n", encoding="utf-8")
    assert "empty" in only_error(read_all(tmp_path / "e.txt")).problem


def test_binary_file_is_refused(tmp_path):
    (tmp_path / "b.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert "binary" in only_error(read_all(tmp_path / "b.txt")).problem


def test_invalid_utf8_names_the_offset(tmp_path):
    (tmp_path / "l.txt").write_bytes(ARTICLE.encode() + b" caf\xe9")
    problem = only_error(read_all(tmp_path / "l.txt")).problem
    assert "UTF-8" in problem and "0xe9" in problem


def test_unknown_extension_is_refused(tmp_path):
    (tmp_path / "a.pdf").write_text(ARTICLE, encoding="utf-8")
    assert "unsupported file type '.pdf'" in only_error(read_all(tmp_path / "a.pdf")).problem


def test_file_over_the_size_limit_is_refused(tmp_path):
    (tmp_path / "big.txt").write_text(ARTICLE * 10, encoding="utf-8")
    assert "limit" in only_error(read_all(tmp_path / "big.txt", max_bytes=100)).problem


def test_jsonl_gives_documents_and_line_errors_in_order(tmp_path):
    lines = [json.dumps({"id": "n1", "text": ARTICLE, "published": "2020-01-02", "url": "http://x.example/1"}),
             "{not json",
             json.dumps({"id": "n3"}),
             json.dumps({"html": f"<html><body><article><p>{ARTICLE} {ARTICLE}</p></article></body></html>"})]
    (tmp_path / "d.jsonl").write_text("\n".join(lines), encoding="utf-8")
    items = read_all(tmp_path / "d.jsonl")
    assert [type(i).__name__ for i in items] == ["Document", "InputError", "InputError", "Document"]
    assert items[0].source == "n1" and items[0].published == "2020-01-02" and items[0].url == "http://x.example/1"
    assert items[1].source.endswith("d.jsonl:2") and "invalid JSON" in items[1].problem
    assert "Gao" in items[3].text


def test_verbatim_keeps_the_input_exactly():
    text = "Title\n\nBy Someone\n\n" + ARTICLE + "\n\nCopyright 2020"
    document = document_from_input(text, options=Options(verbatim=True, published="2020-05-05"))
    assert document.text == text and document.published == "2020-05-05"


def test_published_option_is_the_fallback_date():
    document = document_from_input(ARTICLE, options=Options(published="2021-07-01"))
    assert document.published == "2021-07-01"


@pytest.mark.parametrize("text", ["", "   \n\n "])
def test_empty_string_is_refused(text):
    with pytest.raises(InputError):
        document_from_input(text, options=Options())
