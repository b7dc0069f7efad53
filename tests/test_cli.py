"""The command line: one clear line for errors, summaries of the bundled examples."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

import partnerkit as pk
from partnerkit.cli._main import cli


def test_summary_of_bundled_examples(examples: Path) -> None:
    result = CliRunner().invoke(
        cli, ["summary", str(examples / "institutions.jsonl"), str(examples / "partnerships.jsonl")]
    )
    assert result.exit_code == 0, result.output
    assert "8 institutions in 5 countries" in result.output
    assert (
        "2021-04-27  strategic_partnership  signed      Huazhong University of Science and Technology + ITMO University"
        in result.output
    )


def test_bad_record_is_one_line_with_file_and_row(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(
        json.dumps({"schema_version": 1, "type": "Institution"})
        + "\n"
        + json.dumps({"id": "x", "name": "X", "country": "Rusia"})
        + "\n"
    )
    result = CliRunner().invoke(cli, ["summary", str(path)])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        f"partnerkit: error: {path} row 2: country: 'Rusia' is not an ISO 3166 country"
    ]


def test_python_dash_m_runs_the_command() -> None:
    out = subprocess.run([sys.executable, "-m", "partnerkit", "--help"], capture_output=True, text=True, check=True)
    assert "partnerkit" in out.stdout


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    """Without --debug an error is one line; with it, the exception propagates with its traceback."""
    path = tmp_path / "bad.jsonl"
    path.write_text("not json\n")
    quiet = CliRunner().invoke(cli, ["summary", str(path)])
    assert quiet.exit_code == 2
    assert quiet.stderr == f"partnerkit: error: {path} row 1: not valid JSON\n"
    loud = CliRunner().invoke(cli, ["--debug", "summary", str(path)])
    assert isinstance(loud.exception, pk.RecordError)


def test_a_reader_that_goes_away_stops_the_command_quietly_with_141(tmp_path: Path) -> None:
    """``partnerkit read ... | head``: no traceback, and not exit 1 (which means records were rejected)."""
    names = tmp_path / "many.csv"
    names.write_text("name\n" + "".join(f"University number {i}\n" for i in range(50_000)), encoding="utf-8")
    cmd = [sys.executable, "-m", "partnerkit", "read", "csv", "-o", f"path={names}"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    assert proc.stdout.readline().startswith('{"id": "many-2"')
    proc.stdout.close()
    _, err = proc.communicate(timeout=120)
    assert (proc.returncode, err) == (141, "")


def test_missing_file_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "x" / "pk.db"), "summary", str(tmp_path / "none.jsonl")])
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ["dedupe", "{tmp}/none.csv"],
            "Invalid value for 'FILE': File '{tmp}/none.csv' does not exist. (see 'partnerkit dedupe --help')",
        ),
        (
            ["dedupe", "{tmp}"],
            "Invalid value for 'FILE': File '{tmp}' is a directory. (see 'partnerkit dedupe --help')",
        ),
        (["dedupe"], "Missing argument 'FILE'. (see 'partnerkit dedupe --help')"),
        (
            ["match", "x", "--limit", "0"],
            "Invalid value for '--limit': 0 is not in the range x>=1. (see 'partnerkit match --help')",
        ),
        (["match"], "give NAMEs or --file FILE (not both) (see 'partnerkit match --help')"),
        (["dedup", "x"], "No such command 'dedup'. Did you mean 'dedupe'? (see 'partnerkit --help')"),
        (
            ["dedupe", "examples/names.csv", "--explain"],
            "--explain needs --format json (the links that joined each cluster) (see 'partnerkit dedupe --help')",
        ),
        (["match", "ITMO", "--workers", "2"], "--workers needs --engine dask (see 'partnerkit match --help')"),
        (["--bogus", "dedupe"], "No such option '--bogus'. (see 'partnerkit --help')"),
    ],
)
def test_usage_errors_are_one_line(tmp_path: Path, args: list[str], expected: str) -> None:
    """A missing or wrong argument is one line naming it and the help to read (click printed three)."""
    result = CliRunner().invoke(cli, [a.format(tmp=tmp_path) for a in args], prog_name="partnerkit")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"partnerkit: error: {expected.format(tmp=tmp_path)}\n"


def test_a_bare_command_still_shows_the_help() -> None:
    result = CliRunner().invoke(cli, [], prog_name="partnerkit")
    assert "Commands:" in result.output
    assert "partnerkit: error" not in result.output


def test_every_command_has_an_example_in_its_help() -> None:
    runner = CliRunner()
    for name in cli.commands:
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0, name
        assert "Example" in result.output, f"partnerkit {name} --help shows no example"
        assert f"partnerkit {name}" in result.output


def test_installed_console_script(tmp_path: Path, examples: Path) -> None:
    """The ``partnerkit`` script installed beside this Python runs, and stores where --db says."""
    script = Path(sys.executable).with_name("partnerkit")
    if not script.exists():
        pytest.skip(f"no console script at {script} (partnerkit not installed into this environment)")
    db = tmp_path / "pk.db"
    env = {**os.environ, "PARTNERKIT_DB": str(db)}
    out = subprocess.run(
        [str(script), "partnerships", "--format", "csv"], capture_output=True, text=True, env=env, check=True
    )
    assert out.stdout == "date,kind,status,parties,evidence\n"
    assert db.exists()
    bad = subprocess.run(
        [str(script), "partnerships", "--since", "soon"], capture_output=True, text=True, env=env, check=False
    )
    assert bad.returncode == 2
    assert bad.stderr == "partnerkit: error: since: 'soon' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD\n"


def test_tables_align_wide_characters() -> None:
    """A CJK name takes two terminal columns per character; the columns after it still line up."""
    from partnerkit.cli._app import table

    runner = CliRunner()

    @click.command()
    def show() -> None:
        table([("清华大学", "x"), ("Tsinghua", "y")], ("name", "v"))

    out = runner.invoke(show).stdout.splitlines()
    assert out[2] == "清华大学  x"
    assert out[3] == "Tsinghua  y"


def test_a_name_with_a_line_break_or_tab_keeps_the_table_whole(tmp_path: Path) -> None:
    """A spreadsheet cell can hold a line break (Alt+Enter) or a tab: printed as is in `--format table`, it split
    one row over two lines and shifted the columns; it is now escaped, one row per line, the columns aligned."""
    names = tmp_path / "names.csv"
    names.write_text('name\n"ITMO\nUniversity"\n"ITMO\tUniv."\n"ITMO\r\nUniversity"\n', encoding="utf-8")
    registry = Path(__file__).parent.parent / "examples" / "institutions.jsonl"
    result = CliRunner().invoke(cli, ["match", "--file", str(names), "--registry", str(registry), "--limit", "1"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert [line.split("  ")[0] for line in lines[2:]] == ["ITMO\\nUniversity", "ITMO\\tUniv.", "ITMO\\r\\nUniversity"]
    columns = {line.index("itmo") for line in lines[2:]}
    assert len(lines) == 5
    assert columns == {lines[0].index("institution_id")}
    result = CliRunner().invoke(cli, ["match", "--file", str(names), "--registry", str(registry), "--explain"])
    assert result.stdout.splitlines()[0] == "ITMO\\nUniversity"


def test_summary_of_a_file_that_is_not_utf8_is_one_line(tmp_path: Path) -> None:
    """A Latin-1 file given to summary: exit 2 and one line naming the file, no traceback."""
    path = tmp_path / "latin1.jsonl"
    path.write_bytes(b'{"id": "m", "name": "M\xfcnchen"}\n')
    result = CliRunner().invoke(cli, ["summary", str(path)])
    assert (result.exit_code, result.stderr) == (
        2,
        f"partnerkit: error: {path} row 1: not valid UTF-8 text; write JSON Lines in UTF-8\n",
    )


def test_an_unexpected_exception_is_still_one_line(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A bug inside a command gives one line naming the exception and exit 2; --debug re-raises it."""

    def broken(_path: str) -> list[object]:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr("partnerkit.cli._main._read_any", broken)
    path = tmp_path / "x.jsonl"
    path.write_text("{}\n")
    result = CliRunner().invoke(cli, ["summary", str(path)])
    assert result.exit_code == 2
    assert result.stderr.startswith("partnerkit: internal error: ZeroDivisionError: division by zero (a bug:")
    assert result.stderr.count("\n") == 1
    loud = CliRunner().invoke(cli, ["--debug", "summary", str(path)])
    assert isinstance(loud.exception, ZeroDivisionError)


