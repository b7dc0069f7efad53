"""Tidying extracted records: office places read from a clause, and duplicates folded.

An office named with several places yields one record per place; records of the same deal
found in several sentences are folded into one (evidence kept), offices hosted by another
organisation merge with their owner's office in that place, and a one-sided record (often
the title) joins the full record of the same kind.
"""

from __future__ import annotations

import re

import attrs

from partnerkit._extract._places import Place
from partnerkit._model import Location, Partnership, PartnershipKind, Status

__all__ = ["DOCUMENTS", "locations", "tidy"]

K = PartnershipKind
#: The kinds that are documents (the agreement/MoU family).
DOCUMENTS = frozenset({K.AGREEMENT, K.MOU, K.STRATEGIC_PARTNERSHIP})

_CONJUNCTION = re.compile(r"\b(?:and|y|et|und|и|e)\b|[;、和及]")


def locations(places: list[Place], text: str) -> list[tuple[Location, int]]:
    out: list[tuple[Location, int]] = []
    i = 0
    while i < len(places):
        p = places[i]
        prev = places[i - 1] if i else None
        if (
            p.city is not None
            and prev is not None
            and prev.city is not None
            and prev.country == p.country
            and not _CONJUNCTION.search(text[prev.end : p.start])
        ):
            i += 1  # "Annandale-on-Hudson, New York": one place, written with its region
            continue
        if p.city is not None:
            country = p.country
            if i + 1 < len(places) and places[i + 1].city is None and places[i + 1].country == p.country:
                i += 1
            out.append((Location(city=p.city, country=country), p.start))
        elif not any(loc.country == p.country for loc, _ in out):
            out.append((Location(country=p.country), p.start))
        i += 1
    # a country already covered by one of its cities is not a second office
    cities = {loc.country for loc, _ in out if loc.city}
    return [(loc, pos) for loc, pos in out if loc.city or loc.country not in cities]


def _fits(a: Location | None, b: Location | None) -> bool:
    if a is None or b is None:
        return True
    if a.country and b.country and a.country != b.country:
        return False
    return not (a.city and b.city and a.city != b.city)


_STAGE = {Status.SIGNED: "on", Status.ACTIVE: "on"}


def _same_office(a: Partnership, b: Partnership) -> bool:
    """Two office records may be one office only at one stage: an office that is planned or
    under negotiation is another one than an office already running ("has offices in A and B
    and will open another one"), and offices opened in two different years are two."""
    if a.kind is not K.OFFICE or b.kind is not K.OFFICE:
        return True
    if a.date and b.date and a.date.year != b.date.year:
        return False  # opened in two years ("opened on 6 March 2025"; "a third office in 2026"): two offices
    if _STAGE.get(a.status, a.status.value) == _STAGE.get(b.status, b.status.value):
        return True
    # "opened an office in the US" + "it will be located in New York": one office, placed closer
    la, lb = a.location, b.location
    return bool(la and lb and la.country == lb.country and (la.city is None) != (lb.city is None))


def _country_of_one_city(a: Location, b: Location, records: list[Partnership], owner: object) -> bool:
    """ "offices in Cairo and Jizzakh" + "the office in Egypt": the country alone names the one
    office of that owner in that country."""
    if (a.city is None) == (b.city is None) or a.country != b.country:
        return False
    cities = {
        r.location.city
        for r in records
        if r.kind is K.OFFICE and r.parties[0] == owner and r.location and r.location.country == a.country
    }
    return len(cities - {None}) == 1


def _merge_offices(records: list[Partnership]) -> list[Partnership]:
    """One owner's office told twice ("opened an office in the US"; "it sits at Bard College") is one."""
    out: list[Partnership] = []
    for rec in records:
        for i, old in enumerate(out):
            if rec.kind is not K.OFFICE or old.kind is not K.OFFICE or old.parties[0] != rec.parties[0]:
                continue
            if not _same_office(old, rec):
                continue
            small, big = sorted((old, rec), key=lambda r: len(r.parties))
            if not set(small.parties) <= set(big.parties) or not _fits(old.location, rec.location):
                continue
            if (
                len(old.parties) == len(rec.parties)
                and old.location
                and rec.location
                and not _country_of_one_city(old.location, rec.location, records, old.parties[0])
            ):
                continue  # two places of one owner: two offices
            locs = [x for x in (old.location, rec.location) if x is not None]
            loc = max(locs, key=lambda x: (x.city is not None, x.country is not None)) if locs else None
            evidence = old.evidence + tuple(e for e in rec.evidence if e not in old.evidence)
            status = old.status if _STAGE.get(old.status) or not _STAGE.get(rec.status) else rec.status
            out[i] = attrs.evolve(
                old, parties=big.parties, location=loc, date=old.date or rec.date, evidence=evidence, status=status
            )
            break
        else:
            out.append(rec)
    return out


