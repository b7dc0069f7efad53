"""Streaming of raw ROR records out of dumps: zip, JSON array, JSON Lines, folders, gzip.

Nothing here knows the ROR schema: it yields ``(value, locator, row)`` for every JSON value
of a file, where ``row`` is the 1-based line of a JSON Lines file or the 1-based position of
the value in a JSON array. A JSON array is read incrementally (a megabyte at a time through
the C-accelerated ``json`` scanner), so a dump of any size is read in constant memory.

Bytes that are not UTF-8 come through as lone surrogates (``surrogateescape``): the record
(line or array element) holding one is a RecordError naming its row, and the other records
are read.
"""

from __future__ import annotations

import gzip
import io
import itertools
import json
import os
import re
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any, cast

from partnerkit import RecordError, SourceError

__all__ = ["RawRecord", "iter_raw"]

#: (the decoded JSON value, the file it came from, its row) or a RecordError for a bad line.
RawRecord = tuple[Any, str, int]

_SUFFIXES = (".json", ".jsonl", ".ndjson", ".json.gz", ".jsonl.gz", ".ndjson.gz", ".zip")
_WS = re.compile(r"[ \t\n\r]*")
_CHUNK = 1 << 20
_decoder = json.JSONDecoder()
_ESCAPED = re.compile("[\udc80-\udcff]")  # what surrogateescape makes of a byte that is not UTF-8


def _not_utf8(text: str, name: str, row: int, start: int = 0, end: int | None = None) -> RecordError | None:
    """The error for a record whose text ``text[start:end]`` holds a byte that is not UTF-8."""
    found = _ESCAPED.search(text, start, len(text) if end is None else end)
    if found is None:
        return None
    byte = ord(found.group()) - 0xDC00
    return RecordError(f"not valid UTF-8 text (byte '\\x{byte:02x}')", row=row, locator=name)


def _report(error: RecordError, on_error: Callable[[RecordError], None] | None) -> None:
    if on_error is None:
        raise error
    on_error(error)


def _is_data_file(name: str) -> bool:
    lower = name.lower()
    return lower.endswith(_SUFFIXES) and not Path(lower).name.startswith(".")


def iter_raw(path: str | os.PathLike[str], on_error: Callable[[RecordError], None] | None) -> Iterator[RawRecord]:
    """Every JSON value of every data file at ``path`` (a file, a zip or a folder)."""
    p = Path(path)
    if p.is_dir():
        files = sorted(f for f in p.rglob("*") if f.is_file() and _is_data_file(f.name))
        if not files:
            raise SourceError(f"{p}: no .json, .jsonl or .zip files in this folder", source="ror", locator=str(p))
        for f in files:
            yield from _iter_file(f, on_error)
    elif p.is_file():
        yield from _iter_file(p, on_error)
    else:
        raise SourceError(f"{p}: no such file or folder", source="ror", locator=str(p))


def _iter_file(path: Path, on_error: Callable[[RecordError], None] | None) -> Iterator[RawRecord]:
    name = str(path)
    if path.name.lower().endswith(".zip"):
        yield from _iter_zip(path, on_error)
        return
    try:
        raw = cast("IO[bytes]", gzip.open(path, "rb") if name.lower().endswith(".gz") else open(path, "rb"))  # noqa: SIM115
    except OSError as exc:
        raise SourceError(f"{name}: cannot open ({exc.strerror or exc})", source="ror", locator=name) from None
    with raw:
        yield from _iter_stream(raw, name, on_error)


def _iter_zip(path: Path, on_error: Callable[[RecordError], None] | None) -> Iterator[RawRecord]:
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as exc:
        raise SourceError(f"{path}: not a readable zip file ({exc})", source="ror", locator=str(path)) from None
    with archive:
        members = [m for m in archive.namelist() if _is_data_file(m) and not m.lower().endswith(".zip")]
        # Dumps of 2024 carry the same records twice, in schema v1 and in schema v2: take v2.
        v2 = [m for m in members if "schema_v2" in m.lower()]
        chosen = sorted(v2 or members)
        if not chosen:
            raise SourceError(f"{path}: the zip holds no .json or .jsonl file", source="ror", locator=str(path))
        for member in chosen:
            with archive.open(member) as raw:
                stream = cast("IO[bytes]", gzip.GzipFile(fileobj=raw)) if member.lower().endswith(".gz") else raw
                yield from _iter_stream(stream, f"{path}!{member}", on_error)


def _iter_stream(raw: IO[bytes], name: str, on_error: Callable[[RecordError], None] | None) -> Iterator[RawRecord]:
    with io.TextIOWrapper(raw, encoding="utf-8-sig", errors="surrogateescape", newline="") as text:
        yield from _iter_text(text, name, on_error)


