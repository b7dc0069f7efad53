"""Acronyms: detect them, derive them from names, read them from "Name (ACR)" patterns."""

from __future__ import annotations

import functools
import re
import unicodedata

import attrs

from partnerkit._names._normalize import TOKEN, fold, prepare, token_info, words
from partnerkit._names._vocabulary import STOP_WORDS, org_words

__all__ = ["ParsedName", "acronym_fits", "acronym_key", "derive_acronyms", "is_acronym", "parse_name"]

_DOTS = re.compile(r"[.\s]")
_QUOTES = "\"'«»“”„‟‹›「」『』"
_QUOTED = re.compile(r"[\"«“„‹「『]\s*([^\"«»“”„‹›「」『』]+?)\s*[\"»”“›」』]")
_PARENS = re.compile(r"\(([^()]*)\)|\[([^\[\]]*)\]")
_LEADING_ACRONYM = re.compile(r"^\s*(\S{2,12})\s*[-–—:]\s+(.+)$")
_TRAILING_ACRONYM = re.compile(r"^(.+?)\s*(?:,|[-–—:])\s*(\S{2,12})\s*$")
_NAMED_AFTER = re.compile(r"\b(named after|im\.|imeni|имени|им\.)", re.IGNORECASE)


def is_acronym(text: str) -> bool:
    """True if ``text`` is written as an acronym: one word, mostly capitals, 2-12 letters.

    Dots, ``&`` and ``-`` are allowed ("M.I.T.", "A&M", "SPbU", "МЭСИ").

    >>> [is_acronym(s) for s in ("HUST", "M.I.T.", "SPbU", "МЭСИ", "Harvard", "ITMO University")]
    [True, True, True, True, False, False]
    """
    text = unicodedata.normalize("NFKC", text).strip()
    if not text or " " in text.strip(". "):
        return False
    core = _DOTS.sub("", text)
    letters = [c for c in core if c.isalpha()]
    if not 2 <= len(letters) <= 12 or len(core) > 14:
        return False
    if any(not (c.isalnum() or c in "&-") for c in core):
        return False
    uppers = sum(1 for c in letters if c.isupper())
    return uppers >= 2 and uppers * 2 >= len(letters) and not letters[0].islower()


def acronym_key(text: str) -> str:
    """The comparable form of an acronym: transliterated, lower case, letters and digits only.

    >>> acronym_key("М.Э.С.И."), acronym_key("Texas A&M"), acronym_key("SPbU")
    ('mesi', 'texasam', 'spbu')
    """
    return fold(text).replace(" ", "")


def _initials(ws: list[tuple[str, bool]], keep_stop: bool, whole: bool) -> str:
    letters = []
    for f, upper in ws:
        if not keep_stop and (f in STOP_WORDS or f == "and"):
            continue
        if whole and upper and len(f) <= 5:
            letters.append(f)  # an acronym inside a name counts whole ("MIT Media Lab" -> "mitml")
        else:
            letters.append(f[0])
    return "".join(letters)


@functools.lru_cache(maxsize=100_000)
def derive_acronyms(name: str) -> frozenset[str]:
    """Acronyms a writer may use for ``name`` (as :func:`acronym_key` forms).

    Initials of the words, without and with stop words, in the name's own language and
    script (transliterated); the clause after "named after" / "im." and bracketed parts
    are left out. Also the acronym of the English-key form ("Technische Universität" ->
    "tu"). Names of one word give none.

    >>> sorted(derive_acronyms("Huazhong University of Science and Technology"))
    ['huosat', 'hust']
    >>> sorted(derive_acronyms("Московский государственный университет имени М.В. Ломоносова"))
    ['mgu', 'msu']
    """
    base = _PARENS.sub(" ", name) if ("(" in name or "[" in name) else name
    m = _NAMED_AFTER.search(base)
    if m:
        base = base[: m.start()]
    base = base.split(",")[0]
    if "." in base:  # single dotted letters are initials of persons: left out
        ws = [(w.folded, w.upper) for w in words(base) if w.folded and not (w.dotted and len(w.folded) == 1)]
    else:
        ws = [info for info in map(token_info, TOKEN.findall(prepare(base))) if info[0]]
    if len(ws) < 2:
        return frozenset()
    out = {_initials(ws, False, True), _initials(ws, True, True)}
    table = org_words()
    out.add(_initials([(table.get(f, f), upper) for f, upper in ws], False, True))
    return frozenset(a for a in out if len(a) >= 2)


@attrs.frozen
class ParsedName:
    """A name split into its parts by :func:`parse_name`.

    Attributes:
        base: the name without bracketed parts and quotes ("Huazhong University of Science and Technology").
        acronyms: acronyms written in the string ("HUST", "REC"), as written.
        aliases: other bracketed or quoted names that are not acronyms.
        quoted: the quoted proper name, if any ('REC "Kuzbass"' -> "Kuzbass").
    """

    base: str
    acronyms: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    quoted: str | None = None


