"""The one cattrs converter: JSON-safe dicts and JSON Lines files for every public class.

Enums become their value, partial dates ISO strings, date-times ISO 8601 strings in UTC,
tuples lists; fields at their default are left out. Structuring is strict: unknown keys
and wrong types are errors that name the path (``parties[1].institution_id: expected
str``) and never echo the record.
"""

from __future__ import annotations

import codecs
import datetime as _dt
import enum
import gzip
import json
import logging
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import IO, Any, TypeVar, cast, get_args, get_origin

import attrs
import cattrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

from partnerkit._errors import RecordError, SourceError
from partnerkit._model import InstitutionKind, NameType, PartialDate, PartnershipKind, RelationType, Status
from partnerkit._model._records import _datetime

__all__ = [
    "SCHEMA_VERSION",
    "converter",
    "dump_jsonl",
    "from_dict",
    "load_jsonl",
    "to_dict",
]

log = logging.getLogger("partnerkit")

T = TypeVar("T")

#: Version of the dict layout written by :func:`to_dict` and :func:`dump_jsonl`.
SCHEMA_VERSION = 1

PathOrFile = str | os.PathLike[str] | IO[str]


def _strict(kind: type[Any], label: str) -> Callable[[Any, Any], Any]:
    def structure(value: Any, _type: Any) -> Any:
        if type(value) is not kind and not (kind is float and type(value) is int):
            raise TypeError(f"expected {label}, got {type(value).__name__}")
        return value

    return structure


def _structure_partial_date(value: Any, _type: Any) -> PartialDate:
    if not isinstance(value, str):
        raise TypeError(f"expected an ISO date string, got {type(value).__name__}")
    return PartialDate.parse(value)


def _structure_datetime(value: Any, _type: Any) -> _dt.datetime:
    result = _datetime(value)
    assert result is not None
    return result


_ENUMS: tuple[type[enum.Enum], ...] = (InstitutionKind, NameType, PartnershipKind, RelationType, Status)


def _unstructure_enum(member: enum.Enum) -> Any:
    return member.value


def _structure_enum(value: Any, t: type[enum.Enum]) -> enum.Enum:
    try:
        return t(value)
    except ValueError:
        allowed = ", ".join(str(m.value) for m in t)
        raise RecordError(f"{str(value)[:40]!r} is not one of: {allowed}") from None


def _is_homogeneous_tuple(t: Any) -> bool:
    args = get_args(t)
    return get_origin(t) is tuple and len(args) == 2 and args[1] is Ellipsis


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True, omit_if_default=True)
    for kind, label in ((str, "str"), (int, "int"), (float, "float"), (bool, "bool")):
        conv.register_structure_hook(kind, _strict(kind, label))
    # cattrs dispatches on the class first (most specific in the MRO wins), so each enum
    # gets its own hook; otherwise the StrEnums would fall to the hooks for str.
    for enum_cls in _ENUMS:
        conv.register_structure_hook(enum_cls, _structure_enum)
        conv.register_unstructure_hook(enum_cls, _unstructure_enum)
    conv.register_unstructure_hook(PartialDate, str)
    conv.register_structure_hook(PartialDate, _structure_partial_date)
    conv.register_unstructure_hook(_dt.datetime, lambda d: d.isoformat())
    conv.register_structure_hook(_dt.datetime, _structure_datetime)

    def tuple_hook(t: Any) -> Callable[[Any, Any], tuple[Any, ...]]:
        elem = get_args(t)[0]

        def structure(value: Any, _type: Any) -> tuple[Any, ...]:
            if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
                raise TypeError(f"expected a list, got {type(value).__name__}")
            hook = conv.get_structure_hook(elem)
            out: list[Any] = []
            errors: list[Exception] = []
            for i, item in enumerate(value):
                try:
                    out.append(hook(item, elem))
                except Exception as exc:  # collected and re-raised as a group below
                    exc.__notes__ = [
                        *getattr(exc, "__notes__", []),
                        IterableValidationNote(f"@ index {i}", i, elem),
                    ]
                    errors.append(exc)
            if errors:
                raise IterableValidationError(f"While structuring {t!r}", errors, t)
            return tuple(out)

        return structure

    conv.register_structure_hook_factory(_is_homogeneous_tuple, tuple_hook)
    return conv


#: The one converter. Use :func:`to_dict` / :func:`from_dict` rather than this directly.
converter = _make_converter()


def _join(path: str, part: str) -> str:
    if not path:
        return part
    return f"{path}{part}" if part.startswith("[") else f"{path}.{part}"


