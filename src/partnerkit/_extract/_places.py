"""Places named in a text: countries (any language pycountry knows) and cities (a gazetteer).

Russian case endings are tolerated ("в Узбекистане", "в Каире"); "the capital of Belgium"
is Brussels. A registry adds the cities of its institutions to the gazetteer.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable
from importlib import resources

import attrs

from partnerkit._model import country_names
from partnerkit._model._countries import _key

__all__ = ["Place", "find_places", "gazetteer"]

_WORD = re.compile(r"[\u3400-\u9fff]|[^\W\d_\u3400-\u9fff]+(?:[-'’][^\W\d_\u3400-\u9fff]+)*")
_CJK = re.compile(r"[\u3400-\u9fff]")
_RU_ENDINGS = ("ами", "ями", "ией", "ии", "ие", "ом", "ем", "ой", "ей", "ах", "ях", "е", "и", "у", "ю", "а", "я", "ы")
_CAPITAL_OF = re.compile(
    r"(?:the capital of|capital of|la capitale (?:de la |du |de l'|d')|la capital de|столиц[аеуы] )\s*(?:the )?(\w[\w ]{2,30})",  # noqa: E501
    re.IGNORECASE,
)
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
    if not extra:
        return base
    out = dict(base)
    for city, code in extra:
        key = _key(city)
        if len(key) > 3:
            out.setdefault(key, (city, code, False))
    return out


@functools.cache
def _capitals() -> dict[str, str]:
    return {code: name for name, code, capital in _base_gazetteer().values() if capital}


def _lookup(words: list[str], cities: dict[str, tuple[str, str, bool]]) -> tuple[str, str | None] | None:
    phrase = " ".join(words)
    key = _key(phrase)
    if not key or key in _NOT_COUNTRIES:
        return None
    code = country_names().get(key)
    if code is not None and (len(key) > 3 or phrase.isupper() or not phrase.isascii()):
        return code, None
    city = cities.get(key)
    if city is not None:
        return city[1], city[0]
    last = words[-1]
    if not _CJK.search(last) and re.search(r"[\u0400-\u04ff]", last):
        for ending in _RU_ENDINGS:
            if last.endswith(ending) and len(last) - len(ending) >= 3:
                stem = _key(" ".join([*words[:-1], last[: -len(ending)]]))
                for cand in (stem, stem + "а", stem + "я", stem + "ь", stem + "й", stem + "ия"):
                    if cand in country_names():
                        return country_names()[cand], None
                    if cand in cities:
                        return cities[cand][1], cities[cand][0]
    return None


def find_places(text: str, start: int = 0, cities: dict[str, tuple[str, str, bool]] | None = None) -> list[Place]:
    """Countries and cities named in ``text`` (offsets shifted by ``start``), longest first.

    Example:
        >>> [(p.country, p.city) for p in find_places("offices in China and Mongolia, not in Brussels")]
        [('CN', None), ('MN', None), ('BE', 'Brussels')]
    """
    cities = _base_gazetteer() if cities is None else cities
    words = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text)]
    out: list[Place] = []
    taken: set[int] = set()
    for m in _CAPITAL_OF.finditer(text):
        sub = find_places(m.group(1), m.start(1), {})
        if sub and sub[0].city is None and sub[0].country in _capitals():
            p = sub[0]
            out.append(Place(m.start(), p.end, p.country, _capitals()[p.country]))
            taken.update(range(m.start(), p.end))
    i = 0
    while i < len(words):
        found = None
        for n in (5, 4, 3, 2, 1):
            if i + n > len(words):
                continue
            chunk = words[i : i + n]
            if chunk[0][0] in taken or (n > 1 and not _CJK.search(chunk[0][2]) and _gap(text, chunk)):
                continue
            first = chunk[0][2]
            if not _CJK.search(first) and not first[:1].isupper():
                continue
            if _CJK.search(first):
                found = _cjk_place(text, chunk[0][0], cities)
                if found:
                    break
                continue
            hit = _lookup([w for _, _, w in chunk], cities)
            if hit:
                found = (chunk[0][0], chunk[-1][1], hit[0], hit[1])
                break
        if found:
            s, e, code, city = found
            out.append(Place(start + s, start + e, code, city))
            taken.update(range(s, e))
            while i < len(words) and words[i][0] < e:
                i += 1
        else:
            i += 1
    out.sort(key=lambda p: p.start)
    return out


def _gap(text: str, chunk: list[tuple[int, int, str]]) -> bool:
    # Only plain spaces (or a hyphen) between the words of a multi-word place name.
    return any(text[a[1] : b[0]] not in (" ", "-") for a, b in itertools.pairwise(chunk))


def _cjk_place(
    text: str, pos: int, cities: dict[str, tuple[str, str, bool]]
) -> tuple[int, int, str, str | None] | None:
    for n in (5, 4, 3, 2):
        piece = text[pos : pos + n]
        if len(piece) < n or not all(_CJK.match(c) for c in piece):
            continue
        key = _key(piece)
        if key in country_names():
            return pos, pos + n, country_names()[key], None
        if key in cities:
            return pos, pos + n, cities[key][1], cities[key][0]
    return None