def parse_name(text: str) -> ParsedName:
    """Read acronyms and alternative names out of a written name.

    Handles "Name (ACR)", "ACR - Name", "Name, ACR", and quoted proper names such as
    'REC "Kuzbass"' or 'НИУ «ВШЭ»'.

    >>> parse_name("Huazhong University of Science and Technology (HUST)")
    ParsedName(base='Huazhong University of Science and Technology', acronyms=('HUST',), aliases=(), quoted=None)
    >>> parse_name('REC "Kuzbass"')
    ParsedName(base='REC Kuzbass', acronyms=('REC',), aliases=(), quoted='Kuzbass')
    """
    text = unicodedata.normalize("NFKC", text).strip()
    acronyms: list[str] = []
    aliases: list[str] = []
    quoted: str | None = None

    def bracket(m: re.Match[str]) -> str:
        inner = (m.group(1) or m.group(2) or "").strip()
        if inner:
            (acronyms if is_acronym(inner) else aliases).append(inner)
        return " "

    base = _PARENS.sub(bracket, text)
    q = _QUOTED.search(base)
    if q:
        quoted = q.group(1).strip()
        if is_acronym(quoted):
            acronyms.append(quoted)
        before = base[: q.start()].strip()
        if before and is_acronym(before):
            acronyms.insert(0, before)
    base = " ".join(base.translate({ord(c): " " for c in _QUOTES}).split())
    m = _LEADING_ACRONYM.match(base)
    if m and is_acronym(m.group(1)) and not is_acronym(m.group(2)):
        acronyms.insert(0, m.group(1))
        base = m.group(2)
    else:
        m = _TRAILING_ACRONYM.match(base)
        if m and is_acronym(m.group(2)) and not is_acronym(m.group(1)):
            acronyms.append(m.group(2))
            base = m.group(1)
    base = base.strip(" ,;-–—:")
    if not base and acronyms:
        base = acronyms[0]
    return ParsedName(
        base=base,
        acronyms=tuple(dict.fromkeys(acronyms)),
        aliases=tuple(dict.fromkeys(aliases)),
        quoted=quoted,
    )


_FIT_SKIP = frozenset(
    "of and the for de la del des du di da do und für y et e i и им им. & named after".split()  # noqa: SIM905
)


def acronym_fits(acronym: str, name: str) -> bool:
    """True if ``acronym`` can be read off the words of ``name`` as writers form acronyms.

    Every capital of the acronym starts a word of the name (in order; connectors such as
    "of", "and", "de", "и" may be skipped, and so may up to three leading words, as in
    "Kalashnikov ISTU"); a lower-case letter of the acronym continues the current word
    ("SibFU", "СПбГУ"). A word of the name written as the acronym itself fits too.

    >>> acronym_fits("HUST", "Huazhong University of Science and Technology")
    True
    >>> acronym_fits("SibFU", "Siberian Federal University")
    True
    >>> acronym_fits("СПбГУ", "Санкт-Петербургский государственный университет")
    True
    >>> acronym_fits("HUST", "Hanoi University of Science")
    False
    >>> acronym_fits("UNAM", "Universidad de Massachusetts")
    False
    """
    letters = [c for c in unicodedata.normalize("NFKC", acronym) if c.isalnum()]
    ws = [w for w in re.split(r"[\s\-–/]+", unicodedata.normalize("NFKC", name)) if w]
    if any(w.strip('.,()"«»') == acronym for w in ws) and len(ws) > 1:
        return True
    ws = [w.strip('.,()"«»“”') for w in ws]
    ws = [w for w in ws if w and w.casefold() not in _FIT_SKIP]
    if len(letters) < 2 or not ws:
        return False
    acr = [c.casefold() for c in letters]
    capital = [c.isupper() or not c.isalpha() for c in letters]
    lowered = [w.casefold() for w in ws]

    def fit(ai: int, wi: int) -> bool:
        if ai == len(acr):
            return wi == len(lowered)
        if wi == len(lowered):
            return False
        word = lowered[wi]
        if word[0] != acr[ai]:
            return False
        pos, a = 1, ai + 1
        while True:
            if fit(a, wi + 1):
                return True
            if a == len(acr) or (capital[a] and not all(capital)):
                return False
            if all(capital):
                return False  # an all-capitals acronym takes one letter per word
            idx = word.find(acr[a], pos)
            if idx < 0:
                return False
            pos, a = idx + 1, a + 1

    return any(fit(0, start) for start in range(min(len(lowered), 4)))
