"""``partnerkit.spark.match`` and ``.dedupe``: the same work as ``partnerkit.dask``, on PySpark.

The compiled registry travels once per executor as a broadcast variable; rows are processed
by ``mapInPandas`` with the engine's batch functions; connected components come from a
union-find per partition whose forests are merged ``FAN_IN`` partitions at a time, as in
the Dask adapter (the same functions), and so are the acronyms read against the whole
list (the executors find the few groups that can take part, the driver links them with the
single process's function). Workers must run the same Python
environment: ``PYSPARK_PYTHON`` defaults to the running interpreter (set before the first
``SparkSession`` starts).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from typing import Any

from partnerkit._errors import ConfigError
from partnerkit._matching._batch import MATCH_COLUMNS, Packed, match_frame
from partnerkit._matching._dedupe_steps import (
    AcronymKeys,
    DedupePlan,
    acronym_keys,
    acronym_parts,
    acronym_roots,
    clean,
    error_values_of,
    forest_of,
    guarded_union,
    key_frame,
    pairs_for,
    plan_groups,
    score_pairs,
    stable_ids,
    written,
)
from partnerkit.rules import RuleSet, default_rules

FAN_IN = 8

os.environ.setdefault("PYSPARK_PYTHON", sys.executable)


def local_session(cores: int = 2, *, memory: str = "2g", app_name: str = "partnerkit") -> Any:
    """A ``SparkSession`` on this machine (``local[cores]``) whose workers run this interpreter.

    Raises:
        ConfigError: no Java runtime is found (Spark needs Java 17 or newer).
    """
    import shutil

    from pyspark.sql import SparkSession

    if not (os.environ.get("JAVA_HOME") or shutil.which("java")):
        raise ConfigError("Spark needs a Java runtime (17 or newer): none on PATH and JAVA_HOME is unset")
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")  # a local session: no host name look-ups
    return (
        SparkSession.builder.master(f"local[{cores}]")
        .appName(app_name)
        .config("spark.driver.memory", memory)
        .config("spark.sql.shuffle.partitions", str(max(2, cores * 2)))
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
        .getOrCreate()
    )


def _check(columns: list[str], needed: tuple[str | None, ...], added: tuple[str, ...]) -> None:
    for name in needed:
        if name is not None and name not in columns:
            raise ConfigError(f"no column {name!r} in the DataFrame (it has: {', '.join(columns)})")
    clash = [a for a in added if a in columns]
    if clash:
        raise ConfigError(f"the DataFrame already has the column(s) {', '.join(clash)}; pass another prefix")


def match(sdf: Any, registry: Any, *, column: str, country_column: str | None = None, prefix: str = "match_") -> Any:
    """Add the best match of each row's name to a Spark DataFrame (see :func:`partnerkit.dask.match`).

    Args:
        sdf: a ``pyspark.sql.DataFrame``.
        registry: the :class:`partnerkit.Registry`; broadcast once to the executors.
        column: the column holding the names; nulls get no match.
        country_column: an optional column of country hints.
        prefix: prefix of the added columns.

    Returns:
        A Spark DataFrame with ``{prefix}id``, ``{prefix}name``, ``{prefix}score``,
        ``{prefix}decision`` and ``{prefix}explanation`` added.
    """
    from pyspark.sql.types import DoubleType, StringType, StructField, StructType

    added = tuple(prefix + c for c in MATCH_COLUMNS)
    _check(sdf.columns, (column, country_column), added)
    types = {"score": DoubleType()}
    schema = StructType(
        [*sdf.schema.fields, *(StructField(prefix + c, types.get(c, StringType())) for c in MATCH_COLUMNS)]
    )
    shared = sdf.sparkSession.sparkContext.broadcast(Packed(registry))  # unpickled once per worker

    def run(batches: Iterator[Any]) -> Iterator[Any]:
        reg = shared.value.get()
        for pdf in batches:
            yield match_frame(pdf, reg, column, country_column, prefix)

    return sdf.mapInPandas(run, schema)


def _forests(batches: Iterator[Any]) -> Iterator[Any]:
    import pandas as pd

    forest = forest_of(batches, "a", "b")
    yield pd.DataFrame({"a": list(forest), "b": list(forest.values())}, dtype="int64")


def connected_components(edges: Any, fan_in: int = FAN_IN) -> Any:
    """Component labels (smallest node id) of a Spark edge list ``(a, b)``, as a pandas Series.

    A union-find per partition gives each partition's forest (one ``(node, label)`` pair per
    node it touches); forests are merged ``fan_in`` partitions at a time (``coalesce``, no
    shuffle) until one is left: one pass over the edges, no rounds of joins.
    """
    schema = "a long, b long"
    level = edges.mapInPandas(_forests, schema).localCheckpoint()
    n = level.rdd.getNumPartitions()
    while n > 1:
        n = -(-n // fan_in)
        level = level.coalesce(n).mapInPandas(_forests, schema).localCheckpoint()
    pdf = level.toPandas()
    return pdf.set_index("a")["b"].rename_axis("node").rename("label")


def _texts(batches: Iterator[Any]) -> Iterator[Any]:
    import pandas as pd

    for pdf in batches:
        texts = [written(v) for v in pdf["name"].tolist()]  # error values counted on the driver
        keep = [t is not None for t in texts]
        yield pd.DataFrame({"text": [t for t in texts if t is not None], "pos": pdf["pos"][keep].tolist()})


def _keyed(batches: Iterator[Any]) -> Iterator[Any]:
    for pdf in batches:
        yield key_frame(pdf)


def _acronyms(sc: Any, shared: Any, plan: DedupePlan, roots: dict[int, int], parts: int) -> dict[int, int]:
    """The clusters the acronyms join (old root -> new root): executors select, the driver links."""
    groups = sc.parallelize(range(len(plan.reps)), parts)

    def keys_of(ids: Iterator[int]) -> Iterator[AcronymKeys]:
        yield acronym_keys(shared.value.get(), ids)

    found = groups.mapPartitions(keys_of).collect()
    keys: AcronymKeys = (set().union(*(b for b, _c in found)), set().union(*(c for _b, c in found)))
    if not keys[0] and not keys[1]:
        return {}
    rooted = sc.broadcast(roots)

    def parts_of(ids: Iterator[int]) -> Iterator[tuple[int, int, str]]:
        root = rooted.value
        yield from acronym_parts(shared.value.get(), ((g, root.get(g, g)) for g in ids), keys)

    rows = groups.mapPartitions(parts_of).collect()
    rooted.unpersist()
    forms = [0] * len(plan.reps)
    for g in plan.group_of.values():
        forms[g] += 1

    def cluster_forms(wanted: Any) -> dict[int, int]:
        out = {r: forms[r] for r in wanted}
        for g, r in roots.items():
            if r in out and g != r:
                out[r] += forms[g]
        return out

    return acronym_roots(rows, plan.reps.__getitem__, plan.counts.__getitem__, cluster_forms)


def dedupe(
    sdf: Any, *, column: str, out: str = "cluster_id", rules: RuleSet | None = None, acronyms: bool = True
) -> Any:
    """Cluster the names of a Spark DataFrame column: a cluster id per row (see :func:`partnerkit.dask.dedupe`).

    Rows get the same id exactly when :func:`partnerkit.dedupe` puts their names in one cluster
    (acronyms read against the whole list included; ``acronyms=False`` as
    ``dedupe(..., acronyms=False)``), taking the DataFrame's order as the input order; the ids
    are the same 63-bit integers as the Dask adapter's. Rows with a null or blank name, or a
    spreadsheet error value (``#N/A``...; one warning counts them), get null.
    """
    import pandas as pd
    from pyspark.sql import functions as F
    from pyspark.sql.types import LongType, StructField, StructType

    _check(sdf.columns, (column,), (out,))
    spark = sdf.sparkSession
    sc = spark.sparkContext
    rules = rules or default_rules()
    rows = sdf.select(F.col(column).cast("string").alias("name"), F.monotonically_increasing_id().alias("pos"))
    texts = rows.mapInPandas(_texts, "text string, pos long")
    stats = texts.groupBy("text").agg(F.count("*").alias("size"), F.min("pos").alias("min"))
    table = stats.mapInPandas(_keyed, "text string, size long, min long, key string").toPandas()
    table = table[~pd.Series(error_values_of(table["text"].tolist(), table["size"].tolist()), index=table.index)]
    plan = plan_groups(zip(table["text"], table["key"], table["size"], table["min"], strict=True), rules)
    del table
    shared = sc.broadcast(Packed(plan))
    parts = max(2, sc.defaultParallelism * 2)

    def pairs_of(batches: Iterator[Any]) -> Iterator[Any]:
        for pdf in batches:
            yield pd.DataFrame({"pair": pd.Series(pairs_for(shared.value.get(), pdf["id"].tolist()), dtype="int64")})

    def edges_of(batches: Iterator[Any]) -> Iterator[Any]:
        for pdf in batches:
            found = score_pairs(shared.value.get(), pdf["pair"].tolist())
            yield pd.DataFrame(found, columns=["score", "g", "h"]).astype({"g": "int64", "h": "int64"})

    # a pair found from both sides in two partitions is scored once (dropDuplicates shuffles on the key)
    pairs = spark.range(len(plan.reps)).repartition(parts).mapInPandas(pairs_of, "pair long").dropDuplicates()
    edges = pairs.mapInPandas(edges_of, "score double, g long, h long")
    edges = edges.localCheckpoint()
    components = connected_components(edges.select(F.col("g").alias("a"), F.col("h").alias("b")))
    roots: dict[int, int] = {}
    if len(components):
        comp = spark.createDataFrame(
            pd.DataFrame({"g": components.index.to_numpy(dtype="int64"), "comp": components.to_numpy(dtype="int64")})
        )

        def union_of(batches: Iterator[Any]) -> Iterator[Any]:
            frames = list(batches)  # every edge of the partition's components, whole
            if not frames:
                return
            whole = pd.concat(frames, ignore_index=True)
            kept = shared.value.get()
            found: list[tuple[int, int]] = []
            for _c, part in whole.groupby("comp", sort=False):
                edges = zip(part["score"].tolist(), part["g"].tolist(), part["h"].tolist(), strict=True)
                found.extend(guarded_union(edges, kept.reps, kept.counts, kept.rules).items())
            yield pd.DataFrame(found, columns=["g", "root"], dtype="int64")

        united = edges.join(comp, "g").repartition(parts, "comp").mapInPandas(union_of, "g long, root long")
        result = united.toPandas()
        roots = dict(zip(result["g"].tolist(), result["root"].tolist(), strict=True))
    if acronyms:  # the clusters the acronyms join take the root (and id) of the one they join
        moved = _acronyms(sc, shared, plan, roots, parts)
        roots = {g: moved.get(r, r) for g, r in roots.items()} | moved
    ids = stable_ids(plan.reps)
    cluster_of = {text: ids[roots.get(g, g)] for text, g in plan.group_of.items()}
    labels = sc.broadcast(cluster_of)
    schema = StructType([*sdf.schema.fields, StructField(out, LongType())])

    def assign(batches: Iterator[Any]) -> Iterator[Any]:
        table = labels.value
        for pdf in batches:
            found = [table.get(t) if t is not None else None for t in map(clean, pdf[column].tolist())]
            yield pdf.assign(**{out: pd.array(found, dtype="Int64")})

    return sdf.mapInPandas(assign, schema)
