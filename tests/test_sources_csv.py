"""The built-in ``csv`` source: real-world CSV files of institutions and partnerships.

A user relies on: UTF-8 (with or without BOM), cp1251 and UTF-16 files read right or
refused (never mojibake); the delimiter sniffed; headers mapped to model fields by name
or by the ``columns`` option; multi-value cells split; bad rows reported by spreadsheet
row while the good ones are all imported; big files streamed.
"""

from __future__ import annotations

import tracemalloc
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import partnerkit as pk
from partnerkit.sources._csv import CsvSource
from partnerkit.testing import SourceConformance
from tests import strategies

UNIS = (
    "id,name,acronyms,aliases,country,city,kind,ror,label_ru,domains\n"
    "itmo,ITMO University,ITMO,St Petersburg National Research University of IT|ITMO Univ,Russia,"
    "Saint Petersburg,education,04txgxn49,Университет ИТМО,itmo.ru\n"
    'hust,"Huazhong University of Science and Technology",HUST,,CN,Wuhan,education,,,hust.edu.cn;www.hust.cn\n'
)


def write(tmp_path: Path, text: str, encoding: str = "utf-8", name: str = "unis.csv") -> str:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return str(path)


def read(path: str, **options: Any) -> tuple[list[Any], pk.sources]:  # type: ignore[valid-type]
    source = pk.open_source("csv", path=path, **options)
    return [item.record for item in source.read()], source


class TestCsvConformance(SourceConformance):
    source_class = CsvSource
    bad_config = ({"path": "x.csv", "delimiter": ";;"}, "config.delimiter")

    @pytest.fixture
    def source_config(self, tmp_path: Path) -> dict[str, Any]:
        return {"path": write(tmp_path, UNIS)}


def test_headers_named_like_fields_are_mapped(tmp_path: Path) -> None:
    records, source = read(write(tmp_path, UNIS))
    itmo, hust = records
    assert itmo == pk.Institution(
        id="itmo",
        name="ITMO University",
        acronyms=("ITMO",),
        aliases=("St Petersburg National Research University of IT", "ITMO Univ"),
        country="RU",
        city="Saint Petersburg",
        kind="education",
        identifiers={"ror": "04txgxn49"},
        labels={"ru": "Университет ИТМО"},
        domains=("itmo.ru",),
    )
    assert hust.domains == ("hust.edu.cn", "hust.cn")
    assert hust.aliases == ()
    assert source.summary.notices == []


@pytest.mark.parametrize(
    ("encoding", "options"),
    [
        ("utf-8", {}),
        ("utf-8-sig", {}),
        ("utf-16", {}),  # a BOM decides
        ("utf-16", {"encoding": "utf-16"}),
        ("utf-16-le", {"encoding": "utf-16-le"}),
        ("cp1251", {"encoding": "cp1251"}),
    ],
)
def test_encodings(tmp_path: Path, encoding: str, options: dict[str, str]) -> None:
    records, _ = read(write(tmp_path, UNIS, encoding), **options)
    assert records[0].labels == {"ru": "Университет ИТМО"}


def test_cp1251_without_the_option_is_an_error_not_mojibake(tmp_path: Path) -> None:
    with pytest.raises(pk.SourceError, match=r"lines 2, 4: not valid utf-8 text .*encoding='cp1251'"):
        read(write(tmp_path, UNIS + "msu,Московский университет,МГУ,,RU,,,,,\n", "cp1251"))
    records, source = read(write(tmp_path, UNIS, "cp1251"))  # one such line: that row alone
    assert [r.id for r in records] == ["hust"]
    assert [(e.row, e.field) for e in source.summary.errors] == [(2, "label_ru")]


def test_a_western_european_export_is_advised_cp1252_not_cp1251(tmp_path: Path) -> None:
    """The hint names the code page the bytes more likely are: cp1251 reads a cp1252 file without an
    error, into mojibake ("Université" as "Universitй"), so advising it by default garbled French,
    German or Spanish files silently."""
    text = "name,country\nUniversité Paris Cité,FR\nTUM,DE\nTechnische Universität München,DE\n"
    with pytest.raises(pk.SourceError, match=r"lines 2, 4: .*try encoding='cp1252' \(Western European; cp1251"):
        read(write(tmp_path, text, "cp1252"))
    records, _ = read(write(tmp_path, text, "cp1252"), encoding="cp1252")
    assert records[0].name == "Université Paris Cité"


def test_a_wrong_single_byte_encoding_is_refused(tmp_path: Path) -> None:
    with pytest.raises(pk.SourceError, match="is valid UTF-8"):
        read(write(tmp_path, UNIS), encoding="cp1251")


def test_a_wrong_utf16_is_refused(tmp_path: Path) -> None:
    with pytest.raises(pk.SourceError, match="not utf-16"):
        read(write(tmp_path, UNIS), encoding="utf-16")


