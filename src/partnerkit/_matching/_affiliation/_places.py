"""Places in an affiliation string: address parts, trailing addresses and places beside a name."""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import TYPE_CHECKING, cast

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


#: What reading a part as a place writes into the hints, in order: (field of :class:`Hints`, value);
#: a str is added to the field (appended to ``texts``), any other value added whole, and a
#: (part text, cut) pair of ``tails`` recorded there.
_Write = tuple[str, "str | Collection[str] | tuple[str, int]"]
#: Parts read as places kept per reader, at most (a part's reading depends on it alone).
_KEPT = 100_000


def place(r: AffiliationReader, part: Part, hints: Hints, deep: bool = True) -> bool:
    """Record the place a part names; True if the part is an address (never a candidate).

    A part is read once per reader: its answer and what it writes into the hints are kept
    ("USA", "Department of Physics" recur from string to string) and written again.
    """
    key = ("place", part.text, part.tokens, deep)
    got = r._parts_read.get(key)
    if got is None:
        writes: list[_Write] = []
        got = _answer(_place(r, part, writes, deep), writes)
        _keep(r, key, got)
    _write(hints, got[1])
    return got[0]


#: The answers that write nothing, shared (most parts are none: the cache then adds no objects).
_NONE = ((False, ()), (True, ()))


def _answer(answer: bool, writes: list[_Write]) -> tuple[bool, tuple[_Write, ...]]:
    return (answer, tuple(writes)) if writes else _NONE[answer]


def _keep(r: AffiliationReader, key: tuple[object, ...], value: tuple[bool, tuple[_Write, ...]]) -> None:
    if len(r._parts_read) > _KEPT:
        r._parts_read.clear()
    r._parts_read[key] = value


def _write(hints: Hints, writes: tuple[_Write, ...]) -> None:
    """Write ``writes`` (see :data:`_Write`) into ``hints``, in order."""
    for field, value in writes:
        if field == "texts":
            hints.texts.append(cast(str, value))
        elif field == "tails":
            text, cut = cast("tuple[str, int]", value)
            hints.tails[text] = cut
        else:
            target: set[str] = getattr(hints, field)
            if isinstance(value, str):
                target.add(value)
            else:
                target.update(cast("Collection[str]", value))


def _place(r: AffiliationReader, part: Part, writes: list[_Write], deep: bool) -> bool:
    folded = fold(part.text)
    code = country_of(folded)
    states = subdivision_countries().get(folded)
    if code is not None:
        city = normalize_name(part.text)
        if code not in r._cities.get(city, (code,)):  # "Columbia" (SC), a misspelt country: soft
            writes.append(("cities", city))
            writes.append(("soft", {code, *r._cities[city]}))
        else:
            writes.append(("countries", code))
            if states:
                writes.append(("countries", states))
        writes.append(("texts", part.text))
        return True
    if states:
        writes.append(("soft", states))
        writes.append(("texts", part.text))
        return True
    code = country_code(part.text)
    if code is not None:  # "CN" after a name: a hint for ties, not a filter ("IT" may be a unit)
        writes.append(("soft", code))
        writes.append(("texts", part.text))
        return True
    words = folded.split()
    rest = [w for w in words if not (w in STREET_WORDS or _DIGITS.match(w) or is_postcode(w))]
    if not rest:
        return True
    if len(rest) < len(words) and any(w in STREET_WORDS for w in words) and any(w.isdigit() for w in words):
        return True  # "Blindern 12 Street"
    city = normalize_name(" ".join(rest))
    if city in r._cities:
        writes.append(("cities", city))
        writes.append(("soft", r._cities[city]))
        writes.append(("texts", part.text))
        return True
    if deep and places_in(r, folded) == 0 and not r.entries(" ".join(part.tokens)):
        _places_in(r, folded, writes)
        return True  # "Brookings SD 57007 USA", "India 632014": places only
    # "0316 Blindern": a post code and a place not in the registry (not "University X 2900")
    return (
        len(rest) < len(words)
        and is_postcode(" ".join(w for w in words if w not in rest))
        and not set(city.split()) & ORG_KEYS
    )


def places_in(r: AffiliationReader, folded: str) -> int:
    """How many leading words of ``folded`` are not its trailing address (cities, states,
    countries, post codes: "... University Brookings SD 57007 USA"). The whole text (no
    address) when the tail is only numbers or codes."""
    # asked twice for one part (is it an address? where does its address start?) and again when
    # the part recurs: the answers are kept
    n = r._addresses.get(folded)
    if n is None:
        n = _places_in(r, folded, None)
        if len(r._addresses) > _KEPT:
            r._addresses.clear()
        r._addresses[folded] = n
    return n


def _places_in(r: AffiliationReader, folded: str, writes: list[_Write] | None) -> int:
    """:func:`places_in`; the address's places go to ``writes``."""
    words = folded.split()
    i = len(words)
    chunks: list[str] = []
    while i > 0:
        for j in range(max(0, i - 5), i):  # the longest chunk first
            chunk = " ".join(words[j:i])
            if _address_chunk(r, chunk):
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
    if writes is not None:
        for chunk in chunks:
            if not (_DIGITS.match(chunk) or is_postcode(chunk)):
                _place(r, Part(chunk, 0, tuple(tokens(chunk)), False), writes, deep=False)
    return i


def _address_chunk(r: AffiliationReader, chunk: str) -> bool:
    """Words at the end of a part that are numbers, a post code or a place (kept once read: the
    same endings recur from part to part)."""
    got = r._chunks.get(chunk)
    if got is None:
        got = bool(_DIGITS.match(chunk) or is_postcode(chunk) or _place_word(r, chunk))
        if len(r._chunks) > _KEPT:
            r._chunks.clear()
        r._chunks[chunk] = got
    return got


def _place_word(r: AffiliationReader, chunk: str) -> bool:
    """A country, a state or a registry city, with a word that is no stop word ("on", "de": words
    of a name, not Ontario or Delaware); a city without organisation words ("University Park")."""
    if len(chunk) < 2:
        return False
    if country_of(chunk) or chunk in subdivision_countries():
        return bool(tokens(chunk))
    if not ORG_KEYS.isdisjoint(chunk.split()):
        return False  # (known before the chunk's words are normalised)
    toks = tokens(chunk)
    return bool(toks) and " ".join(toks) in r._cities  # (the chunk's normal form)


def address_tail(r: AffiliationReader, part: Part, hints: Hints) -> None:
    """Record the trailing address of an organisation part as hints, when no registered
    name runs into it ("Vellore Institute of Technology Vellore": yes; "University of Georgia": no)."""
    key = ("tail", part.text, part.tokens)
    got = r._parts_read.get(key)
    if got is None:
        writes: list[_Write] = []
        _address_tail(r, part, writes)
        got = _answer(False, writes)
        _keep(r, key, got)
    _write(hints, got[1])


def _address_tail(r: AffiliationReader, part: Part, writes: list[_Write]) -> None:
    folded = fold(part.text)
    words = folded.split()
    keep = places_in(r, folded)
    if keep == len(words) or keep == 0:
        return
    cut = len(part.tokens) - len(tokens(" ".join(words[keep:])))
    if cut <= 0 or any(s < cut < e for s, e, _ in spans(r, part.tokens)):
        return
    _places_in(r, folded, writes)
    writes.append(("tails", (part.text, cut)))


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
