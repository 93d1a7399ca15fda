"""MUC and B-cubed on small clusterings with known scores."""

from __future__ import annotations

import pytest

from polybius.eval.coref import bcubed, muc

KEY = {"a": 1, "b": 1, "c": 1, "d": 2, "e": 2}


def test_identical_clusterings_score_one() -> None:
    assert muc(KEY, KEY).f1 == bcubed(KEY, KEY).f1 == 1.0


def test_all_singletons_have_zero_muc_recall() -> None:
    singletons = {m: m for m in KEY}
    assert muc(KEY, singletons).recall == 0.0
    assert bcubed(KEY, singletons).precision == 1.0


def test_merging_everything_scores_the_textbook_values() -> None:
    merged = {m: 0 for m in KEY}
    assert muc(KEY, merged).recall == 1.0
    assert muc(KEY, merged).precision == pytest.approx(3 / 4)
    assert bcubed(KEY, merged).precision == pytest.approx((3 * 3 / 5 + 2 * 2 / 5) / 5)
