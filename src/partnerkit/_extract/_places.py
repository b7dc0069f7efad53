"""Places named in a text: countries (any language pycountry knows) and cities (a gazetteer).

Russian case endings are tolerated ("в Узбекистане", "в Каире"); "the capital of Belgium"
is Brussels. A registry adds the cities of its institutions to the gazetteer.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from importlib import resources
from typing import Any

import attrs

from partnerkit._model import country_names
from partnerkit._model._countries import _key

__all__ = ["Place", "find_places", "gazetteer", "more_cities"]

# Han characters and katakana (Japanese writes foreign places in katakana: "バンコク"): places
# written in them are read by their characters, not as words
_CJK_CLASS = "\u3400-\u9fff\u30a1-\u30fa\u30fc"
_CJK_CHAR = re.compile(f"[{_CJK_CLASS}]")
_KATAKANA = re.compile(r"[\u30a1-\u30fa\u30fc]")
_LETTERS = rf"[^\W\d_{_CJK_CLASS}]+(?:[-'’][^\W\d_{_CJK_CLASS}]+)*"  # a word not in CJK
_WORD = re.compile(f"[{_CJK_CLASS}]|" + _LETTERS)
_RU_ENDINGS = ("ами", "ями", "ией", "ии", "ие", "ом", "ем", "ой", "ей", "ах", "ях", "е", "и", "у", "ю", "а", "я", "ы")
_CAPITAL_OF = re.compile(
    r"(?:the capital of|capital of|la capitale (?:de la |du |de l'|d')|la capital de|столиц[аеуы] )\s*(?:the )?(\w[\w ]{2,30})",  # noqa: E501
    re.IGNORECASE,
)
# The languages whose country names running text is read for: those of the trigger tables and
# the other languages news about universities is commonly written in. Names in every other
# language pycountry knows collide with common words ("Ende", "Barato").
_TEXT_LANGUAGES = ("de", "es", "fr", "it", "ja", "ko", "nl", "pl", "pt", "pt_BR", "ru", "uk", "zh_CN", "zh_HK", "zh_TW")
# Words that are country names in some language but common words in others.
_NOT_COUNTRIES = frozenset({"chad", "guinea", "jordan", "georgia", "turkey", "china town", "man", "oman"})


@attrs.frozen
class Place:
    """A place found in a sentence: cleaned-text span, country code, and city if it is one."""

    start: int
    end: int
    country: str
    city: str | None = None


@functools.cache
def _base_gazetteer() -> dict[str, tuple[str, str, bool]]:
    out: dict[str, tuple[str, str, bool]] = {}
    data = resources.files("partnerkit").joinpath("data/extract/cities.tsv").read_text("utf-8")
    for line in data.splitlines():
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t")
        code, name = parts[0], parts[1]
        others = parts[2].split("|") if len(parts) > 2 and parts[2] else []
        capital = len(parts) > 3 and parts[3].strip() == "capital"
        for n in (name, *others):
            out.setdefault(_key(n), (name, code, capital))
    return out


def gazetteer(extra: Iterable[tuple[str, str]] = ()) -> dict[str, tuple[str, str, bool]]:
    """City keys -> (English name, country, is capital); ``extra`` adds (city, country) pairs."""
    base = _base_gazetteer()
    added = more_cities(extra)
    return {**base, **added} if added else base


def more_cities(extra: Iterable[tuple[str, str]]) -> dict[str, tuple[str, str, bool]]:
    """The entries (city, country) pairs add to the built-in gazetteer (a city it lacks), for
    :func:`find_places`' ``cities``: the same places as the whole :func:`gazetteer`."""
    base = _base_gazetteer()
    out: dict[str, tuple[str, str, bool]] = {}
    for city, code in extra:
        key = _key(city)
        if len(key) > 3 and key not in base:
            out.setdefault(key, (city, code, False))
    return out


@functools.cache
def _capitals() -> dict[str, str]:
    return {code: name for name, code, capital in _base_gazetteer().values() if capital}


_END = ""
_MAX_WORDS = 5


@functools.lru_cache(maxsize=100_000)
def _word_key(word: str) -> tuple[str, ...]:
    return tuple(_key(word).split())


def _add_path(trie: dict[str, Any], key: str, value: tuple[str, str | None]) -> None:
    node = trie
    for part in key.split():
        node = node.setdefault(part, {})
    node.setdefault(_END, value)


