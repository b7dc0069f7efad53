"""Reading ROR dumps: every file shape ROR publishes, every name type, bad records reported.

A user relies on: the zip, a JSON array, JSON Lines and folders all give the same
Institutions; ids are full ROR URLs with the short id in ``identifiers["ror"]``; a bad
record is reported with its file and row while the good ones are all read.
"""

from __future__ import annotations

import copy
import gzip
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests import strategies
from tests.conftest import require_shared

import partnerkit as pk
import partnerkit_ror
from partnerkit_ror import _files, read_institutions, ror_id, to_institution

V2: dict[str, Any] = {
    "id": "https://ror.org/00013q465",
    "status": "active",
    "types": ["funder", "education"],
    "established": 1917,
    "names": [
        {"lang": None, "types": ["acronym"], "value": "PUCP"},
        {"lang": "en", "types": ["label"], "value": "Pontifical Catholic University of Peru"},
        {"lang": "es", "types": ["label", "ror_display"], "value": "Pontificia Universidad Católica del Perú"},
        {"lang": "en", "types": ["alias"], "value": "Catholic University of Peru"},
        {"lang": "en", "types": ["label"], "value": "PUC Peru"},
        {"lang": None, "types": ["alias"], "value": "  "},
    ],
    "locations": [
        {
            "geonames_id": 3936456,
            "geonames_details": {"country_code": "PE", "country_name": "Peru", "name": "Lima"},
        }
    ],
    "external_ids": [
        {"all": ["501100011871"], "preferred": "501100011871", "type": "fundref"},
        {"all": ["grid.440592.e"], "preferred": "grid.440592.e", "type": "grid"},
        {"all": ["0000 0001 2288 3308"], "preferred": None, "type": "isni"},
        {"all": ["Q200601"], "preferred": None, "type": "wikidata"},
    ],
    "links": [
        {"type": "website", "value": "http://www.pucp.edu.pe/"},
        {"type": "wikipedia", "value": "https://en.wikipedia.org/wiki/PUCP"},
    ],
    "domains": ["pucp.edu.pe", "pucp.pe"],
    "relationships": [{"label": "Red Peruana", "type": "related", "id": "https://ror.org/01q1z8k08"}],
}

V1: dict[str, Any] = {
    "id": "https://ror.org/04txgxn49",
    "name": "ITMO University",
    "types": ["Education"],
    "status": "active",
    "aliases": ["Saint Petersburg National Research University of Information Technologies, Mechanics and Optics"],
    "acronyms": ["ITMO"],
    "labels": [{"label": "Университет ИТМО", "iso639": "ru"}],
    "links": ["https://itmo.ru"],
    "wikipedia_url": "https://en.wikipedia.org/wiki/ITMO_University",
    "country": {"country_code": "RU", "country_name": "Russia"},
    "addresses": [{"city": "Saint Petersburg"}],
    "external_ids": {
        "GRID": {"preferred": "grid.35915.3b", "all": "grid.35915.3b"},
        "ISNI": {"preferred": None, "all": ["0000 0001 0413 4629"]},
        "OrgRef": {"preferred": None, "all": ["1234"]},
    },
    "relationships": [{"type": "Parent", "label": "Ministry", "id": "https://ror.org/02dqehb95"}],
}


def _record(n: int, **changes: Any) -> dict[str, Any]:
    rec = copy.deepcopy(V2)
    rec["id"] = f"https://ror.org/0{n:06d}00"
    rec.update(changes)
    return rec


def test_v2_record_maps_every_field() -> None:
    """Every ROR v2 name type, the location, kind, ids, links and relationships land in the model."""
    inst = to_institution(V2)
    assert inst.id == "https://ror.org/00013q465"
    assert inst.name == "Pontificia Universidad Católica del Perú"
    assert inst.labels == {"en": "Pontifical Catholic University of Peru"}
    assert inst.aliases == ("Catholic University of Peru", "PUC Peru")  # 2nd 'en' label, empty alias skipped
    assert inst.acronyms == ("PUCP",)
    assert (inst.country, inst.city) == ("PE", "Lima")
    assert inst.kind is pk.InstitutionKind.EDUCATION  # education wins over funder
    assert inst.identifiers == {
        "ror": "00013q465",
        "fundref": "501100011871",
        "grid": "grid.440592.e",
        "isni": "0000 0001 2288 3308",
        "wikidata": "Q200601",
        "wikipedia": "https://en.wikipedia.org/wiki/PUCP",
    }
    assert inst.domains == ("pucp.edu.pe", "pucp.pe")
    assert inst.relationships == (pk.Relationship("related", "https://ror.org/01q1z8k08", "Red Peruana"),)
    assert inst.status == "active"


def test_v1_record_maps_every_field() -> None:
    """Schema v1 records (older dumps) give the same kind of Institution."""
    inst = to_institution(V1)
    assert inst.id == "https://ror.org/04txgxn49"
    assert inst.identifiers == {
        "ror": "04txgxn49",
        "grid": "grid.35915.3b",
        "isni": "0000 0001 0413 4629",
        "wikipedia": "https://en.wikipedia.org/wiki/ITMO_University",
    }
    assert inst.labels == {"ru": "Университет ИТМО"}
    assert inst.acronyms == ("ITMO",)
    assert (inst.country, inst.city, inst.kind) == ("RU", "Saint Petersburg", pk.InstitutionKind.EDUCATION)
    assert inst.domains == ("itmo.ru",)
    assert inst.relationships[0].type is pk.RelationType.PARENT


