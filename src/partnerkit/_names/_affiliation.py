"""Affiliation strings: split "Dept. of X, Y University, City 12345, Country" into its parts.

An affiliation string names organisations from the smallest unit to the largest, then an
address: ``"Dept. of Physics, Faculty of Science, Univ. of Oslo, Blindern 0316 Oslo, Norway"``.
:func:`split_affiliation` cuts it into :class:`Part`\\ s (on ``,``, ``;``, brackets, line
breaks and dashes between spaces) and this module recognises what needs no registry:
sub-unit words ("department", "faculty", "laboratory"), streets, post codes, countries (any
language pycountry knows) and states/provinces (ISO 3166-2). :func:`parse_affiliation`
sorts the parts into organisations, units, places and a country hint. Cities come from a
registry and are recognised by the matcher (``partnerkit._matching._affiliation``), which
reads the same parts.
"""

from __future__ import annotations

import functools
import re

import attrs
import pycountry

from partnerkit._model import country_names
from partnerkit._names._normalize import fold, tokens

__all__ = [
    "STREET_WORDS",
    "SUBUNIT_WORDS",
    "Affiliation",
    "Part",
    "country_code",
    "country_of",
    "is_postcode",
    "looks_like_affiliation",
    "parse_affiliation",
    "split_affiliation",
    "subdivision_countries",
]

_DIGITS = re.compile(r"^[\d\W]+$")
_SPLIT = re.compile(r"\s*(?:[,;|\n\r\t()\[\]{}]| {2,}|\s[-–—]\s|\s/\s|\s\d{1,2}\s(?=[A-Z]))\s*")

#: Normalised words that make a part a unit *inside* an organisation when they head it.
SUBUNIT_WORDS: frozenset[str] = frozenset(
    """
    department faculty laboratory division unit section group team chair programme program
    service clinic ward branch office core graduate key cathedra kafedra sector
    """.split()  # noqa: SIM905
)

#: Words of street addresses (folded, as :func:`partnerkit._names.fold` writes them).
STREET_WORDS: frozenset[str] = frozenset(
    """
    street st str strasse road rd avenue ave av avda avenida blvd boulevard lane ln drive
    dr way platz weg gasse allee rue via viale calle carrera cra rua ul ulitsa prospekt pr
    square sq highway hwy box po bp cedex cep postfach apartado suite floor building bldg
    campus km no
    """.split()  # noqa: SIM905
)

_POSTCODE = re.compile(
    r"^(?:[a-z]{1,2}[- ]?)?\d{3,6}(?:[- ]\d{2,4})?$"  # 10115, D-10115, 0316, 100-0001, 02115-1234
    r"|^[a-z]{1,2}\d[a-z\d]? ?\d[a-z]{2}$"  # UK: SW7 2AZ
    r"|^[a-z]\d[a-z] ?\d[a-z]\d$"  # Canada: K1A 0B9
)


@attrs.frozen
class Part:
    """One piece of an affiliation string, between separators.

    Attributes:
        text: the piece as written (stripped).
        start: its offset in the string.
        tokens: its normalised tokens (see :func:`partnerkit._names.tokens`).
        subunit: it is headed by a sub-unit word ("Department of ...", "Lab for ...").
    """

    text: str
    start: int
    tokens: tuple[str, ...]
    subunit: bool

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def split_affiliation(text: str) -> list[Part]:
    """Split an affiliation string into its parts, in order; empty parts are dropped.

    >>> [p.text for p in split_affiliation("Dept. of Physics, Univ. of Oslo (UiO); Oslo, Norway")]
    ['Dept. of Physics', 'Univ. of Oslo', 'UiO', 'Oslo', 'Norway']
    >>> [p.subunit for p in split_affiliation("Department of Physics, University of Oslo")]
    [True, False]
    """
    parts: list[Part] = []
    pos = 0
    for m in _SPLIT.finditer(text + ","):
        piece = text[pos : m.start()]
        start = pos
        pos = m.end()
        stripped = piece.strip(" .:'\"-–—")
        if not stripped:
            continue
        toks = tuple(tokens(stripped))
        if not toks:
            continue
        offset = start + piece.find(stripped)
        tail = _TAIL_CODE.match(stripped)
        if tail and country_code(tail.group(2)) and len(toks) > 2:
            # "Tsinghua University CN": an ISO country code written after the name
            head = tail.group(1)
            parts.append(Part(head, offset, tuple(tokens(head)), toks[0] in SUBUNIT_WORDS and _headed(head)))
            parts.append(Part(tail.group(2), offset + tail.start(2), (toks[-1],), False))
            continue
        unit = toks[0] in SUBUNIT_WORDS and _headed(stripped)
        if not unit and parts and parts[-1].subunit and _CONTINUED.match(stripped):
            unit = True  # "Department of A, B, and C": the list of the unit goes on
        parts.append(Part(stripped, offset, toks, unit))
    return parts


_TAIL_CODE = re.compile(r"^(.*\S)\s+([A-Z]{2})$")


@functools.cache
def _alpha2() -> frozenset[str]:
    return frozenset(c.alpha_2 for c in pycountry.countries)


def country_code(text: str) -> str | None:
    """``text`` if it is an ISO 3166 two-letter country code written in capitals, else None.

    >>> country_code("CN"), country_code("cn"), country_code("XX")
    ('CN', None, None)
    """
    return text if len(text) == 2 and text.isupper() and text in _alpha2() else None


_CONTINUED = re.compile(r"^(?:and|&|und|et|y|e)\s", re.I)


