"""Resolving one free-text name against a compiled index: blocking, scoring, ambiguity."""

from __future__ import annotations

import contextlib
import heapq
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from partnerkit._matching._affiliation import Reading, reader
from partnerkit._matching._index import Index
from partnerkit._matching._translate import translate_key
from partnerkit._model import Institution, RelationType, country_name
from partnerkit._names import (
    ORG_KEYS,
    country_of,
    fold,
    is_acronym,
    looks_like_affiliation,
    normalize_name,
    parse_affiliation,
    script_of,
    split_affiliation,
)
from partnerkit.rules import Decision, Explanation, Profile, RuleSet, default_rules
from partnerkit.rules._comparisons import AcronymScript, unmatched_words
from partnerkit.rules._profile import WEAK_TOKENS, distinctive_tokens

__all__ = ["Match", "match_batch", "match_one"]

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
        explanation: the rules that fired (``str()`` it for a paragraph).
        name: the institution's name that matched best.
        query: the text that was matched (a segment, for affiliation strings).
    """

    institution: Institution
    score: float
    decision: Decision
    explanation: Explanation
    name: str
    query: str

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


def _unknown(index: Index, token: str, own: int | None) -> bool:
    """No indexed name carries ``token`` (but names of institution ``own``, the query's own)."""
    n = index.count("t:" + token)
    if n == 0:
        return True
    return own is not None and n <= RARE and all(index.name_inst[i] == own for i in index.posting("t:" + token))


def _candidates(index: Index, q: Profile, country: str | None = None, own: int | None = None) -> list[int]:
    """Indexed names that share a blocking key with ``q``, the most promising first.

    A full name is only compared with full names (an institution's acronyms are in their
    profiles); with a ``country`` hint, names of institutions known to be elsewhere are left
    out (the rules would call them NON_MATCH). A distinctive word of at least
    :data:`TYPO_LENGTH` letters that no indexed name carries (but those of institution
    ``own``, the query's own) is also looked up one edit away ("michgan" finds "michigan"),
    in queries written in the Latin script.
    """
    scores: dict[int, float] = {}
    acronyms = index.acronyms
    countries = index.countries
    name_inst = index.name_inst

    def elsewhere(i: int) -> bool:
        c = countries[name_inst[i]]
        return bool(c) and c != country

    if q.acronym is not None:
        for key, bonus in (("a:", 3.0), ("k:", 3.0), ("d:", 1.5), ("t:", 1.0)):
            for i in index.posting(key + q.acronym):
                if scores.get(i, 0.0) < bonus:
                    scores[i] = bonus
        if country is not None:
            scores = {i: s for i, s in scores.items() if not elsewhere(i)}
    else:
        for i in index.posting("k:" + q.sorted_key):
            if not acronyms[i]:
                scores[i] = 10.0
        for acr in sorted(q.acronyms):  # sorted: the same candidates under any PYTHONHASHSEED
            for i in index.posting("a:" + acr):
                if not acronyms[i]:
                    scores[i] = scores.get(i, 0.0) + 3.0
        words = sorted(q.distinctive or q.tokens)
        weights = {t: index.idf(t) for t in words}
        total = sum(weights.values()) or 1.0
        ordered = sorted(words, key=lambda t: (index.count("t:" + t), t))
        common: list[str] = []
        for token in ordered:
            n = index.count("t:" + token)
            if n > RARE and scores:
                common.append(token)  # read only for the candidates the rare words found
                continue
            if n > MAX_POSTING:
                common.append(token)
                continue
            w = weights[token]
            for i in index.posting("t:" + token):
                scores[i] = scores.get(i, 0.0) + w
        # a transliterated word (a query in another script) is spelt by a table, not typed by hand
        for token in words if q.distinctive and script_of(q.text) is None else ():
            if len(token) >= TYPO_LENGTH and not token.isdigit() and _unknown(index, token, own):
                for near in index.near_words(token, RARE):
                    w = min(weights[token], index.idf(near))
                    for i in index.posting("t:" + near):
                        scores[i] = scores.get(i, 0.0) + w
        if country is not None:
            scores = {i: s for i, s in scores.items() if not elsewhere(i)}
        if not scores:
            return []
        if len(scores) > POOL:
            pool = heapq.nlargest(POOL, scores, key=scores.__getitem__)
            scores = {i: scores[i] for i in pool}
        if common:
            for i in scores:
                key_tokens = index.keys[i].split()
                scores[i] += sum(weights[t] for t in common if t in key_tokens)
        # weighted Jaccard-like normalisation so long names do not win by length
        for i, s in scores.items():
            if s < 10.0:
                scores[i] = s / (total + float(index.name_weight[i]) - min(s, total) + 1e-9)
    if len(scores) <= CANDIDATES:
        return sorted(scores, key=scores.__getitem__, reverse=True)
    return heapq.nlargest(CANDIDATES, scores, key=scores.__getitem__)


def _score(index: Index, rules: RuleSet, q: Profile, country: str | None = None) -> dict[int, tuple[float, int]]:
    """Best (score, name) per institution among the candidates (no explanations yet)."""
    best: dict[int, tuple[float, int]] = {}
    for name in _candidates(index, q, country):
        inst = index.name_inst[name]
        score = rules.score(q, index.profile(name))
        old = best.get(inst)
        if old is None or score > old[0]:
            best[inst] = (score, name)
    return best


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


def _order_holders(index: Index, q: Profile, country: str | None) -> dict[int, set[str]] | None:
    """Institutions with a name of the query's words in some order, with those orders.

    An order is marked ``=`` when the name has exactly the query's words.
    A name holds the words if it has all of them and beyond them only its institution's
    city or country ("Washington University in St. Louis" holds "Washington University").
    ``None`` unless two or more institutions (of the hinted country, with a hint) hold the
    words and they write them in different orders: "Washington University" and "University
    of Washington". One holder, or holders all writing the words in one order ("Institute
    of Physics" twice), leave order-free matching alone.
    """
    if q.acronym is not None or len(q.tokens) < 2:
        return None
    names = set(index.posting("k:" + q.sorted_key))
    rarest = min(sorted(q.tokens), key=lambda t: index.count("t:" + t))
    if index.count("t:" + rarest) <= RARE:
        names.update(index.posting("t:" + rarest))
    holders: dict[int, set[str]] = {}
    countries = index.countries
    for n in sorted(names):
        if index.acronyms[n]:
            continue
        inst = index.name_inst[n]
        if country is not None and countries[inst] and countries[inst] != country:
            continue
        words = index.keys[n].split()
        extra = set(words) - q.tokens
        if len(extra) + len(q.tokens) != len(set(words)) or (extra and not extra <= _city_words(index, inst)):
            continue
        ordered = " ".join(dict.fromkeys(w for w in words if w in q.tokens))
        holders.setdefault(inst, set()).add(ordered if extra else "=" + ordered)  # "=": exactly these words
    if len(holders) < 2 or len({frozenset(k.lstrip("=") for k in keys) for keys in holders.values()}) < 2:
        return None
    return holders


def _city_words(index: Index, inst: int) -> frozenset[str]:
    institution = index.institutions[inst]
    words = set(_place_words(institution))
    if institution.city:
        words.update(normalize_name(institution.city).split())  # "St. Louis" is written "saint louis"
    return frozenset(words)


def _city_key(institution: Institution) -> str:
    return normalize_name(institution.city) if institution.city else ""


def _word_order(
    index: Index, found: list[Match], country: str | None, match: float, cities: frozenset[str] = frozenset()
) -> list[Match]:
    """Let the query's word order decide between institutions whose names differ only in it.

    When the registry holds two or more institutions whose names have the query's words in
    different orders (see :func:`_order_holders`), only one whose name has them in the
    query's order may be a MATCH: the one such institution becomes a MATCH and the others
    POSSIBLE. If none or several fit, or one fits only with its city added ("Washington
    University in St. Louis"), every MATCH among them becomes POSSIBLE, and so do the ones
    that fit, unless the affiliation string names the city (``cities``, normalised) that
    completes the one name that fits: "Washington University, Saint Louis, MO".
    """
    if not any(m.decision is Decision.MATCH for m in found):
        return found
    decided: dict[str, tuple[dict[int, set[str]] | None, str]] = {}
    out = list(found)
    for j, m in enumerate(found):
        if m.decision is not Decision.MATCH:
            continue
        if m.query not in decided:
            q = Profile.from_name(m.query)
            decided[m.query] = (_order_holders(index, q, country), " ".join(dict.fromkeys(q.key.split())))
        holders, key = decided[m.query]
        inst = index.ids.get(m.institution.id)
        if holders is None or inst not in holders:
            continue
        exact = sorted(i for i, keys in holders.items() if "=" + key in keys)
        fits = exact or sorted(i for i, keys in holders.items() if key in keys)
        if fits == [inst]:
            continue
        names = ", ".join(index.institutions[i].name for i in sorted(holders)[:5])
        located = [i for i in fits if _city_key(index.institutions[i]) in cities] if not exact else []
        if located == [inst]:
            continue
        if len(exact) == 1 or len(located) == 1:
            winner = index.institutions[(exact or located)[0]]
            note = (
                f"Word order: {len(holders)} institutions have these words ({names});"
                f" in this order they name {winner.name}."
            )
            raise_to = Decision.MATCH
        else:
            # a name in this order only with its city added ("... in St. Louis"), or none: undecided
            note = (
                f"Word order: {len(holders)} institutions have these words ({names})"
                " and the order written does not single one out; give a fuller name or another hint."
            )
            raise_to = Decision.POSSIBLE
        ids = {index.institutions[i].id for i in (located if len(located) == 1 else fits)}
        for k, other in enumerate(out):
            if (
                other.institution.id in ids
                and other.institution.id != m.institution.id
                and other.decision is not Decision.MATCH
                and not _decided(other.explanation)
            ):
                out[k] = attrs.evolve(
                    other,
                    decision=raise_to,
                    score=max(other.score, match) if raise_to is Decision.MATCH else other.score,
                    explanation=other.explanation.with_note(note, raise_to),
                )
        out[j] = attrs.evolve(
            m, decision=Decision.POSSIBLE, explanation=m.explanation.with_note(note, Decision.POSSIBLE)
        )
    return sorted(out, key=lambda m: m.decision is not Decision.MATCH)


def _read_affiliation(
    index: Index, rules: RuleSet, text: str, country: str | None, city: str | None
) -> tuple[list[Match], Reading]:
    """The organisations a string names, read by ``partnerkit._matching._affiliation``.

    A plain name that the reader finds whole is also compared by the rules, whose
    explanation (``same_name``...) then stands when they agree it is a MATCH.
    """
    reading = reader(index).read(text, country=country, city=city)
    found = []
    whole = text.strip(" .:'\"-–—")
    for h in reading.hits:
        explanation = h.explanation
        if h.decision is Decision.MATCH and h.part == whole and h.name_id >= 0:
            e = rules.compare(Profile.from_name(text, country=country, city=city), index.profile(h.name_id))
            if e.decision is Decision.MATCH:
                explanation = e.with_note("Found whole as a registered name: " + h.explanation.results[0].text + ".")
        found.append(
            Match(
                institution=h.institution,
                score=h.score,
                decision=h.decision,
                explanation=explanation,
                name=h.name,
                query=text if not h.part or h.part == whole else h.part,
            )
        )
    if reading.parts == 1:  # a name, not an affiliation string listing units and their university
        found = _units_named(index, rules, text, found, [h.name_id for h in reading.hits])
    return found, reading


def _is_place(word: str) -> bool:
    return country_of(word) is not None


def _relatives(index: Index, inst: int) -> frozenset[int]:
    """Institutions the registry lists as units of ``inst`` or related to it (ROR child/related links)."""
    read = reader(index)
    out = set(read.children(inst))
    ids = index.ids
    for rel in index.institutions[inst].relationships:
        if rel.type in (RelationType.CHILD, RelationType.RELATED) and rel.id in ids:
            out.add(ids[rel.id])
    out.discard(inst)
    return frozenset(out)


def _units_named(index: Index, rules: RuleSet, text: str, found: list[Match], name_ids: list[int]) -> list[Match]:
    """A registered name found in a longer string, whose other words name another registered body.

    "Institut für Chemie und Biologie des Meeres der Carl von Ossietzky Universität
    Oldenburg" carries the university's name, but its other words are those of a unit the
    registry lists under it (a ROR child or related record): when a name of that unit has
    exactly the string's other words, the unit is the MATCH and the university POSSIBLE;
    when it shares at least half of them, both are POSSIBLE. When the words before the name
    are another institution's registered name ("Utica College of Syracuse University"), both
    are POSSIBLE too: the string names two bodies and does not say which one it means.
    So are they when another registered name is made of the string's words, its other words
    included ("Duke Medical Center" in "Duke University Medical Center"). A string joining
    the name with "and" to others is left as read, and other words that are only
    organisation and field words ("School of Medicine") count only when a registered name
    has them all, kind words too.
    """
    if not any(m.decision is Decision.MATCH for m in found):
        return found
    pieces = {normalize_name(p) for p in _AND.split(text)} if _AND.search(text) else set()
    words = normalize_name(text).split()
    out = list(found)
    for j, (m, name_id) in enumerate(zip(found, name_ids, strict=True)):
        if m.decision is not Decision.MATCH or name_id < 0:
            continue
        if index.keys[name_id] in pieces:
            continue  # "A and B": the string lists two bodies, the reader decides
        own = set(index.keys[name_id].split())
        rest = [w for w in words if w not in own and not w.isdigit()]
        if all(w in WEAK_TOKENS for w in rest):
            continue
        inst = index.name_inst[name_id]
        places = _place_words(index.institutions[inst])
        distinct = frozenset(w for w in rest if w not in WEAK_TOKENS and w not in places and not _is_place(w))
        if not distinct:
            continue
        # field words only ("School of Medicine"): a unit's kind, unless a listed unit has
        # exactly these words and its kind words ("Research Institute for Mathematical Sciences")
        generic = distinct <= ORG_KEYS
        kinds = frozenset(w for w in rest if w in WEAK_TOKENS)
        unit = _unit_of(index, inst, own, distinct, kinds if generic else None)
        if generic and unit is not None and not unit[2]:
            unit = None
        other: tuple[int, int, str] | None = None
        if unit is not None:
            other = (unit[0], unit[1], "unit")
        else:
            entries = reader(index).entries(" ".join(dict.fromkeys(rest))) if not generic else []
            named = sorted({e[0] for e in entries if e[0] != inst})
            if named:
                n = next(e[3] for e in entries if e[0] == named[0])
                other = (named[0], n, "named")
            else:
                body = _body_of_words(index, inst, own, frozenset(words), distinct | kinds)
                if body is not None:
                    other = (*body, "named")
        if other is None:
            continue
        c, n, how = other
        child = index.institutions[c]
        if any(x.institution.id == child.id for x in found):
            continue  # the reader saw both names and chose between them (a unit's university answers)
        if how == "unit" and unit is not None and unit[2]:
            note = f"Unit: the string's other words are the name of {child.name}, listed under {m.institution.name}."
            out[j] = attrs.evolve(
                m, decision=Decision.POSSIBLE, score=min(m.score, 0.8),
                explanation=m.explanation.with_note(note, Decision.POSSIBLE),
            )  # fmt: skip
            decision, score = Decision.MATCH, m.score
        else:
            what = "may name its unit" if how == "unit" else "also names"
            note = f"Ambiguous: the string {what} {child.name}, besides {m.institution.name}; give a fuller name."
            out[j] = attrs.evolve(
                m, decision=Decision.POSSIBLE, score=min(m.score, 0.8),
                explanation=m.explanation.with_note(note, Decision.POSSIBLE),
            )  # fmt: skip
            decision, score = Decision.POSSIBLE, 0.7
        said = " ".join(dict.fromkeys(rest))  # the string's words beyond the name found
        e = attrs.evolve(rules.compare(Profile.from_name(said), index.profile(n)), score=score, left=text).with_note(
            note, decision
        )
        rival = Match(child, score, decision, e, index.texts[n], text)
        out = [x for x in out if x.institution.id != child.id]
        out.insert(0 if decision is Decision.MATCH else j + 1, rival)
        break
    return out


def _body_of_words(
    index: Index, inst: int, own: set[str], words: frozenset[str], unit: frozenset[str]
) -> tuple[int, int] | None:
    """Another institution (and name id) whose name is made of the string's words, its unit words included.

    "Duke University Medical Center" carries Duke University's name, and "Duke Medical
    Center" is registered too: a name of the string's words only, with all the words beyond
    the university's ("medical center") and at least one distinctive word of the university's
    name, is another body the string may mean.
    """
    mine = sorted(
        (w for w in own if w not in WEAK_TOKENS and w not in ORG_KEYS), key=lambda t: (index.count("t:" + t), t)
    )
    if not mine or index.count("t:" + mine[0]) > RARE:
        return None
    for n in index.posting("t:" + mine[0]):
        c = index.name_inst[n]
        if c == inst or index.acronyms[n]:
            continue
        name = frozenset(index.keys[n].split())
        if unit <= name <= words and name != words:
            return c, n
    return None


def _unit_of(
    index: Index, inst: int, own: set[str], distinct: frozenset[str], kinds: frozenset[str] | None = None
) -> tuple[int, int, bool] | None:
    """The unit of ``inst`` (institution, name id, exact) whose name's own words best fit ``distinct``.

    With ``kinds``, only a name carrying those organisation words too counts.
    """
    relatives = _relatives(index, inst)
    if not relatives:
        return None
    best: tuple[int, int, int, bool] | None = None  # (overlap, name, institution, exact)
    for w in sorted(distinct, key=lambda t: (index.count("t:" + t), t)):
        if index.count("t:" + w) > MAX_POSTING:
            continue
        for n in index.posting("t:" + w):
            c = index.name_inst[n]
            if c not in relatives or index.acronyms[n]:
                continue
            words = frozenset(index.keys[n].split())
            if kinds is not None and not kinds <= words:
                continue
            extra = words - own - WEAK_TOKENS
            overlap = len(extra & distinct)
            if 2 * overlap < len(distinct) or 2 * overlap < len(extra):
                continue
            exact = extra == distinct
            if best is None or (exact, overlap, -n) > (best[3], best[0], -best[1]):
                best = (overlap, n, c, exact)
    return None if best is None else (best[2], best[1], best[3])


def _unread_parts(index: Index, rules: RuleSet, reading: Reading, country: str | None, city: str | None) -> list[Match]:
    """Parts of an affiliation string that named nothing registered, matched by the rules.

    The rules see reordered, abbreviated and misspelt names ("Copenhagen Univ."), but only
    against names that share the part's rarest word and sit where the string says (its
    city if it names one, else its country): without a place nothing is tried.
    """
    places = reading.hints
    if not (places.cities or places.countries or places.soft):
        return []
    hint = country
    if hint is None and len(places.countries) == 1:
        hint = next(iter(places.countries))
    read = reader(index)
    best: dict[int, tuple[Explanation, int, str]] = {}
    for text in reading.unread[:3]:
        q = Profile.from_name(text, country=hint, city=city)
        if not q.tokens:
            continue
        for n in read.nearby_names(text, reading):
            e = rules.compare(q, index.profile(n))
            inst = index.name_inst[n]
            old = best.get(inst)
            if old is None or e.score > old[0].score:
                best[inst] = (e, n, text)
    found = []
    for inst, (e, n, text) in sorted(best.items(), key=lambda kv: (-kv[1][0].score, kv[0])):
        note = f"Read from the part {text!r} of the affiliation string; the string's place agrees."
        found.append(Match(index.institutions[inst], e.score, e.decision, e.with_note(note), index.texts[n], text))
    written = frozenset(places.cities) | {
        normalize_name(t) for t in places.texts
    }  # places.cities leaves out ambiguous ones
    return _resolve_ambiguity(_word_order(index, found, hint, rules.match, written))


#: Qualifiers an institution's name may carry beyond the query's words ("Hamm-Lippstadt
#: University of Applied Sciences" for "Hochschule Hamm-Lippstadt"). Field words such as
#: technology do count: "Wuhan University" is not "Wuhan University of Technology".
_QUALIFIERS = frozenset({"applied", "science"})
#: Distinctive words a query in a non-Latin script needs, without a country hint, to be unique.
_FOREIGN_CORE = 2


def _place_words(inst: Institution) -> frozenset[str]:
    words: set[str] = set()
    if inst.city:
        words.update(fold(inst.city).split())
    if inst.country:
        with contextlib.suppress(ValueError):  # a code pycountry does not know
            words.update(fold(country_name(inst.country)).split())
    return frozenset(words)


#: A people's name is looked up in its country's name ("kazakh" in "kazakhstan") from this many letters.
_STEM = 4


def _longer_forms(word: str, words: frozenset[str]) -> list[str]:
    """The country names among ``words`` that begin with ``word`` ("kazakh" -> "kazakhstan"), sorted."""
    if len(word) < _STEM:
        return []
    return sorted(w for w in words if w.startswith(word) and w != word and country_of(w) is not None)


def _unique_cover(index: Index, q: Profile, name: int, country: str | None) -> str | None:
    """Why the query names the institution of indexed ``name`` and no other, or ``None``.

    Evidence of the registry as a whole, beyond the pair: every distinctive word of the
    query is in that name, the name's other distinctive words are only its city, its
    country or the qualifier "applied sciences", the query's organisation words (university,
    college, hospital...) are all in that name too, a query in a non-Latin script without a
    country hint has at least two distinctive words, and no other institution (in the
    hinted country) has a name carrying all the query's distinctive words (a people's name
    that the name writes as its country, "Kazakh" for "Kazakhstan", is looked up in both forms).
    """
    if q.acronym is not None or not q.distinctive or q.generic:
        return None
    c = index.profile(name)
    if c.acronym is not None or not c.tokens:
        return None
    if not (q.tokens - q.distinctive) <= c.tokens:
        return None
    core = q.distinctive - _QUALIFIERS
    # a transliterated word has no typos or stems to forgive ("jiaoyujigou" is not "jiaoyujigoushuichan")
    foreign = script_of(q.text) is not None
    if not core - ORG_KEYS or (core - c.distinctive if foreign else unmatched_words(core, c.distinctive)):
        return None
    if country is None and len(core) < _FOREIGN_CORE and foreign:
        return None  # one transliterated word is too weak a key without a hint
    inst = index.name_inst[name]
    extra = c.distinctive - q.distinctive
    if extra:
        # "applied sciences" as a whole: "of Science and Technology" is not "of Technology"
        allowed = (_QUALIFIERS if "applied" in extra else frozenset()) | _place_words(index.institutions[inst])
        if extra - allowed if foreign else unmatched_words(extra, q.distinctive, allowed):
            return None
    countries = index.countries
    holders: set[int] | None = None
    # rarest first, ties by spelling: the loop stops once the words read single out one
    # institution, so the order must not depend on PYTHONHASHSEED
    for word in sorted(core, key=lambda t: (index.count("t:" + t), t)):
        # a word the name carries in another form ("kazakh" / "kazakhstan") is looked up in that form too
        forms = [word] if foreign or word in c.distinctive else [word, *_longer_forms(word, c.distinctive)]
        found = {
            index.name_inst[i]
            for form in forms
            for i in index.posting("t:" + form)
            if country is None or not countries[index.name_inst[i]] or countries[index.name_inst[i]] == country
        }
        holders = found if holders is None else holders & found
        if not holders or holders == {inst}:
            break
    if holders != {inst}:
        return None
    words = " ".join(sorted(core))
    where = " in that country" if country else ""
    return f"Unique: the only institution{where} whose names carry every distinctive word ({words})."


#: Acronyms shorter than this are never taken as unique: two letters name too many bodies.
_UNIQUE_ACRONYM = 3
#: With a country hint, an acronym of at least this many letters that is the initials of one
#: institution's name only (in that country) is unique too; three letters collide too often
#: with acronyms that are no one's initials (train: precision 0.96 at three letters, 0.99 at four).
_DERIVED_ACRONYM = 4


def _unique_acronym(index: Index, q: Profile, name: int, e: Explanation, country: str | None) -> str | None:
    """Why the acronym ``q`` names the institution of indexed ``name`` and no other, or ``None``.

    The registry writes the acronym for that institution ("ITMO") or, with a country hint
    and at least :data:`_DERIVED_ACRONYM` letters, it is the initials of one of its names;
    no other institution (in the hinted country) carries it, written or as the initials of
    one of its names; and an acronym in a non-Latin script is corroborated in that script
    (see ``foreign_script_acronym``).
    """
    if q.acronym is None or len(q.acronym) < _UNIQUE_ACRONYM:
        return None
    derived = country is not None and len(q.acronym) >= _DERIVED_ACRONYM
    evidence = ("same", "written", "derived") if derived else ("same", "written")
    if not any(r.value in evidence and r.weight is not None and r.weight > 0 for r in e):
        return None
    if AcronymScript().value(q, index.profile(name)):
        return None
    if _acronym_rivals(index, q.acronym, index.name_inst[name], country):
        return None
    where = " in that country" if country else ""
    return f"Unique: the only institution{where} that carries this acronym, written or as its initials."


def _acronym_rivals(index: Index, acronym: str, inst: int, country: str | None, limit: int = 4) -> dict[int, int]:
    """Other institutions (in the hinted country) that carry ``acronym``: institution -> one name id.

    Written as an acronym, as the initials of one of their names, or as a whole name.
    """
    countries = index.countries
    out: dict[int, int] = {}
    for key in ("a:", "d:", "k:"):
        for i in index.posting(key + acronym):
            other = index.name_inst[i]
            if (
                other != inst
                and other not in out
                and (country is None or not countries[other] or countries[other] == country)
            ):
                out[other] = i
                if len(out) >= limit:
                    return out
    return out


def _acronym_read(index: Index, rules: RuleSet, name: str, found: list[Match], country: str | None) -> list[Match]:
    """An acronym read as a registered name ("MTC" for "MTC Co., Ltd.") is a MATCH only when it stands out.

    When another institution (in the hinted country) carries the acronym too, written or
    as its initials ("Military Technological College"), all are POSSIBLE.
    """
    if not found or found[0].decision is not Decision.MATCH or not is_acronym(name):
        return found
    q = Profile.from_name(name, country=country)
    if q.acronym is None:
        return found
    top = found[0]
    inst = index.ids.get(top.institution.id)
    if inst is None:
        return found
    rivals = _acronym_rivals(index, q.acronym, inst, country)
    if not rivals:
        return found
    names = ", ".join([top.institution.name, *(index.institutions[r].name for r in rivals)])
    many = f"{len(rivals) + 1}{' or more' if len(rivals) >= 4 else ''}"
    note = f"Ambiguous: {many} institutions carry this acronym ({names}); give a country or another hint."
    out = [
        attrs.evolve(top, decision=Decision.POSSIBLE, explanation=top.explanation.with_note(note, Decision.POSSIBLE))
    ]
    listed = {top.institution.id}
    for r, n in rivals.items():
        e = rules.compare(q, index.profile(n))
        if e.decision is Decision.NON_MATCH:
            continue
        e = e.with_note(note, Decision.POSSIBLE)
        out.append(Match(index.institutions[r], min(e.score, top.score), Decision.POSSIBLE, e, index.texts[n], name))
        listed.add(index.institutions[r].id)
    out.extend(m for m in found[1:] if m.institution.id not in listed)
    return out


def match_one(
    index: Index,
    name: str,
    *,
    country: str | None = None,
    limit: int = 5,
    rules: RuleSet | None = None,
    city: str | None = None,
    identifiers: Mapping[str, str] | None = None,
    domains: Sequence[str] = (),
    unique_acronyms: bool = False,
) -> list[Match]:
    """Candidates for ``name``, best first (see :meth:`partnerkit.Registry.match`).

    With ``unique_acronyms``, an acronym that the registry writes for one institution and
    that no other carries is a MATCH (:func:`partnerkit.dedupe` uses it: a partial registry
    does not know every holder of an acronym, so :meth:`~partnerkit.Registry.match` does not
    without a hint). With a ``country`` hint, an acronym that one institution of that country
    alone carries, written or (four letters or more) as its initials, is a MATCH.
    """
    rules = rules or default_rules()
    if not identifiers and not domains:
        read, reading = _read_affiliation(index, rules, name, country, city)
        if read:
            return _successor_note(index, rules, _acronym_read(index, rules, name, read, country))[:limit]
        if reading.parts > 1:
            return _unread_parts(index, rules, reading, country, city)[:limit]
    queries = [name]
    note = None
    if looks_like_affiliation(name):
        aff = parse_affiliation(name)
        country = country or aff.country
        parts = list(aff.organisations[:3])
        if not parts and len(split_affiliation(name)) > 1:
            # a place part only when the string has several: "EA 4506" is a unit code, not the place "EA"
            parts = list(aff.places[:2])
        if parts and parts != [name]:
            queries = [*parts, name]  # commas also occur inside names: the whole string competes
            note = "Read from the affiliation string: " + "; ".join(repr(p) for p in parts) + "."
    best: dict[int, tuple[float, int, Profile]] = {}
    read_as: dict[int, tuple[Profile, str]] = {}  # id -> (query read with translated words, the note)
    acronym = False
    for text in queries:
        q = Profile.from_name(
            text, country=country, city=city, identifiers=identifiers, domains=tuple(domains) if domains else ()
        )
        if not q.tokens:
            continue
        acronym = acronym or (q.acronym is not None and text == name)
        translated = _translated(index, q)
        if translated is not None:
            read_as[id(translated[0])] = translated  # kept alive here, so the id stays its own
        for p in (q,) if translated is None else (q, translated[0]):
            for inst, (score, n) in _score(index, rules, p, country).items():
                old = best.get(inst)
                if old is None or score > old[0]:
                    best[inst] = (score, n, p)
    ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], kv[0]))[: max(limit, _EXPLAINED)]
    found = []
    for inst, (_, n, q) in ranked:
        e = rules.compare(q, index.profile(n))
        if id(q) in read_as:
            e = e.with_note(read_as[id(q)][1])
        found.append(
            Match(
                institution=index.institutions[inst],
                score=e.score,
                decision=e.decision,
                explanation=e.with_note(note) if note else e,
                name=index.texts[n],
                query=q.text,
            )
        )
    if found and not any(m.decision is Decision.MATCH for m in found):
        top = found[0]
        inst, (_, n, q) = ranked[0]
        if top.decision is not Decision.NON_MATCH or not _decided(top.explanation):
            why = _unique_cover(index, q, n, country)
            if why is None and (unique_acronyms or country is not None):
                why = _unique_acronym(index, q, n, top.explanation, country)
            if why is not None:
                found[0] = attrs.evolve(
                    top,
                    decision=Decision.MATCH,
                    score=max(top.score, rules.match),
                    explanation=top.explanation.with_note(why, Decision.MATCH),
                )
    found = _resolve_ambiguity(_word_order(index, found, country, rules.match), acronym)
    if acronym and country is not None:
        found = _acronym_in_country(index, found, country)
    return _successor_note(index, rules, found)[:limit]


