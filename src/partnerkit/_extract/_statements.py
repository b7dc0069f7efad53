"""Partnership statements: trigger phrases, their parties, status, date and office location.

Each sentence is read for trigger phrases of the lexicon. Parties are the organisations the
sentence names (not those named only as context: "within the framework of", "close to"),
the publisher where the sentence names one side only, or the pair in play ("the two
universities"). Lists yield one record per listed organisation; an office named with
several places yields one office per place, each with the status of its own clause.
"""

from __future__ import annotations

import re

import attrs

from partnerkit._extract._document import Document, Found
from partnerkit._extract._lexicon import may_match
from partnerkit._extract._places_status import clause_status as _clause_status
from partnerkit._extract._places_status import place_statuses as _place_statuses
from partnerkit._extract._roles import (
    DET_TAIL,
    PERSON_FIRST,
    date_the_deal,
    located_offices,
    lone_document,
    names_itself,
    owner_named,
    refers_to_subject,
    with_list,
)
from partnerkit._extract._signatories import second_posts, signatories_of
from partnerkit._extract._tidy import DOCUMENTS as _DOCUMENTS
from partnerkit._extract._tidy import locations as _locations
from partnerkit._extract._tidy import tidy as _tidy
from partnerkit._extract._triggers import Trigger as _Trigger
from partnerkit._extract._triggers import status as _status
from partnerkit._extract._triggers import triggers as _triggers
from partnerkit._extract._when import (
    date_after,
    date_for,
    during_date,
    event_date,
    inherited_date,
    last_date_before,
    same_paragraph,
)
from partnerkit._model import Evidence, PartialDate, Partnership, PartnershipKind, Party, Status

__all__ = ["find_partnerships"]

K = PartnershipKind
_SINGLE_OK = frozenset({K.OFFICE, K.CONSORTIUM, K.MEMBERSHIP})
_SCOPE = frozenset({K.EXCHANGE, K.RESEARCH_PROJECT, K.JOINT_PROGRAMME})
_BETWEEN = re.compile(r"\b(?:between|entre|между|zwischen)\b", re.IGNORECASE)
_PLURAL_DOC = re.compile(
    r"(?:agreements|memorand(?:a|ums)|mous|pacts|соглашения|меморандумы|convenios|acuerdos|协议)", re.I
)


def _excluded(doc: Document, sent_start: int, text: str, m: Found) -> bool:
    """Mentions named as context ("within the framework of X", "close to X") are not parties."""
    ctx = doc.lex.refs.get("context")
    if ctx is None:
        return False
    before = text[max(0, m.start - sent_start - 45) : m.start - sent_start]
    hit = None
    for c in ctx.finditer(before):
        hit = c
    return hit is not None and len(before) - hit.end() <= 6


def _party(doc: Document, ent_id: int) -> Party:
    ent = doc.entities[ent_id]
    inst = ent.institution
    return Party(ent.best, institution_id=inst.id if inst is not None else None)


_SETUP_HEADS = re.compile(
    r"institut|институт|cent(?:er|re|ro)|zentrum|центр|laborator|лаборатор|研究院|研究所|中心|实验室",
    re.IGNORECASE,
)
_OFFICE_HEADS = re.compile(r"office|campus|branch|представительств|филиал|oficina|sede|bureau|büro|代表处|分校", re.I)


