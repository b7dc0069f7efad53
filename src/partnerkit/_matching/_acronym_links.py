"""Acronyms of a list, read against the list itself: what :func:`partnerkit.dedupe` links by acronym.

A rule compares two names alone, so "TUM" beside "Technical University of Munich" is only
POSSIBLE: many names have the initials T, U, M. A list says more: when the acronym spells
the initials of names of one cluster only, nothing in the list competes, and the acronym is
that cluster's. Three links, tried after the clusters of MATCH pairs are formed:

1. *The same words with the acronym*: "KTH Royal Institute of Technology" and "Royal Institute
   of Technology (KTH)" (the acronym written as a word of one name and in brackets beside
   the other's words).
2. *An acronym written alone* ("UBA", "NUS") links to the one cluster whose names it spells
   (:func:`~partnerkit._names.derive_acronyms`: "Universidad de Buenos Aires" spells "uba");
   an acronym of three or four letters spells many names by chance, so it links only to a
   cluster the list writes in two ways at least ("Universidad de Buenos Aires", "University
   of Buenos Aires").
3. *An acronym in brackets that its own name does not spell* ("Royal Institute of
   Technology (KTH)": the English name's initials are R, I, T) is the initials of a name in
   another language ("Kungliga Tekniska högskolan"): it links to the one cluster spelling it
   when the two names share a distinctive word ("technology", a city).

Two clusters spelling one acronym ("MSU": Moscow and Michigan State University) compete: the
acronym stays apart, honest about the ambiguity. An acronym of fewer than
:data:`MIN_LETTERS` letters spells too many names to link, and a legal form ("LLC", "Ltd")
is no one's acronym. Names with known, different countries never link (nor an acronym and a
cluster whose names are given another country); a cluster whose acronyms point to two
clusters links to neither (no chains). The function here is pure: it reads profiles and a
union-find's roots.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping

from partnerkit._names import acronym_key
from partnerkit._names._vocabulary import LEGAL_FORMS, TRAILING_LEGAL_FORMS
from partnerkit.rules import Profile

__all__ = ["MIN_LETTERS", "acronym_links", "bracket_key", "claims_of", "roles", "spelt_by"]

#: Acronyms shorter than this ("TU", "UC") are not linked by the list.
MIN_LETTERS = 3
#: An acronym of this many letters or fewer spells many names by chance: written alone, it
#: joins only a cluster the list writes in at least two ways (an institution the list knows
#: well). On 100,000 generated names, links of three or four letters to a name written once
#: were right 55-85% of the time, to a name written in two ways or more 75-93%, and links of
#: five letters or more about 95%.
SHORT = 4

_BRACKETED = re.compile(r"\(([^()]+)\)")
_LEGAL = LEGAL_FORMS | TRAILING_LEGAL_FORMS  # "LLC", "Ltd" are no one's acronym


def _written(p: Profile) -> frozenset[str]:
    """Acronyms in brackets beside a full name ("Name (ACR)") that its own words do not spell."""
    if p.acronym is not None or not p.acronyms or "(" not in p.text:
        return frozenset()
    out = set()
    for m in _BRACKETED.finditer(p.text):
        k = acronym_key(m.group(1))
        if k in p.acronyms and len(k) >= MIN_LETTERS and k not in p.derived and k not in _LEGAL:
            out.add(k)
    return frozenset(out)


def bracket_key(p: Profile) -> frozenset[str] | None:
    """Link 1's key of a name written with an acronym beside its words: its words and acronyms, else ``None``."""
    return p.tokens | p.acronyms if p.acronym is None and p.acronyms else None


def claims_of(p: Profile) -> frozenset[str]:
    """The acronyms a name claims (links 2 and 3): written alone, or bracketed and not spelt by its own words."""
    if p.acronym is not None:
        return frozenset((p.acronym,)) if len(p.acronym) >= MIN_LETTERS and p.acronym not in _LEGAL else frozenset()
    return _written(p)


def spelt_by(p: Profile, claimed: Collection[str]) -> frozenset[str]:
    """The claimed acronyms that a full name spells (:func:`~partnerkit._names.derive_acronyms`).

    Reads the name's few acronyms against ``claimed`` (one lookup each): ``frozenset.intersection``
    of a non-set (a dict's keys) walks the whole argument, a cost that grows with the list.
    """
    if p.acronym is not None or not p.derived:
        return frozenset()
    return frozenset(k for k in p.derived if k in claimed)


