"""Reconciliation queries in, candidates out (Reconciliation Service API 0.2).

A query batch is ``{"q0": {"query": ..., "type": ..., "limit": ..., "properties":
[{"pid": ..., "v": ...}], "type_strict": ...}, ...}``. Every key gets an answer; the
properties ``country`` and ``city`` become hints to the matcher; ``match`` is true for at
most one candidate: the first, and only when the matcher decided MATCH for it alone.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from partnerkit._errors import RecordError
from partnerkit._model import country_code
from partnerkit._service._entities import Catalogue, describe
from partnerkit._service._protocol import FiredRule, MatchLike, RegistryLike
from partnerkit.rules import Decision

__all__ = ["ORGANIZATION", "PROPERTIES", "QueryError", "is_match", "reconcile_batch"]

log = logging.getLogger("partnerkit.service")

ORGANIZATION: dict[str, str] = {"id": "Organization", "name": "Organization"}

#: The properties a query may carry (offered by property suggest), with their aliases.
PROPERTIES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "country": (
        "Country",
        "ISO 3166 code or a country name in any language; narrows candidates to that country",
        ("country", "countrycode", "country_code", "p17"),
    ),
    "city": ("City", "City of the institution; favours candidates in that city", ("city", "location", "p131")),
}
_PID = {alias: pid for pid, (_, _, aliases) in PROPERTIES.items() for alias in aliases}


_MAX_QUERY = 1000


class QueryError(ValueError):
    """A query batch that cannot be answered as sent; the message names the query key."""


def is_match(decision: Any) -> bool:
    """Whether a matcher decision is MATCH (:attr:`partnerkit.Decision.MATCH`, or a like-named member)."""
    return bool(decision == Decision.MATCH or getattr(decision, "name", None) == "MATCH")


def _values(v: Any) -> list[str]:
    """The texts of a property value: strings, numbers, ``{id, name}`` objects, or lists of these."""
    items = v if isinstance(v, list) else [v]
    out: list[str] = []
    for item in items:
        if isinstance(item, Mapping):
            out.extend(str(item[k]) for k in ("id", "name") if isinstance(item.get(k), str | int | float))
        elif isinstance(item, str | int | float) and not isinstance(item, bool):
            out.append(str(item))
    return [s.strip() for s in out if s.strip()]


def _hints(key: str, properties: Any) -> tuple[str | None, dict[str, str]]:
    """The country code and the other matcher hints of a query's properties."""
    if properties is None:
        return None, {}
    if not isinstance(properties, list):
        raise QueryError(f"{key}: 'properties' must be a list of {{pid, v}} objects")
    country: str | None = None
    hints: dict[str, str] = {}
    for i, prop in enumerate(properties):
        if not isinstance(prop, Mapping) or not isinstance(prop.get("pid"), str) or "v" not in prop:
            raise QueryError(f"{key}: properties[{i}] must be an object with a string 'pid' and a 'v'")
        pid = _PID.get(prop["pid"].strip().casefold())
        values = _values(prop["v"])
        if pid == "country" and country is None:
            for value in values:
                try:
                    country = country_code(value)
                    break
                except RecordError:
                    continue
            else:
                log.debug("%s: no country in property value; hint ignored", key)
        elif pid == "city" and values and "city" not in hints:
            # for {id, name}, the name is the city; the id is some other service's id
            v = prop["v"]
            name = v.get("name") if isinstance(v, Mapping) else None
            hints["city"] = name.strip() if isinstance(name, str) and name.strip() else values[-1]
        elif pid is None:
            log.debug("%s: unknown property %r ignored", key, prop["pid"][:40])
    return country, hints


def _limit(key: str, value: Any, default: int, maximum: int) -> int:
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise QueryError(f"{key}: 'limit' must be a number")
    n = int(value)
    return default if n < 1 else min(n, maximum)


def _feature_value(value: Any) -> bool | float:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and math.isfinite(value):
        return round(float(value), 4)
    return True  # the rule fired; its value is not a number


def _features(explanation: Iterable[FiredRule]) -> list[dict[str, Any]]:
    features: dict[str, bool | float] = {}
    for fired in explanation:
        rule = fired.rule
        name = rule if isinstance(rule, str) else str(getattr(rule, "name", rule))
        features.setdefault(name, _feature_value(fired.value))
    return [{"id": k, "value": v} for k, v in features.items()]


def _score(value: float) -> float:
    value = float(value)
    if not math.isfinite(value):
        return 0.0
    return round(100.0 * min(max(value, 0.0), 1.0), 2)


def _candidates(
    matches: Sequence[MatchLike], catalogue: Catalogue, limit: int, country: str | None
) -> list[dict[str, Any]]:
    # the country property narrows: an institution known to be elsewhere is no candidate
    kept = [m for m in matches if country is None or m.institution.country in (None, country)]
    scored = sorted(((_score(m.score), is_match(m.decision), m) for m in kept), key=lambda t: (-t[0], not t[1]))
    decided = sum(1 for _, matched, _ in scored if matched)
    out: list[dict[str, Any]] = []
    for rank, (score, matched, m) in enumerate(scored[:limit]):
        inst = m.institution
        candidate: dict[str, Any] = {
            "id": catalogue.sid(inst),
            "name": inst.name,
            "score": score,
            "match": bool(rank == 0 and matched and decided == 1),
            "type": [dict(ORGANIZATION)],
            "features": _features(m.explanation),
        }
        description = describe(inst)
        if description:
            candidate["description"] = description
        out.append(candidate)
    return out


def reconcile_batch(
    queries: Any,
    registry: RegistryLike,
    catalogue: Catalogue,
    *,
    default_limit: int,
    max_limit: int,
) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """Answer every query of a batch.

    Raises:
        QueryError: the batch or one query is not shaped as the API says.
    """
    if not isinstance(queries, Mapping):
        raise QueryError("'queries' must be a JSON object of queries keyed q0, q1, ...")
    results: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for key, query in queries.items():
        if not isinstance(query, Mapping):
            raise QueryError(f"{key}: a query must be a JSON object")
        text = query.get("query")
        if text is not None and not isinstance(text, str):
            raise QueryError(f"{key}: 'query' must be a string")
        limit = _limit(key, query.get("limit"), default_limit, max_limit)
        country, hints = _hints(key, query.get("properties"))
        text = (text or "").strip()[:_MAX_QUERY]  # a name, not a document
        if not text:
            results[key] = {"result": []}
            continue
        # ask for at least two, so that a second MATCH (an ambiguous name) is seen
        matches = registry.match(text, country=country, limit=max(limit, 2), city=hints.get("city"))
        results[key] = {"result": _candidates(matches, catalogue, limit, country)}
    return results
