"""Word alignment of two names of one institution: which word of one says which word of the other.

Two names of one institution in two languages rarely differ in one word only:
"Волгоградский государственный медицинский университет" reads "volgogradsk state medical
university" beside "Volgograd State Medical University", and "Uniwersytet Ekonomiczny we
Wrocławiu" reads "university economics wroclawiu" beside "Wroclaw University of Economics
and Business". The words the two names do not share are aligned in two steps:

1. *Inflected forms*: a word of one name and a word of the other that start alike (at
   least :data:`MIN_STEM` letters, and :data:`STEM_SHARE` of the shorter word) and that
   no other unshared word of the other name starts alike with ("volgogradsk" /
   "volgograd", "wroclawiu" / "wroclaw", "developpement" / "development"); and a word
   written without vowels (Arabic, Persian and Hebrew write few: "جدارا" reads "jdr")
   beside the word whose consonants it spells (:func:`skeleton`: "jdr" / "jadara").
2. *Translations*: when exactly one unshared word is left on each side, the two are a
   candidate pair ("politechnika" / "technology" is not: two words are left on the
   English side; "prifysgol" / "university" is).

A pair is a candidate only: ``_translate`` keeps those that many institutions show and that
never turn one institution's name into another's. The functions here are pure.
"""

from __future__ import annotations

from partnerkit._names import ORG_KEYS, STOP_WORDS

__all__ = ["MIN_STEM", "STEM_SHARE", "aligned_pairs", "common_start", "is_unvowelled", "skeleton", "word_ok"]

#: Inflected forms share a start of at least this many letters...
MIN_STEM = 4
#: ... and at least this share of the shorter word.
STEM_SHARE = 0.6
#: Words shorter than this are not aligned (initials and unit codes: "us", "umr"...).
MIN_LENGTH = 4
#: Names differing in more words than this on either side are not aligned (other names, not translations).
MAX_UNSHARED = 6


def common_start(x: str, y: str) -> int:
    """How many leading letters ``x`` and ``y`` share.

    >>> common_start("volgogradsk", "volgograd")
    9
    """
    n = min(len(x), len(y))
    i = 0
    while i < n and x[i] == y[i]:
        i += 1
    return i


_VOWELS = str.maketrans("", "", "aeiouyw'`")
#: Skeletons shorter than this are not compared (too many words share them).
MIN_SKELETON = 3


def skeleton(word: str) -> str:
    """The consonants of ``word`` as an abjad writes them: vowels, y and w dropped, an Arabic article
    ("al-", transliterated "l") and a final h (ta marbuta) left out, doubled letters written once.

    >>> skeleton("jadara"), skeleton("jdr"), skeleton("lmnstyr"), skeleton("monastir"), skeleton("maragheh")
    ('jdr', 'jdr', 'mnstr', 'mnstr', 'mrg')
    """
    s = word.translate(_VOWELS)
    out = "".join(c for i, c in enumerate(s) if i == 0 or c != s[i - 1])
    if out.endswith("h") and len(out) > MIN_SKELETON:
        out = out[:-1]
    if out.startswith("l") and len(out) > MIN_SKELETON and not word.startswith(("la", "le", "li", "lo", "lu")):
        out = out[1:]
    return out


def is_unvowelled(word: str) -> bool:
    """A word written without the vowels a, e, i, o, u: a transliterated abjad word ("jdr", "mrghh")."""
    return len(word) >= MIN_SKELETON and not any(v in word for v in "aeiou")


def _spelled(x: str, y: str) -> bool:
    """One word written without vowels spells the other's consonants."""
    if is_unvowelled(x) == is_unvowelled(y) or x in ORG_KEYS or y in ORG_KEYS:
        return False
    k = skeleton(x)
    return len(k) >= MIN_SKELETON and k == skeleton(y)


def word_ok(word: str) -> bool:
    """A word that may be aligned: four letters or more (three without vowels), not a number, not a stop word."""
    shortest = MIN_SKELETON if is_unvowelled(word) else MIN_LENGTH
    return len(word) >= shortest and not word.isdigit() and word not in STOP_WORDS


def _inflected(x: str, y: str) -> bool:
    k = common_start(x, y)
    if k >= MIN_STEM and k >= STEM_SHARE * min(len(x), len(y)) and x not in ORG_KEYS and y not in ORG_KEYS:
        return True
    return _spelled(x, y)


def aligned_pairs(a: frozenset[str], b: frozenset[str]) -> list[tuple[str, str]]:
    """Candidate word pairs (each sorted) of two names' word sets ``a`` and ``b`` (see the module).

    A pair of two organisation words is never returned (a college renamed a university is
    not a translation; ``_translate.mine_org_swaps`` counts those).

    >>> aligned_pairs(frozenset("volgogradsk state medical university".split()),
    ...               frozenset("volgograd state medical university".split()))
    [('volgograd', 'volgogradsk')]
    >>> aligned_pairs(frozenset("prifysgol sussex".split()), frozenset("university sussex".split()))
    [('prifysgol', 'university')]
    >>> aligned_pairs(frozenset("polytechnic gdanska".split()), frozenset("gdansk university technology".split()))
    [('gdansk', 'gdanska')]
    >>> aligned_pairs(frozenset("jmh jdr".split()), frozenset("jadara university".split()))
    [('jadara', 'jdr'), ('jmh', 'university')]
    """
    left, right = sorted(a - b), sorted(b - a)
    if not left or not right or len(left) > MAX_UNSHARED or len(right) > MAX_UNSHARED:
        return []
    out: list[tuple[str, str]] = []
    ok = {w for w in (*left, *right) if word_ok(w)}
    for x in list(left):
        if x not in ok:
            continue
        fits = [y for y in right if y in ok and _inflected(x, y)]
        if len(fits) != 1:
            continue
        y = fits[0]
        if sum(_inflected(z, y) for z in left if z in ok) != 1:
            continue
        out.append((x, y) if x < y else (y, x))
        left.remove(x)
        right.remove(y)
    if len(left) == 1 and len(right) == 1:
        x, y = left[0], right[0]
        if x in ok and y in ok and not (x in ORG_KEYS and y in ORG_KEYS):
            out.append((x, y) if x < y else (y, x))
    return out
