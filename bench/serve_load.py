"""Load on ``partnerkit serve``: concurrent OpenRefine-like clients against a large registry.

Starts ``partnerkit serve`` as a subprocess on a free loopback port, with a registry of
``--institutions`` synthetic institutions (or ``--ror DIR`` of ROR records, which
needs the ROR plugin), then runs ``--clients`` threads that each POST batches of
``--batch`` queries (form-encoded, as OpenRefine sends them; half with a country
property) for ``--seconds`` seconds. Prints batches/s, queries/s, latency percentiles
and errors (which must be 0).

    python bench/serve_load.py                      # 50,000 synthetic, 8 clients, 30 s
    python bench/serve_load.py --ror ../shared/data/ror-records    # 49,996 ROR records
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import requests

import partnerkit as pk

COUNTRIES = ["DE", "RU", "US", "CN", "FR", "GB", "IT", "ES", "JP", "BR", "IN", "PL", "VN", "KZ", "TR", "MX", "CA"]
KINDS = [
    "University of {c}",
    "{c} State University",
    "{c} Institute of Technology",
    "Technical University of {c}",
    "{c} Medical University",
    "{c} University of {f}",
    "National {f} University of {c}",
    "{c} College of {f}",
    "{c} Research Institute of {f}",
    "{p} University",
    "{c} {p} University of {f}",
]
FIELDS = ["Economics", "Agriculture", "Physics", "Engineering", "Arts", "Medicine", "Law", "Mining", "Transport"]
SYLLABLES = ("ka lo mi ra ne to vi sa da ber gen hol stad burg ov sk ino ana esh tan dor wick ville pol grad").split()  # noqa: SIM905


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def synthetic(n: int, seed: int = 7) -> list[pk.Institution]:
    """``n`` institutions with university-like names, acronyms and shared city names."""
    rng = random.Random(seed)
    cities = [_word(rng) for _ in range(max(50, n // 8))]
    people = [_word(rng) for _ in range(max(50, n // 20))]
    out: list[pk.Institution] = []
    seen: set[str] = set()
    while len(out) < n:
        city = rng.choice(cities)
        name = rng.choice(KINDS).format(c=city, f=rng.choice(FIELDS), p=rng.choice(people))
        if name in seen:
            continue
        seen.add(name)
        acronym = "".join(w[0] for w in re.findall(r"[A-Z][a-z]+", name) if w not in {"Of"})
        out.append(
            pk.Institution(
                id=f"syn{len(out):06d}",
                name=name,
                acronyms=(acronym,) if len(acronym) >= 2 else (),
                country=rng.choice(COUNTRIES),
                city=city,
                kind=pk.InstitutionKind.EDUCATION,
            )
        )
    return out


def from_ror(folder: Path) -> list[pk.Institution]:
    try:
        import partnerkit_ror  # type: ignore[import-not-found]
    except ImportError:
        sys.exit("--ror needs the ROR plugin: pip install -e plugins/partnerkit-ror")
    out: list[pk.Institution] = []
    for path in sorted(folder.glob("*.jsonl")):
        out.extend(partnerkit_ror.read_institutions(path))
    return out


def noisy(inst: pk.Institution, rng: random.Random) -> str:
    """A name as a spreadsheet would have it: exact, lower-cased, an acronym, a typo, a word dropped."""
    name = inst.name
    roll = rng.random()
    if roll < 0.2 and inst.acronyms:
        return inst.acronyms[0]
    if roll < 0.4:
        return name.lower()
    if roll < 0.6 and len(name) > 8:
        i = rng.randrange(1, len(name) - 1)
        return name[:i] + name[i + 1 :]
    if roll < 0.75:
        words = name.split()
        if len(words) > 2:
            del words[rng.randrange(len(words))]
            return " ".join(words)
    return name


def make_batches(items: list[pk.Institution], size: int, count: int, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    batches = []
    for _ in range(count):
        queries: dict[str, Any] = {}
        for i in range(size):
            inst = rng.choice(items)
            query: dict[str, Any] = {"query": noisy(inst, rng), "type": "Organization", "limit": 3}
            if rng.random() < 0.5 and inst.country:
                query["properties"] = [{"pid": "country", "v": inst.country}]
                query["type_strict"] = "should"
            queries[f"q{i}"] = query
        batches.append(json.dumps(queries, ensure_ascii=False))
    return batches


def start_server(registry_file: Path) -> tuple[subprocess.Popen[str], str, float]:
    started = time.perf_counter()
    cmd = [sys.executable, "-m", "partnerkit", "serve", "--registry", str(registry_file), "--port", "0"]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    line = proc.stderr.readline()
    found = re.search(r"at (http://\S+?)/? ", line)
    if not found:
        proc.kill()
        sys.exit(f"server did not start: {line}{proc.stderr.read()}")
    # keep draining stderr so the server never blocks on a full pipe
    threading.Thread(target=lambda: proc.stderr and proc.stderr.read(), daemon=True).start()
    return proc, found.group(1), time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--institutions", type=int, default=50_000)
    parser.add_argument("--ror", type=Path, default=None, help="folder of ROR v2 JSON Lines records")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--batch", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=30.0)
    args = parser.parse_args()

    items = from_ror(args.ror) if args.ror else synthetic(args.institutions)
    batches = make_batches(items, args.batch, 500)
    with tempfile.TemporaryDirectory() as tmp:
        registry_file = args.ror or Path(tmp) / "registry.jsonl"
        if args.ror is None:
            pk.dump_jsonl(items, registry_file)
        proc, url, startup = start_server(registry_file)
        try:
            latencies: list[float] = []
            errors: list[str] = []
            lock = threading.Lock()
            deadline = time.perf_counter() + args.seconds

            def client(k: int) -> None:
                session = requests.Session()
                i = k
                while time.perf_counter() < deadline:
                    body = batches[i % len(batches)]
                    i += args.clients
                    t0 = time.perf_counter()
                    try:
                        reply = session.post(url + "/", data={"queries": body}, timeout=60)
                        ok = reply.status_code == 200 and len(reply.json()) == args.batch
                        problem = None if ok else f"HTTP {reply.status_code}"
                    except (requests.RequestException, ValueError) as exc:
                        problem = type(exc).__name__
                    elapsed = time.perf_counter() - t0
                    with lock:
                        if problem:
                            errors.append(problem)
                        else:
                            latencies.append(elapsed)

            began = time.perf_counter()
            threads = [threading.Thread(target=client, args=(k,)) for k in range(args.clients)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            wall = time.perf_counter() - began
        finally:
            proc.terminate()
            proc.wait(10)

    latencies.sort()
    done = len(latencies)

    def pct(p: float) -> float:
        return 1000 * latencies[min(done - 1, int(p * done))] if done else float("nan")

    source = f"ROR records from {args.ror}" if args.ror else "synthetic"
    print(f"registry         {len(items):,} institutions ({source}); server ready in {startup:.1f} s")
    print(f"load             {args.clients} clients x {args.batch}-query batches for {wall:.1f} s")
    print(f"batches/s        {done / wall:.1f}   (queries/s {done * args.batch / wall:.0f})")
    print(f"latency ms       p50 {pct(0.50):.0f}   p90 {pct(0.90):.0f}   p99 {pct(0.99):.0f}   max {pct(1.0):.0f}")
    print(f"latency mean ms  {1000 * statistics.fmean(latencies) if done else float('nan'):.0f}")
    print(f"errors           {len(errors)}" + (f"  ({sorted(set(errors))[:5]})" if errors else ""))
    if errors:
        sys.exit(1)


if __name__ == "__main__":
    main()
