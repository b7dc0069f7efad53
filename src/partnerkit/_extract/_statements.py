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

from partnerkit._extract._dates import DateHit, find_dates
from partnerkit._extract._document import Document, Found
from partnerkit._extract._lexicon import may_match
from partnerkit._extract._tidy import DOCUMENTS as _DOCUMENTS
from partnerkit._extract._tidy import locations as _locations
from partnerkit._extract._tidy import tidy as _tidy
from partnerkit._model import Evidence, PartialDate, Partnership, PartnershipKind, Party, Status

__all__ = ["find_partnerships"]

K = PartnershipKind
_SINGLE_OK = frozenset({K.OFFICE, K.CONSORTIUM, K.MEMBERSHIP})
_DET_TAIL = re.compile(r"\s*(?:(?:the|la|le|el|les|los|las|der|die|dem|den|des)\s+|l['’])?\s*", re.IGNORECASE)
_SCOPE = frozenset({K.EXCHANGE, K.RESEARCH_PROJECT, K.JOINT_PROGRAMME})
_BETWEEN = re.compile(r"\b(?:between|entre|между|zwischen)\b", re.IGNORECASE)
_PLURAL_DOC = re.compile(
    r"(?:agreements|memorand(?:a|ums)|mous|pacts|соглашения|меморандумы|convenios|acuerdos|协议)", re.I
)


@attrs.frozen
class _Trigger:
    kind: PartnershipKind
    start: int
    end: int


def _triggers(doc: Document, si: int) -> list[_Trigger]:
    found: list[_Trigger] = []
    sent_text = doc.sentences[si].text
    low = doc.low(si)
    for kind, pattern in doc.lex.kinds.items():
        if not may_match(pattern, low):
            continue
        for m in pattern.finditer(sent_text):
            if m.end() == m.start():
                continue
            if any(t.start < m.end() and m.start() < t.end for t in found):
                continue
            found.append(_Trigger(kind, m.start(), m.end()))
    found.sort(key=lambda t: t.start)
    # "the International Flagship Partnership Research Grant program": a capitalised trigger
    # that runs straight into another (non-document) trigger names that object, not its own kind.
    found = [
        t
        for t in found
        if not (
            sent_text[t.start : t.start + 1].isupper()
            and any(
                o.kind not in _DOCUMENTS and o.kind != t.kind and o.start - t.end == 1 and sent_text[o.start].isupper()
                for o in found
            )
        )
    ]
    # One record per kind and sentence; scope lists inside a document get none of their own.
    out: list[_Trigger] = []
    docs = [t for t in found if t.kind in _DOCUMENTS]
    scope = doc.lex.refs.get("scope")
    for t in found:
        if any(o.kind == t.kind for o in out):
            continue
        if t.kind in (K.EXCHANGE, K.RESEARCH_PROJECT, K.JOINT_PROGRAMME) and docs and scope is not None:
            before = sent_text[docs[0].end : t.start]
            if t.start > docs[0].start and scope.search(before):
                continue
        out.append(t)
    return out


def _status_cues(doc: Document, si: int) -> list[tuple[int, int, str]]:
    """Every status cue of sentence ``si``: (start, end, status name), read once per sentence."""
    got = doc.cue_cache.get(si)
    if got is None:
        st = doc.lex.status
        text = doc.sentences[si].text
        low = doc.low(si)
        got = []
        for name in ("negotiating", "planned", "signed", "ended", "active", "hedge"):
            pat = st.get(name)
            if pat is None or not may_match(pat, low):
                continue
            got.extend((m.start(), m.end(), name) for m in pat.finditer(text))
        doc.cue_cache[si] = got
    return got


def _status(doc: Document, si: int, trig: _Trigger, kind: PartnershipKind) -> Status | None:
    """The status the sentence gives (closest cue to the trigger), or None for a hedge."""
    cues = [(min(abs(s - trig.end), abs(trig.start - e)), name) for s, e, name in _status_cues(doc, si)]
    names = {n for _, n in cues}
    if "negotiating" in names:
        return Status.NEGOTIATING
    if "hedge" in names and not ({"signed"} & names):
        return None
    cues.sort()
    for _dist, name in cues:
        if name in ("planned", "signed", "ended"):
            return Status(name)
        if name == "active":
            return Status.ACTIVE
    return Status.SIGNED if kind in _DOCUMENTS else Status.ACTIVE


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


