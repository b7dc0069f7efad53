"""How fast and in how much memory partnerkit-ror reads a ROR dump.

Usage: python bench/ror_read.py [PATH]   (default: ../shared/data/ror-records)
Prints records, seconds, records/second and the peak of traced Python memory.
"""

from __future__ import annotations

import sys
import time
import tracemalloc
from pathlib import Path

from partnerkit_ror import read_institutions


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared/data/ror-records"
    errors: list[object] = []
    start = time.perf_counter()
    count = sum(1 for _ in read_institutions(path, on_error=errors.append))
    seconds = time.perf_counter() - start
    print(f"{path}: {count} institutions, {len(errors)} errors, {seconds:.2f} s, {count / seconds:,.0f} records/s")
    tracemalloc.start()
    sum(1 for _ in read_institutions(path, on_error=errors.append))
    _, peak = tracemalloc.get_traced_memory()
    print(f"peak traced memory while streaming: {peak / 2**20:.1f} MiB")


if __name__ == "__main__":
    main()
