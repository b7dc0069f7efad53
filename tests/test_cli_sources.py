"""``partnerkit sources`` and ``partnerkit read``: listing never breaks, reading reports bad rows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import partnerkit as pk
from partnerkit.cli import cli
from partnerkit.sources import _discovery


def test_sources_lists_loaded_and_failed(monkeypatch: pytest.MonkeyPatch) -> None:
    found = dict(pk.sources())
    found["broken"] = pk.SourceInfo(name="broken", status="failed", error="import failed: ImportError: no libfoo")
    monkeypatch.setattr(_discovery, "_cache", found)
    result = CliRunner().invoke(cli, ["sources"])
    assert result.exit_code == 0, result.output
    lines = {line.split()[0]: line for line in result.output.splitlines()}
    assert "loaded" in lines["csv"]
    assert "FAILED" in lines["broken"]
    assert "no libfoo" in lines["broken"]
    strict = CliRunner().invoke(cli, ["sources", "--strict"])
    assert strict.exit_code == 2
    assert "plugin 'broken': import failed" in strict.output


def test_read_writes_jsonl_state_and_a_summary(tmp_path: Path) -> None:
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text("Title\n\nHUST and ITMO signed an agreement.")
    out, state = tmp_path / "out.jsonl", tmp_path / "state.json"
    args = ["read", "text", "-o", f"paths={news}", "-o", "publisher=ITMO", "--output", str(out), "--state", str(state)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    (article,) = pk.load_jsonl(pk.Article, out)
    assert (article.title, article.publisher) == ("Title", "ITMO")
    assert list(json.loads(state.read_text())["seen"].values())
    again = CliRunner().invoke(cli, args)
    assert "read 0, imported 0" in again.output


def test_read_reports_bad_rows_and_strict_stops(tmp_path: Path) -> None:
    path = tmp_path / "unis.csv"
    path.write_text("name,country\nITMO University,RU\nX,Rusia\n")
    result = CliRunner().invoke(cli, ["read", "csv", "-o", f"path={path}"])
    assert result.exit_code == 0
    assert f"{path} row 3: country: 'Rusia' is not an ISO 3166 country" in result.output
    strict = CliRunner().invoke(cli, ["read", "csv", "-o", f"path={path}", "--strict"])
    assert strict.exit_code == 1
    assert strict.output.strip().endswith(
        f"partnerkit: rejected: {path} row 3: country: 'Rusia' is not an ISO 3166 country"
    )


def test_read_option_errors_name_the_option() -> None:
    result = CliRunner().invoke(cli, ["read", "csv", "-o", "pth=x.csv"])
    assert result.exit_code == 2
    assert "config.pth: unknown option" in result.output


def test_a_table_option_takes_dotted_keys(tmp_path: Path) -> None:
    """``-o columns.HEADER=field`` maps a column from the command line; a plain value for a
    table option says what is expected (it said "config.columns: AttributeError")."""
    path = tmp_path / "ru.csv"
    path.write_text("Название;country\nITMO University;RU\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["read", "csv", "-o", f"path={path}", "-o", "columns.Название=name"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout.splitlines()[0])["name"] == "ITMO University"
    result = CliRunner().invoke(cli, ["read", "csv", "-o", f"path={path}", "-o", "columns=Название"])
    assert result.exit_code == 2
    assert result.stderr == (
        "partnerkit: error: config.columns: expected a table of KEY = VALUE pairs "
        "(on the command line: -o NAME.KEY=VALUE)\n"
    )


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("{half", "not JSON (Expecting property name enclosed in double quotes)"),
        ("[1, 2]", "a JSON list, not an object"),
    ],
)
def test_a_state_file_that_is_not_one_is_one_line_saying_what_to_do(
    tmp_path: Path, content: str, expected: str
) -> None:
    """A corrupt --state file: what is wrong and what to do (it was an "internal error", or blamed the plugin)."""
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text("Alpha University and Beta University signed an MoU.", encoding="utf-8")
    state = tmp_path / "state.json"
    state.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(cli, ["read", "text", "-o", f"paths={news}", "--state", str(state)])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"partnerkit: error: --state {state}: {expected}, so not a state file 'partnerkit read' wrote; "
        "delete it to read everything again\n"
    )
    missing = tmp_path / "no" / "state.json"
    result = CliRunner().invoke(cli, ["read", "text", "-o", f"paths={news}", "--state", str(missing)])
    assert (result.exit_code, result.stdout) == (2, "")  # said before reading, not after printing every record
    assert result.stderr == f"partnerkit: error: --state {missing}: no such folder {missing.parent}\n"
    state.unlink()
    assert CliRunner().invoke(cli, ["read", "text", "-o", f"paths={news}", "--state", str(state)]).exit_code == 0
    assert list(json.loads(state.read_text(encoding="utf-8"))["seen"]) == [str(news / "a.txt")]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["news", "state.json"]  # no partial file left


@pytest.mark.parametrize("command", ["read", "import"])
def test_every_record_rejected_exits_1_for_read_and_import_alike(tmp_path: Path, command: str) -> None:
    """Nothing came through: exit 1 from both commands (import said 0, read 1); some records through: 0."""
    path = tmp_path / "unis.csv"
    path.write_text("name,country\nX,Rusia\nY,Atlantis\n", encoding="utf-8")
    db = ["--db", str(tmp_path / "pk.db")]
    assert CliRunner().invoke(cli, [*db, command, "csv", "-o", f"path={path}"]).exit_code == 1
    path.write_text("name,country\nITMO University,RU\nY,Atlantis\n", encoding="utf-8")
    assert CliRunner().invoke(cli, [*db, command, "csv", "-o", f"path={path}"]).exit_code == 0
