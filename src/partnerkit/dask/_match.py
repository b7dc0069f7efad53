"""``partnerkit.dask.match``: resolve a column of names against a registry, partition by partition."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from typing import Any

from partnerkit._errors import ConfigError
from partnerkit._matching._batch import MATCH_COLUMNS, Packed, match_frame, unpack, warm_up

log = logging.getLogger("partnerkit")


def current_client() -> Any:
    """The ``distributed.Client`` Dask would compute on now, or None for its local schedulers.

    Honours ``dask.config.set(scheduler="threads")`` and the like even while a client exists.
    """
    from dask.base import get_scheduler
    from distributed import Client

    owner = getattr(get_scheduler(), "__self__", None)
    return owner if isinstance(owner, Client) else None


def ship(value: Any, client: Any) -> Any:
    """``value`` sent once to every worker of ``client`` (a Future), or ``value`` itself without one.

    The value travels pickled once (:class:`~partnerkit._matching._batch.Packed`): the task
    functions take it through :func:`~partnerkit._matching._batch.unpack`.
    """
    if client is None:
        return value
    return client.scatter(Packed(value), broadcast=True, hash=False)


#: Settings of the clusters partnerkit starts (``local_cluster``): Dask's diagnostics sampled less often.
QUIET = {
    # the statistical profiler samples the running task's stack every 10 ms (about 8% of a match run's CPU)
    "distributed.worker.profile.enabled": False,
    # the check that an event loop is not blocked runs every 20 ms in each scheduler, nanny and worker
    "distributed.admin.tick.interval": "1s",
    # the dashboard's CPU/memory/network series (disk counters read /sys per device)
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.admin.system-monitor.disk": False,
    # pausing or spilling a worker near its memory limit reacts within half a second (not 0.1 s)
    "distributed.worker.memory.monitor-interval": "500ms",
}


def local_cluster(workers: int | None = None) -> Any:
    """A ``LocalCluster`` of ``workers`` single-threaded processes, set up for long CPU-bound tasks.

    Dask's diagnostics are sampled less often (:data:`QUIET`): its statistical profiler is
    off (it samples the running task's stack every 10 ms, about 8% more CPU per string), and
    the event-loop tick, system monitor and memory monitor run every 0.5-2 s instead of every
    20-500 ms, which took an idle two-worker cluster from 0.077 to 0.014 CPU seconds per
    second. Everything else is Dask's default; no dashboard port is taken.
    """
    import dask
    from distributed import LocalCluster

    with dask.config.set(QUIET):
        return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0")


def _warm_worker() -> None:
    import dask.dataframe  # noqa: F401  (unpickling the first DataFrame task imports it otherwise)

    warm_up()


def warm_workers(client: Any) -> None:
    """Have every worker of ``client`` import Dask's DataFrame code and build its name tables now.

    Without waiting: this runs while the client packs the registry (see ``warm_up``).
    """
    from distributed import fire_and_forget

    workers = list(client.scheduler_info().get("workers", ()))
    fire_and_forget([client.submit(_warm_worker, pure=False, workers=[w], allow_other_workers=True) for w in workers])


def _match_part(df: Any, registry: Any, column: str, country_column: str | None, prefix: str) -> Any:
    return match_frame(df, unpack(registry), column, country_column, prefix)


def check_columns(columns: Any, needed: tuple[str | None, ...], added: tuple[str, ...]) -> None:
    have = set(columns)
    for name in needed:
        if name is not None and name not in have:
            raise ConfigError(f"no column {name!r} in the DataFrame (it has: {', '.join(map(str, columns))})")
    clash = [a for a in added if a in have]
    if clash:
        raise ConfigError(f"the DataFrame already has the column(s) {', '.join(clash)}; pass another prefix")


def match(
    ddf: Any,
    registry: Any,
    *,
    column: str,
    country_column: str | None = None,
    prefix: str = "match_",
    client: Any = None,
) -> Any:
    """Add the best match of each row's name to a Dask DataFrame.

    The compiled registry is sent to each worker once (``Client.scatter(..., broadcast=True)``)
    when a ``distributed.Client`` is current (or given), and each partition is matched by the
    same code as :meth:`partnerkit.Registry.match`, so the results are identical to a
    single-process run. Rows keep their order and partitions.

    Args:
        ddf: a ``dask.dataframe.DataFrame``.
        registry: the :class:`partnerkit.Registry` to match against.
        column: the column holding the names (affiliation strings); missing values get no match.
        country_column: an optional column of country hints (ISO codes or names).
        prefix: prefix of the added columns.
        client: the ``distributed.Client`` to use; the current one by default.

    Returns:
        A lazy Dask DataFrame with the columns of ``ddf`` and ``{prefix}id``, ``{prefix}name``,
        ``{prefix}score``, ``{prefix}decision`` ("match", "possible", "non_match") and
        ``{prefix}explanation`` (the rules that fired, short).

    Raises:
        ConfigError: a column is missing, or an added column already exists.
    """
    added = tuple(prefix + c for c in MATCH_COLUMNS)
    check_columns(ddf.columns, (column, country_column), added)
    client = client if client is not None else current_client()
    if client is not None:
        warm_workers(client)  # while the registry is packed here
    shipped = ship(registry, client)
    meta = match_frame(ddf._meta, None, column, country_column, prefix)
    return ddf.map_partitions(_match_part, shipped, column, country_column, prefix, meta=meta)


def match_csv(
    path: str,
    registry: Any,
    *,
    column: str,
    country_column: str | None = None,
    workers: int | None = None,
    blocksize: str | int | None = None,
    delimiter: str = ",",
) -> Iterator[tuple[Any, int, int]]:
    """Match a CSV file on Dask, yielding ``(frame, done, total)`` per partition, in file order.

    For the command line (``partnerkit match --file big.csv --engine dask --workers N``): uses
    the current ``distributed.Client``, or starts a ``LocalCluster`` of ``workers`` processes
    (default: one per core; Dask's statistical profiler off) for the duration.
    ``done``/``total`` count partitions, for a progress bar; each ``frame`` is a pandas
    DataFrame with the match columns added.
    ``blocksize`` (bytes of CSV per partition) defaults to an eighth of the file per worker,
    between 256 KB and 16 MB, so that every worker has work and the last partitions are short.
    ``delimiter`` separates the fields (``;`` for a CSV a European Excel saved).

    Raises:
        ConfigError: a column is missing.
    """
    import dask.dataframe as dd
    from distributed import Client

    client = current_client()
    own: list[Any] = []
    if client is None:
        cluster = local_cluster(workers)
        client = Client(cluster)
        own = [client, cluster]
    try:
        if blocksize is None:
            n = max(1, len(client.scheduler_info().get("workers", ())))
            blocksize = min(16 << 20, max(256 << 10, os.path.getsize(path) // (8 * n)))
        ddf = dd.read_csv(path, blocksize=blocksize, dtype=str, keep_default_na=False, na_values=[""], sep=delimiter)
        parts = match(ddf, registry, column=column, country_column=country_column, client=client).to_delayed()
        futures = client.compute(parts)
        for done, future in enumerate(futures, start=1):
            yield future.result(), done, len(futures)
    finally:
        for thing in own:
            thing.close()
