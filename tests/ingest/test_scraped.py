"""Scraped pages: header metadata, boilerplate removal, broken paragraphs."""

from __future__ import annotations

from polybius.ingest.scraped import find_date, parse_scraped_page, strip_markup

PAGE = """

Drought Deepens Across the Horn

By [Jane Doe](#) and [John Roe](https://example.org/roe)

Example Review, June 03, 2024

[Desert Monitor](#)

Region: [East Africa](#)

Theme: [Climate](#), [Food Security](#)

Rains failed for a fifth season across southern Somalia, aid agencies said on Monday, leaving *millions* short of food.

Officials in Baidoa said that more than 200 families had arrived in the town this week,

seeking water and shelter from the drought.

The original source of this article is [Desert Monitor](#)
Copyright © [Jane Doe](#), [Desert Monitor](#), 2024

[Become a Member of Example Review](#)

Disclaimer: The contents of this article are of sole responsibility of the author(s).
"""


def test_title_is_first_header_line():
    assert parse_scraped_page(PAGE).title == "Drought Deepens Across the Horn"


def test_byline_gives_every_author_without_link_syntax():
    assert parse_scraped_page(PAGE).authors == ["Jane Doe", "John Roe"]


def test_publisher_and_date_come_from_the_dateline():
    page = parse_scraped_page(PAGE)
    assert (page.publisher, page.published) == ("Example Review", "2024-06-03")


def test_tag_lines_become_lists_per_label():
    assert parse_scraped_page(PAGE).tags == {"Region": ["East Africa"], "Theme": ["Climate", "Food Security"]}


def test_original_source_is_read_from_the_footer():
    assert parse_scraped_page(PAGE).original_source == "Desert Monitor"


def test_boilerplate_after_the_copyright_line_is_not_in_the_body():
    body = parse_scraped_page(PAGE).body
    assert "Copyright" not in body and "Disclaimer" not in body and "Become a Member" not in body


def test_paragraph_split_mid_sentence_is_joined():
    page = parse_scraped_page(PAGE)
    assert "this week, seeking water" in page.body
    assert len(page.paragraphs) == 2


def test_emphasis_and_links_are_reduced_to_text():
    assert strip_markup("the *Times* and [Reuters](#) and **bold**") == "the Times and Reuters and bold"


def test_brackets_inside_quotes_are_kept():
    assert strip_markup("supporting [Libyans], not only") == "supporting [Libyans], not only"


def test_wire_dateline_gives_date_and_agency():
    page = parse_scraped_page("Headline here\n\nKABUL, Feb 3, 2021 (Some Wire) - Gunmen attacked a checkpoint "
                              "outside the city on Tuesday, killing four police officers, officials said.")
    assert (page.published, page.publisher) == ("2021-02-03", "Some Wire")


def test_dates_in_several_styles_are_read():
    assert find_date("Posted 4 March 2019 by staff")[1].isoformat() == "2019-03-04"
    assert find_date("Sept. 9, 2020")[1].isoformat() == "2020-09-09"
    assert find_date("2018-12-31T10:00")[1].isoformat() == "2018-12-31"
    assert find_date("no date here") is None
