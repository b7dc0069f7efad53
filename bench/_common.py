"""Helpers shared by the bench scripts: data loading, pairwise scores, peak memory."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path
from typing import Any

import pandas as pd
import psutil

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
SHARED = Path(os.environ.get("PARTNERKIT_SHARED", ROOT.parent / "shared"))
ROR = SHARED / "data" / "ror-records"


def load_rows(path: Path, n: int | None = None) -> pd.DataFrame:
    """The first ``n`` rows of a file written by make_affiliations.py (country "" -> None)."""
    df = pd.read_csv(
        path, nrows=n, dtype={"row": "int64", "text": str, "country": str, "ror_id": str}, keep_default_na=False
    )
    df["country"] = df["country"].where(df["country"] != "", None)
    return df


def pairwise_scores(predicted: pd.Series, gold: pd.Series) -> dict[str, float]:
    """Pairwise precision, recall and F1 of a clustering against known clusters."""

    def pairs(counts: pd.Series) -> float:
        c = counts.to_numpy(dtype="float64")
        return float((c * (c - 1) / 2).sum())

    frame = pd.DataFrame({"p": predicted.to_numpy(), "g": gold.to_numpy()})
    tp = pairs(frame.groupby(["p", "g"]).size())
    pred = pairs(frame.groupby("p").size())
    true = pairs(frame.groupby("g").size())
    precision = tp / pred if pred else 1.0
    recall = tp / true if true else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "clusters": float(frame["p"].nunique())}


class PeakMemory:
    """Sample the resident memory of this process and its children (Dask workers, Spark's JVM and
    Python workers) every ``interval`` seconds; ``.peaks`` maps process names to peak bytes."""

    def __init__(self, interval: float = 0.2) -> None:
        self.interval = interval
        self.peaks: dict[str, int] = {}
        self.cpu: dict[str, float] = {}  # CPU seconds (user + system) each process used
        self._stop = threading.Event()
        self._cpu_done = False
        self._thread = threading.Thread(target=self._run, daemon=True, name="peak-memory")
        self._sampler_cpu = 0.0  # this sampler's own CPU seconds, left out of the main process's figure

    def _sample(self) -> None:
        me = psutil.Process()
        procs = [me, *me.children(recursive=True)]
        for p in procs:
            try:
                rss = p.memory_info().rss
                times = p.cpu_times()
                label = "main" if p.pid == me.pid else f"{p.name()}:{p.pid}"
            except psutil.Error:
                continue
            self.peaks[label] = max(self.peaks.get(label, 0), rss)
            if not self._cpu_done:
                self.cpu[label] = max(self.cpu.get(label, 0.0), times.user + times.system)

    def mark(self) -> None:
        """Count CPU from now on: what each process (and the main one) used before is left out."""
        self._sample()
        self._marks = dict(self.cpu)
        self._sampler_mark = self._sampler_cpu
        t = psutil.Process().cpu_times()
        self._base = t.user + t.system

    def stop_cpu(self) -> None:
        """Stop counting CPU (the measured work is over; shutting engines down is not counted)."""
        self._sample()
        t = psutil.Process().cpu_times()
        self._main_end = t.user + t.system - (self._sampler_cpu - getattr(self, "_sampler_mark", 0.0))
        self._cpu_done = True

    def _run(self) -> None:
        while not self._stop.is_set():
            self._sample()
            self._sampler_cpu = time.thread_time()
            self._stop.wait(self.interval)

    def __enter__(self) -> PeakMemory:
        t = psutil.Process().cpu_times()
        self._base = t.user + t.system  # the main process's CPU before the measured work
        self._thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()

    def summary(self) -> dict[str, float]:
        """Peak MiB of the main process and the largest child of each kind."""
        out: dict[str, float] = {"main_mib": self.peaks.get("main", 0) / 2**20}
        for label, rss in self.peaks.items():
            if label == "main":
                continue
            kind = label.split(":")[0]
            key = f"{kind}_max_mib"
            out[key] = max(out.get(key, 0.0), rss / 2**20)
        marks = getattr(self, "_marks", {})
        for label, total in self.cpu.items():
            kind = "main" if label == "main" else label.split(":")[0]
            used = getattr(self, "_main_end", total) - self._base if label == "main" else total - marks.get(label, 0.0)
            out[f"cpu_s_{kind}"] = out.get(f"cpu_s_{kind}", 0.0) + used
        out["cpu_s_total"] = sum(v for k, v in out.items() if k.startswith("cpu_s_"))
        return out


class Timer:
    def __enter__(self) -> Timer:
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.seconds = time.perf_counter() - self.start
