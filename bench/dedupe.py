"""Dedupe scaling: time and peak memory for N written names (synthetic, with variants).

Usage: python bench/dedupe.py [N=10000 100000 ...]   (each N runs in this process, in order)
"""

from __future__ import annotations

import random
import sys
import time

from _data import ror_institutions, rss_mb, synthetic_institutions, variants

import partnerkit as pk


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [10_000, 100_000]
    base = ror_institutions()
    for n in sizes:
        insts = synthetic_institutions(max(1000, n // 10), base=base)
        rng = random.Random(n)
        names = [variants(rng.choice(insts), rng) for _ in range(n)]
        t, c = time.perf_counter(), time.process_time()
        clusters = pk.dedupe(names)
        dt = time.perf_counter() - t
        print(f"dedupe {n} names ({len(set(names))} distinct, {len(insts)} institutions): {dt:.1f}s"
              f" (cpu {time.process_time() - c:.1f}s),"
              f" {len(clusters)} clusters, peak RSS {rss_mb():.0f} MB", flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
