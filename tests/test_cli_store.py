"""``partnerkit export`` and ``partnerkit partnerships``: the store's network and queries from a shell."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from click.testing import CliRunner

import partnerkit as pk
from partnerkit.cli._main import cli


@pytest.fixture
def db(tmp_path: Path, examples: Path) -> str:
    path = tmp_path / "pk.db"
    with pk.Store(path) as store:
        store.add(pk.load_jsonl(pk.Institution, examples / "institutions.jsonl"))
        store.add(pk.load_jsonl(pk.Partnership, examples / "partnerships.jsonl"))
    return str(path)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_export_jsonl_nodes_then_edges(db: str) -> None:
    code, out, _ = run("--db", db, "export")
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]
    types = [x["type"] for x in lines]
    assert types == sorted(types, key=lambda t: t != "node")
    edge = next(x for x in lines if x["type"] == "edge" and x["kind"] == "strategic_partnership")
    assert (edge["source"], edge["target"], edge["date"], edge["evidence_count"]) == ("hust", "itmo", "2021-04-27", 1)


def test_export_csv_graphml_and_dot_to_files(db: str, tmp_path: Path) -> None:
    code, out, _ = run("--db", db, "export", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0
    assert {(r["source_country"], r["target_country"]) for r in rows} >= {("CN", "RU")}
    graphml = tmp_path / "n.graphml"
    assert run("--db", db, "export", "--format", "graphml", "--output", str(graphml))[0] == 0
    assert ET.parse(graphml).getroot().tag == "{http://graphml.graphdrawing.org/xmlns}graphml"
    dot = tmp_path / "n.dot"
    assert run("--db", db, "export", "--format", "dot", "--output", str(dot))[0] == 0
    assert dot.read_text().startswith("graph partnerships {")


def test_rendering_without_graphviz_is_one_clear_line(db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))
    code, _out, err = run("--db", db, "export", "--format", "dot", "--output", str(tmp_path / "n.svg"))
    assert code == 2
    assert err.count("\n") == 1
    assert err.startswith("partnerkit: error: rendering SVG needs Graphviz")
    assert not (tmp_path / "n.svg").exists()
    code, _, err = run("--db", db, "export", "--format", "csv", "--render", "png")
    assert code == 2
    assert "--render needs --format dot" in err


def test_partnerships_filters_and_formats(db: str) -> None:
    code, out, _ = run("--db", db, "partnerships", "-i", "ITMO", "--since", "2021")
    assert code == 0
    assert out.splitlines()[0].split() == ["date", "kind", "status", "parties", "evidence"]
    assert "2021-04-27  strategic_partnership  signed  HUST [hust] + ITMO University [itmo]  1" in out
    assert "exchange" not in out
    code, out, _ = run("--db", db, "partnerships", "-i", "hust", "-p", "itmo", "--format", "json")
    kinds = [json.loads(line)["kind"] for line in out.splitlines()]
    assert kinds == ["exchange", "strategic_partnership"]
    code, out, _ = run("--db", db, "partnerships", "--country", "BE", "--kind", "membership", "--format", "csv")
    assert list(csv.reader(io.StringIO(out)))[1][1:3] == ["membership", "active"]


def test_bad_query_values_are_one_line_errors(db: str) -> None:
    code, _, err = run("--db", db, "partnerships", "--since", "April")
    assert (code, err) == (
        2,
        "partnerkit: error: since: 'April' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD\n",
    )
    code, _, err = run("--db", db, "partnerships", "--country", "Atlantis")
    assert code == 2
    assert "Atlantis" in err


def test_db_option_and_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PARTNERKIT_DB", str(tmp_path / "env.db"))
    assert run("partnerships")[0] == 0
    assert (tmp_path / "env.db").exists()
    assert run("--db", str(tmp_path / "opt.db"), "partnerships")[0] == 0
    assert (tmp_path / "opt.db").exists()
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"x" * 4096)
    code, _, err = run("--db", str(junk), "partnerships")
    assert code == 2
    assert err.startswith(f"partnerkit: error: {junk}: not a usable partnerkit store")
