"""The built-in ``csv`` source: institutions or partnerships from a CSV file, streamed.

Headers named like model fields are mapped by default (case, spaces and hyphens do not
matter; singulars work: ``acronym`` -> ``acronyms``); ``label_ru`` / ``labels.ru`` fill
``labels["ru"]``; ``ror``, ``grid``, ``wikidata``, ``isni``, ``fundref`` and
``identifiers.X`` fill ``identifiers``. Any other header is mapped with the ``columns``
option (``{"Название": "labels.ru"}``; map a column to ``""`` to ignore it); columns left
unmapped are named in the summary's notices, never silently dropped.

An institution's ``kind`` (or ``type``) column may hold free text: a kind's name in any case
or a common word for it ("University", "Hospital", "Research institute"; see
``partnerkit._model._kinds``) gives the kind; any other value ("Public") is left out of
``kind``, with one warning per value, and the row is kept.

Rows are numbered as a spreadsheet shows them: the header is row 1.
"""

from __future__ import annotations

import csv
import io
import logging
import os
import re
from collections.abc import Callable, Generator
from typing import Any

import attrs

from partnerkit._errors import ConfigError, RecordError, SourceError
from partnerkit._model import Evidence, Institution, InstitutionKind, Location, Partnership, Party, institution_kind
from partnerkit.sources._contract import Source, SourceItem, State
from partnerkit.sources._textfile import bad_byte, decode_error, known_encoding, not_a_file, open_text

__all__ = ["CsvSource", "csv_reason", "sniff_delimiter"]

log = logging.getLogger("partnerkit")

_SNIFF_BYTES = 64 * 1024
_DELIMITERS = ",;\t|"

_INSTITUTION_FIELDS = {
    "id": "id",
    "name": "name",
    "acronym": "acronyms",
    "acronyms": "acronyms",
    "alias": "aliases",
    "aliases": "aliases",
    "country": "country",
    "city": "city",
    "kind": "kind",
    "type": "kind",
    "domain": "domains",
    "domains": "domains",
    "status": "status",
}
_IDENTIFIERS = ("ror", "grid", "wikidata", "isni", "fundref")
_PARTNERSHIP_FIELDS = {
    "id": "id",
    "kind": "kind",
    "type": "kind",
    "parties": "parties",
    "party": "parties",
    "party_ids": "party_ids",
    "institution_ids": "party_ids",
    "status": "status",
    "date": "date",
    "started": "started",
    "start": "started",
    "ended": "ended",
    "end": "ended",
    "city": "location.city",
    "country": "location.country",
    "fields": "fields",
    "field": "fields",
    "evidence": "evidence.quote",
    "quote": "evidence.quote",
    "source": "evidence.source",
    "url": "evidence.source",
}
_MULTI = frozenset(("acronyms", "aliases", "domains", "parties", "party_ids", "fields"))
_TYPES = {"Institution": Institution, "Partnership": Partnership}
_KEY = re.compile(r"[\s\-]+")


def _key(header: str) -> str:
    return _KEY.sub("_", header.strip().lower())


def _target(header: str, record_type: str) -> str | None:
    """The model field path a header maps to by default, or None."""
    key = _key(header)
    if record_type == "Partnership":
        return _PARTNERSHIP_FIELDS.get(key)
    if key in _INSTITUTION_FIELDS:
        return _INSTITUTION_FIELDS[key]
    for prefix in ("labels.", "label.", "labels_", "label_", "name_", "label:", "name:"):
        if key.startswith(prefix) and 2 <= len(key) - len(prefix) <= 8:
            return f"labels.{key[len(prefix) :]}"
    if key.startswith("identifiers."):
        return key
    if key in _IDENTIFIERS or key.removesuffix("_id") in _IDENTIFIERS:
        return f"identifiers.{key.removesuffix('_id')}"
    return None


def _valid_target(path: str, record_type: str) -> bool:
    if path == "":
        return True
    if record_type == "Institution":
        head, _, rest = path.partition(".")
        if head in ("labels", "identifiers"):
            return bool(rest)
        return path in _INSTITUTION_FIELDS.values()
    return path in _PARTNERSHIP_FIELDS.values()


def _check_type(_instance: Any, attribute: attrs.Attribute[Any], value: str) -> None:
    if value not in _TYPES:
        raise ConfigError(f"expected one of: {', '.join(_TYPES)}", path=attribute.name)


