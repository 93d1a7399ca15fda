"""Great-circle distances."""

from __future__ import annotations

from polybius.resolve.geodesy import km_between


def test_distance_between_known_cities() -> None:
    rome_to_tripoli = km_between(41.89, 12.51, 32.89, 13.19)
    assert 990 < rome_to_tripoli < 1010


def test_distance_is_symmetric_and_zero_at_one_point() -> None:
    assert km_between(10.0, 20.0, 10.0, 20.0) == 0.0
    assert abs(km_between(0.0, 0.0, 0.0, 90.0) - km_between(0.0, 90.0, 0.0, 0.0)) < 1e-9