def _set_up(doc: Document, si: int, triggers: list[_Trigger]) -> list[tuple[_Trigger, int, PartnershipKind | None]]:
    """What a document of the sentence sets up: "agreement on the creation of the X Institute".

    Every object of the phrase is returned ("the X Centre in A and the Y Centre in B"); the
    kind is None for an object that an office trigger of the sentence records already.
    """
    cue = doc.lex.refs.get("setup")
    sent = doc.sentences[si]
    out: list[tuple[_Trigger, int, PartnershipKind | None]] = []
    if cue is None:
        return out
    for t in triggers:
        if t.kind not in _DOCUMENTS:
            continue
        m = cue.search(sent.text, t.end, t.end + 40)
        if m is None:
            continue
        last = m.end()
        found = False
        for f in doc.in_sentence(si):
            s, e = f.start - sent.start, f.end - sent.start
            if f.entity is None or s < last or s > m.end() + 120 or (found and s - last > 40):
                continue
            name = doc.entities[f.entity].best
            kind: PartnershipKind | None = None
            if _OFFICE_HEADS.search(name):
                kind = K.OFFICE
            elif _SETUP_HEADS.search(name):
                kind = K.JOINT_LAB
            elif found:
                break
            else:
                continue
            found = True
            if any(o.kind is K.OFFICE and o.start >= m.end() for o in triggers):
                kind = None  # "the X Center in Tehran": the office trigger records it
            out.append((t, f.entity, kind))
            last = e
    return out


def _objects(doc: Document, triggers: dict[int, list[_Trigger]]) -> set[int]:
    """Entities that name the object of a statement (a joint centre, an institute set up), not a party.

    A mention is an object when it holds the end of a trigger phrase ("汉学研究中心" for the
    trigger "研究中心") or is the acronym given in parentheses right after one ("centros de
    Estudios Mexicanos (CEM)").
    """
    out: set[int] = set()
    for si, trigs in triggers.items():
        base = doc.sentences[si].start
        for m in doc.in_sentence(si):
            if m.entity is None or m.kind in ("pair", "publisher"):
                continue
            s, e = m.start - base, m.end - base
            for t in trigs:
                inside = s < t.end <= e and t.kind not in _DOCUMENTS and t.kind is not K.MEMBERSHIP
                defined = (
                    m.kind == "acronym" and re.fullmatch(r"\s*\(\s*", doc.sentences[si].text[t.end : s]) is not None
                )
                if inside or (defined and t.kind is not K.MEMBERSHIP):
                    out.add(m.entity)
        out.update(ent for _t, ent, _k in _set_up(doc, si, trigs))
        if trigs:
            out.update(_created(doc, si))
    return out


_WITH = re.compile(r"\b(?:with|between|con|entre|avec|mit|zwischen|между|со?)\b", re.IGNORECASE)


def _created(doc: Document, si: int) -> set[int]:
    """Centres, institutes and labs named in a "the creation of ..." list are what is created,
    not parties ("la creación de un Laboratorio conjunto ... y del Centro de Investigación X")."""
    cue = doc.lex.refs.get("creation")
    if cue is None or not may_match(cue, doc.low(si)):
        return set()
    sent = doc.sentences[si]
    ends = [m.end() for m in cue.finditer(sent.text)]
    out: set[int] = set()
    for f in doc.in_sentence(si):
        if f.entity is None or f.kind in ("pair", "publisher") or not _SETUP_HEADS.search(f.text):
            continue
        rel = f.start - sent.start
        near = [e for e in ends if e <= rel < e + 120]
        if near and not _WITH.search(sent.text, near[-1], rel):
            out.add(f.entity)
    return out


def _marked(pattern: re.Pattern[str] | None, before: str) -> bool:
    """True when ``before`` (the text up to a mention) ends with a phrase of ``pattern``."""
    if pattern is None:
        return False
    tail = before[-40:]
    return any(DET_TAIL.fullmatch(tail, m.end()) is not None for m in pattern.finditer(tail))


def _between(doc: Document, si: int, objects: set[int]) -> list[int]:
    """The parties named in a "between X and Y" phrase of the sentence (empty when there is none)."""
    sent = doc.sentences[si]
    m = _BETWEEN.search(sent.text) if may_match(_BETWEEN, doc.low(si)) else None
    if m is None:
        return []
    stop = re.compile(r",\s+(?!(?:and|y|et|und|и)\b)[a-zà-ÿа-яё]|;|:|\.\s")
    end_m = stop.search(sent.text, m.end())
    end = sent.start + (end_m.start() if end_m else len(sent.text))
    start = sent.start + m.end()
    out: list[int] = []
    for f in doc.in_sentence(si):
        if f.entity is None or f.kind == "pair" or not start <= f.start < end or f.entity in objects:
            continue
        if _excluded(doc, sent.start, sent.text, f):
            continue  # "between X and Y ... in the presence of Z"
        if doc.entities[f.entity].kind == "org" and f.entity not in out:
            out.append(f.entity)
    return out if len(out) >= 2 else []


