"""The parties of a statement: the organisations a sentence names as such (not as context),
those of a "between X and Y" phrase or of the trigger's own clause, and the text's subject."""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence

from partnerkit._extract._clauses import clause_span, joins
from partnerkit._extract._cues import right_before
from partnerkit._extract._document import Document, Found
from partnerkit._extract._lexicon import lowered, may_match
from partnerkit._extract._text import CJK
from partnerkit._extract._triggers import Trigger as _Trigger
from partnerkit._model import PartnershipKind, Party

__all__ = [
    "about_subject",
    "apposed_membership",
    "between",
    "clause_parties",
    "excluded",
    "group_parties",
    "names_none",
    "office_owners",
    "pair_list",
    "party",
    "subject",
]


_BETWEEN = re.compile(r"\b(?:between|entre|между|zwischen)\b", re.IGNORECASE)

# where a "between" list ends: a comma before a lower-case word (not "and"), ";", ":", a stop
_BETWEEN_END = re.compile(r",\s+(?!(?:and|y|et|und|и)\b)[a-zà-ÿа-яё]|;|:|\.\s")
_PLURAL_DOC = re.compile(
    r"(?:agreements|memorand(?:a|ums)|mous|pacts|соглашения|меморандумы|convenios|acuerdos|协议)", re.I
)


def excluded(doc: Document, sent_start: int, text: str, m: Found, *, network: bool = False) -> bool:
    """Mentions named as context ("within the framework of X", "close to X") or as a funder
    ("X approved a grant", see :func:`_funder`) are not parties. With ``network`` (the parties of a
    membership), a funder right after a membership trigger stays: it is the network ("membres de
    l'X, qui a soutenu le programme")."""
    ctx = doc.lex.refs.get("context")
    if ctx is None:
        return False
    at = _named_before(text, m.start - sent_start)
    before = text[max(0, at - 45) : at]
    hit = None
    for c in ctx.finditer(before):
        hit = c
    return (
        (hit is not None and len(before) - hit.end() <= 6)
        or (_funder(doc, sent_start, text, m) and not (network and _member_of(doc, text, at)))
        or apposed_membership(text, m.start - sent_start, m.end - sent_start)
        or _apposed_unit(doc, sent_start, text, m)
    )


# the words a name in front of an acronym in brackets may have: capitalised ones and these
_NAME_JOINERS = frozenset(
    (
        "of",
        "for",
        "and",
        "on",
        "in",
        "de",
        "des",
        "du",
        "la",
        "le",
        "di",
        "del",
        "y",
        "et",
        "e",
        "für",
        "der",
        "und",
        "и",
    )
)
_OPEN_BRACKET = re.compile(r"\(\s*$")
_WORD = re.compile(r"[^\s()]+")


def _named_before(text: str, pos: int) -> int:
    """Where the name in front of an acronym in brackets at ``pos`` starts ("fördert der Deutsche
    Akademische Austauschdienst (DAAD)": at "Deutsche"), or ``pos`` when it is in no brackets:
    a cue before the name is a cue before its acronym."""
    if _OPEN_BRACKET.search(text, max(0, pos - 3), pos) is None:
        return pos
    name: list[re.Match[str]] = []
    for w in reversed(list(_WORD.finditer(text, max(0, pos - 120), pos))[-10:]):
        if not (w.group()[:1].isupper() or w.group().lower() in _NAME_JOINERS):
            break
        name.insert(0, w)
    while name and not name[0].group()[:1].isupper():
        name.pop(0)  # (a name opens on a capital: "fördert der Deutsche ...", not on "der")
    return name[0].start() if name else pos


def _member_of(doc: Document, text: str, pos: int) -> bool:
    """True when a membership trigger ends right before ``pos`` ("membres de l'X, qui a soutenu ...":
    X is the network of a membership the sentence tells, a party even when it funds something)."""
    return right_before(doc.lex.kinds.get(PartnershipKind.MEMBERSHIP), text, pos, gap=6)


