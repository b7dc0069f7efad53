"""A token trie over every name of every institution of a registry, built once per registry.

Scanning a text costs one dictionary walk per token position, whatever the registry size
(the token-level equal of an Aho-Corasick automaton). Acronyms match only as written in
capitals; other names match case- and accent-insensitively.

The trie is one flat dictionary from every token prefix of a name (its folded tokens
joined by spaces) to the ids of the institutions named exactly so (empty for a prefix
only), not one dictionary per node: a 100,000-name registry then keeps a handful of
containers, not ~375,000, that the cyclic garbage collector would walk on every full pass.
"""

from __future__ import annotations

import functools
import itertools
import re
import threading
import unicodedata
import weakref
from collections.abc import Iterable
from typing import Any

import attrs

from partnerkit._model import Institution

__all__ = ["Automaton", "Memo", "automaton_for", "tokens"]

# A CJK character or a kana is one token (Japanese writes no spaces: "はソルボンヌと" holds the
# name "ソルボンヌ" between two particles); any other run of letters and digits is one.
_TOKEN = re.compile(r"[\u3041-\u30ff\u3400-\u9fff]|[^\W_\u3041-\u30ff\u3400-\u9fff]+")
_CACHE: weakref.WeakKeyDictionary[Any, Automaton] = weakref.WeakKeyDictionary()
_STRONG: dict[int, tuple[Any, Automaton]] = {}
_LOCK = threading.Lock()
# Single words that are institution names somewhere but ordinary words in news text.
_COMMON = frozenset({"university", "institute", "college", "academy", "school", "the", "de", "la", "center", "centre"})


@functools.lru_cache(maxsize=200_000)
def _fold(word: str) -> str:
    word = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in word if not unicodedata.combining(ch))


def tokens(text: str) -> list[tuple[int, int, str]]:
    """(start, end, folded token) for every word (or CJK character) of ``text``."""
    starts, ends, words = _columns(text)
    return list(zip(starts, ends, words, strict=True))


_SPLIT = re.compile(f"({_TOKEN.pattern})")
# Without CJK characters and underscores, a token is a run of ``\w``: a faster split, the same parts.
_SPLIT_PLAIN = re.compile(r"(\w+)")
_CJK_OR_UNDERSCORE = re.compile(r"[_\u3041-\u30ff\u3400-\u9fff]")


def _columns(text: str) -> tuple[list[int], list[int], list[str]]:
    """The starts, ends and folded forms of the tokens of ``text``, as three lists."""
    low = text.casefold()
    # A letter that folds to two ("ß" -> "ss") moves offsets, and U+0345 is the one character
    # that folds from a non-word to a word character: then word by word.
    if len(low) != len(text) or "\u0345" in text:
        found = [(m.start(), m.end(), _fold(m.group(0))) for m in _TOKEN.finditer(text)]
        return [t[0] for t in found], [t[1] for t in found], [t[2] for t in found]
    # Folding the text once keeps every offset. Splitting it around the tokens gives
    # separator, token, separator, ...: the running sum of their lengths is every offset.
    parts = (_SPLIT if _CJK_OR_UNDERSCORE.search(low) else _SPLIT_PLAIN).split(low)
    bounds = list(itertools.accumulate(map(len, parts)))
    words = parts[1::2]
    if not low.isascii():
        words = list(map(_fold, words))  # accents (ASCII words fold to themselves)
    return bounds[0:-1:2], bounds[1::2], words


def _katakana(ch: str) -> bool:
    return "\u30a1" <= ch <= "\u30fc"


def _inside_katakana(text: str, start: int, end: int) -> bool:
    """A name written in katakana read inside a longer katakana word ("ソルボンヌ" in "ネオソルボンヌ"):
    kana are single tokens, so the word's own ends are checked.

    Example:
        >>> _inside_katakana("ネオソルボンヌと", 2, 7), _inside_katakana("はソルボンヌと", 1, 6)
        (True, False)
    """
    return (start > 0 and _katakana(text[start]) and _katakana(text[start - 1])) or (
        end < len(text) and _katakana(text[end - 1]) and _katakana(text[end])
    )


@attrs.frozen
class Hit:
    """A registry name found at ``start:end`` of the scanned text."""

    start: int
    end: int
    ids: tuple[str, ...]


