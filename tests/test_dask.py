"""partnerkit.dask: matching and deduplication on Dask give exactly the single-process results.

Users rely on: the same best institution, score, decision and explanation per row as
``Registry.match``; the same clusters as ``partnerkit.dedupe``; the registry shipped to a
``LocalCluster`` of two worker processes; clear errors for wrong columns and a missing extra.
"""

from __future__ import annotations

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
def client() -> Iterator[Any]:
    scale_data.require("dask.dataframe")
    distributed = scale_data.require("distributed")
    from partnerkit.dask._match import local_cluster  # what `partnerkit match --engine dask` starts

    with local_cluster(2) as cluster, distributed.Client(cluster) as c:
        yield c


@pytest.fixture(scope="module")
def pkd() -> Any:
    scale_data.require("dask.dataframe")
    return scale_data.require("partnerkit.dask")


def test_missing_extra_names_the_pip_command() -> None:
    """Without Dask, ``import partnerkit.dask`` fails with the command that fixes it."""
    code = "import sys; sys.modules['dask'] = None\ntry:\n import partnerkit.dask\nexcept ImportError as e: print(e)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "pip install 'partnerkit[dask]'" in out


def test_match_is_identical_to_single_process(client: Any, pkd: Any) -> None:
    """Every row gets what ``registry.match(text, country, 1)`` gives, on two worker processes."""
    import dask.dataframe as dd

    reg = scale_data.registry()
    df = scale_data.frame(scale_data.scale_rows(20000), "affiliations")
    out = pkd.match(dd.from_pandas(df, npartitions=4), reg, column="text", country_column="country").compute()
    assert list(out["row"]) == list(df["row"])  # order and rows kept
    for text, country, mid, score, decision, why in zip(
        df["text"],
        df["country"],
        out["match_id"],
        out["match_score"],
        out["match_decision"],
        out["match_explanation"],
        strict=True,
    ):
        expected = reg.match(text, country, 1)
        if not expected:
            assert (mid, decision) == (None, "non_match")
            continue
        best = expected[0]
        assert (mid, score, decision) == (best.institution.id, best.score, best.decision.value)
        first = next(iter(best.explanation))
        assert why.startswith(f"{first.rule}: {first.text}"[:60])  # the rules that fired, in words
    assert (out["match_decision"] == "match").mean() > 0.5  # the generated strings are mostly findable


def test_own_local_cluster_runs_no_statistical_profiler(client: Any) -> None:
    """The cluster the command line starts does not sample stacks every 10 ms (CPU for nothing).

    Nor does it run its diagnostics (event-loop tick, system and memory monitors) more often
    than every half second, in the workers and in the scheduler.
    """

    def callbacks(dask_worker: Any = None, dask_scheduler: Any = None) -> dict[str, float]:
        server = dask_worker if dask_worker is not None else dask_scheduler
        return {name: pc.callback_time for name, pc in server.periodic_callbacks.items()}

    found = client.run(callbacks)
    assert len(found) == 2
    for times in found.values():
        assert "heartbeat" in times  # a live worker
        assert not any(n.startswith("profile") for n in times)
        assert min(times["tick"], times["monitor"], times["memory_monitor"]) >= 500
    on_scheduler = client.run_on_scheduler(callbacks)
    assert min(on_scheduler["tick"], on_scheduler["monitor"]) >= 500


def test_match_without_a_distributed_client_uses_local_threads(pkd: Any) -> None:
    """With no Client, the registry is passed as is and Dask's threads do the work."""
    import dask
    import dask.dataframe as dd
    import pandas as pd

    reg = scale_data.registry()
    df = pd.DataFrame({"name": ["ITMO University", None, "   "]})
    with dask.config.set(scheduler="threads"):
        out = pkd.match(dd.from_pandas(df, npartitions=2), reg, column="name", client=None).compute()
    assert list(out["match_decision"])[1:] == ["non_match", "non_match"]
    assert out["match_id"].iloc[0] == (reg.match("ITMO University", limit=1)[0].institution.id)


