"""A place the name writes and its institution is not at: "Monash University - South Africa Campus"."""

from __future__ import annotations

import contextlib

from partnerkit._matching._index import Index
from partnerkit._matching._match._result import _AND, Match, demoted
from partnerkit._matching._spread import word_spread
from partnerkit._model import Institution, country_name
from partnerkit._names import ORG_KEYS, country_of, looks_like_affiliation, normalize_name
from partnerkit.rules import Decision
from partnerkit.rules._profile import WEAK_TOKENS

__all__ = ["place_elsewhere"]

#: Regions that a name may place in the country they belong to ("Hong Kong, China").
_WITHIN = {"HK": "CN", "MO": "CN", "TW": "CN"}
#: Place names shorter than this are not read (two letters are state codes, initials, words).
_PLACE = 3
#: A country is read from a word longer than this: three letters are ISO codes and words ("sad", "pan").
_CODE = 3


def place_elsewhere(index: Index, name: str, found: list[Match]) -> list[Match]:
    """The top MATCH becomes POSSIBLE when ``name`` writes a place that is not where its institution is.

    A word (or two) of ``name`` beyond the institution's own names that is a country other
    than the institution's, or the city of a registered institution other than the
    institution's city, names another body: a campus or branch the registry may not list
    ("Monash University - South Africa Campus", "University of Houston - Victoria"), or a
    namesake elsewhere ("Federal University of Agriculture Makurdi" is not the one in
    Abeokuta). The explanation says which place the name writes.
    """
    top = found[0] if found else None
    if top is None or top.decision is not Decision.MATCH or looks_like_affiliation(name) or _AND.search(name):
        return found  # a string with parts, or naming two bodies ("... and University of Manchester")
    place = _elsewhere(index, name, top.institution)
    if place is None:
        return found
    inst = top.institution
    at = ", ".join(p for p in (inst.city, inst.country) if p) or "no place given"
    note = (
        f"Elsewhere: the name writes {place!r}, and {inst.name} is not there ({at}); "
        "it may name a campus, a branch or a namesake."
    )
    return [demoted(top, note), *found[1:]]


def _elsewhere(index: Index, name: str, inst: Institution) -> str | None:
    """The first place ``name`` writes beyond ``inst``'s names that is not where ``inst`` is, or ``None``.

    A word written in capitals is an acronym, not a place ("MAHE", "FES"); a name that
    also writes the institution's own country ("Great Britain and Ireland") states a scope,
    not another place; a city is another place only when no registered institution of
    ``inst``'s country is in a city of that name; and a place is read only when no registered
    name in ``inst``'s country carries its words: those are words of that country's names
    ("New South Wales", "University of New Brunswick", "Alma Mater"), not a place abroad.
    """
    if not inst.country:
        return None
    words = normalize_name(name).split()
    own = _own_words(inst)
    extra = {i for i, w in enumerate(words) if w not in own}
    if not extra:
        return None
    capitals = {normalize_name(w) for w in name.split() if len(w) > 1 and w.isupper()}
    grams = [(words[i], i) for i in sorted(extra)]
    grams += [(f"{words[i]} {words[i + 1]}", i) for i in range(len(words) - 1) if i in extra or i + 1 in extra]
    places = {g: country_of(g) if len(g) > _CODE else None for g, _ in grams}
    if inst.country in places.values() or any(country_of(w) == inst.country for w in words if len(w) > _CODE):
        return None
    cities = word_spread(index).cities()
    for g, _ in grams:
        if len(g) < _PLACE or g in ORG_KEYS or g in WEAK_TOKENS or g in capitals:
            continue
        country = places[g]
        if country is not None:
            abroad = _WITHIN.get(inst.country) != country
        else:
            abroad = g in cities and inst.country not in cities[g]
        if abroad and not _written_in(index, g, inst.country):
            return g
    return None


def _written_in(index: Index, words: str, country: str) -> bool:
    """A registered name of an institution in ``country`` carries every one of ``words``."""
    wanted = words.split()
    rarest = min(wanted, key=lambda w: (index.count("t:" + w), w))
    countries = index.countries
    for n in index.posting("t:" + rarest):
        if countries[index.name_inst[n]] == country and all(w in index.keys[n].split() for w in wanted):
            return True
    return False


def _own_words(inst: Institution) -> frozenset[str]:
    """The normalised words of every name of ``inst``, its city and its country."""
    words: set[str] = set()
    texts = [inst.name, *inst.aliases, *inst.acronyms, *inst.labels.values()]  # every name (as inst.names())
    if inst.city:
        texts.append(inst.city)
    if inst.country:
        with contextlib.suppress(ValueError):  # a code pycountry does not know
            texts.append(country_name(inst.country))
    for text in texts:
        words.update(normalize_name(text).split())
    return frozenset(words)