def _subject(doc: Document, objects: set[int]) -> int | None:
    """The organisation the text is about: the publisher, else the first one its title or lead names."""
    if doc.publisher is not None:
        return doc.publisher
    for m in doc.mentions:
        if m.sentence > 1:
            break
        if m.entity is not None and m.entity not in objects and doc.entities[m.entity].kind == "org":
            return m.entity
    return None


def find_partnerships(doc: Document, published: PartialDate | None) -> list[Partnership]:
    out: list[Partnership] = []
    sents = doc.sentences
    any_kind = doc.lex.any_kind
    all_triggers = {
        si: (_triggers(doc, si) if any_kind is None or may_match(any_kind, doc.low(si)) else [])
        for si in range(len(sents))
    }
    objects = _objects(doc, all_triggers)
    located_offices(doc, all_triggers, objects)
    subject = _subject(doc, objects)
    refs = doc.lex.refs
    partner_cue = refs.get("partner")
    since = doc.lex.dates.get("since_then")
    generic = refs.get("generic")
    anaphora = refs.get("anaphora")
    countries = refs.get("countries")
    pair: tuple[int, int] | None = None
    deal: list[int] = []  # the parties of the document most recently recorded
    deal_date: PartialDate | None = None
    pending: _Pending | None = None  # a document of the previous sentence still without its parties
    used_next: set[int] = set()
    for si, sent in enumerate(sents):
        text = sent.text
        mentions = doc.in_sentence(si)
        explicit: list[int] = []
        marked: set[int] = set()
        for m in mentions:
            if m.entity is None or m.kind == "pair" or m.entity in objects:
                continue
            ent = doc.entities[m.entity]
            if ent.kind != "org" or _excluded(doc, sent.start, text, m):
                continue
            if all_triggers[si] and _marked(partner_cue, text[: m.start - sent.start]):  # (only read by triggers)
                marked.add(m.entity)
            if m.entity not in explicit:
                explicit.append(m.entity)
        posts = second_posts(doc, si)
        explicit = [e for e in explicit if e not in posts]
        between = _between(doc, si, objects)
        if between:
            explicit = between
        has_pair = any(m.kind == "pair" for m in mentions)
        triggers = [] if si in used_next else all_triggers[si]
        if pending is not None and not any(t.kind in _DOCUMENTS for t in triggers):
            got = _signed_later(doc, si, pending, explicit, out, all_triggers[pending[0]])
            if got:
                deal, deal_date = got, pending[3]
        pending = None
        n_before = len(out)
        low = doc.low(si)
        refers_to_deal = bool(triggers and anaphora and may_match(anaphora, low) and anaphora.search(text))
        for trig in triggers:
            kind = trig.kind
            status = _status(doc, si, trig, kind)
            if status is None:
                continue
            if status is Status.SIGNED and kind not in _DOCUMENTS and kind is not K.EXCHANGE:
                # "signed an agreement on the establishment of the X Centre": set up, not yet running
                after_doc = any(t.kind in _DOCUMENTS and t.end <= trig.start for t in triggers)
                status = Status.PLANNED if after_doc else Status.ACTIVE
            window = text[max(0, trig.start - 60) : trig.end + 60]
            if countries is not None and countries.search(window) and (kind not in _DOCUMENTS or len(explicit) < 2):
                continue
            if _between_countries(doc, si, trig):
                continue  # "the strategic partnership between Tanzania and India"
            if kind is K.CONSORTIUM and names_itself(doc, si, trig, explicit):
                continue  # "the Central Asian Network of Academic Societies held a meeting": a name
            if kind is K.MEMBERSHIP and (
                _right_before(refs.get("people"), text, trig.start) or PERSON_FIRST.match(text) is not None
            ):
                continue  # "several BIT grads have joined the faculty", "Professor from X joins Y": people
            existing = _right_before(refs.get("existing"), text, trig.start)
            date = None if existing else date_for(doc, text, trig, published)
            if existing and status is not Status.ENDED:
                status = Status.ACTIVE  # "to strengthen the flagship partnership": one already running
            if date is None and since is not None and may_match(since, low) and since.search(text):
                date = last_date_before(doc, si, published)
            if date is None and kind in _DOCUMENTS and status is Status.SIGNED:
                date = (
                    inherited_date(doc, si, all_triggers, published)
                    or event_date(doc, si, published)
                    or during_date(doc, si, published)
                )
            is_generic = bool(generic and may_match(generic, low) and generic.search(text))
            near = text[max(0, trig.start - 20) : trig.end + 5]
            is_anaphora = refers_to_deal and anaphora is not None and anaphora.search(near) is not None
            if is_anaphora and kind in _DOCUMENTS and deal:
                when = date_after(doc, text, trig, published) if status is Status.SIGNED else None
                if when is not None:
                    date_the_deal(doc, out, deal, when, _party)  # "The agreement was signed on Tuesday"
                continue  # "the agreement", "该协议": the deal already recorded
            if (
                kind in _SCOPE
                and (refers_to_deal or (not explicit and _scoped(doc, text, trig)))
                and not _set_up_cue(doc, text, trig)
            ):
                continue  # the scope of a document ("to promote exchange ... and joint research")
            evidence = Evidence(quote=text, published=published)
            if kind is K.MEMBERSHIP:
                out.extend(_membership(doc, si, trig, explicit, status, date, evidence))
                continue
            parties = _clause_parties(doc, si, trig, explicit) if len(explicit) > 2 else list(explicit)
            if subject is not None and subject not in parties and with_list(doc, si, trig, parties, status):
                parties = [subject, *parties]  # "talks on cooperation with X, Y": each with the subject
            if refers_to_deal and kind not in _DOCUMENTS and deal and set(parties) <= set(deal):
                parties = list(deal)  # what a recorded document sets up belongs to its parties
                date = date or deal_date
            elif not parties:
                if (has_pair and pair is not None) or (
                    si > 0 and pair is not None and since is not None and may_match(since, low) and since.search(text)
                ):
                    parties = list(pair)
                elif doc.publisher is not None and (
                    kind in _SINGLE_OK or any(m.kind == "publisher" for m in mentions) or status is Status.PLANNED
                ):
                    parties = [doc.publisher]
                elif subject is not None and kind in _SINGLE_OK and refers_to_subject(doc, text):
                    parties = [subject]  # "The university / It has an office in X" (no publisher given)
                elif not is_generic and lone_document(doc, si, trig, status, subject, deal):
                    # the pair in play ("X and Y launched a programme ... under an agreement signed
                    # in 2021"), else the subject alone
                    parties, is_anaphora = (list(pair) if pair is not None else [subject]), False  # type: ignore[list-item]
            elif len(parties) == 1 and kind is not K.OFFICE:
                other = doc.publisher
                if other is None and parties[0] in marked:
                    other = subject
                if other is not None and other != parties[0] and (not is_generic or parties[0] in marked):
                    parties = [other, parties[0]]
            if not parties:
                continue
            if is_anaphora and len(parties) < 2 and not has_pair:
                continue
            if len(parties) == 1 and kind not in _SINGLE_OK:  # noqa: SIM102
                if is_generic or status not in (Status.SIGNED, Status.PLANNED) or not _explicit_event(doc, text):
                    continue
            if kind is K.OFFICE:
                recs = _offices(doc, si, trig, parties, explicit, status, date, evidence, used_next)
                out.extend(recs)
                continue
            groups = _group_parties(text, parties, trig)
            for group in groups:
                out.append(
                    Partnership(
                        kind=kind,
                        parties=tuple(_party(doc, p) for p in group),
                        status=status,
                        date=date,
                        evidence=(evidence,),
                    )
                )
                if kind in _DOCUMENTS and len(group) >= 2 and not existing:
                    deal = list(group)
                    deal_date = date
        for trig, _obj, set_kind in _set_up(doc, si, triggers):
            if set_kind is None:
                continue
            kind = set_kind
            if len(deal) >= 2 and not any(
                r.kind is kind and set(r.parties) == {_party(doc, p) for p in deal} for r in out
            ):
                st = Status.ACTIVE if _status(doc, si, trig, kind) is Status.ACTIVE else Status.PLANNED
                date = date_for(doc, text, trig, published)
                ev = Evidence(quote=text, published=published)
                out.append(
                    Partnership(
                        kind=kind, parties=tuple(_party(doc, p) for p in deal), status=st, date=date, evidence=(ev,)
                    )
                )
        if len(explicit) == 2:
            pair = (explicit[0], explicit[1])
        doc_trigs = [t for t in triggers if t.kind in _DOCUMENTS]
        if doc_trigs and not any(r.kind in _DOCUMENTS and len(r.parties) >= 2 for r in out[n_before:]):
            pst = _status(doc, si, doc_trigs[0], doc_trigs[0].kind)
            if pst in (Status.SIGNED, Status.PLANNED):
                when = date_for(doc, text, doc_trigs[0], published)
                if when is None and pst is Status.SIGNED:
                    when = event_date(doc, si, published) or during_date(doc, si, published)
                pending = (si, doc_trigs[0], pst, when)
    return _tidy(out)