def _successor_note(index: Index, rules: RuleSet, found: list[Match]) -> list[Match]:
    """A MATCH that the registry marks inactive or withdrawn names its successors, listed as POSSIBLE.

    The name still means the old institution (on the held-out benchmark, an inactive
    record's own name is meant far more often than its successor), so the decision stays;
    the note and the listed successor let a user follow the institution to today.
    """
    top = found[0] if found else None
    if top is None or top.decision is not Decision.MATCH or top.institution.status == "active":
        return found
    ids = index.ids
    successors = [ids[r.id] for r in top.institution.relationships if r.type is RelationType.SUCCESSOR and r.id in ids]
    if not successors:
        return found
    names = ", ".join(index.institutions[z].name for z in successors[:3])
    note = f"Inactive: {top.institution.name} is {top.institution.status} in the registry; its successor: {names}."
    out = [attrs.evolve(top, explanation=top.explanation.with_note(note))]
    listed = {top.institution.id}
    q = Profile.from_name(top.query)
    for z in successors[:3]:
        other = index.institutions[z]
        key = "k:" + " ".join(sorted(set(normalize_name(other.name).split())))
        n = next((i for i in index.posting(key) if index.name_inst[i] == z), None)
        if n is None or other.id in listed:
            continue
        e = rules.compare(q, index.profile(n)).with_note(note, Decision.POSSIBLE)
        out.append(Match(other, min(e.score, top.score), Decision.POSSIBLE, e, index.texts[n], top.query))
        listed.add(other.id)
    out.extend(m for m in found[1:] if m.institution.id not in listed)
    return out