def tidy(records: list[Partnership]) -> list[Partnership]:
    """Records of one text about the same thing become one, with all their evidence."""
    out: list[Partnership] = []
    for rec in records:
        key = frozenset(p.name for p in rec.parties)
        for i, old in enumerate(out):
            if old.kind != rec.kind or frozenset(p.name for p in old.parties) != key:
                continue
            if old.date and rec.date and not old.date.overlaps(rec.date):
                continue
            if old.location and rec.location and old.location != rec.location:
                continue
            if not _same_office(old, rec):
                continue
            evidence = old.evidence + tuple(e for e in rec.evidence if e not in old.evidence)
            status = Status.ENDED if Status.ENDED in (old.status, rec.status) else old.status  # an end is news
            out[i] = attrs.evolve(
                old,
                date=old.date or rec.date,
                location=old.location or rec.location,
                evidence=evidence,
                status=status,
            )
            break
        else:
            out.append(rec)
    # "a member of the X network": the network's membership, not a new consortium
    out = [
        r
        for r in out
        if not (
            r.kind is K.CONSORTIUM
            and any(
                o.kind is K.MEMBERSHIP and set(r.parties) <= set(o.parties) and set(o.evidence) & set(r.evidence)
                for o in out
            )
        )
    ]
    # "its second agreement, after a memorandum with X": one document, the memorandum
    out = [
        r
        for r in out
        if not (
            r.kind is K.AGREEMENT
            and any(
                o.kind is K.MOU and set(o.parties) == set(r.parties) and set(o.evidence) & set(r.evidence) for o in out
            )
        )
    ]
    out = _merge_offices(out)
    out = _ended_exchange_is_the_agreement(out)
    out = _absorb_one_sided(out)
    out = _talks_that_led_to_a_signing(out)
    # an office without a place is dropped when the same owner has one with a place
    return [
        r
        for r in out
        if not (
            r.kind is K.OFFICE
            and r.location is None
            and any(
                o.kind is K.OFFICE and o.location and o.parties[0] == r.parties[0] and _same_office(o, r) for o in out
            )
        )
    ]


def _absorb_one_sided(records: list[Partnership]) -> list[Partnership]:
    """A one-party record whose party also has a record of the same kind with a named partner
    is that record seen from one side (a title, a follow-up sentence): it joins it as evidence.
    So does a record naming some of a larger record's parties ("Paris-Saclay, l'EPFL et
    l'UCLouvain lancent un consortium" in a title whose first name is a short form)."""
    out = list(records)
    dropped: set[int] = set()
    for i, rec in enumerate(records):
        if rec.kind is K.OFFICE or (len(rec.parties) != 1 and rec.kind is not K.CONSORTIUM):
            continue
        for j, o in enumerate(records):
            if (
                j not in dropped
                and o.kind is rec.kind
                and len(o.parties) >= 2
                and len(o.parties) > len(rec.parties)
                and set(rec.parties) <= set(o.parties)
                and not (o.date and rec.date and not o.date.overlaps(rec.date))
            ):
                extra = tuple(e for e in rec.evidence if e not in out[j].evidence)
                out[j] = attrs.evolve(out[j], date=out[j].date or rec.date, evidence=out[j].evidence + extra)
                dropped.add(i)
                break
    return [r for i, r in enumerate(out) if i not in dropped]


def _talks_that_led_to_a_signing(records: list[Partnership]) -> list[Partnership]:
    """Talks on a document between parties that sign one later in the text are that document's
    history ("talks on cooperation with X" + "as a result, a memorandum was signed with X"); talks
    told after a signing are on a new deal."""
    signed = {
        frozenset(r.parties): i for i, r in enumerate(records) if r.kind in DOCUMENTS and r.status is Status.SIGNED
    }
    out = list(records)
    dropped: set[int] = set()
    for i, rec in enumerate(records):
        j = signed.get(frozenset(rec.parties))
        if rec.kind in DOCUMENTS and rec.status is Status.NEGOTIATING and j is not None and j > i:
            extra = tuple(e for e in rec.evidence if e not in out[j].evidence)
            out[j] = attrs.evolve(out[j], evidence=out[j].evidence + extra)
            dropped.add(i)
    return [r for i, r in enumerate(out) if i not in dropped]


def _ended_exchange_is_the_agreement(records: list[Partnership]) -> list[Partnership]:
    """ "X ends partnership with Y" + "X has terminated its exchange agreement with Y": one deal
    that ended, the exchange (an agreement whose object is mobility is the exchange)."""
    ended = {
        frozenset(r.parties): i for i, r in enumerate(records) if r.kind is K.EXCHANGE and r.status is Status.ENDED
    }
    out = list(records)
    dropped: set[int] = set()
    for i, rec in enumerate(records):
        j = ended.get(frozenset(rec.parties))
        if rec.kind is K.AGREEMENT and rec.status is Status.ENDED and j is not None:
            extra = tuple(e for e in rec.evidence if e not in out[j].evidence)
            out[j] = attrs.evolve(out[j], date=out[j].date or rec.date, evidence=out[j].evidence + extra)
            dropped.add(i)
    return [r for i, r in enumerate(out) if i not in dropped]
