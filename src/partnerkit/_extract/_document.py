"""A text read once: sentences, institution mentions grouped into entities, and references.

Mentions come from the registry automaton (when a registry is given), from name patterns,
from acronyms (with the definitions the text gives in parentheses) and from references to
the publisher ("the university", "our university") and to the pair in play ("the two
universities"). Mentions that denote the same organisation form one entity; each entity
is resolved through the registry with the places named in the text as hints. The references
are read in ``_references``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from partnerkit._extract._automaton import automaton_for
from partnerkit._extract._datelines import dateline_places
from partnerkit._extract._entities import Entity, Found, acronym_fits, group
from partnerkit._extract._lexicon import Lexicon, lowered
from partnerkit._extract._origins import drop_origins
from partnerkit._extract._patterns import Span, bare_name, find_acronyms, find_names, name_key
from partnerkit._extract._patterns._words import _ACRONYM_STOP
from partnerkit._extract._places import Place, find_places, gazetteer, more_cities, place_end
from partnerkit._extract._references import references, short_form_uses
from partnerkit._extract._resolve import plain, registry_insts, resolve
from partnerkit._extract._spans_index import SpanIndex
from partnerkit._extract._text import CleanText, Sentence
from partnerkit._extract._word_search import whole_word
from partnerkit._model._countries import _key

__all__ = ["Document", "Entity", "Found", "read_document"]

_QUOTED_TAIL = re.compile(r' ["«“](\w[\w-]{1,11})["»”]')
_DEFINITION = re.compile(r"\s?[(（]([^()（）]{2,40})[)）]")  # (full-width brackets in Chinese)
_NUMBER_OR_COMMA = re.compile(r"\d{3}|,")  # a bracket holding them is no short name
# an official subtitle after a dash, before the bracket ("Hochschule Karlsruhe – Technik und Wirtschaft (HKA)")
_SUBTITLE = re.compile(
    r" [–—] [A-ZÀ-ÝÄÖÜ][\w-]*(?: (?:[A-ZÀ-ÝÄÖÜ][\w-]*|und|and|et|y|e|für|for|of|de|des|du))*?(?=\s?[(（])"
)
# one proper word set before a name by a dash: its short name ("Technion – Israel Institute of
# Technology" ... "das Technion"); not a dateline ("BERLIN – The ...") nor a place
_LEAD_WORD = re.compile(r"(?:^|(?<=[\s(\"«“]))([A-ZÀ-Ý][a-zà-ÿ]{2,}[\w-]*) [–—] $")


class SentencePlaces(Mapping[int, list[Place]]):
    """The places of each sentence (by sentence index), each sentence read when first asked for.

    Most sentences are never asked about: the statement finder asks for those near a trigger,
    the acronym filter for those holding an acronym, and resolution for all of them only when
    a registry answer is to be settled by country. The places of a sentence depend on its text
    and the document's gazetteer alone, so reading them late gives the same places.
    """

    __slots__ = ("_found", "_sentences", "cities")

    def __init__(self, sentences: list[Sentence], cities: dict[str, tuple[str, str, bool]]) -> None:
        self._sentences = sentences
        self.cities = cities
        self._found: dict[int, list[Place]] = {}

    def __getitem__(self, index: int) -> list[Place]:
        got = self._found.get(index)
        if got is None:
            if not (type(index) is int and 0 <= index < len(self._sentences)):
                raise KeyError(index)
            sent = self._sentences[index]
            got = self._found[index] = find_places(sent.text, sent.start, self.cities)
        return got

    def get(self, index: int, default: Any = None) -> Any:  # (Mapping.get, without the exception)
        got = self._found.get(index)
        if got is not None:
            return got
        if type(index) is int and 0 <= index < len(self._sentences):
            return self[index]
        return default

    def __iter__(self) -> Iterator[int]:
        return iter(range(len(self._sentences)))

    def __len__(self) -> int:
        return len(self._sentences)


@attrs.define
class Document:
    """Everything the statement finder needs about one text."""

    clean: CleanText
    sentences: list[Sentence]
    lex: Lexicon
    mentions: list[Found]
    entities: dict[int, Entity]
    publisher: int | None
    places: SentencePlaces
    cities: dict[str, tuple[str, str, bool]]  # the cities the registry adds to the built-in gazetteer
    by_sentence: dict[int, list[Found]] = attrs.field(factory=dict)
    date_cache: dict[str, list[Any]] = attrs.field(factory=dict)
    lows: list[str | None] = attrs.field(factory=list)
    cue_cache: dict[int, list[tuple[int, int, str]]] = attrs.field(factory=dict)
    trigger_cache: dict[int, tuple[Any, ...]] = attrs.field(factory=dict)  # _triggers.triggers, per sentence
    about: list[tuple[int, int, int]] | None = None  # _parties.about_sections: (start, end, entity)
    report_year: list[int | None] = attrs.field(factory=list)  # _when.report_year, once read: [year or None]

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


def _is_place(span: Span, sent: Sentence, places: SentencePlaces) -> bool:
    """A place of the sentence has the very span (read only when a place can end there)."""
    if place_end(sent.text, span.start - sent.start, places.cities) != span.end - sent.start:
        return False  # (no place of the sentence starts at the span and ends where it ends)
    return any(p.start == span.start and p.end == span.end for p in places[sent.index])


def _whole_place(words: str, cities: dict[str, tuple[str, str, bool]]) -> bool:
    """``words`` are one country or city and nothing else ("Portugal", "Japan", "Madrid"; not an
    acronym that is also a country code: "(UGA)" defines a short name)."""
    if words.isupper():
        return False
    places = find_places(words, 0, cities)
    return len(places) == 1 and places[0].start == 0 and places[0].end == len(words)


def read_document(
    ct: CleanText, sentences: list[Sentence], lex: Lexicon, publisher: str | None, registry: Any | None
) -> Document:
    text = ct.text
    if registry is not None and not hasattr(registry, "get"):
        registry = plain(registry)
    extra_cities: list[tuple[str, str]] = []
    spans: list[tuple[Span, int, tuple[str, ...]]] = []
    if registry is not None:
        auto = automaton_for(registry)
        for hit in auto.scan(text):
            spans.append((Span(hit.start, hit.end, text[hit.start : hit.end], "name"), 2, hit.ids))
    if registry is not None:
        extra_cities = [(i.city, i.country) for i in registry_insts(registry, spans) if i.city and i.country]
    cities = more_cities(extra_cities)  # (what the registry adds to the built-in gazetteer)
    places = SentencePlaces(sentences, cities)
    datelines = dateline_places(text)
    for sent in sentences:
        for prio, found in ((1, find_names(sent.text, sent.start)), (0, find_acronyms(sent.text, sent.start))):
            for span in found:
                # Places are not organisations: a dateline's ("KUALA LUMPUR, Jan 28 —") and acronyms
                # that are places ("ASTANA"; a place lies in its sentence: only this sentence's
                # places can have the acronym's very span).
                if any(a <= span.start and span.end <= b for a, b in datelines):
                    continue
                if span.kind == "acronym" and _is_place(span, sent, places):
                    continue
                spans.append((span, prio, ()))
    chosen = _resolve_overlaps(spans)
    # Definitions: "Name (ACR)" makes ACR a form of Name; then find every later use of ACR.
    aliases: dict[str, int] = {}
    for idx, (span, _prio, _ids) in enumerate(chosen):
        if span.kind == "acronym":
            continue
        if _prio == 1 and bare_name(span) and " " in span.text:
            aliases[span.text] = idx
            continue
        sub = _SUBTITLE.match(text, span.end)
        m = _DEFINITION.match(text, sub.end() if sub else span.end)
        if (
            m
            and len(m.group(1).split()) <= 5
            and not _NUMBER_OR_COMMA.search(m.group(1))
            and (m.group(1).strip()[:1].isupper() or m.group(1).strip()[:1] in '«"“')
            and not _whole_place(m.group(1).strip(), cities)  # "University of Porto (Portugal)": its place
        ):
            aliases[m.group(1).strip()] = idx
            continue
        q = _QUOTED_TAIL.match(text, span.end)
        if q and q.group(1).isupper():
            aliases[q.group(1)] = idx  # 'Saint Petersburg Electrotechnical University "LETI"'
            continue
        lead = _LEAD_WORD.search(text, max(0, span.start - 30), span.start)
        if lead and _key(lead.group(1)) not in gazetteer() and lead.group(1) not in aliases:
            aliases[lead.group(1)] = idx  # "Technion – Israel Institute of Technology"
    heads = {h: idx for h, idx in _head_short_forms(chosen).items() if h not in aliases}
    aliases.update(heads)
    for pair, idx in _two_letter_forms(text, chosen).items():
        aliases.setdefault(pair, idx)  # "UQ" for the University of Queensland, never defined
    for alias in aliases:
        for start, end in whole_word(alias, text):
            if alias in heads and text[max(0, start - 4) : start].lower() != "the ":
                continue  # a head word is a short form only as "the Guild"
            if not any(s.start < end and start < s.end for s, _, _ in chosen):
                chosen.append((Span(start, end, alias, "acronym"), 0, ()))
    # (the owners by span: uses of an alias before its definition, as in a title, shift the indices)
    owners = {alias: chosen[idx][0] for alias, idx in aliases.items()}
    chosen.sort(key=lambda c: c[0].start)
    where = {id(c[0]): i for i, c in enumerate(chosen)}
    aliases = {alias: where[id(span)] for alias, span in owners.items()}
    entities, mentions = group(chosen, aliases, sentences)
    doc = Document(ct, sentences, lex, mentions, entities, None, places, cities)
    if registry is not None:
        resolve(doc.entities, doc.mentions, doc.places, registry)
    doc.publisher = _publisher(doc, publisher)
    if doc.publisher is None and not publisher:
        # no name is used twice: count the bare short forms of a name the headline uses ("X to lead ...")
        doc.publisher = _publisher(doc, None, _headline_short_forms(doc))
    references(doc)
    doc.mentions = drop_origins(text, doc.mentions, {i for i, e in doc.entities.items() if e.kind == "org"})
    doc.by_sentence.clear()
    return doc


# the head words of a network's name whose "the X" later names it ("The Guild of European ...
# Universities" ... "the Guild also admitted"; "the Coimbra Group" ... "the Group")
_NETWORK_HEADS = frozenset(["Guild", "League", "Alliance", "Association", "Network", "Federation", "Group", "Union"])


def _head_short_forms(chosen: list[tuple[Span, int, tuple[str, ...]]]) -> dict[str, int]:
    """``{head word: index}`` for each network head word that exactly one name of the text holds."""
    holders: dict[str, set[str]] = {}
    first: dict[str, int] = {}
    for idx, (span, prio, _ids) in enumerate(chosen):
        if prio != 1 or span.kind != "name":
            continue
        for word in span.text.split():
            if word in _NETWORK_HEADS:
                holders.setdefault(word, set()).add(span.text)
                first.setdefault(word, idx)
    return {w: first[w] for w, names in holders.items() if len(names) == 1}


# a two-capital token standing alone ("UQ climbs", "UQ's"): too short to be read as an acronym
# by its shape, it is a short form when it is the initials of exactly one name of the text
# (it opens with a capital and looks behind from the second, so ``re`` skips to capitals in C; the
# same matches as ``(?<![\w&.-])([A-Z]{2})`` with that lookahead)
_TWO_CAPITALS = re.compile(r"([A-Z](?<![\w&.-][A-Z])[A-Z])(?=['’]s\b|(?![\w&.-]))")


def _two_letter_forms(text: str, chosen: list[tuple[Span, int, tuple[str, ...]]]) -> dict[str, int]:
    """``{XY: index}`` for each undefined two-capital token that is the initials of the content
    words of exactly one name the text holds (``UQ``: the University of Queensland)."""
    pairs = {m.group(1) for m in _TWO_CAPITALS.finditer(text)} - _ACRONYM_STOP
    if not pairs:
        return {}
    initials: dict[str, set[str]] = {}
    first: dict[str, int] = {}
    for idx, (span, _prio, _ids) in enumerate(chosen):
        if span.kind != "name":
            continue
        words = [w for w in re.findall(r"[^\W\d_]+", span.text) if w[0].isupper() and w.lower() not in _NAME_STOP]
        key = "".join(w[0] for w in words)
        if len(key) == 2 and key in pairs:
            initials.setdefault(key, set()).add(span.text)
            first.setdefault(key, idx)
    return {k: first[k] for k, names in initials.items() if len(names) == 1}


_NAME_STOP = frozenset(["the", "of", "and", "for"])


def _resolve_overlaps(spans: list[tuple[Span, int, tuple[str, ...]]]) -> list[tuple[Span, int, tuple[str, ...]]]:
    spans.sort(key=lambda c: (c[0].start, -(c[0].end - c[0].start), -c[1]))
    out: list[tuple[Span, int, tuple[str, ...]]] = []
    index: SpanIndex[tuple[Span, int, tuple[str, ...]]] = SpanIndex()  # (a long text has many spans)
    for cand in spans:
        span = cand[0]
        clash = index.overlapping(span.start, span.end)
        if not clash:
            out.append(cand)
            index.add(span.start, span.end, cand)
            continue
        # a registry name wins over a shorter pattern name it overlaps
        if cand[1] == 2 and all(o[1] < 2 and (o[0].end - o[0].start) <= (span.end - span.start) for o in clash):
            for o in clash:
                out.remove(o)
                index.remove(o[0].start, o[0].end, o)
            out.append(cand)
            index.add(span.start, span.end, cand)
    return out


_PARTNER_TAIL = re.compile(r"\s*(?:(?:the|la|le|el|les|los|las|der|die|dem|den|des)\s+|l['’])?\s*", re.IGNORECASE)
_WEAK_CUES = frozenset({"and", "und", "et", "y", "и"})


def _headline_short_forms(doc: Document) -> Counter[int]:
    """The uses of bare short forms ("Leeds" after "the University of Leeds") of each organisation whose
    short form the headline uses too: the headline names the text's subject that way."""
    if not doc.sentences:
        return Counter()
    uses = short_form_uses(doc)
    title = doc.sentences[0].text
    titled = {f.entity for f in uses if whole_word(f.text, title)}
    return Counter(f.entity for f in uses if f.entity is not None and f.entity in titled)


def _publisher(doc: Document, publisher: str | None, shorts: Counter[int] | None = None) -> int | None:
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
    extra = shorts if shorts is not None else Counter()

    cue = doc.lex.refs.get("partner")
    text = doc.clean.text
    partnered: Counter[int] = Counter()  # mentions named as the counterpart ("with X", "с X")
    as_partner: set[int] = set()  # (the starts of those in the title)
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
                if m.start < title_end:
                    as_partner.add(m.start)

    # a headline's counterpart ("Kooperationsvertrag mit der TU X") is not what the headline is about
    titled = {m.entity for m in doc.mentions if m.start < title_end and m.start not in as_partner}

    def weight(ent: Entity) -> tuple[int, int]:
        in_title = ent.id in titled
        lead = 2 if ent.id == first_org else 0  # the headline's first organisation is its subject
        return (ent.count + extra[ent.id] - partnered[ent.id] + (2 if in_title else 0) + lead, -ent.first)

    first = next((m for m in doc.mentions if m.entity is not None and doc.entities[m.entity].kind == "org"), None)
    first_org = first.entity if first is not None and first.start not in as_partner else None

    best = max(orgs, key=weight)
    return best.id if best.count + extra[best.id] >= 2 else None
