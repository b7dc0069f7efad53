"""``partnerkit match`` and ``partnerkit dedupe``: names against a registry, and names among themselves."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import partnerkit as pk
from partnerkit.cli import cli


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def registry(examples: Path) -> str:
    return str(examples / "institutions.jsonl")


def test_match_names_against_a_file_registry(registry: str) -> None:
    code, out, _ = run("match", "ITMO Univ.", "Университет ИТМО", "--registry", registry, "--format", "json")
    assert code == 0
    results = [json.loads(line) for line in out.splitlines()]
    assert [r["query"] for r in results] == ["ITMO Univ.", "Университет ИТМО"]
    for r in results:
        assert (r["matches"][0]["institution_id"], r["matches"][0]["decision"]) == ("itmo", "match")
        assert "explanation" not in r["matches"][0]


def test_match_against_a_saved_registry_file(registry: str, tmp_path: Path) -> None:
    """A registry compiled once with Registry.save is read by --registry, whatever its name; a damaged
    one is a one-line error naming the file and saying to rebuild it (exit 2)."""
    saved = tmp_path / "institutions.pkreg"
    pk.Registry(pk.load_jsonl(pk.Institution, registry)).save(saved)
    code, out, _ = run("match", "ITMO Univ.", "--registry", str(saved), "--format", "json")
    assert code == 0
    assert json.loads(out)["matches"][0]["institution_id"] == "itmo"
    cut = tmp_path / "cut.bin"
    cut.write_bytes(saved.read_bytes()[:-100])
    code, _, err = run("match", "ITMO Univ.", "--registry", str(cut))
    assert code == 2
    assert err.count("\n") == 1
    assert f"{cut}: damaged registry file" in err
    assert "rebuild it" in err


def test_an_ambiguous_acronym_is_possible_until_a_country_settles_it(registry: str) -> None:
    code, out, _ = run("match", "MSU", "--registry", registry, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0
    assert {r["institution_id"] for r in rows[:2]} == {"msu", "msu-us"}
    assert {r["decision"] for r in rows[:2]} == {"possible"}
    code, out, _ = run("match", "MSU", "--country", "US", "--registry", registry, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert (rows[0]["institution_id"], rows[0]["decision"]) == ("msu-us", "match")


def test_explain_shows_the_rules_that_fired(registry: str) -> None:
    code, out, _ = run("match", "ITMO Univ.", "--registry", registry, "--explain")
    assert code == 0
    assert out.splitlines()[0] == "ITMO Univ."
    assert "1. ITMO University [itmo, RU]" in out
    assert "MATCH" in out
    code, out, _ = run("match", "ITMO Univ.", "--registry", registry, "--explain", "--format", "json")
    assert "explanation" in json.loads(out)["matches"][0]


def test_match_a_file_with_a_country_column(registry: str, tmp_path: Path) -> None:
    names = tmp_path / "names.csv"
    names.write_text("affiliation,cc\nHUST,CN\nHUST,VN\nNowhere Institute of Nothing,\n", encoding="utf-8")
    code, out, _ = run(
        "match", "--file", str(names), "--column", "affiliation", "--country-column", "cc", "--registry", registry,
        "--limit", "1", "--format", "csv",
    )  # fmt: skip
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["query"], r["institution_id"], r["decision"]) for r in rows[:2]] == [
        ("HUST", "hust", "match"),
        ("HUST", "hust-vn", "match"),
    ]
    assert rows[2]["query"] == "Nowhere Institute of Nothing"


def test_match_a_file_reads_a_country_column_by_default_as_dedupe_does(registry: str, tmp_path: Path) -> None:
    """A column named 'country' gives the hints without --country-column (it was ignored: HUST stayed ambiguous)."""
    names = tmp_path / "names.csv"
    names.write_text("name,Country\nHUST,CN\nHUST,VN\n", encoding="utf-8")
    code, out, err = run("match", "--file", str(names), "--registry", registry, "--limit", "1", "--format", "csv")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["institution_id"], r["decision"]) for r in rows] == [("hust", "match"), ("hust-vn", "match")]


def test_match_against_the_store(registry: str, tmp_path: Path) -> None:
    db = str(tmp_path / "pk.db")
    code, _, err = run("--db", db, "match", "ITMO")
    assert code == 2
    assert "no institutions to match against" in err
    with pk.Store(db) as store:
        store.add(pk.load_jsonl(pk.Institution, registry))
    code, out, _ = run("--db", db, "match", "ITMO", "--registry", "store", "--format", "csv")
    assert next(iter(csv.DictReader(io.StringIO(out))))["institution_id"] == "itmo"


def test_match_input_errors(registry: str, tmp_path: Path) -> None:
    assert "give NAMEs or --file" in run("match", "--registry", registry)[2]
    code, _, err = run("match", "X", "--registry", str(tmp_path / "missing.zip"))
    assert (code, err.count("\n")) == (2, 1)
    assert "no such file" in err
    names = tmp_path / "n.csv"
    names.write_text("a,b\nx,y\n")
    code, _, err = run("match", "--file", str(names), "--registry", registry)
    assert code == 2
    assert "give --column (the columns are: a, b)" in err
    code, _, err = run("match", "--file", str(names), "--column", "c", "--registry", registry)
    assert "no column 'c'" in err


@pytest.mark.parametrize(
    ("options", "named"),
    [
        (["--country", "RU"], "--country"),
        (["--limit", "2"], "--limit"),
        (["--explain"], "--explain"),
        (["--format", "table"], "--format table"),
    ],
)
def test_options_a_dask_run_cannot_honour_are_usage_errors(
    registry: str, tmp_path: Path, options: list[str], named: str
) -> None:
    """--engine dask writes the best match per row: a --country hint for every name, a --limit or
    --explain would be dropped silently (the rows matched without the hint), and --format table
    would be CSV, so they are refused before any cluster starts."""
    names = tmp_path / "n.csv"
    names.write_text("name\nITMO University\n", encoding="utf-8")
    code, _, err = run("match", "--file", str(names), "--engine", "dask", *options, "--registry", registry)
    assert code == 2
    assert f"--engine dask does not take {named}" in err


def test_a_dask_run_reads_the_columns_the_local_one_reads(tmp_path: Path) -> None:
    """Without --column / --country-column, --engine dask takes the same columns as the local
    engine (an 'affiliation' column, a 'Country' column), not a fixed 'name' and no hint."""
    from partnerkit.cli._inputs import header_columns

    names = tmp_path / "n.csv"
    names.write_text("id,Affiliation,Country\n1,ITMO University,RU\n", encoding="utf-8")
    assert header_columns(str(names), None, None) == ("Affiliation", "Country", ",")
    assert header_columns(str(names), "id", "country") == ("id", "Country", ",")
    # a European Excel's semicolons: it was read as one column "id;Affiliation;Country", and Dask then failed
    # with "internal error: ParserError" at the first name holding a comma
    names.write_text("id;Affiliation;Country\n1;ITMO University, St Petersburg;RU\n", encoding="utf-8")
    assert header_columns(str(names), None, None) == ("Affiliation", "Country", ";")
    names.write_text("sep=;\nid;Affiliation;Country\n1;ITMO University;RU\n", encoding="utf-8")
    code, _, err = run("match", "--file", str(names), "--engine", "dask", "--registry", "store")
    assert (code, err) == (
        2,
        f"partnerkit: error: {names}: --engine dask cannot skip Excel's 'sep=' first line: "
        "delete that line (the delimiter is detected without it)\n",
    )
    other = tmp_path / "o.csv"
    other.write_text("a,b\nx,y\n", encoding="utf-8")
    code, _, err = run("match", "--file", str(other), "--engine", "dask", "--registry", "store")
    assert code == 2
    assert "which column holds the names? give --column" in err


def test_dedupe_csv_keeps_every_row_in_order_and_adds_four_columns(examples: Path) -> None:
    source = examples / "names.csv"
    code, out, _ = run("dedupe", str(source), "--format", "csv")
    assert code == 0
    given = list(csv.DictReader(io.StringIO(source.read_text(encoding="utf-8"))))
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["row"] for r in rows] == [r["row"] for r in given]
    assert [r["name"] for r in rows] == [r["name"] for r in given]
    assert list(rows[0])[-4:] == ["cluster_id", "canonical_name", "institution_id", "decision"]
    cluster = {r["name"]: r["cluster_id"] for r in rows}
    assert cluster["ITMO University"] == cluster["ITMO Univ."] == cluster["Университет ИТМО"]
    assert cluster["ITMO University"] != cluster["Tsinghua University"]
    by_cluster: dict[str, set[str]] = {}
    for r in rows:
        by_cluster.setdefault(r["cluster_id"], set()).add(r["canonical_name"])
    assert all(len(names) == 1 for names in by_cluster.values()), "one canonical name per cluster"
    assert {r["decision"] for r in rows} <= {"canonical", "match", "possible"}


def test_dedupe_with_a_registry_attaches_institution_ids(examples: Path, registry: str) -> None:
    code, out, _ = run("dedupe", str(examples / "names.csv"), "--registry", registry, "--format", "csv")
    assert code == 0
    rows = {r["name"]: r for r in csv.DictReader(io.StringIO(out))}
    assert rows["ITMO Univ."]["institution_id"] == "itmo"
    assert rows["Tsinghua University"]["institution_id"] == ""


def test_dedupe_table_and_json(examples: Path) -> None:
    code, out, _ = run("dedupe", str(examples / "names.csv"))
    assert code == 0
    assert out.splitlines()[0].split()[:3] == ["cluster", "rows", "canonical"]
    code, out, _ = run("dedupe", str(examples / "names.csv"), "--format", "json", "--explain")
    clusters = [json.loads(line) for line in out.splitlines()]
    assert sum(c["count"] for c in clusters) == 65
    assert [c["cluster_id"] for c in clusters] == list(range(1, len(clusters) + 1))
    assert any(c["links"] for c in clusters)


def test_dedupe_reads_text_files_and_reports_bad_csv(tmp_path: Path) -> None:
    names = tmp_path / "names.txt"
    names.write_text("ITMO University\nITMO Univ.\n\nTomsk State University\n", encoding="utf-8")
    code, out, _ = run("dedupe", str(names), "--format", "csv")
    assert code == 0
    assert len(list(csv.DictReader(io.StringIO(out)))) == 3
    bad = tmp_path / "bad.csv"
    bad.write_text("name,country\nA,RU\nB,RU,extra\n")
    code, _, err = run("dedupe", str(bad))
    assert (code, err) == (
        2,
        f"partnerkit: error: {bad} row 3: 3 fields, the header has 2 (a delimiter or quote inside a value?)\n",
    )


ROR_RECORD = {
    "id": "https://ror.org/00013q465",
    "status": "active",
    "types": ["education"],
    "names": [
        {"lang": None, "types": ["acronym"], "value": "PUCP"},
        {"lang": "es", "types": ["label", "ror_display"], "value": "Pontificia Universidad Católica del Perú"},
        {"lang": "en", "types": ["label"], "value": "Pontifical Catholic University of Peru"},
    ],
    "locations": [{"geonames_id": 3936456, "geonames_details": {"country_code": "PE", "name": "Lima"}}],
}


def test_registry_specs_ror_dump_and_csv(tmp_path: Path) -> None:
    """--registry reads a ROR dump (JSON Lines of ROR records) and a CSV of institutions."""
    pytest.importorskip("partnerkit_ror", reason="the ror plugin (plugins/partnerkit-ror) is not installed")
    dump = tmp_path / "ror.jsonl"
    dump.write_text(json.dumps(ROR_RECORD) + "\n", encoding="utf-8")
    code, out, err = run("match", "Pontifical Catholic Univ. of Peru", "--registry", str(dump), "--format", "csv")
    assert code == 0, err
    assert next(csv.DictReader(io.StringIO(out)))["institution_id"] == "https://ror.org/00013q465"
    table = tmp_path / "unis.csv"
    table.write_text("id,name,country\ntsu,Tomsk State University,RU\n", encoding="utf-8")
    code, out, err = run("match", "Tomsk State Univ", "--registry", str(table), "--format", "csv")
    assert code == 0, err
    assert next(csv.DictReader(io.StringIO(out)))["institution_id"] == "tsu"


@pytest.mark.parametrize(
    ("name", "content", "options"),
    [
        ("names.txt", "name\tcountry\r\nМГУ\tRU\r\nTUM\tDE\r\n".encode("utf-16"), []),  # Excel "Unicode Text"
        ("names.csv", "name,country\r\nМГУ,RU\r\nTUM,DE\r\n".encode("utf-16"), []),  # Excel "CSV UTF-16"
        ("names.csv", "name;country\r\nМГУ;RU\r\nTUM;DE\r\n".encode("cp1251"), ["--encoding", "cp1251"]),
    ],
)
def test_dedupe_reads_excel_exports(tmp_path: Path, name: str, content: bytes, options: list[str]) -> None:
    """UTF-16 with a byte-order mark (tab- or comma-separated) and a stated cp1251 give the same rows."""
    path = tmp_path / name
    path.write_bytes(content)
    code, out, err = run("dedupe", str(path), "--format", "csv", *options)
    assert code == 0, err
    assert [(r["name"], r["country"]) for r in csv.DictReader(io.StringIO(out))] == [("МГУ", "RU"), ("TUM", "DE")]
    code, out, err = run("match", "--file", str(path), "--registry", str(tmp_path / "none.csv"), *options)
    assert "encoding" not in err  # the names file was read; only the registry is missing


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("unis.xlsx", b"PK\x03\x04", "not a file a registry is read from: give 'store', a CSV or JSON Lines file"),
        ("unis.txt", b"ITMO University\n", "not a file a registry is read from"),
        ("unis.csv", b"name\n\n", "no institutions could be read from it"),
    ],
)
def test_a_registry_that_gives_no_institutions_is_an_error(
    tmp_path: Path, name: str, content: bytes, expected: str
) -> None:
    """A spreadsheet, a text file or an empty table: one line saying so (they gave a JSON parse error or
    silently matched nothing)."""
    path = tmp_path / name
    path.write_bytes(content)
    code, out, err = run("match", "ITMO", "--registry", str(path))
    assert (code, out) == (2, "")
    assert err.startswith(f"partnerkit: error: --registry: {path}: {expected}")


@pytest.mark.parametrize("command", ["dedupe", "match"])
def test_a_country_cell_that_names_no_country_is_no_hint_with_a_warning(
    registry: str, tmp_path: Path, command: str
) -> None:
    """'EU' or 'n/a' in a country column: those rows are read without a hint, named in one warning per value
    (the whole file stopped with "countries item 0: ...", naming neither the file nor the row)."""
    names = tmp_path / "names.csv"
    names.write_text("name,Country\nITMO University,EU\nHUST,CN\n\nTUM,EU\nMIT,n/a\n", encoding="utf-8")
    args = ["--file", str(names)] if command == "match" else [str(names)]
    code, out, err = run(command, *args, "--registry", registry, "--format", "csv")
    assert code == 0, err
    assert err.splitlines() == [
        f"partnerkit: warning: {names} rows 2, 5: Country: 'EU' is not a country; read without a country hint",
        f"partnerkit: warning: {names} row 6: Country: 'n/a' is not a country; read without a country hint",
    ]
    hust = [r for r in csv.DictReader(io.StringIO(out)) if r.get("name", r.get("query")) == "HUST"]
    assert hust[0]["institution_id"] == "hust"  # the good hint of row 3 is still used


def test_a_registry_file_in_another_encoding_says_what_to_do(tmp_path: Path) -> None:
    """--registry has no encoding option: the error points to what works instead."""
    table = tmp_path / "unis.csv"
    table.write_bytes("name,country\nМГУ,RU\nITMO,RU\nСПбГУ,RU\n".encode("cp1251"))
    code, out, err = run("match", "ITMO", "--registry", str(table))
    assert (code, out) == (2, "")
    assert err == (
        f"partnerkit: error: {table} lines 2, 4: not valid utf-8 text (invalid continuation byte); --registry "
        "reads UTF-8 (or UTF-16 with a byte-order mark): save the file so, or import it with 'partnerkit import "
        f"csv -o path={table} -o encoding=cp1251' (Cyrillic; cp1252 for Western European) and use --registry store\n"
    )
    table.write_bytes(
        "name,country\nUniversité Paris Cité,FR\nTUM,DE\nTechnische Universität Wien,AT\n".encode("cp1252")
    )
    code, out, err = run("match", "ITMO", "--registry", str(table))
    assert "-o encoding=cp1252' (Western European; cp1251 for Cyrillic)" in err  # cp1251 would read "Citй"


def test_a_registry_line_that_is_not_utf8_is_a_bad_record_not_a_crash(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A JSON Lines registry whose first line is not UTF-8: a warning naming the row (it was an internal error)."""
    dump = tmp_path / "unis.jsonl"
    dump.write_bytes(b'{"id": "x", "name": "M\xfcnchen"}\n{"id": "itmo", "name": "ITMO University"}\n')
    with caplog.at_level("WARNING", logger="partnerkit"):
        code, out, err = run("match", "ITMO University", "--registry", str(dump), "--format", "csv")
    assert code == 0, err
    assert next(csv.DictReader(io.StringIO(out)))["institution_id"] == "itmo"
    assert [f"{dump} row 1: not valid UTF-8" in r.getMessage() for r in caplog.records] == [True]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            b"name\nITMO\nM\xfcnchen\n",
            "row 3: not valid UTF-8 text (invalid start byte); give its encoding with --encoding cp1252 (Western "
            "European; cp1251 for Cyrillic), or save it as UTF-8",
        ),
        (  # the code page the bytes more likely are: cp1251 reads "München" as "Mьnchen" without an error
            "name\nITMO\nМосковский университет\n".encode("cp1251"),
            "row 3: not valid UTF-8 text (invalid continuation byte); give its encoding with --encoding cp1251 "
            "(Cyrillic; cp1252 for Western European), or save it as UTF-8",
        ),
        (
            b"name\nA\n" + b"B" * 200_000 + b"\n",
            "row 3: a value is longer than 131,072 characters (a quote never closed?)",
        ),
        (b"name,country\nA,RU\nB\n", "row 3: 1 fields, the header has 2 (a delimiter or quote inside a value?)"),
        (b'name,country\nA,RU\n"B, DE\nC,FR\n', "row 3: a quote opened in this row is never closed"),
        (b'name,country\n"ITMO" University,RU\n', "row 2: not readable as CSV (',' expected after '\"'"),
        (b"", "row 1: the file is empty; expected a header row"),
    ],
)
def test_dedupe_messy_input_is_one_line_naming_file_and_row(tmp_path: Path, content: bytes, expected: str) -> None:
    """Bytes that are not UTF-8, an oversized field, a short row: exit 2, one line, no traceback."""
    path = tmp_path / "names.csv"
    path.write_bytes(content)
    code, out, err = run("dedupe", str(path))
    assert (code, out, err.count("\n")) == (2, "", 1)
    assert err.startswith(f"partnerkit: error: {path} {expected}")


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_a_names_txt_file_is_one_name_per_line_whatever_the_line_ends(tmp_path: Path, newline: str) -> None:
    """Lines ended by CR alone (old Mac programs) are lines too (the whole file was one name)."""
    path = tmp_path / "names.txt"
    path.write_bytes(newline.join(["ITMO University", "", "TUM", "Tsinghua University"]).encode())
    code, out, err = run("dedupe", str(path), "--format", "csv")
    assert code == 0, err
    assert [r["name"] for r in csv.DictReader(io.StringIO(out))] == ["ITMO University", "TUM", "Tsinghua University"]