@functools.cache
def _base_trie() -> tuple[dict[str, Any], dict[str, tuple[str, str | None]]]:
    """Word trie of every country name and city key; and the CJK names by their characters."""
    trie: dict[str, Any] = {}
    cjk: dict[str, tuple[str, str | None]] = {}
    for key, code in country_names(_TEXT_LANGUAGES).items():
        if key in _NOT_COUNTRIES:
            continue
        if _CJK_CHAR.search(key):
            cjk.setdefault(key, (code, None))
        else:
            _add_path(trie, key, (code, None))
    for key, (name, code, _capital) in _base_gazetteer().items():
        if key in _NOT_COUNTRIES or not key:
            continue
        if _CJK_CHAR.search(key):
            cjk.setdefault(key, (code, name))
        else:
            _add_path(trie, key, (code, name))
    return trie, cjk


def _stems(word: str) -> list[str]:
    out: list[str] = []
    for ending in _RU_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            stem = word[: -len(ending)]
            out.extend((stem, stem + "а", stem + "я", stem + "ь", stem + "й", stem + "и", stem + "ия"))
    return out


def _accept(value: tuple[str, str | None], phrase: str, key_len: int) -> bool:
    """Short country keys ("Mali", "Peru" are fine; "man") count only written in capitals or non-Latin."""
    return value[1] is not None or key_len > 3 or phrase.isupper() or not phrase.isascii()


def _walk(
    text: str,
    pos: int,
    trie: dict[str, Any],
    extra: dict[str, tuple[str, str, bool]],
) -> tuple[int, int, str, str | None] | None:
    """The longest place starting at ``pos`` (up to five words joined by single spaces)."""
    best: tuple[int, int, str, str | None] | None = None
    node: dict[str, Any] | None = trie
    keys: list[str] = []
    at = pos
    for _n in range(_MAX_WORDS):
        m = _WORD.match(text, at)
        if m is None or node is None:
            break
        w = m.group(0)
        if _CJK_CHAR.match(w):
            break
        parts = _word_key(w)
        keys.extend(parts)
        nxt: dict[str, Any] | None = node
        for part in parts:
            nxt = nxt.get(part) if nxt is not None else None
        end = m.end()
        phrase = text[pos:end]
        key = " ".join(keys)
        if nxt is not None and _END in nxt and key not in _NOT_COUNTRIES and _accept(nxt[_END], phrase, len(key)):
            code, city = nxt[_END]
            best = (pos, end, code, city)
        elif extra and key in extra:
            best = (pos, end, extra[key][1], extra[key][0])
        elif len(parts) == 1 and _CYRILLIC.search(w):
            for stem in _stems(parts[0]):
                sub = node.get(stem) if node is not None else None
                if sub is not None and _END in sub:
                    code, city = sub[_END]
                    best = (pos, end, code, city)
                    break
        node = nxt
        if node is None or text[end : end + 1] != " ":
            break
        at = end + 1
    return best


# Where a place may start: a capitalised word not inside a word, or any CJK character (Chinese
# has no spaces: "在伦敦设立" names London after a verb). The
# match is that one character (as a search goes on at the next one); group 1 is the rest of
# the word _WORD matches there (read in the same search), None at a CJK character. The
# pattern opens with the character class, so ``re`` skips to the next capital in C (a pattern
# opening with the look-behind is tried at every character).
_START = re.compile(
    rf"[^\W\d_a-zß-ÿа-яё](?:(?<=[{_CJK_CLASS}])|(?<![^\W\d_].)(?=("
    rf"[^\W\d_{_CJK_CLASS}]*(?:[-'’][^\W\d_{_CJK_CLASS}]+)*)))"
)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


@functools.lru_cache(maxsize=100_000)
def _starts_no_base_place(word: str) -> bool:
    """True when no place of the built-in gazetteer starts with ``word`` (nor, for a Russian
    word, with one of its stems): a word asked again and again (names recur)."""
    parts = _word_key(word)
    return bool(parts) and parts[0] not in _base_trie()[0] and not _CYRILLIC.search(word)


