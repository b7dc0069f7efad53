"""``partnerkit.dask.dedupe``: cluster a column of names across partitions.

The steps of :mod:`partnerkit._matching._dedupe_steps`, all in Dask (the client holds no row of
the data): the distinct texts are counted with a group-by over the partitions and keyed by
normal form per partition; a shuffle by key brings each key's texts together, where the
group's representative and row count are found; a sort by first row numbers the groups as
:func:`partnerkit.dedupe` does; one worker compiles the index of the representatives (the
blocking structure), which every other worker fetches once; the candidate pairs are found
per partition of groups, made unique by a shuffle on the pair key and scored once each; the
connected components of the MATCH edges come from a union-find per partition whose forests
are merged in a tree reduction; a shuffle by component brings each component's edges
together, where the same guarded union as :func:`partnerkit.dedupe` runs; the acronyms are
read against the whole list (per partition, the acronyms claimed and the few groups that can
take part; the links decided on the client by the single process's function); joins give
each distinct text its cluster's id, and each row gets it from a table built on a worker.
"""

from __future__ import annotations

import itertools
import logging
from typing import Any

from partnerkit._matching._batch import Packed, unpack
from partnerkit._matching._dedupe_steps import (
    AcronymKeys,
    acronym_keys,
    acronym_parts,
    acronym_roots,
    clean,
    components_of,
    error_values_of,
    forest_of,
    group_frame,
    guarded_union,
    key_frame,
    pairs_for,
    plan_of,
    reading_frame,
    score_pairs,
    stable_ids,
    text_frame,
)
from partnerkit._matching._inputs import EXCEL_ERRORS
from partnerkit.dask._match import check_columns, current_client
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


def _pairs(df: Any, plan: Any) -> Any:
    import pandas as pd

    return pd.DataFrame({"pair": pd.Series(pairs_for(unpack(plan), df["g"].tolist()), dtype="int64")})


def _edges(df: Any, plan: Any) -> Any:
    import pandas as pd

    found = score_pairs(unpack(plan), df["pair"].tolist())
    return pd.DataFrame(found, columns=["score", "g", "h"]).astype({"score": "float64", "g": "int64", "h": "int64"})


def _with_component(df: Any, components: dict[int, int]) -> Any:
    return df.assign(comp=df["g"].map(components).astype("int64"))


def _union(df: Any, plan: Any) -> Any:
    """The guarded union of each component's edges: ``(g, root, cid)`` of each group with an edge."""
    import pandas as pd

    plan = unpack(plan)
    rows: list[tuple[int, int]] = []
    for _comp, part in df.groupby("comp", sort=False):
        edges = zip(part["score"].tolist(), part["g"].tolist(), part["h"].tolist(), strict=True)
        rows.extend(guarded_union(edges, plan.reps, plan.counts, plan.rules).items())
    ids = stable_ids([plan.reps[root] for _g, root in rows])
    # nullable integers: the left join giving every group its root and id keeps them exact (not float64)
    return pd.DataFrame(
        {
            "g": pd.Series([g for g, _r in rows], dtype="int64"),
            "root": pd.Series([r for _g, r in rows], dtype="Int64"),
            "cid": pd.Series(ids, dtype="Int64"),
        }
    )


def _keys(parts: list[Any], plan: Any) -> AcronymKeys:
    """Step 6a over some partitions of groups: the link-1 keys and the acronyms claimed."""
    bracketed: set[frozenset[str]] = set()
    claimed: set[str] = set()
    for df in parts:
        b, c = acronym_keys(unpack(plan), df["g"].tolist())
        bracketed |= b
        claimed |= c
    return bracketed, claimed


def _parts(df: Any, plan: Any, keys: AcronymKeys) -> Any:
    import pandas as pd

    rows = acronym_parts(unpack(plan), zip(df["g"].tolist(), df["root"].tolist(), strict=True), keys)
    return pd.DataFrame(
        {
            "g": pd.Series([r[0] for r in rows], dtype="int64"),
            "root": pd.Series([r[1] for r in rows], dtype="int64"),
            "k": pd.Series([r[2] for r in rows], dtype=object),
        }
    )


def _relabel(df: Any, moved: dict[int, int]) -> Any:
    """``cid`` of the groups whose cluster the acronyms joined to another: ``moved`` maps old root to new id."""
    if not moved:
        return df
    import pandas as pd

    cid = [moved.get(r, c) for r, c in zip(df["root"].tolist(), df["cid"].tolist(), strict=True)]
    return df.assign(cid=pd.Series(cid, index=df.index, dtype="int64"))


