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

from partnerkit._extract._dates import find_dates
from partnerkit._extract._document import Document, Found
from partnerkit._extract._places import Place
from partnerkit._model import Evidence, Location, PartialDate, Partnership, PartnershipKind, Party, Status

__all__ = ["find_partnerships"]

K = PartnershipKind
_DOCUMENTS = frozenset({K.AGREEMENT, K.MOU, K.STRATEGIC_PARTNERSHIP})
_SINGLE_OK = frozenset({K.OFFICE, K.CONSORTIUM, K.MEMBERSHIP})
_BETWEEN = re.compile(r"\b(?:between|entre|между|zwischen)\b", re.IGNORECASE)
_PLURAL_DOC = re.compile(
    r"(?:agreements|memorand(?:a|ums)|mous|pacts|соглашения|меморандумы|convenios|acuerdos|协议)", re.I
)


@attrs.frozen
class _Trigger:
    kind: PartnershipKind
    start: int
    end: int


def _triggers(doc: Document, sent_text: str) -> list[_Trigger]:
    found: list[_Trigger] = []
    for kind, pattern in doc.lex.kinds.items():
        for m in pattern.finditer(sent_text):
            if m.end() == m.start():
                continue
            if any(t.start < m.end() and m.start() < t.end for t in found):
                continue
            found.append(_Trigger(kind, m.start(), m.end()))
    found.sort(key=lambda t: t.start)
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


def _status(doc: Document, text: str, trig: _Trigger, kind: PartnershipKind) -> Status | None:
    """The status the sentence gives (closest cue to the trigger), or None for a hedge."""
    st = doc.lex.status
    cues: list[tuple[int, str]] = []
    for name in ("negotiating", "planned", "signed", "ended", "active", "hedge"):
        pat = st.get(name)
        if pat is None:
            continue
        for m in pat.finditer(text):
            dist = min(abs(m.start() - trig.end), abs(trig.start - m.end()))
            cues.append((dist, name))
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


def _date_for(doc: Document, text: str, trig: _Trigger, published: PartialDate | None) -> PartialDate | None:
    hits = find_dates(text, doc.lex, published)
    if not hits:
        return None
    best = min(hits, key=lambda h: min(abs(h.start - trig.end), abs(trig.start - h.end)))
    return best.date


def _party(doc: Document, ent_id: int) -> Party:
    ent = doc.entities[ent_id]
    inst = ent.institution
    return Party(ent.best, institution_id=inst.id if inst is not None else None)


