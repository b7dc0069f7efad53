"""A text read once: sentences, institution mentions grouped into entities, and references.

Mentions come from the registry automaton (when a registry is given), from name patterns,
from acronyms (with the definitions the text gives in parentheses) and from references to
the publisher ("the university", "our university") and to the pair in play ("the two
universities"). Mentions that denote the same organisation form one entity; each entity
is resolved through the registry with the places named in the text as hints.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from typing import Any

import attrs

from partnerkit._extract._automaton import Memo, automaton_for
from partnerkit._extract._lexicon import Lexicon, finditer_near, lowered
from partnerkit._extract._patterns import Span, find_acronyms, find_names, name_key
from partnerkit._extract._places import Place, find_places, more_cities
from partnerkit._extract._text import CleanText, Sentence
from partnerkit._matching import Registry
from partnerkit._model import Institution
from partnerkit._names import acronym_fits as _acronym_fits
from partnerkit._names import parse_name

__all__ = ["Document", "Entity", "Found", "read_document"]

# A pure function of two strings, asked again and again for the same pairs (names recur).
acronym_fits = functools.lru_cache(maxsize=65536)(_acronym_fits)
_DEFINITION = re.compile(r"\s?\(([^()]{2,40})\)")
_DEFINITE = re.compile(
    r"(?<![\w-])(?:the|l['’]|la|le|el|die|der|das) (Association|Agence|Agency|Network|Consortium|Alliance|Forum|Union|"
    r"Commission|Ministry|Foundation|Asociación|Red|Réseau|Verband|Netzwerk|Ministerio|Ministère|Fundación)(?!\w)(?! of| de)"  # noqa: E501
)


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


@attrs.define
class Document:
    """Everything the statement finder needs about one text."""

    clean: CleanText
    sentences: list[Sentence]
    lex: Lexicon
    mentions: list[Found]
    entities: dict[int, Entity]
    publisher: int | None
    places: dict[int, list[Place]]
    cities: dict[str, tuple[str, str, bool]]  # the cities the registry adds to the built-in gazetteer
    by_sentence: dict[int, list[Found]] = attrs.field(factory=dict)
    date_cache: dict[str, list[Any]] = attrs.field(factory=dict)
    lows: list[str | None] = attrs.field(factory=list)
    cue_cache: dict[int, list[tuple[int, int, str]]] = attrs.field(factory=dict)

    def low(self, index: int) -> str | None:
        """The lower-cased text of sentence ``index`` (for :func:`may_match`)."""
        if not self.lows:
            self.lows = [lowered(s.text) for s in self.sentences]
        return self.lows[index]

    def in_sentence(self, index: int) -> list[Found]:
        if not self.by_sentence:
            for m in self.mentions:
                self.by_sentence.setdefault(m.sentence, []).append(m)
        return self.by_sentence.get(index, [])


_DATELINE_TAIL = re.compile(r"(?:,\s*(?:\d|[^\W\d_]+\.?\s+\d)|\s+[–—-]\s)")


def _dateline_city(text: str, span: Span) -> bool:
    """ "SHEFFIELD, 14 March 2024 —", "ASTANA – ": a capitalised city opening a line is a dateline."""
    return (
        len(span.text) >= 4
        and span.text.isupper()
        and (span.start == 0 or text[span.start - 1] == "\n")
        and _DATELINE_TAIL.match(text, span.end) is not None
    )


def _sentence_of(sentences: list[Sentence], pos: int) -> int:
    lo, hi = 0, len(sentences) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if sentences[mid].start <= pos:
            lo = mid
        else:
            hi = mid - 1
    return lo


def read_document(
    ct: CleanText, sentences: list[Sentence], lex: Lexicon, publisher: str | None, registry: Any | None
) -> Document:
    text = ct.text
    if registry is not None and not hasattr(registry, "get"):
        registry = _plain(registry)
    extra_cities: list[tuple[str, str]] = []
    spans: list[tuple[Span, int, tuple[str, ...]]] = []
    if registry is not None:
        auto = automaton_for(registry)
        for hit in auto.scan(text):
            spans.append((Span(hit.start, hit.end, text[hit.start : hit.end], "name"), 2, hit.ids))
    places: dict[int, list[Place]] = {}
    if registry is not None:
        extra_cities = [(i.city, i.country) for i in _registry_insts(registry, spans) if i.city and i.country]
    cities = more_cities(extra_cities)  # (what the registry adds to the built-in gazetteer)
    for sent in sentences:
        for span in find_names(sent.text, sent.start):
            spans.append((span, 1, ()))
        for span in find_acronyms(sent.text, sent.start):
            spans.append((span, 0, ()))
        places[sent.index] = find_places(sent.text, sent.start, cities)
    # Acronyms that are places ("ASTANA") are not organisations.
    place_spans = {(p.start, p.end) for ps in places.values() for p in ps}
    spans = [
        s
        for s in spans
        if not (s[0].kind == "acronym" and ((s[0].start, s[0].end) in place_spans or _dateline_city(text, s[0])))
    ]
    chosen = _resolve_overlaps(spans)
    # Definitions: "Name (ACR)" makes ACR a form of Name; then find every later use of ACR.
    aliases: dict[str, int] = {}
    for idx, (span, _prio, _ids) in enumerate(chosen):
        if span.kind == "acronym":
            continue
        m = _DEFINITION.match(text, span.end)
        if (
            m
            and len(m.group(1).split()) <= 5
            and not re.search(r"\d{3}|,", m.group(1))
            and (m.group(1).strip()[:1].isupper() or m.group(1).strip()[:1] in '«"“')
        ):
            aliases[m.group(1).strip()] = idx
            continue
        q = _QUOTED_TAIL.match(text, span.end)
        if q and q.group(1).isupper():
            aliases[q.group(1)] = idx  # 'Saint Petersburg Electrotechnical University "LETI"'
    for alias in aliases:
        for start, end in _whole_word(alias, text):
            if not any(s.start < end and start < s.end for s, _, _ in chosen):
                chosen.append((Span(start, end, alias, "acronym"), 0, ()))
    chosen.sort(key=lambda c: c[0].start)
    entities, mentions = _group(chosen, aliases, sentences)
    doc = Document(ct, sentences, lex, mentions, entities, None, places, cities)
    if registry is not None:
        _resolve(doc, registry, chosen)
    doc.publisher = _publisher(doc, publisher)
    _references(doc)
    return doc


def _is_word_char(ch: str) -> bool:
    """``re``'s ``\\w`` or a hyphen."""
    return ch.isalnum() or ch in "_-"


