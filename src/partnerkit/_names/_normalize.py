"""Folding, tokenising and normalising institution names.

The pipeline, for any ``str``: Unicode NFKC; CJK and Korean organisation words replaced
by their English key; apostrophes and elisions handled; split into word tokens (Unicode
letters and digits); each token transliterated to ASCII (anyascii), case-folded and
mapped through the organisation-word dictionary (``partnerkit/data/org_words.tsv``) and
the table of cities' names in other languages (``partnerkit/data/place_names.tsv``: "wien" -> "vienna");
stop words, "named after" / "im." and initials of persons dropped; dotted letter groups
("M.I.T.") joined.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from typing import NamedTuple

from anyascii import anyascii

from partnerkit._names._memo import memoized
from partnerkit._names._places import place_names
from partnerkit._names._vocabulary import (
    CJK_WORDS,
    LEGAL_FORMS,
    ORG_KEYS,
    STOP_WORDS,
    TRAILING_LEGAL_FORMS,
    org_words,
)

__all__ = ["Word", "fold", "initials_as_word", "name_keys", "normalize_name", "tokens", "words"]

_CJK_PATTERN = re.compile("|".join(sorted(map(re.escape, CJK_WORDS), key=len, reverse=True)))
_ELISION = re.compile(r"\b([dlDL])['’ʼ](?=\w)")
_APOSTROPHE = re.compile(r"(?<=\w)['’ʼʻ`´](?=\w)")


def _mark_class() -> str:
    """A regex class of the combining marks of U+0300..U+FFFF (vowel signs of Indic scripts...).

    ``\\w`` does not match them, so without them "विश्वविद्यालय" would fall apart into pieces.
    """
    out = []
    start = prev = -2
    for cp in [*range(0x300, 0x3100), *range(0xFE00, 0xFE30)]:
        if unicodedata.category(chr(cp))[0] != "M":
            continue
        if cp != prev + 1:
            if start >= 0:
                out.append((start, prev))
            start = cp
        prev = cp
    out.append((start, prev))
    out.append((0x200C, 0x200D))  # zero-width (non-)joiners inside words
    return "".join(f"\\u{a:04x}-\\u{b:04x}" if a != b else f"\\u{a:04x}" for a, b in out)


TOKEN = _TOKEN = re.compile(rf"[^\W_](?:[^\W_]|[{_mark_class()}])*|&")
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_LETTER_AND_LETTER = re.compile(r"\b([^\W\d_])\s?&\s?([^\W\d_])\b")  # "A&M" -> "AM"
# Organisation words written as two words (Vietnamese); folded form -> English key.
_PHRASES = {("dai", "hoc"): "university", ("hoc", "vien"): "academy"}


class Word(NamedTuple):
    """One word of a name as written, with what the normaliser needs to know about it.

    Attributes:
        text: the word as written (any script).
        folded: transliterated, case-folded ASCII form (may be ``""`` for symbols).
        upper: the word is written in capitals (two or more letters, none lower case).
        dotted: the word is directly followed by a full stop ("Univ.", "M.").
        start: offset of the word in the (NFKC-normalised) text.
    """

    text: str
    folded: str
    upper: bool
    dotted: bool
    start: int


_KANA = re.compile("[\u3041-\u30ff]")
_SMALL_Y = dict.fromkeys("ゃャ", "a") | dict.fromkeys("ゅュ", "u") | dict.fromkeys("ょョ", "o")
_SMALL_VOWEL = {k: v for ks, v in zip(("ぁァ", "ぃィ", "ぅゥ", "ぇェ", "ぉォ"), "aiueo", strict=True) for k in ks}
_PALATAL = ("sh", "ch", "j")
_LONG_VOWELS = (("ou", "o"), ("uu", "u"), ("oo", "o"))


def _romaji(token: str) -> str:
    """Japanese kana as Hepburn writes them without macrons: "ケンキュウジョ" -> "kenkyujo".

    anyascii reads each kana alone ("kenkiyuujiyo"); here a small ya/yu/yo joins the
    syllable before it (kyu, sho, ja), a small tsu doubles the next consonant, and the
    long vowels ou/uu/oo are written once, as romanised names write them ("Tokyo").
    """
    out: list[str] = []
    double = False
    for ch in token:
        prev = out[-1] if out else ""
        if ch in _SMALL_Y and len(prev) >= 2 and prev.endswith("i"):
            stem = prev[:-1]
            out[-1] = stem + ("" if stem.endswith(_PALATAL) else "y") + _SMALL_Y[ch]
            continue
        if ch in _SMALL_VOWEL and len(prev) >= 2 and prev[-1] in "iu":  # "fa", "ti", "we" of loan words
            out[-1] = prev[:-1] + _SMALL_VOWEL[ch]
            continue
        if ch in "っッ":
            double = True
            continue
        r = anyascii(ch).lower()
        if double and r[:1].isalpha() and r[0] not in "aeiou":
            r = ("t" if r.startswith("ch") else r[0]) + r
        double = False
        out.append(r)
    text = "".join(out)
    for long, short in _LONG_VOWELS:
        text = text.replace(long, short)
    return text


@functools.lru_cache(maxsize=200_000)
def _fold_token(token: str) -> str:
    if token == "&":
        return "and"
    if token.isascii():
        return _NON_ALNUM.sub("", token.lower())
    if _KANA.search(token):
        return _NON_ALNUM.sub("", _romaji(token))
    return _NON_ALNUM.sub("", anyascii(token).lower())


@functools.lru_cache(maxsize=200_000)
def token_info(token: str) -> tuple[str, bool]:
    """A raw token's folded form and whether it is written in capitals (internal, for acronyms)."""
    return _fold_token(token), len(token) >= 2 and token.isupper()


