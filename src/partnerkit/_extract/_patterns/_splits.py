"""Where a run of capitalised words holding two names is cut in two ("X University and the
University of Y", "del Grupo X y de la Asociación Y", "Glasgow and Nanyang Technological University").

A part is cut at its first splitter ("and", "y") or "of" word whose two sides pass one of the rules
of ``_Run.cut``; both sides are then cut again, until no part has a cut. Every rule reads the words
of a part through counts and "next such word" tables built once per run, so one rule costs O(1)
and a run of n words costs O(n) (a line of 100k characters of names joined by "and" is as fast as
the same names in sentences). A part's left side after a cut is scanned again, but only the
"and the ..." rule can fire there anew (the other rules only get harder on a shorter right side),
and never twice in a row: each word is read a bounded number of times.
"""

from __future__ import annotations

from bisect import bisect_left

from partnerkit._extract._patterns._words import (
    _DETERMINERS,
    _HEADS_HEAD_FIRST,
    _KEEP_AFTER,
    _PLURAL_HEADS,
    _SPLITTERS,
    _UNIT_HEADS,
    _head_of,
    _is_cap,
    is_acronym_token,
)
from partnerkit._extract._places import gazetteer
from partnerkit._model._countries import _key

__all__ = ["split_run"]

_CUT_WORDS = _SPLITTERS | _KEEP_AFTER


def split_run(run: list[tuple[int, int, str]]) -> list[list[tuple[int, int, str]]]:
    # A cut falls only at a splitter or an "of" word inside the run: most runs have none.
    if not any(w.lower() in _CUT_WORDS for _s, _e, w in run[1:-1]):
        return [run]
    return [run[lo:hi] for lo, hi in _Run(run).parts()]


def _prefix(flags: list[bool]) -> list[int]:
    """``out[j]`` = how many of ``flags[:j]`` are true."""
    out = [0]
    for flag in flags:
        out.append(out[-1] + flag)
    return out


def _next(flags: list[bool]) -> list[int]:
    """``out[j]`` = the first index ``>= j`` whose flag is true, else ``len(flags)``."""
    n = len(flags)
    out = [n] * (n + 1)
    for j in range(n - 1, -1, -1):
        out[j] = j if flags[j] else out[j + 1]
    return out