def test_dedupe_is_identical_to_single_process(client: Any, pkd: Any) -> None:
    """The clusters of ``partnerkit.dedupe`` (its default: acronyms read against the whole list), with stable ids.

    Each row's id is the one derived from its cluster's canonical name in the single process.
    """
    import dask.dataframe as dd

    df = scale_data.frame(scale_data.scale_rows(20000), "names")
    names = list(df["text"])
    out = pkd.dedupe(dd.from_pandas(df, npartitions=4), column="text").compute()
    assert out["cluster_id"].notna().all()
    expected = scale_data.single_process_clusters(names)
    assert expected != {frozenset(c.members) for c in pk.dedupe(names, acronyms=False)}  # acronyms join some
    assert scale_data.clusters_of(list(out["text"]), list(out["cluster_id"])) == expected
    ids = scale_data.canonical_ids(names)
    assert [ids[text_of(t)] for t in out["text"]] == list(out["cluster_id"])
    part = df.iloc[:3000]
    again = pkd.dedupe(dd.from_pandas(part, npartitions=3), column="text").compute()
    assert scale_data.clusters_of(list(again["text"]), list(again["cluster_id"])) == (
        scale_data.single_process_clusters(list(part["text"]))
    )  # another partitioning, the same clusters


@pytest.mark.parametrize("case", sorted(scale_data.ACRONYM_CASES))  # type: ignore[misc]
def test_dedupe_reads_acronyms_against_the_whole_column(pkd: Any, case: str) -> None:
    """An acronym joins the one cluster spelling it across partitions ("UBA"); spelt by two ("MSU"), it stays apart."""
    import dask
    import dask.dataframe as dd
    import pandas as pd

    names, expected = scale_data.ACRONYM_CASES[case]
    assert scale_data.single_process_clusters(names) == expected
    df = pd.DataFrame({"name": names})
    with dask.config.set(scheduler="sync"):
        out = pkd.dedupe(dd.from_pandas(df, npartitions=3), column="name").compute()
        off = pkd.dedupe(dd.from_pandas(df, npartitions=3), column="name", acronyms=False).compute()
    assert scale_data.clusters_of(names, list(out["cluster_id"])) == expected
    ids = scale_data.canonical_ids(names)
    assert list(out["cluster_id"]) == [ids[n] for n in names]
    assert scale_data.clusters_of(names, list(off["cluster_id"])) == {
        frozenset(c.members) for c in pk.dedupe(names, acronyms=False)
    }


def test_dedupe_keeps_missing_names_as_na(pkd: Any) -> None:
    import dask
    import dask.dataframe as dd
    import pandas as pd

    df = pd.DataFrame({"name": ["ITMO University", None, "ITMO  University", "Wuhan University", ""]})
    with dask.config.set(scheduler="sync"):
        out = pkd.dedupe(dd.from_pandas(df, npartitions=2), column="name").compute()
    ids = list(out["cluster_id"])
    assert ids[0] == ids[2] != ids[3]
    assert pd.isna(ids[1])
    assert pd.isna(ids[4])


def test_dedupe_gives_spreadsheet_error_values_no_cluster_as_one_process(
    pkd: Any, caplog: pytest.LogCaptureFixture
) -> None:
    """A "#N/A" cell joins no cluster (``<NA>``), as in ``partnerkit.dedupe``, with one warning counting them."""
    import dask
    import dask.dataframe as dd
    import pandas as pd

    from partnerkit._matching._dedupe import dedupe_rows

    names = ["#N/A", "ITMO University", "#REF!", "ITMO Univ.", " #N/A ", "Wuhan University", "   "]
    df = pd.DataFrame({"name": names})
    with dask.config.set(scheduler="sync"), caplog.at_level("WARNING", logger="partnerkit"):
        out = pkd.dedupe(dd.from_pandas(df, npartitions=3), column="name").compute()
    warned = [r.getMessage() for r in caplog.records]
    ids = list(out["cluster_id"])
    single = dedupe_rows(names)[1]
    assert [pd.isna(i) for i in ids] == [w is None for w in single] == [True, False, True, False, True, False, True]
    assert ids[1] == ids[3] != ids[5]
    assert warned == [
        "names: 3 spreadsheet error values (#N/A x2, #REF! x1) name no institution: left out of the clusters"
    ]