def test_a_bad_byte_deep_in_the_file_rejects_that_row_only(tmp_path: Path) -> None:
    """One corrupt row in a big UTF-8 export: the other rows are read, the error names row and column."""
    body = "name,country\n" + "".join(f"University {i},RU\n" for i in range(20000))
    path = tmp_path / "late.csv"
    path.write_bytes(body.encode() + "Университет,RU\n".encode("cp1251") + "Último,ES\n".encode())
    records, source = read(str(path))
    assert len(records) == 20001
    assert records[-1].name == "Último"
    assert [str(e) for e in source.summary.errors] == [
        f"{path} row 20002: name: not valid utf-8 text (byte '\\xd3'); fix the byte, or set the file's encoding "
        "(the csv source's encoding option) if many rows say so"
    ]


def test_bad_bytes_on_several_early_lines_mean_another_encoding(tmp_path: Path) -> None:
    path = write(tmp_path, "name\nМГУ\nITMO\nСПбГУ\n", "cp1251")
    with pytest.raises(pk.SourceError, match=r"lines 2, 4: not valid utf-8 text .*encoding='cp1251'"):
        read(path)


def test_a_bad_byte_in_the_header_stops_the_file(tmp_path: Path) -> None:
    path = tmp_path / "head.csv"
    path.write_bytes(b"na\xffme,country\nA,RU\n")
    with pytest.raises(pk.SourceError, match="row 1: the header is not valid utf-8 text"):
        read(str(path))


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_delimiter_is_sniffed(tmp_path: Path, delimiter: str) -> None:
    text = f"id{delimiter}name{delimiter}country\nitmo{delimiter}ITMO University{delimiter}RU\n"
    text += f'hust{delimiter}"Huazhong University{delimiter} Wuhan"{delimiter}CN\n'
    records, _ = read(write(tmp_path, text))
    assert [(r.id, r.name, r.country) for r in records] == [
        ("itmo", "ITMO University", "RU"),
        ("hust", " ".join(f"Huazhong University{delimiter} Wuhan".split()), "CN"),
    ]


def test_explicit_delimiter_and_column_mapping(tmp_path: Path) -> None:
    text = "Код;Название;Страна;Сокращение;Примечание\nitmo;Университет ИТМО;Россия;ИТМО|ITMO;x\n"
    records, source = read(
        write(tmp_path, text, "cp1251"),
        encoding="cp1251",
        delimiter=";",
        columns={"Код": "id", "Название": "name", "Страна": "country", "Сокращение": "acronyms"},
    )
    assert records == [pk.Institution(id="itmo", name="Университет ИТМО", country="RU", acronyms=("ИТМО", "ITMO"))]
    assert source.summary.notices == [
        f"{tmp_path / 'unis.csv'}: columns not imported (map them with the columns option): Примечание"
    ]


def test_bad_rows_are_reported_by_row_and_good_rows_kept(tmp_path: Path) -> None:
    text = (
        "name,country,kind\n"
        "ITMO University,RU,education\n"
        "Somewhere,Rusia,education\n"
        "Lab,DE,laboratory\n"
        '"Too, many",RU,education,extra\n'
        ",,\n"
        '"Multi\nline University",FR,education\n'
    )
    path = write(tmp_path, text)
    records, source = read(path)
    assert [r.name for r in records] == ["ITMO University", "Lab", "Multi line University"]
    assert [r.id for r in records] == ["unis-2", "unis-4", "unis-7"]
    assert [str(e) for e in source.summary.errors] == [
        f"{path} row 3: country: 'Rusia' is not an ISO 3166 country",
        f"{path} row 5: 4 cells but the header has 3 columns (a delimiter or quote inside a value?)",
    ]
    assert source.summary.read == 5


def test_strict_mode_stops_at_the_first_bad_row(tmp_path: Path) -> None:
    path = write(tmp_path, "name,country\nA,RU\nB,Rusia\nC,CN\n")
    with pytest.raises(pk.RecordError, match="row 3"):
        list(pk.open_source("csv", path=path, strict=True).read())


def test_partnerships(tmp_path: Path) -> None:
    text = (
        "kind,parties,party_ids,status,date,city,country,quote,url\n"
        'mou,"HUST|ITMO University",hust|itmo,signed,2021-04-27,Wuhan,CN,HUST and ITMO signed a MoU.,https://x.example/n\n'
        "agreement,Tsinghua University;SPbU,,active,2019,,,,\n"
    )
    records, _ = read(write(tmp_path, text, name="deals.csv"), type="Partnership")
    first, second = records
    assert first.parties == (
        pk.Party("HUST", institution_id="hust"),
        pk.Party("ITMO University", institution_id="itmo"),
    )
    assert first.location == pk.Location(city="Wuhan", country="CN")
    assert first.evidence == (pk.Evidence(quote="HUST and ITMO signed a MoU.", source="https://x.example/n"),)
    assert str(first.date) == "2021-04-27"
    assert [p.name for p in second.parties] == ["Tsinghua University", "SPbU"]


