"""Registry build / save / load / memory and match throughput with p99 latency.

Usage: python bench/registry.py [N_INSTITUTIONS=100000] [N_QUERIES=5000]

Each step prints wall time and the CPU time of this process: on a shared machine the
CPU time is the fair figure (wall time grows with other processes' load).

Before timing, 200 other queries build the structures ``Registry.match`` makes on first use
(country names, city table, name profiles); their time is printed as the warm-up, not counted
in the throughput. A full garbage collection is run before the timed loop (the build leaves
one due), and the time of the full collections that still fall inside the loop is printed:
with a 100k registry each walks a few hundred thousand objects (~0.4 s), and where one falls
moves the figure by several percent.
"""

from __future__ import annotations

import gc
import random
import sys
import tempfile
import time
from pathlib import Path

from _data import ror_institutions, rss_mb, synthetic_institutions, variants

import partnerkit as pk


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    nq = int(sys.argv[2]) if len(sys.argv) > 2 else 5_000
    t = time.perf_counter()
    insts = synthetic_institutions(n, base=ror_institutions())
    print(f"institutions: {len(insts)} ({sum(1 for i in insts if i.id.startswith('https://ror.org'))} from ROR),"
          f" generated in {time.perf_counter() - t:.1f}s")  # fmt: skip
    t, c = time.perf_counter(), time.process_time()
    reg = pk.Registry(insts)
    print(f"build: {time.perf_counter() - t:.1f}s (cpu {time.process_time() - c:.1f}s), {len(reg.index.texts)} names,"
          f" {len(reg.index.postings)} keys")  # fmt: skip
    path = Path(tempfile.mkdtemp()) / "bench.pkreg"
    t = time.perf_counter()
    reg.save(path)
    print(f"save: {time.perf_counter() - t:.1f}s, file {path.stat().st_size / 1e6:.0f} MB")
    del reg
    t, c = time.perf_counter(), time.process_time()
    reg = pk.Registry.load(path)
    print(f"load: {time.perf_counter() - t:.2f}s (cpu {time.process_time() - c:.2f}s)")
    rng = random.Random(7)
    queries = [variants(rng.choice(insts), rng) for _ in range(nq)]
    queries += [f"Unknown {rng.choice(['Univ', 'Institute', 'College'])} of Nowhere {k}" for k in range(nq // 10)]
    warm = random.Random(3)
    t, c = time.perf_counter(), time.process_time()
    reg.match("Dept. of Physics, Univ. of Nowhere, 12345 Paris, France")  # loads the country names once
    for _ in range(200):
        reg.match(variants(warm.choice(insts), warm), limit=5)
    print(
        f"warm-up (one-time structures, 201 queries): {time.perf_counter() - t:.2f}s"
        f" (cpu {time.process_time() - c:.2f}s)"
    )
    gc.collect()
    full: list[float] = []

    def _timed(phase: str, info: dict[str, int]) -> None:
        if info["generation"] == 2:
            full.append(-time.process_time() if phase == "start" else time.process_time())

    gc.callbacks.append(_timed)
    lat = []
    t0, c0 = time.perf_counter(), time.process_time()
    for q in queries:
        t = time.perf_counter()
        reg.match(q, limit=5)
        lat.append(time.perf_counter() - t)
    total = time.perf_counter() - t0
    cpu = time.process_time() - c0
    gc.callbacks.remove(_timed)
    lat.sort()
    print(f"match: {len(queries)} queries, {len(queries) / total:.0f} queries/s (cpu: {len(queries) / cpu:.0f}/s), "
          f"p50 {lat[len(lat) // 2] * 1e3:.2f} ms, p99 {lat[int(len(lat) * 0.99)] * 1e3:.2f} ms")  # fmt: skip
    print(f"of which full garbage collections: {len(full) // 2}, {sum(full):.2f} s CPU")
    print(f"peak RSS: {rss_mb():.0f} MB")


if __name__ == "__main__":
    main()
