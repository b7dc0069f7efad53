"""Kinds of university: a university of applied sciences is not the university of its city."""

from __future__ import annotations

import functools

import attrs

from partnerkit._names import fold, memoized, normalize_name
from partnerkit.rules._comparisons import _names_apply
from partnerkit.rules._engine import Comparison, Value, comparison
from partnerkit.rules._profile import Profile

__all__ = ["APPLIED_WORDS", "UniversityKind", "university_kinds"]


#: Words of universities of applied sciences (and university colleges) that normalisation reads as
#: "university", as written (folded): "Hochschule Ulm" and "Universität Ulm" both read "university ulm".
APPLIED_WORDS = frozenset(
    (
        "fachhochschule",
        "hochschule",
        "hogeschool",
        "hogskola",
        "hogskolan",
        "hoegskole",
        "hogskole",
        "ammattikorkeakoulu",
    )
)
#: Words written for "university" that say nothing of its kind: English, abbreviated, misspelt.
_ANY_KIND = frozenset(
    ("university", "universities", "univ", "univer", "uni", "univerisity", "universitiy", "unversity")
)


@memoized(65_536)
def university_kinds(text: str) -> tuple[bool, bool]:
    """(``text`` writes a word of a university of applied sciences, it writes another university
    word of a language than English).

    >>> university_kinds("Hochschule Ulm"), university_kinds("Universität Ulm"), university_kinds("Ulm University")
    ((True, False), (False, True), (False, False))
    """
    words = set(fold(text).replace("-", " ").split())
    applied = bool(words & APPLIED_WORDS)
    plain = any(w not in APPLIED_WORDS and w not in _ANY_KIND and _reads_university(w) for w in words)
    return applied, plain


@functools.lru_cache(maxsize=65_536)
def _reads_university(word: str) -> bool:
    """Normalisation reads ``word`` as "university" (each word once: names share their words)."""
    return normalize_name(word) == "university"


@comparison("university_kind")
@attrs.frozen
class UniversityKind(Comparison):
    """Whether the two names write different kinds of university in words of a language.

    Normalisation reads "Hochschule", "Fachhochschule", "Hogeschool", "Högskola" and
    "ammattikorkeakoulu" as "university" so that "Hochschule Hamm-Lippstadt" finds
    "Hamm-Lippstadt University of Applied Sciences". But where one name writes such a word
    and the other a university word of a language ("Universität", "yliopisto", "Universiteit")
    without one, they name two institutions, often of one city: "Hochschule Ulm" and
    "Universität Ulm". ``True`` then; ``False`` when both or neither write a kind; ``None``
    when a name writes no university word of a language (the English "University" translates both).
    """

    def value(self, a: Profile, b: Profile) -> Value:
        if not _names_apply(a, b):
            return None
        (x_applied, x_plain), (y_applied, y_plain) = university_kinds(a.text), university_kinds(b.text)
        if not (x_applied or x_plain) or not (y_applied or y_plain):
            return None
        return (x_applied and y_plain and not y_applied) or (y_applied and x_plain and not x_applied)

    def describe(self, value: Value) -> str:
        if value:
            return "different kinds of university written (one of applied sciences)"
        return "the same kind of university written"
