"""Mentions grouped into entities: every surface form a text uses for one organisation.

Names with the same key, a long name and the short form the text defines for it
("Name (ACR)"), quoted and CJK short forms, and acronyms that fit a name already met
join one :class:`Entity`.
"""

from __future__ import annotations

import functools
import re

import attrs

from partnerkit._extract._patterns import Span, name_key
from partnerkit._extract._places import gazetteer
from partnerkit._extract._text import Sentence
from partnerkit._model import Institution, country_names
from partnerkit._model._countries import _key
from partnerkit._names import acronym_fits as _acronym_fits
from partnerkit._names import parse_name

__all__ = ["Entity", "Found", "acronym_fits", "group", "sentence_of"]

_CYR_ACRONYM = re.compile(r"^[А-ЯЁ][А-ЯЁа-яё]{3,9}$")
_CYR_SKIP = frozenset(["и", "в", "на", "по"])
_EPONYM = re.compile(r"\s(?:им\.|имени)\s.*$")


def _syllables_fit(acronym: str, name: str) -> bool:
    """A Russian acronym of word beginnings, one to three letters each ("КазНУ", "ИРНИТУ" for
    "Иркутский национальный исследовательский технический университет"): every word of the
    name (before an eponym "им. ...") gives the next letters, in order."""
    if not _CYR_ACRONYM.match(acronym):
        return False
    words = [w for w in re.split(r"[\s\-]+", _EPONYM.sub("", name).casefold()) if w and w not in _CYR_SKIP]
    acr = acronym.casefold()
    if not 2 <= len(words) <= len(acr) or not all(w.isalpha() for w in words):
        return False

    def fit(ai: int, wi: int) -> bool:
        if wi == len(words):
            return ai == len(acr)
        word = words[wi]
        return any(
            acr.startswith(word[:k], ai) and fit(ai + k, wi + 1)
            for k in (1, 2, 3)
            if k <= len(word) and ai + k <= len(acr)
        )

    return fit(0, 0)


# "UNILAG", "UNILORIN", "Unicamp", "UNIMELB": "Uni" and the start of the name's last word (its
# place), for "University of Lagos", "Universidade Estadual de Campinas", "University of Melbourne"
_UNI_HEAD = re.compile(r"^(?:Univ|Universi|Universidad|Universidade|Università|Université|Universität)", re.IGNORECASE)


def _uni_place_fit(acronym: str, name: str) -> bool:
    """ "Uni" and three letters or more that start the last word of a university's name (a place),
    the last word's first letter possibly shared with the "i" ("UNILORIN": University of Ilorin)."""
    acr = acronym.casefold()
    if not acr.startswith("uni") or len(acr) < 6 or acronym[0] != "U" or _UNI_HEAD.match(name) is None:
        return False
    words = name.split()
    last = words[-1].casefold() if len(words) > 1 else ""
    return len(last) >= 3 and last.isalpha() and (last.startswith(acr[3:]) or last.startswith(acr[2:]))


@functools.lru_cache(maxsize=65536)
def acronym_fits(acronym: str, name: str) -> bool:
    """``partnerkit._names.acronym_fits``, or (in texts only) a Russian acronym of word beginnings
    or a "Uni" + place acronym ("UNILAG" for the University of Lagos)."""
    return _acronym_fits(acronym, name) or _syllables_fit(acronym, name) or _uni_place_fit(acronym, name)


@attrs.define
class Entity:
    """One organisation a text speaks of, with every surface form it uses."""

    id: int
    names: list[str]
    acronyms: list[str]
    first: int
    kind: str = "org"  # "org" or "unit"
    count: int = 0
    institution: Institution | None = None
    candidates: tuple[str, ...] = ()

    @property
    def best(self) -> str:
        if self.institution is not None:
            return self.institution.name
        full = [n for n in self.names if n not in self.acronyms]
        if full:
            return max(full, key=lambda n: (len(n.split()), len(n), -self.names.index(n)))
        return self.names[0]

    def name_keys(self) -> set[frozenset[str]]:
        return {k for k in (name_key(n) for n in self.names) if k}


@attrs.define
class Found:
    """A mention: a span of the cleaned text and the entity it denotes."""

    start: int
    end: int
    text: str
    kind: str  # "name", "acronym", "publisher", "pair", "definite", "unit"
    sentence: int
    entity: int | None = None


def sentence_of(sentences: list[Sentence], pos: int) -> int:
    lo, hi = 0, len(sentences) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if sentences[mid].start <= pos:
            lo = mid
        else:
            hi = mid - 1
    return lo