_Pending = tuple[int, _Trigger, Status, PartialDate | None]


def _signed_later(  # noqa: PLR0917
    doc: Document, si: int, pending: _Pending, explicit: list[int], out: list[Partnership], set_up: list[_Trigger]
) -> list[int]:
    """Record a document stated without parties when sentence ``si`` names its signatories.

    What the document sets up in its own sentence (recorded there with one side only) takes
    the same parties. Returns the parties, or [] when ``si`` does not name them.
    """
    psi, trig, status, date = pending
    if psi != si - 1 or not same_paragraph(doc, psi, si):
        return []
    parties = signatories_of(doc, si, explicit)
    if not parties:
        return []
    first = doc.sentences[psi].text
    ev = (Evidence(quote=first, published=None), Evidence(quote=doc.sentences[si].text, published=None))
    group = tuple(_party(doc, p) for p in parties)
    done: set[PartnershipKind] = set()
    for i, rec in enumerate(out):
        if rec.kind not in _DOCUMENTS and len(rec.parties) == 1 and rec.evidence[0].quote == first:
            out[i] = attrs.evolve(rec, parties=group)
            done.add(rec.kind)
    cue = doc.lex.refs.get("setup")
    for t in set_up:
        if t.kind in done or t.kind in _DOCUMENTS or t.kind is K.MEMBERSHIP or t.start < trig.end or cue is None:
            continue
        if cue.search(first, trig.end, t.end) is not None:
            st = Status.ACTIVE if _status(doc, psi, t, t.kind) is Status.ACTIVE else Status.PLANNED
            out.append(Partnership(kind=t.kind, parties=group, status=st, date=date, evidence=ev))
    out.append(Partnership(kind=trig.kind, parties=group, status=status, date=date, evidence=ev))
    return parties