class _Run:
    """One run's words with the counts and tables the cut rules read; parts are ``[lo, hi)``."""

    def __init__(self, run: list[tuple[int, int, str]]) -> None:
        words = [w for _s, _e, w in run]
        self.n = n = len(words)
        self.words = words
        self.low = low = [w.lower() for w in words]
        self.head = head = [_head_of(w) for w in words]  # (``_head_of`` lower-cases itself)
        self.cap = [_is_cap(w) for w in words]
        self.acronym = acronym = [is_acronym_token(w) for w in words]
        self.det = det = [w in _DETERMINERS for w in low]
        self.keep = keep = [w in _KEEP_AFTER for w in low]
        self.split = split = [w in _SPLITTERS for w in low]
        is_head = [h is not None for h in head]
        nondet_head = [h and not d for h, d in zip(is_head, det, strict=True)]
        self.heads = _prefix(is_head)
        self.acronyms = _prefix(acronym)
        self.nondets = _prefix([not d for d in det])
        self.nondet_heads = _prefix(nondet_head)
        self.next_head = _next(is_head)
        self.next_singular_head = _next([h and w not in _PLURAL_HEADS for h, w in zip(is_head, low, strict=True)])
        self.next_nondet = _next([not d for d in det])
        self.next_nondet_head = _next(nondet_head)
        # a head followed by an "of" word: "Ministry of ..."
        self.next_head_of = _next([is_head[j] and j + 1 < n and keep[j + 1] for j in range(n)])
        self.candidates = [j for j in range(n) if split[j] or keep[j]]

    def parts(self) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        stack = [(0, self.n)]
        while stack:
            lo, hi = stack.pop()
            cut = self.cut(lo, hi)
            if cut is None:
                out.append((lo, hi))
            else:
                stack.append((cut + 1, hi))
                stack.append((lo, cut))
        return out

    def cut(self, lo: int, hi: int) -> int | None:
        """The first index strictly inside ``[lo, hi)`` where the part is cut, or None."""
        cands = self.candidates
        for k in range(bisect_left(cands, lo + 1), len(cands)):
            i = cands[k]
            if i >= hi - 1:
                return None
            if self.split[i] and self._split_cuts(lo, i, hi):
                return i
            if self.keep[i] and self._of_cuts(lo, i, hi):
                return i
        return None

    def _has_head(self, lo: int, hi: int) -> bool:
        return self.heads[hi] > self.heads[lo]

    def _split_cuts(self, lo: int, i: int, hi: int) -> bool:
        a = i + 1  # the right side is [a, hi), the left [lo, i)
        left_head, right_head = self._has_head(lo, i), self._has_head(a, hi)
        if left_head and right_head and not self._head_then_of(lo, i):
            return True
        if self.det[a] and self.cap[hi - 1] and left_head:
            return True
        left_acronym = self.acronyms[i] > self.acronyms[lo]
        if right_head and (self._starts_new_name(a) or left_acronym or (left_head and self._ends_in_head(a, hi))):
            return True
        if left_acronym and not left_head and right_head:
            return True
        if self._city_then_name(lo, i, hi):
            return True
        # "del Grupo X y de la Asociación Y", "of the X Group and of the Y Network"
        return left_head and self._of_then_head(a, hi)

    def _of_cuts(self, lo: int, i: int, hi: int) -> bool:
        a = i + 1
        if not (self._has_head(a, hi) and self._starts_name_after_of(a, hi)):
            return False
        if self.nondet_heads[i] == self.nondet_heads[lo]:
            return True  # no head on the left
        return self.head[self.next_nondet[lo]] in _UNIT_HEADS

    def _head_then_of(self, lo: int, hi: int) -> bool:
        # "Ministry of Education and Vocational Training": the left side ends inside an "of" phrase.
        j = self.next_head_of[lo]
        return j + 1 < hi and not self._has_head(j + 1, hi)

    def _city_then_name(self, lo: int, i: int, hi: int) -> bool:
        """ "Glasgow and Nanyang Technological University": a lone city before "and" is a university
        named by its city, not the first half of a name whose head comes later; the right side is a
        whole name of its own (two words or more before a singular head: shared heads are plural,
        "the Hainan and Sanya universities")."""
        if i - lo != 1 or _key(self.words[lo]) not in gazetteer():
            return False
        a = i + 1
        j = self.next_head[a]
        return j < hi and j - a >= 2 and self.low[j] not in _PLURAL_HEADS

    def _starts_new_name(self, a: int) -> bool:
        return self.det[a] or self.head[a] is not None or self.acronym[a]

    def _ends_in_head(self, a: int, hi: int) -> bool:
        j = self.next_singular_head[a]
        return a < j < hi and self.cap[a]

    def _of_then_head(self, a: int, hi: int) -> bool:
        """The part opens with "of (the)" and a capitalised head ("de la Asociación ...", "of the Network ...")."""
        if hi - a < 2 or not self.keep[a]:
            return False
        nxt = a + 2 if self.det[a + 1] and hi - a > 2 else a + 1
        return self.cap[nxt] and self.head[nxt] is not None

    def _starts_name_after_of(self, a: int, hi: int) -> bool:
        first = self.next_nondet[a]
        if first >= hi:
            return False
        head = self.head[first]
        if head is not None and head not in _UNIT_HEADS:
            return self.low[first] in _HEADS_HEAD_FIRST or self.nondets[hi] - self.nondets[a] > 1
        j = self.next_nondet_head[a]
        return j < hi and j != first and self.cap[first]