def group(
    chosen: list[tuple[Span, int, tuple[str, ...]]], aliases: dict[str, int], sentences: list[Sentence]
) -> tuple[dict[int, Entity], list[Found]]:
    entities: dict[int, Entity] = {}
    mentions: list[Found] = []
    by_key: dict[frozenset[str], int] = {}
    by_ids: dict[tuple[str, ...], int] = {}
    alias_entity: dict[str, int] = {}
    pending: list[Found] = []
    for idx, (span, _prio, ids) in enumerate(chosen):
        sent = sentence_of(sentences, span.start)
        found = Found(span.start, span.end, span.text, span.kind if span.kind != "name" else "name", sent)
        mentions.append(found)
        if span.kind == "acronym" and not ids:
            pending.append(found)
            continue
        key = name_key(_EPONYM.sub("", span.text))
        ent_id = by_ids.get(ids) if ids else None
        if ent_id is None and key:
            ent_id = by_key.get(key)
        if ent_id is None:
            ent_id = max(entities, default=-1) + 1
            entities[ent_id] = Entity(ent_id, [], [], span.start, "unit" if span.kind == "unit" else "org")
            entities[ent_id].candidates = ids
        ent = entities[ent_id]
        if span.text not in ent.names:
            ent.names.append(span.text)
        ent.count += 1
        found.entity = ent_id
        if key:
            by_key.setdefault(key, ent_id)
        if ids:
            by_ids.setdefault(ids, ent_id)
        for alias, owner_idx in aliases.items():
            if owner_idx == idx:
                alias_entity[alias] = ent_id
    # "Long Name (Short Name)": the entity of the short name is the long name's.
    for alias, owner_idx in aliases.items():
        owner_or_none = next((f.entity for f in mentions if f.start == chosen[owner_idx][0].start), None)
        if owner_or_none is None:
            continue
        owner: int = owner_or_none
        key = name_key(alias)
        for ent in list(entities.values()):
            if ent.id != owner and (alias in ent.names or (key and key in ent.name_keys())):
                _absorb(entities, mentions, by_key, owner, ent.id)
        alias_entity[alias] = owner
    _join_quoted(entities, mentions, by_key)
    _join_cjk_short_forms(entities, mentions, by_key)
    _join_place_tails(entities, mentions, by_key)
    known: dict[tuple[str, str], bool] = {}  # an acronym recurs: each (acronym, name) is tried once

    def fits(acr: str, name: str) -> bool:
        got = known.get((acr, name))
        if got is None:
            got = known[acr, name] = acronym_fits(acr, name)
        return got

    for found in pending:
        acr = found.text
        ent_id = alias_entity.get(acr)
        if ent_id is None:
            key = name_key(acr)
            ent_id = by_key.get(key) if key else None
        if ent_id is None and "-" in acr:
            # "U of S-BIT relationship": a known short form glued to another by a hyphen
            for part in reversed(acr.split("-")):
                ent_id = alias_entity.get(part) or next(
                    (e.id for e in entities.values() if part in e.acronyms or part in e.names), None
                )
                if ent_id is not None:
                    break
        if ent_id is None:
            for ent in entities.values():
                if ent.kind == "org" and any(fits(acr, n) for n in ent.names if n not in ent.acronyms):
                    ent_id = ent.id
                    break
        if ent_id is None:
            ent_id = max(entities, default=-1) + 1
            entities[ent_id] = Entity(ent_id, [], [], found.start)
            by_key[name_key(acr)] = ent_id
        ent = entities[ent_id]
        if acr not in ent.names:
            ent.names.append(acr)
        if acr not in ent.acronyms:
            ent.acronyms.append(acr)
        ent.first = min(ent.first, found.start)
        ent.count += 1
        found.entity = ent_id
    return entities, mentions


_EPONYM = re.compile(r"\s+(?:им\.|имени|named after)\s.*$", re.IGNORECASE)
_CJK = re.compile(r"^[\u3400-\u9fff—-]+$")


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(c in it for c in short)


