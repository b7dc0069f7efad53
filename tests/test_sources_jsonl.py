"""The built-in ``jsonl`` source: the codec's JSON Lines as a source, checked by the conformance kit."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import partnerkit as pk
from partnerkit.sources._jsonl import JsonlSource
from partnerkit.testing import SourceConformance

ITMO = pk.Institution(id="itmo", name="ITMO University", country="RU")
HUST = pk.Institution(id="hust", name="Huazhong University of Science and Technology", country="CN")


class TestJsonlConformance(SourceConformance):
    source_class = JsonlSource
    bad_config = ({"path": "x.jsonl", "type": "Unicorn"}, "config.type")

    @pytest.fixture
    def source_config(self, examples: Path) -> dict[str, Any]:
        return {"path": str(examples / "institutions.jsonl")}


def test_reads_any_record_type_named_by_the_header(tmp_path: Path) -> None:
    path = tmp_path / "deals.jsonl"
    deal = pk.Partnership(kind="mou", parties=(pk.Party("ITMO"), pk.Party("HUST")), id="d1")
    pk.dump_jsonl([deal], path)
    items = list(pk.open_source("jsonl", path=str(path)).read())
    assert [i.record for i in items] == [deal]
    assert items[0].provenance.locator == f"{path} row 2"
    assert items[0].provenance.native_id == "d1"


def test_bad_lines_are_reported_with_rows(tmp_path: Path) -> None:
    path = tmp_path / "unis.jsonl"
    pk.dump_jsonl([ITMO, HUST], path)
    lines = path.read_text().splitlines()
    lines.insert(2, '{"id": "x", "name": "X", "country": "Rusia"}')
    lines.insert(3, "{broken")
    path.write_text("\n".join(lines) + "\n")
    source = pk.open_source("jsonl", path=str(path))
    assert [i.record for i in source.read()] == [ITMO, HUST]
    assert [str(e) for e in source.summary.errors] == [
        f"{path} row 3: country: 'Rusia' is not an ISO 3166 country",
        f"{path} row 4: not valid JSON (Expecting property name enclosed in double quotes at column 2)",
    ]


def test_headerless_file_needs_a_type(tmp_path: Path) -> None:
    path = tmp_path / "plain.jsonl"
    path.write_text('{"id": "itmo", "name": "ITMO University"}\n')
    with pytest.raises(pk.SourceError, match="set the option type"):
        list(pk.open_source("jsonl", path=str(path)).read())
    assert [i.record.id for i in pk.open_source("jsonl", path=str(path), type="Institution").read()] == ["itmo"]


@pytest.mark.parametrize("options", [{}, {"type": "Institution"}])
def test_a_ror_dump_read_as_jsonl_names_the_ror_source(tmp_path: Path, options: dict[str, str]) -> None:
    """A ROR JSON Lines dump given to the jsonl source (its rows are no partnerkit records): one error
    saying to use the ror source, not 100,000 rows rejected with "name: required field is missing"."""
    path = tmp_path / "ror.jsonl"
    record = '{"id": "https://ror.org/04txgxn49", "names": [{"value": "ITMO University", "types": ["ror_display"]}]}'
    path.write_text(record + "\n", encoding="utf-8")
    with pytest.raises(pk.SourceError, match=r"holds ROR records, not partnerkit's: read it with the ror source"):
        list(pk.open_source("jsonl", path=str(path), **options).read())


def test_missing_file_is_a_source_error(tmp_path: Path) -> None:
    with pytest.raises(pk.SourceError, match="no such file"):
        list(pk.open_source("jsonl", path=str(tmp_path / "nope.jsonl")).read())


@pytest.mark.parametrize("name", ["jsonl", "csv"])
def test_a_folder_given_as_the_path_is_named_a_folder(tmp_path: Path, name: str) -> None:
    """A folder where a file is expected: the error says so (it said "no such file")."""
    with pytest.raises(pk.SourceError, match=f"^{tmp_path}: a folder, not a file$"):
        list(pk.open_source(name, path=str(tmp_path)).read())
