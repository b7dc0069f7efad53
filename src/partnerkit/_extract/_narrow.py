"""Scanning a sentence with only the phrases of a table that can occur in it.

A table pattern (the trigger phrases of one kind, the cues of one status) is an alternation
of tens of phrases, and ``re`` tries every phrase at every word of a sentence. Each phrase
holds a literal that any match of it contains ("memorand" in "memorand(?:um|a) of
understanding"); a phrase whose literals are all absent from the sentence cannot match
anywhere in it. The literals a sentence holds are found in one pass of a trie of all of
them (the longest at each position; the shorter ones that start there are its prefixes),
and the sentence is scanned with the phrases that can match only, each its own pattern
(compiled once), merged as the alternation would: at each position the phrases are tried
in order, the first that matches wins, and the scan goes on where its match ends. So the
matches are exactly those of the whole table pattern.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

from partnerkit._extract._lexicon import Lexicon, literal_needles, literal_sets, phrases_source, raw_tables
from partnerkit._extract._trie import trie_source

__all__ = ["Alternation", "narrowed"]

K = TypeVar("K")
_FLAGS = re.IGNORECASE  # (the flags every table pattern of the lexicon is compiled with)


class Alternation:
    """Phrase patterns read as one alternation of them, in their order.

    Every match of each is non-empty (it holds a literal), so scanning on from where the last
    match ended finds what ``finditer`` of the alternation finds. An alternation scanned often
    is compiled as one pattern (``source``), which scans faster than its phrases one by one.
    """

    __slots__ = ("patterns", "source", "uses")

    def __init__(self, patterns: Sequence[re.Pattern[str]], source: Callable[[], str] | None = None) -> None:
        self.patterns = patterns
        self.source = source  # (called once, when the alternation is compiled)
        self.uses = 0

    def _one(self) -> re.Pattern[str] | None:
        if len(self.patterns) == 1:
            return self.patterns[0]
        self.uses += 1
        if self.uses < _COMPILE_AFTER or self.source is None:
            return None
        one = re.compile(self.source(), _FLAGS)
        self.patterns = [one]
        return one

    def finditer(self, text: str) -> list[re.Match[str]]:
        """The matches of the alternation in ``text``, as ``list(pattern.finditer(text))``."""
        one = self._one()
        if one is not None:
            return list(one.finditer(text))
        out: list[re.Match[str]] = []
        nxt = [p.search(text) for p in self.patterns]
        pos = 0
        while True:
            best: re.Match[str] | None = None
            for i, hit in enumerate(nxt):
                m = hit
                if m is not None and m.start() < pos:  # inside the last match: the next one on
                    m = nxt[i] = self.patterns[i].search(text, pos)
                if m is not None and (best is None or m.start() < best.start()):
                    best = m  # (the leftmost; at one position, the first phrase)
            if best is None:
                return out
            out.append(best)
            pos = best.end()

    def search(self, text: str) -> re.Match[str] | None:
        """The first match of the alternation in ``text``, as ``pattern.search(text)``."""
        one = self._one()
        if one is not None:
            return one.search(text)
        best: re.Match[str] | None = None
        for p in self.patterns:
            m = p.search(text)
            if m is not None and (best is None or m.start() < best.start()):
                best = m
        return best


# Scans of an alternation of a few phrases before it is compiled as one pattern (a compile
# costs some 30 scans; most sets of phrases are met a few times only).
_COMPILE_AFTER = 16


_Scans = tuple[tuple[Any, Alternation], ...]
# per key index of a table, its phrases that can match by the trie's literals, each with the other
# literal sets it needs (each set: one of its literals in the sentence)
_Plan = tuple[tuple[int, tuple[tuple[int, tuple[tuple[str, ...], ...]], ...]], ...]
_MIN_CHECK = 3  # (a shorter literal is in most sentences: checking it would rarely drop a phrase)
_GROUP_REF = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")  # \1, (?P=name), (?(1)...)


class _Table:
    """One table of a lexicon: its patterns (held: tables are found by their id), every
    phrase with its literals, a trie of all literals, and the scans found so far per set of
    literals a sentence holds."""

    def __init__(self, lex: Lexicon, section: str, patterns: Mapping[Any, re.Pattern[str]]) -> None:
        tables = raw_tables()
        self.patterns = patterns
        self.items: list[tuple[Any, re.Pattern[str]]] = list(patterns.items())
        self.phrases: list[list[tuple[str, str]]] = []  # none: the pattern is scanned whole
        self.checks: list[list[tuple[tuple[str, ...], ...]]] = []  # per phrase: the other literal sets
        by_needle: dict[str, set[tuple[int, int]]] = {}  # literal -> (key index, phrase index)
        flags = re.compile("", _FLAGS).flags
        for ki, (key, pattern) in enumerate(self.items):
            name = getattr(key, "value", key)
            phrases = [(lang, p) for lang in lex.langs for p in tables[lang].get(section, {}).get(name, []) if p]
            needles = [literal_needles(p, _FLAGS) for _lang, p in phrases]
            # a pattern not made of its phrases, or one with a phrase without literals or one that
            # refers to a group by number (numbered otherwise on its own): scanned whole
            whole = pattern.flags != flags or _join(phrases, range(len(phrases))) != pattern.pattern
            if whole or any(n is None for n in needles) or any(_GROUP_REF.search(p) for _lang, p in phrases):
                self.phrases.append([])
                self.checks.append([])
                by_needle.setdefault("", set()).add((ki, -1))
                continue
            self.phrases.append(phrases)
            self.checks.append([_checks(p, n or ()) for (_lang, p), n in zip(phrases, needles, strict=True)])
            for pi, found in enumerate(needles):
                for n in found or ():
                    by_needle.setdefault(n, set()).add((ki, pi))
        self.always = frozenset(by_needle.pop("", ()))
        self.closed = {
            n: frozenset().union(*(ids for m, ids in by_needle.items() if n.startswith(m))) for n in by_needle
        }
        self.find = re.compile(f"(?=({trie_source(by_needle, longest=True)}))").findall if by_needle else None
        self.cache: dict[frozenset[str], tuple[_Scans, _Plan | None]] = {}
        self.alts: dict[tuple[int, tuple[int, ...]], Alternation] = {}  # (key index, phrase indices)

    def narrowed(self, low: str) -> _Scans:
        found = frozenset(self.find(low)) if self.find is not None else frozenset()
        got = self.cache.get(found)
        if got is None:
            if len(self.cache) >= 4096:  # sets of literals recur; a bound all the same
                self.cache.clear()
                self.alts.clear()
            got = self.cache[found] = self._build(found)
        scans, plan = got
        return scans if plan is None else self._checked(plan, low)

    def _build(self, found: frozenset[str]) -> tuple[_Scans, _Plan | None]:
        per: dict[int, list[int]] = {}
        for ki, pi in sorted(self.always.union(*(self.closed[n] for n in found))):
            per.setdefault(ki, []).append(pi)
        if any(pi >= 0 and self.checks[ki][pi] for ki, keep in per.items() for pi in keep):
            # (a phrase with more literals than the one found: kept per sentence, by all of them)
            plan = tuple(
                (ki, tuple((pi, self.checks[ki][pi] if pi >= 0 else ()) for pi in keep)) for ki, keep in per.items()
            )
            return (), plan
        return tuple((self.items[ki][0], self._get(ki, tuple(keep))) for ki, keep in per.items()), None

    def _checked(self, plan: _Plan, low: str) -> _Scans:
        out = []
        for ki, phrases in plan:
            keep = []
            for pi, sets in phrases:
                for alternatives in sets:
                    for w in alternatives:
                        if w in low:
                            break
                    else:
                        break  # no literal of this set: the phrase cannot match
                else:
                    keep.append(pi)
            if keep:
                out.append((self.items[ki][0], self._get(ki, tuple(keep))))
        return tuple(out)

    def _get(self, ki: int, keep: tuple[int, ...]) -> Alternation:
        alt = self.alts.get((ki, keep))
        if alt is None:
            alt = self.alts[ki, keep] = self._alternation(ki, list(keep))
        return alt

    def _alternation(self, ki: int, keep: list[int]) -> Alternation:
        phrases = self.phrases[ki]
        if not phrases or len(keep) == len(phrases):
            return Alternation([self.items[ki][1]])  # (scanned whole)
        singles = []
        for pi in keep:
            one = self.alts.get((ki, (pi,)))
            if one is None:
                one = self.alts[ki, (pi,)] = Alternation([re.compile(_join(phrases, [pi]), _FLAGS)])
            singles.append(one.patterns[0])
        return Alternation(singles, lambda: _join(phrases, keep))


def _checks(phrase: str, needles: Sequence[str]) -> tuple[tuple[str, ...], ...]:
    """The literal sets of ``phrase`` besides its trie ``needles`` that a sentence must hold one
    of each for the phrase to match there (sets implied by every needle left out)."""
    out = []
    for alternatives in literal_sets(phrase, _FLAGS):
        if min(map(len, alternatives)) < _MIN_CHECK:
            continue
        if all(any(w in n for w in alternatives) for n in needles):
            continue  # (each needle holds one of them: present wherever the needle is)
        out.append(alternatives)
    return tuple(out)


def _join(phrases: list[tuple[str, str]], keep: Sequence[int]) -> str:
    """The source of the table pattern of the phrases ``keep``, composed as the lexicon does."""
    parts = []
    for lang in dict.fromkeys(lang for lang, _p in phrases):
        part = phrases_source([phrases[i][1] for i in keep if phrases[i][0] == lang], lang)
        if part is not None:
            parts.append(part)
    return "|".join(parts)


_TABLES: dict[int, _Table] = {}


def narrowed(
    lex: Lexicon, section: str, patterns: Mapping[K, re.Pattern[str]], low: str | None
) -> Sequence[tuple[K, Alternation]]:
    """The keys of ``patterns`` (in their order) whose pattern can match the text whose
    :func:`~partnerkit._extract._lexicon.lowered` form is ``low``, each with the alternation
    of the phrases of its table that can: its ``finditer`` finds exactly what that of the
    whole table pattern finds. ``patterns`` is the ``section`` ("kinds", "status", "dates")
    of ``lex``.

    Example:
        >>> from partnerkit._extract._lexicon import lexicon, lowered
        >>> lex = lexicon(("en",))
        >>> text = "They signed an MoU."
        >>> [(k.value, [m[0] for m in a.finditer(text)]) for k, a in narrowed(lex, "kinds", lex.kinds, lowered(text))]
        [('mou', ['MoU'])]
    """
    if low is None:
        return [(k, Alternation([p])) for k, p in patterns.items()]
    table = _TABLES.get(id(patterns))
    if table is None or table.patterns is not patterns:
        if len(_TABLES) >= 256:  # tables are made once per lexicon; a bound all the same
            _TABLES.clear()
        table = _TABLES[id(patterns)] = _Table(lex, section, patterns)
    return table.narrowed(low)