def cjk_org_spans(text: str) -> list[tuple[int, int, str]]:
    """The built-in CJK organisation words of ``text`` (NFKC) as (start, end, English key).

    Offsets are into ``unicodedata.normalize("NFKC", text)``; legal forms ("株式会社") are
    left out (they never count).

    >>> cjk_org_spans("遵义师范学院")
    [(2, 4, 'pedagogical'), (4, 6, 'college')]
    """
    text = unicodedata.normalize("NFKC", text)
    if text.isascii():
        return []
    return [(m.start(), m.end(), key) for m in _CJK_PATTERN.finditer(text) if (key := CJK_WORDS[m.group(0)]) != "kk"]


def prepare(text: str, umlauts_as_e: bool = False) -> str:
    """NFKC and the script-specific rewrites done before tokenising (internal)."""
    return _prepare(text, umlauts_as_e)


def _prepare(text: str, umlauts_as_e: bool = False) -> str:
    text = unicodedata.normalize("NFKC", text)
    if umlauts_as_e:
        text = text.translate(_UMLAUTS)
    if not text.isascii():
        text = _CJK_PATTERN.sub(lambda m: f" {CJK_WORDS[m.group(0)]} ", text)
    if "&" in text:
        text = _LETTER_AND_LETTER.sub(r"\1\2", text)
    if "'" in text or not text.isascii():
        text = _ELISION.sub(r"\1 ", text)
        text = _APOSTROPHE.sub("", text)
    return text


def words(text: str, *, umlauts_as_e: bool = False) -> list[Word]:
    """Split ``text`` into :class:`Word` values (letters/digits runs, and ``&``).

    Never raises on a ``str``.
    """
    return list(_words(text, umlauts_as_e))


@functools.lru_cache(maxsize=50_000)
def _words(text: str, umlauts_as_e: bool) -> tuple[Word, ...]:
    return tuple(_words_of(_prepare(text, umlauts_as_e)))


def _words_of(text: str) -> Iterator[Word]:
    """Words of an already prepared text."""
    n = len(text)
    fold_token = _fold_token
    for m in _TOKEN.finditer(text):
        token = m.group(0)
        end = m.end()
        yield Word(
            token,
            "and" if token == "&" else fold_token(token),
            len(token) >= 2 and token.isupper(),
            end < n and text[end] == ".",
            m.start(),
        )


@memoized(50_000)
def fold(text: str) -> str:
    """NFKC, transliterate to ASCII, case-fold and keep only letters, digits and spaces.

    No dictionary, no stop words: the plain comparable form of ``text``.

    >>> fold("Université Paris-Saclay")
    'universite paris saclay'
    """
    return " ".join(f for f in map(_fold_token, _TOKEN.findall(_prepare(text))) if f)