def _dates_in(doc: Document, text: str, published: PartialDate | None) -> list[DateHit]:
    hits = doc.date_cache.get(text)
    if hits is None:
        hits = doc.date_cache[text] = find_dates(text, doc.lex, published)
    return hits


def _last_date_before(doc: Document, si: int, published: PartialDate | None) -> PartialDate | None:
    """The last date stated before sentence ``si`` ("since then" refers to it)."""
    for j in range(si - 1, -1, -1):
        hits = _dates_in(doc, doc.sentences[j].text, published)
        if hits:
            return hits[-1].date
    return None


def _inherited_date(
    doc: Document, si: int, triggers: dict[int, list[_Trigger]], published: PartialDate | None
) -> PartialDate | None:
    """A date the previous sentence of the paragraph gives, when it states nothing of its own."""
    if si == 0 or _dates_in(doc, doc.sentences[si].text, published) or triggers.get(si - 1):
        return None
    if not _same_paragraph(doc, si - 1, si):
        return None
    hits = _dates_in(doc, doc.sentences[si - 1].text, published)
    return hits[-1].date if hits else None


def _date_for(doc: Document, text: str, trig: _Trigger, published: PartialDate | None) -> PartialDate | None:
    hits = _dates_in(doc, text, published)
    reported = doc.lex.dates.get("reported")
    if reported is not None:
        # "announced this Friday", "reported Kazinform on April 24": the date of the news, not of the deal
        hits = [h for h in hits if not _right_after_report(reported, text, h.start)]
    if not hits:
        return None
    best = min(hits, key=lambda h: min(abs(h.start - trig.end), abs(trig.start - h.end)))
    return best.date


_REPORT_GAP = re.compile(r"\s*(?:\w+\s+)?(?:on|este|esta|el|le|ce|в|во|am|at)?\s*$", re.IGNORECASE)


def _right_after_report(pattern: re.Pattern[str], text: str, pos: int) -> bool:
    window = text[max(0, pos - 30) : pos]
    return any(_REPORT_GAP.fullmatch(window, m.end()) for m in pattern.finditer(window))


def _party(doc: Document, ent_id: int) -> Party:
    ent = doc.entities[ent_id]
    inst = ent.institution
    return Party(ent.best, institution_id=inst.id if inst is not None else None)


_SETUP_HEADS = re.compile(
    r"institut|институт|cent(?:er|re|ro)|zentrum|центр|laborator|лаборатор|研究院|研究所|中心|实验室",
    re.IGNORECASE,
)
_OFFICE_HEADS = re.compile(r"office|campus|branch|представительств|филиал|oficina|sede|bureau|büro|代表处|分校", re.I)


def _set_up(doc: Document, si: int, triggers: list[_Trigger]) -> list[tuple[_Trigger, int, PartnershipKind]]:
    """What a document of the sentence sets up: "agreement on the creation of the X Institute"."""
    cue = doc.lex.refs.get("setup")
    sent = doc.sentences[si]
    out: list[tuple[_Trigger, int, PartnershipKind]] = []
    if cue is None:
        return out
    for t in triggers:
        if t.kind not in _DOCUMENTS:
            continue
        m = cue.search(sent.text, t.end, t.end + 40)
        if m is None:
            continue
        for f in doc.in_sentence(si):
            if f.entity is None or f.start - sent.start < m.end() or f.start - sent.start > m.end() + 120:
                continue
            name = doc.entities[f.entity].best
            if _OFFICE_HEADS.search(name):
                out.append((t, f.entity, K.OFFICE))
            elif _SETUP_HEADS.search(name):
                out.append((t, f.entity, K.JOINT_LAB))
            else:
                continue
            break
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
    return out


def _marked(pattern: re.Pattern[str] | None, before: str) -> bool:
    """True when ``before`` (the text up to a mention) ends with a phrase of ``pattern``."""
    if pattern is None:
        return False
    tail = before[-40:]
    return any(_DET_TAIL.fullmatch(tail, m.end()) is not None for m in pattern.finditer(tail))


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


def _same_paragraph(doc: Document, a: int, b: int) -> bool:
    text = doc.clean.text
    return "\n" not in text[doc.sentences[a].end : doc.sentences[b].start]


