"""A system's name in an affiliation string: which member of the system the string means.

A name that one organisation holds may be the short name of a system whose members carry
it in longer names ("University of California", "University of Illinois"). This module
decides when the string says which member it means: the member's own words or place are in
the string, a longer registered name's extra words are written ("University of Illinois ...,
Chicago"), or a medical unit is named and one member is related to the system's hospital.
When none of that holds, the name stays the system's and is not settled to a member.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from partnerkit._matching._affiliation._model import Hints
from partnerkit._names import normalize_name

if TYPE_CHECKING:
    from partnerkit._matching._affiliation._reader import AffiliationReader

__all__ = ["longer", "medical_member", "member_placed", "members"]

#: A registered organisation with this many members of its kind that carry its name is a system.
_MEMBERS = 3
#: Words of a medical unit (normalised: "Medicine" reads "medical").
_MEDICAL = frozenset(("medical",))


def members(r: AffiliationReader, c: int, words: list[str]) -> list[int]:
    """Members of ``c`` (children of its kind) whose names carry the words it was named by.

    "University of California" (an alias of the UC system) is in the names of several of
    its campuses: a string that says only that does not say which one.
    """
    out = []
    kind = r.institutions[c].kind
    for ch in r.children(c):
        name = r._child_words.get(ch)
        if name is None:
            name = r._child_words[ch] = tuple(normalize_name(r.institutions[ch].name).split())
        if len(name) > len(words) and all(w in name for w in words) and kind is r.institutions[ch].kind:
            out.append(ch)
    return out if len(out) >= _MEMBERS else []


def member_placed(r: AffiliationReader, found: list[int], hints: Hints) -> int | None:
    """The one of a system's ``found`` members whose name's words the string writes, else the one
    where the string's places are; None if not exactly one."""
    picked = [m for m in found if set(r._child_words[m]) <= hints.words]
    if not picked:
        picked = [m for m in found if r._placed(m, hints)]
    return picked[0] if len(picked) == 1 else None


def longer(r: AffiliationReader, key: str, c: int, hints: Hints) -> tuple[int, str, int] | None:
    """The one active organisation (with its name as written and name id) other than ``c`` whose
    registered name is ``key`` and more words, at least one of them distinctive, all written in
    the string; None if none or several."""
    index = r.index
    words = set(key.split())
    rare = min(words, key=lambda t: index.count("t:" + t))
    got: dict[int, int] = {}
    for n in index.posting("t:" + rare):
        o = index.name_inst[n]
        if index.acronyms[n] or n >= index.translated_from or not index.keys[n].startswith(key + " "):
            continue
        extra = set(index.keys[n].split()) - words
        if extra <= hints.words and not all(r._generic(t) for t in extra):
            got.setdefault(o, n)
    if len(got) != 1:
        return None
    o, n = got.popitem()
    if o == c or r.institutions[o].status != "active" or c in r.ancestors(o):
        return None  # (a unit's name extending its parent's: the family rules weigh the two)
    return o, index.texts[n], n


def medical_member(r: AffiliationReader, key: str, c: int, hints: Hints) -> tuple[int, str, int] | None:
    """ "University of Maryland School of Medicine": a medical unit of a system's short name
    (``key`` begins the names of ``c`` and of its sister members) is the member's that
    ROR relates to a hospital bearing that name (the system's medical campus). The name is
    borne written together: "University Medical Center of Southern Nevada" does not bear
    "University of Nevada"."""
    if not _MEDICAL & hints.words or r._city_of[c] in hints.cities:
        return None
    kind = r._kind[c]
    for p in r._parents[c]:
        sisters = [
            m
            for m in r.children(p)
            if r._kind[m] == kind
            and r.institutions[m].status == "active"
            and any(n.startswith(key + " ") for n in r.names_of(m))
        ]
        if c not in sisters or len(sisters) < 2:
            continue
        clinical = [
            m
            for m in sisters
            if any(
                r._kind[h] == "healthcare" and any(f" {key} " in f" {n} " for n in r.names_of(h))
                for h in r._links.get(m, ())
            )
        ]
        if len(clinical) == 1 and clinical[0] != c:
            written, name_id = r.entry_of(clinical[0])
            return clinical[0], written, name_id
    return None
