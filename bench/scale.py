"""Single process vs Dask LocalCluster(2 workers) vs Spark local[2]: matching and deduplication.

Usage::

    python bench/make_affiliations.py                    # 1M affiliation strings -> bench/out/
    python bench/make_affiliations.py --mode names --out bench/out/names.csv
    python bench/scale.py match --n 50000                # strings/s, peak memory, identical results
    python bench/scale.py dedupe --n 1000000             # wall time, peak memory, pairwise P/R
    python bench/scale.py dedupe --n 100000 --engines single,single-pairs,dask   # acronyms' cost
    python bench/splink_dedupe.py --n 1000000            # the splink 5 + DuckDB baseline

The engine ``single`` is ``pk.dedupe``'s default, which also reads acronyms against the whole
list, as the Dask and Spark adapters do; ``single-pairs`` joins by MATCH pairs only
(``pk.dedupe(..., acronyms=False)``). Each engine runs in its own process (so peak
memory is its own) and writes its results to bench/out/; the parent checks that they are
identical and prints one table. Needs the ``dask`` and ``spark`` extras and the ROR plugin
(``pip install -e ".[dask,spark]" -e plugins/partnerkit-ror``).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from _common import OUT, ROR, PeakMemory, Timer, load_rows, pairwise_scores

import partnerkit as pk

T = TypeVar("T")

REGISTRY = OUT / "ror.pkreg"


def registry() -> pk.Registry:
    if REGISTRY.exists():
        try:
            return pk.Registry.load(REGISTRY)
        except pk.ConfigError:  # saved by another partnerkit version: rebuild
            pass
    import partnerkit_ror  # type: ignore[import-not-found]

    institutions = [i for p in sorted(ROR.glob("*.jsonl")) for i in partnerkit_ror.read_institutions(p)]
    reg = pk.Registry(institutions)
    reg.save(REGISTRY)
    return reg


def _dask_cluster() -> tuple[object, object]:
    from distributed import Client

    from partnerkit.dask._match import local_cluster  # what `partnerkit match --engine dask` starts

    cluster = local_cluster(2)
    return cluster, Client(cluster)


def _worker_peaks(client: object) -> dict[str, float]:
    def peak() -> int:
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    peaks = client.run(peak)  # type: ignore[attr-defined]
    return {f"worker{i}_mib": round(v / 1024, 1) for i, v in enumerate(sorted(peaks.values()))}


def _thread_cpu() -> dict[str, float]:
    """CPU seconds of this process's threads so far: ``tasks`` (Dask's task threads), ``main``, ``loop`` (the rest)."""
    import threading

    import psutil

    names = {t.native_id: t.name for t in threading.enumerate()}
    out = {"tasks": 0.0, "main": 0.0, "loop": 0.0}
    for t in psutil.Process().threads():
        name = names.get(t.id, "")
        if name == "peak-memory":  # the bench's own sampler
            continue
        kind = "tasks" if "Dask-Default-Threads" in name else "main" if name == "MainThread" else "loop"
        out[kind] += t.user_time + t.system_time
    return out


def _on_dask(mem: PeakMemory, figures: dict[str, object], partitions: int, work: Callable[[], T]) -> tuple[Timer, T]:
    """Run ``work`` on a fresh 2-worker LocalCluster, timed, adding CPU per component and peaks to ``figures``.

    Components: the client process's main thread (the caller: graph, packing, results) and
    its other threads (the scheduler and the client's event loop, in this process for a
    LocalCluster); in the workers, the task threads and everything else (event loop:
    receiving tasks, sending results, heartbeats, monitors).
    """
    cluster, client = _dask_cluster()
    before = client.run(_thread_cpu)  # type: ignore[attr-defined]
    here = _thread_cpu()
    mem.mark()
    with Timer() as t:
        result = work()
    mem.stop_cpu()
    after = client.run(_thread_cpu)  # type: ignore[attr-defined]
    there = _thread_cpu()
    figures["partitions"] = partitions
    figures["cpu_s_client_main"] = round(there["main"] - here["main"], 2)
    figures["cpu_s_client_scheduler"] = round(there["loop"] + there["tasks"] - here["loop"] - here["tasks"], 2)
    for kind, parts in (("tasks", ("tasks",)), ("loop", ("main", "loop"))):  # a worker's loop is its main thread
        used = sum(after[w][k] - before[w][k] for w in after for k in parts)
        figures[f"cpu_s_worker_{kind}"] = round(used, 2)
    figures["cpu_s_workers"] = round(figures["cpu_s_worker_tasks"] + figures["cpu_s_worker_loop"], 1)  # type: ignore[operator]
    figures.update(_worker_peaks(client))
    client.close()  # type: ignore[attr-defined]
    cluster.close()  # type: ignore[attr-defined]
    return t, result


def rows_file(source: Path, n: int) -> Path:
    """A CSV of the first ``n`` rows of ``source`` (written once), which every engine reads itself."""
    out = OUT / f"{source.stem}-{n}.csv"
    if not out.exists() or out.stat().st_mtime < source.stat().st_mtime:
        tmp = out.with_suffix(".tmp")
        with source.open("rb") as src, tmp.open("wb") as dst:
            for i, line in enumerate(src):
                if i > n:
                    break
                dst.write(line)
        tmp.replace(out)
    return out


def run_match(engine: str, n: int, partitions: int, file: Path | None = None) -> dict[str, object]:
    """Match the ``n`` strings of ``file`` on one engine; the timed part reads the CSV and matches.

    Each engine reads the CSV itself: the single process with pandas, Dask in its workers
    (``dd.read_csv``, one block per partition), Spark from a pandas frame made before the
    timing (its CSV reader types columns differently).
    """
    path = rows_file(file or OUT / "affiliations.csv", n)
    reg = registry()
    out_path = OUT / f"match-{engine}.parquet"
    figures: dict[str, object] = {"task": "match", "engine": engine, "n": n}
    with PeakMemory() as mem:
        if engine == "single":
            from partnerkit._matching._batch import match_frame

            mem.mark()
            with Timer() as t:
                df = load_rows(path)
                result = match_frame(df, reg, "text", "country", "match_")
            mem.stop_cpu()
        elif engine == "dask":
            import dask.dataframe as dd

            import partnerkit.dask as pkd

            def work() -> object:
                ddf = dd.read_csv(
                    path,
                    blocksize=max(1, path.stat().st_size // partitions),
                    dtype={"row": "int64", "text": str, "country": str, "ror_id": str, "variant": str},
                    keep_default_na=False,
                )
                return pkd.match(ddf, reg, column="text", country_column="country").compute()

            t, result = _on_dask(mem, figures, partitions, work)  # type: ignore[arg-type]
            df = load_rows(path)
        else:
            import partnerkit.spark as pks

            df = load_rows(path)
            spark = pks.local_session(2, memory="6g")
            spark.sparkContext.setLogLevel("ERROR")
            sdf = spark.createDataFrame(df).repartition(partitions)
            figures["partitions"] = partitions
            mem.mark()
            with Timer() as t:
                result = pks.match(sdf, reg, column="text", country_column="country").toPandas()
            mem.stop_cpu()
            spark.stop()
    result = result.sort_values("row")[["row", "match_id", "match_score", "match_decision", "match_explanation"]]
    result = result.astype({"match_id": object, "match_decision": object, "match_explanation": object})
    result.to_parquet(out_path, index=False)
    figures.update({"seconds": round(t.seconds, 1), "strings_per_s": round(len(df) / t.seconds), **_mib(mem)})
    cpu = float(figures["cpu_s_total"])  # type: ignore[arg-type]
    figures["strings_per_cpu_s"] = round(len(df) / cpu) if cpu else None
    figures["cpu_s_per_1k"] = round(1000 * cpu / len(df), 4)
    gold = df.set_index("row")["ror_id"]
    matched = result[result["match_decision"] == "match"]
    figures["match_rate"] = round(len(matched) / len(df), 3)
    figures["match_precision"] = round(float((matched["match_id"].map(_ror) == matched["row"].map(gold)).mean()), 3)
    return figures


def _ror(inst_id: object) -> object:
    return str(inst_id).rsplit("/", 1)[-1] if inst_id is not None else None


def _mib(mem: PeakMemory) -> dict[str, float]:
    return {k: round(v, 1) for k, v in mem.summary().items()}


def run_dedupe(engine: str, n: int, partitions: int, file: Path | None = None) -> dict[str, object]:
    df = load_rows(file or OUT / "names.csv", n)
    figures: dict[str, object] = {"task": "dedupe", "engine": engine, "n": len(df)}
    with PeakMemory() as mem:
        if engine in ("single", "single-pairs"):
            mem.mark()
            with Timer() as t:  # "single-pairs" joins by MATCH pairs only (no acronyms read against the list)
                clusters = pk.dedupe(df["text"].tolist(), acronyms=engine == "single")
            mem.stop_cpu()
            label = {m: i for i, c in enumerate(clusters) for m in c.members}
            ids = [label[" ".join(s.split())] for s in df["text"]]
        elif engine == "dask":
            import dask.dataframe as dd

            import partnerkit.dask as pkd

            ddf = dd.from_pandas(df, npartitions=partitions)
            t, ids = _on_dask(
                mem, figures, partitions, lambda: list(pkd.dedupe(ddf, column="text").compute()["cluster_id"])
            )
        else:
            import partnerkit.spark as pks

            spark = pks.local_session(2, memory="8g")
            spark.sparkContext.setLogLevel("ERROR")
            # no repartition: dedupe takes the DataFrame order as the input order, as pk.dedupe does
            sdf = spark.createDataFrame(df[["row", "text"]])
            mem.mark()
            with Timer() as t:
                out = pks.dedupe(sdf, column="text").toPandas().sort_values("row")
            mem.stop_cpu()
            ids = list(out["cluster_id"])
            spark.stop()
    import pandas as pd

    labels = pd.Series(ids)
    # canonical form of the partition of rows into clusters, to compare engines
    first = labels.groupby(labels).transform(lambda s: s.index.min())
    pd.DataFrame({"row": df["row"], "cluster": first.to_numpy()}).to_parquet(
        OUT / f"dedupe-{engine}.parquet", index=False
    )
    figures.update({"seconds": round(t.seconds, 1), "names_per_s": round(len(df) / t.seconds), **_mib(mem)})
    figures.update({k: round(v, 4) for k, v in pairwise_scores(labels, df["ror_id"]).items()})
    return figures


def compare(task: str, engines: list[str]) -> dict[str, bool]:
    import pandas as pd

    frames = {e: pd.read_parquet(OUT / f"{task}-{e}.parquet") for e in engines}
    base = frames[engines[0]]
    return {e: bool(frames[e].reset_index(drop=True).equals(base.reset_index(drop=True))) for e in engines[1:]}


def _table(rows: list[dict[str, object]], same: dict[str, bool], base: str) -> None:
    """One line per engine: wall time, throughput, CPU of all its processes, peak memory."""
    per_s = "strings_per_s" if rows[0]["task"] == "match" else "names_per_s"
    print(
        f"{'engine':<7} {'n':>9} {'wall s':>7} {per_s:>13} {'speedup':>7} {'CPU s':>7} {'per CPU s':>9}"
        f" {'main MiB':>8} {'worker MiB':>16} identical"
    )
    for r in rows:
        workers = [v for k, v in sorted(r.items()) if k.startswith("worker") and k.endswith("_mib")]
        if not workers and r["engine"] == "spark":
            workers = [r.get("python_max_mib", 0.0), r.get("java_max_mib", 0.0)]  # Python worker, JVM
        cpu = float(r.get("cpu_s_total", 0.0))  # type: ignore[arg-type]
        n = int(r["n"])  # type: ignore[call-overload]
        print(
            f"{r['engine']:<7} {n:>9,} {r['seconds']:>7} {r[per_s]:>13,} {r['speedup']:>7} {cpu:>7.1f}"
            f" {round(n / cpu) if cpu else 0:>9,} {r['main_mib']:>8} {'/'.join(map(str, workers)):>16}"
            f" {'(base)' if r['engine'] == base else same.get(str(r['engine']))}"
        )
    single = next((r for r in rows if r["engine"] == "single"), None)
    for r in rows:
        if r["engine"] != "dask" or "cpu_s_client_main" not in r:
            continue
        per = 1000 / int(r["n"])  # type: ignore[call-overload]
        parts = {
            k: float(r[f"cpu_s_{k}"]) * per for k in ("client_main", "client_scheduler", "worker_tasks", "worker_loop")
        }  # type: ignore[arg-type]
        line = ", ".join(f"{k.replace('_', ' ')} {v:.4f}" for k, v in parts.items())
        total = float(r["cpu_s_total"]) * per  # type: ignore[arg-type]
        print(
            f"dask CPU s per 1,000 {'strings' if per_s.startswith('strings') else 'names'}: {line}; total {total:.4f}",
            end="",
        )
        if single is not None:
            base = float(single["cpu_s_total"]) * 1000 / int(single["n"])  # type: ignore[arg-type, call-overload]
            print(
                f" (single {base:.4f}); ideal speed-up on 2 free cores"
                f" 2 x {base:.4f} / {total:.4f} = {2 * base / total:.2f}"
            )
        else:
            print()
    if rows[0]["engine"] == "single" and any(r["engine"] == "spark" for r in rows):
        print("spark worker MiB: largest Python worker / JVM (driver and executors)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("task", choices=("match", "dedupe"))
    ap.add_argument("--n", type=int, default=None)
    ap.add_argument("--engines", default="single,dask,spark")
    ap.add_argument(
        "--partitions",
        type=int,
        default=None,
        help="default: one per 2,500 strings (at least 16) to match, 16 to dedupe",
    )
    ap.add_argument("--file", type=Path, help="input CSV (default: bench/out/affiliations.csv or names.csv)")
    ap.add_argument("--engine", help=argparse.SUPPRESS)  # one engine, in a child process
    args = ap.parse_args(argv)
    n = args.n or (50_000 if args.task == "match" else 1_000_000)
    if args.partitions is None:
        # small partitions even out the two workers' last tasks; each costs a few milliseconds
        args.partitions = max(16, n // 2500) if args.task == "match" else 16
    if args.engine:
        run = run_match if args.task == "match" else run_dedupe
        print(json.dumps(run(args.engine, n, args.partitions, args.file)))
        return 0
    if args.task == "match":
        registry()  # compile once, outside the timings
    engines = args.engines.split(",")
    rows = []
    for engine in engines:
        cmd = [
            sys.executable,
            __file__,
            args.task,
            "--n",
            str(n),
            "--engine",
            engine,
            "--partitions",
            str(args.partitions),
            *(["--file", str(args.file.resolve())] if args.file else []),
        ]
        started = time.perf_counter()
        proc = subprocess.run(
            cmd, capture_output=True, text=True, check=False, env=os.environ | {"PYTHONWARNINGS": "ignore"}
        )
        if proc.returncode:
            print(f"{engine} failed:\n{proc.stderr[-3000:]}", file=sys.stderr)
            return 1
        figures = json.loads(proc.stdout.strip().splitlines()[-1])
        figures["process_seconds"] = round(time.perf_counter() - started, 1)
        rows.append(figures)
        print(json.dumps(figures), flush=True)
    same = compare(args.task, engines)
    load = os.getloadavg()
    base = rows[0].get("seconds")
    for r in rows:
        r["speedup"] = round(float(base) / float(r["seconds"]), 2) if base else None  # type: ignore[arg-type]
    _table(rows, same, engines[0])
    print(
        f"load average at the end (1, 5, 15 min): {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} on {os.cpu_count()} cores"
    )
    (OUT / f"scale-{args.task}.json").write_text(json.dumps({"rows": rows, "identical": same}, indent=1))
    return 0 if all(same.values()) else 2


if __name__ == "__main__":
    raise SystemExit(main())