_CJK_CLAUSE = re.compile(r"[,，;；]")
_CLAUSE = re.compile(r"[;；]")
_HAS_CJK = re.compile(r"[\u3400-\u9fff]")


def _clause_parties(doc: Document, si: int, trig: _Trigger, explicit: list[int]) -> list[int]:
    """The parties named in the trigger's own clause when it names two or more of them
    (Chinese clauses end at commas; others at semicolons), else all of ``explicit``."""
    sent = doc.sentences[si]
    text = sent.text
    sep = _CJK_CLAUSE if _HAS_CJK.search(text) else _CLAUSE
    lo = max((m.end() for m in sep.finditer(text, 0, trig.start)), default=0)
    hi_m = sep.search(text, trig.end)
    hi = hi_m.start() if hi_m else len(text)
    inside = [
        m.entity
        for m in doc.in_sentence(si)
        if m.entity in explicit and lo <= m.start - sent.start and m.end - sent.start <= hi
    ]
    inside = [e for e in dict.fromkeys(inside) if e is not None]
    return inside if len(inside) >= 2 else list(explicit)


_BETWEEN_AFTER = re.compile(r"\s+(?:between|entre|между|zwischen)\s+(?:the\s+|la\s+|le\s+|el\s+)?", re.IGNORECASE)


