"""Dedupe scaling: time and peak memory for N written names (synthetic, with variants).

Usage: python bench/dedupe.py [N=10000 100000 1000000 ...]

Each N runs in a fresh process (its own peak memory, no cache warmed by a smaller run), one
after another; a line per N as it ends, then the scaling table: wall and CPU seconds of the
``dedupe`` call, peak resident memory of its process, and names per CPU second.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import time

from _data import ror_institutions, rss_mb, synthetic_institutions, variants

import partnerkit as pk


def run(n: int) -> dict[str, float]:
    """Dedupe the bench list of ``n`` names in this process; the figures of the call."""
    insts = synthetic_institutions(max(1000, n // 10), base=ror_institutions())
    rng = random.Random(n)
    names = [variants(rng.choice(insts), rng) for _ in range(n)]
    t, c = time.perf_counter(), time.process_time()
    clusters = pk.dedupe(names)
    wall, cpu = time.perf_counter() - t, time.process_time() - c
    return {"n": n, "distinct": len(set(names)), "institutions": len(insts), "wall": wall, "cpu": cpu,
            "clusters": len(clusters), "peak_mb": rss_mb()}  # fmt: skip


def main() -> None:
    if sys.argv[1:2] == ["--one"]:
        print(json.dumps(run(int(sys.argv[2]))))
        return
    sizes = [int(a) for a in sys.argv[1:]] or [10_000, 100_000, 1_000_000]
    rows = []
    for n in sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(n)], capture_output=True, text=True, check=True)
        r = json.loads(out.stdout.splitlines()[-1])
        rows.append(r)
        print(f"dedupe {n} names ({r['distinct']} distinct, {r['institutions']} institutions):"
              f" {r['wall']:.1f}s (cpu {r['cpu']:.1f}s), {r['clusters']} clusters, peak RSS {r['peak_mb']:.0f} MB",
              flush=True)  # fmt: skip
    print("\n| names | distinct | wall s | CPU s | peak MB | names/s (CPU) |\n|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['n']:,} | {r['distinct']:,} | {r['wall']:.1f} | {r['cpu']:.1f} | {r['peak_mb']:,.0f}"
              f" | {r['n'] / max(r['cpu'], 1e-9):,.0f} |")  # fmt: skip


if __name__ == "__main__":
    main()
