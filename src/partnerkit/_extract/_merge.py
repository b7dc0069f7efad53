"""``merge_partnerships``: the same deal reported by several sources becomes one record.

Two records are the same deal when every one of these checks passes; each check is a
named rule, and the merged record's explanation lists them:

- ``same-parties``: the same parties, order-free, compared by institution id when both have
  one, else by normalised name (or an acronym of the other's name);
- ``compatible-kinds``: the same kind, or kinds of one family (agreement, MoU and strategic
  partnership are documents; joint programme and double degree are programmes);
- ``compatible-dates``: no dates, one date containing the other (``2021`` and
  ``2021-04-27``), or full dates at most ``days`` apart (a signing reported days later);
- ``same-location``: offices only, the same place (a city matches its country alone).
Different deals between the same parties (an MoU in 2011, a key agreement in 2021) fail
``compatible-dates`` and stay apart.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterable
from typing import Any

import attrs

from partnerkit._extract._patterns import acronym_matches
from partnerkit._model import Location, PartialDate, Partnership, PartnershipKind, Party

__all__ = ["explain_merge", "merge_partnerships"]

log = logging.getLogger("partnerkit")
K = PartnershipKind
_FAMILIES = {
    K.AGREEMENT: "document",
    K.MOU: "document",
    K.STRATEGIC_PARTNERSHIP: "document",
    K.JOINT_PROGRAMME: "programme",
    K.DOUBLE_DEGREE: "programme",
}
# The more specific kind wins when two of one family merge.
_SPECIFIC = [K.STRATEGIC_PARTNERSHIP, K.MOU, K.AGREEMENT, K.DOUBLE_DEGREE, K.JOINT_PROGRAMME]
_STOP = frozenset(
    """the of and for de la del des du""".split()  # noqa: SIM905
)


def _norm(name: str) -> str:
    name = unicodedata.normalize("NFKD", name.casefold())
    name = "".join(c for c in name if not unicodedata.combining(c))
    words = [w for w in re.findall(r"\w+", name) if w not in _STOP]
    return " ".join(sorted(words))


def _same_party(a: Party, b: Party, registry: Any | None) -> bool:
    ida, idb = a.institution_id, b.institution_id
    if registry is not None:
        ida = ida or _resolve(a.name, registry)
        idb = idb or _resolve(b.name, registry)
    if ida and idb:
        return ida == idb
    if _norm(a.name) == _norm(b.name):
        return True
    return acronym_matches(a.name, b.name) or acronym_matches(b.name, a.name)


def _resolve(name: str, registry: Any) -> str | None:
    try:
        results = registry.match(name, limit=1)
    except Exception:
        return None
    for r in results:
        decision = getattr(getattr(r, "decision", None), "value", "")
        if str(decision).lower() == "match":
            return str(r.institution.id)
    return None


def _same_parties(a: Partnership, b: Partnership, registry: Any | None) -> bool:
    if len(a.parties) != len(b.parties):
        return False
    left = list(b.parties)
    for p in a.parties:
        for q in left:
            if _same_party(p, q, registry):
                left.remove(q)
                break
        else:
            return False
    return True


def _kinds(a: PartnershipKind, b: PartnershipKind) -> bool:
    return a == b or (a in _FAMILIES and _FAMILIES.get(a) == _FAMILIES.get(b))


def _dates(a: PartialDate | None, b: PartialDate | None, days: int) -> bool:
    if a is None or b is None:
        return True
    if a.overlaps(b):
        return True
    if a.precision == "day" and b.precision == "day":
        return abs((a.first_day() - b.first_day()).days) <= days
    return False


def _locations(a: Location | None, b: Location | None) -> bool:
    if a is None or b is None:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    if a.city and b.city:
        return _norm(a.city) == _norm(b.city)
    return bool(a.country and b.country)  # a city matches its own country only


def explain_merge(a: Partnership, b: Partnership, registry: Any | None = None, *, days: int = 7) -> list[str]:
    """The rules that decide whether two records are one deal, each as ``"name: passed|failed"``.

    Example:
        >>> from partnerkit._model import Party
        >>> a = Partnership(kind="agreement", parties=(Party("HUST"), Party("ITMO University")), date="2021-04-27")
        >>> b = Partnership(kind="strategic_partnership", parties=(Party("ITMO University"),
        ...                 Party("Huazhong University of Science and Technology")), date="2021")
        >>> explain_merge(a, b)
        ['same-parties: passed', 'compatible-kinds: passed', 'compatible-dates: passed', 'same-location: passed']
    """
    checks = [
        ("same-parties", _same_parties(a, b, registry)),
        ("compatible-kinds", _kinds(a.kind, b.kind)),
        ("compatible-dates", _dates(a.date, b.date, days)),
        ("same-location", a.kind is not K.OFFICE or _locations(a.location, b.location)),
    ]
    return [f"{name}: {'passed' if ok else 'failed'}" for name, ok in checks]


def _combine(a: Partnership, b: Partnership) -> Partnership:
    kind = a.kind
    if a.kind != b.kind:
        kind = min((a.kind, b.kind), key=lambda k: _SPECIFIC.index(k) if k in _SPECIFIC else 99)
    dates = [d for d in (a.date, b.date) if d is not None]
    date = max(dates, key=lambda d: ("year", "month", "day").index(d.precision)) if dates else None
    if a.date and b.date and a.date.precision == b.date.precision == "day":
        date = min(a.date, b.date)  # the signing precedes the later report
    location = a.location
    if b.location and (location is None or (b.location.city and not location.city)):
        location = b.location
    parties = tuple(
        p if p.institution_id or not q.institution_id else q
        for p, q in zip(a.parties, _align(a.parties, b.parties), strict=True)
    )
    evidence = a.evidence + tuple(e for e in b.evidence if e not in a.evidence)
    return attrs.evolve(
        a,
        kind=kind,
        parties=parties,
        date=date,
        started=a.started or b.started,
        ended=a.ended or b.ended,
        location=location,
        fields=tuple(dict.fromkeys(a.fields + b.fields)),
        evidence=evidence,
        id=a.id or b.id,
    )


def _align(a: tuple[Party, ...], b: tuple[Party, ...]) -> tuple[Party, ...]:
    left = list(b)
    out = []
    for p in a:
        q = next((x for x in left if _same_party(p, x, None)), left[0])
        left.remove(q)
        out.append(q)
    return tuple(out)


def merge_partnerships(
    partnerships: Iterable[Partnership], registry: Any | None = None, *, days: int = 7
) -> list[Partnership]:
    """Merge records that report the same deal; keep every piece of evidence.

    Args:
        partnerships: records from any number of sources.
        registry: a ``pk.Registry`` to resolve party names to institutions (optional).
        days: how far apart two full dates may be and still be one signing.

    Returns:
        The merged records, in the order their first report came.

    Example:
        >>> from partnerkit._model import Evidence, Party
        >>> a = Partnership(kind="agreement", parties=(Party("HUST"), Party("ITMO University")),
        ...                 date="2021-04-27", evidence=(Evidence(quote="HUST news"),))
        >>> b = Partnership(kind="strategic_partnership", date="2021-04-29",
        ...                 parties=(Party("ITMO University"), Party("Huazhong University of Science and Technology")),
        ...                 evidence=(Evidence(quote="ITMO news"),))
        >>> c = Partnership(kind="mou", parties=(Party("ITMO University"), Party("HUST")), date="2011")
        >>> merged = merge_partnerships([a, b, c])
        >>> [(m.kind.value, str(m.date), len(m.evidence)) for m in merged]
        [('strategic_partnership', '2021-04-27', 2), ('mou', '2011', 0)]
    """
    out: list[Partnership] = []
    for rec in partnerships:
        for i, old in enumerate(out):
            reasons = explain_merge(old, rec, registry, days=days)
            if all(r.endswith("passed") for r in reasons):
                log.debug("merging partnership records: %s", "; ".join(reasons))
                out[i] = _combine(old, rec)
                break
        else:
            out.append(rec)
    return out