def _between_countries(doc: Document, si: int, trig: _Trigger) -> bool:
    """True when the trigger is followed by "between" and a country (not an organisation)."""
    sent = doc.sentences[si]
    m = _BETWEEN_AFTER.match(sent.text, trig.end)
    if m is None:
        return False
    pos = sent.start + m.end()
    if any(f.start == pos and f.entity is not None for f in doc.in_sentence(si)):
        return False
    return any(p.start == pos and p.city is None for p in doc.places.get(si, []))


def _right_before(pattern: re.Pattern[str] | None, text: str, pos: int) -> bool:
    """True when a phrase of ``pattern`` ends right before ``pos`` (a space apart at most)."""
    if pattern is None:
        return False
    window = text[max(0, pos - 60) : pos]
    last = None
    for m in pattern.finditer(window):
        last = m
    return last is not None and len(window) - last.end() <= 1


def _set_up_cue(doc: Document, text: str, trig: _Trigger) -> bool:
    cue = doc.lex.refs.get("setup")
    return cue is not None and cue.search(text, max(0, trig.start - 80), trig.start) is not None


def _scoped(doc: Document, text: str, trig: _Trigger) -> bool:
    """True when a scope cue ("including", "such as") comes before the trigger, unless what it
    introduces is a signing ("the visit included the signing of a mobility agreement")."""
    scope = doc.lex.refs.get("scope")
    if scope is None:
        return False
    cue = scope.search(text, 0, trig.start)
    if cue is None:
        return False
    signing = doc.lex.refs.get("ceremony")
    return signing is None or signing.search(text, cue.end(), trig.start) is None


def _explicit_event(doc: Document, text: str) -> bool:
    st = doc.lex.status
    return any(st.get(n) is not None and st[n].search(text) for n in ("signed", "planned"))


def _group_parties(text: str, parties: list[int], trig: _Trigger) -> list[list[int]]:
    if len(parties) <= 2:
        return [parties]
    if _BETWEEN.search(text) and not _PLURAL_DOC.search(text[trig.start : trig.end + 2]):
        return [parties]
    head = parties[0]
    return [[head, p] for p in parties[1:]]