# "avec Grenoble INP - UGA, l'institut d'ingénierie et de management de l'Université X", "with Vexa
# Tech, the engineering school of Corvane University": a unit of the organisation named after it
_UNIT_OF = re.compile(
    r"[^,;.()]{0,15},\s+(?:l['’]|le |la |the |an? |its |el |die |das |der )?(?:[\w'’-]+\s+){0,2}"
    r"(?:institut[eo]?|école|escuela|faculté|facultad|fakultät|school|faculty|college|department|"
    r"laboratory|laboratoire|laboratorio|centre|center|centro)\b[^,;.()]{0,60}?"
    r"(?:\bof(?: the)?|\bde l['’]|\bde la|\bdu|\bdel|\bde|\bder|\bdes)\s*",
    re.IGNORECASE,
)


def _apposed_unit(doc: Document, sent_start: int, text: str, m: Found) -> bool:
    """True for a name followed by an apposition saying it is an institute, school or faculty of
    another organisation named right after: that organisation is the party, not its unit."""
    if m.entity is None:
        return False
    for n in doc.in_sentence(m.sentence):
        if n.start <= m.end or n.entity in (None, m.entity) or n.start - m.end > 120:
            continue
        if doc.entities[n.entity].kind == "org" and _UNIT_OF.fullmatch(text, m.end - sent_start, n.start - sent_start):
            return True
    return False


# "A, an N member since 2015, and B will ...": N names what A belongs to, no party of the deal
_APPOSED_BEFORE = re.compile(
    r",\s+(?:also\s+|itself\s+)?(?:an?|one|the)\s+(?:(?:founding|full|associate|longstanding|long-standing)\s+)?$",
    re.IGNORECASE,
)
_APPOSED_AFTER = re.compile(r"\s+members?\b(?!\s+(?:of|universit|institution))", re.IGNORECASE)


def apposed_membership(text: str, start: int, end: int) -> bool:
    """True for a name in an apposition telling a membership ("the University of X, an N member
    since ...", "X, a founding N member,"): the network is context, not a party of the deal."""
    return bool(_APPOSED_AFTER.match(text, end) and _APPOSED_BEFORE.search(text, max(0, start - 40), start))


def _low(doc: Document, text: str, m: Found) -> str | None:
    """``text`` (the sentence of ``m``) lowered, as :func:`may_match` reads it."""
    return doc.low(m.sentence) if doc.sentences[m.sentence].text is text else lowered(text)


# what may stand between a mention and a cue right after it: an acronym in brackets (or the end of
# the brackets the mention is in: "von der X-Gemeinschaft (XG) gefördert"), commas
_GAP = re.compile(r"\)?(?:\s*\([^()]{1,20}\))?[\s,]*")
# "X and Y fund ...": what joins a mention to the next one
_AND_NEXT = re.compile(r"\s*(?:,\s*)?(?:(?:and|y|et|und|и)\s+(?:the\s+)?|和|与|及)\s*$", re.I)


def _funder(doc: Document, sent_start: int, text: str, m: Found) -> bool:
    """A mention the words right after it make a funder or sponsor ("X approved a grant", "X, which
    funds ...", "由X和Y资助"), alone or joined by "and" to one."""
    after_cue = doc.lex.refs.get("context_after")
    if after_cue is None:
        return False
    if not may_match(after_cue, _low(doc, text, m)):
        return False  # (the sentence lacks every literal of the cue: no funder in it)

    def right_after(pos: int) -> bool:
        hit = after_cue.search(text, pos, pos + 80)
        return hit is not None and _GAP.fullmatch(text, pos, hit.start()) is not None

    if right_after(m.end - sent_start):
        return True
    nxt = next((f for f in doc.in_sentence(m.sentence) if f.start >= m.end and f.entity is not None), None)
    return (
        nxt is not None
        and _AND_NEXT.match(text[m.end - sent_start : nxt.start - sent_start]) is not None
        and right_after(nxt.end - sent_start)
    )


