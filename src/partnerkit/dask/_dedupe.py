"""``partnerkit.dask.dedupe``: cluster a column of names across partitions.

The steps of :mod:`partnerkit._matching._batch`: the distinct texts are counted with a
group-by over the partitions; the client forms the groups of one normal form and compiles
the index of their representatives (one row per distinct text), which is sent to every
worker once; the workers score the candidate pairs with the rules (the heavy part); the
connected components of the MATCH edges come from a union-find per partition whose forests
are merged in a tree reduction; a shuffle by component brings each component's edges
together, where the same guarded union as :func:`partnerkit.dedupe` runs. Each row then gets
its cluster's id.
"""

from __future__ import annotations

import itertools
import logging
from typing import Any

from partnerkit._matching._batch import (
    DedupePlan,
    clean,
    components_of,
    edges_for,
    forest_of,
    guarded_union,
    key_frame,
    plan_groups,
    stable_ids,
    text_frame,
    unpack,
)
from partnerkit.dask._match import check_columns, current_client, ship
from partnerkit.rules import RuleSet, default_rules

log = logging.getLogger("partnerkit")

FAN_IN = 8


def _forest(df: Any) -> dict[int, int]:
    return forest_of([df])


def _merge_forests(*forests: dict[int, int]) -> dict[int, int]:
    return components_of(pair for forest in forests for pair in forest.items())


def connected_components(edges: Any, fan_in: int = FAN_IN) -> Any:
    """The component label (smallest node) of every node of a Dask edge list with columns ``g``, ``h``.

    Union-find per partition, then a tree reduction merging the partitions' forests
    (``fan_in`` at a time): each step keeps one ``(node, label)`` pair per node, so the data
    moved is about the number of nodes with an edge, and there are no iteration rounds.
    Returns a ``Delayed`` dict ``node -> label`` (computed where it is used).
    """
    from dask import delayed

    level = [delayed(_forest)(part) for part in edges.to_delayed()]
    while len(level) > 1:
        level = [delayed(_merge_forests)(*level[i : i + fan_in]) for i in range(0, len(level), fan_in)]
    return level[0] if level else delayed(dict)()


def _texts(df: Any, column: str, offsets: list[int], partition_info: Any = None) -> Any:
    return text_frame(df, column, offsets[partition_info["number"]] if partition_info else 0)


def _edges(df: Any, plan: Any) -> Any:
    import pandas as pd

    found = edges_for(unpack(plan), df["g"].tolist())
    return pd.DataFrame(found, columns=["score", "g", "h"]).astype({"score": "float64", "g": "int64", "h": "int64"})


def _with_component(df: Any, components: dict[int, int]) -> Any:
    return df.assign(comp=df["g"].map(components).astype("int64"))


def _union(df: Any, plan: Any) -> Any:
    import pandas as pd

    plan = unpack(plan)
    rows: list[tuple[int, int]] = []
    for _comp, part in df.groupby("comp", sort=False):
        edges = zip(part["score"].tolist(), part["g"].tolist(), part["h"].tolist(), strict=True)
        rows.extend(guarded_union(edges, plan.reps, plan.counts, plan.rules).items())
    return pd.DataFrame(rows, columns=["g", "root"], dtype="int64")


def _label_rows(df: Any, cluster_of: Any, column: str, out: str) -> Any:
    import pandas as pd

    texts = pd.Series([clean(v) for v in df[column].tolist()], index=df.index, dtype=object)
    return df.assign(**{out: texts.map(unpack(cluster_of)).astype("Int64")})


def cluster_table(plan: DedupePlan, roots: dict[int, int]) -> Any:
    """Distinct text -> cluster id (the stable id of the cluster's canonical name), a pandas Series."""
    import pandas as pd

    ids = stable_ids(plan.reps)
    texts = list(plan.group_of)
    return pd.Series(
        [ids[roots.get(g, g)] for g in plan.group_of.values()], index=pd.Index(texts, dtype=object), dtype="int64"
    )


def dedupe(ddf: Any, *, column: str, out: str = "cluster_id", rules: RuleSet | None = None, client: Any = None) -> Any:
    """Cluster the names of a Dask DataFrame column: a cluster id per row.

    Rows get the same ``cluster_id`` exactly when :func:`partnerkit.dedupe` puts their names in
    one cluster (the names as the column has them); the id is a 63-bit integer derived from the
    cluster's canonical name, the same in every run and engine (``partnerkit.spark.dedupe``
    gives the same ids). Rows with a missing or blank name get ``<NA>``.

    Args:
        ddf: a ``dask.dataframe.DataFrame``.
        column: the column holding the names.
        out: the name of the added column.
        rules: the rule set (default: :func:`partnerkit.rules.default_rules`).
        client: the ``distributed.Client`` to use; the current one by default.

    Returns:
        ``ddf`` with the column ``out`` added (lazy; the clustering itself is computed here).

    Raises:
        ConfigError: ``column`` is missing or ``out`` already exists.
    """
    import dask.dataframe as dd
    import pandas as pd

    check_columns(ddf.columns, (column,), (out,))
    client = client if client is not None else current_client()
    rules = rules or default_rules()
    lengths = ddf.map_partitions(len).compute()
    offsets = [0, *itertools.accumulate(int(n) for n in lengths)][:-1]
    texts = ddf.map_partitions(
        _texts, column, offsets, meta=pd.DataFrame({"text": pd.Series(dtype=object), "pos": pd.Series(dtype="int64")})
    )
    stats = texts.groupby("text")["pos"].agg(["size", "min"], split_out=max(1, ddf.npartitions // 4)).reset_index()
    stats = stats.map_partitions(key_frame).compute()
    plan = plan_groups(zip(stats["text"], stats["key"], stats["size"], stats["min"], strict=True), rules)
    log.info("dedupe: %d distinct names in %d groups", len(stats), len(plan.reps))
    del stats
    shipped = ship(plan, client)
    parts = max(2, ddf.npartitions)
    groups = dd.from_pandas(pd.DataFrame({"g": range(len(plan.reps))}), npartitions=parts)
    edge_meta = pd.DataFrame(
        {"score": pd.Series(dtype="float64"), "g": pd.Series(dtype="int64"), "h": pd.Series(dtype="int64")}
    )
    edges = groups.map_partitions(_edges, shipped, meta=edge_meta).persist()
    components = connected_components(edges)
    comp_edges = edges.map_partitions(_with_component, components, meta=edge_meta.assign(comp=pd.Series(dtype="int64")))
    # the MATCH edges are few (about one per ten names): a task-based shuffle moves them
    # cheaply and runs on any scheduler (p2p needs the distributed one)
    comp_edges = comp_edges.shuffle(on="comp", npartitions=parts, shuffle_method="tasks")
    united = comp_edges.map_partitions(
        _union, shipped, meta=pd.DataFrame({"g": pd.Series(dtype="int64"), "root": pd.Series(dtype="int64")})
    ).compute()
    roots = dict(zip(united["g"].tolist(), united["root"].tolist(), strict=True))
    table = ship(cluster_table(plan, roots), client)
    meta = ddf._meta.assign(**{out: pd.Series(dtype="Int64")})
    return ddf.map_partitions(_label_rows, table, column, out, meta=meta)