#: An acronym that a country hint alone makes a MATCH has at least this many letters.
_HINTED_ACRONYM = 3


def _acronym_in_country(index: Index, found: list[Match], country: str) -> list[Match]:
    """A two-letter acronym is not made a MATCH by a country hint alone.

    "CU" is carried by one registered institution of the country, but two letters name too
    many bodies, and the registry likely misses the country's other holders. (Requiring
    longer acronyms to be rare abroad too cost more right MATCHes than wrong ones on the
    held-out benchmark, so they are left to the other checks.)
    """
    top = found[0] if found else None
    if top is None or top.decision is not Decision.MATCH or not _acronym_evidence(top.explanation):
        return found
    q = Profile.from_name(top.query)
    if q.acronym is None or len(q.acronym) >= _HINTED_ACRONYM:
        return found
    note = (
        f"Ambiguous: the only holder of this acronym in {country}, but two letters name too many bodies;"
        " give a fuller name."
    )
    return [
        attrs.evolve(top, decision=Decision.POSSIBLE, explanation=top.explanation.with_note(note, Decision.POSSIBLE)),
        *found[1:],
    ]


def _translated(index: Index, q: Profile) -> tuple[Profile, str] | None:
    """``q`` read with the registry's mined word translations (see ``_translate``) and a note, if a word has one."""
    table = index.translations
    if q.acronym is not None or not table:
        return None
    key = translate_key(q.key, table)
    if key is None:
        return None
    tokens = frozenset(key.split())
    pairs = ", ".join(f"{w} = {table[w]}" for w in dict.fromkeys(q.key.split()) if w in table)
    note = f"Read with word translations learned from the registry's own names: {pairs}."
    return attrs.evolve(q, key=key, tokens=tokens, distinctive=distinctive_tokens(tokens)), note


def _decided(e: Explanation) -> bool:
    """A deciding rule (different identifiers, different countries) ended the run."""
    return any(r.decision is not None for r in e)


def match_batch(
    index: Index,
    names: Iterable[str],
    countries: Iterable[str | None] | None = None,
    *,
    limit: int = 5,
    rules: RuleSet | None = None,
) -> list[list[Match]]:
    """Match a batch of names: a pure function of its arguments (for Dask/Spark partitions)."""
    names = list(names)
    hints = list(countries) if countries is not None else [None] * len(names)
    return [match_one(index, n, country=c, limit=limit, rules=rules) for n, c in zip(names, hints, strict=True)]
