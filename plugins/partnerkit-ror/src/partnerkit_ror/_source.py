"""The ``ror`` source: a ROR data dump (or the ROR REST API) as a partnerkit source."""

from __future__ import annotations

from collections.abc import Generator

import attrs

from partnerkit import Institution, RecordError
from partnerkit.sources import Source, SourceItem, State
from partnerkit_ror._convert import to_institution
from partnerkit_ror._files import iter_raw

__all__ = ["RorSource"]


class RorSource(Source):
    """Institutions from the ROR registry: a data dump (zip, JSON, JSON Lines, folder), schema v2 or v1."""

    name = "ror"
    capabilities = frozenset({"files"})
    record_types = (Institution,)

    @attrs.frozen
    class Config:
        """Options of the ror source.

        Attributes:
            path: the dump: the zip as ROR publishes it, a JSON array or JSON Lines file
                (``.gz`` too), or a folder of such files.
        """

        path: str

    def items(self, state: State | None) -> Generator[SourceItem | RecordError, None, State | None]:
        errors: list[RecordError] = []
        for raw, locator, row in iter_raw(self.config.path, errors.append):
            if errors:
                yield from errors
                errors.clear()
            try:
                institution = to_institution(raw)
            except RecordError as exc:
                yield exc.at(row=row, locator=locator)
                continue
            yield SourceItem(institution, self.provenance(f"{locator} row {row}", institution.id))
        yield from errors
        return None
