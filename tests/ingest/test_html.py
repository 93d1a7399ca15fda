"""HTML pages through trafilatura: body without navigation and footer, and metadata."""

from __future__ import annotations

import pytest

from polybius.errors import InputError
from polybius.ingest.html import looks_like_html, parse_html

PAGE = """<!DOCTYPE html><html><head><title>Floods hit Dhaka | Example Times</title>
<meta name="author" content="Ana Silva"><meta property="og:site_name" content="Example Times">
<meta property="article:published_time" content="2023-08-14"></head><body>
<nav><a href="/">Home</a> <a href="/subscribe">Subscribe</a></nav><article><h1>Floods hit Dhaka</h1>
<p>Heavy monsoon rains flooded large parts of Dhaka on Sunday, displacing at least 20,000 people, officials said.</p>
<p>The army deployed boats to evacuate residents from low-lying districts, a spokesman said on Monday.</p>
</article><footer><p>Copyright 2023 Example Times. All rights reserved.</p></footer></body></html>"""


def test_html_is_recognised():
    assert looks_like_html(PAGE) and not looks_like_html("Plain words < 5 and > 3.")


def test_body_keeps_article_paragraphs_only():
    document = parse_html(PAGE, source="p.html")
    assert "displacing at least 20,000 people" in document.text
    assert "Subscribe" not in document.text and "Copyright" not in document.text


def test_metadata_comes_from_the_page():
    document = parse_html(PAGE, source="p.html")
    assert (document.authors, document.publisher, document.published) == (["Ana Silva"], "Example Times", "2023-08-14")


def test_page_without_text_is_an_error():
    with pytest.raises(InputError, match="no article text found"):
        parse_html("<html><body><nav>Home</nav></body></html>", source="empty.html")
