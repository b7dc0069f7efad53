"""Resolving one free-text name against a compiled index: blocking, scoring, ambiguity."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import attrs

from partnerkit._matching._cjk import has_cjk, org_variants, pinyin_variants, read_segments, segment_note
from partnerkit._matching._index import Index
from partnerkit._matching._inflect import read_inflected
from partnerkit._matching._match._beyond import beyond_name
from partnerkit._matching._match._candidates import _score
from partnerkit._matching._match._cognate import cognate_reading
from partnerkit._matching._match._joined import read_joined
from partnerkit._matching._match._namesakes import unwritten_namesakes
from partnerkit._matching._match._order import _word_order
from partnerkit._matching._match._places import place_elsewhere
from partnerkit._matching._match._result import _EXPLAINED, Match, _decided, _resolve_ambiguity
from partnerkit._matching._match._short import name_part, short_form
from partnerkit._matching._match._unique import _acronym_in_country, _acronym_read, _unique_acronym, _unique_cover
from partnerkit._matching._match._units import _read_affiliation, _unit_in_part, _unread_parts
from partnerkit._matching._match._written import unlisted_unit
from partnerkit._matching._spread import NAMESAKE_COUNTRIES, word_spread
from partnerkit._matching._translate import translate_key
from partnerkit._model import RelationType
from partnerkit._names import (
    looks_like_affiliation,
    normalize_name,
    parse_affiliation,
    script_of,
    split_affiliation,
)
from partnerkit.rules import Decision, Profile, RuleSet, default_rules
from partnerkit.rules._profile import distinctive_tokens, tokens_of


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
        if read and reading.parts == 1 and _whole_elsewhere(index, name, read):
            read = []  # the rules find the institution whose registered name has the string's very words
        if read:
            found = _unit_in_part(index, rules, reading, _acronym_read(index, rules, name, read, country))
            found = _descriptive(index, name, found, country, city)
            plain = reading.parts == 1 and not (reading.hints.countries or reading.hints.cities or reading.hints.soft)
            if plain:
                found = _descriptive_piece(index, name, found, country, city)
            found = beyond_name(index, rules, name, found)
            if plain:
                found = unlisted_unit(index, rules, name, found, reading.hits)
            found = unwritten_namesakes(index, rules, name, place_elsewhere(index, name, found), country)
            return _successor_note(index, rules, found)[:limit]
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
    profiles: list[tuple[Profile, str | None]] = []  # (profile, note when read with translations)
    acronym = False
    for text in queries:
        q = Profile.from_name(
            text, country=country, city=city, identifiers=identifiers, domains=tuple(domains) if domains else ()
        )
        if not q.tokens:
            continue
        acronym = acronym or (q.acronym is not None and text == name)
        profiles.append((q, None))
        translated = _translated(index, q)
        if translated is not None:
            profiles.append(translated)
    ranked, found = _found(index, rules, profiles, country=country, limit=limit, note=note)
    if len(queries) == 1 and profiles and not any(m.decision is Decision.MATCH for m in found):
        # CJK organisation words read as the registry writes them (学院 = university), when the
        # built-in reading finds no MATCH; a reading is taken only when it MATCHes one institution
        q = profiles[0][0]
        variants = [v for text, why in _org_variants(index, q) if (v := _translated(index, q, text, why))]
        if variants:
            ranked2, found2 = _found(index, rules, variants, country=country, limit=limit, note=note)
            hits = {m.institution.id for m in found2 if m.decision is Decision.MATCH}
            if len(hits) == 1 and found2[0].decision is Decision.MATCH:
                ranked = ranked2
                found = [*found2[:1], *(m for m in found if m.institution.id not in hits)]
    if found and not any(m.decision is Decision.MATCH for m in found):
        top = found[0]
        _, (_, n, q) = ranked[0]
        if top.decision is not Decision.NON_MATCH or not _decided(top.explanation):
            why = _unique_cover(index, q, n, country) or short_form(index, q, n, country)
            why = why or cognate_reading(index, q, n, country)
            if why is None and (unique_acronyms or country is not None):
                why = _unique_acronym(index, q, n, top.explanation, country)
            if why is not None:
                found[0] = attrs.evolve(
                    top,
                    decision=Decision.MATCH,
                    score=max(top.score, rules.match),
                    explanation=top.explanation.with_note(why, Decision.MATCH),
                )
        if found[0].decision is not Decision.MATCH:
            found = _part_below(index, rules, ranked, found, country)
    found = _resolve_ambiguity(_word_order(index, found, country, rules.match), acronym)
    if acronym and country is not None:
        found = _acronym_in_country(index, found, country)
    elif not acronym and not identifiers and not domains:
        found = _descriptive(index, name, found, country, city)
    if not identifiers and not domains:
        found = place_elsewhere(index, name, beyond_name(index, rules, name, found))
        found = unwritten_namesakes(index, rules, name, found, country)
    return _successor_note(index, rules, found)[:limit]


def _part_below(
    index: Index,
    rules: RuleSet,
    ranked: Sequence[tuple[int, tuple[float, int, Profile]]],
    found: list[Match],
    country: str | None,
) -> list[Match]:
    """A lower candidate whose registered name the query is a part of (rule "name part", see
    ``_short.name_part``) is the MATCH, put first: the query's words name it alone, though the
    blocking ranked another name higher ("Laredo Medical Center" below "Universidad Panamericana
    de Nuevo Laredo" for "Community Health Systems - Laredo Medical Center")."""
    read = {index.institutions[inst].id: (n, q) for inst, (_, n, q) in ranked}
    for i, m in enumerate(found[1:], 1):
        if m.institution.id not in read or (m.decision is Decision.NON_MATCH and _decided(m.explanation)):
            continue
        n, q = read[m.institution.id]
        why = name_part(index, q, n, country)
        if why is not None:  # the query's words name this institution alone: no other can qualify
            e = m.explanation.with_note(why, Decision.MATCH)
            chosen = attrs.evolve(m, decision=Decision.MATCH, score=max(m.score, rules.match), explanation=e)
            return [chosen, *found[:i], *found[i + 1 :]]
    return found


def _whole_elsewhere(index: Index, name: str, read: Sequence[Match]) -> bool:
    """The reader found a name in ``name`` with its city beside it, and the whole ``name`` has the
    very words of a registered name of another institution.

    "Universidade Lusíada de Lisboa" is read as "Universidade Lusíada" (a foundation's name)
    in its city, Lisbon, while "Lusíada University of Lisbon" has the string's words in
    another order: the rules then decide between them.
    """
    words = tokens_of(name)
    hits = set()
    for m in read:
        if m.decision is not Decision.MATCH:
            continue
        extra = words - tokens_of(m.name)
        if not extra or not extra <= tokens_of(m.institution.city or ""):
            return False  # the reader read more than a name and its city
        hits.add(index.ids[m.institution.id])
    if not hits:
        return False
    owners = {index.name_inst[n] for n in index.with_words(words)}
    return bool(owners) and not owners & hits


def _found(
    index: Index,
    rules: RuleSet,
    profiles: Sequence[tuple[Profile, str | None]],
    *,
    country: str | None,
    limit: int,
    note: str | None,
) -> tuple[list[tuple[int, tuple[float, int, Profile]]], list[Match]]:
    """The best-scoring institutions for any of ``profiles``, explained, best first."""
    best: dict[int, tuple[float, int, Profile]] = {}
    notes: dict[int, str] = {}  # id(profile) -> its note (the profiles stay alive in ``profiles``)
    for p, why in profiles:
        if why is not None:
            notes[id(p)] = why
        for inst, (score, n) in _score(index, rules, p, country).items():
            old = best.get(inst)
            if old is None or score > old[0]:
                best[inst] = (score, n, p)
    ranked = sorted(best.items(), key=lambda kv: (-kv[1][0], kv[0]))[: max(limit, _EXPLAINED)]
    found = []
    for inst, (_, n, q) in ranked:
        e = rules.compare(q, index.profile(n))
        if id(q) in notes:
            e = e.with_note(notes[id(q)])
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
    return ranked, found


def _org_variants(index: Index, q: Profile) -> list[tuple[str, str]]:
    """Texts of ``q`` with CJK organisation words read otherwise, or pinyin words read as the Han words they spell.

    See ``_cjk.org_variants`` and ``_cjk.pinyin_variants``.
    """
    if q.acronym is not None:
        return []
    if has_cjk(q.text):
        return org_variants(q.text, index.org_readings)
    if script_of(q.text) is None:
        return pinyin_variants(q.key, index.pinyin)
    return []


def _descriptive(index: Index, name: str, found: list[Match], country: str | None, city: str | None) -> list[Match]:
    """A descriptive name ("Institute of Physics", "Faculty of Medicine": words that organisations
    in many countries carry, see ``_spread``), whose words together are on registered names of
    several countries, is not a MATCH without a country or city: a partial registry's only holder
    of such a name is not the only one in the world. The top MATCH becomes POSSIBLE, and the
    explanation says why."""
    if country is not None or city is not None or not found or found[0].decision is not Decision.MATCH:
        return found
    words = normalize_name(name).split()
    spread = word_spread(index)
    if not spread.descriptive(words) or spread.countries_carrying(words) < NAMESAKE_COUNTRIES:
        return found
    top = found[0]
    note = (
        "Descriptive name: its words are common to organisations in many countries, so it may denote "
        "another body than the registered one; give a country or city to decide."
    )
    e = top.explanation.with_note(note, Decision.POSSIBLE)
    return [attrs.evolve(top, decision=Decision.POSSIBLE, explanation=e), *found[1:]]


def _descriptive_piece(
    index: Index, name: str, found: list[Match], country: str | None, city: str | None
) -> list[Match]:
    """A descriptive registered name found as a piece of a longer string that places nothing
    ("Progress" in "Andrei Sakharov Museum and Public Center for Peace, Progress, and Human
    Rights") is POSSIBLE, as the whole name would be (see :func:`_descriptive`)."""
    if country is not None or city is not None or not found or found[0].decision is not Decision.MATCH:
        return found
    top = found[0]
    if normalize_name(top.query) == normalize_name(name):
        return found
    return _descriptive(index, top.query, found, None, None)


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
        n = index.own_name(z)
        if n < 0 or other.id in listed:
            continue
        e = rules.compare(q, index.profile(n)).with_note(note, Decision.POSSIBLE)
        out.append(Match(other, min(e.score, top.score), Decision.POSSIBLE, e, index.texts[n], top.query))
        listed.add(other.id)
    out.extend(m for m in found[1:] if m.institution.id not in listed)
    return out


_ABJADS = frozenset({"ARABIC", "HEBREW"})


def _translated(
    index: Index, q: Profile, text: str | None = None, why: str | None = None
) -> tuple[Profile, str] | None:
    """``q`` read with the registry's mined translations and a note, if a word or CJK segment has one.

    CJK segments first ("東京大学" -> "tokyo university", see ``_cjk``), then words (see ``_translate``).
    The profile keeps the text as written, so rules that read the script still see it. ``text``
    (with ``why``, its note) is another reading of ``q``'s text to start from.
    """
    if q.acronym is not None:
        return None
    key = q.key if text is None else normalize_name(text)
    notes = [why] if why else []
    if index.segments and has_cjk(text or q.text):
        read, used = read_segments(text or q.text, index.segments)
        if used:
            key = normalize_name(read)
            notes.append(segment_note(used, index.segments))
    table = index.translations
    translated = translate_key(key, table) if table else None
    if translated is not None:
        pairs = ", ".join(f"{w} = {table[w]}" for w in dict.fromkeys(key.split()) if w in table)
        notes.append(f"Read with word translations learned from the registry's own names: {pairs}.")
        key = translated
    abjad = script_of(q.text) in _ABJADS
    key, inflected = read_inflected(index, key, distinctive_tokens(frozenset(key.split())), abjad=abjad)
    if inflected:
        pairs = ", ".join(f"{w} = {v}" for w, v in sorted(inflected.items()))
        notes.append(f"Read words no registered name carries as registered words they inflect or spell: {pairs}.")
    key, joined = read_joined(index, key, distinctive_tokens(frozenset(key.split())))
    if joined:
        pairs = ", ".join(f"{w!r} as {v!r}" for w, v in joined.items())
        notes.append(f"Read words written apart as the one word the registry writes: {pairs}.")
    if not notes or key == q.key or not key:
        return None
    tokens = frozenset(key.split())
    return attrs.evolve(q, key=key, tokens=tokens, distinctive=distinctive_tokens(tokens)), " ".join(notes)


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
