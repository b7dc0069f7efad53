"""Runs of registered names in a part of an affiliation string: whether a run counts, and what it names.

A run of a part's words that is a registered name counts when the words around it say
it is the name (see :func:`partnerkit._matching._affiliation._parts.run_context`): the
whole part, a unit of it, a place, its own acronym, a role "at" it, the word of its kind,
a company's legal form, other bodies' acronyms beside it. A place beside the name must be
the holder's. The holders are then told apart (``_namesakes``), a system's short name may
yield to its member (``_systems``), and each remaining holder is decided: MATCH, or
POSSIBLE when the name is ambiguous, a system's, every word common with no place agreeing,
or reads as a sub-unit.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from partnerkit._matching._affiliation._acronyms import acronym_body, explained_by_acronym, own_acronym
from partnerkit._matching._affiliation._model import ALIAS, DISPLAY, Entry, Found, Hints, put
from partnerkit._matching._affiliation._namesakes import settle, written_for
from partnerkit._matching._affiliation._parts import _DIGITS, _EV, acronym_words, connector_before, run_context
from partnerkit._matching._affiliation._places import place_agrees
from partnerkit._matching._affiliation._systems import longer, medical_member, member_placed, members
from partnerkit._names import Part

if TYPE_CHECKING:
    from partnerkit._matching._affiliation._reader import AffiliationReader

__all__ = ["name_hit"]

#: A hospital word, then "university" as an adjective ("Hospital Clínico Universitario de X",
#: "Centre Hospitalier Universitaire de X"): the university hospital of X, not the university.
_UNIVERSITY_HOSPITAL = re.compile(
    r"\b(?:hospital\w*|h[oô]pital|ospedal\w*|cl[ií]nic\w*|klinik\w*)(?:\s+[\w'’.-]+){0,3}?\s+"
    r"universit(?:ario|aria|ari|aire|[aá]rio|[aá]ria|air|är)\w*\b",
    re.I,
)
#: The noun "university" in the languages of those adjectives: written, the university is named.
_UNIVERSITY_NOUN = re.compile(r"\buniversi(?:dad|dade|tat|tà|ty|té|te|tät|taet)\b", re.I)

#: A number written as a word after a name: "Université Paris VI", "Univ Paris 06" (not a lone
#: digit: "University of Montpellier 3 , Montpellier" is as often a footnote mark).
_NUMERAL = re.compile(r"^(?:0\d|[ivx]{1,5})$")
_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv")
#: The numbers of numbered namesakes looked for ("Université Paris 8", "University of Paris XI").
_NUMBERS = (*(str(i) for i in range(1, len(_ROMAN) + 1)), *_ROMAN)

#: A word of an organisation's kind written after its registered name, and that kind.
_KIND_WORDS = {"university": "education", "college": "education", "hospital": "healthcare"}


def _university_hospital(text: str) -> bool:
    """``text`` names a university hospital by the adjective ("Hospital Clínico Universitario
    de X") and writes no university as a noun ("... de la Universidad de X")."""
    return bool(_UNIVERSITY_HOSPITAL.search(text)) and not _UNIVERSITY_NOUN.search(text)


def name_hit(
    r: AffiliationReader,
    part: Part,
    start: int,
    end: int,
    key: str,
    *,
    hints: Hints,
    found: dict[int, Found],
    rejected: dict[int, Found],
) -> bool:
    """Record the organisations a run of a part names; False if the run does not count."""
    context = run_context(r, part.tokens, start, end, hints.tails.get(part.text, len(part.tokens)))
    entries = [e for e in r.entries(key) if written_for(r, e[3], part.text, hints)]
    if not entries:
        return False  # the run is no name the string writes ("Montpellier I University")
    if _numbered_namesake(r, part, end, key):
        return False  # "Université Paris VI": a numbered namesake's name, not "University of Paris"
    cands = sorted({e[0] for e in entries})
    if context is None and start == 0 and 0 < len(part.tokens) - end <= 3 and " " in key:
        # "Instituto de Física ... Complejos IFISC", "Universidad de Antioquia U de A": a name
        # followed by its own acronym (or initials written apart)
        own = own_acronym(r, part, end, cands)
        if own is not None:
            cands, context = own
    after_unit = context is not None and context.startswith("after a unit")
    if after_unit and key.startswith("university ") and _university_hospital(part.text):
        return False  # the hospital's name, which the university's words end
    role = 0
    conn = connector_before(part, start) if context is None and start > 0 and " " in key else None
    if conn is not None and (conn == "at" or all(r._generic(t) or r._subject(t) for t in part.tokens[:start])):
        # "Assistant Professor at X", "Electrical Engineering of X": a role at X or a subject's unit of X
        rest = run_context(r, part.tokens[start:], 0, end - start, len(part.tokens) - start)
        if rest is not None:
            role = start  # the words before are no place of the name's
            lead = " ".join(part.tokens[:start])
            context = f"after {lead!r} {conn}" + ("" if rest == "whole part" else f", {rest}")
    if context is None and start == 0 and end == len(part.tokens) - 1 and part.tokens[end] in _KIND_WORDS:
        # "Jamia Hamdard University": the registered name without the word of its kind
        kind = _KIND_WORDS[part.tokens[end]]
        cands = [c for c in cands if r._kind[c] == kind]
        if cands:
            context = f"followed by the word of its kind ({part.tokens[end]})"
    others: frozenset[str] = frozenset()
    if context is None and " " in key:
        # "Sorbonne University INSERM CNRS", "CONICET Universidad de Buenos Aires": other
        # bodies' acronyms or unit codes beside the name do not bury it
        others = acronym_words(part) - set(part.tokens[start:end])
        if others:
            context = run_context(r, part.tokens, start, end, len(part.tokens), others=others)
        if context is not None and (named := explained_by_acronym(r, key, others, cands)):
            # "CEITEC Masaryk University": the acronym and the name are one body's, not two
            acronym_body(r, part, key, named=named, cands=cands, found=found)
            return True
    if context is not None and context.startswith("followed by a legal form"):
        if part.tokens[end:] != (_EV,):
            # "Honeywell International Inc": a company's own word, not a common one ("Power Group Ltd")
            if " " not in key and (r._generic(key) or r._subject(key)):
                return False
            cands = [c for c in cands if r._kind[c] == "company"]
            if not cands:
                return False
    elif context is None or (context != "whole part" and " " not in key):
        return False  # a lone registered word among other words is not a name
    places = [w for w in (*part.tokens[role:start], *part.tokens[end:]) if not _DIGITS.match(w) and w not in others]
    if "acronym" in context or "relation" in context or "legal form" in context or "its kind" in context:
        places = []
    beside = bool(places) and "unit" not in context
    if beside:
        # "Jiaxing Center for Disease Control", "University of North Carolina": a place
        # beside the name must be the organisation's, else the run is not that name.
        cands = [c for c in cands if place_agrees(r, c, places)]
        if not cands:
            return False
    base = [("name", f"{part.text!r} is a registered name ({key!r})"), ("context", context)]
    settled = settle(r, part, entries, cands, hints=hints, base=base, rejected=rejected)
    if settled is None:
        return True  # the string's country conflicts with every holder's
    cands = settled
    if len(cands) == 1 and not any(e[1] == DISPLAY for e in entries):
        # "University of Illinois ..., Chicago", "Queens College ..., CUNY": a name its holder
        # bears only as an alias or label, that another registered name extends with words the
        # string writes, is that name written apart
        other = longer(r, key, cands[0], hints) or medical_member(r, key, cands[0], hints)
        if other is not None:
            o, written, name_id = other
            why = f"{written!r} extends it with words the string writes"
            reasons = [*base, ("longer name", why)]
            put(found, Found(o, 0.9, reasons, "match", written, part.text, name_id))
            return True
    _decide(r, part, key, context, entries=entries, cands=cands, base=base, beside=beside, hints=hints, found=found)
    return True


def _numbered_namesake(r: AffiliationReader, part: Part, end: int, key: str) -> bool:
    """The run ``key`` is followed by a number it does not carry ("Université Paris VI", "Univ
    Paris 06") and the registry numbers namesakes of the name ("Université Paris 8",
    "University of Paris XI"): the string names one of the numbered ones (which the registry,
    holding none so numbered, does not know), not the name without a number."""
    if end >= len(part.tokens) or not _NUMERAL.match(part.tokens[end]):
        return False
    number = part.tokens[end].lstrip("0")
    return any(r.entries(f"{key} {n}") for n in _NUMBERS if n != number)


def _decide(
    r: AffiliationReader,
    part: Part,
    key: str,
    context: str,
    *,
    entries: list[Entry],
    cands: list[int],
    base: list[tuple[str, str]],
    beside: bool,
    hints: Hints,
    found: dict[int, Found],
) -> None:
    """Record each holder left of a registered name run ``key`` (MATCH or POSSIBLE, see the module
    docstring), or the one member of a system the string's words or places pick."""
    located = hints.located()
    words = key.split()
    generic = all(r._generic(t) for t in words)
    descriptive = r._descriptive(words)
    for c in cands:
        reasons = list(base)
        decided = "match"
        score = 0.97 if context == "whole part" else 0.93
        short = not any(e[0] == c and e[1] == DISPLAY for e in entries)
        system = members(r, c, words) if len(cands) == 1 and short else []
        if system:
            picked = member_placed(r, system, hints)
            if picked is not None:
                why = f"names the system; the place picks its member {r.institutions[picked].name}"
                reasons.append(("system member", why))
                written, name_id = r.entry_of(picked)
                put(found, Found(picked, 0.9, reasons, "match", written, part.text, name_id))
                return
            decided = "possible"
            score = 0.6
            names = ", ".join(r.institutions[m].name for m in system[:4])
            reasons.append(("system", f"names a system of {len(system)} members ({names}...); not which one"))
        elif len(cands) > 1:
            decided = "possible"
            score = 0.6
            holders = ", ".join(r.institutions[o].name for o in cands[:5])
            reasons.append(
                ("ambiguous", f"Ambiguous: {len(cands)} organisations have this name ({holders}); give a place")
            )
        elif generic and not beside and not r._placed(c, hints):
            decided = "possible"
            score = 0.6
            reasons.append(("generic name", "every word is common; no place in the string agrees"))
        elif part.subunit and not located and (descriptive or not context.startswith("after a unit")):
            # (a distinctive name after the unit's words is the unit's body: "Division of X de la
            # Universidad de Guanajuato"; a descriptive one may be the unit: "Dept. of Molecular Microbiology")
            decided = "possible"
            score = 0.7
            reasons.append(("unit-like", "the part reads as a sub-unit and no place agrees"))
        mine = [e for e in entries if e[0] == c]
        entry = next((e for e in mine if e[1] != ALIAS), mine[0])
        loose = decided == "match" and descriptive and not beside and not r._placed(c, hints)
        put(found, Found(c, score, reasons, decided, entry[2], part.text, entry[3], loose))