@pytest.mark.parametrize(
    ("text", "options", "error", "match"),
    [
        ("id,city\nx,Y\n", {}, pk.SourceError, "no column for name"),
        ("name,title\nA,B\n", {"columns": {"title": "name"}}, pk.SourceError, "both map to name"),
        ("name\nA\n", {"columns": {"Nope": "name"}}, pk.ConfigError, "config.columns.Nope"),
        ("name\nA\n", {"columns": {"name": "colour"}}, pk.ConfigError, "config.columns.name"),
        ("name\nA\n", {"type": "Planet"}, pk.ConfigError, "config.type"),
        ("name\nA\n", {"encoding": "klingon"}, pk.ConfigError, "config.encoding: unknown encoding"),
    ],
)
def test_file_level_problems(
    tmp_path: Path, text: str, options: dict[str, Any], error: type[Exception], match: str
) -> None:
    with pytest.raises(error, match=match):
        read(write(tmp_path, text), **options)


def test_empty_file_reads_nothing(tmp_path: Path) -> None:
    records, source = read(write(tmp_path, ""))
    assert records == []
    assert source.summary.notices == [f"{tmp_path / 'unis.csv'}: the file is empty (no header row)"]
    assert read(write(tmp_path, "name\n"))[0] == []


def test_streams_in_constant_memory(tmp_path: Path) -> None:
    """Memory does not grow with the file: 8x the rows, about the same peak."""
    peaks = []
    for rows in (1_000, 8_000):
        path = tmp_path / f"big{rows}.csv"
        with path.open("w", encoding="utf-8") as fh:
            fh.write("id,name,country\n")
            for i in range(rows):
                fh.write(f"u{i},University number {i},DE\n")
        tracemalloc.start()
        count = sum(1 for _ in pk.open_source("csv", path=str(path)).read())
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
        assert count == rows
    assert peaks[1] < 2 * peaks[0] + 256 * 1024


@settings(max_examples=25, deadline=None)
@given(
    names=st.lists(
        st.text(
            st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=30
        ).filter(lambda s: s.strip() and "|" not in s and ";" not in s),
        min_size=1,
        max_size=5,
    )
)
def test_any_names_round_trip_through_csv(tmp_path_factory: pytest.TempPathFactory, names: list[str]) -> None:
    """Whatever the names hold (quotes, commas, any script), what csv writes the source reads back."""
    import csv
    import io

    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["id", "name"])
    for i, name in enumerate(names):
        writer.writerow([f"n{i}", name])
    path = write(tmp_path_factory.mktemp("h"), buf.getvalue())
    records, _ = read(path, delimiter=",")
    assert [r.name for r in records] == [pk.Institution(id="x", name=n).name for n in names]


def _no_separators(inst: pk.Institution) -> bool:
    return not any("|" in v or ";" in v for v in (*inst.aliases, *inst.acronyms))


@settings(max_examples=40, deadline=None)
@given(st.lists(strategies.institutions.filter(_no_separators), min_size=1, max_size=5))
def test_institutions_written_as_csv_read_back_equal(
    tmp_path_factory: pytest.TempPathFactory, institutions: list[pk.Institution]
) -> None:
    """Any institution (but its relationships) survives a CSV written with the default headers."""
    import csv
    import io

    langs = sorted({lang for i in institutions for lang in i.labels})
    schemes = sorted({k for i in institutions for k in i.identifiers})
    header = ["id", "name", "acronyms", "aliases", "country", "city", "kind", "domains", "status"]
    header += [f"label_{lang}" for lang in langs] + schemes
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(header)
    for i in institutions:
        row = [i.id, i.name, "|".join(i.acronyms), "|".join(i.aliases), i.country or "", i.city or ""]
        row += [i.kind.value, "|".join(i.domains), i.status]
        row += [i.labels.get(lang, "") for lang in langs] + [i.identifiers.get(k, "") for k in schemes]
        writer.writerow(row)
    path = write(tmp_path_factory.mktemp("c"), buf.getvalue())
    records, source = read(path)
    assert source.summary.rejected == 0
    assert records == [attrs.evolve(i, relationships=()) for i in institutions]


def test_an_oversized_value_is_one_bad_row_and_the_rest_is_read(tmp_path: Path) -> None:
    """A value beyond the csv module's limit rejects its row, not the whole file."""
    path = write(tmp_path, "name,country\n" + "A" * 200_000 + ",RU\nTomsk State University,RU\n")
    records, source = read(path)
    assert [r.name for r in records] == ["Tomsk State University"]
    assert [str(e) for e in source.summary.errors] == [
        f"{path} row 2: a value is longer than 131,072 characters (a quote never closed?)"
    ]


