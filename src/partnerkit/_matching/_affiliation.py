"""Affiliation strings against a registry: which registered organisations a string names.

How a string is read (each step shows up in the explanation of a hit):

1. It is split into parts (:func:`~partnerkit._matching._parts.split_affiliation`).
   Parts that are addresses (countries, states/provinces, cities of the registry, post
   codes, streets) become *hints*; they are never candidates.
2. In every other part the longest runs of tokens that are a registered name (display
   name, alias or label, normalised) are found. A run counts when it is the whole part,
   or the rest of the part is a sub-unit ("School of Medicine" after the name, "Dept. of
   X" before it) or a place; a name found inside unrelated words does not count.
3. A name that several organisations share is settled by the hints: a country named in
   the string (a conflict is a hard NON_MATCH), then a city or state; else it stays
   ambiguous (POSSIBLE). Generic names ("Institute of Physics") need a place to agree.
4. Acronyms count only with corroboration: a place of the string that agrees, or the
   organisation (or its parent or child) named in full elsewhere in the string.
5. Of the organisations found, the most specific wins: a parent of another one found is
   dropped (ROR's parent/child relationships), so a unit and its university are never
   two answers.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

import attrs

from partnerkit._matching._parts import (
    STREET_WORDS,
    SUBUNIT_WORDS,
    Part,
    country_of,
    is_postcode,
    split_affiliation,
    subdivision_countries,
)
from partnerkit._model import Institution, InstitutionKind, NameType, RelationType
from partnerkit._names import ORG_KEYS, acronym_key, fold, is_acronym, name_keys, normalize_name
from partnerkit.rules import Decision, Explanation, RuleResult

__all__ = ["AffiliationIndex", "Hit"]

_MAX_SPAN = 14
#: A token in more registered names than this is generic ("university", "physics").
_GENERIC_DF = 150
_DIGITS = re.compile(r"^[\d\W]+$")
#: Words that, after a registered name, start a unit of it ("X University School of Medicine").
_UNIT_AFTER = frozenset(("school", "faculty", "department", "college", "graduate", "division", "laboratory"))
#: Words that, before a registered name, make the start a unit of it ("Institute X of <name>").
_UNIT_OF = frozenset(("school", "faculty", "college", "institute", "centre", "hospital", "laboratory"))


@attrs.frozen
class Hit:
    """One organisation an affiliation string names, with the reasons.

    Attributes:
        institution: the registered organisation.
        score: confidence in 0..1.
        decision: MATCH (the answer), POSSIBLE (named but ambiguous, or not the answer)
            or NON_MATCH (its name is there but the string's country conflicts).
        explanation: which part of the string matched which name, by which rules.
    """

    institution: Institution
    score: float
    decision: Decision
    explanation: Explanation


@attrs.define
class _Found:
    index: int
    score: float
    reasons: list[tuple[str, str]]
    decided: str = "match"


@attrs.define
class _Hints:
    countries: set[str] = attrs.Factory(set)  # named in the string (or given): a hard filter
    soft: set[str] = attrs.Factory(set)  # implied by a state or a city (for tie-breaks)
    cities: set[str] = attrs.Factory(set)
    texts: list[str] = attrs.Factory(list)


class AffiliationIndex:
    """An index of registered names for reading affiliation strings. Immutable once built."""

    def __init__(self, institutions: Sequence[Institution]) -> None:
        self.institutions = tuple(institutions)
        by_id = {inst.id: i for i, inst in enumerate(self.institutions)}
        self._names: dict[str, list[tuple[int, NameType, str]]] = {}
        self._acronyms: dict[str, list[int]] = {}
        self._cities: dict[str, set[str]] = {}
        self._parents: list[tuple[int, ...]] = []
        df: Counter[str] = Counter()
        for i, inst in enumerate(self.institutions):
            seen: set[str] = set()
            for name in inst.names():
                if name.type is NameType.ACRONYM:
                    key = acronym_key(name.value)
                    if len(key) >= 2 and i not in self._acronyms.get(key, ()):
                        self._acronyms.setdefault(key, []).append(i)
                    continue
                for key in name_keys(name.value):
                    if key and key not in seen and len(key.split()) <= _MAX_SPAN:
                        seen.add(key)
                        self._names.setdefault(key, []).append((i, name.type, name.value))
            df.update({t for k in seen for t in k.split()})
            if inst.city:
                self._cities.setdefault(normalize_name(inst.city), set()).update({inst.country} if inst.country else ())
            self._parents.append(
                tuple(by_id[r.id] for r in inst.relationships if r.type is RelationType.PARENT and r.id in by_id)
            )
        self._cities.pop("", None)
        self._generic = frozenset(t for t, n in df.items() if n > _GENERIC_DF) | ORG_KEYS
        self._ancestors_cache: dict[int, frozenset[int]] = {}
        subdivision_countries()  # build the gazetteers now, not on the first string
        country_of("")

    # --- relationships ---------------------------------------------------------------------

    def ancestors(self, i: int) -> frozenset[int]:
        """Every parent, grandparent... of institution ``i`` (ROR ``parent`` links)."""
        cached = self._ancestors_cache.get(i)
        if cached is not None:
            return cached
        out: set[int] = set()
        todo = list(self._parents[i])
        while todo:
            j = todo.pop()
            if j not in out and j != i:
                out.add(j)
                todo.extend(self._parents[j])
        result = frozenset(out)
        self._ancestors_cache[i] = result
        return result

    def _related(self, i: int, j: int) -> bool:
        return i == j or i in self.ancestors(j) or j in self.ancestors(i)

    # --- hints -----------------------------------------------------------------------------

    def _place(self, part: Part, hints: _Hints) -> bool:
        """Record the place a part names; True if the part is an address (never a candidate)."""
        folded = fold(part.text)
        code = country_of(folded)
        states = subdivision_countries().get(folded)
        if code is not None:
            hints.countries.add(code)
            if states:
                hints.countries.update(states)
            hints.texts.append(part.text)
            return True
        if states:
            hints.soft.update(states)
            hints.texts.append(part.text)
            return True
        words = folded.split()
        rest = [w for w in words if not (w in STREET_WORDS or _DIGITS.match(w) or is_postcode(w))]
        if not rest:
            return True
        if len(rest) < len(words) and any(w in STREET_WORDS for w in words) and any(w.isdigit() for w in words):
            return True  # "Blindern 12 Street"
        city = normalize_name(" ".join(rest))
        if city in self._cities:
            hints.cities.add(city)
            hints.soft.update(self._cities[city])
            hints.texts.append(part.text)
            return True
        # "0316 Blindern": a post code and a place not in the registry
        return len(rest) < len(words) and is_postcode(" ".join(w for w in words if w not in rest))

    # --- the reading -----------------------------------------------------------------------

    def find(self, text: str, country: str | None = None) -> list[Hit]:
        """The organisations ``text`` names, best first (see the module docstring)."""
        parts = split_affiliation(text)
        hints = _Hints()
        if country:
            hints.countries.add(country)
        orgs: list[Part] = [p for p in self._join(parts) if not self._place(p, hints)]
        found: dict[int, _Found] = {}
        rejected: dict[int, _Found] = {}
        for part in orgs:
            for start, end, key in self._spans(part.tokens):
                self._name_hit(part, start, end, key, hints=hints, found=found, rejected=rejected)
        for part in orgs:
            if len(part.tokens) == 1 and is_acronym(part.text):
                self._acronym_hit(part, hints, found)
        return self._choose(text, found, rejected)

    def _join(self, parts: list[Part]) -> list[Part]:
        """Rejoin a name that commas split ("University of California, San Diego")."""
        out: list[Part] = []
        i = 0
        while i < len(parts):
            for k in (3, 2):
                group = parts[i : i + k]
                if len(group) == k and not group[0].subunit:
                    toks = tuple(t for p in group for t in p.tokens)
                    if " ".join(toks) in self._names:
                        first = group[0]
                        text = ", ".join(p.text for p in group)
                        out.append(Part(text, first.start, toks, False))
                        i += k
                        break
            else:
                out.append(parts[i])
                i += 1
        return out

    def _spans(self, toks: tuple[str, ...]) -> list[tuple[int, int, str]]:
        """Longest runs of ``toks`` that are registered names (none inside another)."""
        out: list[tuple[int, int, str]] = []
        n = len(toks)
        i = 0
        while i < n:
            best = None
            for j in range(min(n, i + _MAX_SPAN), i, -1):
                key = " ".join(toks[i:j])
                if key in self._names:
                    best = (i, j, key)
                    break
            if best is None:
                i += 1
                continue
            if not out or best[1] > out[-1][1]:
                out.append(best)
            i += 1
        # drop runs inside a longer one
        return [s for s in out if not any(o is not s and o[0] <= s[0] and s[1] <= o[1] for o in out)]

    def _context(self, toks: tuple[str, ...], start: int, end: int, hints: _Hints) -> str | None:
        """Why the rest of a part does not stop a name found in it, or None if it does."""
        before, after = toks[:start], toks[end:]
        if not before and not after:
            return "whole part"

        def placeish(ws: tuple[str, ...]) -> bool:
            return all(_DIGITS.match(w) or w in self._cities or country_of(w) for w in ws)

        if before and not placeish(before) and not set(before) & (SUBUNIT_WORDS | _UNIT_OF):
            return None
        if after and not placeish(after) and after[0] not in _UNIT_AFTER:
            return None
        if after and not placeish(after):
            return f"followed by a unit ({' '.join(after)})"
        if before and not placeish(before):
            return f"after a unit ({' '.join(before)})"
        return "with a place"

    def _name_hit(
        self,
        part: Part,
        start: int,
        end: int,
        key: str,
        *,
        hints: _Hints,
        found: dict[int, _Found],
        rejected: dict[int, _Found],
    ) -> None:
        context = self._context(part.tokens, start, end, hints)
        if context is None or (context != "whole part" and " " not in key):
            return  # a lone registered word among other words is not a name
        entries = self._names[key]
        cands = sorted({e[0] for e in entries})
        base = [("name", f"{part.text!r} is a registered name ({key!r})"), ("context", context)]
        active = [c for c in cands if self.institutions[c].status == "active"]
        if active and len(active) < len(cands):
            cands = active
        if hints.countries:
            agree = [c for c in cands if self.institutions[c].country in hints.countries]
            if not agree:
                for c in cands:
                    inst = self.institutions[c]
                    why = f"the string names {'/'.join(sorted(hints.countries))}, the registry {inst.country}"
                    rejected.setdefault(c, _Found(c, 0.0, [*base, ("country conflict", why)], "non_match"))
                return
            if len(agree) < len(cands) or len(cands) == 1:
                base.append(("country", f"{'/'.join(sorted(hints.countries))} agrees"))
            cands = agree
        if len(cands) > 1 and (hints.cities or hints.soft):
            near = [c for c in cands if normalize_name(self.institutions[c].city or "") in hints.cities]
            if not near:
                near = [c for c in cands if self.institutions[c].country in hints.soft]
            if near and len(near) < len(cands):
                base.append(("place", f"{', '.join(hints.texts)} settles {len(cands)} namesakes"))
                cands = near
        if len(cands) > 1:
            main = sorted({e[0] for e in entries if e[0] in cands and e[1] is not NameType.ALIAS})
            if len(main) == 1:
                base.append(("name type", "the only one with this as its name rather than an alias"))
                cands = main
        located = bool(hints.countries or hints.cities or hints.soft)
        generic = all(t in self._generic for t in key.split())
        for c in cands:
            reasons = list(base)
            decided = "match"
            score = 0.97 if context == "whole part" else 0.93
            if len(cands) > 1:
                decided = "possible"
                score = 0.6
                reasons.append(("ambiguous", f"{len(cands)} organisations have this name"))
            elif generic and not (
                self.institutions[c].country in hints.countries | hints.soft
                or normalize_name(self.institutions[c].city or "") in hints.cities
            ):
                decided = "possible"
                score = 0.6
                reasons.append(("generic name", "every word is common; no place in the string agrees"))
            elif part.subunit and not located:
                decided = "possible"
                score = 0.7
                reasons.append(("unit-like", "the part reads as a sub-unit and no place agrees"))
            old = found.get(c)
            if old is None or (old.decided != "match" and decided == "match") or old.score < score:
                found[c] = _Found(c, score, reasons, decided)

    def _acronym_hit(self, part: Part, hints: _Hints, found: dict[int, _Found]) -> None:
        cands = self._acronyms.get(acronym_key(part.text), [])
        if not cands:
            return
        support: list[tuple[int, str]] = []
        for c in cands:
            inst = self.institutions[c]
            named = [f for f in found.values() if f.decided == "match" and self._related(c, f.index)]
            if named:
                support.append(
                    (c, f"its name or a relative's is in the string ({self.institutions[named[0].index].name})")
                )
            elif inst.country and inst.country in hints.countries:
                support.append((c, f"the string names its country {inst.country}"))
            elif inst.city and normalize_name(inst.city) in hints.cities:
                support.append((c, f"the string names its city {inst.city}"))
        if len(support) != 1:
            return
        c, why = support[0]
        reasons = [("acronym", f"{part.text!r} is its acronym"), ("corroborated", why)]
        old = found.get(c)
        if old is None:
            found[c] = _Found(c, 0.9, reasons)
        else:
            old.reasons.extend(reasons)

    def _choose(self, text: str, found: dict[int, _Found], rejected: dict[int, _Found]) -> list[Hit]:
        matched = [f for f in found.values() if f.decided == "match"]
        top = [f for f in matched if not any(g.index in self.ancestors(f.index) for g in matched if g is not f)]
        for f in matched:
            if f not in top:
                parent = next(g for g in top if g.index in self.ancestors(f.index))
                f.decided = "possible"
                f.score = min(f.score, 0.8)
                f.reasons.append(
                    ("unit", f"a unit of {self.institutions[parent.index].name}, also named: that one answers")
                )
        if len(top) > 1:
            edu = [f for f in top if self.institutions[f.index].kind is InstitutionKind.EDUCATION]
            for f in top:
                if len(edu) == 1 and f is not edu[0]:
                    f.decided = "possible"
                    f.score = min(f.score, 0.75)
                    f.reasons.append(
                        ("other body", f"the string's university answers: {self.institutions[edu[0].index].name}")
                    )
                elif len(edu) != 1:
                    f.decided = "possible"
                    f.score = min(f.score, 0.75)
                    f.reasons.append(("several", f"{len(top)} unrelated organisations are named"))
        order = {"match": 0, "possible": 1, "non_match": 2}
        every = [*found.values(), *(r for i, r in rejected.items() if i not in found)]
        every.sort(key=lambda f: (order[f.decided], -f.score, f.index))
        return [self._hit(text, f) for f in every]

    def _hit(self, text: str, f: _Found) -> Hit:
        inst = self.institutions[f.index]
        decision = Decision(f.decided)
        results = tuple(
            RuleResult(
                rule=f"affiliation.{rule.replace(' ', '_')}",
                value=True,
                weight=None if i == len(f.reasons) - 1 else 0.0,
                decision=decision if i == len(f.reasons) - 1 else None,
                text=detail,
            )
            for i, (rule, detail) in enumerate(f.reasons)
        )
        explanation = Explanation(decision=decision, score=f.score, results=results, left=text, right=inst.name)
        return Hit(inst, f.score, decision, explanation)
