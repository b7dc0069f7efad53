"""Registered names written otherwise: the fallbacks for a part whose words are no registered name.

A part that names nothing as written may still be one organisation's name: a university's
name short of "University" ("Yale") or of its city ("Purdue University" for "Purdue
University West Lafayette"), or a name with its words in another order ("Copenhagen
University" for "University of Copenhagen"). Each reading holds only when exactly one
active organisation reads so, no place of the string says otherwise, and no other
organisation's registered name begins with the same words (for another word order: no other
organisation of its kind, so "Copenhagen University Hospital" does not refuse "Copenhagen University").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from partnerkit._matching._affiliation._model import Found, Hints, put
from partnerkit._matching._affiliation._systems import member_placed, members
from partnerkit._matching._index import _TYPES
from partnerkit._model import NameType
from partnerkit._names import Part

if TYPE_CHECKING:
    from partnerkit._matching._affiliation._reader import AffiliationReader

__all__ = ["OWN", "reordered", "short_names", "short_of_city", "university_of"]

#: Words that make a name a university's own rather than a short form of it.
OWN = frozenset(("university", "college"))


def short_names(r: AffiliationReader) -> dict[str, tuple[tuple[int, int], ...]]:
    """A university's registered name short of its city ("washington university") -> the
    (institution, name id) pairs so named, for :func:`university_of` (built with the reader)."""
    short: dict[str, list[tuple[int, int]]] = {}
    index = r.index
    for n in range(index.translated_from):
        inst = index.name_inst[n]
        city = r._city_of[inst]
        key = index.keys[n]
        if city and r._kind[inst] == "education" and not index.acronyms[n] and key.endswith(" " + city):
            name = key[: -len(city) - 1]
            if " " in name and set(name.split()) & OWN:
                short.setdefault(name, []).append((inst, n))
    # tuples of ints: the collector untracks them, where it would walk sets at every full pass
    return {name: tuple(pairs) for name, pairs in short.items()}


def university_of(
    r: AffiliationReader, words: tuple[str, ...], written: tuple[str, Hints] | None = None
) -> tuple[int, str, int] | None:
    """The one active university (institution, name as written, name id) that ``words`` name
    short of "University" ("yale") or short of its city ("washington university"), if any;
    with ``written`` (the part's text and the string's places), only names it may write
    (see :func:`._namesakes.written_for`)."""
    key = " ".join(words)
    got = {(e[0], e[3]) for e in r.entries(key if set(words) & OWN else key + " university")}
    got.update(r._short.get(key, ()))
    if written is not None:
        got = {(c, n) for c, n in got if r.written_for(n, *written)}
    cands = {c for c, _n in got if r._kind[c] == "education" and r.institutions[c].status == "active"}
    if len(cands) != 1:
        return None
    c = cands.pop()
    n = min(n for i, n in got if i == c)
    return c, r.index.texts[n], n


def short_of_city(r: AffiliationReader, part: Part, hints: Hints, found: dict[int, Found]) -> bool:
    """ "Purdue University" for "Purdue University West Lafayette": a part that is one
    university's registered name short of its city (and no other place contradicts)."""
    got = university_of(r, part.tokens, (part.text, hints))
    if got is None:
        return False
    c, name, name_id = got
    if r.elsewhere(c, hints):
        return False
    if hints.cities and r._city_of[c] not in hints.cities:
        return False  # "ICFAI University, Jaipur": the string names another city than its own
    if _starts_other(r, " ".join(part.tokens), c, namesakes=True):
        return False  # "Cihan University": "Cihan University - Duhok" extends the name as well
    reasons = [("name", f"{part.text!r} is {name!r} short of its city"), ("context", "whole part")]
    put(found, Found(c, 0.93, reasons, "match", name, part.text, name_id))
    return True


def reordered(r: AffiliationReader, part: Part, hints: Hints, found: dict[int, Found]) -> bool:
    """ "Copenhagen University" for "University of Copenhagen": a part that is one
    organisation's registered name with its words in another order, where no place of the
    string says otherwise (namesakes in either order, "York University" and "University
    of York", are both registered and found as written)."""
    index = r.index
    key = " ".join(part.tokens)
    names = [
        n
        for n in index.with_words(part.tokens)
        if not index.acronyms[n]
        and n < index.translated_from
        and len(index.keys[n].split()) == len(part.tokens)
        and r.written_for(n, part.text, hints)
    ]
    insts = {index.name_inst[n] for n in names}
    if len(insts) != 1 or any(r.written_for(e[3], part.text, hints) for e in r.entries(key)):
        return False
    c = insts.pop()
    if r.institutions[c].status != "active" or _starts_other(r, key, c, namesakes=True):
        return False  # "Washington University": also "Washington University in St. Louis" as written
    if r.elsewhere(c, hints):
        return False
    n = names[0]
    reasons = [
        ("name", f"{part.text!r} is {index.texts[n]!r} with its words in another order"),
        ("context", "whole part"),
    ]
    display = any(_TYPES[index.types[m]] is NameType.DISPLAY for m in names)
    # "Texas Univ., Austin": a system's short name (an alias, as in _runs) in another order
    system = [] if display else members(r, c, index.keys[n].split())
    if system:
        picked = member_placed(r, system, hints)
        if picked is None:
            listed = ", ".join(r.institutions[m].name for m in system[:4])
            reasons.append(("system", f"names a system of {len(system)} members ({listed}...); not which one"))
            put(found, Found(c, 0.6, reasons, "possible", index.texts[n], part.text, n))
            return True
        why = f"names the system; the place picks its member {r.institutions[picked].name}"
        reasons.append(("system member", why))
        written, name_id = r.entry_of(picked)
        put(found, Found(picked, 0.9, reasons, "match", written, part.text, name_id))
        return True
    if r._placed(c, hints):
        reasons.append(("place", f"{', '.join(hints.texts)} agrees"))
    put(found, Found(c, 0.9, reasons, "match", index.texts[n], part.text, n))
    return True


def _starts_other(r: AffiliationReader, key: str, c: int, *, namesakes: bool = False) -> bool:
    """A registered name of another institution than ``c`` starts with the words ``key``
    (with ``namesakes``: only one of ``c``'s kind outside its family, as another campus is)."""
    index = r.index
    rare = min(key.split(), key=lambda t: index.count("t:" + t))
    for n in index.posting("t:" + rare):
        o = index.name_inst[n]
        if o == c or not index.keys[n].startswith(key + " "):
            continue
        if not namesakes or (r._kind[o] == r._kind[c] and not r.related(o, c)):
            return True
    return False