def _is_initial(w: Word) -> bool:
    return w.dotted and len(w.folded) == 1 and w.folded.isalpha()


def _join_initials(ws: list[Word]) -> Iterator[str]:
    """Yield folded tokens, joining "M.I.T." and dropping initials of persons ("M.V. Lomonosov")."""
    i = 0
    n = len(ws)
    while i < n:
        w = ws[i]
        if _is_initial(w):
            j = i
            while j < n and _is_initial(ws[j]):
                j += 1
            following = ws[j] if j < n else None
            person = following is not None and following.text[:1].isupper() and not following.upper
            person = person and following is not None and following.folded not in org_words()
            if not person and j - i >= 2:
                yield "".join(x.folded for x in ws[i:j])
            i = j
            continue
        if w.folded == "named" and i + 1 < n and ws[i + 1].folded == "after":
            i += 2
            continue
        # Anyascii may give several words for one token ("½" -> "1/2"); they are split here.
        yield from w.folded.split()
        i += 1


#: Two or more dotted capital initials before a capitalised word: "M.D. Anderson", "K. G. Jebsen".
_DOTTED_INITIALS = re.compile(r"(?<![\w.])((?:[A-Z]\.\s?){2,})(?=[A-Z][a-z])")


def initials_as_word(text: str) -> str:
    """``text`` with each run of a person's dotted initials written as one word.

    :func:`tokens` drops a person's initials ("M.V. Lomonosov" is Lomonosov), but a registry
    may write them undotted, as a word of the name ("MD Anderson", "KG Jebsen"); read this
    way, "M.D. Anderson" agrees with such a name.

    >>> initials_as_word("The University of Texas M. D. Anderson Cancer Center")
    'The University of Texas MD Anderson Cancer Center'
    >>> tokens(initials_as_word("M.D. Anderson")) == tokens("MD Anderson")
    True
    """
    if "." not in text:
        return text
    return _DOTTED_INITIALS.sub(lambda m: re.sub(r"[.\s]", "", m.group(1)) + " ", text)


# Endings of Russian/Ukrainian adjectives as transliterated (any system, any gender or case).
_ADJECTIVE = re.compile(r"(?<=[a-z]{4})(?:iy|ii|ij|yi|yy|yj|y|iye|yye|aya|aia|aja|oye|oe|oj|oi|oy|ogo|ovo|ikh|ykh)$")
# "Tomskiy", "Tomskaya", "Tomsky": an adjective of a place in -sk is the place ("Tomsk").
_PLACE_ADJECTIVE = re.compile(
    r"(?<=[a-z]{2}sk)(?:iy|ii|ij|yi|yy|yj|y|iye|yye|aya|aia|aja|oye|oe|oj|oi|oy|ogo|ikh|ykh)$"
)


@functools.cache
def _org_stems() -> dict[str, str]:
    """Stems of the dictionary's Russian/Ukrainian adjectives -> key ("gosudarstvenn" -> state)."""
    stems: dict[str, str | None] = {}
    for variant, key in org_words().items():
        if _ADJECTIVE.search(variant):
            stem = _ADJECTIVE.sub("", variant)
            stems[stem] = key if stems.get(stem, key) == key else None
    return {k: v for k, v in stems.items() if v is not None}


def _slavic(token: str) -> str:
    """A transliterated Slavic adjective read by its stem.

    An organisation word in any gender or case, or any transliteration, finds its key
    ("gosudarstvennaya", "meditsinskaya" -> state, medical), and an adjective of a place in
    -sk is the place ("tomskiy", "Tomsky", "novosibirskaya" -> "tomsk", "novosibirsk"), so
    "Томский государственный университет" reads as "Tomsk State University".
    """
    if len(token) < 6:
        return token
    if _ADJECTIVE.search(token):
        key = _org_stems().get(_ADJECTIVE.sub("", token))
        if key is not None:
            return key
    return _PLACE_ADJECTIVE.sub("", token)


# "имени" / "им." (named after) is followed by the person's name in the genitive.
_NAMED_AFTER = frozenset({"imeni", "im"})
_GENITIVE = re.compile(r"(?<=[a-z]{3}[bcdfghklmnprstvz])a$")


