"""Coordinated clauses of one sentence, each stating its own deal.

"A and B have run a joint master's since 2018, and C and D signed an MoU": a conjunction
after a comma ("and", "while", "und", "，而", ...) or a semicolon starts a new clause when the
text on both sides holds a trigger; a stretch without a trigger ("with A, B, and C") belongs
to the clause before it. Each trigger takes the parties and status cues of its own clause.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence

from partnerkit._extract._text import CJK

__all__ = ["clause_span", "joins"]

# a semicolon, or a comma before a conjunction that can join two main clauses
_JOIN = re.compile(
    r"[;；]|,\s+(?:and|while|whereas|but|und|während|wohingegen|aber|y|mientras(?:\s+que)?|pero|et|"
    r"tandis\s+qu(?:e|['’])|mais|а|и|но|тогда\s+как)\s",
    re.I,
)
# Chinese: a semicolon, or a comma before a contrasting conjunction ("，而", "，但", "，X则")
_JOIN_CJK = re.compile(r"[;；]|[，,]\s*(?:而|但|同时|另外|也(?=是|为))|[，,](?=[^，,。；;]{1,30}?则)")


def clause_span(text: str, start: int, starts: Sequence[int]) -> tuple[int, int]:
    """The clause holding the trigger at ``start`` (sentence offsets ``lo, hi``), given where
    every trigger of the sentence starts; the whole sentence when it has one clause."""
    if len(starts) < 2:
        return 0, len(text)
    cuts = _cuts(text)
    if not cuts:
        return 0, len(text)
    bounds = [0, *cuts, len(text)]
    kept = [0]
    seen = False  # a trigger stands before the current cut
    for i in range(1, len(bounds) - 1):
        seen = seen or any(bounds[i - 1] <= s < bounds[i] for s in starts)
        if seen and any(bounds[i] <= s < bounds[i + 1] for s in starts):
            kept.append(bounds[i])
    kept.append(len(text))
    for lo, hi in itertools.pairwise(kept):
        if lo <= start < hi:
            return lo, hi
    return 0, len(text)


def joins(text: str) -> bool:
    """True when the sentence may hold coordinated clauses (a cheap test before
    :func:`clause_span`, which needs the sentence's triggers)."""
    return bool(_cuts(text))


@functools.lru_cache(maxsize=64)
def _cuts(text: str) -> tuple[int, ...]:
    """Where the sentence may start a new clause, read once per sentence (its clauses are asked
    for once per trigger and status cue)."""
    return tuple(m.start() for m in (_JOIN_CJK if CJK.search(text) else _JOIN).finditer(text))