def test_dedupe_keeps_names_without_normal_form_apart(pkd: Any) -> None:
    """Names whose normal form is empty (only legal forms or stop words) stay separate clusters.

    Each is its own group, keyed by its text: the keys must stay distinct in pandas group-bys
    and joins (a NUL-prefixed key once made them one key, and their rows got mixed ids).
    """
    import dask
    import dask.dataframe as dd
    import pandas as pd

    from partnerkit._matching._dedupe import _key
    from partnerkit._matching._dedupe_steps import key_frame

    empty = ["Zu", "ILE SAS", "T.D.I. Co., Ltd.", "S.E.S. Co., Ltd.", "公益社団法人"]
    assert not any(_key(n) for n in empty)
    keys = key_frame(pd.DataFrame({"text": empty}))["key"]
    # what Dask partitions and pandas groups by: distinct keys must hash apart
    assert pd.util.hash_pandas_object(keys, index=False).nunique() == len(empty) == keys.nunique()
    names = [*empty, "ITMO University", *empty[::-1], "Wuhan University", "Zu"]
    df = pd.DataFrame({"name": names})
    with dask.config.set(scheduler="sync"):
        out = pkd.dedupe(dd.from_pandas(df, npartitions=3), column="name").compute()
    assert out["cluster_id"].notna().all()
    assert scale_data.clusters_of(list(out["name"]), list(out["cluster_id"])) == (
        scale_data.single_process_clusters(names)
    )


def test_dedupe_names_holding_nul_as_one_process_does(pkd: Any) -> None:
    """A NUL (or another control character) inside a name reads as a space in every engine alike.

    pandas takes object strings differing only after a NUL for one key in its group-bys, so
    without a shared cleaning such names were merged on Dask and kept apart in one process.
    """
    import dask
    import dask.dataframe as dd
    import pandas as pd

    names = [
        "Kyoto University\x00Hospital",
        "Kyoto University\x00 Press",
        "Kyoto University\x00",
        "Kyoto University",
        "ITMO\x00\x01 University",
        "Wuhan\x7f University",
        "Tohoku\x00University",
    ]
    clusters = scale_data.single_process_clusters(names)
    assert not any("\x00" in m or "\x7f" in m for c in clusters for m in c)
    assert {"Kyoto University", "Tohoku University", "ITMO University"} <= {m for c in clusters for m in c}
    df = pd.DataFrame({"name": names * 2})
    with dask.config.set(scheduler="sync"):
        out = pkd.dedupe(dd.from_pandas(df, npartitions=3), column="name").compute()
    assert out["cluster_id"].notna().all()
    assert scale_data.clusters_of(list(out["name"]), list(out["cluster_id"])) == clusters


def test_wrong_columns_are_config_errors(pkd: Any) -> None:
    import dask.dataframe as dd
    import pandas as pd

    ddf = dd.from_pandas(pd.DataFrame({"name": ["x"], "match_id": ["y"]}), npartitions=1)
    with pytest.raises(pk.ConfigError, match="no column 'nom'"):
        pkd.match(ddf, scale_data.registry(), column="nom")
    with pytest.raises(pk.ConfigError, match="match_id"):
        pkd.match(ddf, scale_data.registry(), column="name")
    with pytest.raises(pk.ConfigError, match="cluster_id"):
        pkd.dedupe(ddf.rename(columns={"match_id": "cluster_id"}), column="name")