def test_a_doubled_quote_after_the_first_rows_is_read_right(tmp_path: Path) -> None:
    """The quoting rules are CSV's, not guessed from the first rows (a guess read '"The ""Best"" U"' wrong)."""
    path = tmp_path / "names.csv"
    lines = ["name,country", *(f"University number {i},RU" for i in range(400)), '"The ""Best"" University",US']
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, err = run("dedupe", str(path), "--format", "csv")
    assert code == 0, err
    assert list(csv.DictReader(io.StringIO(out)))[-1]["name"] == 'The "Best" University'


def test_dedupe_reads_a_name_with_a_quoted_line_break_as_one_row(tmp_path: Path) -> None:
    """A quoted cell may hold a line break (spreadsheets write them); its row is one row."""
    path = tmp_path / "names.csv"
    path.write_text('name,note\n"ITMO University","two\nlines"\nTomsk State University,x\n', encoding="utf-8")
    code, out, err = run("dedupe", str(path), "--format", "csv")
    assert code == 0, err
    assert [r["name"] for r in csv.DictReader(io.StringIO(out))] == ["ITMO University", "Tomsk State University"]


@settings(max_examples=80, deadline=None)
@given(st.binary(max_size=200), st.sampled_from(["names.csv", "names.txt"]))
def test_any_bytes_as_a_names_file_give_names_or_a_partnerkit_error(
    tmp_path_factory: pytest.TempPathFactory, data: bytes, filename: str
) -> None:
    """Whatever a names file holds, reading it gives a table or a PartnerkitError naming the file."""
    from partnerkit.cli._inputs import read_table

    path = tmp_path_factory.mktemp("n") / filename
    path.write_bytes(data)
    message = ""
    try:
        table = read_table(str(path), None)
    except pk.PartnerkitError as error:
        message = str(error)
    if message:
        assert str(path) in message
    else:
        assert all(len(row) == len(table.header) for row in table.rows)