def _whole_word(word: str, text: str) -> list[tuple[int, int]]:
    """Spans of ``word`` in ``text`` with no word character or hyphen on either side, left to
    right, not overlapping: what ``(?<![\\w-])word(?![\\w-])`` finds, by substring search
    (no pattern to compile per word, no regular-expression scan of the text)."""
    if not word:
        return [m.span() for m in re.finditer(r"(?<![\w-])(?![\w-])", text)]
    out: list[tuple[int, int]] = []
    n = len(word)
    at = text.find(word)
    while at >= 0:
        end = at + n
        if (at == 0 or not _is_word_char(text[at - 1])) and (end == len(text) or not _is_word_char(text[end])):
            out.append((at, end))
            at = text.find(word, end)
        else:
            at = text.find(word, at + 1)
    return out


_PLAIN: dict[int, tuple[Any, _PlainRegistry]] = {}


def _plain(collection: Any) -> _PlainRegistry:
    """The registry view of a plain collection of institutions, made once per collection object.

    The collection is held (a few at most) so its automaton is built once, not per call.
    """
    got = _PLAIN.get(id(collection))
    if got is not None and got[0] is collection:
        return got[1]
    if len(_PLAIN) >= 4:
        _PLAIN.pop(next(iter(_PLAIN)))
    view = _PlainRegistry(tuple(collection))
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


