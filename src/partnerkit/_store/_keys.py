"""Keys of stored records: record identities, exact-lookup keys of names, content digests, state keys."""

from __future__ import annotations

import hashlib
import json
from typing import Any

import attrs

from partnerkit._model import Institution, PartialDate, Partnership, Provenance, clean_text

__all__ = ["canonical", "date_span", "encode", "name_key", "record_key", "state_key", "unpack"]


def name_key(name: str) -> str:
    """The exact-lookup key of a name: cleaned, case-folded, single-spaced.

    >>> name_key("  ITMO   university ")
    'itmo university'
    """
    return " ".join(clean_text(name).casefold().split())


def canonical(data: Any) -> str:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def encode(data: dict[str, Any]) -> tuple[str, str]:
    """A record's stored JSON and its content key (the digest leaves out evidence retrieval times)."""
    text = canonical(data)
    evidence = data.get("evidence")
    basis = text
    if evidence and any("retrieved" in e for e in evidence):
        stable = {**data, "evidence": [{k: v for k, v in e.items() if k != "retrieved"} for e in evidence]}
        basis = canonical(stable)
    return text, hashlib.sha256(basis.encode()).hexdigest()


def date_span(*dates: PartialDate | None) -> tuple[str | None, str | None]:
    known = [d for d in dates if d is not None]
    if not known:
        return None, None
    return min(d.first_day() for d in known).isoformat(), max(d.last_day() for d in known).isoformat()


def state_key(source: Any) -> str:
    """Where the store keeps a source's state: its name and a digest of its options.

    Two feeds read by one source plugin (``rss`` with two URLs) keep two states. The
    options are hashed, never stored (they may hold secrets).

    >>> import partnerkit as pk
    >>> state_key(pk.open_source("jsonl", path="a.jsonl")) != state_key(pk.open_source("jsonl", path="b.jsonl"))
    True
    """
    name = str(source.name)
    config = getattr(source, "config", None)
    if config is None or not attrs.has(type(config)):
        return name
    options = json.dumps(attrs.asdict(config), sort_keys=True, default=str)
    return f"{name}:{hashlib.sha256(options.encode()).hexdigest()[:16]}"


def record_key(record: Any, digest: str, provenance: Provenance | None) -> str:
    """A record's identity in the store: an institution's id; for partnerships and articles
    the source's own id, else the record's id (an article's URL), else its content."""
    if isinstance(record, Institution):
        return record.id
    if provenance is not None and provenance.native_id:
        return f"native:{provenance.source}:{provenance.native_id}"
    own = record.id if isinstance(record, Partnership) else record.url
    if own:
        return f"{'id' if isinstance(record, Partnership) else 'url'}:{own}"
    return f"sha256:{digest}"


def unpack(item: Any) -> tuple[Any, Provenance | None]:
    if isinstance(item, tuple) and len(item) == 2 and (item[1] is None or isinstance(item[1], Provenance)):
        return item[0], item[1]
    if hasattr(item, "record") and hasattr(item, "provenance"):
        return item.record, item.provenance
    return item, None
