"""The command line: one clear line for errors, summaries of the bundled examples."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

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
