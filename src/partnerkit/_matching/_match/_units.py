"""Units and affiliation parts: a body named behind its parent, parts of a string read apart."""

from __future__ import annotations

import attrs

from partnerkit._matching._affiliation import Reading, reader
from partnerkit._matching._index import Index
from partnerkit._matching._match._order import _word_order
from partnerkit._matching._match._result import (
    _AND,
    MAX_POSTING,
    RARE,
    Match,
    _place_words,
    _resolve_ambiguity,
    demoted,
)
from partnerkit._matching._match._written import settle_found_names
from partnerkit._model import RelationType
from partnerkit._names import (
    ORG_KEYS,
    country_of,
    normalize_name,
)
from partnerkit.rules import Decision, Explanation, Profile, RuleSet
from partnerkit.rules._profile import WEAK_TOKENS


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
    hints = reading.hints
    given = {country} if country else set()
    plain = reading.parts == 1 and not (hints.cities or hints.soft) and hints.countries <= given
    found, rivals = settle_found_names(index, rules, text, found, reading.hits, plain=plain, country=country)
    if reading.parts == 1:  # a name, not an affiliation string listing units and their university
        found = _units_named(index, rules, text, found, [h.name_id for h in reading.hits])
    if rivals:
        listed = {m.institution.id for m in found}
        found.extend(m for m in rivals if m.institution.id not in listed)
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
            if not read.written_for(n, text, places):
                continue  # a namesake's name the part does not write ("University of Frankfurt (Oder)")
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


#: A word of a part shorter than this must be a whole word of a unit's name, not an abbreviation of one.
_ABBREVIATION = 3


def _unit_in_part(index: Index, rules: RuleSet, reading: Reading, found: list[Match]) -> list[Match]:
    """A part of the string that names, abbreviated, a unit the registry lists under the MATCH.

    "Czech Acad Sci, Inst Biophys": the reader finds the academy, and the other part is
    "Institute of Biophysics" abbreviated, a name of a unit the registry lists under it (a
    ROR child). Every word of the part must begin a word of the unit's name beyond the
    parent's ("Inst", "Biophys", "Macromol"), every such word of the unit's name must be so
    written, and at least one word must be abbreviated by two letters or more (a part
    written in full, or with a plural's "s" less, is the reader's to find). One unit fits:
    it is the MATCH and the parent POSSIBLE; several ("Inst Phys": physics or physiology):
    all POSSIBLE.
    """
    top = found[0] if found else None
    if top is None or top.decision is not Decision.MATCH or reading.parts < 2 or not reading.unread:
        return found
    inst = index.ids.get(top.institution.id)
    read = reader(index)
    children = read.children(inst) if inst is not None else ()
    if not children:
        return found
    own = set(normalize_name(top.name).split())
    for part in reading.unread:
        words = [w for w in normalize_name(part).split() if w not in own and w not in WEAK_TOKENS]
        if not any(w not in ORG_KEYS for w in words):
            continue
        fits = []
        for c in children:
            for name in read.names_of(c):
                theirs = [x for x in name.split() if x not in own and x not in WEAK_TOKENS]
                begun = [[x for x in theirs if x.startswith(w)] for w in words]
                if (
                    all(begun)
                    and any(len(x) > len(w) + 1 for w, xs in zip(words, begun, strict=True) for x in xs)
                    and all(len(w) >= _ABBREVIATION or w in xs for w, xs in zip(words, begun, strict=True))
                    and all(any(x.startswith(w) for w in words) for x in theirs)
                ):
                    fits.append(c)
                    break
        if not fits:
            continue
        units = [index.institutions[c] for c in fits[:4]]
        if len(fits) == 1:
            note = f"Unit: the part {part!r} names {units[0].name}, listed under {top.institution.name}."
            decision, score = Decision.MATCH, top.score
        else:
            listed = ", ".join(u.name for u in units)
            note = (
                f"Ambiguous: the part {part!r} may name {len(fits)} units listed under "
                f"{top.institution.name} ({listed})."
            )
            decision, score = Decision.POSSIBLE, 0.7
        parent = demoted(top, note)
        q = Profile.from_name(part)
        rivals = []
        for c in fits[:4]:
            written, n = read.entry_of(c)
            e = rules.compare(q, index.profile(n)) if n >= 0 else top.explanation
            e = attrs.evolve(e, score=score, left=top.query).with_note(note, decision)
            rivals.append(Match(index.institutions[c], score, decision, e, written, part))
        ids = {m.institution.id for m in rivals}
        rest = [m for m in found[1:] if m.institution.id not in ids]
        return [*rivals, parent, *rest] if decision is Decision.MATCH else [parent, *rivals, *rest]
    return found
