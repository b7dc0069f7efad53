"""Ready-to-use comparisons. Each is symmetric and returns ``None`` when it does not apply."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

import attrs
from rapidfuzz import fuzz
from rapidfuzz.distance import DamerauLevenshtein

from partnerkit._names import (
    SCRIPT_COUNTRIES,
    STOP_WORDS,
    country_of,
    fold,
    memoized,
    normalize_name,
    script_of,
)
from partnerkit.rules._engine import Comparison, Value, comparison
from partnerkit.rules._profile import Profile

__all__ = [
    "AcronymOf",
    "AcronymScript",
    "And",
    "CityEqual",
    "CountryEqual",
    "DistinctiveAgree",
    "DistinctiveConflict",
    "GenericName",
    "IdentifierEqual",
    "InlineAcronym",
    "Not",
    "OneLetter",
    "Or",
    "Partial",
    "SameName",
    "SharedAcronym",
    "SharedDomain",
    "TokenSet",
    "TokenSort",
]


def _ident(value: str) -> str:
    v = value.strip().lower()
    for prefix in ("https://ror.org/", "http://ror.org/", "https://www.wikidata.org/wiki/", "https://orcid.org/"):
        v = v.removeprefix(prefix)
    return v.replace(" ", "")


@comparison("identifier_equal")
@attrs.frozen
class IdentifierEqual(Comparison):
    """Same identifier (ROR, Wikidata, GRID, ISNI...) on both sides: True; same scheme, other value: False."""

    scheme: str | None = None

    def value(self, a: Profile, b: Profile) -> Value:
        if not a.identifiers or not b.identifiers:
            return None  # (no scheme in common; most query names carry no identifier)
        schemes = set(a.identifiers) & set(b.identifiers)
        if self.scheme is not None:
            schemes &= {self.scheme}
        if not schemes:
            return None
        return any(_ident(a.identifiers[s]) == _ident(b.identifiers[s]) for s in sorted(schemes))

    def describe(self, value: Value) -> str:
        return "same identifier" if value else "different identifiers in the same scheme"


@comparison("shared_domain")
@attrs.frozen
class SharedDomain(Comparison):
    """The two share a web domain (or one is a subdomain of the other's)."""

    def value(self, a: Profile, b: Profile) -> Value:
        if not a.domains or not b.domains:
            return None
        for x in a.domains:
            for y in b.domains:
                if x == y or x.endswith("." + y) or y.endswith("." + x):
                    return True
        return False

    def describe(self, value: Value) -> str:
        return "share a web domain" if value else "no web domain in common"


@comparison("country_equal")
@attrs.frozen
class CountryEqual(Comparison):
    """Both countries known: True when equal, False when different."""

    def value(self, a: Profile, b: Profile) -> Value:
        if a.country is None or b.country is None:
            return None
        return a.country == b.country

    def describe(self, value: Value) -> str:
        return "same country" if value else "different countries"


@comparison("city_equal")
@attrs.frozen
class CityEqual(Comparison):
    """Both cities known: True when equal (folded), False when different."""

    def value(self, a: Profile, b: Profile) -> Value:
        if a.city is None or b.city is None:
            return None
        return a.city == b.city

    def describe(self, value: Value) -> str:
        return "same city" if value else "different cities"


@comparison("same_name")
@attrs.frozen
class SameName(Comparison):
    """The normalised names have the same words, in any order (acronyms are left to :class:`AcronymOf`)."""

    def value(self, a: Profile, b: Profile) -> Value:
        if a.acronym is not None or b.acronym is not None or not a.key or not b.key:
            return None
        return a.tokens == b.tokens

    def describe(self, value: Value) -> str:
        return "same normalised words" if value else "different normalised words"


@comparison("acronym_of")
@attrs.frozen
class AcronymOf(Comparison):
    """One side is written as an acronym: is it the other's?

    Values: ``"same"`` (two equal acronyms), ``"written"`` (an acronym written for the other
    name, e.g. its institution's acronym), ``"derived"`` (the initials of the other name),
    ``"word"`` (a distinctive word of the other name written in capitals: "ITMO" and "ITMO
    University"), ``False``; ``None`` when neither side is an acronym.
    """

    def value(self, a: Profile, b: Profile) -> Value:
        if a.acronym is None and b.acronym is None:
            return None
        if a.acronym is not None and b.acronym is not None:
            return "same" if a.acronym == b.acronym else False
        acr, other = (a, b) if a.acronym is not None else (b, a)
        if acr.acronym in other.acronyms:
            return "written"
        if acr.acronym in other.derived:
            return "derived"
        if acr.acronym is not None and acr.acronym.lower() in other.distinctive:
            return "word"
        return False

    def describe(self, value: Value) -> str:
        return {
            "same": "the same acronym",
            "written": "an acronym written for the other name",
            "derived": "the initials of the other name",
            "word": "a distinctive word of the other name, written in capitals",
        }.get(str(value), "not an acronym of the other")


@comparison("acronym_script")
@attrs.frozen
class AcronymScript(Comparison):
    """An acronym written in a non-Latin script ("МГУ"): does the other side corroborate it?

    It does when the other name is written in the same script or its country writes in
    that script; "МГУ" transliterates to "MGU", which is also Mahatma Gandhi University.
    Values: ``True`` (the acronym fits the other name, which is in another script and
    country), ``False`` (corroborated); ``None`` when no non-Latin acronym fits the other.
    """

    def value(self, a: Profile, b: Profile) -> Value:
        if a.acronym is None and b.acronym is None:
            return None
        foreign = None
        for acr, other in ((a, b), (b, a)):
            if acr.acronym is None or not (
                acr.acronym == other.acronym or acr.acronym in other.acronyms or acr.acronym in other.derived
            ):
                continue
            script = script_of(acr.text)
            if script is None:
                continue
            corroborated = script_of(other.text) == script or (
                other.country is not None and other.country in SCRIPT_COUNTRIES.get(script, frozenset())
            )
            foreign = foreign or not corroborated
        return foreign

    def describe(self, value: Value) -> str:
        return (
            "an acronym in another script than the other name and its country"
            if value
            else "an acronym corroborated in its own script"
        )


@comparison("shared_acronym")
@attrs.frozen
class SharedAcronym(Comparison):
    """Two full names with an acronym written for both ("X University (XU)" and an institution with acronym XU)."""

    def value(self, a: Profile, b: Profile) -> Value:
        if a.acronym is not None or b.acronym is not None or not a.acronyms or not b.acronyms:
            return None
        return bool(a.acronyms & b.acronyms)

    def describe(self, value: Value) -> str:
        return "an acronym written for both" if value else "different written acronyms"


def _names_apply(a: Profile, b: Profile) -> bool:
    return a.acronym is None and b.acronym is None and bool(a.tokens) and bool(b.tokens)


@comparison("token_sort")
@attrs.frozen
class TokenSort(Comparison):
    """Similarity (0..1) of the sorted normalised tokens: word order and stop words do not matter."""

    def value(self, a: Profile, b: Profile) -> Value:
        if not _names_apply(a, b):
            return None
        return fuzz.ratio(a.sorted_key, b.sorted_key) / 100.0

    def describe(self, value: Value) -> str:
        return f"token-sort similarity {float(value or 0):.2f}"


@comparison("token_set")
@attrs.frozen
class TokenSet(Comparison):
    """Share of the smaller token set found in the other (0..1), tokens compared exactly."""

    def value(self, a: Profile, b: Profile) -> Value:
        if not _names_apply(a, b):
            return None
        return len(a.tokens & b.tokens) / min(len(a.tokens), len(b.tokens))

    def describe(self, value: Value) -> str:
        return f"token-set overlap {float(value or 0):.2f}"


@comparison("partial")
@attrs.frozen
class Partial(Comparison):
    """Best partial similarity (0..1): the shorter normalised name inside the longer one."""

    def value(self, a: Profile, b: Profile) -> Value:
        if not _names_apply(a, b):
            return None
        return fuzz.partial_ratio(a.key, b.key) / 100.0

    def describe(self, value: Value) -> str:
        return f"partial similarity {float(value or 0):.2f}"


def _comparisons_tuple(items: Iterable[Comparison]) -> tuple[Comparison, ...]:
    return tuple(items)


@functools.lru_cache(maxsize=65_536)
def _place(word: str) -> bool:
    """A country name, in any language ("austria", "australia", "osterreich")."""
    return country_of(word) is not None


#: Words shorter than this are never taken for a one-letter typo of another word.
TYPO_LENGTH = 6


def one_letter(x: str, y: str) -> bool:
    """Two different words of at least 6 letters one edit apart inside, neither a country name.

    An edit deletes, inserts or replaces one letter or swaps two adjacent ones
    (Damerau-Levenshtein distance 1): "michgan"/"michigan", "tsinhua"/"tsinghua". The first
    and last letters must agree: a changed initial is another name ("huzhou"/"suzhou",
    "qgenomics"/"genomics") and a changed ending is grammar ("missions"/"mission",
    "commissione"/"commission"). Country names are places, not typos ("austria"/"australia").
    """
    if x == y or min(len(x), len(y)) < TYPO_LENGTH or abs(len(x) - len(y)) > 1 or x[0] != y[0] or x[-1] != y[-1]:
        return False
    return DamerauLevenshtein.distance(x, y, score_cutoff=1) <= 1 and not (_place(x) or _place(y))


def _near(x: str, y: str) -> bool:
    """Two words of at least 5 letters that are one word: a typo, or one stem in two languages.

    "Tokio"/"Tokyo" (similarity >= 0.8) and "History"/"Historise" (a common start of at least
    5 letters and 70% of the shorter word). Two different country names are never near:
    "Austria" is not "Australia".
    """
    if len(y) < 5:
        return False
    if _typo(x, y):
        return not (_place(x) and _place(y))
    if x[:5] != y[:5]:
        return False
    k = 5
    for cx, cy in zip(x[5:], y[5:], strict=False):
        if cx != cy:
            break
        k += 1
    return k >= 5 and k >= 0.7 * min(len(x), len(y)) and not (_place(x) and _place(y))


def _typo(x: str, y: str) -> bool:
    """Two words of about the same length, one typo or variant spelling apart (similarity >= 0.8)."""
    lx, ly = len(x), len(y)
    return 2 * min(lx, ly) >= 0.8 * (lx + ly) and fuzz.ratio(x, y) >= 80


def near_forms(x: str, ys: frozenset[str]) -> list[str]:
    """The words of ``ys`` of at least 5 letters, starting with ``x``'s letter, that are ``x``
    spelt otherwise (a typo or variant spelling, not only a common stem: "Nationalbibliothek" is
    not "Nationalbank"), sorted: "ajeenkya" for "ajinkya". Place names are not spellings of each other."""
    return sorted(
        y for y in ys if y != x and len(y) >= 5 and y[0] == x[:1] and _typo(x, y) and not (_place(x) and _place(y))
    )


def unmatched_words(xs: frozenset[str], ys: frozenset[str], excused: frozenset[str] = frozenset()) -> int:
    """How many words of ``xs`` have no equal or near-equal (typo, same stem) word in ``ys`` or ``excused``."""
    return _unmatched(xs, ys, excused)


def _unmatched(xs: frozenset[str], ys: frozenset[str], places: frozenset[str] = frozenset()) -> int:
    """Tokens of ``xs`` with no equal or near-equal (typo, same stem) token in ``ys``; city words excused."""
    n = 0
    rest = None
    for x in xs:
        if x in ys or x in places:
            continue
        if rest is None:
            rest = ys - xs
        if len(x) < 5 or not any(_near(x, y) for y in rest):
            n += 1
    return n


def _places(a: Profile, b: Profile) -> frozenset[str]:
    """Words of either side's city: "Indian Institute of Technology" vs "... Delhi" (in Delhi) do not conflict."""
    if a.city is None and b.city is None:
        return frozenset()
    return frozenset((a.city or "").split()) | frozenset((b.city or "").split())


#: The last pair asked about and its answer, in a one-slot list (a tuple is swapped in whole: thread-safe).
_LAST: list[tuple[object, object, int]] = [(None, None, 0)]


_WORD = re.compile(r"[a-z0-9]+")
_CAPS = re.compile(r"(?<![\w.])([A-Z][A-Z&]{1,5})(?![\w.])")


@memoized(65_536)
def _inline(text: str) -> tuple[str, ...]:
    """Acronyms written inside a longer name ("TU Berlin", "AIIMS Guwahati"), folded to lower case."""
    if " " not in text.strip():
        return ()
    return tuple(dict.fromkeys(m.replace("&", "").lower() for m in _CAPS.findall(text)))


@memoized(65_536)
def _words(text: str) -> tuple[str, ...]:
    """The folded words of a name, stop words and elisions ("d'") aside: the letters acronyms are made of."""
    out = []
    for w in _WORD.findall(fold(text).replace("'", " ")):
        if w not in STOP_WORDS and not (len(w) == 1 and w in "dl"):
            out.append(w)
    return tuple(out)


def _expansion(acronym: str, text: str) -> frozenset[str]:
    """The normalised words of a run of ``text`` whose initials spell ``acronym`` (empty if none)."""
    words = _words(text)
    n = len(acronym)
    for i in range(len(words) - n + 1):
        run = words[i : i + n]
        if "".join(w[0] for w in run) == acronym and not (n == 1 or acronym in run):
            return frozenset(normalize_name(" ".join(run)).split())
    return frozenset()


def _expanded(a: Profile, b: Profile) -> tuple[frozenset[str], frozenset[str]] | None:
    """Words excused on each side because an acronym written in one spells a run of the other's words."""
    ea: set[str] = set()
    eb: set[str] = set()
    for x, y, ex, ey in ((a, b, ea, eb), (b, a, eb, ea)):
        for acr in _inline(x.text):
            if acr in x.tokens and acr not in y.tokens:
                run = _expansion(acr, y.text)
                if run:
                    ex.add(acr)
                    ey.update(run)
    if not ea and not eb:
        return None
    return frozenset(ea), frozenset(eb)


def _conflicts(a: Profile, b: Profile) -> int:
    """Unmatched distinctive words of both sides (the last pair is remembered: two rules ask in a row)."""
    last = _LAST[0]
    if last[0] is a and last[1] is b:
        return last[2]
    places = _places(a, b)
    n = _unmatched(a.distinctive, b.distinctive, places) + _unmatched(b.distinctive, a.distinctive, places)
    if n:
        expanded = _expanded(a, b) if a.acronym is None and b.acronym is None else None
        if expanded is not None:
            n = _unmatched(a.distinctive - expanded[0], b.distinctive, places | expanded[1]) + _unmatched(
                b.distinctive - expanded[1], a.distinctive, places | expanded[0]
            )
    _LAST[0] = (a, b, n)
    return n


@comparison("inline_acronym")
@attrs.frozen
class InlineAcronym(Comparison):
    """An acronym written inside one name spells a run of the other's words.

    "TU Berlin" / "Technische Universität Berlin", "AIIMS Guwahati" / "All India Institute
    of Medical Sciences Guwahati": the acronym and the words it stands for then agree.
    """

    def value(self, a: Profile, b: Profile) -> Value:
        if not _names_apply(a, b) or not (_inline(a.text) or _inline(b.text)):
            return None
        return _expanded(a, b) is not None

    def describe(self, value: Value) -> str:
        return "an acronym in one name spells words of the other" if value else "no acronym spells the other's words"


@comparison("distinctive_conflict")
@attrs.frozen
class DistinctiveConflict(Comparison):
    """How many distinctive words one name has that the other lacks (either way).

    Distinctive words are all but weak organisation words (university, state, national,
    ...); field words count: "Wuhan University" vs "Wuhan University of Technology" is 1.
    A word that is the city of either side is excused ("University of California" vs
    "University of California, Berkeley" in Berkeley is 0).
    """

    def value(self, a: Profile, b: Profile) -> Value:
        if not _names_apply(a, b) or not a.distinctive or not b.distinctive:
            return None
        return float(_conflicts(a, b))

    def describe(self, value: Value) -> str:
        n = int(float(value or 0))
        return "no distinctive word left unmatched" if n == 0 else f"{n} distinctive word(s) unmatched"


@comparison("generic_name")
@attrs.frozen
class GenericName(Comparison):
    """A full name made only of organisation and field words ("Institute of Science", "National University").

    Such a name says what kind of body it is, not which one: many institutions carry it.
    """

    def value(self, a: Profile, b: Profile) -> Value:
        if not _names_apply(a, b):
            return None
        return a.generic or b.generic

    def describe(self, value: Value) -> str:
        return "a generic name (organisation and field words only)" if value else "a specific name"


@comparison("distinctive_agree")
@attrs.frozen
class DistinctiveAgree(Comparison):
    """Every distinctive word of each name is found in the other (allowing typos)."""

    def value(self, a: Profile, b: Profile) -> Value:
        if not _names_apply(a, b) or not a.distinctive or not b.distinctive:
            return None
        return _conflicts(a, b) == 0

    def describe(self, value: Value) -> str:
        return "all distinctive words agree" if value else "distinctive words differ"


@comparison("one_letter")
@attrs.frozen
class OneLetter(Comparison):
    """The two names have the same words but one distinctive word, written one letter apart.

    "Michgan State University" / "Michigan State University", "Univ. of Cambrige" /
    "University of Cambridge": a typo (see :func:`one_letter`: words of at least 6 letters,
    not country names nor the city of either side; names in the Latin script only).
    ``True`` then; ``None`` when the names differ otherwise (or not at all).
    """

    def value(self, a: Profile, b: Profile) -> Value:
        if not _names_apply(a, b):
            return None
        xs, ys = a.tokens - b.tokens, b.tokens - a.tokens
        if len(xs) != 1 or len(ys) != 1:
            return None
        (x,), (y,) = xs, ys
        if x not in a.distinctive or y not in b.distinctive or not one_letter(x, y):
            return None
        if x in _places(a, b) or y in _places(a, b):
            return None
        if script_of(a.text) is not None or script_of(b.text) is not None:
            return None  # one transliterated letter is another character: "hubei" is not "hebei"
        return True

    def describe(self, value: Value) -> str:
        return "the same words but a one-letter difference (a typo)" if value else "not a one-letter difference"


@comparison("and")
@attrs.frozen
class And(Comparison):
    """True when every comparison in ``of`` is true; None if any does not apply."""

    of: tuple[Comparison, ...] = attrs.field(converter=_comparisons_tuple)

    def value(self, a: Profile, b: Profile) -> Value:
        values = [c.value(a, b) for c in self.of]
        if any(v is None for v in values):
            return None
        return all(bool(v) for v in values)

    def describe(self, value: Value) -> str:
        return " and ".join(c.kind for c in self.of) + (" all hold" if value else " do not all hold")


@comparison("or")
@attrs.frozen
class Or(Comparison):
    """True when some comparison in ``of`` is true; None if none applies."""

    of: tuple[Comparison, ...] = attrs.field(converter=_comparisons_tuple)

    def value(self, a: Profile, b: Profile) -> Value:
        values = [c.value(a, b) for c in self.of]
        if all(v is None for v in values):
            return None
        return any(bool(v) for v in values if v is not None)

    def describe(self, value: Value) -> str:
        return " or ".join(c.kind for c in self.of) + (" holds" if value else " does not hold")


@comparison("not")
@attrs.frozen
class Not(Comparison):
    """The negation of a comparison's truth (None stays None)."""

    of: Comparison

    def value(self, a: Profile, b: Profile) -> Value:
        v = self.of.value(a, b)
        return None if v is None else not v

    def describe(self, value: Value) -> str:
        return f"not ({self.of.describe(not value)})"