def find_partnerships(doc: Document, published: PartialDate | None) -> list[Partnership]:
    out: list[Partnership] = []
    sents = doc.sentences
    any_kind = doc.lex.any_kind
    all_triggers = {
        si: (_triggers(doc, si) if any_kind is None or may_match(any_kind, doc.low(si)) else [])
        for si in range(len(sents))
    }
    objects = _objects(doc, all_triggers)
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
            if _marked(partner_cue, text[: m.start - sent.start]):
                marked.add(m.entity)
            if m.entity not in explicit:
                explicit.append(m.entity)
        between = _between(doc, si, objects)
        if between:
            explicit = between
        has_pair = any(m.kind == "pair" for m in mentions)
        triggers = [] if si in used_next else all_triggers[si]
        low = doc.low(si)
        refers_to_deal = bool(anaphora and may_match(anaphora, low) and anaphora.search(text))
        for trig in triggers:
            kind = trig.kind
            status = _status(doc, si, trig, kind)
            if status is None:
                continue
            window = text[max(0, trig.start - 60) : trig.end + 60]
            if countries is not None and countries.search(window) and (kind not in _DOCUMENTS or len(explicit) < 2):
                continue
            if _between_countries(doc, si, trig):
                continue  # "the strategic partnership between Tanzania and India"
            if kind is K.MEMBERSHIP and _right_before(refs.get("people"), text, trig.start):
                continue  # "several BIT grads have joined the faculty": people, not members
            existing = _right_before(refs.get("existing"), text, trig.start)
            date = None if existing else _date_for(doc, text, trig, published)
            if existing and status is not Status.ENDED:
                status = Status.ACTIVE  # "to strengthen the flagship partnership": one already running
            if date is None and since is not None and may_match(since, low) and since.search(text):
                date = _last_date_before(doc, si, published)
            if date is None and kind in _DOCUMENTS and status is Status.SIGNED:
                date = _inherited_date(doc, si, all_triggers, published)
            is_generic = bool(generic and may_match(generic, low) and generic.search(text))
            near = text[max(0, trig.start - 20) : trig.end + 5]
            is_anaphora = refers_to_deal and anaphora is not None and anaphora.search(near) is not None
            if is_anaphora and kind in _DOCUMENTS and deal:
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
        for trig, _obj, kind in _set_up(doc, si, triggers):
            if len(deal) >= 2 and not any(
                r.kind is kind and set(r.parties) == {_party(doc, p) for p in deal} for r in out
            ):
                st = Status.ACTIVE if _status(doc, si, trig, kind) is Status.ACTIVE else Status.PLANNED
                date = _date_for(doc, text, trig, published)
                ev = Evidence(quote=text, published=published)
                out.append(
                    Partnership(
                        kind=kind, parties=tuple(_party(doc, p) for p in deal), status=st, date=date, evidence=(ev,)
                    )
                )
        if len(explicit) == 2:
            pair = (explicit[0], explicit[1])
    return _tidy(out)


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
    scope = doc.lex.refs.get("scope")
    return scope is not None and scope.search(text, 0, trig.start) is not None


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


def _clause_status(doc: Document, text: str, pos: int, default: Status) -> Status:
    # the clause around ``pos`` (between , ; ( ) ) may carry its own status
    left = max(text.rfind(c, 0, pos) for c in ",;()")
    right_candidates = [i for i in (text.find(c, pos) for c in ",;()") if i >= 0]
    right = min(right_candidates) if right_candidates else len(text)
    clause = text[left + 1 : right]
    neg = doc.lex.status.get("negotiating")
    if neg is not None and neg.search(clause):
        return Status.NEGOTIATING
    return default if default is not Status.NEGOTIATING else Status.ACTIVE


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
    places = [p for p in doc.places.get(si, []) if not any(a <= p.start and p.end <= b for a, b in spans)]
    text = sent.text
    base = sent.start
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
    party_objs = tuple(_party(doc, p) for p in [owner, *hosts])
    locs = _locations(places, doc.clean.text)
    if not locs:
        return [Partnership(kind=K.OFFICE, parties=party_objs, status=status, date=date, evidence=(ev,))]
    out = []
    for loc, pos in locs:
        st = _clause_status(doc, text, pos - base, status)
        out.append(Partnership(kind=K.OFFICE, parties=party_objs, status=st, date=date, location=loc, evidence=(ev,)))
    return out