@pytest.mark.parametrize("status", ["inactive", "withdrawn"])
def test_inactive_and_withdrawn_are_kept_and_flagged(status: str) -> None:
    assert to_institution(_record(1, status=status)).status == status


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("04txgxn49", "04txgxn49"),
        ("https://ror.org/04TXGXN49", "04txgxn49"),
        ("ror.org/04txgxn49", "04txgxn49"),
    ],
)
def test_ror_ids_in_any_form(value: str, expected: str) -> None:
    assert ror_id(value) == (f"https://ror.org/{expected}", expected)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"id": "https://example.org/x"}, "id"),
        ({"names": []}, "names"),
        ({"names": [{"value": 3, "types": ["ror_display"]}]}, "names[0].value"),
        ({"status": "gone"}, "status"),
        ({"relationships": [{"type": "sibling", "id": "https://ror.org/01q1z8k08"}]}, "relationships[0].type"),
        ({"relationships": [{"type": "parent", "id": "nope"}]}, "relationships[0].id"),
        ({"locations": [{"geonames_details": {"country_code": "QQ", "name": "X"}}]}, "country"),
    ],
)
def test_bad_records_name_the_field(change: dict[str, Any], field: str) -> None:
    with pytest.raises(pk.RecordError) as info:
        to_institution(_record(1, **change))
    assert info.value.field == field


def test_not_a_ror_record() -> None:
    with pytest.raises(pk.RecordError, match="not a ROR record"):
        to_institution({"hello": 1})
    with pytest.raises(pk.RecordError, match="JSON object"):
        to_institution([1, 2])


def _ids(path: Path) -> list[str]:
    return [i.identifiers["ror"] for i in read_institutions(path)]


RECORDS = [_record(n) for n in range(1, 6)]
IDS = [f"0{n:06d}00" for n in range(1, 6)]


def test_every_file_shape_gives_the_same_institutions(tmp_path: Path) -> None:
    """The published zip, a JSON array (pretty or not), JSON Lines, gzip and folders all read alike."""
    (tmp_path / "array.json").write_text(json.dumps(RECORDS, indent=2), encoding="utf-8")
    (tmp_path / "compact.json").write_text(json.dumps(RECORDS), encoding="utf-8")
    (tmp_path / "lines.jsonl").write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n\n", encoding="utf-8")
    with gzip.open(tmp_path / "lines.jsonl.gz", "wt", encoding="utf-8") as gz:
        gz.write("\n".join(json.dumps(r) for r in RECORDS))
    with zipfile.ZipFile(tmp_path / "v1.45-ror-data.zip", "w") as zf:
        zf.writestr("v1.45-2024-04-25-ror-data.json", json.dumps([V1]))
        zf.writestr("v1.45-2024-04-25-ror-data_schema_v2.json", json.dumps(RECORDS))
        zf.writestr("v1.45-2024-04-25-ror-data.csv", "id,name\n")
    for name in ("array.json", "compact.json", "lines.jsonl", "lines.jsonl.gz", "v1.45-ror-data.zip"):
        assert _ids(tmp_path / name) == IDS, name
    folder = tmp_path / "records" / "v2.1"
    folder.mkdir(parents=True)
    for rec in RECORDS:  # like ror-records: one pretty-printed record per file
        (folder / f"{rec['id'][-9:]}.json").write_text(json.dumps(rec, indent=2), encoding="utf-8")
    (folder / "README.md").write_text("not data")
    assert _ids(tmp_path / "records") == IDS


def test_utf8_bom_and_empty_files(tmp_path: Path) -> None:
    (tmp_path / "bom.json").write_bytes(b"\xef\xbb\xbf" + json.dumps(RECORDS[:1]).encode())
    (tmp_path / "empty.json").write_text("  \n")
    (tmp_path / "empty_array.json").write_text("[ ]")
    assert _ids(tmp_path / "bom.json") == IDS[:1]
    assert _ids(tmp_path / "empty.json") == []
    assert _ids(tmp_path / "empty_array.json") == []


def test_bad_lines_are_reported_and_good_records_kept(tmp_path: Path) -> None:
    """A broken line or an invalid record is reported with file and row; reading goes on."""
    lines = [json.dumps(RECORDS[0]), "{broken", json.dumps(_record(9, status="gone")), json.dumps(RECORDS[1])]
    path = tmp_path / "ror.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    errors: list[pk.RecordError] = []
    got = [i.identifiers["ror"] for i in read_institutions(path, on_error=errors.append)]
    assert got == IDS[:2]
    assert [(e.row, e.field) for e in errors] == [(2, None), (3, "status")]
    assert str(errors[0]).startswith(f"{path} row 2: not valid JSON")
    with pytest.raises(pk.RecordError, match="row 2"):
        list(read_institutions(path))