def test_a_quote_never_closed_is_reported_not_swallowed(tmp_path: Path) -> None:
    """An unterminated quote would read every later row into one name: it is an error for its row."""
    path = write(tmp_path, 'name,country\nITMO University,RU\n"Tomsk State University,RU\nHUST,CN\n')
    records, source = read(path)
    assert [r.name for r in records] == ["ITMO University"]
    assert [str(e) for e in source.summary.errors] == [
        f"{path} row 3: a quote opened in this row is never closed: the rest of the file was read into one value"
    ]


def test_text_after_a_closing_quote_is_one_bad_row(tmp_path: Path) -> None:
    path = write(tmp_path, 'name,country\n"ITMO" University,RU\nHUST,CN\n')
    records, source = read(path)
    assert [r.name for r in records] == ["HUST"]
    assert source.summary.errors[0].row == 2
    assert "a quote inside a value must be doubled" in str(source.summary.errors[0])


def test_utf16_without_a_byte_order_mark_asks_for_the_byte_order(tmp_path: Path) -> None:
    path = tmp_path / "le.csv"
    path.write_bytes(UNIS.encode("utf-16-le"))
    with pytest.raises(pk.SourceError, match="no byte-order mark; give utf-16-le or utf-16-be"):
        read(str(path), encoding="utf-16")
    assert [r.id for r in read(str(path), encoding="utf-16-le")[0]] == ["itmo", "hust"]


_CELL = st.text(st.sampled_from('ab ,;"\t\x00é\r'), max_size=6)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(_CELL, min_size=1, max_size=4), max_size=6), st.binary(max_size=8))
def test_hostile_csv_gives_records_or_partnerkit_errors(
    tmp_path_factory: pytest.TempPathFactory, rows: list[list[str]], junk: bytes
) -> None:
    """Ragged rows, stray quotes, NULs, stray bytes: records or reported errors, never a crash; counts add up."""
    body = "name,country\n" + "".join(",".join(cells) + "\n" for cells in rows)
    path = tmp_path_factory.mktemp("x") / "hostile.csv"
    path.write_bytes(body.encode("utf-8") + junk)
    source = pk.open_source("csv", path=str(path), delimiter=",")
    try:
        records = list(source.read())
    except pk.SourceError:
        return  # file-level: bad bytes, no name column
    assert source.summary.read == len(records) + source.summary.rejected
    assert all(e.row is not None and e.locator == str(path) for e in source.summary.errors)
    if not any('"' in c or "\r" in c for cells in rows for c in cells) and not junk:
        data_rows = [cells for cells in rows if ",".join(cells).replace(",", "").strip()]
        assert source.summary.read == len(data_rows), "no row is dropped without a word"


@pytest.mark.parametrize(
    ("text", "options", "field"),
    [
        ("name,country\n,RU\nHUST,CN\n", {}, "name"),
        ("kind,parties\n,A|B\nmou,C|D\n", {"type": "Partnership"}, "kind"),
    ],
)
def test_an_empty_required_cell_is_one_bad_row(tmp_path: Path, text: str, options: dict[str, str], field: str) -> None:
    """A row whose name (or kind) cell is empty is reported; it stopped the whole import with a TypeError."""
    path = write(tmp_path, text)
    records, source = read(path, **options)
    assert len(records) == 1
    assert [str(e) for e in source.summary.errors] == [
        f"{path} row 2: {field}: the cell is empty, but a value is required"
    ]


def test_a_type_column_of_free_text_gives_kinds_and_keeps_every_row(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A spreadsheet's "type" column ("University", "Public"): known words give the kind, other values
    are left out of kind with one warning per value, and no row is rejected for it."""
    text = "name,type\nITMO University,University\nCity Hospital,HOSPITAL\nA Body,Public\nB Body,Public\nC,nonprofit\n"
    records, source = read(write(tmp_path, text))
    assert [(r.name, r.kind.value) for r in records] == [
        ("ITMO University", "education"),
        ("City Hospital", "healthcare"),
        ("A Body", "other"),
        ("B Body", "other"),
        ("C", "nonprofit"),
    ]
    assert source.summary.errors == []
    warned = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert len(warned) == 1
    assert "row 4: kind: 'Public' names no kind of institution" in warned[0]


def test_excels_sep_line_states_the_delimiter(tmp_path: Path) -> None:
    """A first line "sep=;" states the delimiter and the header follows it; rows keep their line numbers."""
    text = "sep=;\nid;name;country\nitmo;ITMO University, St Petersburg;RU\nx;;RU\n"
    records, source = read(write(tmp_path, text))
    assert [(r.id, r.name) for r in records] == [("itmo", "ITMO University, St Petersburg")]
    assert [e.row for e in source.summary.errors] == [4]
