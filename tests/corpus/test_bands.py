"""The compact LSH band index."""

from __future__ import annotations

import numpy as np

from polybius.corpus.bands import BandIndex


def test_identical_signatures_collide() -> None:
    index = BandIndex(0.6, 128)
    values = np.arange(128, dtype=np.uint32)
    slot = index.insert(values)
    assert index.query(values) == {slot}


def test_unrelated_signatures_do_not_collide() -> None:
    index = BandIndex(0.6, 128)
    index.insert(np.arange(128, dtype=np.uint32))
    assert index.query(np.arange(1000, 1128, dtype=np.uint32)) == set()


def test_signatures_are_kept_across_blocks() -> None:
    index = BandIndex(0.6, 16)
    for i in range(5000):
        index.insert(np.full(16, i, dtype=np.uint32))
    assert len(index) == 5000 and int(index.signature(4500)[0]) == 4500
