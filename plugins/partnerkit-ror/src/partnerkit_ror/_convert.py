"""One ROR record (schema v2, or v1) -> one :class:`partnerkit.Institution`.

The mapping:

- ``id`` is the full ROR id ``https://ror.org/04txgxn49`` (what ROR itself uses and what
  relationships point to); ``identifiers["ror"]`` holds the short form ``04txgxn49``.
- names: ``ror_display`` -> ``name``; ``label`` with a language -> ``labels[lang]`` (a
  second label in the same language, or one without a language -> ``aliases``); ``alias``
  -> ``aliases``; ``acronym`` -> ``acronyms``. A label equal to the display name is not
  repeated. Empty names carry nothing and are skipped.
- ``locations[0]`` -> ``country`` (ISO code) and ``city``.
- ``types`` -> ``kind``, the most specific type winning (education before healthcare,
  facility, government, company, nonprofit, archive, funder, other).
- ``relationships`` -> ``Relationship(type, id, label)``.
- ``external_ids``: GRID, Wikidata, ISNI, FundRef -> ``identifiers["grid"]`` etc. (the
  preferred value, else the first); the Wikipedia link -> ``identifiers["wikipedia"]``.
- ``domains`` plus the host names of ``website`` links -> ``domains``.
- ``status`` is kept: ``active``, ``inactive`` or ``withdrawn``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from partnerkit import Institution, InstitutionKind, RecordError, Relationship

__all__ = ["ror_id", "to_institution"]

_ROR_ID = re.compile(r"^(?:https?://)?(?:www\.)?(?:ror\.org/)?(0[a-hj-km-np-tv-z0-9]{6}[0-9]{2})$", re.I)

_KIND_ORDER = (
    "education",
    "healthcare",
    "facility",
    "government",
    "company",
    "nonprofit",
    "archive",
    "funder",
    "other",
)
_KIND_RANK = {name: i for i, name in enumerate(_KIND_ORDER)}
_EXTERNAL = {"grid": "grid", "wikidata": "wikidata", "isni": "isni", "fundref": "fundref"}
_STATUSES = frozenset(("active", "inactive", "withdrawn"))


def ror_id(value: Any) -> tuple[str, str]:
    """The full and the short form of a ROR id given in either form.

    Example:
        >>> ror_id("04txgxn49")
        ('https://ror.org/04txgxn49', '04txgxn49')

    Raises:
        RecordError: the value is not a ROR id.
    """
    if not isinstance(value, str):
        raise RecordError(f"expected a ROR id string, got {type(value).__name__}", field="id")
    match = _ROR_ID.match(value.strip())
    if match is None:
        raise RecordError(f"{value[:40]!r} is not a ROR id", field="id")
    short = match.group(1).lower()
    return f"https://ror.org/{short}", short


def _str(value: Any, field: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise RecordError(f"expected a string, got {type(value).__name__}", field=field)
    return value.strip() or None


def _list(record: Mapping[str, Any], key: str) -> list[Any]:
    value = record.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise RecordError(f"expected a list, got {type(value).__name__}", field=key)
    return value


def _kind(types: list[Any]) -> InstitutionKind:
    best = None
    for t in types:
        if isinstance(t, str):
            rank = _KIND_RANK.get(t.lower())
            if rank is not None and (best is None or rank < best):
                best = rank
    return InstitutionKind(_KIND_ORDER[best]) if best is not None else InstitutionKind.OTHER


def _host(url: Any) -> str | None:
    if not isinstance(url, str) or not url.strip():
        return None
    text = url.strip()
    host = urlsplit(text if "//" in text else f"//{text}").hostname
    return host.removeprefix("www.") if host and "." in host else None


def _relationships(items: list[Any], field: str) -> tuple[Relationship, ...]:
    out = []
    for i, rel in enumerate(items):
        if not isinstance(rel, Mapping):
            raise RecordError(f"expected an object, got {type(rel).__name__}", field=f"{field}[{i}]")
        kind = _str(rel.get("type"), f"{field}[{i}].type")
        target = rel.get("id")
        if kind is None or target is None:
            raise RecordError("needs a type and an id", field=f"{field}[{i}]")
        try:
            full, _ = ror_id(target)
        except RecordError as exc:
            raise RecordError(exc.reason, field=f"{field}[{i}].id") from None
        try:
            out.append(Relationship(kind.lower(), full, _str(rel.get("label"), f"{field}[{i}].label")))
        except RecordError as exc:
            raise RecordError(exc.reason, field=f"{field}[{i}].{exc.field}" if exc.field else f"{field}[{i}]") from None
    return tuple(out)


def to_institution(record: Any) -> Institution:
    """Turn one ROR record (a decoded JSON object of schema v2 or v1) into an Institution.

    Raises:
        RecordError: the record is not a ROR record or a field is invalid; ``field`` names
            the ROR field (``names[2].value``), never the value of a whole record.
    """
    if not isinstance(record, Mapping):
        raise RecordError(f"expected a ROR record (a JSON object), got {type(record).__name__}")
    if "names" in record:
        return _from_v2(record)
    if "name" in record:
        return _from_v1(record)
    raise RecordError("not a ROR record: it has neither 'names' (schema v2) nor 'name' (schema v1)")


def _status(record: Mapping[str, Any]) -> str:
    status = _str(record.get("status"), "status") or "active"
    status = status.lower()
    if status not in _STATUSES:
        raise RecordError(f"{status[:40]!r} is not one of: active, inactive, withdrawn", field="status")
    return status


def _build(**kwargs: Any) -> Institution:
    try:
        return Institution(**kwargs)
    except RecordError as exc:
        # The model names its own field (country, domains...); those are the ROR fields we filled.
        raise RecordError(exc.reason, field=exc.field) from None


def _from_v2(record: Mapping[str, Any]) -> Institution:
    full, short = ror_id(record.get("id"))
    display: str | None = None
    aliases: list[str] = []
    acronyms: list[str] = []
    labels: dict[str, str] = {}
    other_labels: list[tuple[str | None, str]] = []
    for i, entry in enumerate(_list(record, "names")):
        if not isinstance(entry, Mapping):
            raise RecordError(f"expected an object, got {type(entry).__name__}", field=f"names[{i}]")
        value = _str(entry.get("value"), f"names[{i}].value")
        if value is None:
            continue
        types = entry.get("types") or ()
        if not isinstance(types, list):
            raise RecordError(f"expected a list, got {type(types).__name__}", field=f"names[{i}].types")
        if "ror_display" in types and display is None:
            display = value
        if "acronym" in types:
            acronyms.append(value)
        if "alias" in types:
            aliases.append(value)
        if "label" in types and "ror_display" not in types:
            other_labels.append((_str(entry.get("lang"), f"names[{i}].lang"), value))
    for lang, value in other_labels:
        if display is None:
            display = value
        elif lang and lang not in labels and value != display:
            labels[lang] = value
        elif value != display:
            aliases.append(value)
    if display is None:
        display = aliases.pop(0) if aliases else acronyms[0] if acronyms else None
    if display is None:
        raise RecordError("the record has no name", field="names")

    country = city = None
    locations = _list(record, "locations")
    if locations:
        loc = locations[0]
        details = loc.get("geonames_details") if isinstance(loc, Mapping) else None
        if not isinstance(details, Mapping):
            raise RecordError("expected an object with geonames_details", field="locations[0]")
        country = _str(details.get("country_code"), "locations[0].geonames_details.country_code")
        city = _str(details.get("name"), "locations[0].geonames_details.name")

    identifiers = {"ror": short}
    for i, ext in enumerate(_list(record, "external_ids")):
        if not isinstance(ext, Mapping):
            raise RecordError(f"expected an object, got {type(ext).__name__}", field=f"external_ids[{i}]")
        key = _EXTERNAL.get(str(ext.get("type", "")).lower())
        if key is None:
            continue
        values = ext.get("all")
        value = _str(ext.get("preferred"), f"external_ids[{i}].preferred") or (
            _str(values[0], f"external_ids[{i}].all[0]") if isinstance(values, list) and values else None
        )
        if value is not None:
            identifiers.setdefault(key, value)

    domains = [d for d in _list(record, "domains") if isinstance(d, str) and d.strip()]
    for link in _list(record, "links"):
        if isinstance(link, Mapping):
            kind = link.get("type")
            if kind == "website":
                host = _host(link.get("value"))
                if host:
                    domains.append(host)
            elif kind == "wikipedia":
                url = _str(link.get("value"), "links.value")
                if url:
                    identifiers.setdefault("wikipedia", url)

    return _build(
        id=full,
        name=display,
        acronyms=acronyms,
        aliases=aliases,
        labels=labels,
        country=country,
        city=city,
        kind=_kind(_list(record, "types")),
        identifiers=identifiers,
        domains=domains,
        relationships=_relationships(_list(record, "relationships"), "relationships"),
        status=_status(record),
    )


def _from_v1(record: Mapping[str, Any]) -> Institution:
    full, short = ror_id(record.get("id"))
    name = _str(record.get("name"), "name")
    aliases = [a for a in _list(record, "aliases") if isinstance(a, str)]
    acronyms = [a for a in _list(record, "acronyms") if isinstance(a, str)]
    labels: dict[str, str] = {}
    for i, label in enumerate(_list(record, "labels")):
        if not isinstance(label, Mapping):
            raise RecordError(f"expected an object, got {type(label).__name__}", field=f"labels[{i}]")
        value = _str(label.get("label"), f"labels[{i}].label")
        lang = _str(label.get("iso639"), f"labels[{i}].iso639")
        if value is None or value == name:
            continue
        if lang and lang not in labels:
            labels[lang] = value
        else:
            aliases.append(value)
    if name is None:
        raise RecordError("the record has no name", field="name")
    aliases = [a for a in aliases if a.strip()]
    acronyms = [a for a in acronyms if a.strip()]

    country_obj = record.get("country")
    country = (
        _str(country_obj.get("country_code"), "country.country_code") if isinstance(country_obj, Mapping) else None
    )
    city = None
    addresses = _list(record, "addresses")
    if addresses and isinstance(addresses[0], Mapping):
        city = _str(addresses[0].get("city"), "addresses[0].city")

    identifiers = {"ror": short}
    external = record.get("external_ids") or {}
    if isinstance(external, Mapping):
        for key, ext in external.items():
            mapped = _EXTERNAL.get(str(key).lower())
            if mapped is None or not isinstance(ext, Mapping):
                continue
            values = ext.get("all")
            first = values if isinstance(values, str) else values[0] if isinstance(values, list) and values else None
            value = _str(ext.get("preferred"), f"external_ids.{key}.preferred") or _str(
                first, f"external_ids.{key}.all"
            )
            if value:
                identifiers[mapped] = value
    wikipedia = _str(record.get("wikipedia_url"), "wikipedia_url")
    if wikipedia:
        identifiers["wikipedia"] = wikipedia
    domains = [h for h in (_host(u) for u in _list(record, "links")) if h]

    return _build(
        id=full,
        name=name,
        acronyms=acronyms,
        aliases=aliases,
        labels=labels,
        country=country,
        city=city,
        kind=_kind(_list(record, "types")),
        identifiers=identifiers,
        domains=domains,
        relationships=_relationships(_list(record, "relationships"), "relationships"),
        status=_status(record),
    )