def test_summary_of_an_empty_extract_output_is_empty(tmp_path: Path) -> None:
    """dump_jsonl([]) writes a header without a record type: summary reads it (and an empty file) as nothing."""
    empty = tmp_path / "none.jsonl"
    assert pk.dump_jsonl([], empty) == 0
    blank = tmp_path / "blank.jsonl"
    blank.write_bytes(b"")
    result = CliRunner().invoke(cli, ["summary", str(empty), str(blank)])
    assert result.exit_code == 0, result.output
    assert result.output == "0 institutions in 0 countries\n0 partnerships\n"
    untyped = tmp_path / "untyped.jsonl"
    untyped.write_text('{"schema_version": 1}\n{"id": "x", "name": "X"}\n', encoding="utf-8")
    assert CliRunner().invoke(cli, ["summary", str(untyped)]).exit_code == 2  # records of no named type


def test_summary_of_what_read_writes_counts_articles(tmp_path: Path) -> None:
    """`partnerkit read rss --output news.jsonl` writes articles: summary reads them (it said "no
    header line naming the record type" about a file whose first line is that header)."""
    news = tmp_path / "news.jsonl"
    pk.dump_jsonl(
        [
            pk.Article(text="a", publisher="ITMO University", published="2024-05-03"),
            pk.Article(text="b", publisher="ITMO University", published="2024-04-01"),
            pk.Article(text="c"),
        ],
        news,
    )
    result = CliRunner().invoke(cli, ["summary", str(news)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[2:] == [
        "3 articles from 2 publishers, 2024-04-01 to 2024-05-03",
        "      2  ITMO University",
        "      1  (no publisher)",
    ]
    other = tmp_path / "other.jsonl"
    other.write_text('{"schema_version": 1, "type": "Provenance"}\n{"source": "x"}\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["summary", str(other)])
    assert result.exit_code == 2
    assert "other.jsonl row 1: the header names 'Provenance' records" in result.stderr


def test_libraries_that_log_at_info_stay_quiet_without_debug() -> None:
    """Dask's ``distributed`` sets its loggers to INFO: `match --engine dask` printed some 25 INFO
    lines per run on stderr. The command line's handler lets through warnings only (all with --debug)."""
    code = (
        "import logging\n"
        "from partnerkit.cli._app import _log_to_stderr\n"
        "_log_to_stderr(logging.WARNING)\n"
        "noisy = logging.getLogger('distributed.scheduler')\n"
        "noisy.setLevel(logging.INFO)\n"
        "noisy.info('State start')\n"
        "logging.getLogger('partnerkit').warning('kept')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stderr == "WARNING kept\n"
