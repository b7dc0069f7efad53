"""A school of a university named after it ("Harvard Medical School") when the school has no record."""

from __future__ import annotations

from typing import TYPE_CHECKING

from partnerkit._matching._affiliation._model import Found, Hints, put
from partnerkit._matching._affiliation._variants import OWN, university_of
from partnerkit._names import Part

if TYPE_CHECKING:
    from partnerkit._matching._affiliation._reader import AffiliationReader

__all__ = ["schools"]

#: Words of another part that make the school not the answer: a university's or a hospital's own part.
_BESIDE = OWN | {"hospital"}

#: Schools a university has under its own name, as normalised words ("School of Medicine" ->
#: "school medical"). Not hospitals: a university hospital is mostly an organisation of its own.
_SCHOOLS = (
    ("medical", "school"),
    ("school", "medical"),
    ("college", "medical"),
    ("school", "public", "health"),
    ("law", "school"),
    ("school", "law"),
    ("business", "school"),
    ("dental", "school"),
    ("school", "dentistry"),
    ("school", "nursing"),
    ("school", "pharmacy"),
)
#: At most this many words (a donor's name: "Johns Hopkins Bloomberg School") between the
#: university's name at the start of a part and its school.
_GAP = 2


def _school_at(toks: tuple[str, ...]) -> tuple[int, tuple[str, ...]]:
    """Where the first school words start in ``toks`` (-1 if none), and those words."""
    for i in range(1, len(toks)):
        for school in _SCHOOLS:
            if toks[i : i + len(school)] == school:
                return i, school
    return -1, ()


def schools(r: AffiliationReader, orgs: list[Part], pieces: list[Part], hints: Hints, found: dict[int, Found]) -> None:
    """Read the schools named after their university in a string that named no organisation
    (a teaching hospital or institute named beside "Harvard Medical School" is the answer),
    unless another part names a university of its own ("Nelson R. Mandela School of Medicine,
    University of KwaZulu-Natal": the school is that one's)."""
    named = {f.part for f in found.values()}
    for part in [*orgs, *pieces]:
        if part.text in named or _school_at(part.tokens)[0] <= 0:
            continue
        # another university's part, or a teaching hospital's ("Massachusetts General Hospital
        # Center for Cancer Research, Harvard Medical School": the hospital is meant)
        if any(p is not part and not p.subunit and _BESIDE & set(p.tokens) and part.text not in p.text for p in orgs):
            continue
        _school_hit(r, part, hints, found)


def _school_hit(r: AffiliationReader, part: Part, hints: Hints, found: dict[int, Found]) -> bool:
    """ "Yale School of Medicine", "Washington University School of Medicine": a school named
    after its university, where the school itself is no registered name (else the name runs
    found it). The university answers when the words before the school are its name short of
    "University" ("Yale" -> "Yale University") or short of its city ("Washington University"
    -> "Washington University in St. Louis"), and that names exactly one university."""
    toks = part.tokens
    at, school = _school_at(toks)
    if at <= 0:
        return False
    before = toks[:at]
    # the words just before the school first (longest first), then the start of the part
    # with a donor's name between ("Johns Hopkins Bloomberg School of Public Health")
    runs = [before[-n:] for n in range(min(4, len(before)), 0, -1)]
    runs += [before[:n] for n in range(len(before) - 1, max(0, len(before) - 1 - _GAP), -1)]
    for run in runs:
        if all(r._generic(t) for t in run):
            continue
        got = university_of(r, run)
        if got is None:
            continue
        c, name, name_id = got
        if r.elsewhere(c, hints):
            return False  # "Loyola Law School, Los Angeles": not the Loyola University in Spain
        reasons = [
            (
                "school of its university",
                f"{part.text!r} names a school ({' '.join(toks[at:])}) of {name!r}, not registered itself",
            )
        ]
        # "Johns Hopkins School of Medicine": the registry may hold the school without "School"
        # ("Johns Hopkins Medicine"), as an organisation tied to the university
        own = " ".join((*run, *(w for w in school if w not in OWN and w != "school")))
        units = {(e[0], e[2], e[3]) for e in r.entries(own) if e[0] != c and r.linked(e[0], c)}
        if len(units) == 1:
            c, written, name_id = units.pop()
            reasons.append(("registered as", f"the registry holds the school as {written!r}, tied to {name!r}"))
            name = written
        put(found, Found(c, 0.9, reasons, "match", name, part.text, name_id))
        return True
    return False