def find_partnerships(doc: Document, published: PartialDate | None) -> list[Partnership]:
    out: list[Partnership] = []
    sents = doc.sentences
    pair: tuple[int, int] | None = None
    prev_date: PartialDate | None = None
    used_next: set[int] = set()
    for si, sent in enumerate(sents):
        text = sent.text
        mentions = doc.in_sentence(si)
        explicit = []
        for m in mentions:
            if m.entity is None or m.kind == "pair":
                continue
            ent = doc.entities[m.entity]
            if ent.kind != "org" or _excluded(doc, sent.start, text, m):
                continue
            if m.entity not in explicit:
                explicit.append(m.entity)
        has_pair = any(m.kind == "pair" for m in mentions)
        triggers = [] if si in used_next else _triggers(doc, text)
        sent_date_hits = find_dates(text, doc.lex, published)
        for trig in triggers:
            kind = trig.kind
            status = _status(doc, text, trig, kind)
            if status is None:
                continue
            date = _date_for(doc, text, trig, published)
            since = doc.lex.dates.get("since_then")
            if date is None and since is not None and since.search(text):
                date = prev_date
            generic = doc.lex.refs.get("generic")
            is_generic = bool(generic and generic.search(text))
            anaphora = doc.lex.refs.get("anaphora")
            is_anaphora = bool(anaphora and anaphora.search(text[max(0, trig.start - 20) : trig.end + 5]))
            evidence = Evidence(quote=text, published=published)
            if kind is K.MEMBERSHIP:
                out.extend(_membership(doc, si, trig, explicit, status, date, evidence))
                continue
            parties = list(explicit)
            if not parties:
                if (has_pair and pair is not None) or (
                    si > 0 and pair is not None and since is not None and since.search(text)
                ):
                    parties = list(pair)
                elif doc.publisher is not None and (
                    kind in _SINGLE_OK or any(m.kind == "publisher" for m in mentions) or status is Status.PLANNED
                ):
                    parties = [doc.publisher]
            elif len(parties) == 1 and doc.publisher is not None and parties[0] != doc.publisher:  # noqa: SIM102
                if kind is not K.OFFICE and not is_generic:
                    parties = [doc.publisher, parties[0]]
            if not parties:
                continue
            if is_anaphora and len(explicit) < 2 and not has_pair:
                continue
            if len(parties) == 1 and kind not in _SINGLE_OK:  # noqa: SIM102
                if is_generic or status not in (Status.SIGNED, Status.PLANNED) or not _explicit_event(doc, text):
                    continue
            if len(parties) == 1 and is_generic and kind is not K.OFFICE:
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
        if len(explicit) == 2:
            pair = (explicit[0], explicit[1])
        if sent_date_hits:
            prev_date = sent_date_hits[-1].date
    return _dedupe(out)


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
    owner = parties[0]
    hosts = [e for e in explicit if e != owner][:1]
    party_objs = tuple(_party(doc, p) for p in [owner, *hosts])
    locs = _locations(places)
    if not locs:
        return [Partnership(kind=K.OFFICE, parties=party_objs, status=status, date=date, evidence=(ev,))]
    out = []
    for loc, pos in locs:
        st = _clause_status(doc, text, pos - base, status)
        out.append(Partnership(kind=K.OFFICE, parties=party_objs, status=st, date=date, location=loc, evidence=(ev,)))
    return out


def _locations(places: list[Place]) -> list[tuple[Location, int]]:
    out: list[tuple[Location, int]] = []
    i = 0
    while i < len(places):
        p = places[i]
        if p.city is not None:
            country = p.country
            if i + 1 < len(places) and places[i + 1].city is None and places[i + 1].country == p.country:
                i += 1
            out.append((Location(city=p.city, country=country), p.start))
        elif not any(loc.country == p.country for loc, _ in out):
            out.append((Location(country=p.country), p.start))
        i += 1
    # a country already covered by one of its cities is not a second office
    cities = {loc.country for loc, _ in out if loc.city}
    return [(loc, pos) for loc, pos in out if loc.city or loc.country not in cities]


def _family(kind: PartnershipKind) -> str:
    if kind in _DOCUMENTS:
        return "document"
    if kind in (K.JOINT_PROGRAMME, K.DOUBLE_DEGREE):
        return "programme"
    return kind.value


def _dedupe(records: list[Partnership]) -> list[Partnership]:
    """Records of one text about the same thing become one, with all their evidence."""
    out: list[Partnership] = []
    for rec in records:
        key = frozenset(p.name for p in rec.parties)
        for i, old in enumerate(out):
            if old.kind != rec.kind or frozenset(p.name for p in old.parties) != key:
                continue
            if old.date and rec.date and not old.date.overlaps(rec.date):
                continue
            if old.location and rec.location and old.location != rec.location:
                continue
            evidence = old.evidence + tuple(e for e in rec.evidence if e not in old.evidence)
            out[i] = attrs.evolve(
                old, date=old.date or rec.date, location=old.location or rec.location, evidence=evidence
            )
            break
        else:
            out.append(rec)
    # an office without a place is dropped when the same owner has one with a place
    return [
        r
        for r in out
        if not (
            r.kind is K.OFFICE
            and r.location is None
            and any(o.kind is K.OFFICE and o.location and o.parties[0] == r.parties[0] for o in out)
        )
    ]