def _errors(exc: BaseException, path: str) -> Iterator[tuple[str, str]]:
    """Flatten cattrs' exception groups into (field path, reason) pairs."""
    if isinstance(exc, ClassValidationError):
        with_notes, without = exc.group_exceptions()
        for sub, note in with_notes:
            yield from _errors(sub, _join(path, note.name))
        for sub in without:
            yield from _errors(sub, path)
    elif isinstance(exc, IterableValidationError):
        with_notes2, without2 = exc.group_exceptions()
        for sub, inote in with_notes2:
            yield from _errors(
                sub, _join(path, f"[{inote.index!r}]" if isinstance(inote.index, str) else f"[{inote.index}]")
            )
        for sub in without2:
            yield from _errors(sub, path)
    elif isinstance(exc, ForbiddenExtraKeysError):
        keys = ", ".join(sorted(str(k)[:40] for k in exc.extra_fields))
        yield path or "record", f"unknown field(s): {keys}"
    elif isinstance(exc, RecordError):
        yield (_join(path, exc.field) if exc.field else path or "record"), exc.reason
    elif isinstance(exc, KeyError):
        yield path or "record", "required field is missing"
    elif isinstance(exc, (TypeError, ValueError, AttributeError)):
        message = str(exc)
        if "not a valid" in message or len(message) > 120:
            message = "invalid value"
        yield path or "record", message
    else:
        yield path or "record", f"{type(exc).__name__}"


def _record_error(exc: BaseException, cls: type[Any]) -> RecordError:
    problems = list(_errors(exc, ""))
    if not problems:
        return RecordError(f"cannot read a {cls.__name__}")
    field, reason = problems[0]
    if len(problems) > 1:
        more = "; ".join(f"{f}: {r}" for f, r in problems[1:5])
        reason = f"{reason} (also {more}{'; ...' if len(problems) > 5 else ''})"
    return RecordError(reason, field=field)


def to_dict(obj: Any) -> dict[str, Any]:
    """Turn a partnerkit record into a JSON-safe dict.

    Raises:
        TypeError: ``obj`` is not a partnerkit record (a dict, a list, None...).

    Example:
        >>> import partnerkit as pk
        >>> pk.to_dict(pk.Party("HUST", institution_id="hust"))
        {'name': 'HUST', 'institution_id': 'hust'}
    """
    result = converter.unstructure(obj) if attrs.has(type(obj)) else None
    if not isinstance(result, dict):
        raise TypeError(f"to_dict expects a partnerkit record, got {type(obj).__name__}")
    return result


def from_dict(cls: type[T], data: Mapping[str, Any]) -> T:
    """Build a record of class ``cls`` from a dict made by :func:`to_dict` (or by hand).

    Raises:
        RecordError: a field is missing, unknown, of the wrong type or invalid; the message
            names the field path, e.g. ``parties[1].institution_id: expected str, got int``.
    """
    if not isinstance(data, Mapping):
        raise RecordError(f"expected an object, got {type(data).__name__}")
    try:
        return converter.structure(data, cls)
    except (
        ClassValidationError,
        IterableValidationError,
        ForbiddenExtraKeysError,
        RecordError,
        KeyError,
    ) as exc:
        raise _record_error(exc, cls) from None
    except (TypeError, ValueError) as exc:
        raise _record_error(exc, cls) from None


@contextmanager
def _open_for_writing(target: PathOrFile) -> Iterator[IO[str]]:
    """A path opened for writing UTF-8 text (gzip-compressed for ``.gz``), or the file given."""
    if isinstance(target, (str, os.PathLike)):
        path = os.fspath(target)
        if path.endswith(".gz"):
            with gzip.open(path, "wt", encoding="utf-8", newline="\n") as gz:
                yield gz
        else:
            with open(path, "w", encoding="utf-8", newline="\n") as fh:
                yield fh
    else:
        yield target


def _name_of(target: PathOrFile) -> str:
    if isinstance(target, (str, os.PathLike)):
        return os.fspath(target)
    return str(getattr(target, "name", "<stream>"))


def dump_jsonl(records: Iterable[Any], path_or_file: PathOrFile) -> int:
    """Write records as JSON Lines, one per line, after a header line with the schema version.

    Streams: records are written as they come, never held in memory. A path ending in
    ``.gz`` is gzip-compressed. A file holds one record type, named in its header line, so
    that :func:`load_jsonl` can read it back.

    Returns:
        The number of records written.

    Raises:
        TypeError: a record is not a partnerkit record (a dict, None...).
        RecordError: a record is of another type than the first one (names the line).
    """
    count = 0
    with _open_for_writing(path_or_file) as fh:
        kind: type[Any] | None = None
        for record in records:
            if kind is None:
                if not attrs.has(type(record)):
                    raise TypeError(f"dump_jsonl writes partnerkit records, got {type(record).__name__}")
                kind = type(record)
                header = {"schema_version": SCHEMA_VERSION, "type": kind.__name__}
                fh.write(json.dumps(header) + "\n")
            elif type(record) is not kind:
                raise RecordError(
                    f"a {type(record).__name__} in a file of {kind.__name__} records: write each record type "
                    "to its own file",
                    row=count + 2,
                    locator=_name_of(path_or_file),
                )
            fh.write(json.dumps(to_dict(record), ensure_ascii=False, separators=(",", ":")) + "\n")
            count += 1
        if kind is None:
            fh.write(json.dumps({"schema_version": SCHEMA_VERSION}) + "\n")
    return count


