"""Stable LSH band keys."""

from __future__ import annotations

import numpy as np

from polybius.corpus.bands import band_keys, band_parameters


def test_parameters_cover_the_signature() -> None:
    bands, rows = band_parameters(0.6, 128)
    assert bands > 1 and rows > 1 and bands * rows <= 128


def test_equal_bands_give_equal_keys_and_others_differ() -> None:
    rng = np.random.default_rng(1)
    bands, rows = band_parameters(0.6, 128)
    a = rng.integers(0, 2**32, 128, dtype=np.uint64).astype(np.uint32)
    b = a.copy()
    b[rows:] = rng.integers(0, 2**32, 128 - rows, dtype=np.uint64).astype(np.uint32)  # only band 0 shared
    ka, kb = band_keys(a, bands, rows), band_keys(b, bands, rows)
    assert ka.dtype == np.int64 and len(ka) == bands
    assert ka[0] == kb[0]
    assert not set(ka[1:].tolist()) & set(kb[1:].tolist())


def test_the_same_band_in_another_position_is_another_key() -> None:
    bands, rows = band_parameters(0.6, 128)
    same = np.ones(128, dtype=np.uint32)
    keys = band_keys(same, bands, rows)
    assert len(set(keys.tolist())) == bands


def test_keys_are_stable_values() -> None:
    values = np.arange(128, dtype=np.uint32)
    bands, rows = band_parameters(0.6, 128)
    assert band_keys(values, bands, rows).tolist() == band_keys(values.copy(), bands, rows).tolist()
