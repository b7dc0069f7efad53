"""Reading what commands are given: UTF-8 text files, names from a CSV or text file, and ``--registry SPEC``."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from pathlib import Path

import attrs
import click

import partnerkit as pk
from partnerkit._matching._inputs import NoNames, error_values
from partnerkit._matching._registry import is_registry_file
from partnerkit.cli._app import App
from partnerkit.sources._csv import csv_reason, excel_separator, sniff_delimiter
from partnerkit.sources._jsonl import holds_ror_records
from partnerkit.sources._textfile import check_encoding, code_page_hint

_SAMPLE = 64 * 1024
_LINE_BREAK = re.compile(r"\r\n|\r|\n")  # CR alone too: old Mac programs end lines so


@attrs.frozen
class Table:
    """The rows of an input file, and which column holds the names."""

    path: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    column: int
    numbers: tuple[int, ...]  # the row of the file each row is (the header is row 1)

    def names(self) -> list[str]:
        return [row[self.column] for row in self.rows]

    def named(self, done: str) -> list[int]:
        """The positions of the rows whose name cell names something (:func:`names_nothing`).

        One warning line names the rows with an empty cell, one more those with a spreadsheet
        error value ("#N/A", counted by value); ``done`` says what became of them.
        """
        nothing = NoNames()
        named = [i for i, row in enumerate(self.rows) if not nothing.nothing(row[self.column])]
        if len(named) == len(self.rows):
            return named
        unnamed = sorted(set(range(len(self.rows))) - set(named))
        blank = [i for i in unnamed if not self.rows[i][self.column].strip()]
        errors = [i for i in unnamed if self.rows[i][self.column].strip()]
        for rows, what in ((blank, "empty"), (errors, error_values(nothing.errors))):
            if rows:
                shown = ", ".join(str(self.numbers[i]) for i in rows[:5])
                more = f" and {len(rows) - 5} more" if len(rows) > 5 else ""
                click.echo(
                    f"partnerkit: warning: {self.path} row{'s' if len(rows) > 1 else ''} {shown}{more}: "
                    f"{self.header[self.column]}: {what}; {done}",
                    err=True,
                )
        return named

    def values(self, column: int | None) -> list[str | None]:
        if column is None:
            return [None] * len(self.rows)
        return [row[column] or None for row in self.rows]

    def country_hints(self, column: str | None) -> list[str | None] | None:
        """The country hint of each row: from ``column``, else from a column named ``country`` if any.

        A value that names no country ("EU", "n/a") is no hint for its row, with one warning
        line per such value naming its rows, instead of stopping the whole file.
        """
        if column is None:
            if "country" not in (h.casefold() for h in self.header):
                return None
            column = "country"
        position = self.index(column, "--country-column")
        hints = self.values(position)
        bad: dict[str, list[int]] = {}
        for i, value in enumerate(hints):
            if value is not None:
                try:
                    pk.country_code(value)
                except pk.RecordError:
                    bad.setdefault(value, []).append(self.numbers[i])
                    hints[i] = None
        for value, rows in bad.items():
            shown = ", ".join(map(str, rows[:5])) + (f" and {len(rows) - 5} more" if len(rows) > 5 else "")
            click.echo(
                f"partnerkit: warning: {self.path} row{'s' if len(rows) > 1 else ''} {shown}: "
                f"{self.header[position]}: {value[:40]!r} is not a country; read without a country hint",
                err=True,
            )
        return hints

    def index(self, name: str, option: str) -> int:
        """The position of column ``name``; a ConfigError naming the columns there are if absent."""
        if name in self.header:
            return self.header.index(name)
        folded = [h.casefold() for h in self.header]
        if name.casefold() in folded:
            return folded.index(name.casefold())
        raise pk.ConfigError(f"{self.path}: no column {name!r} ({option}); the columns are: {', '.join(self.header)}")


_NAME_COLUMNS = ("name", "names", "institution", "organization", "organisation", "affiliation")


def read_utf8(path: str, advice: str, encoding: str | None = None) -> str:
    """The text of a file, without a byte-order mark: UTF-8 unless ``encoding`` says otherwise.

    A UTF-16 byte-order mark (Excel's "Unicode Text" and "CSV UTF-16") decides, as in the
    sources; a stated encoding that cannot be right for the bytes is refused. ``advice`` may
    name ``{page}`` and ``{what}``: the Windows code page the bytes more likely are, and why.

    Raises:
        RecordError: a byte is not valid in the encoding (names the file and row, and gives ``advice``).
        SourceError: the stated encoding is unknown or cannot be right for this file, or the
            file is no text at all (a workbook, a PDF).
    """
    with open(path, "rb") as fh:
        data = fh.read()
    used = check_encoding(data[:_SAMPLE], encoding, path)
    if not used.startswith(("utf-16", "utf-32")):
        _not_binary(data[:_SAMPLE], path)
    try:
        return data.decode(used)
    except UnicodeDecodeError as exc:
        name = "UTF-8" if used == "utf-8" else used
        page, what = code_page_hint(data)  # cp1251 read as cp1252 (or the reverse) is mojibake without an error
        advice = advice.format(page=page, what=what)
        raise pk.RecordError(
            f"not valid {name} text ({exc.reason}); {advice}",
            row=data[: exc.start].decode(used, errors="replace").count("\n") + 1,
            locator=path,
        ) from None


#: The first bytes of files a spreadsheet user may give instead of a CSV, and what they are.
_MAGIC = (
    (b"PK\x03\x04", "a zip archive (an .xlsx or .ods workbook, a .docx?)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office file (an .xls workbook, a .doc?)"),
    (b"%PDF-", "a PDF"),
)


def _not_binary(sample: bytes, path: str) -> None:
    """Refuse a workbook, a PDF or another binary file as what it is (not as text in some encoding).

    Raises:
        SourceError: the file is not text.
    """
    what = next((what for magic, what in _MAGIC if sample.startswith(magic)), None)
    if what is None and b"\x00" in sample:
        for order, zeros in (("le", sample[1::2]), ("be", sample[0::2])):
            if zeros.count(0) > 0.9 * len(zeros):  # ASCII letters in UTF-16 have a NUL byte each
                raise pk.SourceError(
                    f"{path}: UTF-16 text without a byte-order mark: give its encoding, utf-16-{order} (--encoding "
                    "of dedupe and match), or save it as UTF-8",
                    locator=path,
                )
        what = "a binary file (it holds NUL bytes)"
    if what is not None:
        raise pk.SourceError(
            f"{path}: {what}, not text: save it as CSV (UTF-8) or as plain text, and give that file", locator=path
        )


def read_table(path: str, column: str | None, encoding: str | None = None) -> Table:
    """Read a CSV (or TSV) file with a header row; a ``.txt`` file is one name per line.

    A ``.txt`` file whose first line holds a tab is a table (Excel's "Unicode Text"). A first
    line ``sep=;`` (Excel's) states the delimiter; the header is the line after it.
    Without ``column``, the first of name / institution / organization / affiliation
    present is used, else the only column.

    Raises:
        ConfigError: the column is missing or cannot be guessed.
        RecordError: a row is malformed (names the file and row).
        SourceError: ``encoding`` is unknown or cannot be right for the file.
    """
    advice = "give its encoding with --encoding {page} ({what}), or save it as UTF-8"
    text = read_utf8(path, advice, encoding)
    if path.endswith(".txt") and "\t" not in _LINE_BREAK.split(text, maxsplit=1)[0]:
        lines = [(n, line.strip()) for n, line in enumerate(_LINE_BREAK.split(text), start=1) if line.strip()]
        return Table(path, ("name",), tuple((name,) for _, name in lines), 0, tuple(n for n, _ in lines))
    stream = io.StringIO(text, newline="")
    number = 1  # the row of the header
    stated = excel_separator(stream.readline())  # Excel's "sep=;" first line
    if stated is None:
        stream.seek(0)
    else:
        number = 2
    # the delimiter only: a sniffed quoting dialect can misread a doubled quote after the sample
    reader = csv.reader(stream, delimiter=stated or sniff_delimiter(stream), strict=True)
    rows: list[tuple[str, ...]] = []
    numbers: list[int] = []
    try:
        first = next(reader, None)
        if first is None:
            raise pk.RecordError("the file is empty; expected a header row", row=number, locator=path)
        header = tuple(h.strip() for h in first)
        uneven: list[tuple[int, int]] = []  # (row, fields): every such row is named, so one run shows them all
        for row in reader:
            number += 1
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                uneven.append((number, len(row)))
                continue
            rows.append(tuple(row))
            numbers.append(number)
    except csv.Error as exc:
        raise pk.RecordError(csv_reason(exc), row=number + 1, locator=path) from None
    if uneven:
        (first_row, fields), more = uneven[0], uneven[1:5]
        also = "".join(f"; row {n}: {f}" for n, f in more)
        rest = f"; and {len(uneven) - 5} more rows" if len(uneven) > 5 else ""
        raise pk.RecordError(
            f"{fields} fields, the header has {len(header)}{also}{rest} (a delimiter or quote inside a value?)",
            row=first_row,
            locator=path,
        )
    table = Table(path, header, tuple(rows), 0, tuple(numbers))
    return attrs.evolve(table, column=_name_column(table, column))


def _name_column(table: Table, column: str | None) -> int:
    """The position of ``column``, else of the first of name / institution / ... there is, else of the only one."""
    if column is not None:
        return table.index(column, "--column")
    for candidate in _NAME_COLUMNS:
        if candidate in (h.casefold() for h in table.header):
            return table.index(candidate, "--column")
    if len(table.header) == 1:
        return 0
    raise pk.ConfigError(
        f"{table.path}: which column holds the names? give --column (the columns are: {', '.join(table.header)})"
    )


def header_columns(path: str, column: str | None, country_column: str | None) -> tuple[str, str | None, str]:
    """The names and country columns of a UTF-8 CSV file, chosen from its header line as
    :func:`read_table` and :meth:`Table.country_hints` choose them, and its delimiter, sniffed
    as :func:`read_table` sniffs it (for a file that Dask reads, so that both engines read the
    same columns).

    Raises:
        ConfigError: the file starts with Excel's ``sep=`` line, which Dask cannot skip.
    """
    with open(path, encoding="utf-8-sig", newline="") as fh:
        if excel_separator(fh.readline()) is not None:
            raise pk.ConfigError(
                f"{path}: --engine dask cannot skip Excel's 'sep=' first line: delete that line (the delimiter "
                "is detected without it)"
            )
        fh.seek(0)
        delimiter = sniff_delimiter(fh)
        first = next(csv.reader(fh, delimiter=delimiter), [])
    table = Table(path, tuple(h.strip() for h in first), (), 0, ())
    name = table.header[_name_column(table, column)] if table.header else (column or "name")
    if country_column is None and "country" in (h.casefold() for h in table.header):
        country_column = "country"
    if country_column is not None and table.header:
        country_column = table.header[table.index(country_column, "--country-column")]
    return name, country_column, delimiter


def load_registry(spec: str | None, app: App) -> pk.Registry:
    """The registry ``--registry SPEC`` names (default ``store``).

    SPEC is ``store`` (the institutions in the store), a JSON Lines or CSV file of
    institutions, a ROR data dump (zip, JSON, JSON Lines or a folder), or a file
    :meth:`partnerkit.Registry.save` wrote (known by its first bytes, whatever its name).

    Raises:
        ConfigError: SPEC is no file, not a kind of file a registry is read from, or holds no
            institutions (nor does the store).
    """
    if spec is None or spec == "store":
        store = app.store()
        if not store.counts()["institutions"]:
            raise pk.ConfigError(
                f"no institutions to match against (the store {store.path} holds none): give --registry with a "
                "ROR dump or a CSV/JSONL file of institutions, or import institutions first (partnerkit import ...)"
            )
        return store.registry()
    path = Path(spec)
    if not path.exists():
        raise pk.ConfigError(f"--registry: {spec}: no such file or directory (nor 'store')")
    registry = _registry_file(path, spec)
    if not len(registry):
        raise pk.ConfigError(f"--registry: {spec}: no institutions could be read from it (see the warning above)")
    return registry


_REGISTRY_SUFFIXES = (".csv", ".tsv", ".json", ".jsonl", ".ndjson", ".zip", ".gz")


def _registry_file(path: Path, spec: str) -> pk.Registry:
    if path.is_file() and is_registry_file(path):  # compiled once by Registry.save: read in a second
        return pk.Registry.load(path)
    suffixes = [s.lower() for s in path.suffixes]
    if path.is_file() and (not suffixes or suffixes[-1] not in _REGISTRY_SUFFIXES):
        raise pk.ConfigError(
            f"--registry: {spec}: not a file a registry is read from: give 'store', a CSV or JSON Lines file of "
            "institutions (.csv, .tsv, .jsonl), a ROR dump (.zip, .json, .jsonl, a folder) or a file "
            "Registry.save wrote; save a spreadsheet as CSV first"
        )
    if path.is_file() and suffixes and suffixes[-1] in (".csv", ".tsv"):
        try:
            return pk.Registry.from_source("csv", path=spec)
        except pk.SourceError as exc:
            what, hint, _ = str(exc).partition("; set the encoding option")
            if not hint:
                raise
            with open(path, "rb") as fh:
                page, about = code_page_hint(fh.read(_SAMPLE))
            raise pk.SourceError(  # --registry takes no encoding option: say what to do instead
                f"{what}; --registry reads UTF-8 (or UTF-16 with a byte-order mark): save the file so, or import "
                f"it with 'partnerkit import csv -o path={spec} -o encoding={page}' ({about}) and use --registry "
                "store",
                source="csv",
                locator=spec,
            ) from None
    if path.is_file() and any(s in (".jsonl", ".ndjson") for s in suffixes[-2:]) and not holds_ror_records(path):
        return pk.Registry.from_source("jsonl", path=spec, type="Institution")
    return pk.Registry.from_source("ror", path=spec)


def cells(values: Sequence[object]) -> list[str]:
    return ["" if v is None else str(v) for v in values]