def _is_header(obj: Any) -> bool:
    return isinstance(obj, dict) and "schema_version" in obj and set(obj) <= {"schema_version", "type"}


def load_jsonl(
    cls: type[T],
    path_or_file: PathOrFile,
    *,
    on_error: Callable[[RecordError], None] | None = None,
) -> Iterator[T]:
    """Read records of class ``cls`` from a JSON Lines file, lazily.

    The header line written by :func:`dump_jsonl` is checked (a newer schema version or
    another record type is an error); a file without a header is read as it is. Blank
    lines and a UTF-8 byte-order mark are skipped.

    Args:
        cls: the record class, e.g. ``pk.Institution``.
        path_or_file: a path (``.gz`` is decompressed) or an open text file.
        on_error: called with the :class:`RecordError` of each bad line, and reading goes
            on; without it the first bad line raises.

    Raises:
        RecordError: a line is not valid UTF-8, not valid JSON or not a valid record (names
            file and row).
        SourceError: the file cannot be opened, was written by a newer schema version or
            holds another type.
    """
    for _row, result in read_jsonl(path_or_file, lambda _header: cls):
        if isinstance(result, RecordError):
            if on_error is None:
                raise result
            log.debug("skipping bad record: %s", result)
            on_error(result)
        else:
            yield result


def read_jsonl(
    path_or_file: PathOrFile, choose: Callable[[dict[str, Any] | None], type[Any] | None]
) -> Iterator[tuple[int, Any]]:
    """The one JSON Lines reader: ``(row, record or RecordError)`` per non-blank line.

    ``choose`` gets the header line (``None`` when the file has none) and returns the
    record class, or ``None`` when it cannot tell (a :class:`SourceError`). The header is
    checked against the class; bad lines come out as located :class:`RecordError` values so
    the caller decides whether to stop.
    """
    name = _name_of(path_or_file)
    cls: type[Any] | None = None
    first = True
    for row, line in _lines(path_or_file, name):
        if isinstance(line, RecordError):
            yield row, line
            continue
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            reason = exc.msg.removesuffix(" at")  # "Invalid control character at"
            yield row, RecordError(f"not valid JSON ({reason} at column {exc.colno})", row=row, locator=name)
            continue
        if first:
            first = False
            header = data if _is_header(data) else None
            cls = choose(header)
            if cls is None:
                raise SourceError(f"{name}: no header line names the record type", locator=name)
            if header is not None:
                _check_header(header, cls, name)
                continue
        assert cls is not None
        try:
            yield row, from_dict(cls, data)
        except RecordError as exc:
            yield row, exc.at(row=row, locator=name)


def _lines(target: PathOrFile, name: str) -> Iterator[tuple[int, str | RecordError]]:
    """The numbered lines of a JSON Lines file, decoded one by one.

    A byte-order mark before the first line is dropped; a line that is not valid UTF-8 is
    a :class:`RecordError` for that row and the next lines are still read. A file that
    cannot be opened is a :class:`SourceError` naming it.
    """
    if isinstance(target, (str, os.PathLike)):
        path = os.fspath(target)
        try:
            raw = cast(IO[bytes], gzip.open(path, "rb") if path.endswith(".gz") else open(path, "rb"))  # noqa: SIM115
        except OSError as exc:
            raise SourceError(f"{path}: cannot open ({exc.strerror or exc})", locator=path) from None
        with raw:
            try:
                for row, data in enumerate(raw, start=1):
                    try:
                        yield row, (data.removeprefix(codecs.BOM_UTF8) if row == 1 else data).decode("utf-8")
                    except UnicodeDecodeError as exc:
                        reason = f"not valid UTF-8 at byte {exc.start + 1} ({exc.reason}); write JSON Lines in UTF-8"
                        yield row, RecordError(reason, row=row, locator=name)
            except (OSError, EOFError) as exc:  # a truncated or corrupt .gz
                raise SourceError(f"{path}: cannot be read ({exc})", locator=path) from None
        return
    row = 0
    try:
        for row, line in enumerate(target, start=1):
            text = line.decode("utf-8") if isinstance(line, bytes) else line
            yield row, text.removeprefix("\ufeff") if row == 1 else text
    except UnicodeDecodeError as exc:
        raise SourceError(f"{name} near row {row + 1}: not valid UTF-8 ({exc.reason})", locator=name) from None


def _check_header(header: dict[str, Any], cls: type[Any], name: str) -> None:
    version = header["schema_version"]
    if not isinstance(version, int) or version > SCHEMA_VERSION or version < 1:
        raise SourceError(
            f"{name}: schema_version {str(version)[:20]} is not supported "
            f"(this partnerkit reads versions 1..{SCHEMA_VERSION}); upgrade partnerkit",
            locator=name,
        )
    kind = header.get("type")
    if kind is not None and kind != cls.__name__:
        raise SourceError(f"{name}: the file holds {str(kind)[:40]} records, not {cls.__name__}", locator=name)