def _acronyms(keyed: Any, plan: Any) -> dict[int, int]:
    """Step 6: old root -> new cluster id of the clusters the acronyms join (small tables on the client)."""
    import dask
    from dask import delayed

    parts = keyed.to_delayed()
    level = [delayed(_keys)(parts[i : i + FAN_IN], plan) for i in range(0, len(parts), FAN_IN)]
    found = dask.compute(*level)
    keys: AcronymKeys = (set().union(*(b for b, _c in found)), set().union(*(c for _b, c in found)))
    if not keys[1] and not keys[0]:
        return {}
    meta = {"g": "int64", "root": "int64", "k": object}
    rows = keyed[["g", "root"]].map_partitions(_parts, plan, keys, meta=meta).compute()
    triples = list(zip(rows["g"].tolist(), rows["root"].tolist(), rows["k"].tolist(), strict=True))
    groups = sorted({g for g, _r, _k in triples} | {r for _g, r, _k in triples})
    roots = sorted({r for _g, r, _k in triples})
    info, forms = dask.compute(
        keyed[keyed["g"].isin(groups)][["g", "rep", "count"]],
        keyed[keyed["root"].isin(roots)].groupby("root")["forms"].sum(),
    )
    rep = dict(zip(info["g"].tolist(), info["rep"].tolist(), strict=True))
    count = dict(zip(info["g"].tolist(), info["count"].tolist(), strict=True))
    by_root = {int(r): int(n) for r, n in forms.items()}
    moved = acronym_roots(triples, rep.__getitem__, count.__getitem__, lambda rs: {r: by_root[r] for r in rs})
    log.info("dedupe: %d clusters joined by acronym", len(moved))
    return dict(zip(moved, stable_ids([rep[r] for r in moved.values()]), strict=True))


def _numbered(df: Any, offsets: list[int], partition_info: Any = None) -> Any:
    start = offsets[partition_info["number"]] if partition_info else 0
    return df.assign(g=range(start, start + len(df)))


def _build_plan(parts: list[Any], rules: RuleSet) -> Packed:
    """The plan from the numbered groups' partitions (in group order), packed to travel to the other workers."""
    reps = [r for df in parts for r in df["rep"].tolist()]
    counts = [c for df in parts for c in df["count"].tolist()]
    readings = [r for df in parts for r in df["reading"].tolist()]
    return Packed(plan_of(reps, counts, rules, readings=readings))


def _cluster_ids(df: Any) -> Any:
    """A group's cluster root and id: its union's (``root``, ``cid``), or its own and that of its representative."""
    import pandas as pd

    own = pd.Series(stable_ids(df["rep"].tolist()), index=df.index, dtype="int64")
    if not len(df):
        return df.assign(root=df["g"], cid=own)
    root = df["root"].astype("Int64").fillna(df["g"]).astype("int64")  # Int64 from the join: exact
    return df.assign(root=root, cid=df["cid"].astype("Int64").fillna(own).astype("int64"))


def _table(parts: list[Any]) -> Any:
    """Distinct text -> cluster id, one pandas Series (built on a worker, fetched once by each)."""
    import pandas as pd

    frames = [df for df in parts if len(df)]
    if not frames:
        return pd.Series([], index=pd.Index([], dtype=object), dtype="int64")
    whole = pd.concat(frames)
    return pd.Series(whole["cid"].to_numpy(), index=pd.Index(whole["text"].tolist(), dtype=object), dtype="int64")


def _label_rows(df: Any, table: Any, column: str, out: str) -> Any:
    import pandas as pd

    texts = pd.Series([clean(v) for v in df[column].tolist()], index=df.index, dtype=object)
    return df.assign(**{out: texts.map(unpack(table)).astype("Int64")})


def _persist(value: Any, client: Any) -> Any:
    import dask

    return client.persist(value) if client is not None else dask.persist(value)[0]