def party(doc: Document, ent_id: int) -> Party:
    ent = doc.entities[ent_id]
    inst = ent.institution
    return _party(ent.best, inst.id if inst is not None else None)


@functools.lru_cache(maxsize=4096)
def _party(name: str, institution_id: str | None) -> Party:
    """One (frozen) Party per name and id: a record per trigger names the same few parties."""
    return Party(name, institution_id=institution_id)


# what joins the two sides of one pair in a list of pairs ("A (AA) and the B", "A with B")
_PAIR_JOIN = re.compile(r"[)\]]?,?\s+(?:and|with|y|et|und|и|&)\s+(?:(?:the|la|le|el|l['’])\s*)?", re.IGNORECASE)


def pair_list(doc: Document, si: int, objects: set[int]) -> tuple[int, list[list[int]]]:
    """A list of pairs separated by semicolons ("signed between A and B; C and D; and E and F"):
    where it starts and its pairs, each one record (``(-1, [])`` when the sentence has none).
    Every part of the sentence that names an organisation names exactly two, joined by "and"."""
    sent = doc.sentences[si]
    text = sent.text
    if text.count(";") < 1:
        return -1, []
    cuts = [0, *(i + 1 for i, c in enumerate(text) if c == ";"), len(text) + 1]
    found = [
        m
        for m in doc.in_sentence(si)
        if m.entity is not None
        and m.kind != "pair"
        and m.entity not in objects
        and doc.entities[m.entity].kind == "org"
    ]
    pairs: list[list[int]] = []
    start = -1
    for lo, hi in itertools.pairwise(cuts):
        inside = [m for m in found if lo <= m.start - sent.start < hi]
        if not inside:
            continue
        ents = list(dict.fromkeys(m.entity for m in inside if m.entity is not None))
        if len(ents) != 2:
            return -1, []
        a_end = max(m.end for m in inside if m.entity == ents[0]) - sent.start
        b_start = min(m.start for m in inside if m.entity == ents[1]) - sent.start
        if _PAIR_JOIN.fullmatch(text, a_end, b_start) is None:
            return -1, []
        if start < 0:
            start = min(m.start for m in inside) - sent.start
        pairs.append(ents)
    return (start, pairs) if len(pairs) >= 2 else (-1, [])


def between(doc: Document, si: int, objects: set[int]) -> list[int]:
    """The parties named in a "between X and Y" phrase of the sentence (empty when there is none)."""
    sent = doc.sentences[si]
    m = _BETWEEN.search(sent.text) if may_match(_BETWEEN, doc.low(si)) else None
    if m is None:
        return []
    end_m = _BETWEEN_END.search(sent.text, m.end())
    end = sent.start + (end_m.start() if end_m else len(sent.text))
    start = sent.start + m.end()
    out: list[int] = []
    for f in doc.in_sentence(si):
        if f.entity is None or f.kind == "pair" or not start <= f.start < end or f.entity in objects:
            continue
        if excluded(doc, sent.start, sent.text, f):
            continue  # "between X and Y ... in the presence of Z"
        if doc.entities[f.entity].kind == "org" and f.entity not in out:
            out.append(f.entity)
    return out if len(out) >= 2 else []


# a line shorter than this between the title and the lead ("Friday 8 November 2024", "By X", a
# blank line after them)
_SHORT_LINE = 60


def _next_line(text: str, pos: int) -> int:
    nl = text.find("\n", pos)
    return len(text) if nl < 0 else nl + 1


# a heading line over press-release boilerplate is short and is no sentence
_HEADING_MAX = 100


