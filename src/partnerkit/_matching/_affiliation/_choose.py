"""Choosing among the organisations one string names: units, parents, unrelated bodies."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from partnerkit._matching._affiliation._model import Found, Hit
from partnerkit._model import InstitutionKind
from partnerkit._names import Part, normalize_name
from partnerkit.rules import Decision, Explanation, RuleResult

if TYPE_CHECKING:
    from partnerkit._matching._affiliation._reader import AffiliationReader

__all__ = ["choose", "to_hit", "units_of_others"]

#: Heads of names that are often a unit of a larger body named after them ("Institute of X").
_HEADS = frozenset(("institute", "centre", "laboratory"))
_HEADED = re.compile(r"^\s*(?:the\s+)?\S+\s+(?:of|for|on|de|d'|für|fuer|di|del|des|du|voor|per|po|na)\s", re.I)
#: Words of the larger bodies that have institutes and centres as units.
_LARGER = frozenset(("university", "academy", "hospital", "college", "polytechnic"))


def units_of_others(r: AffiliationReader, orgs: list[Part], found: dict[int, Found]) -> None:
    """A part headed by a unit word ("Department of Biotechnology") that is a registered
    name does not answer when another organisation is named in the string: it is most
    likely that one's unit."""
    units = {p.text for p in orgs if p.subunit}
    # "Institute of Virology, Ulm University": a part headed by an institute, centre or
    # laboratory "of/for" a subject is, before a university, academy or hospital, its unit.
    heads = {p.text for p in orgs if p.tokens[0] in _HEADS and _HEADED.match(p.text)}
    if not units and not heads:
        return
    for f in found.values():
        if f.decided != "match" or f.part not in units | heads:
            continue
        if f.part in units:
            other = [p.text for p in orgs if not p.subunit and p.text != f.part]
        else:
            other = [p.text for p in orgs if p.text not in heads and not p.subunit and set(p.tokens) & _LARGER]
        related = [g for g in found.values() if g is not f and r.related(f.index, g.index)]
        if other and not related:
            f.decided = "possible"
            f.score = min(f.score, 0.7)
            f.reasons.append(("unit of another", f"headed by a unit word, and {other[0]!r} is also named"))


#: Reasons that leave a name found too weak to place another one ("Department of Biology").
_WEAK = frozenset(("generic name", "unit-like", "descriptive name"))


def descriptive_alone(r: AffiliationReader, found: dict[int, Found]) -> None:
    """A descriptive name ("Institute of Molecular Biology": words that organisations in
    many countries carry) is a MATCH only when the string places it: a place of the string,
    or another organisation the string names, in its country. A partial registry's only
    holder of such a name is not the only one in the world."""
    # each name is judged by the others as found, not as demoted here: of two descriptive
    # names in different countries neither places the other, and neither stays
    strong = [g for g in found.values() if g.reasons[-1][0] not in _WEAK]
    for f in found.values():
        if f.decided != "match" or not f.loose:
            continue
        country = r.institutions[f.index].country
        others = [g for g in strong if g.part != f.part]
        if not others or any(r.institutions[g.index].country == country for g in others):
            continue
        f.decided = "possible"
        f.score = min(f.score, 0.7)
        f.reasons.append(
            ("descriptive name", "its words are common to organisations in many countries; no place agrees")
        )


def settle_namesakes(r: AffiliationReader, found: dict[int, Found]) -> None:
    """Namesakes that no place of the string tells apart ("National Institutes of Health",
    "Institut Pasteur") are settled by the other organisations the string names: the one
    namesake that is their parent, unit or related body (ROR links)."""
    groups: dict[tuple[str, str], list[Found]] = {}
    for f in found.values():
        if f.decided == "possible" and f.reasons[-1][0] == "ambiguous":
            groups.setdefault((f.part, f.reasons[0][1]), []).append(f)
    for (part, _), group in groups.items():
        context = [g for g in found.values() if g.decided == "match" and g.part != part]
        if len(group) < 2 or not context:
            continue
        pick = [f for f in group if any(r.linked(f.index, g.index) for g in context)]
        if len(pick) != 1:
            continue
        f = pick[0]
        other = next(g for g in context if r.linked(f.index, g.index))
        f.decided = "match"
        f.score = 0.9
        f.reasons.append(
            ("namesake settled", f"of its namesakes, the one linked to {r.institutions[other.index].name}")
        )


