"""What a statement sets up or creates ("the creation of the X Institute", "汉学研究中心"):
objects of the statement, never its parties; likewise the name a consortium word is given ("the
X consortium", "the consortium, called X"), no member of it."""

from __future__ import annotations

import re

from partnerkit._extract._document import Document
from partnerkit._extract._lexicon import may_match
from partnerkit._extract._tidy import DOCUMENTS as _DOCUMENTS
from partnerkit._extract._triggers import Trigger as _Trigger
from partnerkit._model import PartnershipKind

__all__ = ["called", "founded_by", "named_after", "named_before", "named_objects", "objects", "set_up"]

K = PartnershipKind


_SETUP_HEADS = re.compile(
    r"institut|институт|cent(?:er|re|ro)|zentrum|центр|laborator|лаборатор|研究院|研究所|中心|实验室",
    re.IGNORECASE,
)

_OFFICE_HEADS = re.compile(r"office|campus|branch|представительств|филиал|oficina|sede|bureau|büro|代表处|分校", re.I)


def set_up(doc: Document, si: int, triggers: list[_Trigger]) -> list[tuple[_Trigger, int, PartnershipKind | None]]:
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


def objects(doc: Document, triggers: dict[int, list[_Trigger]]) -> set[int]:
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
                defined = m.kind == "acronym" and _OPEN_BRACKET.fullmatch(doc.sentences[si].text[t.end : s]) is not None
                if inside or (defined and t.kind is not K.MEMBERSHIP):
                    out.add(m.entity)
                if inside:
                    # a list of such bodies ("设海洋科学研究中心、精准医学研究中心和智能计算研究中心"): each one
                    # ending in the trigger's words is an object too, not a party
                    out.update(_alike(doc, si, doc.sentences[si].text[t.start : t.end]))
        out.update(ent for _t, ent, _k in set_up(doc, si, trigs))
        if trigs:
            out.update(_created(doc, si))
    return out


def _alike(doc: Document, si: int, words: str) -> set[int]:
    """The entities of a sentence whose mention ends in ``words`` (a trigger's, cased or not)."""
    text, base, key = doc.sentences[si].text, doc.sentences[si].start, words.casefold()
    return {
        m.entity
        for m in doc.in_sentence(si)
        if m.entity is not None and m.kind == "name" and text[: m.end - base].casefold().endswith(key)
    }


_OPEN_BRACKET = re.compile(r"\s*\(\s*")
# between a name and what follows it as an apposition: an acronym in brackets, a comma
# a network's name ("The Baltic Sea Climate Network (BSCN) was launched ... by A, B and C": a consortium of A, B, C)
_NETWORK_HEADS = re.compile(
    r"\b(?:network|alliance|consortium|association|league|red|alianza|consorcio|asociaci[oó]n|r[ée]seau|alliance"
    r"|netzwerk|verbund|allianz)\b",
    re.IGNORECASE,
)
_APPOSITION_GAP = re.compile(r"[\s)]*(?:\([^()]{1,20}\)\s*)?,?\s*")  # (") " after an acronym in brackets)
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


# Words that do not tell one institution from another ("University of X": X tells).
_PLAIN = frozenset(
    """university universities universität universidad université universidade università of the and for de del
    la le des du institute institut instituto college academy school state national technology
    technological polytechnic research""".split()  # noqa: SIM905
)
_TOKENS = re.compile(r"[^\W_]+")
_UNIVERSITY_HEAD = re.compile(r"universit|universidad|университет|大学", re.IGNORECASE)
# (the place of the one before may come between: "A, B in Sendai and C")
_JOINED = re.compile(
    r"(?:\s+(?:in|at|en|à|in)\s+(?-i:[A-ZÀ-Ý])[\w-]+)?\s*(?:,|and|y|et|und|и|&|与|和)?\s*(?:(?:the|la|el|los|las|le|les|der|die|dem|den)\s+|l['’])?$",
    re.IGNORECASE,
)


def _orgs(doc: Document, si: int) -> list[tuple[int, int, int]]:
    """(entity, start, end) of every organisation named in sentence ``si`` (document offsets)."""
    return [
        (m.entity, m.start, m.end)
        for m in doc.in_sentence(si)
        if m.entity is not None and m.kind not in ("pair", "publisher") and doc.entities[m.entity].kind == "org"
    ]