def _registry_insts(registry: Any, spans: list[tuple[Span, int, tuple[str, ...]]]) -> list[Institution]:
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


def _resolve_overlaps(spans: list[tuple[Span, int, tuple[str, ...]]]) -> list[tuple[Span, int, tuple[str, ...]]]:
    spans.sort(key=lambda c: (c[0].start, -(c[0].end - c[0].start), -c[1]))
    out: list[tuple[Span, int, tuple[str, ...]]] = []
    for cand in spans:
        span = cand[0]
        clash = [o for o in out if o[0].start < span.end and span.start < o[0].end]
        if not clash:
            out.append(cand)
            continue
        # a registry name wins over a shorter pattern name it overlaps
        if cand[1] == 2 and all(o[1] < 2 and (o[0].end - o[0].start) <= (span.end - span.start) for o in clash):
            for o in clash:
                out.remove(o)
            out.append(cand)
    return out


def _group(
    chosen: list[tuple[Span, int, tuple[str, ...]]], aliases: dict[str, int], sentences: list[Sentence]
) -> tuple[dict[int, Entity], list[Found]]:
    entities: dict[int, Entity] = {}
    mentions: list[Found] = []
    by_key: dict[frozenset[str], int] = {}
    by_ids: dict[tuple[str, ...], int] = {}
    alias_entity: dict[str, int] = {}
    pending: list[Found] = []
    for idx, (span, _prio, ids) in enumerate(chosen):
        sent = _sentence_of(sentences, span.start)
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


_QUOTED_TAIL = re.compile(r' ["«“](\w[\w-]{1,11})["»”]')
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


def _resolve(doc: Document, registry: Any, chosen: list[tuple[Span, int, tuple[str, ...]]]) -> None:
    """Resolve every entity through ``registry.match`` with the places of the text as hints."""
    # only a pk.Registry is known to be immutable: its answers are kept across calls
    memo = automaton_for(registry).matches if isinstance(registry, Registry) else None
    hints = Counter(p.country for ps in doc.places.values() for p in ps)
    match = getattr(registry, "match", None)
    get = getattr(registry, "get", None)
    said_in: dict[int, list[int]] = {}  # entity -> the sentence of each of its mentions, in order
    for m in doc.mentions:
        if m.entity is not None:
            said_in.setdefault(m.entity, []).append(m.sentence)
    places = doc.places
    everywhere = [c for c, _ in hints.most_common()]
    for ent in doc.entities.values():
        if ent.kind != "org":
            continue
        near = [p.country for si in said_in.get(ent.id, ()) for p in places.get(si, ())]
        order = [c for c, _ in Counter(near).most_common()] + everywhere if near else everywhere
        countries = list(dict.fromkeys(order))[:3]
        inst = None
        if ent.candidates and get is not None:
            cands = [get(i) for i in ent.candidates]
            cands = [c for c in cands if c is not None]
            if len(cands) == 1:
                inst = cands[0]
            else:
                for country in countries:
                    local = [c for c in cands if c.country == country]
                    if len(local) == 1:
                        inst = local[0]
                        break
        if inst is None and match is not None:
            inst = _match(match, ent, countries, memo)
        ent.institution = inst


