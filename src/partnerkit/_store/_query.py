"""SQL conditions of ``Store.partnerships``: who the parties are, kinds, date range, country."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

from partnerkit._errors import RecordError
from partnerkit._model import PartialDate, PartnershipKind, country_code, to_partial_date_or_none
from partnerkit._store._keys import name_key

__all__ = ["partnership_conditions"]


def _party_condition(institution: str, ids: list[str], alias: str) -> tuple[str, list[Any]]:
    """SQL on party row ``alias``: the party is ``institution`` (by id, or by a name of it)."""
    marks = ",".join("?" * len(ids))
    by_id = f"{alias}.institution_id IN ({marks}) OR " if ids else ""
    # Parties not linked to an institution count when their stated name is a name of it.
    condition = (
        f"({by_id}({alias}.institution_id IS NULL AND {alias}.name_key IN "
        f"(SELECT key FROM institution_name WHERE institution_id IN ({marks}) UNION SELECT ?)))"
    )
    return condition, [*ids, *ids, name_key(institution)]


def _party_rowids(institution: str, ids: list[str]) -> tuple[str, list[Any]]:
    """SQL selecting the partnerships with a party that is ``institution`` (through the indexes)."""
    marks = ",".join("?" * len(ids))
    sql = (
        f"SELECT partnership FROM party WHERE institution_id IN ({marks})"
        " UNION SELECT partnership FROM party WHERE institution_id IS NULL AND name_key IN"
        f" (SELECT key FROM institution_name WHERE institution_id IN ({marks}) UNION SELECT ?)"
    )
    return sql, [*ids, *ids, name_key(institution)]


T = TypeVar("T")


def _argument(name: str, convert: Callable[[Any], T], value: Any) -> T:
    """``convert(value)``; a bad value is a RecordError whose field names the argument."""
    try:
        return convert(value)
    except RecordError as exc:
        raise RecordError(exc.reason, field=name) from None
    except ValueError as exc:
        raise RecordError(str(exc), field=name) from None


def _kind_value(kind: PartnershipKind | str) -> str:
    return kind.value if isinstance(kind, PartnershipKind) else PartnershipKind(kind).value


def partnership_conditions(
    resolved: Mapping[str, list[str]],
    *,
    institution: str | None,
    partner: str | None,
    kind: PartnershipKind | str | Iterable[PartnershipKind | str] | None,
    since: PartialDate | str | int | None,
    until: PartialDate | str | int | None,
    country: str | None,
) -> tuple[list[str], list[Any]]:
    """WHERE conditions (joined with AND by the caller) and their arguments.

    ``resolved`` maps ``institution`` and ``partner`` (those given) to their stored ids.
    """
    where: list[str] = []
    args: list[Any] = []
    for who, ids in resolved.items():
        # Narrow down through the party indexes first ...
        sql, more = _party_rowids(who, ids)
        where.append(f"partnership.rowid IN ({sql})")
        args.extend(more)
    if institution is not None and partner is not None:
        # ... then ask for two different parties: one is ``institution``, one ``partner``.
        first, first_args = _party_condition(institution, resolved[institution], "p0")
        second, second_args = _party_condition(partner, resolved[partner], "p1")
        where.append(
            "EXISTS (SELECT 1 FROM party p0 JOIN party p1 ON p1.partnership = p0.partnership"
            f" AND p1.position != p0.position WHERE p0.partnership = partnership.rowid AND {first} AND {second})"
        )
        args.extend([*first_args, *second_args])
    if kind is not None:
        kinds = [kind] if isinstance(kind, str) else list(kind)
        values = [_argument("kind", _kind_value, k) for k in kinds]
        where.append(f"kind IN ({','.join('?' * len(values))})")
        args.extend(values)
    start = _argument("since", to_partial_date_or_none, since)
    end = _argument("until", to_partial_date_or_none, until)
    if start is not None:
        where.append("last_day >= ?")
        args.append(start.first_day().isoformat())
    if end is not None:
        where.append("first_day <= ?")
        args.append(end.last_day().isoformat())
    if country is not None:
        where.append(
            "EXISTS (SELECT 1 FROM party c JOIN institution i ON i.id = c.institution_id"
            " WHERE c.partnership = partnership.rowid AND i.country = ?)"
        )
        args.append(_argument("country", country_code, country))
    return where, args