def test_dedupe_csv_joins_rows_by_position_when_one_name_has_two_countries(registry: str, tmp_path: Path) -> None:
    """Each row gets its own cluster even when its name is written alike in another country's row."""
    f = tmp_path / "n.csv"
    f.write_text("name,country\nHUST,CN\nHUST,VN\nITMO University,RU\nHUST,CN\n", encoding="utf-8")
    code, out, _ = run("dedupe", str(f), "--registry", registry, "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["institution_id"] for r in rows] == ["hust", "hust-vn", "itmo", "hust"]
    assert rows[0]["cluster_id"] == rows[3]["cluster_id"] != rows[1]["cluster_id"]
    assert [r["decision"] for r in rows] == ["match", "match", "canonical", "match"]


def test_ctrl_c_in_a_run_without_a_store_does_not_speak_of_one(registry: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """`match` writes no store: its Ctrl-C line must not claim "everything committed before is kept"."""

    def interrupted(*_args: object, **_kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(pk.Registry, "match", interrupted)
    code, _, err = run("match", "ITMO University", "--registry", registry)
    assert (code, err) == (130, "partnerkit: interrupted\n")


def test_rows_without_a_name_join_no_cluster_and_are_named_in_a_warning(tmp_path: Path) -> None:
    """Empty name cells of a spreadsheet export made one cluster of "" that joined every such row (with a
    "canonical" decision), so a join back on cluster_id related rows that name nothing; they now keep their row
    in --format csv with the four columns empty, and a warning names them."""
    path = tmp_path / "names.csv"
    path.write_text("name,country\nITMO University,RU\n,RU\nITMO Univ.,RU\n  ,DE\n,RU\n", encoding="utf-8")
    code, out, err = run("dedupe", str(path), "--format", "csv")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["name"].strip(), r["cluster_id"], r["decision"]) for r in rows] == [
        ("ITMO University", "1", "canonical"),
        ("", "", ""),
        ("ITMO Univ.", "1", "match"),
        ("", "", ""),
        ("", "", ""),
    ]
    assert err == (
        f"partnerkit: warning: {path} rows 3, 5, 6: name: empty; left out of the clusters "
        "(kept without one in --format csv)\n"
    )
    for fmt in ("table", "json"):
        code, out, err = run("dedupe", str(path), "--format", fmt)
        assert (code, "rows 3, 5, 6" in err) == (0, True)
        assert "ITMO Univ." in out
        assert out.count("\n") == (3 if fmt == "table" else 1)  # one cluster: no cluster of nothing


def test_spreadsheet_error_values_in_name_cells_are_no_names(tmp_path: Path, registry: str) -> None:
    """A failed formula exported to CSV leaves "#N/A", "#REF!"... in name cells: they formed a cluster of their own
    (and were matched as names); now such rows join no cluster and have no match, with one warning counting them."""
    path = tmp_path / "names.csv"
    path.write_text("name\nITMO University\n#N/A\nITMO Univ.\n#REF!\n#N/A\n", encoding="utf-8")
    code, out, err = run("dedupe", str(path), "--format", "csv")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["name"], r["cluster_id"], r["decision"]) for r in rows] == [
        ("ITMO University", "1", "canonical"),
        ("#N/A", "", ""),
        ("ITMO Univ.", "1", "match"),
        ("#REF!", "", ""),
        ("#N/A", "", ""),
    ]
    assert err == (
        f"partnerkit: warning: {path} rows 3, 5, 6: name: 3 spreadsheet error values (#N/A x2, #REF! x1) name no "
        "institution; left out of the clusters (kept without one in --format csv)\n"
    )
    code, out, err = run("match", "--file", str(path), "--registry", registry, "--format", "csv")
    assert code == 0, err
    decisions = [(r["query"], r["decision"]) for r in csv.DictReader(io.StringIO(out))]
    assert decisions == [
        ("ITMO University", "match"),
        ("#N/A", "none"),
        ("ITMO Univ.", "match"),
        ("#REF!", "none"),
        ("#N/A", "none"),
    ]
    assert "rows 3, 5, 6: name: 3 spreadsheet error values" in err
    assert err.count("\n") == 1


