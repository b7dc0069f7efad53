"""partnerkit-example: a register of signed agreements as a partnerkit source.

Each non-blank line of the register is ``DATE | KIND | PARTY ; PARTY ; ...``; lines
starting with ``#`` are comments. The register only grows, so the state is the number
of lines read: a second read yields only the new ones.
"""

from __future__ import annotations

import os
from collections.abc import Generator
from typing import Any

import attrs

import partnerkit as pk
from partnerkit.sources import Source, SourceItem, State

__all__ = ["AgreementRegister"]


def _is_file(_instance: Any, attribute: attrs.Attribute[Any], value: str) -> None:
    if not value.endswith(".txt"):
        raise pk.ConfigError("expected a .txt file", path=attribute.name)


class AgreementRegister(Source):
    """Signed agreements from a register file (DATE | KIND | PARTY ; PARTY)."""

    name = "example"
    api_version = (1, 0)
    capabilities = frozenset({"files", "incremental"})
    record_types = (pk.Partnership,)

    @attrs.frozen
    class Config:
        """Options: ``path``, the register file; ``status``, the status of its agreements."""

        path: str = attrs.field(validator=_is_file)
        status: str = "signed"

    def items(self, state: State | None) -> Generator[SourceItem | pk.RecordError, None, State | None]:
        path = self.config.path
        done = int((state or {}).get("lines", 0))
        if not os.path.isfile(path):
            raise pk.SourceError(f"{path}: no such file", source=self.name, locator=path)
        row = 0
        with open(path, "rb") as register:  # decoded line by line: one bad byte spoils one line only
            for row, raw in enumerate(register, start=1):
                if row <= done or not raw.strip() or raw.startswith(b"#"):
                    continue
                try:
                    record = self._parse(raw)
                except pk.RecordError as error:
                    yield error.at(row=row, locator=path)  # reported; reading goes on
                    continue
                yield SourceItem(record, self.provenance(f"{path} row {row}", native_id=f"{path}#{row}"))
        return {"lines": max(row, done)}

    def _parse(self, raw: bytes) -> pk.Partnership:
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise pk.RecordError(f"not valid UTF-8 ({exc.reason}); save the register as UTF-8") from None
        fields = [f.strip() for f in line.split("|")]
        if len(fields) != 3:
            raise pk.RecordError(f"expected DATE | KIND | PARTIES, got {len(fields)} fields")
        date, kind, parties = fields
        return pk.Partnership(
            kind=kind,
            date=date,
            status=self.config.status,
            parties=tuple(pk.Party(name.strip()) for name in parties.split(";") if name.strip()),
        )