def _join_cjk_short_forms(
    entities: dict[int, Entity], mentions: list[Found], by_key: dict[frozenset[str], int]
) -> None:
    """ "上合组织经贸学院" is a short form of "中国—上海合作组织经贸学院": its characters are a
    subsequence of the long name and both end in the same distinctive tail (4+ characters)."""
    if not any(_CJK.match(n) for e in entities.values() for n in e.names):
        return
    for ent in sorted(entities.values(), key=lambda e: max(map(len, e.names), default=0)):
        if ent.id not in entities or ent.kind != "org":
            continue
        shorts = [n for n in ent.names if _CJK.match(n) and len(n) >= 4]
        if not shorts:
            continue
        for other in list(entities.values()):
            if other.id == ent.id or other.kind != "org":
                continue
            if any(
                len(full) > len(short) and full[-4:] == short[-4:] and _subsequence(short, full)
                for short in shorts
                for full in other.names
                if _CJK.match(full)
            ):
                _absorb(entities, mentions, by_key, other.id, ent.id)
                break
    _drop_glued_cjk_forms(entities, mentions)


def _drop_glued_cjk_forms(entities: dict[int, Entity], mentions: list[Found]) -> None:
    """A CJK form that is an earlier-written form with one or two characters glued before it
    ("到访复旦大学" after "复旦大学"), written only once, is a verb read into the name: the
    entity is not named by it (a real full name comes first, its short forms after it)."""
    written: dict[tuple[int, str], list[int]] = {}
    for m in mentions:
        if m.entity is not None:
            written.setdefault((m.entity, m.text), []).append(m.start)
    for ent in entities.values():
        cjk = [n for n in ent.names if _CJK.match(n)]
        for long in cjk:
            at = written.get((ent.id, long), [])
            if len(at) != 1:
                continue
            if any(
                0 < len(long) - len(short) <= 2
                and long.endswith(short)
                and min(written.get((ent.id, short), [at[0]])) < at[0]
                for short in cjk
            ):
                ent.names.remove(long)


# "Universidad Nacional de Colombia" ... "la Universidad Nacional": the name without its place
_PLACE_TAIL = re.compile(r"^(.{6,}?) (?:of|de|del|de la|du|des|di|der|в|of the) ([A-ZÀ-ÝА-ЯЁ][\w' -]+)$")


@functools.cache
def _countries() -> dict[str, str]:
    return country_names()


def _join_place_tails(entities: dict[int, Entity], mentions: list[Found], by_key: dict[frozenset[str], int]) -> None:
    """A name met after a longer one that is it plus "of/de <a country or city>" is a short form
    of it ("Universidad Nacional" after "Universidad Nacional de Colombia"), when exactly one name
    of the text has that head (two "National University of X" leave "National University" alone)."""
    heads: dict[str, set[int]] = {}
    for ent in entities.values():
        if ent.kind != "org":
            continue
        for name in ent.names:
            m = _PLACE_TAIL.match(name)
            if m and " " in m.group(1) and ((k := _key(m.group(2))) in gazetteer() or k in _countries()):
                heads.setdefault(m.group(1), set()).add(ent.id)
    if not heads:
        return
    for ent in list(entities.values()):
        if ent.id not in entities or ent.kind != "org" or len(ent.names) != 1:
            continue
        owners = heads.get(ent.names[0], set())
        if len(owners) == 1 and (owner := next(iter(owners))) != ent.id and entities[owner].first < ent.first:
            _absorb(entities, mentions, by_key, owner, ent.id)


def _join_quoted(entities: dict[int, Entity], mentions: list[Found], by_key: dict[frozenset[str], int]) -> None:
    """'REC "Kuzbass"' and "Kuzbass Research and Education Center" are one organisation."""
    for ent in list(entities.values()):
        if ent.id not in entities:
            continue
        for name in ent.names:
            if name.isascii() and '"' not in name:
                continue  # no quoted part (the only quote mark ASCII has is '"')
            parsed = parse_name(name)
            if not parsed.quoted or not parsed.acronyms:
                continue
            proper, acr = parsed.quoted, parsed.acronyms[0]
            for other in list(entities.values()):
                if other.id == ent.id or other.kind != "org":
                    continue
                for full in other.names:
                    rest = re.sub(rf"(?<!\w){re.escape(proper)}(?!\w)", " ", full)
                    if rest != full and acronym_fits(acr, rest):
                        _absorb(entities, mentions, by_key, ent.id, other.id)
                        break


def _absorb(
    entities: dict[int, Entity], mentions: list[Found], by_key: dict[frozenset[str], int], keep: int, drop: int
) -> None:
    a, b = entities[keep], entities.pop(drop)
    a.names.extend(n for n in b.names if n not in a.names)
    a.acronyms.extend(n for n in b.acronyms if n not in a.acronyms)
    a.count += b.count
    a.first = min(a.first, b.first)
    for m in mentions:
        if m.entity == drop:
            m.entity = keep
    for k, v in list(by_key.items()):
        if v == drop:
            by_key[k] = keep
