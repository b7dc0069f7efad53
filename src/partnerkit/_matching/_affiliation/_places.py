"""Places in an affiliation string: address parts, trailing addresses and places beside a name."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from partnerkit._matching._affiliation._model import Hints
from partnerkit._matching._affiliation._parts import _DIGITS, spans
from partnerkit._names import (
    ORG_KEYS,
    STREET_WORDS,
    Part,
    country_code,
    country_of,
    fold,
    is_postcode,
    normalize_name,
    subdivision_countries,
    tokens,
)

if TYPE_CHECKING:
    from partnerkit._matching._affiliation._reader import AffiliationReader

__all__ = ["address_tail", "country_before", "place", "place_agrees", "places_in", "regions", "regions_named"]

#: A country written in dotted capitals before a name: "U.S. Naval Academy", "U. K. Atomic ...".
_DOTTED_COUNTRY = re.compile(r"^((?:[A-Z]\.\s?){2,3})\s*(?=[A-Z])")
#: The countries English names write so, as national adjectives ("U.S. Army", "U.K. Health ...").
_NATIONAL = frozenset(("US", "USA", "UK"))
#: Regions of China that have a country code of their own, and the words that name them
#: (normalised; every word of one entry must be in the string): "HKSAR" is Hong Kong.
_REGIONS = {"HK": ("hong kong", "hksar"), "MO": ("macau", "macao", "masar"), "TW": ("taiwan",)}


def place(r: AffiliationReader, part: Part, hints: Hints, deep: bool = True) -> bool:
    """Record the place a part names; True if the part is an address (never a candidate)."""
    folded = fold(part.text)
    code = country_of(folded)
    states = subdivision_countries().get(folded)
    if code is not None:
        city = normalize_name(part.text)
        if code not in r._cities.get(city, (code,)):  # "Columbia" (SC), a misspelt country: soft
            hints.cities.add(city)
            hints.soft.update({code, *r._cities[city]})
        else:
            hints.countries.add(code)
            if states:
                hints.countries.update(states)
        hints.texts.append(part.text)
        return True
    if states:
        hints.soft.update(states)
        hints.texts.append(part.text)
        return True
    code = country_code(part.text)
    if code is not None:  # "CN" after a name: a hint for ties, not a filter ("IT" may be a unit)
        hints.soft.add(code)
        hints.texts.append(part.text)
        return True
    words = folded.split()
    rest = [w for w in words if not (w in STREET_WORDS or _DIGITS.match(w) or is_postcode(w))]
    if not rest:
        return True
    if len(rest) < len(words) and any(w in STREET_WORDS for w in words) and any(w.isdigit() for w in words):
        return True  # "Blindern 12 Street"
    city = normalize_name(" ".join(rest))
    if city in r._cities:
        hints.cities.add(city)
        hints.soft.update(r._cities[city])
        hints.texts.append(part.text)
        return True
    if deep and places_in(r, folded) == 0 and not r.entries(" ".join(part.tokens)):
        places_in(r, folded, hints)
        return True  # "Brookings SD 57007 USA", "India 632014": places only
    # "0316 Blindern": a post code and a place not in the registry (not "University X 2900")
    return (
        len(rest) < len(words)
        and is_postcode(" ".join(w for w in words if w not in rest))
        and not set(city.split()) & ORG_KEYS
    )


def places_in(r: AffiliationReader, folded: str, hints: Hints | None = None) -> int:
    """How many leading words of ``folded`` are not its trailing address (cities, states,
    countries, post codes: "... University Brookings SD 57007 USA"); the address's places
    go to ``hints``. The whole text (no address) when the tail is only numbers or codes."""
    if hints is not None:
        return _places_in(r, folded, hints)
    # asked twice for one part (is it an address? where does its address start?): the last answer is kept
    last = r._last_address
    if last[0] == folded:
        return last[1]
    n = _places_in(r, folded, None)
    r._last_address = (folded, n)
    return n


def _places_in(r: AffiliationReader, folded: str, hints: Hints | None) -> int:
    words = folded.split()
    i = len(words)
    chunks: list[str] = []
    while i > 0:
        for j in range(max(0, i - 5), i):  # the longest chunk first
            chunk = " ".join(words[j:i])
            if _DIGITS.match(chunk) or is_postcode(chunk) or _place_word(r, chunk):
                break
        else:
            break
        chunks.append(chunk)
        i = j
    named = [c for c in chunks if not (_DIGITS.match(c) or is_postcode(c))]
    # one place word alone may be a word of the name ("... Research on Pain"): two, or a post code
    # and codes alone ("US 41", "ESH 7009") are no address: one place written out
    if not any(len(c) > 3 for c in named) or (len(chunks) < 2 and not any(is_postcode(c) for c in chunks)):
        return len(words)
    if hints is not None:
        for chunk in chunks:
            if not (_DIGITS.match(chunk) or is_postcode(chunk)):
                place(r, Part(chunk, 0, tuple(tokens(chunk)), False), hints, deep=False)
    return i


def _place_word(r: AffiliationReader, chunk: str) -> bool:
    if len(chunk) < 2 or not tokens(chunk):
        return False  # "on", "de": words of a name, not Ontario or Delaware
    if country_of(chunk) or chunk in subdivision_countries():
        return True
    return normalize_name(chunk) in r._cities and not set(chunk.split()) & ORG_KEYS


def address_tail(r: AffiliationReader, part: Part, hints: Hints) -> None:
    """Record the trailing address of an organisation part as hints, when no registered
    name runs into it ("Vellore Institute of Technology Vellore": yes; "University of Georgia": no)."""
    folded = fold(part.text)
    words = folded.split()
    keep = places_in(r, folded)
    if keep == len(words) or keep == 0:
        return
    cut = len(part.tokens) - len(tokens(" ".join(words[keep:])))
    if cut <= 0 or any(s < cut < e for s, e, _ in spans(r, part.tokens)):
        return
    places_in(r, folded, hints)
    hints.tails[part.text] = cut


def place_agrees(r: AffiliationReader, c: int, words: list[str]) -> bool:
    """A place word written beside a name (a country or a registry city) is institution ``c``'s."""
    inst = r.institutions[c]
    for w in words:
        code = country_of(w)
        if code is not None and code == inst.country:
            return True
        if w == r._city_of[c] or (inst.country and inst.country in r._cities.get(w, ())):
            return True
    return False


