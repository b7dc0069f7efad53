"""``merge_partnerships``: the same deal reported by several sources becomes one record.

Whether two records are one deal is decided by a :class:`partnerkit.rules.RuleSet` over
the pair, :data:`MERGE_RULES`, whose rules are named in the :class:`~partnerkit.rules.Explanation`
that :func:`explain_merge` returns:

- ``different_parties`` (decides non-match): the parties differ, order-free, compared by
  institution id when both have one, else by normalised name (or an acronym of the other's name);
- ``incompatible_kinds`` (non-match): kinds of different families (agreement, MoU and
  strategic partnership are documents; joint programme and double degree are programmes);
- ``incompatible_dates`` (non-match): two dates that neither contain each other nor are
  full dates at most ``days`` apart (a signing reported days later);
- ``different_locations`` (non-match): offices in different places (a city matches its country);
- ``same_parties``, ``compatible_kinds``, ``compatible_dates``: the evidence that makes a MATCH.

Different deals between the same parties (an MoU in 2011, a key agreement in 2021) fail
``incompatible_dates`` and stay apart.

:func:`merge_partnerships` compares a record only with the kept records whose dates may be one
signing with its own and that may share all its parties (``_merge_keys.Blocks``: filed by year;
institution ids, name keys, acronym keys), skips offices in other places and other parties
before the rules (which decide non-match for them, so only their explanation is saved), and
resolves each distinct party name through the registry once, so its cost grows with the records
times the size of their blocks (a hub institution's deals of one year), not with the square of
the records; the outcome is the all-pairs one.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterable
from typing import Any

import attrs

from partnerkit._extract._merge_keys import FAMILIES, Blocks, norm
from partnerkit._model import Location, PartialDate, Partnership, PartnershipKind, Party
from partnerkit._names import acronym_fits
from partnerkit.rules import Comparison, Decision, Explanation, Rule, RuleSet, comparison

__all__ = ["MERGE_RULES", "explain_merge", "merge_partnerships"]

log = logging.getLogger("partnerkit")
K = PartnershipKind
_FAMILIES = FAMILIES
# The more specific kind wins when two of one family merge.
_SPECIFIC = [K.STRATEGIC_PARTNERSHIP, K.MOU, K.AGREEMENT, K.DOUBLE_DEGREE, K.JOINT_PROGRAMME]


_norm = norm


class _Resolver:
    """Party names resolved through a registry, each distinct name once (one merge call)."""

    def __init__(self, registry: Any) -> None:
        self.registry = registry
        self._ids: dict[str, str | None] = {}

    def id_of(self, party: Party) -> str | None:
        """The party's institution id, else the id its name resolves to with a MATCH (or None)."""
        if party.institution_id:
            return party.institution_id
        try:
            return self._ids[party.name]
        except KeyError:
            found = self._ids[party.name] = _resolve(party.name, self.registry)
            return found


def _resolver(registry: Any | None) -> _Resolver | None:
    return registry if registry is None or isinstance(registry, _Resolver) else _Resolver(registry)


def _same_party(a: Party, b: Party, resolver: _Resolver | None) -> bool:
    ida, idb = a.institution_id, b.institution_id
    if resolver is not None:
        ida, idb = resolver.id_of(a), resolver.id_of(b)
    if ida and idb:
        return ida == idb
    return _same_name(a.name, b.name)


@functools.lru_cache(maxsize=200_000)
def _same_name(a: str, b: str) -> bool:
    """The same normalised name, or one name an acronym of the other (a pair of names recurs
    across the records of a hub institution, so the answer is kept)."""
    if _norm(a) == _norm(b):
        return True
    return acronym_fits(a, b) or acronym_fits(b, a)


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


def _same_parties(a: Partnership, b: Partnership, registry: _Resolver | None) -> bool:
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


@attrs.frozen
class _Side:
    """One record of a pair, as the merge rules see it (``text`` names it in explanations)."""

    record: Partnership
    registry: _Resolver | None = None

    @property
    def text(self) -> str:
        names = " + ".join(p.name for p in self.record.parties)
        return f"{self.record.kind.value} {names}" + (f" {self.record.date}" if self.record.date else "")


@comparison("same_parties")
@attrs.frozen
class SameParties(Comparison):
    """The two records have the same parties, in any order (ids, names or acronyms)."""

    def value(self, a: Any, b: Any) -> bool:
        return _same_parties(a.record, b.record, a.registry or b.registry)

    def describe(self, value: Any) -> str:
        return "the same parties" if value else "different parties"


@comparison("compatible_kinds")
@attrs.frozen
class CompatibleKinds(Comparison):
    """The kinds are equal or of one family (documents; programmes)."""

    def value(self, a: Any, b: Any) -> bool:
        return _kinds(a.record.kind, b.record.kind)

    def describe(self, value: Any) -> str:
        return "kinds of one family" if value else "kinds of different families"


