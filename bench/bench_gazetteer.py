"""Benchmark the gazetteer: cold open time, memory added, and lookups per second.

Run: .venv/bin/python bench/bench_gazetteer.py
Each figure is measured in a fresh process so that nothing is cached in memory.
"""

from __future__ import annotations

import json
import subprocess
import sys

PROBE = r"""
import json, resource, time
def rss():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
from polybius.resolve import gazetteer as gz
gz.index_path()
before = rss()
started = time.perf_counter()
gaz = gz.gazetteer()
opened = time.perf_counter() - started
names = ["Tripoli", "Misrata", "Benghazi", "Sirte", "Tobruk", "Rome", "Sigonella", "Aleppo",
         "Mosul", "Kabul", "Springfield", "Paris", "Georgia", "Aegean Sea", "Middle East"]
started = time.perf_counter()
for name in names:
    gaz.lookup(name)
cold = (time.perf_counter() - started) / len(names)
print(json.dumps({"open_s": opened, "rss_added_mb": rss() - before, "cold_lookup_ms": cold * 1e3,
                  "rss_total_mb": rss()}))
"""


def main() -> int:
    """Print the gazetteer figures."""
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                            check=True)
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    print(f"gazetteer open: {figures['open_s']:.3f} s; memory added "
          f"{figures['rss_added_mb']:.1f} MB (process {figures['rss_total_mb']:.0f} MB, "
          f"mostly the imported packages); first lookup of a name "
          f"{figures['cold_lookup_ms']:.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