def test_match_csv_streams_partitions_in_file_order(tmp_path: Any, client: Any, pkd: Any) -> None:
    """What ``partnerkit match --file big.csv --engine dask`` runs: rows in file order, with progress."""
    reg = scale_data.registry()
    df = scale_data.frame(300, "affiliations")
    path = tmp_path / "big.csv"
    df.to_csv(path, index=False)
    seen = list(pkd.match_csv(str(path), reg, column="text", country_column="country", blocksize="8KB"))
    assert [done for _f, done, _t in seen] == list(range(1, len(seen) + 1))
    assert all(total == len(seen) for _f, _d, total in seen)
    assert len(seen) > 1
    rows = [r for frame, _d, _t in seen for r in frame["row"].astype(int)]
    assert rows == list(df["row"])
    first = seen[0][0].iloc[0]
    expected = reg.match(first["text"], first["country"] if isinstance(first["country"], str) else None, 1)
    assert first["match_id"] == (expected[0].institution.id if expected else None)


def test_match_csv_reads_a_semicolon_file_and_a_bad_row_is_an_error_naming_the_file(
    tmp_path: Any, client: Any, pkd: Any, examples: Any
) -> None:
    """A CSV a European Excel saved (";", commas inside names) is read with its delimiter; a row pandas
    cannot split is one error line naming the file (it was "internal error: ParserError ... a bug")."""
    from click.testing import CliRunner

    from partnerkit.cli import cli

    reg = pk.Registry([pk.Institution(id="itmo", name="ITMO University", country="RU")])
    path = tmp_path / "names.csv"
    path.write_text("name;country\nITMO University, St Petersburg;RU\nITMO Univ.;RU\n", encoding="utf-8")
    frames = [f for f, _d, _t in pkd.match_csv(str(path), reg, column="name", country_column="country", delimiter=";")]
    assert [list(f["name"]) for f in frames] == [["ITMO University, St Petersburg", "ITMO Univ."]]
    assert list(frames[0]["match_id"]) == ["itmo", "itmo"]
    path.write_text("name;country\nITMO University;RU\n" + "".join(f"U{i};RU\n" for i in range(30)) + "A;B;C\n")
    registry = str(examples / "institutions.jsonl")
    result = CliRunner().invoke(cli, ["match", "--file", str(path), "--engine", "dask", "--registry", registry])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1].startswith(f"partnerkit: error: {path}: not readable as CSV (Expected 2")


def test_cli_match_engine_dask(tmp_path: Any, pkd: Any) -> None:
    """``partnerkit match --file F --engine dask --workers 1`` writes each row with its best match, as CSV."""
    import io

    import pandas as pd
    from click.testing import CliRunner

    from partnerkit.cli import cli

    reg = scale_data.registry()
    registry_file = tmp_path / "reg.jsonl"
    wanted = [i for i in scale_data.education() if i.name in ("ITMO University", "Wuhan University")]
    pk.dump_jsonl(wanted, registry_file)
    names = tmp_path / "names.csv"
    names.write_text(
        "name,country\nITMO University,RU\nUniv. Wuhan,CN\nNowhere College of Nothing,\n", encoding="utf-8"
    )
    result = CliRunner().invoke(
        cli, ["match", "--file", str(names), "--engine", "dask", "--workers", "1", "--registry", str(registry_file)]
    )
    assert result.exit_code == 0, result.output
    out = pd.read_csv(io.StringIO(result.stdout))
    assert list(out["name"]) == ["ITMO University", "Univ. Wuhan", "Nowhere College of Nothing"]
    small = pk.Registry(wanted)
    for name, got in zip(out["name"], out["match_decision"], strict=True):
        best = small.match(name, limit=1)
        assert got == (best[0].decision.value if best else "non_match")
    assert "matched 1/1 partitions" in result.stderr
    assert len(reg) > len(small)
