"""LSH banding of MinHash signatures into stable 64-bit keys.

A signature of ``NUM_PERM`` values is cut into ``bands`` bands of ``rows`` values (the
parameters datasketch's ``MinHashLSH`` would choose for the candidate threshold); two
documents whose signatures agree on every value of at least one band are candidates. Each band
becomes one signed 64-bit key, computed with numpy only, identical across processes and runs,
so the keys can be stored (the ``minhash_bands`` table) and looked up by the database instead
of being held in memory.
"""

from __future__ import annotations

import numpy as np
from datasketch.lsh import _optimal_param

# Odd 64-bit multipliers (from splitmix64) mixing the values of a band into one key.
_MIX = np.array([0x9E3779B97F4A7C15, 0xBF58476D1CE4E5B9, 0x94D049BB133111EB], dtype=np.uint64)


def band_parameters(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows) minimising false positives and negatives at ``threshold``."""
    bands, rows = _optimal_param(threshold, num_perm, 0.5, 0.5)
    return int(bands), int(rows)


def band_keys(values: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """One int64 key per band of a signature (uint32 values); equal bands give equal keys."""
    block = np.asarray(values[:bands * rows], dtype=np.uint64).reshape(bands, rows)
    weights = _MIX[np.arange(rows) % len(_MIX)] + (np.arange(rows, dtype=np.uint64) << np.uint64(1))
    with np.errstate(over="ignore"):
        keys = (block * weights).sum(axis=1, dtype=np.uint64)
        keys ^= np.arange(bands, dtype=np.uint64) * _MIX[1]
        keys ^= keys >> np.uint64(31)
        keys *= _MIX[2]
    return keys.view(np.int64)
