"""What the affiliation reader finds: hits, the places a string gives, the reading."""

from __future__ import annotations

import attrs

from partnerkit._matching._index import _TYPE_CODES
from partnerkit._model import Institution, NameType
from partnerkit.rules import Decision, Explanation

__all__ = ["ALIAS", "DISPLAY", "Entry", "Found", "Hints", "Hit", "Reading", "put"]

#: A registered name: (institution, name type, name as written, name id), the type as the index's
#: code (``DISPLAY``, ``ALIAS``...): ints and strings only, so the reader's kept entries are
#: tuples the cyclic collector untracks, not objects it walks at every full collection.
Entry = tuple[int, int, str, int]
#: The name type codes of an :data:`Entry` that the reader tells apart.
DISPLAY, ALIAS = _TYPE_CODES[NameType.DISPLAY], _TYPE_CODES[NameType.ALIAS]


@attrs.frozen
class Hit:
    """One organisation an affiliation string names, with the reasons.

    Attributes:
        institution: the registered organisation.
        score: confidence in 0..1.
        decision: MATCH (the answer), POSSIBLE (named but ambiguous, or not the answer)
            or NON_MATCH (its name is there but the string's country conflicts).
        explanation: which part of the string matched which name, by which rules.
        name: the registered name (or acronym) that the string carries.
        part: the part of the string that carries it.
    """

    institution: Institution
    score: float
    decision: Decision
    explanation: Explanation
    name: str = ""
    part: str = ""
    name_id: int = -1


@attrs.define
class Found:
    index: int
    score: float
    reasons: list[tuple[str, str]]
    decided: str = "match"
    name: str = ""
    part: str = ""
    name_id: int = -1
    loose: bool = False  # a descriptive name with no place of the string agreeing


def put(found: dict[int, Found], new: Found) -> None:
    """Record ``new`` in ``found`` unless the organisation is there already with a better finding
    (a MATCH over a POSSIBLE, else the higher score)."""
    old = found.get(new.index)
    if old is None or (old.decided != "match" and new.decided == "match") or old.score < new.score:
        found[new.index] = new


@attrs.define
class Hints:
    countries: set[str] = attrs.Factory(set)  # named in the string (or given): a hard filter
    soft: set[str] = attrs.Factory(set)  # implied by a state or a city (for tie-breaks)
    cities: set[str] = attrs.Factory(set)
    texts: list[str] = attrs.Factory(list)
    words: set[str] = attrs.Factory(set)  # every normalised word of the string
    tails: dict[str, int] = attrs.Factory(dict)  # part text -> first token of its trailing address
    number: bool = False  # the string as given writes a number as a word ("1", "II")

    def located(self) -> bool:
        """The string (or the caller) names a country, a state or a city."""
        return bool(self.countries or self.soft or self.cities)


@attrs.frozen
class Reading:
    """What :meth:`AffiliationReader.read` made of a string.

    Attributes:
        hits: the organisations found, best first.
        unread: parts that look like organisations but named nothing registered.
        hints: the places the string (or the caller) gave.
        parts: how many parts the string has.
    """

    hits: list[Hit]
    unread: tuple[str, ...]
    hints: Hints
    parts: int
