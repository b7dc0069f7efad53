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
# Japanese: a comma after a verb's continuative form ("事務所を置いており、", "行われ、", "締結し、")
_JOIN_CJK = re.compile(
    r"[;；]|[，,]\s*(?:而|但|同时|另外|也(?=是|为))|[，,](?=[^，,。；;]{1,30}?则)"
    r"|(?:(?<=おり)|(?<=あり)|(?<=して)|(?<=[しれ]))、"
)
# A bare comma before a new subject, a name that its own trigger follows with no comma between
# ("X ist Mitglied der A, die Universität Y gehört der B an", "X是A的成员，Y大学是B的成员")
_SUBJECT = re.compile(r",\s+(?=(?:(?:the|die|der|das|la|el|le|les|los|las)\s+|l['’])?[A-ZÀ-ÝА-ЯЁ])")
_SUBJECT_CJK = re.compile(rf"[，,](?={CJK.pattern}{{2,15}}?(?:大学|学院|研究院|研究所|大學|學院))")
_COMMA = re.compile(r"[,，]")


def clause_span(text: str, start: int, starts: Sequence[int]) -> tuple[int, int]:
    """The clause holding the trigger at ``start`` (sentence offsets ``lo, hi``), given where
    every trigger of the sentence starts; the whole sentence when it has one clause."""
    if len(starts) < 2:
        return 0, len(text)
    cuts = _cuts(text)
    if not cuts:
        return 0, len(text)
    subjects = _subject_cuts(text)
    if subjects:  # a new subject only where a trigger follows it before any other comma
        cuts = tuple(c for c in cuts if c not in subjects or _leads_to_trigger(text, c, starts))
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
    joined = (m.start() for m in (_JOIN_CJK if CJK.search(text) else _JOIN).finditer(text))
    return tuple(sorted({*joined, *_subject_cuts(text)}))


@functools.lru_cache(maxsize=64)
def _subject_cuts(text: str) -> frozenset[int]:
    """The bare commas before a capitalised (or, in Chinese, a university) name."""
    return frozenset(m.start() for m in (_SUBJECT_CJK if CJK.search(text) else _SUBJECT).finditer(text))


def _leads_to_trigger(text: str, cut: int, starts: Sequence[int]) -> bool:
    """A trigger starts after ``cut`` with no comma between them."""
    nxt = min((s for s in starts if s > cut), default=None)
    return nxt is not None and _COMMA.search(text, cut + 1, nxt) is None