def short_forms(r: AffiliationReader, found: dict[int, Found]) -> None:
    """A name found in one part that starts a longer name found in another, of an unrelated
    organisation ("Trinity College Institute of Neuroscience, Trinity College Dublin"), is
    most likely that one written short: the longer name answers."""
    matched = [f for f in found.values() if f.decided == "match" and f.name]
    words = {f.index: normalize_name(f.name).split() for f in matched}
    for f in matched:
        n = len(words[f.index])
        longer = next(
            (
                g
                for g in matched
                if g.part != f.part
                and len(words[g.index]) > n
                and words[g.index][:n] == words[f.index]
                and not r.linked(f.index, g.index)
            ),
            None,
        )
        if longer is not None:
            f.decided = "possible"
            f.score = min(f.score, 0.75)
            f.reasons.append(("short form", f"it starts {longer.name!r}, also named: that one answers"))


def own_right(r: AffiliationReader, unit: int, parent: int) -> bool:
    """``unit`` is an organisation in its own right, not a university's centre: the registry
    lists units of its own, or its parent is of a known kind other than a university's (an
    academy's institute, an agency's laboratory, a network's member)."""
    kind = r.institutions[parent].kind
    return bool(r.children(unit)) or kind not in (InstitutionKind.EDUCATION, InstitutionKind.OTHER)


def family_levels(r: AffiliationReader, matched: list[Found], top: list[Found]) -> None:
    """A string naming an organisation in its own right and its parent ("Kunming Institute
    of Zoology, Chinese Academy of Sciences") does not say which level it means: the
    institute is the most specific body, the academy the one the author is employed by.
    The parent is then no answer either (both stay POSSIBLE): an honest no rather than a
    coin toss between two members of one family. A university's centre or department
    registered as a unit ("Scripps Institution of Oceanography, University of California
    San Diego") leaves the university the answer; so do both names in one part (one name
    carrying both, which the name rules read: "Unit named whole")."""
    for p in top:
        if p.decided != "match":
            continue
        units = [
            f
            for f in matched
            if f.part != p.part and p.index in r.ancestors(f.index) and own_right(r, f.index, p.index)
        ]
        if units:
            p.decided = "possible"
            p.score = min(p.score, 0.8)
            unit = r.institutions[units[0].index].name
            p.reasons.append(("level", f"also named: {unit}, its unit and an organisation in its own right"))


def choose(r: AffiliationReader, text: str, found: dict[int, Found], rejected: dict[int, Found]) -> list[Hit]:
    settle_namesakes(r, found)
    descriptive_alone(r, found)
    short_forms(r, found)
    matched = [f for f in found.values() if f.decided == "match"]
    for g in [g for g in matched if g.reasons[0][0] == "acronym"]:
        # "Instituto Cajal (CSIC)": a parent written only as an acronym beside its unit
        # named in full is the unit's context, and the unit answers.
        unit = next((f for f in matched if f.reasons[0][0] != "acronym" and g.index in r.ancestors(f.index)), None)
        if unit is not None:
            g.decided = "possible"
            g.score = min(g.score, 0.8)
            g.reasons.append(("parent acronym", f"the parent of {r.institutions[unit.index].name}, named in full"))
            matched.remove(g)
    top = [f for f in matched if not any(g.index in r.ancestors(f.index) for g in matched if g is not f)]
    for f in matched:
        if f not in top:
            parent = next(g for g in top if g.index in r.ancestors(f.index))
            f.decided = "possible"
            f.score = min(f.score, 0.8)
            f.reasons.append(("unit", f"a unit of {r.institutions[parent.index].name}, also named: that one answers"))
    family_levels(r, matched, top)
    if len(top) > 1:
        edu = [f for f in top if r.institutions[f.index].kind is InstitutionKind.EDUCATION]
        for f in top:
            if len(edu) == 1 and f is not edu[0]:
                f.decided = "possible"
                f.score = min(f.score, 0.75)
                f.reasons.append(
                    ("other body", f"the string's university answers: {r.institutions[edu[0].index].name}")
                )
            elif len(edu) != 1:
                f.decided = "possible"
                f.score = min(f.score, 0.75)
                f.reasons.append(("several", f"{len(top)} unrelated organisations are named"))
    order = {"match": 0, "possible": 1, "non_match": 2}
    every = [*found.values(), *(r for i, r in rejected.items() if i not in found)]
    every.sort(key=lambda f: (order[f.decided], -f.score, f.index))
    return [to_hit(r, text, f) for f in every]


def to_hit(r: AffiliationReader, text: str, f: Found) -> Hit:
    inst = r.institutions[f.index]
    decision = Decision(f.decided)
    results = tuple(
        RuleResult(
            rule=f"affiliation.{rule.replace(' ', '_')}",
            value=True,
            weight=None if i == len(f.reasons) - 1 else 0.0,
            decision=decision if i == len(f.reasons) - 1 else None,
            text=detail,
        )
        for i, (rule, detail) in enumerate(f.reasons)
    )
    explanation = Explanation(decision=decision, score=f.score, results=results, left=text, right=inst.name)
    return Hit(inst, f.score, decision, explanation, f.name or inst.name, f.part, f.name_id)