def find_places(text: str, start: int = 0, cities: dict[str, tuple[str, str, bool]] | None = None) -> list[Place]:
    """Countries and cities named in ``text`` (offsets shifted by ``start``), longest first.

    ``cities`` adds a gazetteer (city key -> (name, country, is capital)) to the built-in one.

    Example:
        >>> [(p.country, p.city) for p in find_places("offices in China and Mongolia, not in Brussels")]
        [('CN', None), ('MN', None), ('BE', 'Brussels')]
    """
    trie, cjk = _base_trie()
    base = _base_gazetteer()
    extra = _extra(cities, base)
    out: list[Place] = []
    taken_to = -1
    if "apital" in text or "столиц" in text:
        for m in _CAPITAL_OF.finditer(text):
            sub = find_places(m.group(1), m.start(1), {})
            if sub and sub[0].city is None and sub[0].country in _capitals():
                p = sub[0]
                out.append(Place(m.start(), p.end, p.country, _capitals()[p.country]))
                taken_to = max(taken_to, p.end)
    for sm in _START.finditer(text):
        s0 = sm.start()
        if s0 < taken_to:
            continue
        rest = sm.end(1)  # (where the word _WORD matches at s0 ends; -1 at a CJK character)
        if rest < 0:
            found = _cjk_place(text, s0, cjk, extra)
        elif sm.group(0).isupper():
            # most capitalised words start no place: their first word is in neither the trie
            # nor the extra cities, and no Russian case ending hides it (what _walk would find)
            word = text[s0:rest]
            if _starts_no_base_place(word) and (not extra or " ".join(_word_key(word)) not in extra):
                continue
            found = _walk(text, s0, trie, extra)
        else:
            continue
        if found:
            s, e, code, city = found
            out.append(Place(start + s, start + e, code, city))
            taken_to = e
    out.sort(key=lambda p: p.start)
    return out


def place_end(text: str, pos: int, cities: dict[str, tuple[str, str, bool]] | None = None) -> int | None:
    """Where the longest place read at ``pos`` of ``text`` ends, as :func:`find_places` reads it
    there (None when none starts there). A place :func:`find_places` finds at ``pos`` ends there;
    it may find none (a place begun earlier covers ``pos``, or ``pos`` is inside a word).

    Example:
        >>> text = "Offices in New Zealand"
        >>> text[11 : place_end(text, 11)]
        'New Zealand'
    """
    found = _walk(text, pos, _base_trie()[0], _extra(cities, _base_gazetteer()))
    return None if found is None else found[1]


_EXTRA: list[tuple[dict[str, tuple[str, str, bool]], dict[str, tuple[str, str, bool]]]] = []


def _extra(
    cities: dict[str, tuple[str, str, bool]] | None, base: dict[str, tuple[str, str, bool]]
) -> dict[str, tuple[str, str, bool]]:
    """The cities of ``cities`` that the base gazetteer lacks (kept for the last ``cities`` seen:
    a document passes the same gazetteer for each of its sentences)."""
    if not cities or cities is base:
        return {}
    held = _EXTRA[:1]  # one read: another thread may replace it
    if held and held[0][0] is cities:
        return held[0][1]
    extra = {k: v for k, v in cities.items() if k not in base}
    _EXTRA[:] = [(cities, extra)]
    return extra


def _cjk_place(
    text: str, pos: int, cjk: dict[str, tuple[str, str | None]], extra: dict[str, tuple[str, str, bool]]
) -> tuple[int, int, str, str | None] | None:
    if _KATAKANA.match(text, pos):
        # a katakana name is a whole katakana word ("タイ" is Thailand, not in "ネクタイ")
        if pos > 0 and _KATAKANA.match(text, pos - 1):
            return None
        end = pos
        while end < len(text) and _KATAKANA.match(text, end):
            end += 1
        piece = _key(text[pos:end])  # (keys drop the voicing marks, as accents: "バンコク" -> "ハンコク")
        hit = cjk.get(piece)
        if hit is not None:
            return pos, end, hit[0], hit[1]
        if piece in extra:
            return pos, end, extra[piece][1], extra[piece][0]
        return None
    for n in (5, 4, 3, 2):
        piece = text[pos : pos + n]
        if len(piece) < n:
            continue
        hit = cjk.get(piece)
        if hit is not None:
            return pos, pos + n, hit[0], hit[1]
        if piece in extra:
            return pos, pos + n, extra[piece][1], extra[piece][0]
    return None
