"""The most two (or N) processes can gain on this machine: the ceiling for any multi-process engine.

Runs a fixed pure-Python loop alone, then N copies at once, several times, and prints the
ceiling ``N * alone / slowest of the N``: what N perfectly independent processes doing the
same CPU-bound work achieve over one. On a machine with N free physical cores it is close
to N; on a virtual machine whose cores contend, it is lower, and no Dask or Spark run can
beat it.

Usage::

    python bench/cores.py [--copies 2] [--rounds 5] [--n 30000000]
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import statistics
import time


def spin(n: int) -> float:
    """Wall seconds of ``n`` iterations of arithmetic (the same work in every copy)."""
    start = time.perf_counter()
    x = 0
    for i in range(n):
        x += i * i % 7
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--n", type=int, default=30_000_000)
    args = parser.parse_args()
    alone: list[float] = []
    together: list[float] = []
    with mp.get_context("spawn").Pool(args.copies) as pool:
        for _ in range(args.rounds):
            alone.append(pool.apply(spin, (args.n,)))
            together.append(max(pool.map(spin, [args.n] * args.copies)))
    one = statistics.median(alone)
    many = statistics.median(together)
    print(f"cpus: {os.cpu_count()}, load average before: {os.getloadavg()[0]:.2f}")
    print(f"one copy alone: median {one:.2f} s (runs: {', '.join(f'{t:.2f}' for t in alone)})")
    print(
        f"{args.copies} copies at once: median of the slowest {many:.2f} s "
        f"(runs: {', '.join(f'{t:.2f}' for t in together)})"
    )
    print(f"ceiling for {args.copies} processes: {args.copies * one / many:.2f}x one process")


if __name__ == "__main__":
    main()
