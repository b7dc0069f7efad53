"""One converter round-trips every record; bad input names the path and never the record."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import partnerkit as pk
from tests import strategies as pks


@pytest.mark.parametrize("cls", list(pks.ALL_RECORDS), ids=lambda c: c.__name__)
@given(data=st.data())
def test_every_public_class_round_trips_through_json(cls: type[Any], data: st.DataObject) -> None:
    """from_dict(to_dict(x)) == x, and the dict survives JSON unchanged."""
    record = data.draw(pks.ALL_RECORDS[cls])
    as_dict = pk.to_dict(record)
    assert json.loads(json.dumps(as_dict)) == as_dict
    assert pk.from_dict(cls, as_dict) == record


@given(st.lists(pks.partnerships(), max_size=5))
def test_jsonl_round_trip(records: list[pk.Partnership]) -> None:
    buf = io.StringIO()
    assert pk.dump_jsonl(records, buf) == len(records)
    buf.seek(0)
    assert list(pk.load_jsonl(pk.Partnership, buf)) == records


def test_dicts_are_plain_json_values() -> None:
    p = pk.Partnership(
        kind="office",
        parties=(pk.Party("ITMO University", institution_id="itmo"),),
        status="signed",
        date="2021",
        location=pk.Location(city="Brussels", country="BE"),
    )
    assert pk.to_dict(p) == {
        "kind": "office",
        "parties": [{"name": "ITMO University", "institution_id": "itmo"}],
        "status": "signed",
        "date": "2021",
        "location": {"city": "Brussels", "country": "BE"},
    }
    assert type(pk.to_dict(p)["kind"]) is str


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"kind": "mou", "parties": [{"name": "A"}, {"name": "B", "institution_id": 5}]},
            "parties[1].institution_id: expected str, got int",
        ),
        ({"kind": "mou", "parties": [{"name": "A"}], "secret": "s3cr3t"}, "record: unknown field(s): secret"),
        ({"kind": "mou", "parties": "A"}, "parties: expected a list, got str"),
        ({"parties": [{"name": "A"}]}, "kind: required field is missing"),
        ({"kind": "pact", "parties": [{"name": "A"}]}, "kind: 'pact' is not one of:"),
        (
            {"kind": "mou", "parties": [{"name": "A"}], "date": "2021-13"},
            "date: month 13 is out of range 1..12",
        ),
        ({"kind": "mou", "parties": [{"name": " "}]}, "parties[0].name: must not be empty"),
        (
            {"kind": "mou", "parties": [{"name": "A"}], "location": {"country": "Rusia"}},
            "location.country: 'Rusia' is not an ISO 3166 country",
        ),
    ],
)
def test_structuring_errors_name_the_path(data: dict[str, Any], message: str) -> None:
    with pytest.raises(pk.RecordError) as info:
        pk.from_dict(pk.Partnership, data)
    assert str(info.value).startswith(message)
    assert "s3cr3t" not in str(info.value)


def test_load_jsonl_names_file_and_row(tmp_path: Path) -> None:
    path = tmp_path / "parts.jsonl"
    good = pk.to_dict(pk.Partnership(kind="mou", parties=(pk.Party("A"),)))
    bad = {**good, "parties": [{"name": "A", "institution_id": 7}]}
    lines = [
        json.dumps({"schema_version": 1, "type": "Partnership"}),
        json.dumps(good),
        "{oops",
        json.dumps(bad),
        json.dumps(good),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(pk.RecordError, match=r"parts\.jsonl row 3: not valid JSON"):
        list(pk.load_jsonl(pk.Partnership, path))
    errors: list[pk.RecordError] = []
    records = list(pk.load_jsonl(pk.Partnership, path, on_error=errors.append))
    assert len(records) == 2, "good records around bad lines are kept"
    assert [e.row for e in errors] == [3, 4]
    assert str(errors[1]).endswith("parts.jsonl row 4: parties[0].institution_id: expected str, got int")


def test_load_jsonl_checks_schema_version_and_type(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text(json.dumps({"schema_version": 99, "type": "Partnership"}) + "\n", encoding="utf-8")
    with pytest.raises(pk.SourceError, match="schema_version 99 is not supported"):
        list(pk.load_jsonl(pk.Partnership, path))
    pk.dump_jsonl([pk.Institution(id="x", name="X")], path)
    with pytest.raises(pk.SourceError, match="holds Institution records, not Partnership"):
        list(pk.load_jsonl(pk.Partnership, path))


def test_headerless_files_from_other_tools_are_read(tmp_path: Path) -> None:
    path = tmp_path / "plain.jsonl"
    path.write_text('{"id": "x", "name": "X"}\n\n{"id": "y", "name": "Y", "country": "de"}\n', encoding="utf-8")
    assert [i.country for i in pk.load_jsonl(pk.Institution, path)] == [None, "DE"]


def test_jsonl_streams_gzip_and_is_lazy(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl.gz"

    def generate() -> Any:
        for n in range(10_000):
            yield pk.Institution(id=f"i{n}", name=f"University {n}")

    assert pk.dump_jsonl(generate(), path) == 10_000
    it = pk.load_jsonl(pk.Institution, path)
    assert next(it).id == "i0"
    assert sum(1 for _ in it) == 9_999


def test_dump_of_nothing_writes_a_header_only(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    assert pk.dump_jsonl([], path) == 0
    assert list(pk.load_jsonl(pk.Institution, path)) == []


def test_load_jsonl_reads_past_a_byte_order_mark(tmp_path: Path) -> None:
    """A file saved by a Windows editor (UTF-8 with a BOM) is read, not rejected on row 1."""
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"id": "x", "name": "X"}\n')
    assert [i.id for i in pk.load_jsonl(pk.Institution, path)] == ["x"]
    stream = io.StringIO('\ufeff{"id": "y", "name": "Y"}\n')
    assert [i.id for i in pk.load_jsonl(pk.Institution, stream)] == ["y"]


def test_load_jsonl_bad_bytes_are_one_bad_row(tmp_path: Path) -> None:
    """A line that is not UTF-8 is a RecordError for its row; the other lines are still read."""
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b'{"id": "a", "name": "A"}\n{"id": "b", "name": "M\xfcnchen"}\n{"id": "c", "name": "C"}\n')
    errors: list[pk.RecordError] = []
    assert [i.id for i in pk.load_jsonl(pk.Institution, path, on_error=errors.append)] == ["a", "c"]
    assert [str(e) for e in errors] == [
        f"{path} row 2: not valid UTF-8 at byte 23 (invalid start byte); write JSON Lines in UTF-8"
    ]


def test_load_jsonl_control_character_message_reads_well(tmp_path: Path) -> None:
    path = tmp_path / "nul.jsonl"
    path.write_bytes(b'{"id": "a", "name": "A\x00"}\n')
    with pytest.raises(pk.RecordError) as info:
        list(pk.load_jsonl(pk.Institution, path))
    assert str(info.value) == f"{path} row 1: not valid JSON (Invalid control character at column 23)"


@pytest.mark.parametrize("make", [lambda p: p / "missing.jsonl", lambda p: p])
def test_load_jsonl_unreadable_path_is_a_source_error(tmp_path: Path, make: Any) -> None:
    """A missing file or a folder is a SourceError naming the path, not a bare OSError."""
    path = make(tmp_path)
    with pytest.raises(pk.SourceError, match=f"^{path}: cannot open "):
        list(pk.load_jsonl(pk.Institution, path))


@given(st.binary(max_size=300))
def test_load_jsonl_hostile_bytes_never_escape_as_other_errors(data: bytes) -> None:
    """Whatever the bytes, reading gives records or partnerkit errors, never a crash."""
    errors: list[pk.RecordError] = []
    try:
        records = list(pk.load_jsonl(pk.Institution, io.BytesIO(data), on_error=errors.append))
    except pk.PartnerkitError:
        return
    lines = [line for line in data.split(b"\n") if line.strip()]
    assert len(records) + len(errors) + 1 >= len(lines), "every non-blank line is a record, an error or the header"


def test_dump_jsonl_refuses_what_load_jsonl_could_not_read_back(tmp_path: Path) -> None:
    """One record type per file, named in its header: a second type or a dict was written and the file
    then failed to load (its header named the first type, or 'dict')."""
    path = tmp_path / "mixed.jsonl"
    deal = pk.Partnership(kind="mou", parties=(pk.Party("A"), pk.Party("B")))
    with pytest.raises(pk.RecordError, match=r"mixed.jsonl row 3: a Partnership in a file of Institution records"):
        pk.dump_jsonl([pk.Institution(id="a", name="A"), deal], path)
    with pytest.raises(TypeError, match="dump_jsonl writes partnerkit records, got dict"):
        pk.dump_jsonl([{"id": "a", "name": "A"}], tmp_path / "dicts.jsonl")
    with pytest.raises(TypeError, match="to_dict expects a partnerkit record, got dict"):
        pk.to_dict({"id": "a", "name": "A"})  # it was returned as it was
    assert pk.dump_jsonl([deal, deal], path) == 2
    assert list(pk.load_jsonl(pk.Partnership, path)) == [deal, deal]
