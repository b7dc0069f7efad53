"""Matches and the constants of matching; at most one MATCH per result."""

from __future__ import annotations

import contextlib
import re
from typing import Any

import attrs

from partnerkit._model import Institution, country_name
from partnerkit._names import country_of, fold, normalize_name
from partnerkit.rules import Decision, Explanation

#: A conjunction joining two names ("Medical College of Wisconsin and Marquette University").
_AND = re.compile(r"\s+(?:and|&|und|et|y|e)\s+", re.I)
#: How many indexed names, ranked by blocking score, the rules look at per query.
CANDIDATES = 8
#: Posting lists longer than this (very common words) are read only when nothing rarer hits.
MAX_POSTING = 20_000
#: Words carried by more names than this are not scanned once rarer words found candidates.
RARE = 400
#: Candidates kept after the rare-word pass.
POOL = 100
#: Distinctive query words at least this long that the index lacks are looked up one edit away.
TYPO_LENGTH = 5
#: Candidates explained (and checked for ambiguity) per query, at least.
_EXPLAINED = 5


@attrs.frozen
class Match:
    """One candidate institution for a query, with the decision and why.

    Attributes:
        institution: the registry's institution.
        score: 0..1, how sure the rules are.
        decision: MATCH, POSSIBLE or NON_MATCH; at most one MATCH per result list.
        explanation: the rules that fired (``str()`` it for a paragraph), and the notes of
            the checks that raised or lowered the decision; its ``score`` and ``decision`` are
            the match's own.
        name: the institution's name that matched best.
        query: the text that was matched (a segment, for affiliation strings).
    """

    institution: Institution
    score: float
    decision: Decision
    explanation: Explanation
    name: str
    query: str

    def __attrs_post_init__(self) -> None:
        # A check that raises or caps a match (a unique name: MATCH from 0.95; a doubt: POSSIBLE
        # at most 0.8) notes why on the explanation: its head then states the score shown beside it.
        e = self.explanation
        if e.score != self.score or e.decision is not self.decision:
            object.__setattr__(self, "explanation", attrs.evolve(e, score=self.score, decision=self.decision))

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe: institution id and name, score, decision, matched name, explanation."""
        return {
            "institution_id": self.institution.id,
            "institution": self.institution.name,
            "score": round(self.score, 4),
            "decision": self.decision.value,
            "name": self.name,
            "query": self.query,
            "explanation": self.explanation.to_dict(),
        }


_ACRONYM_RULES = frozenset(("same", "written", "derived"))


def _acronym_evidence(e: Explanation) -> bool:
    return any(r.value in _ACRONYM_RULES and r.weight is not None and r.weight > 0 for r in e)


def _same_name(e: Explanation) -> bool:
    return any(r.rule == "same_name" for r in e) or any(r.value == "same" for r in e)


def _resolve_ambiguity(found: list[Match], acronym: bool = False) -> list[Match]:
    """At most one MATCH, and only one that stands out.

    Two or more MATCHes all become POSSIBLE. An acronym is a MATCH only when no other
    candidate (not ruled out by a hint) carries it too, written or as its initials. When
    several institutions carry the very name asked for, the note says so.
    """
    confident = [m for m in found if m.decision is Decision.MATCH]
    rivals: list[Match] = []
    if len(confident) >= 2:
        rivals = confident
    elif confident and acronym and _acronym_evidence(confident[0].explanation):
        rivals = [m for m in found if m.decision is not Decision.NON_MATCH and _acronym_evidence(m.explanation)]
    elif not confident:
        rivals = [m for m in found if m.decision is Decision.POSSIBLE and _same_name(m.explanation)]
        if len(rivals) >= 2:
            others = ", ".join(m.institution.name for m in rivals[:5])
            note = f"Ambiguous: {len(rivals)} institutions carry this name ({others}); give a country or another hint."
            return [attrs.evolve(m, explanation=m.explanation.with_note(note)) if m in rivals else m for m in found]
        return found
    if len(rivals) < 2:
        return found
    others = ", ".join(m.institution.name for m in rivals[:5])
    what = "carry this acronym" if acronym and len(confident) < 2 else "match"
    note = f"Ambiguous: {len(rivals)} institutions {what} ({others}); give a country or another hint."
    return [
        attrs.evolve(m, decision=Decision.POSSIBLE, explanation=m.explanation.with_note(note, Decision.POSSIBLE))
        if m.decision is Decision.MATCH
        else m
        for m in found
    ]


def demoted(top: Match, note: str) -> Match:
    """``top`` as a POSSIBLE (score at most 0.8) whose explanation ends with ``note``: a check after
    the rules found a reason the MATCH is not safe."""
    return attrs.evolve(
        top, decision=Decision.POSSIBLE, score=min(top.score, 0.8),
        explanation=top.explanation.with_note(note, Decision.POSSIBLE),
    )  # fmt: skip


def _decided(e: Explanation) -> bool:
    """A deciding rule (different identifiers, different countries) ended the run."""
    return any(r.decision is not None for r in e)


#: A country's name written in a name has at most this many words ("bosnia herzegovina", "united states").
_COUNTRY_WORDS = 3


#: Short forms of a country's name that names write and the country table does not read alone
#: (there, "America" would also be the continent): "Optical Society of America".
_SHORT_COUNTRY = {"US": "america"}


def own_place_words(inst: Institution, key: str) -> frozenset[str]:
    """The words of the normalised name ``key`` that name ``inst``'s city or its country, the
    country in any language or form that :func:`~partnerkit._names.country_of` reads
    ("deutschland", "usa", "united states"), and "america" for the United States.

    >>> from partnerkit import Institution
    >>> inst = Institution(id="x", name="Horus University", country="EG", city="New Damietta")
    >>> sorted(own_place_words(inst, "horus university egypt"))
    ['egypt']
    >>> sorted(own_place_words(inst, "misr university new damietta"))  # misr: Egypt in Arabic
    ['damietta', 'misr', 'new']
    """
    words = key.split()
    own = set((_place_words(inst) | _city_name_words(inst)).intersection(words))
    if inst.country in _SHORT_COUNTRY:
        own.update(w for w in words if w == _SHORT_COUNTRY[inst.country])
    if inst.country:
        for size in range(1, min(_COUNTRY_WORDS, len(words)) + 1):
            for i in range(len(words) - size + 1):
                if country_of(" ".join(words[i : i + size])) == inst.country:
                    own.update(words[i : i + size])
    return frozenset(own)


def _city_name_words(inst: Institution) -> frozenset[str]:
    """The normalised words of ``inst``'s city ("St. Louis" is written "saint louis"); none without a city."""
    return frozenset(normalize_name(inst.city).split()) if inst.city else frozenset()


def _place_words(inst: Institution) -> frozenset[str]:
    words: set[str] = set()
    if inst.city:
        words.update(fold(inst.city).split())
    if inst.country:
        with contextlib.suppress(ValueError):  # a code pycountry does not know
            words.update(fold(country_name(inst.country)).split())
    return frozenset(words)
