"""The institutions as the service shows them: URL-safe ids, descriptions, prefix search.

A :class:`Catalogue` is built once per app from the registry. It gives every institution a
service id that is safe in a URL path and query (OpenRefine pastes ids into ``view.url``
and ``preview.url`` as they are), finds an institution by that id, and answers prefix
searches over every name for the suggest service.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator

from anyascii import anyascii

from partnerkit._model import Institution
from partnerkit._model._countries import country_name

__all__ = ["Catalogue", "describe", "service_id"]

_SAFE = re.compile(r"[A-Za-z0-9._-]+")
_ROR_ID = re.compile(r"(?:https?://)?(?:www\.)?ror\.org/(0[a-z0-9]{8})/?", re.I)
_SHORT_ROR = re.compile(r"0[a-z0-9]{8}", re.I)


def service_id(raw: str) -> str:
    """An id made of URL-unreserved characters only, one-to-one with ``raw``.

    Ids that are already safe stay as they are; any other character becomes ``~`` and the
    hex of each of its UTF-8 bytes (``~`` itself included), so two ids never collide.

    Example:
        >>> service_id("itmo"), service_id("ror/04txgxn49"), service_id("a~b")
        ('itmo', 'ror~2F04txgxn49', 'a~7Eb')
    """
    if _SAFE.fullmatch(raw):
        return raw
    out: list[str] = []
    for ch in raw:
        if _SAFE.fullmatch(ch):
            out.append(ch)
        else:
            out.extend(f"~{b:02X}" for b in ch.encode("utf-8"))
    return "".join(out)


def ror_short_id(value: str) -> str | None:
    """The nine-character ROR id in a ROR id or URL, or ``None``.

    Example:
        >>> ror_short_id("https://ror.org/04txgxn49"), ror_short_id("04txgxn49"), ror_short_id("x")
        ('04txgxn49', '04txgxn49', None)
    """
    text = value.strip()
    if _SHORT_ROR.fullmatch(text):
        return text.lower()
    found = _ROR_ID.fullmatch(text)
    return found.group(1).lower() if found else None


@functools.lru_cache(maxsize=512)
def _country_label(code: str) -> str:
    try:
        return country_name(code)
    except ValueError:
        return code


def describe(inst: Institution) -> str:
    """A one-line description that tells namesakes apart: acronyms, city, country.

    Example:
        >>> describe(Institution(id="x", name="Michigan State University", acronyms=("MSU",),
        ...                      country="US", city="East Lansing"))
        'MSU · East Lansing, United States (US)'
    """
    place = ", ".join(
        p for p in (inst.city, f"{_country_label(inst.country)} ({inst.country})" if inst.country else None) if p
    )
    parts = [", ".join(inst.acronyms), place]
    return " · ".join(p for p in parts if p)


def _keys(name: str) -> set[str]:
    """Search keys of a name: case-folded, and case-folded after transliteration to ASCII."""
    folded = " ".join(unicodedata.normalize("NFKC", name).casefold().split())
    keys = {folded}
    latin = " ".join(anyascii(folded).casefold().split())
    if latin:
        keys.add(latin)
    return keys


class Catalogue:
    """The institutions of a registry under their service ids, with a prefix index of names.

    Args:
        institutions: every institution of the registry.
        use_ror_ids: give institutions their ROR id (``04txgxn49``) as service id; each
            must have one in ``identifiers["ror"]``.
    """

    def __init__(self, institutions: Iterable[Institution], *, use_ror_ids: bool = False) -> None:
        self._by_sid: dict[str, Institution] = {}
        self._sid_by_id: dict[str, str] = {}
        entries: list[tuple[str, int, str]] = []
        for inst in institutions:
            sid = self._make_sid(inst, use_ror_ids)
            if sid in self._by_sid:
                continue
            self._by_sid[sid] = inst
            self._sid_by_id[inst.id] = sid
            for name in {n.value for n in inst.names()}:
                for key in _keys(name):
                    entries.append((key, len(name), sid))
        entries.sort()
        self._keys = [e[0] for e in entries]
        self._entries = entries

    @staticmethod
    def _make_sid(inst: Institution, use_ror_ids: bool) -> str:
        if use_ror_ids:
            short = ror_short_id(inst.identifiers.get("ror", "")) or ror_short_id(inst.id)
            if short is not None:
                return short
        return service_id(inst.id)

    def __len__(self) -> int:
        return len(self._by_sid)

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_sid)

    def get(self, sid: str) -> Institution | None:
        """The institution with this service id, or ``None``."""
        return self._by_sid.get(sid)

    def sid(self, inst: Institution) -> str:
        """The service id of an institution of the registry."""
        found = self._sid_by_id.get(inst.id)
        return found if found is not None else service_id(inst.id)

    def prefix(self, text: str, limit: int) -> list[str]:
        """Service ids of institutions with a name starting with ``text``, shortest names first."""
        best: dict[str, int] = {}
        for key in _keys(text):
            if not key:
                continue
            i = bisect.bisect_left(self._keys, key)
            scanned = 0
            while i < len(self._keys) and self._keys[i].startswith(key) and scanned < 20 * limit + 200:
                _, length, sid = self._entries[i]
                best[sid] = min(length, best.get(sid, length))
                i += 1
                scanned += 1
        ranked = sorted(best, key=lambda s: (best[s], s))
        return ranked[:limit]


def looks_like_ror(institutions: Iterable[Institution]) -> bool:
    """Whether every institution (and at least one) carries a ROR id."""
    seen = False
    for inst in institutions:
        if ror_short_id(inst.identifiers.get("ror", "")) is None and ror_short_id(inst.id) is None:
            return False
        seen = True
    return seen