@pytest.mark.parametrize("first", ["sep=;", '"sep=;"', "\ufeffsep=;"])
def test_excels_sep_line_states_the_delimiter_and_the_header_follows(tmp_path: Path, first: str) -> None:
    """Excel's first line "sep=;" (it was read as the header: "which column holds the names? ... sep=")."""
    path = tmp_path / "names.csv"
    path.write_text(f"{first}\r\nname;country\r\nITMO University;RU\r\nITMO Univ.;RU\r\n", encoding="utf-8")
    code, out, err = run("dedupe", str(path), "--format", "csv")
    assert code == 0, err
    assert [(r["name"], r["country"], r["cluster_id"]) for r in csv.DictReader(io.StringIO(out))] == [
        ("ITMO University", "RU", "1"),
        ("ITMO Univ.", "RU", "1"),
    ]
    path.write_text(f"{first}\nname;country\nITMO University;RU\nITMO;Univ.;RU\n", encoding="utf-8")
    code, out, err = run("dedupe", str(path))
    assert (code, err) == (
        2,
        f"partnerkit: error: {path} row 4: 3 fields, the header has 2 (a delimiter or quote inside a value?)\n",
    )  # rows counted as the file's lines


def test_dedupe_of_its_own_csv_output_replaces_the_four_columns(examples: Path, registry: str, tmp_path: Path) -> None:
    """Running dedupe again on what it wrote (now with a registry) doubled cluster_id, canonical_name,
    institution_id and decision, and a reader of the header by name took one of the two at random."""
    code, first, err = run("dedupe", str(examples / "names.csv"), "--format", "csv")
    assert code == 0, err
    path = tmp_path / "clustered.csv"
    path.write_text(first, encoding="utf-8")
    code, out, err = run("dedupe", str(path), "--registry", registry, "--format", "csv")
    assert code == 0, err
    header = out.splitlines()[0].split(",")
    assert header == ["row", "name", "country", "cluster_id", "canonical_name", "institution_id", "decision"]
    again = list(csv.DictReader(io.StringIO(out)))
    assert len(again) == 65
    assert next(r for r in again if r["name"] == "ITMO Univ.")["institution_id"] == "itmo"
    path.write_text("name,decision\nITMO University,keep\n", encoding="utf-8")  # a column of the user's own
    code, out, err = run("dedupe", str(path), "--format", "csv")
    assert out.splitlines()[0] == "name,decision,cluster_id,canonical_name,institution_id,decision"