def roles(p: Profile, bracketed: Collection[frozenset[str]], claimed: Collection[str]) -> tuple[bool, frozenset[str]]:
    """How a name can take part in a link, given every :func:`bracket_key` and :func:`claims_of` of the list.

    Returns whether it takes part whatever its cluster (it has a bracket key, claims an
    acronym, or is link 1's other name: the same words with the acronym as a word) and the
    claimed acronyms it spells. Of the names of one cluster spelling an acronym, the first
    (by group number) stands for the others: :func:`acronym_links` over the names taking part
    whatever their cluster and those first spellers links what it links over the whole list,
    so an engine holding the list in pieces can select them piece by piece.
    """
    spelt = spelt_by(p, claimed)
    if bracket_key(p) is not None or claims_of(p):
        return True, spelt
    return p.acronym is None and p.tokens in bracketed, spelt


def acronym_links(
    profiles: Mapping[int, Profile],
    find: Callable[[int], int],
    union: Callable[[int, int, str], object],
    *,
    hints: Mapping[int, str] | None = None,
    forms: Mapping[int, int] | None = None,
    skip: Callable[[int], bool] | None = None,
) -> None:
    """Link groups by acronym (see the module), calling ``union(g, h, note)`` for each link.

    Args:
        profiles: the profile (of its representative name) of each group that can take part
            (every group, or those :func:`roles` selects), by group number.
        find: the root of a group's cluster, after the clusters of MATCH pairs.
        union: joins the clusters of groups ``g`` (the acronym's) and ``h`` (its expansion's),
            unless it refuses (two institutions of a registry).
        hints: the country of the groups that have one.
        forms: how many distinct written forms each node holds, a node being a group or a
            root standing for its whole cluster (default: one per group of ``profiles``);
            ``find`` gives each node's cluster.
        skip: groups whose acronym must not be linked (a registry finds it ambiguous).
    """
    hints = hints or {}
    order = sorted(profiles)
    # 1. the same words, the acronym once a word and once in brackets
    bracketed: dict[frozenset[str], list[int]] = {}
    for g in order:
        key = bracket_key(profiles[g])
        if key is not None:
            bracketed.setdefault(key, []).append(g)
    if bracketed:
        for g in order:
            p = profiles[g]
            if p.acronym is None:
                for h in bracketed.get(p.tokens, ()):
                    if h != g and _compatible(hints, g, h) and find(g) != find(h):
                        union(h, g, f"{p.text!r} is {profiles[h].text!r} with its acronym written as a word.")
    # 2./3. an acronym alone, or bracketed and unexplained, and the one cluster spelling it
    claims: dict[str, list[int]] = {}
    for g in order:
        if skip is not None and skip(g):
            continue
        for k in claims_of(profiles[g]):
            claims.setdefault(k, []).append(g)
    if not claims:
        return
    spellers: dict[str, list[int]] = {}
    for g in order:
        for k in spelt_by(profiles[g], claims.keys()):
            spellers.setdefault(k, []).append(g)
    if not spellers:
        return
    # per cluster: how many ways the list writes it, and the countries its names are given
    size: dict[int, int] = {}
    for node, n in forms.items() if forms is not None else ((g, 1) for g in order):
        r = find(node)
        size[r] = size.get(r, 0) + n
    countries: dict[int, set[str]] = {}
    for g, known in hints.items():
        countries.setdefault(find(g), set()).add(known)
    # decided on the clusters as they are (no link depends on another's order); a cluster
    # whose acronyms point to two clusters links to neither (it would chain them)
    targets: dict[int, dict[int, tuple[int, int, str]]] = {}
    for k in sorted(claims.keys() & spellers.keys()):
        found = spellers[k]
        for c in claims[k]:
            alone = profiles[c].acronym is not None
            roots: dict[int, int] = {}
            for e in found:
                if _compatible(hints, c, e):
                    roots.setdefault(find(e), e)
            if len(roots) != 1:
                continue  # none, or two clusters spell it: ambiguous
            ((r, e),) = roots.items()
            a = find(c)
            if r == a:
                continue
            hint = hints.get(c)
            if hint is not None and countries.get(r, {hint}) != {hint}:
                continue  # the cluster names another country
            if alone and len(k) <= SHORT and size[r] < 2:
                continue
            if not alone and not (profiles[c].distinctive & profiles[e].distinctive):
                continue  # two full names share a word at least ("technology", a city)
            targets.setdefault(a, {}).setdefault(r, (c, e, k))
    for links in targets.values():
        if len(links) != 1:
            continue
        ((c, e, k),) = links.values()
        how = "is written alone" if profiles[c].acronym is not None else "is written beside it"
        union(
            c,
            e,
            f"The acronym {k.upper()!r} {how} and spells {profiles[e].text!r},"
            " the one name of the list that it spells.",
        )


def _compatible(hints: Mapping[int, str], g: int, h: int) -> bool:
    a, b = hints.get(g), hints.get(h)
    return a is None or b is None or a == b
