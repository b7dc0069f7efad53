"""The built-in ``jsonl`` source: JSON Lines written by :func:`partnerkit.dump_jsonl`."""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Generator
from pathlib import Path
from typing import Any

import attrs

from partnerkit._codec import read_jsonl
from partnerkit._errors import ConfigError, RecordError, SourceError
from partnerkit._model import Article, Institution, Partnership
from partnerkit.sources._contract import Source, SourceItem, State
from partnerkit.sources._textfile import not_a_file

__all__ = ["JsonlSource", "holds_ror_records", "native_id"]

_TYPES: dict[str, type[Any]] = {"Institution": Institution, "Partnership": Partnership, "Article": Article}


def _record_type(_instance: Any, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and value not in _TYPES:
        raise ConfigError(f"expected one of: {', '.join(_TYPES)}", path=attribute.name)


def holds_ror_records(path: str | os.PathLike[str]) -> bool:
    """Whether a JSON Lines file holds ROR records (its first record's id is ``https://ror.org/...``),
    not partnerkit's: the ``ror`` source reads those."""
    p = Path(path)
    if not p.is_file():  # a named pipe or stdin: peeking would eat its first line
        return False
    try:
        # bytes, not text: a line that is not UTF-8 is for the reader to report with its row
        with gzip.open(p, "rb") if p.suffix.lower() == ".gz" else p.open("rb") as fh:
            for line in fh:
                if line.strip():
                    first = json.loads(line.decode("utf-8-sig", errors="replace"))
                    return isinstance(first, dict) and str(first.get("id", "")).startswith("https://ror.org/")
    except (OSError, EOFError, ValueError):  # unreadable or not JSON: for the reader to report
        return False
    return False


def native_id(record: Any) -> str | None:
    """The id a record carries itself: an institution's or partnership's id, an article's URL."""
    value = getattr(record, "id", None) if not isinstance(record, Article) else record.url
    return value if isinstance(value, str) else None


class JsonlSource(Source):
    """JSON Lines of partnerkit records (Institution, Partnership or Article), as dump_jsonl writes them."""

    name = "jsonl"
    capabilities = frozenset({"files"})
    record_types = (Institution, Partnership, Article)

    @attrs.frozen
    class Config:
        """Options of the jsonl source.

        Attributes:
            path: the file (``.gz`` is decompressed).
            type: the record type; by default the one named in the file's header line.
        """

        path: str
        type: str | None = attrs.field(default=None, validator=_record_type)

    def items(self, state: State | None) -> Generator[SourceItem | RecordError, None, State | None]:
        path = self.config.path
        cls = _TYPES[self.config.type] if self.config.type else None
        if not os.path.exists(path) or os.path.isdir(path):  # a named pipe or /dev/stdin is fine
            raise not_a_file(path, self.name)

        def choose(header: dict[str, Any] | None) -> type[Any] | None:
            if header is None and holds_ror_records(path):  # each row would be rejected, 100,000 times
                raise SourceError(
                    f"{path}: holds ROR records, not partnerkit's: read it with the ror source "
                    f"(partnerkit import ror -o path={path})",
                    source=self.name,
                )
            if cls is not None:
                return cls
            if header is None:
                raise SourceError(
                    f"{path}: no header line names the record type; set the option type", source=self.name
                )
            return _TYPES.get(str(header.get("type")), Institution)

        for row, result in read_jsonl(path, choose):
            if isinstance(result, RecordError):
                yield result
            else:
                yield SourceItem(result, self.provenance(f"{path} row {row}", native_id(result)))
        return None
