"""Word order: namesakes whose names carry the same words in another order."""

from __future__ import annotations

import attrs

from partnerkit._matching._index import Index
from partnerkit._matching._match._result import RARE, Match, _city_name_words, _decided, _place_words
from partnerkit._model import Institution
from partnerkit._names import (
    normalize_name,
)
from partnerkit.rules import Decision, Profile


def _order_holders(index: Index, q: Profile, country: str | None) -> dict[int, set[str]] | None:
    """Institutions with a name of the query's words in some order, with those orders.

    An order is marked ``=`` when the name has exactly the query's words.
    A name holds the words if it has all of them and beyond them only its institution's
    city or country ("Washington University in St. Louis" holds "Washington University").
    ``None`` unless two or more institutions (of the hinted country, with a hint) hold the
    words and they write them in different orders: "Washington University" and "University
    of Washington". One holder, or holders all writing the words in one order ("Institute
    of Physics" twice), leave order-free matching alone.
    """
    if q.acronym is not None or len(q.tokens) < 2:
        return None
    names = set(index.posting("k:" + q.sorted_key))
    rarest = min(sorted(q.tokens), key=lambda t: index.count("t:" + t))
    if index.count("t:" + rarest) <= RARE:
        names.update(index.posting("t:" + rarest))
    holders: dict[int, set[str]] = {}
    countries = index.countries
    for n in sorted(names):
        if index.acronyms[n]:
            continue
        inst = index.name_inst[n]
        if country is not None and countries[inst] and countries[inst] != country:
            continue
        words = index.keys[n].split()
        extra = set(words) - q.tokens
        if len(extra) + len(q.tokens) != len(set(words)) or (extra and not extra <= _city_words(index, inst)):
            continue
        ordered = " ".join(dict.fromkeys(w for w in words if w in q.tokens))
        holders.setdefault(inst, set()).add(ordered if extra else "=" + ordered)  # "=": exactly these words
    if len(holders) < 2 or len({frozenset(k.lstrip("=") for k in keys) for keys in holders.values()}) < 2:
        return None
    return holders


def _city_words(index: Index, inst: int) -> frozenset[str]:
    institution = index.institutions[inst]
    return _place_words(institution) | _city_name_words(institution)


def _city_key(institution: Institution) -> str:
    return normalize_name(institution.city) if institution.city else ""


def _word_order(
    index: Index, found: list[Match], country: str | None, match: float, cities: frozenset[str] = frozenset()
) -> list[Match]:
    """Let the query's word order decide between institutions whose names differ only in it.

    When the registry holds two or more institutions whose names have the query's words in
    different orders (see :func:`_order_holders`), only one whose name has them in the
    query's order may be a MATCH: the one such institution becomes a MATCH and the others
    POSSIBLE. If none or several fit, or one fits only with its city added ("Washington
    University in St. Louis"), every MATCH among them becomes POSSIBLE, and so do the ones
    that fit, unless the affiliation string names the city (``cities``, normalised) that
    completes the one name that fits: "Washington University, Saint Louis, MO".
    """
    if not any(m.decision is Decision.MATCH for m in found):
        return found
    decided: dict[str, tuple[dict[int, set[str]] | None, str]] = {}
    out = list(found)
    for j, m in enumerate(found):
        if m.decision is not Decision.MATCH:
            continue
        if m.query not in decided:
            q = Profile.from_name(m.query)
            decided[m.query] = (_order_holders(index, q, country), " ".join(dict.fromkeys(q.key.split())))
        holders, key = decided[m.query]
        inst = index.ids.get(m.institution.id)
        if holders is None or inst not in holders:
            continue
        exact = sorted(i for i, keys in holders.items() if "=" + key in keys)
        fits = exact or sorted(i for i, keys in holders.items() if key in keys)
        if fits == [inst]:
            continue
        names = ", ".join(index.institutions[i].name for i in sorted(holders)[:5])
        located = [i for i in fits if _city_key(index.institutions[i]) in cities] if not exact else []
        if located == [inst]:
            continue
        if len(exact) == 1 or len(located) == 1:
            winner = index.institutions[(exact or located)[0]]
            note = (
                f"Word order: {len(holders)} institutions have these words ({names});"
                f" in this order they name {winner.name}."
            )
            raise_to = Decision.MATCH
        else:
            # a name in this order only with its city added ("... in St. Louis"), or none: undecided
            note = (
                f"Word order: {len(holders)} institutions have these words ({names})"
                " and the order written does not single one out; give a fuller name or another hint."
            )
            raise_to = Decision.POSSIBLE
        ids = {index.institutions[i].id for i in (located if len(located) == 1 else fits)}
        for k, other in enumerate(out):
            if (
                other.institution.id in ids
                and other.institution.id != m.institution.id
                and other.decision is not Decision.MATCH
                and not _decided(other.explanation)
            ):
                out[k] = attrs.evolve(
                    other,
                    decision=raise_to,
                    score=max(other.score, match) if raise_to is Decision.MATCH else other.score,
                    explanation=other.explanation.with_note(note, raise_to),
                )
        out[j] = attrs.evolve(
            m, decision=Decision.POSSIBLE, explanation=m.explanation.with_note(note, Decision.POSSIBLE)
        )
    return sorted(out, key=lambda m: m.decision is not Decision.MATCH)