def about_sections(doc: Document) -> list[tuple[int, int, int]]:
    """The paragraphs under an "About X" heading ("À propos de X", "Über X", "Sobre X", "О X",
    "关于X"), each as (start, end, X): they speak of X ("It is a member of ..."), whoever the text's
    subject is. A section runs to the next such heading or the end of the text."""
    if doc.about is not None:
        return doc.about
    cue = doc.lex.refs.get("about")
    text = doc.clean.text
    heads: list[tuple[int, int, int]] = []  # (line start, line end, entity)
    if cue is not None:
        pos = 0
        while pos < len(text):
            end = _next_line(text, pos)
            line = text[pos:end].strip()
            if 0 < len(line) <= _HEADING_MAX and line[-1] not in ".!?。:;" and cue.match(text, pos) is not None:
                ent = next(
                    (
                        m.entity
                        for m in doc.mentions
                        if pos <= m.start < end and m.entity is not None and doc.entities[m.entity].kind == "org"
                    ),
                    None,
                )
                if ent is not None:
                    heads.append((pos, end, ent))
            pos = end
    doc.about = [(h[1], heads[i + 1][0] if i + 1 < len(heads) else len(text), h[2]) for i, h in enumerate(heads)]
    return doc.about


def about_subject(doc: Document, at: int) -> int | None:
    """X when position ``at`` lies under an "About X" heading (see :func:`about_sections`)."""
    return next((ent for start, end, ent in about_sections(doc) if start <= at < end), None)


def subject(doc: Document, objects: set[int], at: int | None = None) -> int | None:
    """The organisation the text is about: the publisher, else the first one its title or lead names;
    under an "About X" heading (``at`` given), X."""
    if at is not None and (about := about_subject(doc, at)) is not None:
        return about
    if doc.publisher is not None:
        return doc.publisher
    # the title and the lead paragraph (a leading "# source: ..." line is neither)
    text = doc.clean.text
    pos = text.find("\n") + 1 if text.startswith("#") else 0
    pos = _next_line(text, pos)  # after the title line
    if text[pos : _next_line(text, pos)].strip():  # a date or byline line under the title: the lead follows it
        while pos < len(text) and _next_line(text, pos) - pos <= _SHORT_LINE:
            pos = _next_line(text, pos)
    pos = _next_line(text, pos)  # after the lead paragraph
    for m in doc.mentions:
        if m.start >= pos:
            break
        if m.entity is not None and m.entity not in objects and doc.entities[m.entity].kind == "org":
            return m.entity
    return None


_CJK_CLAUSE = re.compile(r"[,，;；]")

_CLAUSE = re.compile(r"[;；]")


def clause_parties(
    doc: Document, si: int, trig: _Trigger, explicit: list[int], triggers: Sequence[_Trigger] = ()
) -> list[int]:
    """The parties named in the trigger's own clause when it names two or more of them
    (Chinese clauses end at commas; others at semicolons, or at a conjunction starting a
    clause with a trigger of its own: see :func:`clause_span`), else all of ``explicit``."""
    sent = doc.sentences[si]
    text = sent.text
    sep = _CJK_CLAUSE if CJK.search(text) else _CLAUSE
    lo = max((m.end() for m in sep.finditer(text, 0, trig.start)), default=0)
    hi_m = sep.search(text, trig.end)
    hi = hi_m.start() if hi_m else len(text)
    c_lo, c_hi = clause_span(text, trig.start, [t.start for t in triggers])
    lo, hi = max(lo, c_lo), min(hi, c_hi)
    inside = [
        m.entity
        for m in doc.in_sentence(si)
        if m.entity in explicit and lo <= m.start - sent.start and m.end - sent.start <= hi
    ]
    inside = [e for e in dict.fromkeys(inside) if e is not None]
    if len(inside) == 1 and (c_lo, c_hi) != (0, len(text)) and len(explicit) >= 2:
        # "an MoU with A ..., while an exchange with B was suspended": one partner per clause (the
        # other side is the subject or publisher), never A with B
        return inside
    return inside if len(inside) >= 2 else list(explicit)