def _check_delimiter(_instance: Any, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and (len(value) != 1 or value in '"\r\n'):
        raise ConfigError("expected one character (not a quote or newline)", path=attribute.name)


def _check_separators(_instance: Any, attribute: attrs.Attribute[Any], value: str) -> None:
    if any(ch in "\r\n" for ch in value):
        raise ConfigError("expected separator characters (not newlines)", path=attribute.name)


class CsvSource(Source):
    """Institutions or partnerships from a CSV file (any encoding stated, delimiter sniffed)."""

    name = "csv"
    capabilities = frozenset({"files"})
    record_types = (Institution, Partnership)

    @attrs.frozen
    class Config:
        """Options of the csv source.

        Attributes:
            path: the CSV file.
            type: ``Institution`` (default) or ``Partnership``.
            encoding: the text encoding (``cp1251``, ``utf-16``...); by default UTF-8, with
                or without a byte-order mark. A wrong one is an error, never mojibake.
            delimiter: the field delimiter; by default sniffed from whole lines among
                ``,`` ``;`` tab and ``|``.
            columns: CSV header -> model field (``name``, ``aliases``, ``labels.ru``,
                ``identifiers.ror``...; ``""`` ignores the column).
            separators: the characters that separate values in multi-value cells
                (aliases, acronyms, domains, parties, fields).
        """

        path: str
        type: str = attrs.field(default="Institution", validator=_check_type)
        encoding: str | None = attrs.field(default=None, validator=known_encoding)
        delimiter: str | None = attrs.field(default=None, validator=_check_delimiter)
        columns: dict[str, str] = attrs.field(factory=dict)
        separators: str = attrs.field(default="|;", validator=_check_separators)

        def __attrs_post_init__(self) -> None:
            for header, target in self.columns.items():
                if not _valid_target(target, self.type):
                    raise ConfigError(f"{target[:40]!r} is not a field of {self.type}", path=f"columns.{header}")

    def items(self, state: State | None) -> Generator[SourceItem | RecordError, None, State | None]:
        config = self.config
        path = config.path
        if not os.path.isfile(path):
            raise not_a_file(path, self.name)
        text, encoding = open_text(path, config.encoding, self.name)
        row = 1
        with text:
            try:
                stated = excel_separator(text.readline())
                if stated is None:
                    text.seek(0)
                else:  # the header is row 2
                    row = 2
                delimiter = config.delimiter or stated or sniff_delimiter(text)
                reader = csv.reader(text, delimiter=delimiter, strict=True)
                header = next(reader, None)
                if header is None:
                    self.summary.notices.append(f"{path}: the file is empty (no header row)")
                    return None
                if bad_byte("".join(header)):
                    raise SourceError(
                        f"{path} row {row}: the header is not valid {encoding} text; set the encoding option",
                        source=self.name,
                        locator=path,
                    )
                mapping = self._mapping(header)
                build = self._builder(mapping, header)
                while True:
                    row += 1
                    try:
                        cells = next(reader)
                    except StopIteration:
                        break
                    except csv.Error as exc:
                        yield RecordError(csv_reason(exc), row=row, locator=path)
                        continue
                    if not any(c.strip() for c in cells):
                        continue
                    if (error := _bad_bytes(cells, header, encoding)) is not None:
                        yield error.at(row=row, locator=path)
                        continue
                    if len(cells) > len(header):
                        yield RecordError(
                            f"{len(cells)} cells but the header has {len(header)} columns (a delimiter or quote "
                            "inside a value?)",
                            row=row,
                            locator=path,
                        )
                        continue
                    try:
                        record = build(cells, row)
                    except RecordError as exc:
                        yield exc.at(row=row, locator=path)
                        continue
                    yield SourceItem(record, self.provenance(f"{path} row {row}", record.id or f"row {row}"))
            except UnicodeDecodeError as exc:
                raise decode_error(exc, path, encoding, row, self.name) from None
            except csv.Error as exc:
                raise SourceError(f"{path} row {row}: not readable as CSV ({exc})", source=self.name) from None
        return None

    def _mapping(self, header: list[str]) -> dict[int, str]:
        """Column index -> model field path; unmapped columns become a notice."""
        config = self.config
        mapping: dict[int, str] = {}
        unmapped: list[str] = []
        seen: dict[str, str] = {}
        for i, raw_name in enumerate(header):
            name = raw_name.strip()
            target = config.columns[name] if name in config.columns else _target(name, config.type)
            if target is None:
                unmapped.append(name or f"column {i + 1}")
                continue
            if target == "":
                continue
            if target in seen and target not in _MULTI:
                raise SourceError(
                    f"{config.path}: columns {seen[target]!r} and {name!r} both map to {target}; "
                    "map one of them with the columns option",
                    source=self.name,
                    locator=config.path,
                )
            seen[target] = name
            mapping[i] = target
        missing = [c for c in config.columns if c not in {h.strip() for h in header}]
        if missing:
            raise ConfigError(f"no such column in {config.path}", path=f"config.columns.{missing[0][:40]}")
        required = ("name",) if config.type == "Institution" else ("kind", "parties")
        absent = [r for r in required if r not in mapping.values()]
        if absent:
            raise SourceError(
                f"{config.path}: no column for {', '.join(absent)}; name the header so or use the columns option",
                source=self.name,
                locator=config.path,
            )
        if unmapped:
            self.summary.notices.append(
                f"{config.path}: columns not imported (map them with the columns option): {', '.join(unmapped)}"
            )
        return mapping

    def _builder(self, mapping: dict[int, str], header: list[str]) -> Callable[[list[str], int], Any]:
        separators = self.config.separators
        split = re.compile("|".join(re.escape(c) for c in separators)) if separators else None
        stem = os.path.splitext(os.path.basename(self.config.path))[0]
        items = sorted(mapping.items())
        is_institution = self.config.type == "Institution"

        def values(cells: list[str]) -> dict[str, Any]:
            out: dict[str, Any] = {}
            for i, target in items:
                if i >= len(cells):
                    continue
                cell = cells[i].strip()
                if not cell:
                    continue
                if target in _MULTI:
                    parts = [p.strip() for p in split.split(cell)] if split else [cell]
                    out.setdefault(target, []).extend(p for p in parts if p)
                elif "." in target:
                    head, _, key = target.partition(".")
                    out.setdefault(head, {})[key] = cell
                else:
                    out[target] = cell
            return out

        def values_with(cells: list[str], required: str) -> dict[str, Any]:
            data = values(cells)
            if required not in data:
                raise RecordError("the cell is empty, but a value is required", field=required)
            return data

        unknown_kinds: set[str] = set()

        def institution(cells: list[str], row: int) -> Institution:
            data = values_with(cells, "name")
            data.setdefault("id", f"{stem}-{row}")
            if "kind" in data:
                kind = institution_kind(data["kind"])
                if kind is None:  # free text ("Public"): the row is kept, without a kind
                    text = data.pop("kind")
                    if text not in unknown_kinds:
                        unknown_kinds.add(text)
                        log.warning(
                            "%s row %d: kind: %r names no kind of institution (%s); left out of kind "
                            "for every row that gives it",
                            self.config.path,
                            row,
                            text[:40],
                            ", ".join(k.value for k in InstitutionKind),
                        )
                else:
                    data["kind"] = kind
            return Institution(**data)

        def partnership(cells: list[str], row: int) -> Partnership:
            data = values_with(cells, "kind")
            names = data.pop("parties", [])
            ids = data.pop("party_ids", [])
            if ids and len(ids) != len(names):
                raise RecordError(f"{len(ids)} party ids for {len(names)} parties", field="party_ids")
            data["parties"] = tuple(
                Party(n, institution_id=ids[k] if ids and ids[k] != "-" else None) for k, n in enumerate(names)
            )
            if "location" in data:
                data["location"] = Location(**data["location"])
            if "evidence" in data:
                if "quote" not in data["evidence"]:
                    raise RecordError("a source needs an evidence quote column too", field="evidence")
                data["evidence"] = (Evidence(**data["evidence"]),)
            return Partnership(**data)

        return institution if is_institution else partnership


def _bad_bytes(cells: list[str], header: list[str], encoding: str) -> RecordError | None:
    """The error for a row with a byte that is not valid in the file's encoding, naming the column."""
    for i, cell in enumerate(cells):
        byte = bad_byte(cell)
        if byte is not None:
            column = header[i].strip() if i < len(header) and header[i].strip() else f"column {i + 1}"
            return RecordError(
                f"not valid {encoding} text (byte '{byte}'); fix the byte, or set the file's encoding (the csv "
                "source's encoding option) if many rows say so",
                field=column,
            )
    return None


def csv_reason(exc: csv.Error) -> str:
    """What a csv.Error means, for a person fixing the file."""
    reason = str(exc)
    if reason == "unexpected end of data":
        return "a quote opened in this row is never closed: the rest of the file was read into one value"
    if reason.startswith("field larger than field limit"):
        return f"a value is longer than {csv.field_size_limit():,} characters (a quote never closed?)"
    return f"not readable as CSV ({reason}; a quote inside a value must be doubled)"


#: Excel's first line ``sep=;`` (written by hand or by tools so that Excel splits the columns).
_EXCEL_SEP = re.compile(r'"?sep=([^\r\n])"?\r?\n?')


def excel_separator(line: str) -> str | None:
    r"""The delimiter a first line ``sep=X`` states (Excel reads and writes it), else None.

    >>> excel_separator("sep=;\r\n"), excel_separator("name;country\n")
    (';', None)
    """
    found = _EXCEL_SEP.fullmatch(line.removeprefix("\ufeff"))
    return found.group(1) if found else None


def sniff_delimiter(text: io.TextIOBase | Any) -> str:
    """The delimiter, sniffed from whole lines of the start of the file (then rewound)."""
    sample = text.read(_SNIFF_BYTES)
    text.seek(0)
    if len(sample) == _SNIFF_BYTES and "\n" in sample:
        sample = sample[: sample.rindex("\n") + 1]  # whole lines only
    try:
        return csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter
    except csv.Error:
        first = sample.partition("\n")[0]
        counts = {d: first.count(d) for d in _DELIMITERS}
        best = max(counts, key=lambda d: counts[d])
        return best if counts[best] else ","
