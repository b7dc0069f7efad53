"""Baseline: deduplicate names with splink 5 on DuckDB, the peer a user would pick.

Usage::

    python bench/splink_dedupe.py --n 1000000 [--file bench/out/names.csv]

Not a dependency of partnerkit: ``pip install splink`` in the bench venv. The model is the one
splink's tutorials teach for a single name column and a country: a normalised name
(lower case, ASCII, punctuation removed), Jaro-Winkler and Jaccard levels on it, exact country;
the prior from exact names (recall 0.3), u from random sampling, m from the known
clusters (EM on a single name column degenerates), pairs at match probability >= 0.5, connected
components at >= 0.9. Prints wall time, peak memory and pairwise
precision/recall against the known clusters (rows with the same ROR id).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

import pandas as pd
from _common import OUT, PeakMemory, Timer, load_rows, pairwise_scores
from anyascii import anyascii


def normalise(names: pd.Series) -> pd.Series:
    ascii_ = names.map(anyascii).str.lower()
    return ascii_.str.replace(r"[^a-z0-9 ]+", " ", regex=True).str.replace(r"\s+", " ", regex=True).str.strip()


def splink_clusters(df: pd.DataFrame, verbose: bool = False) -> pd.Series:
    """Cluster labels (indexed like ``df``) from splink 5 + DuckDB."""
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    frame = pd.DataFrame(
        {
            "unique_id": df["row"].to_numpy(),
            "name": normalise(df["text"]),
            "country": df["country"],
            "label": df["ror_id"],
        }
    )
    frame["first_tok"] = frame["name"].str.split(" ").str[0]
    frame["last_tok"] = frame["name"].str.split(" ").str[-1]
    settings = SettingsCreator(
        link_type="dedupe_only",
        comparisons=[
            cl.JaroWinklerAtThresholds("name", [0.95, 0.88, 0.8]),
            cl.ExactMatch("country"),
        ],
        blocking_rules_to_generate_predictions=[
            block_on("name"),
            block_on("first_tok", "last_tok"),
            block_on("substr(name, 1, 16)", "country"),
        ],
        retain_intermediate_calculation_columns=False,
    )
    db_api = DuckDBAPI()
    sdf = db_api.register(frame)
    linker = Linker(sdf, settings, log_level=logging.INFO if verbose else logging.WARNING)
    linker.training.estimate_probability_two_random_records_match([block_on("name")], recall=0.3)
    linker.training.estimate_u_using_random_sampling(max_pairs=2e6, seed=8)
    # EM on one name column converges to "shares 'university of'" as the match class (m of an
    # exact name ~0), so splink gets the known clusters to estimate m: an advantage partnerkit,
    # which uses no labels, does not get.
    linker.training.estimate_m_from_label_column("label")
    sub16 = frame["name"].str[:16]
    for label, keys in {
        "name": [frame["name"]],
        "first_tok+last_tok": [frame["first_tok"], frame["last_tok"]],
        "substr16+country": [sub16, frame["country"]],
    }.items():
        sizes = frame.groupby(keys, dropna=True).size().to_numpy(dtype="float64")
        print(f"blocking on {label}: {(sizes * (sizes - 1) / 2).sum():,.0f} pairs", file=sys.stderr)
    pairs = linker.inference.predict(threshold_match_probability=0.5)
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(pairs, threshold_match_probability=0.9)
    out = clusters.as_pandas_dataframe()[["unique_id", "cluster_id"]]
    labels = out.set_index("unique_id")["cluster_id"]
    return pd.Series(labels.reindex(frame["unique_id"]).to_numpy(), index=df.index)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--file", type=Path, default=OUT / "names.csv")
    args = ap.parse_args(argv)
    df = load_rows(args.file, args.n)
    with PeakMemory() as mem, Timer() as t:
        labels = splink_clusters(df)
    figures = {"engine": "splink5-duckdb", "n": len(df), "seconds": round(t.seconds, 1), **mem.summary()}
    figures.update(pairwise_scores(labels, df["ror_id"]))
    json.dump(figures, sys.stdout)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