@comparison("compatible_dates")
@attrs.frozen
class CompatibleDates(Comparison):
    """No date on one side, one date containing the other, or full dates at most ``days`` apart."""

    days: int = 7

    def value(self, a: Any, b: Any) -> bool:
        return _dates(a.record.date, b.record.date, self.days)

    def describe(self, value: Any) -> str:
        return "compatible dates" if value else f"dates more than {self.days} days apart"


@comparison("same_location")
@attrs.frozen
class SameLocation(Comparison):
    """Offices only (``None`` otherwise): the same place, a city matching its own country."""

    def value(self, a: Any, b: Any) -> bool | None:
        if a.record.kind is not K.OFFICE and b.record.kind is not K.OFFICE:
            return None
        return _locations(a.record.location, b.record.location)

    def describe(self, value: Any) -> str:
        return "the same place" if value else "different places"


def merge_rules(days: int = 7) -> RuleSet:
    """The rule set that decides whether two partnership records report one deal."""
    parties, kinds, dates, place = SameParties(), CompatibleKinds(), CompatibleDates(days=days), SameLocation()
    return RuleSet(
        rules=(
            Rule(name="different_parties", comparison=parties, equals=False, decision=Decision.NON_MATCH,
                 description="Records about different parties are different deals."),
            Rule(name="incompatible_kinds", comparison=kinds, equals=False, decision=Decision.NON_MATCH,
                 description="An office is not a membership; an MoU may be a strategic partnership."),
            Rule(name="incompatible_dates", comparison=dates, equals=False, decision=Decision.NON_MATCH,
                 description="An MoU of 2011 and an agreement of 2021 are two deals."),
            Rule(name="different_locations", comparison=place, equals=False, decision=Decision.NON_MATCH,
                 description="Offices in two places are two offices."),
            Rule(name="same_parties", comparison=parties, weight=4.0, description="The same parties."),
            Rule(name="compatible_kinds", comparison=kinds, weight=1.5, description="Kinds of one family."),
            Rule(name="compatible_dates", comparison=dates, weight=1.5, description="Dates that fit one signing."),
        ),
        bias=-3.0,
    )  # fmt: skip


#: The default merge rules (``days=7``).
MERGE_RULES = merge_rules()


def explain_merge(a: Partnership, b: Partnership, registry: Any | None = None, *, days: int = 7) -> Explanation:
    """Why two records are (or are not) one deal: the engine's explanation of :func:`merge_rules`.

    Example:
        >>> from partnerkit._model import Party
        >>> a = Partnership(kind="agreement", parties=(Party("HUST"), Party("ITMO University")), date="2021-04-27")
        >>> b = Partnership(kind="strategic_partnership", parties=(Party("ITMO University"),
        ...                 Party("Huazhong University of Science and Technology")), date="2021")
        >>> e = explain_merge(a, b)
        >>> e.decision.value, [r.rule for r in e]
        ('match', ['same_parties', 'compatible_kinds', 'compatible_dates'])
        >>> explain_merge(a, Partnership(kind="mou", parties=a.parties, date="2011")).decision.value
        'non_match'
    """
    rules = MERGE_RULES if days == 7 else merge_rules(days)
    resolver = _resolver(registry)
    return rules.compare(_Side(a, resolver), _Side(b, resolver))  # type: ignore[arg-type]


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

    Each record is compared, in order, with the records kept so far whose date may be one
    signing with its own (the same year, a neighbouring one within ``days``, or no date) and
    that have a party in common with each of its parties (the same institution id, the same
    words, or an acronym that fits), and merged into the first one the rules call a MATCH: the
    result is what comparing every pair gives, at a cost that grows with the records times the
    records of one year they share parties with. A registry is asked about each distinct party
    name once per call.

    Returns:
        The merged records, in the order their first report came.

    Raises:
        TypeError: an item is not a :class:`~partnerkit.Partnership` (the message gives its position).

    Examples:
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
    rules = MERGE_RULES if days == 7 else merge_rules(days)
    resolver = _resolver(registry)
    blocks = Blocks(resolver.id_of if resolver is not None else lambda p: p.institution_id, days)
    out: list[Partnership] = []
    for n, rec in enumerate(partnerships):
        if not isinstance(rec, Partnership):
            raise TypeError(f"partnerships item {n}: expected a Partnership, got {type(rec).__name__}")
        for i in blocks.candidates(rec):  # every kept record it may merge with, in order
            old = out[i]
            if old.kind is K.OFFICE and not _locations(old.location, rec.location):
                continue  # ``different_locations`` decides non-match: checked before the rules (cheap)
            if not _same_parties(old, rec, resolver):
                continue  # so does ``different_parties`` (name pairs are answered once, then kept)
            why = rules.compare(_Side(out[i], resolver), _Side(rec, resolver))  # type: ignore[arg-type]
            if why.decision is Decision.MATCH:
                log.debug("merging partnership records: %s", why)
                out[i] = _combine(out[i], rec)
                blocks.add(i, out[i])
                break
        else:
            blocks.add(len(out), rec)
            out.append(rec)
    return out
