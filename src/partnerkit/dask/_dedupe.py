"""``partnerkit.dask.dedupe``: cluster a column of names across partitions.

The steps of :mod:`partnerkit._matching._batch`: the distinct texts are counted with a
group-by over the partitions; the client forms the groups of one normal form and compiles
the index of their representatives (one row per distinct text), which is sent to every
worker once; the workers score the candidate pairs with the rules (the heavy part); the
connected components of the MATCH edges come from minimum-label propagation with pointer
jumping in DataFrame operations; a shuffle by component brings each component's edges
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
    edges_for,
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

MAX_ROUNDS = 64


def connected_components(edges: Any, max_rounds: int = MAX_ROUNDS) -> Any:
    """The component label (smallest node id) of every node of a Dask edge list ``(a, b)``.

    Minimum-label propagation with pointer jumping: each round, a node takes the smallest label
    among itself and its neighbours, then the label of its label, so a component of diameter d
    settles in O(log d) rounds. Returns a computed pandas Series ``node id -> label`` for the
    nodes with at least one edge.
    """
    import dask.dataframe as dd

    both = dd.concat([edges, edges.rename(columns={"a": "b", "b": "a"})])
    both = both.rename(columns={"a": "node", "b": "nbr"}).persist()
    first = both.groupby("node")["nbr"].min().reset_index()
    labels = first.assign(label=first["nbr"].where(first["nbr"] < first["node"], first["node"]))[["node", "label"]]
    labels = labels.persist()
    for rounds in range(1, max_rounds + 1):
        hop = both.merge(labels, on="node")[["nbr", "label"]].rename(columns={"nbr": "node"})
        merged = dd.concat([labels, hop]).groupby("node")["label"].min().reset_index()
        up = merged.rename(columns={"node": "label", "label": "label2"})
        jumped = merged.merge(up, on="label", how="left")
        best = jumped["label2"].fillna(jumped["label"]).astype("int64")
        new = jumped.assign(label=best.where(best < jumped["label"], jumped["label"]))[["node", "label"]].persist()
        joined = new.merge(labels.rename(columns={"label": "old"}), on="node", how="left")
        changed = int((joined["label"] != joined["old"]).sum().compute())
        labels = new
        log.debug("dedupe: label propagation round %d, %d labels changed", rounds, changed)
        if changed == 0:
            break
    else:  # pragma: no cover - pathological graphs
        raise RuntimeError(f"connected components did not converge in {max_rounds} rounds")
    result = labels.compute()
    return result.set_index("node")["label"]


def _texts(df: Any, column: str, offsets: list[int], partition_info: Any = None) -> Any:
    return text_frame(df, column, offsets[partition_info["number"]] if partition_info else 0)


def _edges(df: Any, plan: Any) -> Any:
    import pandas as pd

    found = edges_for(unpack(plan), df["g"].tolist())
    return pd.DataFrame(found, columns=["score", "g", "h"]).astype({"score": "float64", "g": "int64", "h": "int64"})


def _with_component(df: Any, components: Any) -> Any:
    return df.assign(comp=df["g"].map(unpack(components)).astype("int64"))


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
    components = connected_components(edges[["g", "h"]].rename(columns={"g": "a", "h": "b"}))
    roots: dict[int, int] = {}
    if len(components):
        comp_edges = edges.map_partitions(
            _with_component, ship(components, client), meta=edge_meta.assign(comp=pd.Series(dtype="int64"))
        )
        comp_edges = comp_edges.shuffle(on="comp", npartitions=parts)
        united = comp_edges.map_partitions(
            _union, shipped, meta=pd.DataFrame({"g": pd.Series(dtype="int64"), "root": pd.Series(dtype="int64")})
        ).compute()
        roots = dict(zip(united["g"].tolist(), united["root"].tolist(), strict=True))
    table = ship(cluster_table(plan, roots), client)
    meta = ddf._meta.assign(**{out: pd.Series(dtype="Int64")})
    return ddf.map_partitions(_label_rows, table, column, out, meta=meta)
