"""How fast and in how much memory the csv source reads a large file.

Usage: python bench/csv_read.py [ROWS]   (default 200000)
Writes a CSV of ROWS institutions (with aliases, labels and a bad row every 1000) to a
temporary file, reads it through pk.open_source("csv"), and prints rows/second and the peak
of traced Python memory (flat in ROWS: the file is streamed).
"""

from __future__ import annotations

import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import partnerkit as pk


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    countries = ["RU", "CN", "DE", "FR", "Rusia"]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "unis.csv"
        with path.open("w", encoding="utf-8") as fh:
            fh.write("id,name,aliases,country,label_ru\n")
            for i in range(rows):
                country = countries[4] if i % 1000 == 999 else countries[i % 4]
                fh.write(f"u{i},University number {i},Univ {i}|U{i},{country},Университет {i}\n")
        size = path.stat().st_size
        start = time.perf_counter()
        source = pk.open_source("csv", path=str(path))
        count = sum(1 for _ in source.read())
        seconds = time.perf_counter() - start
        print(
            f"{rows} rows ({size / 2**20:.1f} MiB): imported {count}, rejected {source.summary.rejected}, "
            f"{seconds:.2f} s, {rows / seconds:,.0f} rows/s"
        )
        tracemalloc.start()
        sum(1 for _ in pk.open_source("csv", path=str(path)).read())
        print(f"peak traced memory while streaming: {tracemalloc.get_traced_memory()[1] / 2**20:.1f} MiB")


if __name__ == "__main__":
    main()
