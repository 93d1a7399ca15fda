"""The wire dateline opening a story."""

from __future__ import annotations

import pytest

from polybius.ingest.datelines import Dateline, dateline_end, read_dateline


@pytest.mark.parametrize(("text", "rest"), [
    ("BAMAKO, Mali (AP) \u2014 Gunmen opened fire.", "Gunmen"),
    ("KABUL -- Officials met on Monday.", "Officials"),
    ("OLYMPIA, Wash. - Officials met on Monday.", "Officials"),
    ("TOLEDO, Ohio (AP) - Officials met on Monday.", "Officials"),
    ("DENVER (AP) - Officials met on Monday.", "Officials"),
    ("TUNIS - Officials met on Monday.", "Officials"),
    ("LAGOS, March 3, 2018 (Example Wire) -- Officials met on Monday.", "Officials"),
    ("PALO ALTO, Calif.--(Example Wire)--Officials met on Monday.", "Officials"),
    ("DENVER (AP) Officials met on Monday.", "Officials"),
    ("QUETTA, May 2 (APP):Officials met on Monday.", "Officials"),
    ("FRESNO, Calif. (KXYZ7) \u2014 Officials met on Monday.", "Officials"),
    ("DENVER (AP) \ufffd Officials met on Monday.", "Officials"),
])
def test_dateline_ends_before_the_story(text: str, rest: str) -> None:
    assert text[dateline_end(text):].startswith(rest)


@pytest.mark.parametrize("text", [
    "Gunmen opened fire in Bamako.",
    "Brexit - what comes next for Europe",
    "HEADLINE\n\u2014 a line below it",
    "Garcia -- who led the talks -- said no.",
    "Peru   s mines reopened.",
    "By Ann Lee. DENVER (AP) - Officials met.",
    "Denver (AP) Officials met on Monday.",
    "Fresno: a city that grew.",
])
def test_no_dateline(text: str) -> None:
    assert dateline_end(text) == 0


def test_dateline_keeps_its_date_and_agency() -> None:
    text = "LAGOS, 3 March 2018 (Example Wire) - Officials met."
    assert read_dateline(text) == Dateline(text.index("Officials"), "3 March 2018", "Example Wire")
    assert read_dateline("TUNIS - Officials met.") == Dateline(len("TUNIS - "))
