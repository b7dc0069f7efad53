"""The matching engine as pure functions over batches, for the Dask and Spark adapters.

Nothing here keeps state or rebuilds anything per batch: a compiled :class:`Registry` is passed
in (:class:`Packed` carries it to the workers, unpickled once per process), and
:func:`match_batch` gives for its batch exactly what :meth:`Registry.match` gives row by row.
The distributed dedupe's steps are in :mod:`partnerkit._matching._dedupe_steps`.

The ``*_frame`` helpers take and return pandas DataFrames; pandas is imported when they run.
"""

from __future__ import annotations

import gc
import pickle
import threading
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from partnerkit._matching._inputs import CountryHints, NoNames
from partnerkit._names import country_of, subdivision_countries
from partnerkit.rules import Decision

__all__ = ["MATCH_COLUMNS", "Packed", "gc_paused", "match_batch", "match_frame", "unpack", "warm_up"]

MATCH_COLUMNS = ("id", "name", "score", "decision", "explanation")


_UNSET: Any = object()


@contextmanager
def gc_paused() -> Iterator[None]:
    """The cyclic collector off for the block (building or reading millions of small objects)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class Packed:
    """A value pickled once where it is shipped from, unpickled once in each process using it.

    Dask sends a scattered value to one worker and from worker to worker (broadcast),
    pickling and unpickling it at each hop; a compiled registry is millions of small
    objects, so each hop costs a second or more. A ``Packed`` value travels as one bytes
    object instead, and a process unpickles it on first use (:meth:`get`), with the cyclic
    collector paused as :meth:`partnerkit.Registry.load` does, keeping the result.

    A value arriving in a process a second time is not unpickled again: the process keeps
    the last :data:`KEPT_VALUES` values it unpacked, by the token the value was packed with.
    What it unpacks is then moved out of the cyclic collector's reach (:func:`gc.freeze`):
    PySpark's reused Python workers call ``gc.collect()`` after every task, which would
    otherwise walk the registry's millions of objects each time (0.4 s a task on ROR). When
    a kept value is let go, the collector gets everything back first (:func:`gc.unfreeze`).

    Example:
        >>> box = pickle.loads(pickle.dumps(Packed({"a": 1})))
        >>> box.get()
        {'a': 1}
        >>> pickle.loads(pickle.dumps(box)).get() is box.get()  # the same value, unpickled once
        True
    """

    __slots__ = ("_blob", "_lock", "_token", "_value")

    def __init__(self, value: Any) -> None:
        self._blob = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        self._token = uuid.uuid4().hex
        self._value = value
        self._lock = threading.Lock()

    def __getstate__(self) -> tuple[str, bytes]:
        return self._token, self._blob

    def __setstate__(self, state: tuple[str, bytes]) -> None:
        self._token, self._blob = state
        self._value = _UNSET
        self._lock = threading.Lock()

    def __sizeof__(self) -> int:  # what Dask counts for worker memory
        return object.__sizeof__(self) + len(self._blob) * 4

    def get(self) -> Any:
        """The value (unpickled on the first call in this process)."""
        if self._value is _UNSET:
            with _UNPACKED_LOCK:
                value = _UNPACKED.get(self._token, _UNSET)
                if value is _UNSET:
                    if len(_UNPACKED) >= KEPT_VALUES:
                        gc.unfreeze()  # the values let go become collectable again
                        while len(_UNPACKED) >= KEPT_VALUES:
                            del _UNPACKED[next(iter(_UNPACKED))]
                    with gc_paused():
                        value = pickle.loads(self._blob)
                    _UNPACKED[self._token] = value
                    gc.freeze()
                self._value = value
        return self._value


#: Values a process keeps unpacked (the most recent first unpacked), by their packing token.
KEPT_VALUES = 2
_UNPACKED: dict[str, Any] = {}
_UNPACKED_LOCK = threading.Lock()


def unpack(value: Any) -> Any:
    """``value.get()`` for a :class:`Packed` value, ``value`` itself otherwise."""
    return value.get() if isinstance(value, Packed) else value


def warm_up() -> None:
    """Build this process's registry-independent tables (country and state names in every language).

    Reading affiliation strings needs them; a worker can build them while the registry is
    still being packed and shipped to it.
    """
    subdivision_countries()
    country_of("")


def _short(explanation: Any, limit: int = 200) -> str:
    text = "; ".join(f"{fired.rule}: {fired.text}" if fired.text else fired.rule for fired in explanation)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def match_batch(registry: Any, strings: Sequence[Any], countries: Sequence[Any] | None = None) -> dict[str, list[Any]]:
    """The best match of each string, as columns ``MATCH_COLUMNS`` (lists as long as ``strings``).

    Identical to ``registry.match(s, country=c, limit=1)``: the same institution, score,
    decision and explanation. A missing or blank string, or a spreadsheet error value ("#N/A",
    with one warning per batch counting them), has no match ("non_match"); a country
    hint that names no country ("EU", "n/a") is no hint for its row, with one warning per value
    (:class:`CountryHints`), instead of failing the partition.
    """
    out: dict[str, list[Any]] = {c: [] for c in MATCH_COLUMNS}
    hints: Sequence[Any] = countries if countries is not None else [None] * len(strings)
    read = CountryHints("country column")
    nothing = NoNames()
    for text, country in zip(strings, hints, strict=True):
        found = []
        if isinstance(text, str) and not nothing.nothing(text):
            found = registry.match(text, read.of(country if isinstance(country, str) else None), 1)
        if not found:
            for col, value in zip(MATCH_COLUMNS, (None, None, 0.0, Decision.NON_MATCH.value, ""), strict=True):
                out[col].append(value)
            continue
        best = found[0]
        out["id"].append(best.institution.id)
        out["name"].append(best.institution.name)
        out["score"].append(float(best.score))
        out["decision"].append(best.decision.value)
        out["explanation"].append(_short(best.explanation))
    nothing.warn("names column", "no match")
    return out


def match_frame(df: Any, registry: Any, column: str, country_column: str | None, prefix: str) -> Any:
    """``df`` with the columns of :func:`match_batch` added as ``prefix + name`` (pandas)."""
    import pandas as pd

    if registry is None or len(df) == 0:
        cols: dict[str, list[Any]] = {c: [] for c in MATCH_COLUMNS}
    else:
        countries = df[country_column].tolist() if country_column else None
        cols = match_batch(registry, df[column].tolist(), countries)
    added = pd.DataFrame(
        {prefix + c: pd.Series(cols[c], dtype="float64" if c == "score" else object) for c in MATCH_COLUMNS}
    )
    added.index = df.index
    return pd.concat([df, added], axis=1)


# --- dedupe ---------------------------------------------------------------------------