class Memo:
    """A bounded, thread-safe memo (oldest entries leave first)."""

    def __init__(self, size: int = 4096) -> None:
        self.size = size
        self._data: dict[str, Any] = {}
        self._lock = threading.Lock()

    def get(self, key: str) -> Any:
        return self._data.get(key)

    def put(self, key: str, value: Any) -> None:
        with self._lock:
            if key not in self._data and len(self._data) >= self.size:
                del self._data[next(iter(self._data))]
            self._data[key] = value

    def clear(self) -> None:
        with self._lock:
            self._data.clear()

    def __len__(self) -> int:
        return len(self._data)


class Automaton:
    """The trie of one registry's names (and a memo of that registry's match answers by name)."""

    def __init__(self, institutions: Iterable[Institution]) -> None:
        self.matches = Memo()
        #: every token prefix of a name, space-joined -> the ids of the names it is whole (or ())
        self.names: dict[str, tuple[str, ...]] = {}
        acronyms: dict[str, dict[str, None]] = {}
        self.size = 0
        for inst in institutions:
            for name in inst.names():
                if name.type.value == "acronym":
                    if 2 <= len(name.value) <= 12:
                        acronyms.setdefault(name.value, {})[inst.id] = None
                    continue
                self._add(name.value, inst.id)
            self.size += 1
        #: an acronym as written -> the ids of the institutions that have it (sorted)
        self.acronyms: dict[str, tuple[str, ...]] = {a: tuple(sorted(ids)) for a, ids in acronyms.items()}
        # the folded forms of the acronyms (a token equal to an acronym folds to one of these)
        self._acronym_keys = frozenset(_fold(a) for a in self.acronyms)
        # every folded word that can start a hit (one C-level look-up per word of a text)
        self._starts = frozenset(k for k in self.names if " " not in k).union(self._acronym_keys)

    def _add(self, name: str, ident: str) -> None:
        toks = [t for _, _, t in tokens(name)]
        if not toks or (len(toks) == 1 and (toks[0] in _COMMON or len(toks[0]) < 4)):
            return
        names = self.names
        key = toks[0]
        for tok in toks[1:]:
            names.setdefault(key, ())
            key = f"{key} {tok}"
        ids = names.get(key, ())
        if ident not in ids:
            names[key] = (*ids, ident)

    def scan(self, text: str) -> list[Hit]:
        """The longest registry names in ``text``, left to right, not overlapping.

        Example:
            >>> a = Automaton([Institution(id="itmo", name="ITMO University", acronyms=("ITMO",))])
            >>> [(h.start, h.end, h.ids) for h in a.scan("Today ITMO University and ITMO met.")]
            [(6, 21, ('itmo',)), (26, 30, ('itmo',))]
        """
        starts, ends, words = _columns(text)
        out: list[Hit] = []
        n = len(words)
        names = self.names
        acronyms = self.acronyms
        acronym_keys = self._acronym_keys
        # only a word that starts a name or folds like an acronym can start a hit
        free = 0  # the first word not inside an earlier hit
        for i in list(itertools.compress(itertools.count(), map(self._starts.__contains__, words))):
            if i < free:
                continue
            key = words[i]
            ids = names.get(key)
            best: tuple[int, tuple[str, ...]] | None = None
            j = i
            while ids is not None:
                if ids:
                    best = (j, ids)
                j += 1
                if j >= n:
                    break
                key = f"{key} {words[j]}"
                ids = names.get(key)
            if best is not None and not _inside_katakana(text, starts[i], ends[best[0]]):
                out.append(Hit(starts[i], ends[best[0]], best[1]))
                free = best[0] + 1
                continue
            if words[i] in acronym_keys:  # the folded form first: most words are no acronym
                s, e = starts[i], ends[i]
                raw = text[s:e]
                if raw in acronyms and not raw.islower():
                    out.append(Hit(s, e, acronyms[raw]))
        return out


def automaton_for(registry: Any) -> Automaton:
    """The automaton of ``registry`` (anything iterable over institutions), built once and cached."""
    try:
        cached = _CACHE.get(registry)
    except TypeError:  # not weak-referenceable: keep a few by identity (holding them)
        held = _STRONG.get(id(registry))
        if held is not None and held[0] is registry:
            return held[1]
        with _LOCK:
            auto = Automaton(registry)
            if len(_STRONG) >= 4:
                _STRONG.pop(next(iter(_STRONG)))
            _STRONG[id(registry)] = (registry, auto)
        return auto
    if cached is not None:
        return cached
    with _LOCK:
        cached = _CACHE.get(registry)
        if cached is None:
            cached = Automaton(registry)
            _CACHE[registry] = cached
    return cached
