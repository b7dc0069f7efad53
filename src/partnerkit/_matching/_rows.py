"""Institutions kept in a registry as rows of plain field values (picklable, cheap to load).

An :class:`Institution` is made from its row when first read: the values were validated when the
registry was built, so no converters run again.
"""

from __future__ import annotations

import operator
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, overload

import attrs

from partnerkit._model import Institution, InstitutionKind, Relationship, RelationType

__all__ = ["Institutions"]

_FIELDS = tuple(a.name for a in attrs.fields(Institution))


class Institutions(Sequence[Institution]):
    """Institutions kept as tuples of field values; an Institution is made when first read.

    Loading a saved registry then costs one tuple per institution, not one validated object.
    The tuples hold plain values only (the kind and relationship types as strings,
    relationships as tuples), which pickle several times faster than enums and attrs objects:
    a registry is pickled for every save and every Dask or Spark shipment.
    """

    __slots__ = ("_made", "_rows")

    def __init__(self, institutions: Iterable[Institution]) -> None:
        self._made: list[Institution | None] = list(institutions)
        self._rows: list[tuple[object, ...]] | None = None

    def __len__(self) -> int:
        return len(self._made)

    @overload
    def __getitem__(self, i: int) -> Institution: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[Institution]: ...
    def __getitem__(self, i: int | slice) -> Institution | Sequence[Institution]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        made = self._made[i]
        if made is None:
            assert self._rows is not None
            made = self._made[i] = _from_row(self._rows[i])
        return made

    def __getstate__(self) -> list[tuple[object, ...]]:
        rows = self._rows  # rows never read since loading are pickled as they came
        return [rows[i] if made is None and rows is not None else _to_row(self[i]) for i, made in enumerate(self._made)]

    def __setstate__(self, rows: list[tuple[object, ...]]) -> None:
        self._rows = rows
        self._made = [None] * len(rows)

    def profiled(self, i: int) -> tuple[Any, ...]:
        """``(id, country, city, identifiers, domains)`` of institution ``i``, making no Institution.

        A candidate name's profile needs these five only; most candidates never become a match.
        """
        made = self._made[i]
        if made is None and self._rows is not None:
            row = self._rows[i]
            return row[_ID], row[_COUNTRY], row[_CITY], row[_IDENTIFIERS], row[_DOMAINS]
        inst = self[i]
        return inst.id, inst.country, inst.city, inst.identifiers, inst.domains

    def plain(self, *fields: str) -> Iterator[tuple[Any, ...]]:
        """The values of ``fields`` of every institution in their pickled form, making no Institution.

        The kind and relationship types are strings there, and a relationship is a
        ``(type, id, label)`` tuple.
        """
        at = [_FIELDS.index(f) for f in fields]
        rows = self._rows
        as_made = _KIND not in at and _RELATIONSHIPS not in at  # fields an Institution holds as they are pickled
        get, one = operator.attrgetter(*fields), len(fields) == 1
        for i, made in enumerate(self._made):
            if made is None and rows is not None:
                row = rows[i]
            elif as_made:
                got = get(made if made is not None else self[i])
                yield (got,) if one else got
                continue
            else:
                row = _to_row(self[i])
            yield tuple(row[j] for j in at)


_KIND = _FIELDS.index("kind")
_ID, _COUNTRY, _CITY = _FIELDS.index("id"), _FIELDS.index("country"), _FIELDS.index("city")
_IDENTIFIERS, _DOMAINS = _FIELDS.index("identifiers"), _FIELDS.index("domains")
_KINDS: dict[object, InstitutionKind] = {k.value: k for k in InstitutionKind}
_RELATION_TYPES = {t.value: t for t in RelationType}
_RELATIONSHIPS = _FIELDS.index("relationships")


def _to_row(inst: Institution) -> tuple[object, ...]:
    row = [getattr(inst, f) for f in _FIELDS]
    row[_KIND] = inst.kind.value
    row[_RELATIONSHIPS] = tuple((r.type.value, r.id, r.label) for r in inst.relationships)
    return tuple(row)


def _from_row(row: tuple[object, ...]) -> Institution:
    # the values were validated when the registry was built: no converters run again
    made = object.__new__(Institution)
    for name, value in zip(_FIELDS, row, strict=True):
        object.__setattr__(made, name, value)
    object.__setattr__(made, "kind", _KINDS[row[_KIND]])
    rels = row[_RELATIONSHIPS]
    assert isinstance(rels, tuple)
    if rels:
        object.__setattr__(made, "relationships", tuple(_relationship(*r) for r in rels))
    return made


def _relationship(type: str, id: str, label: str | None) -> Relationship:
    made = object.__new__(Relationship)
    object.__setattr__(made, "type", _RELATION_TYPES[type])
    object.__setattr__(made, "id", id)
    object.__setattr__(made, "label", label)
    return made