# a lab, centre or project set up "with A and B" is one body of them all
# a document of several parties by its own word ("trilateral", "tripartite", "三方", "трёхстороннее"), or
# signed "jointly" ("共同签署"): one document, not one per partner
_MULTI_PARTY = re.compile(
    r"三方|四方|多方|共同签[署订]|(?i:\b(?:tri|quadri|multi)(?:lateral|lat[ée]ral|laterale|partite|partito|partita|partit)"
    r"\w*|\b(?:dreiseitig|trilateral)\w*|тр[её]хсторонн\w*|четыр[её]хсторонн\w*|многосторонн\w*)"
)
# one document by its article: "an agreement", "um convênio", "une convention", "ein Abkommen"
_SINGULAR = re.compile(r"(?i:\b(?:an?|one|um|uma|un|una|une|ein|eine|einen)\s+(?:[^\W\d_]+\s+){0,2}$)")
_ONE_DOCUMENT = frozenset([PartnershipKind.AGREEMENT, PartnershipKind.MOU])
_ONE_BODY = frozenset([PartnershipKind.JOINT_LAB, PartnershipKind.RESEARCH_PROJECT])
_PLURAL_BODY = re.compile(
    r"(?:labs|laboratories|cent(?:er|re)s|institutes|projects|laboratorios|laboratoires|centros|centres|projets|proyectos"
    r"|labore|zentren|projekte|лаборатории|центры|проекты)\b",
    re.I,
)


def group_parties(doc: Document, si: int, parties: list[int], trig: _Trigger) -> list[list[int]]:
    """The records a trigger's parties make: one of them all, or the first party paired with
    each of the others ("X signed agreements with A and B")."""
    text = doc.sentences[si].text
    if len(parties) <= 2 or trig.kind is PartnershipKind.CONSORTIUM:
        return [parties]  # a consortium is one record with all its named members
    if _MULTI_PARTY.search(text, max(0, trig.start - 24), trig.end + 16) is not None:
        return [parties]  # "a trilateral agreement", "共同签署了三方合作协议": one document of them all
    if (
        trig.kind in _ONE_DOCUMENT
        and _SINGULAR.search(text, max(0, trig.start - 40), trig.start) is not None
        and _one_signer_before(doc, si, parties, trig)
    ):
        return [parties]  # "X signed an agreement with A and B", "X assinou um convênio com A e B": one document
    if not _PLURAL_DOC.search(text[trig.start : trig.end + 2]) and (
        _BETWEEN.search(text)
        or _coordinated_subjects(doc, si, parties, trig)
        or (trig.kind in _ONE_BODY and not _PLURAL_BODY.search(text, trig.start, trig.end + 2))
    ):
        return [parties]  # "an agreement between A, B and C", "A, B and C signed an agreement": one document
    head = parties[0]
    return [[head, p] for p in parties[1:]]


def _one_signer_before(doc: Document, si: int, parties: list[int], trig: _Trigger) -> bool:
    """One party named before the trigger (the signer), every other one after it (its partners)."""
    sent = doc.sentences[si]
    first: dict[int, int] = {}
    for m in doc.in_sentence(si):
        if m.entity in parties and m.entity not in first:
            first[m.entity] = m.start - sent.start
    before = [e for e, at in first.items() if at < trig.start]
    return (
        len(first) == len(parties)
        and len(before) == 1
        and all(at >= trig.end for at in first.values() if at >= trig.start)
    )


_COORDINATION = re.compile(
    r"(?:\s|,|\([^()]{1,40}\)|[、和与及]|\b(?:and|и|y|e|et|und|the|la|le|les|el|los|las|die|der|das)\b|\bl['’])*",
    re.IGNORECASE,
)


def _coordinated_subjects(doc: Document, si: int, parties: list[int], trig: _Trigger) -> bool:
    """Every party is named before the trigger, in one list joined by commas and "and"."""
    sent = doc.sentences[si]
    first: dict[int, tuple[int, int]] = {}
    for m in doc.in_sentence(si):
        if m.entity in parties and m.entity not in first:
            first[m.entity] = (m.start - sent.start, m.end - sent.start)
    if len(first) != len(parties) or any(e > trig.start for _s, e in first.values()):
        return False
    spans = sorted(set(first.values()))  # (the members of "the three universities" share its span)
    return all(_COORDINATION.fullmatch(sent.text, a[1], b[0]) is not None for a, b in itertools.pairwise(spans))


