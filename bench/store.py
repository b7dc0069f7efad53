"""Store throughput: import, re-import (idempotent), queries and export on synthetic records.

Usage: python bench/store.py [N_PARTNERSHIPS] [--db PATH]

Generates N partnerships (default 100,000) between 2,000 institutions, imports them with
provenance in batches of 500 into a fresh file, imports them again (all unchanged),
then times a few queries and a GraphML export, and prints the figures and the file size.
"""

from __future__ import annotations

import io
import os
import random
import sys
import tempfile
import time
from pathlib import Path

import partnerkit as pk

KINDS = list(pk.PartnershipKind)
COUNTRIES = ["RU", "CN", "DE", "FR", "US", "BR", "IN", "JP", "VN", "BE"]


def institutions(n: int) -> list[pk.Institution]:
    return [
        pk.Institution(id=f"u{i}", name=f"University number {i}", acronyms=(f"UN{i}",), country=COUNTRIES[i % 10])
        for i in range(n)
    ]


def partnerships(n: int, n_inst: int, seed: int = 7) -> list[tuple[pk.Partnership, pk.Provenance]]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        a, b = rng.sample(range(n_inst), 2)
        p = pk.Partnership(
            kind=rng.choice(KINDS),
            parties=(pk.Party(f"University number {a}", institution_id=f"u{a}"), pk.Party(f"UN{b}")),
            date=f"{rng.randint(1995, 2024)}-{rng.randint(1, 12):02d}",
            evidence=(pk.Evidence(quote=f"University number {a} and UN{b} signed agreement {i}."),),
        )
        out.append((p, pk.Provenance(source="bench", locator=f"row {i}", native_id=str(i))))
    return out


def timed(label: str, fn: object, *args: object, **kwargs: object) -> object:
    start = time.perf_counter()
    result = fn(*args, **kwargs)  # type: ignore[operator]
    print(f"{label:<44} {time.perf_counter() - start:8.3f} s")
    return result


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    n = int(args[0]) if args else 100_000
    db = Path(sys.argv[sys.argv.index("--db") + 1]) if "--db" in sys.argv else Path(tempfile.mkdtemp()) / "bench.db"
    insts = institutions(2_000)
    records = partnerships(n, len(insts))
    with pk.Store(db) as store:
        timed("import 2,000 institutions", store.add, insts)
        start = time.perf_counter()
        report = store.add(records, batch_size=500)
        took = time.perf_counter() - start
        print(f"{f'import {n:,} partnerships':<44} {took:8.3f} s  ({n / took:,.0f} records/s)  {report}")
        start = time.perf_counter()
        report = store.add(records, batch_size=500)
        took = time.perf_counter() - start
        print(f"{'re-import (all unchanged)':<44} {took:8.3f} s  ({n / took:,.0f} records/s)  {report}")
        found = timed("partnerships(institution='u7')", lambda: list(store.partnerships(institution="u7")))
        print(f"{'':<44} {len(found):8d} found")  # type: ignore[arg-type]
        timed("partnerships(institution='UN7') by acronym", lambda: list(store.partnerships(institution="UN7")))
        timed("partnerships(between u7 and u8)", lambda: list(store.partnerships(institution="u7", partner="u8")))
        found = timed(
            "partnerships(kind=mou, 2010..2012-06, CN)",
            lambda: list(store.partnerships(kind="mou", since="2010", until="2012-06", country="CN")),
        )
        print(f"{'':<44} {len(found):8d} found")  # type: ignore[arg-type]
        timed("export graphml", store.export, io.StringIO(), format="graphml")
    print(f"{'file size':<44} {os.path.getsize(db) / 1e6:8.1f} MB  ({db})")


if __name__ == "__main__":
    main()
