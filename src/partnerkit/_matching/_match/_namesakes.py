"""Namesakes the string does not tell apart: a MATCH on a name that several institutions bear is POSSIBLE.

For a plain name (no affiliation parts, no " and "), the registry's other institutions whose
own name the string writes as is, or whose own name is the string followed by a city ("Trinity
College" and "Trinity College Dublin", "Concordia University" and "Concordia University of
Edmonton", "Leibniz University" and "Leibniz University Hannover", "Indian Institute of
Technology" and "Indian Institute of Technology Delhi"), are namesakes: one of them is meant
and the string does not say which. Not namesakes: a flagship's campuses (ROR links), a branch
named with a country or a state ("Temple University, Japan"), a campus in brackets, a name
held as an alias, another kind of university ("Fachhochschule"), and, with a country hint,
the institutions of other countries.
"""

from __future__ import annotations

import re

from partnerkit._matching._index import _TYPE_CODES, Index
from partnerkit._matching._match._result import _AND, Match, demoted
from partnerkit._matching._spread import word_spread
from partnerkit._model import Institution, NameType, RelationType
from partnerkit._names import (
    country_of,
    fold,
    looks_like_affiliation,
    normalize_name,
)
from partnerkit.rules import Decision, Profile, RuleSet
from partnerkit.rules._kinds import university_kinds

__all__ = ["unwritten_namesakes"]

#: Namesakes listed beside the top candidate at most.
_LISTED = 8
#: Postings longer than this are not scanned for names the string heads (a very common word).
_SCAN = 5_000


def unwritten_namesakes(
    index: Index, rules: RuleSet, name: str, found: list[Match], country: str | None = None
) -> list[Match]:
    """The top MATCH becomes POSSIBLE when ``name`` does not tell it from a namesake (see the
    module docstring); the namesakes are listed beside it as POSSIBLE, the note names them."""
    top = found[0] if found else None
    if top is None or top.decision is not Decision.MATCH or looks_like_affiliation(name) or _AND.search(name):
        return found
    key = normalize_name(name)
    if not key:
        return found
    inst = index.ids.get(top.institution.id)
    if inst is None:
        return found
    others = _headed(index, inst, key, name, country)
    if not others:
        return found
    shown = ", ".join(index.institutions[o].name for o in others[:3])
    note = (
        f"Namesakes not told apart: {name!r} is the name, or the head of the names, of {len(others)} other "
        f"institution(s) ({shown}); it does not say which."
    )
    out = [demoted(top, note)]
    listed = {top.institution.id}
    q = Profile.from_name(name, country=country)
    for o in others[:_LISTED]:
        other = index.institutions[o]
        n = index.own_name(o)
        if n < 0:
            continue
        e2 = rules.compare(q, index.profile(n)).with_note(note, Decision.POSSIBLE)
        out.append(Match(other, min(e2.score, out[0].score), Decision.POSSIBLE, e2, index.texts[n], top.query))
        listed.add(other.id)
    out.extend(m for m in found[1:] if m.institution.id not in listed)
    return out


def _headed(index: Index, inst: int, key: str, text: str, country: str | None) -> list[int]:
    """Other institutions that ``text`` may name as well as ``inst``.

    Each is active (when ``inst`` is), of ``country`` when given, and not of ``inst``'s family
    (a ROR parent, child or related link either way, or a body both link to: a flagship and its
    campuses); ``text`` writes its own name (not an alias: a former name; not a label) as is,
    but case, accents and punctuation, or as the head of it followed by a city only ("Trinity
    College Dublin"); and it writes a word of a university of applied sciences when ``text``
    does and only then ("Fachhochschule Münster" is no namesake of "Universität Münster").
    """
    rarest = min(key.split(), key=lambda w: (index.count("t:" + w), w))
    posting = index.posting("t:" + rarest)
    if len(posting) > _SCAN:
        return []
    keys, head, name_inst, types = index.keys, key + " ", index.name_inst, index.types
    near = [
        n
        for n in posting
        if keys[n].startswith(key)
        and (keys[n] == key or keys[n].startswith(head))
        and name_inst[n] != inst
        and types[n] in _OWN
        and not index.acronyms[n]
    ]
    if not near:
        return []
    me = index.institutions[inst]
    family = _links(me)
    surface = _surface(text)
    applied = university_kinds(text)[0]
    found: dict[int, None] = {}
    for n in near:
        o = name_inst[n]
        if o in found:
            continue
        other = index.institutions[o]
        if other.status != "active" and me.status == "active":
            continue
        if country is not None and other.country and other.country != country:
            continue
        if not _written_as(index, n, key, surface):
            continue
        if university_kinds(index.texts[n])[0] != applied or _links(other) & family:
            continue  # another kind, or a link either way or to a common body
        found[o] = None
    return list(found)


def _written_as(index: Index, n: int, key: str, surface: str) -> bool:
    """Registered name ``n`` is what a string with normal form ``key`` and ``surface`` writes, or
    that followed by a city (words in brackets tell a campus: "City University of Hong Kong
    (Dongguan)" is neither)."""
    k = index.keys[n]
    if k == key:
        return _surface(index.texts[n]) == surface
    if not k.startswith(key + " ") or "(" in index.texts[n]:
        return False
    return _surface(index.texts[n]).startswith(surface + " ") and _place(index, k[len(key) + 1 :])


_OWN = frozenset({_TYPE_CODES[NameType.DISPLAY]})


def _links(inst: Institution) -> set[str]:
    """``inst``'s id and the ids it links to as parent, child or related."""
    kinds = (RelationType.PARENT, RelationType.CHILD, RelationType.RELATED)
    return {inst.id, *(r.id for r in inst.relationships if r.type in kinds)}


def _surface(text: str) -> str:
    """``text`` as written, but case, accents, punctuation and a leading "the"."""
    words = re.sub(r"[^a-z0-9]+", " ", fold(text).lower()).split()
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def _place(index: Index, words: str) -> bool:
    """``words`` (normalised) name a city of a registered institution, and not a country.

    A country or a state after a name marks a branch abroad or a body named after another
    place ("Temple University, Japan", "Curtin University Sarawak", "Indiana University of
    Pennsylvania"), not a namesake of the name alone.
    """
    return words in word_spread(index).cities() and country_of(words) is None
