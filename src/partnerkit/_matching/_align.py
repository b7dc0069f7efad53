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

import re

from partnerkit._names import ORG_KEYS, STOP_WORDS, country_of

__all__ = [
    "MIN_STEM",
    "STEM_SHARE",
    "aligned_pairs",
    "cognate",
    "common_start",
    "is_unvowelled",
    "skeleton",
    "word_ok",
]

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
_DOUBLED = re.compile(r"(.)\1+", re.DOTALL)  # a letter written twice or more in a row
_VOWEL = re.compile("[aeiou]")
#: Skeletons shorter than this are not compared (too many words share them).
MIN_SKELETON = 3


def skeleton(word: str) -> str:
    """The consonants of ``word`` as an abjad writes them: vowels, y and w dropped, an Arabic article
    ("al-", transliterated "l") and a final h (ta marbuta) left out, doubled letters written once.

    >>> skeleton("jadara"), skeleton("jdr"), skeleton("lmnstyr"), skeleton("monastir"), skeleton("maragheh")
    ('jdr', 'jdr', 'mnstr', 'mnstr', 'mrg')
    """
    s = word.translate(_VOWELS)
    out = _DOUBLED.sub(r"\1", s)
    if out.endswith("h") and len(out) > MIN_SKELETON:
        out = out[:-1]
    if out.startswith("l") and len(out) > MIN_SKELETON and not word.startswith(("la", "le", "li", "lo", "lu")):
        out = out[1:]
    return out


def is_unvowelled(word: str) -> bool:
    """A word written without the vowels a, e, i, o, u: a transliterated abjad word ("jdr", "mrghh")."""
    return len(word) >= MIN_SKELETON and _VOWEL.search(word) is None


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


#: Spellings that say one sound in the languages names are written in, folded to one letter
#: (longest first): "geographical" / "geografski", "aquaculture" / "acuicultura", "leukemic" / "leucemique".
_SOUNDS = (("ph", "f"), ("th", "t"), ("ck", "k"), ("ch", "k"), ("c", "k"), ("q", "k"), ("y", "i"))
_SOUNDS_MORE = (("z", "s"), ("w", "v"), ("x", "ks"), ("j", "i"))
#: Cognates have at least this many letters each.
MIN_COGNATE = 5


def sound_fold(word: str) -> str:
    """``word`` with spellings of one sound written alike and doubled letters once (see :func:`cognate`).

    >>> sound_fold("geographical"), sound_fold("aquaculture"), sound_fold("acuicultura")
    ('geografikal', 'akuakulture', 'akuikultura')
    """
    for a, b in (*_SOUNDS, *_SOUNDS_MORE):
        if a in word:
            word = word.replace(a, b)
    return "".join(c for i, c in enumerate(word) if i == 0 or c != word[i - 1])


def cognate(x: str, y: str) -> bool:
    """Two words of five letters or more that one stem writes in two languages or forms.

    Their sound-folded spellings (:func:`sound_fold`) share a start of at least :data:`MIN_COGNATE`
    letters and 70% of the shorter one, and neither goes on for more than four letters after it
    ("geografski" / "geographical", "tecnologicos" / "technology"; not "nationalbibliothek" /
    "nationalbank"). Words merely alike are not ("gerona" / "girona", but also "unipa" / "unipi",
    "huzhou" / "suzhou"). Two organisation words are not (the registry's own swaps say which of
    those are one word), nor are names of two different countries ("austria" / "australia").

    >>> cognate("geografski", "geographical"), cognate("leukemic", "leucemique"), cognate("physics", "physiology")
    (True, True, False)
    >>> cognate("singapur", "singapore"), cognate("austria", "australia")
    (True, False)
    """
    if len(x) < MIN_COGNATE or len(y) < MIN_COGNATE or x == y or (x in ORG_KEYS and y in ORG_KEYS):
        return False
    if (country_of(x) or country_of(y)) and country_of(x) != country_of(y):
        return False
    fx, fy = sound_fold(x), sound_fold(y)
    k = common_start(fx, fy)
    return (
        k >= MIN_COGNATE
        and k >= _COGNATE_SHARE * min(len(fx), len(fy))
        and max(len(fx), len(fy)) - k <= _COGNATE_ENDING
    )


#: Sound-folded cognates share a start of at least this share of the shorter word...
_COGNATE_SHARE = 0.7
#: ... and go on for at most this many letters after it ("nationalbibliothek" is not "nationalbank").
_COGNATE_ENDING = 4
