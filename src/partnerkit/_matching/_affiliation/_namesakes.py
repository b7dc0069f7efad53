"""Namesakes in an affiliation string: which of the organisations that hold a name the string means.

A registered name may be held by several organisations. They are told apart, in this
order, by what the string writes: the words a name carries in brackets ("University of
Frankfurt (Oder)") and a university of applied sciences' own word ("Fachhochschule"), which
the string must write too; being active; the string's country (a conflict is a hard
NON_MATCH); its city, state or a country it implies; the name written as is rather than
read through another form ("University of Freiburg", not "Universität Freiburg"); holding it
as a name rather than an alias; and being the parent of the others. What is left stays
ambiguous.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from partnerkit._matching._affiliation._model import ALIAS, DISPLAY, Entry, Found, Hints
from partnerkit._names import Part, country_of, fold, parse_name, subdivision_countries, tokens
from partnerkit.rules._kinds import APPLIED_WORDS

if TYPE_CHECKING:
    from partnerkit._matching._affiliation._reader import AffiliationReader

__all__ = ["placed_apart", "settle", "writes_number", "written_for"]

#: The Roman numeral one written as a word after a name's word ("Montpellier I University",
#: "Université Lyon I"): the normal form drops it as an initial, so without it the name reads
#: as its unnumbered namesake's ("Montpellier University").
_NUMERAL_ONE = re.compile(r"(?<=\w) I(?= |,|$)")
#: A number written as a word ("1", "I", "III"): another number than the name's is left to the
#: numbered-name rule of the name matcher, which explains the conflict.
_NUMBER_WRITTEN = re.compile(r"(?<!\S)(?:\d{1,2}|[IVX]{1,4})(?=[\s,;)]|$)")


def writes_number(text: str) -> bool:
    """``text`` writes a number as a word ("Montpellier 1 University", "Paris XI")."""
    return bool(_NUMBER_WRITTEN.search(text))


def written_for(r: AffiliationReader, n: int, text: str, hints: Hints) -> bool:
    """Registered name ``n`` may be what ``text`` (a part of a string with places ``hints``)
    writes.

    The string carries the words the name has in brackets to tell it from a namesake
    ("University of Frankfurt (Oder)", "Indian Institute of Technology (Banaras Hindu
    University)"; acronyms, countries, states and common words in brackets tell nothing
    apart: the string's places are weighed as places), and a name written with a word of a
    university of applied sciences ("Fachhochschule Kiel", read as "University Kiel") is not
    read from a string that writes none ("University at Kiel"), nor a name numbered "I"
    ("Montpellier I University") from a string that writes no number (anywhere: a number
    after a name may have been set apart as a footnote mark).
    """
    got = r._qualifiers.get(n)
    if got is None:
        written = r.index.texts[n]
        words: tuple[str, ...] = ()
        if "(" in written or "[" in written:
            words = tuple(
                t
                for inner in parse_name(written).aliases
                if country_of(fold(inner)) is None and fold(inner) not in subdivision_countries()
                for t in tokens(inner)
                if not r._generic(t)
            )
        applied = bool(APPLIED_WORDS.intersection(fold(written).split()))
        got = r._qualifiers[n] = (words, applied, bool(_NUMERAL_ONE.search(written)))
    words, applied, numbered = got
    if not all(t in hints.words for t in words):
        return False
    if numbered and not hints.number and not writes_number(text):
        return False
    return not applied or bool(APPLIED_WORDS.intersection(fold(text).split()))


def settle(
    r: AffiliationReader,
    part: Part,
    entries: list[Entry],
    cands: list[int],
    *,
    hints: Hints,
    base: list[tuple[str, str]],
    rejected: dict[int, Found],
) -> list[int] | None:
    """The holders of a registered name (``entries``, held by ``cands``) that ``part`` may mean,
    fewest first by the steps of the module docstring, each step that narrows them added to the
    reasons ``base``; None when the string's country conflicts with every one of them (each is
    then recorded in ``rejected`` as a NON_MATCH)."""
    active = [c for c in cands if r.institutions[c].status == "active"]
    if active and len(active) < len(cands):
        cands = active
    if hints.countries:
        agree = [c for c in cands if r.institutions[c].country in hints.countries]
        if not agree:
            for c in cands:
                inst = r.institutions[c]
                why = f"the string names {'/'.join(sorted(hints.countries))}, the registry {inst.country}"
                name = next(e[2] for e in entries if e[0] == c)
                rejected.setdefault(c, Found(c, 0.0, [*base, ("country conflict", why)], "non_match", name, part.text))
            return None
        if len(agree) < len(cands) or len(cands) == 1:
            base.append(("country", f"{'/'.join(sorted(hints.countries))} agrees"))
        cands = agree
    if len(cands) > 1 and (hints.cities or hints.soft):
        near = [c for c in cands if r._city_of[c] in hints.cities]
        if not near:
            near = [c for c in cands if r.institutions[c].country in hints.soft]
        if near and len(near) < len(cands):
            base.append(("place", f"{', '.join(hints.texts)} settles {len(cands)} namesakes"))
            cands = near
    if len(cands) > 1:
        # "University of Freiburg" (and not "Universität Freiburg", Fribourg's German name),
        # "Institut Pasteur" (not "Instituto Pasteur"): the one whose name is written as is
        # (their display names first: "Universidad de Los Andes" over another's Spanish label)
        written = f" {fold(part.text)} "
        as_is = [e for e in entries if e[0] in cands and f" {fold(e[2])} " in written]
        shown = {e[0] for e in as_is if e[1] == DISPLAY}
        exact = sorted(shown if len(shown) == 1 else {e[0] for e in as_is})
        if len(exact) == 1:
            base.append(("written as is", "the only one with this name as written, not read through another form"))
            cands = exact
    if len(cands) > 1:
        main = sorted({e[0] for e in entries if e[0] in cands and e[1] != ALIAS})
        if len(main) == 1:
            base.append(("name type", "the only one with this as its name rather than an alias"))
            cands = main
    if len(cands) > 1:
        # "Lockheed Martin": the company and its national branches share the name; the root answers
        # (not when one of them is the name's own holder: "University of Minnesota", the campus)
        root = [c for c in cands if all(c in r.ancestors(o) for o in cands if o != c)]
        display = {e[0] for e in entries if e[0] in cands and e[1] == DISPLAY}
        if len(root) == 1 and (root[0] in display or not display):
            base.append(("family", f"the parent of its {len(cands) - 1} namesakes (ROR parent links)"))
            cands = root
    return cands


def placed_apart(r: AffiliationReader, found: dict[int, Found], rejected: dict[int, Found], hints: Hints) -> None:
    """A string listing bodies in two countries ("Georgia Institute of Technology, Atlanta, GA
    and ..., Nankai University, Tianjin, China") names each one's place: a body rejected for
    the country named is no conflict when the string names its own city, a city in none of
    the countries named, and another body found is in the country named (which the country
    then places). Both are found; the choice among them is left to :func:`._choose.choose`."""
    if not hints.cities or not any(
        f.decided == "match" and r.institutions[f.index].country in hints.countries for f in found.values()
    ):
        return
    for c, f in list(rejected.items()):
        city = r._city_of[c]
        if c in found or not city or city not in hints.cities or hints.countries & set(r._cities.get(city, ())):
            continue
        if f.reasons[-1][0] != "country conflict":
            continue
        del rejected[c]
        why = f"the string names its city {r.institutions[c].city}, and the country it names places another body"
        found[c] = Found(c, 0.9, [*f.reasons[:-1], ("place", why)], "match", f.name, f.part, f.name_id)