def test_bad_record_in_array_is_reported_by_position(tmp_path: Path) -> None:
    path = tmp_path / "ror.json"
    path.write_text(json.dumps([RECORDS[0], {"id": "x"}, RECORDS[1]]), encoding="utf-8")
    errors: list[pk.RecordError] = []
    assert [i.identifiers["ror"] for i in read_institutions(path, on_error=errors.append)] == IDS[:2]
    assert errors[0].row == 2
    assert errors[0].locator == str(path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('[{"a": 1}, {"b": ', "not closed"),
        ('[{"a": 1} {"b": 2}]', "expected ','"),
        ('[{"a": 1}] trailing', "after the end"),
        ("[1, 2", "not closed"),
        ("{not json at all", "not JSON"),
    ],
)
def test_broken_files_are_source_errors(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content)
    with pytest.raises(pk.SourceError, match=message):
        list(_files.iter_raw(path, None))


@pytest.mark.parametrize("shape", ["lines", "array", "pretty"])
def test_a_record_that_is_not_utf8_is_one_bad_record(tmp_path: Path, shape: str) -> None:
    """One non-UTF-8 record in a dump is reported with its row; the records around it are read."""
    bad = json.dumps(_record(7), ensure_ascii=False).replace("University", "Universit\u00e4t").encode("latin-1")
    good = [json.dumps(r, indent=2 if shape == "pretty" else None).encode() for r in RECORDS[:2]]
    parts = [good[0], bad, good[1]]
    content = {"lines": b"\n".join, "array": lambda p: b"[" + b",\n".join(p) + b"]", "pretty": b"\n".join}[shape](parts)
    path = tmp_path / ("ror.jsonl" if shape == "lines" else "ror.json")
    path.write_bytes(content)
    errors: list[pk.RecordError] = []
    assert [i.identifiers["ror"] for i in read_institutions(path, on_error=errors.append)] == IDS[:2]
    assert [str(e) for e in errors] == [f"{path} row 2: not valid UTF-8 text (byte '\\xe4')"]
    with pytest.raises(pk.RecordError, match="row 2: not valid UTF-8"):
        list(read_institutions(path))


def test_unreadable_inputs_are_source_errors(tmp_path: Path) -> None:
    with pytest.raises(pk.SourceError, match="no such file"):
        list(read_institutions(tmp_path / "missing.zip"))
    (tmp_path / "fake.zip").write_text("PK? no")
    with pytest.raises(pk.SourceError, match="not a readable zip"):
        list(read_institutions(tmp_path / "fake.zip"))
    (tmp_path / "empty_dir").mkdir()
    with pytest.raises(pk.SourceError, match=r"no \.json"):
        list(read_institutions(tmp_path / "empty_dir"))


@given(
    values=st.lists(
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.text(max_size=20),
            lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
            max_leaves=8,
        ),
        max_size=8,
    ),
    indent=st.sampled_from([None, 0, 2]),
    chunk=st.integers(1, 40),
)
def test_array_reader_streams_any_json_array(values: list[Any], indent: int | None, chunk: int) -> None:
    """However the chunks cut the text, the streamed values equal json.loads of the whole array."""
    import io

    original = _files._CHUNK
    _files._CHUNK = chunk
    try:
        text = io.StringIO(json.dumps(values, indent=indent, ensure_ascii=False))
        assert text.read(1) == "["
        got = [v for v, _name, _row in _files._iter_array(text, "x.json", None)]
    finally:
        _files._CHUNK = original
    assert got == values


@given(strategies.ror_v2_records())
def test_any_v2_record_converts_to_the_expected_institution(case: tuple[dict[str, Any], pk.Institution]) -> None:
    """Whatever names, languages, ids and order a v2 record has, the Institution holds them all."""
    record, expected = case
    got = to_institution(record)
    assert got.id == expected.id
    assert (got.name, set(got.aliases), set(got.acronyms), got.labels) == (
        expected.name,
        set(expected.aliases),
        set(expected.acronyms),
        expected.labels,
    )
    assert (got.country, got.city, got.kind, got.identifiers, got.domains, got.status) == (
        expected.country,
        expected.city,
        expected.kind,
        expected.identifiers,
        expected.domains,
        expected.status,
    )


@pytest.mark.shared
def test_reads_the_shared_ror_records() -> None:
    """The 49,996 records of ../shared/data/ror-records read without a single error."""
    folder = require_shared("data", "ror-records")
    errors: list[pk.RecordError] = []
    ids: set[str] = set()
    count = education = 0
    statuses: dict[str, int] = {}
    for inst in read_institutions(folder, on_error=errors.append):
        count += 1
        ids.add(inst.id)
        statuses[inst.status] = statuses.get(inst.status, 0) + 1
        education += inst.kind is pk.InstitutionKind.EDUCATION
        assert inst.identifiers["ror"] == inst.id.removeprefix("https://ror.org/")
    assert errors == []
    assert count == len(ids) == 49_996
    assert statuses == {"active": 48_746, "inactive": 1_250}
    assert education == 13_527
    assert partnerkit_ror.__all__ == sorted(partnerkit_ror.__all__)