def country_before(part: Part, hints: Hints) -> None:
    """Record a country written in dotted capitals before a name ("U.S. Naval Academy", "U.K.
    ..."): the tokens drop such initials, so without this the name alone would read as a
    namesake's."""
    m = _DOTTED_COUNTRY.match(part.text)
    if m is None or re.sub(r"\W", "", m.group(1)) not in _NATIONAL:
        return  # (not a person's initials: "K.G. Jebsen Centre")
    code = country_of(fold(m.group(1)))
    if code is not None:
        hints.countries.add(code)
        hints.texts.append(m.group(1).strip())


def regions(r: AffiliationReader, hints: Hints) -> None:
    """A region of China named in a string that also names China counts as the string's
    country ("HKUST, Kowloon, HKSAR, P. R. China", "Hong Kong University of Science &
    Technology, China"): the region's records are not in a country the string contradicts.

    The region is named by its name or a word for it anywhere in the string, or by a city
    of the registry that lies in the region only ("Kowloon").
    """
    if "CN" not in hints.countries:
        return
    for code, names in _REGIONS.items():
        if code in hints.countries:
            continue
        if any(all(w in hints.words for w in n.split()) for n in names) or any(
            r._cities.get(city) == (code,) for city in hints.cities
        ):
            hints.countries.add(code)


def regions_named(hints: Hints) -> set[str]:
    """The regions of China among the string's countries when China is there too: the more
    specific place (an acronym that a Hong Kong and a mainland body share reads as the Hong
    Kong one in "HKUST, Hong Kong, China")."""
    return {c for c in _REGIONS if c in hints.countries} if "CN" in hints.countries else set()