def _membership(  # noqa: PLR0917
    doc: Document, si: int, trig: _Trigger, explicit: list[int], status: Status, date: PartialDate | None, ev: Evidence
) -> list[Partnership]:
    sent = doc.sentences[si]
    pos = sent.start + trig.end
    before = [m.entity for m in doc.in_sentence(si) if m.entity is not None and m.start < pos]
    after = [m.entity for m in doc.in_sentence(si) if m.entity is not None and m.start >= pos]
    before = [e for e in dict.fromkeys(before) if doc.entities[e].kind == "org"]
    after = [e for e in dict.fromkeys(after) if doc.entities[e].kind == "org"]
    listed: list[int] = []
    if sent.ends_with_colon:
        for nxt in doc.sentences[si + 1 :]:
            if not nxt.bullet:
                break
            listed.extend(m.entity for m in doc.in_sentence(nxt.index) if m.entity is not None)
        listed = [e for e in dict.fromkeys(listed) if doc.entities[e].kind == "org"]
    members, orgs = before, after
    colon = sent.text.find(":", trig.end)
    if colon > 0 and not listed:
        inline = [m.entity for m in doc.in_sentence(si) if m.entity is not None and m.start > sent.start + colon]
        if inline and not members:
            members = list(dict.fromkeys(inline))
            orgs = [o for o in orgs if o not in members]
    if listed:
        if members and not orgs:
            orgs = listed
        elif not members:
            members = listed
    if not members and doc.publisher is not None:
        members = [doc.publisher]
    if not orgs:
        assoc = [
            e.id
            for e in doc.entities.values()
            if e.kind == "org"
            and e.id not in members
            and re.search(r"associa|agen|network|union|alliance|consorti", " ".join(e.names), re.I)
        ]
        orgs = assoc[:1]
    out = []
    for org in orgs:
        for member in members:
            if member == org:
                continue
            out.append(
                Partnership(
                    kind=K.MEMBERSHIP,
                    parties=(_party(doc, member), _party(doc, org)),
                    status=Status.ACTIVE if status in (Status.SIGNED, Status.ACTIVE) else status,
                    date=date,
                    evidence=(ev,),
                )
            )
    return out


def _offices(  # noqa: PLR0917
    doc: Document,
    si: int,
    trig: _Trigger,
    parties: list[int],
    explicit: list[int],
    status: Status,
    date: PartialDate | None,
    ev: Evidence,
    used_next: set[int],
) -> list[Partnership]:
    sent = doc.sentences[si]
    spans = [(m.start, m.end) for m in doc.mentions]
    acronym_ends = {m.end for m in doc.in_sentence(si) if m.kind == "acronym"}
    # a place inside a name or right after an acronym ("IIT Madras") is part of the name
    places = [
        p
        for p in doc.places.get(si, [])
        if not any(a <= p.start and p.end <= b for a, b in spans) and p.start - 1 not in acronym_ends
    ]
    text = sent.text
    base = sent.start
    after = [p for p in places if p.start - base >= trig.start]
    if after and len(after) < len(places):
        places = after  # "between Tanzania and India, ... the campus of X in Zanzibar": the office's own place
    if not places and si + 1 < len(doc.sentences):
        nxt = doc.sentences[si + 1]
        nplaces = [p for p in doc.places.get(si + 1, []) if not any(a <= p.start and p.end <= b for a, b in spans)]
        if nplaces and not doc.in_sentence(si + 1):
            places, text, base = nplaces, nxt.text, nxt.start
            ev = Evidence(quote=f"{sent.text} {nxt.text}", published=ev.published)
            used_next.add(si + 1)
            status = Status.ACTIVE if status is not Status.PLANNED else status
    # hosts: organisations the office sits at ("at X", "en la Universidad de X")
    hosted = doc.lex.refs.get("hosted")
    marked = {
        m.entity
        for m in doc.in_sentence(si)
        if m.entity is not None and _marked(hosted, doc.clean.text[sent.start : m.start])
    }
    owners = [p for p in parties if p not in marked]
    subject = _subject(doc, set())
    owner = owners[0] if owners else (subject if subject is not None else parties[0])
    hosts = [e for e in explicit if e != owner][:1]
    named = owner_named(doc, si, trig)
    if named is not None:  # "the campus of X": X owns it; only a marked host sits beside it
        owner, hosts = named, [e for e in explicit if e in marked and e != named][:1]
    party_objs = tuple(_party(doc, p) for p in [owner, *hosts])
    locs = _locations(places, doc.clean.text)
    if not locs:
        return [Partnership(kind=K.OFFICE, parties=party_objs, status=status, date=date, evidence=(ev,))]
    out = []
    own = _place_statuses(doc, si, [pos - base for _, pos in locs], status) if base == sent.start else None
    for k, (loc, pos) in enumerate(locs):
        st = _clause_status(doc, text, pos - base, own[k] if own else status)
        out.append(Partnership(kind=K.OFFICE, parties=party_objs, status=st, date=date, location=loc, evidence=(ev,)))
    return out