def named_after(doc: Document, si: int) -> list[tuple[int, list[int]]]:
    """Institutes and centres named after two institutions of the sentence ("the Sichuan
    University-Pittsburgh Institute"): a joint lab of the two, (object, parties) each."""
    if not (may_match(_SETUP_HEADS, doc.low(si)) and _SETUP_HEADS.search(doc.sentences[si].text)):
        return []  # (the literal test first: the search tries every position of the sentence)
    orgs = _orgs(doc, si)
    if len({e for e, _s, _e in orgs}) < 3:
        return []
    out: list[tuple[int, list[int]]] = []
    ids = list(dict.fromkeys(e for e, _s, _e in orgs))
    for cand in ids:
        best = doc.entities[cand].best
        if not _SETUP_HEADS.search(best):
            continue
        words = set(_TOKENS.findall(best.casefold()))
        parts = []
        for other in ids:
            ent = doc.entities[other]
            # by its name or its acronym ("the KazNARU-Wageningen Institute" of "... University (KazNARU)")
            if other != cand and any(_names_part(words, n) for n in (ent.best, *ent.acronyms)):
                parts.append(other)
        if len(parts) >= 2:
            out.append((cand, parts[:2]))
    return out


def _names_part(words: set[str], name: str) -> bool:
    """True when the telling words of ``name`` are some, not all, of ``words`` (a body's name)."""
    own = set(_TOKENS.findall(name.casefold())) - _PLAIN
    return bool(own) and own <= words and not own >= words - _PLAIN


def founded_by(doc: Document, si: int) -> list[tuple[int, list[int], PartnershipKind, int]]:
    """ "X, founded in 2016 by A and B": (X, [A, B], kind, end of the cue in the sentence); a
    university so founded is `other`, an institute or centre a joint lab, a network ("X was
    launched in Kiel by A, B and C") a consortium of its founders."""
    cue = doc.lex.refs.get("founded")
    if cue is None or not may_match(cue, doc.low(si)):
        return []
    sent = doc.sentences[si]
    orgs = _orgs(doc, si)
    out: list[tuple[int, list[int], PartnershipKind, int]] = []
    for m in cue.finditer(sent.text):
        before = [o for o in orgs if o[2] - sent.start <= m.start()]
        if not before or not _APPOSITION_GAP.fullmatch(sent.text[before[-1][2] - sent.start : m.start()]):
            continue
        obj = before[-1][0]
        name = doc.entities[obj].best
        kind = (
            K.OTHER
            if _UNIVERSITY_HEAD.search(name)
            else K.JOINT_LAB
            if _SETUP_HEADS.search(name)
            else K.CONSORTIUM
            if _NETWORK_HEADS.search(name)
            else None
        )
        if kind is None:
            continue
        parties: list[int] = []
        last = m.end()
        for ent, s, e in orgs:
            if s - sent.start < last:
                continue
            if not _JOINED.fullmatch(sent.text[last : s - sent.start]) or ent == obj:
                break
            if ent not in parties:
                parties.append(ent)
            last = e - sent.start
        if len(parties) >= 2:
            out.append((obj, parties, kind, m.end()))
    return out


def named_objects(doc: Document, si: int) -> list[tuple[int, list[int], PartnershipKind, int]]:
    """Joint bodies a sentence names with their founders: "the X University-Y Institute",
    "Z University, founded in 2016 by X and Y"."""
    if len(doc.in_sentence(si)) < 3:
        return []  # (a body and two founders: three mentions at least)
    named = [(ent, parts, K.JOINT_LAB, 0) for ent, parts in named_after(doc, si)]
    return named + founded_by(doc, si)


def named_before(doc: Document, si: int, trig: _Trigger) -> int | None:
    """The entity named right before a consortium word ("the DIGITEACH consortium"): its own name."""
    sent = doc.sentences[si]
    for x in doc.in_sentence(si):
        if x.entity is not None and x.end - sent.start == trig.start - 1 and sent.text[trig.start - 1] == " ":
            return x.entity
    return None


# "the consortium, called X," / "named X" / "llamado X" / "appelé X" / "namens X": X is its name
_CALLED = re.compile(
    r"[,\s]*(?:(?:which is |now |to be )?(?:called|named|known as|dubbed)|(?:llamad|denominad|bautizad)[oa]"
    r"|appel[ée]e?|nomm[ée]e?|baptis[ée]e?|genannt|namens|mit dem namen|под названием|названн\w+)"
    r"\s+(?:the\s+)?[\"“«„]?",
    re.IGNORECASE,
)


def called(doc: Document, si: int, trig: _Trigger) -> set[int]:
    """The entity named right after a consortium word by "called X" (its own name, no member)."""
    sent = doc.sentences[si]
    m = _CALLED.match(sent.text, trig.end)
    if m is None:
        return set()
    return {x.entity for x in doc.in_sentence(si) if x.entity is not None and x.start - sent.start == m.end()}
