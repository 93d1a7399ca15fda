"""Quotation spans: straight and curly marks, and quotations over several paragraphs."""

from __future__ import annotations

from polybius.extract.quotes import find_quotes


def _texts(text: str) -> list[str]:
    return [text[s:e] for s, e in find_quotes(text)]


def test_curly_and_straight_quotes_are_found() -> None:
    text = 'He said “we will stay” and she said "we will go".'
    assert _texts(text) == ["“we will stay”", '"we will go"']


def test_quote_over_paragraphs_is_one_span() -> None:
    text = "She said: “The port is closed.\n\n“The road is open.” Then she left."
    assert _texts(text) == ["“The port is closed.\n\n“The road is open.”"]


def test_unclosed_quote_ends_with_its_paragraph() -> None:
    text = "He said: “The port is closed\n\nNext paragraph here."
    assert _texts(text) == ["“The port is closed"]


def test_typewriter_quote_pairs_are_found() -> None:
    text = "He said ''we will stay here,'' and left. Then ``we go'' was heard."
    assert _texts(text) == ["''we will stay here,''", "``we go''"]