def _iter_text(text: IO[str], name: str, on_error: Callable[[RecordError], None] | None) -> Iterator[RawRecord]:
    first = text.read(1)
    while first and first in " \t\r\n":
        first = text.read(1)
    if not first:
        return
    if first == "[":
        yield from _iter_array(text, name, on_error)
    else:
        yield from _iter_lines(first + text.readline(), text, name, on_error)


def _iter_lines(
    first_line: str, text: IO[str], name: str, on_error: Callable[[RecordError], None] | None
) -> Iterator[RawRecord]:
    """JSON Lines; or, if the first line is not a whole value, one or more pretty-printed values."""
    try:
        first_value = json.loads(first_line)
    except json.JSONDecodeError:
        # Not JSON Lines: a pretty-printed record (like ror-records' <id>.json files).
        yield from _iter_concatenated(first_line + text.read(), name, on_error)
        return
    for row, line in enumerate(itertools.chain((first_line,), text), start=1):
        if not line.strip():
            continue
        if not line.isascii() and (bad := _not_utf8(line, name, row)) is not None:
            _report(bad, on_error)
            continue
        if row == 1:
            yield first_value, name, 1
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            _report(RecordError(f"not valid JSON ({exc.msg} at column {exc.colno})", row=row, locator=name), on_error)
            continue
        yield value, name, row


def _iter_concatenated(content: str, name: str, on_error: Callable[[RecordError], None] | None) -> Iterator[RawRecord]:
    pos, row = 0, 0
    dirty = not content.isascii() and _ESCAPED.search(content) is not None
    while True:
        pos = _WS.match(content, pos).end()  # type: ignore[union-attr]
        if pos >= len(content):
            return
        start = pos
        try:
            value, pos = _decoder.raw_decode(content, pos)
        except json.JSONDecodeError as exc:
            raise SourceError(
                f"{name}: not JSON, JSON Lines or a JSON array ({exc.msg} at line {exc.lineno} column {exc.colno})",
                source="ror",
                locator=name,
            ) from None
        row += 1
        if dirty and (bad := _not_utf8(content, name, row, start, pos)) is not None:
            _report(bad, on_error)
            continue
        yield value, name, row


def _iter_array(text: IO[str], name: str, on_error: Callable[[RecordError], None] | None) -> Iterator[RawRecord]:
    """The values of a top-level JSON array, read a chunk at a time."""
    buf, pos, eof, row = "", 0, False, 0
    line = 1  # line of buf[0] in the file, for error messages
    dirty = False  # whether buf holds a byte that is not UTF-8

    def fill() -> None:
        nonlocal buf, pos, eof, line, dirty
        chunk = text.read(max(_CHUNK, len(buf) - pos))  # grows for a value larger than a chunk
        line += buf.count("\n", 0, pos)
        buf = buf[pos:] + chunk
        pos = 0
        eof = not chunk
        dirty = not buf.isascii() and _ESCAPED.search(buf) is not None

    def fail(what: str, at: int) -> SourceError:
        where = line + buf.count("\n", 0, at)
        return SourceError(f"{name}: broken JSON array at line {where}: {what}", source="ror", locator=name)

    def skip_ws() -> None:
        nonlocal pos
        while True:
            pos = _WS.match(buf, pos).end()  # type: ignore[union-attr]
            if pos < len(buf) or eof:
                return
            fill()

    skip_ws()
    if pos < len(buf) and buf[pos] == "]":
        pos += 1
        skip_ws()
        if pos < len(buf):
            raise fail("text after the end of the array", pos)
        return
    while True:
        skip_ws()
        while True:
            try:
                value, end = _decoder.raw_decode(buf, pos)
            except json.JSONDecodeError as exc:
                if eof:
                    truncated = exc.pos >= len(buf.rstrip())
                    raise fail("the array is not closed (truncated file?)" if truncated else exc.msg, exc.pos) from None
                fill()
                continue
            if end == len(buf) and not eof:  # a number or literal may continue in the next chunk
                fill()
                continue
            break
        start, pos = pos, end
        row += 1
        if dirty and (bad := _not_utf8(buf, name, row, start, end)) is not None:
            _report(bad, on_error)
        else:
            yield value, name, row
        skip_ws()
        if pos >= len(buf):
            raise fail("the array is not closed (truncated file?)", pos)
        if buf[pos] == ",":
            pos += 1
            continue
        if buf[pos] == "]":
            pos += 1
            skip_ws()
            if pos < len(buf):
                raise fail("text after the end of the array", pos)
            return
        raise fail(f"expected ',' or ']' after record {row}", pos)