_HEADED = re.compile(r"^\s*(?:the\s+)?\S+\.?\s+(?:of|for|de|d'|für|fuer|di|del|des|du|en|in|on|voor|et)\b", re.I)


def _headed(text: str) -> bool:
    """ "Department of X" or "Laboratory for Y": a unit word followed by what the unit does."""
    return _HEADED.match(text) is not None or len(text.split()) <= 3


def is_postcode(word: str) -> bool:
    """A post code in one of the common forms (folded text).

    >>> [is_postcode(w) for w in ("10115", "d 10115", "sw7 2az", "k1a 0b9", "2021", "oslo")]
    [True, True, True, True, True, False]
    """
    return _POSTCODE.match(word) is not None


@functools.cache
def subdivision_countries() -> dict[str, frozenset[str]]:
    """Folded names of states and provinces (ISO 3166-2, first level) -> their countries.

    The generic word that some names carry ("Sheng", "Province", "State") is also dropped
    to give a second key, so "Hubei" and "Hubei Province" are both known.
    """
    table: dict[str, set[str]] = {}
    generic = {"sheng", "shi", "province", "state", "region", "oblast", "krai", "kray", "prefecture", "ken"}
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None):
            continue
        key = fold(sub.name)
        words = key.split()
        keys = {key}
        if len(words) > 1 and words[-1] in generic:
            keys.add(" ".join(words[:-1]))
        for k in keys:
            if len(k) > 3:
                table.setdefault(k, set()).add(sub.country_code)
        code = sub.code.split("-", 1)[1]
        if sub.country_code in ("US", "CA", "AU") and code.isalpha():
            table.setdefault(code.lower(), set()).add(sub.country_code)
    return {k: frozenset(v) for k, v in table.items()}


@functools.cache
def _countries() -> dict[str, str]:
    table = {fold(name): code for name, code in country_names().items()}
    # The short forms that affiliation strings end with; three-letter codes are not words.
    table.update({"usa": "US", "uk": "GB", "u s a": "US", "u k": "GB", "pr china": "CN", "p r china": "CN"})
    return {k: v for k, v in table.items() if k}


def country_of(text: str) -> str | None:
    """The country a folded piece of text names, if it is a country name (any language).

    >>> country_of("peoples republic of china"), country_of("deutschland"), country_of("oslo")
    ('CN', 'DE', None)
    """
    return _countries().get(text)


# --- organisations, units, places: the registry-free reading ------------------------------

#: Organisation keys of a whole organisation (as :func:`tokens` writes them).
_MAIN_KEYS = frozenset(("university", "academy", "polytechnic"))
_OTHER_KEYS = frozenset(("college", "institute", "hospital", "centre", "foundation", "society"))
#: Keys that make a part a unit when no university word heads it ("School of Medicine").
_UNIT_KEYS = frozenset(("department", "faculty", "laboratory", "school", "division", "chair"))
#: Street words that are also other words ("St." Petersburg, "Dr.", "No.").
_AMBIGUOUS_STREET = frozenset(("st", "no", "pr", "dr", "campus", "km"))
_LOOKS = re.compile(r"[,;|\n]|\s[-–—]\s|\d{3,}")


@attrs.frozen
class Affiliation:
    """The parts of an affiliation string, read without a registry.

    Attributes:
        text: the string as given.
        organisations: parts that name an organisation, universities first.
        units: sub-units (departments, faculties, labs, schools of a university).
        places: parts that are neither (cities, regions, bare names), post codes removed.
        country: the ISO code of a country named in the string, if any (a hint).
    """

    text: str
    organisations: tuple[str, ...] = ()
    units: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    country: str | None = None


def looks_like_affiliation(text: str) -> bool:
    """True if ``text`` looks like a composite affiliation rather than one name.

    >>> looks_like_affiliation("Dept. of Physics, Univ. of Oslo"), looks_like_affiliation("Univ. of Oslo")
    (True, False)
    """
    return _LOOKS.search(text) is not None


def _is_address(part: Part) -> bool:
    words = fold(part.text).split()
    if not any(any(ch.isdigit() for ch in w) for w in words):
        return False
    rest = [w for w in words if not (w in STREET_WORDS or _DIGITS.match(w) or is_postcode(w))]
    return not rest or any(w in STREET_WORDS and w not in _AMBIGUOUS_STREET for w in words)


def parse_affiliation(text: str) -> Affiliation:
    """Sort the parts of an affiliation string into organisations, sub-units, places and a country.

    Never raises on a ``str``.

    >>> a = parse_affiliation("Dept. of Photonics, ITMO University, St. Petersburg 197101, Russia")
    >>> a.organisations, a.units, a.places, a.country
    (('ITMO University',), ('Dept. of Photonics',), ('St. Petersburg',), 'RU')
    """
    country: str | None = None
    main: list[str] = []
    other: list[str] = []
    units: list[str] = []
    places: list[str] = []
    for part in split_affiliation(text):
        folded = fold(part.text)
        code = country_of(folded)
        if code is not None:
            country = code
            continue
        if _is_address(part):
            continue
        keys = set(part.tokens)
        if part.subunit or (keys & _UNIT_KEYS and not keys & _MAIN_KEYS):
            units.append(part.text)
        elif keys & _MAIN_KEYS:
            main.append(part.text)
        elif keys & _OTHER_KEYS:
            other.append(part.text)
        else:
            kept = [w for w in part.text.split() if not any(ch.isdigit() for ch in w)]
            if kept:
                places.append(" ".join(kept).strip(" ,.-"))
    return Affiliation(
        text=text, organisations=tuple(main + other), units=tuple(units), places=tuple(places), country=country
    )
