"""Tests for polybius.resolve.countries."""

from __future__ import annotations

import pytest

from polybius.resolve.countries import country_by_name, country_code, demonym_country, iso3_from_iso2


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Italy", "ITA"),
        ("Italian", "ITA"),
        ("Italians", "ITA"),
        ("US", "USA"),
        ("U.S.", "USA"),
        ("United States", "USA"),
        ("American", "USA"),
        ("Britain", "GBR"),
        ("British", "GBR"),
        ("UK", "GBR"),
        ("Great Britain", "GBR"),
    ],
)
def test_country_code_maps_names_variants_and_demonyms(name: str, code: str) -> None:
    assert country_code(name) == code


def test_country_code_ignores_leading_the_and_possessive() -> None:
    assert country_code("the Netherlands") == "NLD"
    assert country_code("Libya's") == "LBY"


def test_country_code_rejects_non_country_words() -> None:
    assert country_code("Obama") is None
    assert country_code("") is None


def test_country_by_name_excludes_demonyms() -> None:
    assert country_by_name("Libyan") is None
    assert demonym_country("Libyans") == "LBY"


def test_iso3_from_iso2_converts_codes() -> None:
    assert iso3_from_iso2("LY") == "LBY"