def test_every_row_with_another_number_of_fields_is_named_in_the_one_error(tmp_path: Path) -> None:
    """A comma inside unquoted names on many rows of a big export: the error named the first such row
    only, so each fix-and-rerun found one more; it now names the first five and counts the rest."""
    path = tmp_path / "names.csv"
    lines = ["name,country", *(f"Univ{', ' if i % 100 == 0 else ' '}{i},RU" for i in range(1, 800))]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, err = run("dedupe", str(path))
    assert (code, out) == (2, "")
    assert err == (
        f"partnerkit: error: {path} row 101: 3 fields, the header has 2; row 201: 3; row 301: 3; row 401: 3; "
        "row 501: 3; and 2 more rows (a delimiter or quote inside a value?)\n"
    )


@pytest.mark.parametrize(
    ("name", "content", "what"),
    [
        ("unis.xlsx", b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xb5U\x8c", "a zip archive (an .xlsx or .ods"),
        ("unis.csv", b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xb5U\x8c", "a zip archive (an .xlsx or .ods"),
        ("unis.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00\x00\x00\x00\x00", "an old Office file (an .xls"),
        ("unis.csv", b"name\nITMO\x00\x00\x00\x02\x00", "a binary file (it holds NUL bytes)"),
    ],
)
def test_a_workbook_given_as_the_names_file_is_named_as_such(
    tmp_path: Path, name: str, content: bytes, what: str
) -> None:
    """An .xlsx given where a CSV goes was refused as "not valid UTF-8 ... give its encoding with --encoding",
    advice that cannot help: the error now says what the file is and to save it as CSV."""
    path = tmp_path / name
    path.write_bytes(content)
    for args in (["dedupe", str(path)], ["match", "--file", str(path), "--registry", str(path)]):
        code, out, err = run(*args)
        assert (code, out) == (2, "")
        assert err == f"partnerkit: error: {path}: {what}" + err.split(what, 1)[1]
        assert err.endswith(", not text: save it as CSV (UTF-8) or as plain text, and give that file\n")


@pytest.mark.parametrize("order", ["le", "be"])
def test_utf16_without_a_byte_order_mark_is_named_with_its_encoding(tmp_path: Path, order: str) -> None:
    """Read as UTF-8 it gave names full of NUL characters (or "1 fields, the header has 2")."""
    path = tmp_path / "names.csv"
    path.write_bytes("name,country\nITMO University,RU\n".encode(f"utf-16-{order}"))
    code, out, err = run("dedupe", str(path))
    assert (code, out) == (2, "")
    assert err == (
        f"partnerkit: error: {path}: UTF-16 text without a byte-order mark: give its encoding, utf-16-{order} "
        "(--encoding of dedupe and match), or save it as UTF-8\n"
    )
    code, out, err = run("dedupe", str(path), "--encoding", f"utf-16-{order}", "--format", "csv")
    assert code == 0, err
    assert next(csv.DictReader(io.StringIO(out)))["name"] == "ITMO University"