def _nominative(token: str) -> str:
    """A Russian or Ukrainian surname in the genitive read in the nominative.

    "Lomonosova" -> "lomonosov", "Baumana" -> "bauman", "Shevchenka" -> "shevchenko" (the
    words after "imeni"/"im.": "Московский государственный университет имени М. В.
    Ломоносова" is Lomonosov Moscow State University).
    """
    if token.endswith("enka") and len(token) > 6:
        return token[:-1] + "o"
    return _GENITIVE.sub("", token)


@functools.lru_cache(maxsize=200_000)
def _map_token(token: str) -> str | None:
    if token in STOP_WORDS or token in LEGAL_FORMS:
        return None
    mapped = org_words().get(token)
    if mapped is None:
        mapped = _slavic(token)
        mapped = place_names().get(mapped, mapped)  # "wien", "moskovsk" (of "moskovskiy") -> "vienna", "moscow"
    return None if mapped in STOP_WORDS else mapped


def tokens(text: str, *, umlauts_as_e: bool = False) -> list[str]:
    """The normalised tokens of a name, in order: what every comparison works on.

    Organisation words become their English key, stop words and initials go, any script
    becomes lower-case ASCII.

    >>> tokens("Technische Universität München")
    ['technology', 'university', 'munich']
    >>> tokens("Moscow State University named after M.V. Lomonosov")
    ['moscow', 'state', 'university', 'lomonosov']
    """
    return list(_tokens(text, umlauts_as_e))


@memoized(100_000)
def _tokens(text: str, umlauts_as_e: bool) -> tuple[str, ...]:
    prepared = _prepare(text, umlauts_as_e)
    if "." in prepared:  # initials ("M.I.T.", "M.V. Lomonosov") need the words' context
        raw = [t for t in _join_initials(list(_words_of(prepared))) if t]
    else:  # the fast path: no initials to join or drop
        raw = [f for f in map(_fold_token, _TOKEN.findall(prepared)) if f]
        if "named" in raw:
            raw = list(_join_initials([Word(f, f, False, False, 0) for f in raw]))
    out: list[str] = []
    i = 0
    n = len(raw)
    named = 0  # words left to read as a person's name in the genitive ("imeni Lomonosova")
    while i < n:
        token = raw[i]
        phrase = _PHRASES.get((token, raw[i + 1])) if i + 1 < n else None
        if phrase is not None:
            out.append(phrase)
            i += 2
            named = 0
            continue
        i += 1
        if token in _NAMED_AFTER:
            named = 3
            continue
        mapped = _map_token(token)
        if named:
            named = 0 if mapped in ORG_KEYS else named - 1
            if named and mapped == token:
                mapped = _nominative(token)
        if mapped:
            out.append(mapped)
    while len(out) > 1 and out[-1] in TRAILING_LEGAL_FORMS:
        out.pop()
    return tuple(out)


def normalize_name(name: str) -> str:
    """The normal form of an institution name: ASCII, lower case, one English key per organisation word.

    Idempotent, never raises on a ``str``, output is ASCII.

    Args:
        name: a name as written, in any script.

    Returns:
        The normalised name (may be ``""`` when ``name`` has only stop words or symbols).

    >>> normalize_name("St. Petersburg State Univ.")
    'saint petersburg state university'
    >>> normalize_name("Университет ИТМО")
    'university itmo'
    >>> normalize_name("University of Science & Technology")
    'university science technology'
    """
    return " ".join(_tokens(name, False))  # (the cached tuple: no list copied)


def name_keys(name: str) -> tuple[str, ...]:
    """Every normal form of ``name``: :func:`normalize_name` and, for German umlauts, the "ae/oe/ue" form.

    A registry indexes all of them so "Universitaet Muenchen" finds "Universität München".

    >>> name_keys("Universität Göttingen")
    ('university gottingen', 'university goettingen')
    """
    first = normalize_name(name)
    if not any(c in name for c in "äöüÄÖÜ"):
        return (first,)
    second = " ".join(tokens(name, umlauts_as_e=True))
    return (first,) if second == first else (first, second)