def dedupe(
    ddf: Any,
    *,
    column: str,
    out: str = "cluster_id",
    rules: RuleSet | None = None,
    client: Any = None,
    acronyms: bool = True,
) -> Any:
    """Cluster the names of a Dask DataFrame column: a cluster id per row.

    Rows get the same ``cluster_id`` exactly when :func:`partnerkit.dedupe` puts their names in
    one cluster (the names as the column has them), acronyms read against the whole list
    included: "UBA" joins "Universidad de Buenos Aires" when no other cluster of the column
    spells it. The id is a 63-bit integer derived from the cluster's canonical name, the same
    in every run and engine (``partnerkit.spark.dedupe`` gives the same ids). Rows with a
    missing or blank name, or a spreadsheet error value (``#N/A``, ``#REF!``...; one warning
    counts them), get ``<NA>``: they join no cluster, as in :func:`partnerkit.dedupe`.

    Args:
        ddf: a ``dask.dataframe.DataFrame``.
        column: the column holding the names.
        out: the name of the added column.
        rules: the rule set (default: :func:`partnerkit.rules.default_rules`).
        client: the ``distributed.Client`` to use; the current one by default.
        acronyms: read acronyms against the whole list, as :func:`partnerkit.dedupe` does by
            default; ``False`` joins by MATCH pairs only (``dedupe(..., acronyms=False)``). The
            client receives the acronyms the column writes and the few groups that can take
            part in a link (acronyms written alone or bracketed, and one name per cluster
            spelling one of them), never the whole column.

    Returns:
        ``ddf`` with the column ``out`` added (lazy; the clustering itself is computed here).

    Raises:
        ConfigError: ``column`` is missing or ``out`` already exists.
    """
    import pandas as pd
    from dask import delayed

    check_columns(ddf.columns, (column,), (out,))
    client = client if client is not None else current_client()
    rules = rules or default_rules()
    parts = max(2, ddf.npartitions)
    split = max(1, ddf.npartitions // 4)
    lengths = ddf.map_partitions(len).compute()
    offsets = [0, *itertools.accumulate(int(n) for n in lengths)][:-1]
    texts = ddf.map_partitions(
        _texts, column, offsets, meta=pd.DataFrame({"text": pd.Series(dtype=object), "pos": pd.Series(dtype="int64")})
    )
    # 1. the distinct texts, their row counts, first rows and normal-form keys (never on the client)
    stats = texts.groupby("text")["pos"].agg(["size", "min"], split_out=split).reset_index()
    stats = _persist(stats.map_partitions(key_frame), client)
    # spreadsheet error values ("#N/A") are counted for one warning, then dropped: no cluster, as blanks
    errors = stats[stats["text"].isin(sorted(EXCEL_ERRORS))][["text", "size"]].compute()
    if len(errors):
        error_values_of(errors["text"].tolist(), errors["size"].tolist())
        stats = stats[~stats["text"].isin(sorted(EXCEL_ERRORS))]
    # 2. the groups: a shuffle by key brings a key's texts together; numbered in first-row order
    group_meta = pd.DataFrame(
        {
            "key": pd.Series(dtype=object),
            "rep": pd.Series(dtype=object),
            "count": pd.Series(dtype="int64"),
            "forms": pd.Series(dtype="int64"),
            "first": pd.Series(dtype="int64"),
        }
    )
    groups = stats.shuffle(on="key", npartitions=split, shuffle_method="tasks").map_partitions(
        group_frame, meta=group_meta
    )
    groups = _persist(groups.sort_values("first", npartitions=split, shuffle_method="tasks"), client)
    sizes = groups.map_partitions(len).compute()
    starts = [0, *itertools.accumulate(int(n) for n in sizes)][:-1]
    groups = _persist(
        groups.map_partitions(_numbered, starts, meta=group_meta.assign(g=pd.Series(dtype="int64"))), client
    )
    # the index of the representatives: each partition reads its names, one worker assembles
    # the posting lists (the client holds no row of it)
    read = groups[["rep", "count"]].map_partitions(
        reading_frame, meta=group_meta[["rep", "count"]].assign(reading=pd.Series(dtype=object))
    )
    plan = _persist(delayed(_build_plan)(read.to_delayed(), rules), client)
    log.info("dedupe: %d groups", sum(int(n) for n in sizes))
    # 3. candidate pairs per partition of groups, made unique by a shuffle on the pair key, scored
    edge_meta = pd.DataFrame(
        {"score": pd.Series(dtype="float64"), "g": pd.Series(dtype="int64"), "h": pd.Series(dtype="int64")}
    )
    pairs = (
        groups[["g"]]
        .repartition(npartitions=parts)
        .map_partitions(_pairs, plan, meta=pd.DataFrame({"pair": pd.Series(dtype="int64")}))
    )
    # a pair found from both sides in two partitions meets its twin here and is scored once
    pairs = pairs.shuffle(on="pair", npartitions=parts, shuffle_method="tasks")
    edges = pairs.map_partitions(_edges, plan, meta=edge_meta).persist()
    # 4. components of the MATCH edges: union-find per partition, forests merged in a tree
    components = connected_components(edges)
    comp_edges = edges.map_partitions(_with_component, components, meta=edge_meta.assign(comp=pd.Series(dtype="int64")))
    # the MATCH edges are few (about one per ten names): a task-based shuffle moves them
    # cheaply and runs on any scheduler (p2p needs the distributed one)
    comp_edges = comp_edges.shuffle(on="comp", npartitions=parts, shuffle_method="tasks")
    # 5. the guarded union per component, then each distinct text's cluster id, by joins
    united = comp_edges.map_partitions(
        _union,
        plan,
        meta=pd.DataFrame(
            {"g": pd.Series(dtype="int64"), "root": pd.Series(dtype="Int64"), "cid": pd.Series(dtype="Int64")}
        ),
    )
    keyed = groups[["g", "key", "rep", "count", "forms"]].merge(united, on="g", how="left", shuffle_method="tasks")
    keyed_meta = group_meta[["key", "rep", "count", "forms"]].assign(
        g=pd.Series(dtype="int64"), root=pd.Series(dtype="int64"), cid=pd.Series(dtype="int64")
    )[["g", "key", "rep", "count", "forms", "root", "cid"]]
    keyed = _persist(keyed.map_partitions(_cluster_ids, meta=keyed_meta), client)
    # 6. the acronyms read against the whole list: the clusters they join get a new id
    if acronyms:
        keyed = keyed.map_partitions(_relabel, _acronyms(keyed, plan), meta=keyed_meta)
    cids = stats[["text", "key"]].merge(keyed[["key", "cid"]], on="key", how="inner", shuffle_method="tasks")
    cids = cids[["text", "cid"]]
    table = _persist(delayed(_table)(cids.to_delayed()), client)
    meta = ddf._meta.assign(**{out: pd.Series(dtype="Int64")})
    return ddf.map_partitions(_label_rows, table, column, out, meta=meta)
