"""partnerkit.spark: matching and deduplication on Spark local[2] give exactly the single-process results.

Users rely on: ``mapInPandas`` with a broadcast registry giving what ``Registry.match`` gives;
``dedupe`` giving the clusters of ``partnerkit.dedupe`` and the same cluster ids as the Dask
adapter; workers running this interpreter (``PYSPARK_PYTHON``); a clear error without the extra.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest

import partnerkit as pk
from partnerkit._matching._dedupe import text_of
from tests import scale_data

pytestmark = pytest.mark.scale


@pytest.fixture(scope="module")
def pks() -> Any:
    scale_data.require("pyspark")
    return scale_data.require("partnerkit.spark")


@pytest.fixture(scope="module")
def spark(pks: Any) -> Iterator[Any]:
    session = pks.local_session(2, memory="2g", app_name="partnerkit-tests")
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def test_missing_extra_names_the_pip_command() -> None:
    code = (
        "import sys; sys.modules['pyspark'] = None\ntry:\n import partnerkit.spark\nexcept ImportError as e: print(e)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "pip install 'partnerkit[spark]'" in out


def test_workers_run_this_interpreter(spark: Any) -> None:
    """The Python workers Spark starts are this interpreter, so they see partnerkit and its plugins."""
    assert os.environ["PYSPARK_PYTHON"] == sys.executable
    seen = spark.sparkContext.parallelize(range(2), 2).map(lambda _: sys.executable).distinct().collect()
    assert seen == [sys.executable]


def test_match_is_identical_to_single_process(spark: Any, pks: Any) -> None:
    reg = scale_data.registry()
    df = scale_data.frame(scale_data.scale_rows(20000), "affiliations")
    sdf = spark.createDataFrame(df[["row", "text", "country"]])
    out = pks.match(sdf, reg, column="text", country_column="country").toPandas().sort_values("row")
    assert list(out["row"]) == list(df["row"])
    for text, country, mid, score, decision in zip(
        df["text"], df["country"], out["match_id"], out["match_score"], out["match_decision"], strict=True
    ):
        expected = reg.match(text, country, 1)
        if not expected:
            assert (mid, decision) == (None, "non_match")
        else:
            assert (mid, score, decision) == (expected[0].institution.id, expected[0].score, expected[0].decision.value)


def test_dedupe_is_identical_to_single_process(spark: Any, pks: Any) -> None:
    """The clusters of ``partnerkit.dedupe``'s default (acronyms included), ids from the canonical names."""
    df = scale_data.frame(scale_data.scale_rows(20000), "names")
    sdf = spark.createDataFrame(df[["row", "text"]])
    out = pks.dedupe(sdf, column="text").toPandas()
    assert len(out) == len(df)
    assert out["cluster_id"].notna().all()
    names = list(df["text"])
    assert scale_data.clusters_of(list(out["text"]), list(out["cluster_id"])) == scale_data.single_process_clusters(
        names
    )
    ids = scale_data.canonical_ids(names)
    assert [ids[text_of(t)] for t in out["text"]] == list(out["cluster_id"])


def test_dedupe_gives_blank_names_and_error_values_no_cluster(
    spark: Any, pks: Any, caplog: pytest.LogCaptureFixture
) -> None:
    """A blank or "#N/A" cell joins no cluster (null), as in ``partnerkit.dedupe``, with one warning counting
    the error values."""
    import pandas as pd

    names = ["#N/A", "ITMO University", "#REF!", "ITMO Univ.", " #N/A ", "Wuhan University", "   "]
    sdf = spark.createDataFrame(pd.DataFrame({"row": range(len(names)), "name": names})).repartition(3)
    with caplog.at_level("WARNING", logger="partnerkit"):
        out = pks.dedupe(sdf, column="name").toPandas().sort_values("row")
    assert "names: 3 spreadsheet error values (#N/A x2, #REF! x1) name no institution" in caplog.text
    ids = list(out["cluster_id"])
    assert [pd.isna(i) for i in ids] == [True, False, True, False, True, False, True]
    assert ids[1] == ids[3] != ids[5]


@pytest.mark.parametrize("case", sorted(scale_data.ACRONYM_CASES))  # type: ignore[misc]
def test_dedupe_reads_acronyms_against_the_whole_column(spark: Any, pks: Any, case: str) -> None:
    """An acronym joins the one cluster spelling it ("UBA"); spelt by two clusters ("MSU"), it stays apart."""
    import pandas as pd

    names, expected = scale_data.ACRONYM_CASES[case]
    sdf = spark.createDataFrame(pd.DataFrame({"row": range(len(names)), "name": names})).repartition(3)
    out = pks.dedupe(sdf, column="name").toPandas()
    assert scale_data.clusters_of(list(out["name"]), list(out["cluster_id"])) == expected
    ids = scale_data.canonical_ids(names)
    assert [ids[n] for n in out["name"]] == list(out["cluster_id"])
    off = pks.dedupe(sdf, column="name", acronyms=False).toPandas()
    assert scale_data.clusters_of(list(off["name"]), list(off["cluster_id"])) == {
        frozenset(c.members) for c in pk.dedupe(names, acronyms=False)
    }


def test_dedupe_ids_agree_with_dask_and_keep_nulls(spark: Any, pks: Any) -> None:
    """The same names get the same cluster ids on Spark and on Dask; null names get null."""
    import pandas as pd

    df = pd.DataFrame({"name": ["ITMO University", None, "ITMO  University", "Wuhan University"]})
    out = pks.dedupe(spark.createDataFrame(df, "name string"), column="name").toPandas()
    ids = list(out["cluster_id"])
    assert ids[0] == ids[2] != ids[3]
    assert pd.isna(ids[1])
    try:
        import dask
        import dask.dataframe as dd

        import partnerkit.dask as pkd
    except ImportError:
        return
    with dask.config.set(scheduler="sync"):
        other = pkd.dedupe(dd.from_pandas(df, npartitions=1), column="name").compute()
    assert list(other["cluster_id"].dropna()) == [i for i in ids if not pd.isna(i)]


@pytest.mark.parametrize("fan_in", [2, 8])
def test_components_merge_partition_forests_like_one_union_find(spark: Any, fan_in: int) -> None:
    """Chains and stars cut across 9 partitions get the labels one union-find over all edges gives."""
    import random

    import pandas as pd

    from partnerkit._matching._dedupe_steps import components_of
    from partnerkit.spark._adapter import connected_components

    rng = random.Random(7)
    edges = [(i, i + 1) for i in range(0, 60)]  # one long chain: every partition holds a piece
    edges += [(100, 100 + k) for k in range(1, 30)] + [
        (rng.randrange(200, 400), rng.randrange(200, 400)) for _ in range(150)
    ]
    rng.shuffle(edges)
    sdf = spark.createDataFrame(pd.DataFrame(edges, columns=["a", "b"]), "a long, b long").repartition(9)
    labels = connected_components(sdf, fan_in=fan_in)
    assert labels.to_dict() == components_of(edges)
    assert connected_components(sdf.limit(0), fan_in=fan_in).empty