def _match(match: Any, ent: Entity, countries: list[str], memo: Memo | None = None) -> Institution | None:
    """One registry query per entity (its fullest name); the text's countries settle a tie.

    The answers of an immutable registry are kept in ``memo`` (per registry, bounded), so a
    name that recurs across articles is matched once.

    A MATCH in a hinted country (or the only MATCH) wins; among POSSIBLE candidates, the
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
    if not sure and not maybe:
        return None
    for country in countries:
        local = [r for r in sure if r.institution.country == country]
        if len(local) == 1:
            return local[0].institution  # type: ignore[no-any-return]
    if len(sure) == 1:
        return sure[0].institution  # type: ignore[no-any-return]
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


_PARTNER_TAIL = re.compile(r"\s*(?:(?:the|la|le|el|les|los|las|der|die|dem|den|des)\s+|l['’])?\s*", re.IGNORECASE)
_WEAK_CUES = frozenset({"and", "und", "et", "y", "и"})


def _publisher(doc: Document, publisher: str | None) -> int | None:
    orgs = [e for e in doc.entities.values() if e.kind == "org"]
    if publisher:
        key = name_key(publisher)
        for ent in orgs:
            if (
                (key and key in ent.name_keys())
                or publisher in ent.names
                or any(acronym_fits(a, publisher) for a in ent.acronyms)
            ):
                return ent.id
            if ent.institution is not None and publisher in (n.value for n in ent.institution.names()):
                return ent.id
        ent_id = max(doc.entities, default=-1) + 1
        doc.entities[ent_id] = Entity(ent_id, [publisher], [], len(doc.clean.text))
        return ent_id
    if not orgs:
        return None
    title_end = doc.sentences[0].end if doc.sentences else 0

    cue = doc.lex.refs.get("partner")
    text = doc.clean.text
    partnered: Counter[int] = Counter()  # mentions named as the counterpart ("with X", "с X")
    if cue is not None:
        for m in doc.mentions:
            if m.entity is None:
                continue
            sent_start = doc.sentences[m.sentence].start if m.sentence < len(doc.sentences) else 0
            before = text[max(sent_start, m.start - 30) : m.start]
            hit = cue.search(before)
            while hit is not None and _PARTNER_TAIL.fullmatch(before, hit.end()) is None:
                hit = cue.search(before, hit.start() + 1)
            if hit is not None and hit.group(0).strip().lower() not in _WEAK_CUES:
                partnered[m.entity] += 1

    titled = {m.entity for m in doc.mentions if m.start < title_end}

    def weight(ent: Entity) -> tuple[int, int]:
        in_title = ent.id in titled
        lead = 2 if ent.id == first_org else 0  # the headline's first organisation is its subject
        return (ent.count - partnered[ent.id] + (2 if in_title else 0) + lead, -ent.first)

    first_org = next(
        (m.entity for m in doc.mentions if m.entity is not None and doc.entities[m.entity].kind == "org"), None
    )

    best = max(orgs, key=weight)
    return best.id if best.count >= 2 else None


def _references(doc: Document) -> None:
    text = doc.clean.text
    refs = doc.lex.refs
    taken = [(m.start, m.end) for m in doc.mentions]
    new: list[Found] = []

    def free(s: int, e: int) -> bool:
        return not any(a < e and s < b for a, b in taken)

    low = lowered(text)  # literal prefilters (speed only: may_match never skips a match)
    for kind in ("pair", "publisher"):
        pattern = refs.get(kind)
        if pattern is None or (kind == "publisher" and doc.publisher is None):
            continue
        for m in finditer_near(pattern, text, low):
            if not free(m.start(), m.end()):
                continue
            ent = doc.publisher if kind == "publisher" else None
            if kind == "publisher" and ent is None:
                continue
            new.append(Found(m.start(), m.end(), m.group(0), kind, _sentence_of(doc.sentences, m.start()), ent))
            taken.append((m.start(), m.end()))
    for m in finditer_near(_DEFINITE, text, low):
        if not free(m.start(), m.end()):
            continue
        head = m.group(1).lower()
        target = None
        for ment in doc.mentions:
            if ment.start >= m.start():
                break
            cand = doc.entities.get(ment.entity) if ment.entity is not None else None
            if cand is not None and any(
                head in n.lower() or (head[:6] == "minist" and "minist" in n.lower()) for n in cand.names
            ):
                target = cand.id
        if target is not None:
            new.append(
                Found(m.start(), m.end(), m.group(0), "definite", _sentence_of(doc.sentences, m.start()), target)
            )
    doc.mentions.extend(new)
    doc.mentions.sort(key=lambda f: f.start)
    doc.by_sentence.clear()