def own_partners(doc: Document, si: int, trig: _Trigger, triggers: list[_Trigger], parties: list[int]) -> list[int]:
    """A sentence listing several deals of its subject ("signed an MoU with A, an exchange
    agreement with B and a research agreement with C"): each trigger keeps the partners named
    between it and the next trigger, when it has any; the subject is named before the first."""
    if len(parties) <= 2 or len(triggers) < 2:
        return parties
    sent = doc.sentences[si]
    hi = min((t.start for t in triggers if t.start >= trig.end), default=len(sent.text))
    pos: dict[int, int] = {}
    for m in doc.in_sentence(si):
        if m.entity is not None:
            pos.setdefault(m.entity, m.start - sent.start)
    if pos.get(parties[0], len(sent.text)) >= min(t.start for t in triggers):
        return parties
    own = [p for p in parties[1:] if trig.end <= pos.get(p, -1) < hi]
    return [parties[0], *own] if own else parties


# kinds whose parties are a member and its network, not partners of a deal
_FRAMES = (PartnershipKind.MEMBERSHIP, PartnershipKind.CONSORTIUM)


def names_none(doc: Document, si: int, trig: _Trigger, triggers: Sequence[_Trigger], parties: list[int]) -> bool:
    """True when the trigger's own clause, in a sentence of coordinated clauses, names none of
    ``parties`` ("Beide sind Mitglieder von X; über einen Doppelmaster wird noch verhandelt": X is
    the first clause's, not a party to the double master). A clause after one that states a deal
    of the sentence's parties is about that deal ("negotiating a joint programme with Z; an
    agreement could be signed in spring": with Z)."""
    sent = doc.sentences[si]
    if not parties or not joins(sent.text):
        return False
    lo, hi = clause_span(sent.text, trig.start, [t.start for t in triggers])
    if (lo, hi) == (0, len(sent.text)):
        return False
    if any(t.end <= lo and t.kind not in _FRAMES for t in triggers):
        return False
    return not any(
        m.entity in parties and lo <= m.start - sent.start and m.end - sent.start <= hi for m in doc.in_sentence(si)
    )


def office_owners(
    doc: Document, si: int, trig: _Trigger, triggers: Sequence[_Trigger], parties: list[int]
) -> list[int]:
    """An office told after another deal of the sentence, in a clause of its own naming no
    organisation, is its subjects' alone: "X runs a dual degree with A, and it opened its India
    office in Delhi" and "X signed an agreement with A and opened an office in Nairobi" give X's
    office, not one of X and A; "X and Y signed an agreement and opened a joint office" keeps both."""
    if trig.kind is not PartnershipKind.OFFICE or len(parties) < 2:
        return parties
    if not any(t.kind is not PartnershipKind.OFFICE and t.end <= trig.start for t in triggers):
        return parties
    text = doc.sentences[si].text
    base = doc.sentences[si].start
    hi = min((t.start for t in triggers if t.start > trig.end), default=len(text))
    named = [m for m in doc.in_sentence(si) if m.entity in parties]
    if any(trig.start <= m.start - base < hi for m in named):
        return parties  # "... and opened an office at B University": B is named in its clause
    last = max((m.end - base for m in named if m.end - base <= trig.start), default=0)
    if not _AND_CLAUSE.search(text, last, trig.start):
        return parties
    first = min(t.start for t in triggers)
    owners = list(dict.fromkeys(m.entity for m in named if m.end - base <= first and m.entity is not None))
    return owners or parties


# what joins a second clause to the first: "..., and it opened", "y abrió", "et a ouvert", "und eröffnete"
_AND_CLAUSE = re.compile(r"\b(?:and|y|e|et|und)\b|[;；]|\s(?:и|а также)\s|并|并且|同时", re.IGNORECASE)
