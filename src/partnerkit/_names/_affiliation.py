"""Affiliation strings: find the organisation in "Dept. of X, Y University, City 12345, Country"."""

from __future__ import annotations

import re

import attrs

from partnerkit._errors import RecordError
from partnerkit._model import country_code
from partnerkit._names._normalize import fold, tokens

__all__ = ["Affiliation", "looks_like_affiliation", "parse_affiliation"]

_SPLIT = re.compile(r"\s*(?:[,;|\n]|\s-\s|\s–\s|\s—\s)\s*")
_POSTCODE = re.compile(  # 197101, D-01069, SW7 2AZ
    r"\b(?:[A-Z]{1,2}-?\s?)?\d{3,6}(?:[- ]\d{2,4})?\b|\b[A-Z]{1,2}\d{1,2}[A-Z]?\s\d[A-Z]{2}\b"
)
_DIGITS = re.compile(r"\d")
# Words that make a segment a street address (folded forms).
_STREET = frozenset(
    [
        "street",
        "str",
        "road",
        "rd",
        "avenue",
        "ave",
        "av",
        "blvd",
        "boulevard",
        "lane",
        "ln",
        "drive",
        "way",
        "highway",
        "hwy",
        "square",
        "sq",
        "ul",
        "ulitsa",
        "prospekt",
        "pereulok",
        "shosse",
        "naberezhnaya",
        "strasse",
        "strase",
        "str",
        "platz",
        "weg",
        "allee",
        "gasse",
        "ring",
        "rue",
        "bd",
        "chemin",
        "via",
        "viale",
        "piazza",
        "corso",
        "calle",
        "avenida",
        "plaza",
        "carrera",
        "rua",
        "praca",
        "ulica",
        "aleja",
        "box",
        "po",
        "building",
        "bldg",
        "room",
        "floor",
        "suite",
    ]
)
# Organisation keys of the whole organisation; anything else with a unit key is a sub-unit.
_MAIN_KEYS = frozenset(
    ("university", "academy", "polytechnic", "college", "institute", "hospital", "centre", "foundation", "society")
)
_UNIT_KEYS = frozenset(("department", "faculty", "laboratory", "school", "division", "chair"))
_UNIT_WORDS = frozenset(
    [
        "department",
        "faculty",
        "laboratory",
        "school",
        "division",
        "chair",
        "group",
        "section",
        "unit",
        "program",
        "programme",
        "clinic",
        "graduate",
        "key",
        "office",
        "sector",
        "team",
        "cathedra",
        "kafedra",
    ]
)


@attrs.frozen
class Affiliation:
    """The parts of an affiliation string.

    Attributes:
        text: the string as given.
        organisations: segments that name an organisation, the likeliest first.
        units: sub-units (departments, faculties, labs, schools of a university).
        places: segments that are neither (cities, regions, bare names), postcodes removed.
        country: the ISO code of a country named in the string, if any (a hint).
    """

    text: str
    organisations: tuple[str, ...] = ()
    units: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    country: str | None = None


_SHORT_COUNTRIES = frozenset(("USA", "UK", "PRC", "RF", "UAE", "U.S.A.", "U.K.", "P.R. China", "РФ"))


def _country_of(segment: str) -> str | None:
    """The country a whole segment names ("Russia", "Россия", "USA"), else None.

    Two-letter codes are not read (US states and words collide with them).
    """
    text = segment.strip()
    if len(text) < 4 and text not in _SHORT_COUNTRIES:
        return None
    try:
        return country_code(text)
    except RecordError:
        return None


def _is_address(segment: str) -> bool:
    if not _DIGITS.search(segment):
        return False
    folded = fold(segment).split()
    return any(w in _STREET for w in folded) or (sum(w.isdigit() for w in folded) >= 1 and len(folded) <= 2)


def looks_like_affiliation(text: str) -> bool:
    """True if ``text`` looks like a composite affiliation rather than one name."""
    return bool(_SPLIT.search(text)) or bool(_POSTCODE.search(text))


def parse_affiliation(text: str) -> Affiliation:
    """Split an affiliation string into organisations, sub-units, places and a country hint.

    Never raises on a ``str``.

    >>> a = parse_affiliation("Dept. of Photonics, ITMO University, St. Petersburg 197101, Russia")
    >>> a.organisations, a.units, a.places, a.country
    (('ITMO University',), ('Dept. of Photonics',), ('St. Petersburg',), 'RU')
    """
    segments = [s.strip(" .()[]") for s in _SPLIT.split(text)]
    country: str | None = None
    main: list[str] = []
    other_orgs: list[str] = []
    units: list[str] = []
    places: list[str] = []
    for seg in segments:
        if not seg:
            continue
        code = _country_of(seg)
        if code is not None:
            country = code
            continue
        if _is_address(seg):
            continue
        stripped = " ".join(_POSTCODE.sub(" ", seg).split()).strip(" ,.-")
        if not stripped:
            continue
        toks = tokens(stripped)
        first_words = set(fold(stripped).split()[:2])
        keys = set(toks)
        if keys & _UNIT_KEYS or first_words & _UNIT_WORDS:
            if keys & {"university", "academy", "polytechnic"} and not first_words & _UNIT_WORDS:
                main.append(stripped)  # "School of Medicine, Harvard" is a unit; "University School" is not
            else:
                units.append(stripped)
        elif keys & {"university", "academy", "polytechnic"}:
            main.append(stripped)
        elif keys & _MAIN_KEYS:
            other_orgs.append(stripped)
        else:
            code = _country_of(stripped)
            if code is not None:
                country = code
            else:
                places.append(stripped)
    return Affiliation(
        text=text,
        organisations=tuple(main + other_orgs),
        units=tuple(units),
        places=tuple(places),
        country=country,
    )
