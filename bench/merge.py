"""Throughput and memory of ``pk.merge_partnerships`` on a season of news from many feeds.

Usage: python bench/merge.py [--sizes 1000,10000,100000] [--registry {none,ror,examples,both}]
       [--institutions N] [--seed S] [--check]

Records are generated as extraction reports deals: institutions come from the ROR education
records in ../shared/data/ror-records (``examples/institutions.jsonl`` when they are absent),
a few hub institutions take part in many deals (popularity falls off as 1/rank), each deal has
a kind, a signing day in 2011-2024 and, for offices, a place, and is reported 1-3 times: by
the full name, an acronym, another of its names or "Univ." for "University", with the kind
told as another of its family, the date as the day, a day some days later (the report), the
month or the year, and now and then no date. The reports are shuffled within each month, as
feeds are read. With ``--registry ror`` the registry is the institutions the parties are
drawn from (a ``pk.Registry``; its build time is printed, not counted); ``examples`` is the
small registry of ``examples/``, where most names stay unresolved.

Each size runs in a fresh process and prints: records, merged records, wall and CPU seconds,
records/s by CPU time, candidate pairs (the kept records a report was checked against: the
pairs blocking leaves), registry lookups, and the
peak resident memory of the process with the part the merge added over the generated records
(``ru_maxrss``). ``--check`` also runs the all-pairs merge (partnerkit before blocking, kept in
tests/test_extract_merge.py) and asserts the same output: quadratic, so only for sizes up to a
few thousand.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import partnerkit as pk
from partnerkit._extract._merge_keys import Blocks

ROOT = Path(__file__).resolve().parent.parent
ROR_EDUCATION = ROOT.parent / "shared" / "data" / "ror-records" / "ror_records_education.jsonl"
EXAMPLES = ROOT / "examples" / "institutions.jsonl"
FAMILY = {
    "agreement": ["agreement", "mou", "strategic_partnership"],
    "mou": ["mou", "agreement"],
    "strategic_partnership": ["strategic_partnership", "agreement"],
    "joint_programme": ["joint_programme", "double_degree"],
    "double_degree": ["double_degree", "joint_programme"],
}
KINDS = ["agreement"] * 4 + ["mou"] * 4 + ["strategic_partnership", "joint_programme", "double_degree", "exchange"] * 2
KINDS += ["joint_lab", "membership", "office", "consortium", "other"]


def _rss_kb() -> int:
    return int(Path("/proc/self/statm").read_text().split()[1]) * (resource.getpagesize() // 1024)


def institutions(limit: int) -> list[pk.Institution]:
    if ROR_EDUCATION.exists():
        from partnerkit_ror import read_institutions

        out: list[pk.Institution] = []
        for inst in read_institutions(ROR_EDUCATION):
            out.append(inst)
            if len(out) >= limit:
                break
        return out
    return list(pk.load_jsonl(pk.Institution, EXAMPLES))


def _written(inst: pk.Institution, rng: random.Random) -> tuple[str, str | None]:
    """A name as a report writes it, and the institution id when the report came with one."""
    roll = rng.random()
    if roll < 0.1:
        return inst.name, inst.id  # a registry row or an extraction with a registry
    names = [n.value for n in inst.names()]
    if roll < 0.3 and inst.acronyms:
        return rng.choice(inst.acronyms), None
    name = rng.choice(names) if roll < 0.5 else inst.name
    if roll > 0.85:
        name = name.replace("University", "Univ.")
    return name, None


def records(n: int, insts: list[pk.Institution], seed: int) -> list[pk.Partnership]:
    rng = random.Random(seed)
    weights = [1 / (k + 1) for k in range(len(insts))]  # a few hubs publish (and are named) a lot
    by_month: dict[tuple[int, int], list[pk.Partnership]] = {}
    made = 0
    while made < n:
        a, b = rng.choices(insts, weights, k=2)
        if a.id == b.id:
            continue
        kind = rng.choice(KINDS)
        year, month, day = rng.randrange(2011, 2025), rng.randrange(1, 13), rng.randrange(1, 29)
        location = None
        if kind == "office":
            where = b if rng.random() < 0.5 else a
            location = pk.Location(city=where.city, country=where.country) if where.country else None
        for _ in range(rng.choice([1, 1, 2, 2, 3])):
            told = rng.random()
            date: str | None = f"{year}-{month:02d}-{day:02d}"
            if told < 0.2:
                date = f"{year}-{month:02d}-{min(28, day + rng.randrange(1, 6)):02d}"
            elif told < 0.3:
                date = f"{year}-{month:02d}"
            elif told < 0.4:
                date = str(year)
            elif told < 0.45:
                date = None
            (na, ia), (nb, ib) = _written(a, rng), _written(b, rng)
            parties = (pk.Party(na, institution_id=ia), pk.Party(nb, institution_id=ib))
            record = pk.Partnership(
                kind=rng.choice(FAMILY.get(kind, [kind])),
                parties=parties if rng.random() < 0.5 else parties[::-1],
                date=date,
                location=location,
                evidence=(pk.Evidence(quote=f"report {made}", locator=f"https://news.example.org/{made}"),),
            )
            by_month.setdefault((year, month), []).append(record)
            made += 1
    out: list[pk.Partnership] = []
    for key in sorted(by_month):
        month = by_month[key]
        rng.shuffle(month)
        out.extend(month)
    return out[:n]


class _Counting:
    """A registry that counts the names it is asked about."""

    def __init__(self, registry: Any) -> None:
        self.registry = registry
        self.asked = 0

    def match(self, name: str, limit: int = 1) -> Any:
        self.asked += 1
        return self.registry.match(name, limit=limit)


def one(size: int, registry_kind: str, n_inst: int, seed: int, check: bool) -> dict[str, Any]:
    insts = institutions(n_inst)
    registry: Any = None
    build = 0.0
    if registry_kind != "none":
        t0 = time.process_time()
        base = insts if registry_kind == "ror" else list(pk.load_jsonl(pk.Institution, EXAMPLES))
        registry = _Counting(pk.Registry(base))
        registry.registry.match("warm up")  # one-time structures of the first query
        build = time.process_time() - t0
    recs = records(size, insts, seed)
    candidates = [0]
    find = Blocks.candidates

    def finding(self: Blocks, record: pk.Partnership) -> list[int]:
        found = find(self, record)
        candidates[0] += len(found)
        return found

    Blocks.candidates = finding  # type: ignore[method-assign]
    before = _rss_kb()
    w0, c0 = time.perf_counter(), time.process_time()
    merged = pk.merge_partnerships(recs, registry)
    wall, cpu = time.perf_counter() - w0, time.process_time() - c0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    lookups = registry.asked if registry is not None else 0
    Blocks.candidates = find  # type: ignore[method-assign]
    if check:
        sys.path.insert(0, str(ROOT))
        from tests.test_extract_merge import _reference

        assert _reference(recs, registry)[0] == merged, "blocked merge differs from the all-pairs merge"
    return {
        "records": size,
        "merged": len(merged),
        "registry": registry_kind,
        "build_cpu_s": round(build, 2),
        "wall_s": round(wall, 2),
        "cpu_s": round(cpu, 2),
        "records_per_cpu_s": round(size / cpu) if cpu else None,
        "candidates": candidates[0],
        "lookups": lookups,
        "peak_rss_mb": round(peak / 1024, 1),
        "merge_added_mb": round(max(0, peak - before) / 1024, 1),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--registry", default="both", choices=["none", "ror", "examples", "both"])
    ap.add_argument("--institutions", type=int, default=5000, help="institutions the parties are drawn from")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--check", action="store_true", help="compare with the all-pairs merge (small sizes only)")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one is not None:
        print(json.dumps(one(args.one, args.registry, args.institutions, args.seed, args.check)))
        return
    kinds = ["none", "ror"] if args.registry == "both" else [args.registry]
    print(f"{'registry':>8} {'records':>8} {'merged':>7} {'wall s':>7} {'cpu s':>7} {'rec/cpu s':>9} "
          f"{'candidates':>10} {'lookups':>7} {'peak MB':>8} {'+merge MB':>9}  (registry build cpu s)")  # fmt: skip
    for kind in kinds:
        for size in map(int, args.sizes.split(",")):
            cmd = [sys.executable, __file__, "--one", str(size), "--registry", kind, "--institutions",
                   str(args.institutions), "--seed", str(args.seed)] + (["--check"] if args.check else [])  # fmt: skip
            r = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
            print(f"{kind:>8} {r['records']:>8} {r['merged']:>7} {r['wall_s']:>7} {r['cpu_s']:>7} "
                  f"{r['records_per_cpu_s']!s:>9} {r['candidates']:>10} {r['lookups']:>7} {r['peak_rss_mb']:>8} "
                  f"{r['merge_added_mb']:>9}"
                  f"  ({r['build_cpu_s']})", flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
