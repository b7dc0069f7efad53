"""Entities resolved through a registry, with the places a text names as hints."""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from partnerkit._extract._automaton import Memo, automaton_for
from partnerkit._extract._entities import Entity, Found
from partnerkit._extract._patterns import Span
from partnerkit._extract._places import Place
from partnerkit._matching import Registry
from partnerkit._model import Institution

__all__ = ["plain", "registry_insts", "resolve"]

_PLAIN: dict[int, tuple[Any, _PlainRegistry]] = {}


def plain(collection: Any) -> _PlainRegistry:
    """The registry view of a plain collection of institutions, made once per collection object
    and rebuilt when the collection's contents change (a list appended to between calls).

    The collection is held (a few at most) so its automaton is built once, not per call.
    """
    items = tuple(collection)
    got = _PLAIN.get(id(collection))
    if got is not None and got[0] is collection and got[1].institutions == items:
        return got[1]
    if len(_PLAIN) >= 4:
        _PLAIN.pop(next(iter(_PLAIN)))
    view = _PlainRegistry(items)
    _PLAIN[id(collection)] = (collection, view)
    return view


class _PlainRegistry:
    """A plain collection of institutions used as a registry (no fuzzy matching)."""

    def __init__(self, institutions: tuple[Institution, ...]) -> None:
        self.institutions = institutions
        self._by_id = {i.id: i for i in institutions}

    def __iter__(self) -> Any:
        return iter(self.institutions)

    def get(self, ident: str, default: Institution | None = None) -> Institution | None:
        return self._by_id.get(ident, default)


def registry_insts(registry: Any, spans: list[tuple[Span, int, tuple[str, ...]]]) -> list[Institution]:
    get = getattr(registry, "get", None)
    if get is None:
        return []
    out = []
    for _span, _prio, ids in spans:
        for ident in ids[:3]:
            inst = get(ident)
            if inst is not None:
                out.append(inst)
    return out


def resolve(
    entities: dict[int, Entity], mentions: list[Found], places: Mapping[int, list[Place]], registry: Any
) -> None:
    """Resolve every entity through ``registry.match`` with the places of the text as hints.

    The hints are read only for an entity whose candidates they are to settle (most names
    are in the registry once or not at all), so the places of the text are read only then.
    """
    # only a pk.Registry is known to be immutable: its answers are kept across calls
    memo = automaton_for(registry).matches if isinstance(registry, Registry) else None
    match = getattr(registry, "match", None)
    get = getattr(registry, "get", None)
    said_in: dict[int, list[int]] = {}  # entity -> the sentence of each of its mentions, in order
    for m in mentions:
        if m.entity is not None:
            said_in.setdefault(m.entity, []).append(m.sentence)
    text_wide: list[list[str]] = []  # the countries of the whole text, most named first (read once)

    def everywhere() -> list[str]:
        if not text_wide:
            text_wide.append([c for c, _ in Counter(p.country for ps in places.values() for p in ps).most_common()])
        return text_wide[0]

    def hints(ent: Entity) -> Iterable[str]:
        near = [p.country for si in said_in.get(ent.id, ()) for p in places.get(si, ())]
        return _Hints([c for c, _ in Counter(near).most_common()], everywhere)

    for ent in entities.values():
        if ent.kind != "org":
            continue
        inst = None
        if ent.candidates and get is not None:
            cands = [get(i) for i in ent.candidates]
            cands = [c for c in cands if c is not None]
            if len(cands) == 1:
                inst = cands[0]
            elif cands:
                for country in hints(ent):
                    local = [c for c in cands if c.country == country]
                    if len(local) == 1:
                        inst = local[0]
                        break
        if inst is None and match is not None:
            inst = _match(match, ent, functools.partial(hints, ent), memo)
        ent.institution = inst


class _Hints:
    """The (at most three) countries that settle an entity, in order: those of its own
    sentences (the most named first), then those of the whole text, which is read only when
    a loop over the hints gets that far (most settle on a country of the entity's sentences)."""

    def __init__(self, near: list[str], everywhere: Callable[[], list[str]]) -> None:
        self._got = near[:3]
        self._everywhere: Callable[[], list[str]] | None = everywhere

    def __iter__(self) -> Iterator[str]:
        i = 0
        while True:
            if i < len(self._got):
                yield self._got[i]
                i += 1
                continue
            if self._everywhere is None or len(self._got) >= 3:
                return
            for country in self._everywhere():
                if country not in self._got:
                    self._got.append(country)
                    if len(self._got) >= 3:
                        break
            self._everywhere = None


def _match(match: Any, ent: Entity, hints: Callable[[], Iterable[str]], memo: Memo | None = None) -> Institution | None:
    """One registry query per entity (its fullest name); the text's countries settle a tie.

    The answers of an immutable registry are kept in ``memo`` (per registry, bounded), so a
    name that recurs across articles is matched once.

    The only MATCH wins, or the one MATCH in a hinted country; among POSSIBLE candidates, the
    only one in the first hinted country that has any wins; otherwise the entity stays
    unresolved (an ambiguous name is not guessed).
    """
    full = [n for n in ent.names if n not in ent.acronyms] or ent.names
    name = max(full, key=len)
    held = memo.get(name) if memo is not None else None
    if held is None:
        try:
            results = list(match(name, country=None, limit=5))
        except Exception:  # a registry that cannot answer leaves the entity unresolved
            return None
        # kept sorted by decision (the MATCHes, the POSSIBLEs): most answers are asked again
        held = ([r for r in results if _decision(r) == "match"], [r for r in results if _decision(r) == "possible"])
        if memo is not None:
            memo.put(name, held)
    sure, maybe = held
    if len(sure) == 1:
        return sure[0].institution  # type: ignore[no-any-return]  # (a country could pick only it)
    if not sure and not maybe:
        return None
    countries = hints()
    for country in countries:
        local = [r for r in sure if r.institution.country == country]
        if len(local) == 1:
            return local[0].institution  # type: ignore[no-any-return]
    for country in countries:
        local = [r for r in maybe if r.institution.country == country]
        if len(local) == 1:
            return local[0].institution  # type: ignore[no-any-return]
        if local:
            break
    return None


def _decision(result: Any) -> str:
    decision = getattr(result, "decision", "")
    return str(getattr(decision, "value", decision)).lower()
