"""Who a statement is about when its sentence does not name the parties plainly.

The text's subject for "It has an office in X" and for a document stated without parties; each
listed partner of "talks on cooperation with X and Y"; the owner of "the campus of X"; an office
named before and later said to be located somewhere; a network only named in passing; a
sentence about a person.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import attrs

from partnerkit._extract._document import Document
from partnerkit._extract._tidy import DOCUMENTS as _DOCUMENTS
from partnerkit._extract._triggers import Trigger as _Trigger
from partnerkit._extract._triggers import status_cues
from partnerkit._model import PartialDate, Partnership, PartnershipKind, Party, Status

__all__ = [
    "DET_TAIL",
    "PERSON_FIRST",
    "PRONOUN_FIRST",
    "SEVERAL_DOCS",
    "date_the_deal",
    "located_offices",
    "lone_document",
    "names_itself",
    "owner_named",
    "pronoun_lead",
    "refers_to_subject",
    "with_list",
]

K = PartnershipKind
DET_TAIL = re.compile(r"\s*(?:(?:the|la|le|el|les|los|las|der|die|dem|den|des)\s+|l['’])?\s*", re.IGNORECASE)

# Plural document words (not Russian "соглашения", which is also the genitive singular).
SEVERAL_DOCS = re.compile(
    r"(?:agreements|memoranda|memorandums|mous|pacts|treaties|convenios|acuerdos|memorandos|accords"
    r"|conventions|vereinbarungen|verträge|соглашений|договоры|меморандумы)\b",
    re.IGNORECASE,
)

# A sentence about a person ("Professor from X joins Y", "Dr. Anna Lee joined ...").
PERSON_FIRST = re.compile(
    r"\W*(?:Dr|Prof|Professor|Mr|Mrs|Ms|Researcher|Scientist|Alumn(?:us|a|i)|Graduate|Lecturer|Dean|"
    r"Профессор|Доктор|Profesora?|Doctora?|Professeure?)\b\.?"
)

PRONOUN_FIRST = re.compile(r"\W*(?:It|Он|Она|Оно|Il|Elle|Er|Sie|Es)\b")
# the opening of a sentence whose subject is its first organisation ("The University of X, founded
# in 1970, is ..."), and what must not follow that organisation (a second subject: "X and Y ...")
_LEAD = re.compile(r"\W{0,2}(?:(?:the|la|el|le|l['’]|die|der|das)\s*)?", re.IGNORECASE)
_CONJOINED = re.compile(r"\s*(?:,\s*(?:the\s+)?[A-ZÀ-ÝА-Я]|(?:and|et|y|e|und|и|&)\s)")


def pronoun_lead(doc: Document, si: int) -> int | None:
    """The organisation a sentence opening with "It" ("Elle", "Sie", "Он") speaks of when the
    sentence before it, in the same paragraph, opens with that organisation alone as its subject
    ("The University of X, founded in 1970, is Kenya's oldest. It is a member of Y": X, not the
    text's publisher); None otherwise."""
    if si == 0 or not PRONOUN_FIRST.match(doc.sentences[si].text):
        return None
    prev = doc.sentences[si - 1]
    text = doc.clean.text
    if "\n" in text[prev.end : doc.sentences[si].start]:
        return None
    first = next((m for m in doc.in_sentence(si - 1) if m.start >= prev.start), None)
    if first is None or first.entity is None or not _LEAD.fullmatch(text, prev.start, first.start):
        return None
    if doc.entities[first.entity].kind != "org" or _CONJOINED.match(text, first.end):
        return None
    return first.entity


def refers_to_subject(doc: Document, text: str, at: int | None = None) -> bool:
    """True when the sentence speaks of "the university" ("la universidad", "университет") or
    opens with "It", or a possessive stands right before position ``at`` ("its office in X", "su
    oficina en X"); the text's subject is then meant, also when no publisher was given."""
    ref = doc.lex.refs.get("publisher")
    if at is not None and _POSSESSIVE_BEFORE.search(text, 0, at) is not None:
        return True
    return PRONOUN_FIRST.match(text) is not None or (ref is not None and ref.search(text) is not None)


_POSSESSIVE_BEFORE = re.compile(r"(?<![\w-])(?:[Ii]ts|[Ss]u|[Ss]on|[Ss]a|[Ii]hr|[Ii]hre|[Ss]eine?|его|её|ее)\s+$")


def located_offices(doc: Document, triggers: dict[int, list[_Trigger]], objects: set[int]) -> None:
    """An office named before ("tres nuevos centros de Estudios Mexicanos (CEM)") said later to sit
    somewhere ("El CEM de Boston se ubica en ... la Universidad de Massachusetts", "The centre is
    located at X") is an office statement of that sentence (its owner and host found as usual)."""
    cue = doc.lex.refs.get("located")
    if cue is None:
        return
    offices = {
        m.entity
        for si, ts in triggers.items()
        if any(t.kind is K.OFFICE for t in ts)
        for m in doc.in_sentence(si)
        if m.entity in objects
    }
    if not offices:
        return
    for si, sent in enumerate(doc.sentences):
        if triggers[si]:
            continue
        for m in doc.in_sentence(si):
            if m.entity in offices and cue.search(sent.text, m.end - sent.start, m.end - sent.start + 60):
                triggers[si] = [_Trigger(K.OFFICE, m.start - sent.start, m.end - sent.start)]
                break


def names_itself(doc: Document, si: int, trig: _Trigger, explicit: list[int]) -> bool:
    """True when a consortium trigger only spells the name of the one organisation the sentence
    names, and nothing is founded, joined or signed there (no status cue, no creation cue)."""
    base = doc.sentences[si].start
    holder = [
        m.entity
        for m in doc.in_sentence(si)
        if m.entity is not None and m.start - base <= trig.start and trig.end <= m.end - base
    ]
    if not holder or any(e not in holder for e in explicit) or any(True for _ in status_cues(doc, si)):
        return False
    creation = doc.lex.refs.get("creation")
    return creation is None or creation.search(doc.sentences[si].text) is None


def with_list(doc: Document, si: int, trig: _Trigger, parties: list[int], status: Status) -> bool:
    """True when every party is listed after a partner cue right after a negotiation or several
    documents ("переговоры о сотрудничестве с X, Y", "talks on cooperation with X and Y")."""
    sent = doc.sentences[si]
    cue = doc.lex.refs.get("partner")
    if len(parties) < 2 or cue is None:
        return False
    several = SEVERAL_DOCS.search(sent.text[trig.start : trig.end]) is not None
    if status is not Status.NEGOTIATING and not several:
        return False
    starts = [m.start - sent.start for m in doc.in_sentence(si) if m.entity in parties]
    if not starts or min(starts) < trig.end:
        return False
    m = cue.match(sent.text, trig.end + 1) if sent.text[trig.end : trig.end + 1].isspace() else None
    return m is not None and DET_TAIL.fullmatch(sent.text, m.end(), min(starts)) is not None


def lone_document(  # noqa: PLR0917
    doc: Document, si: int, trig: _Trigger, status: Status, subject: int | None, deal: list[int]
) -> bool:
    """A document signed or planned in a sentence naming no organisation and no place, before
    any deal of the text ("Планируется подписание соглашения ...", "Eine Vereinbarung ist
    unterzeichnet"), is the document of the organisation the text is about, partner unnamed.
    Not so for several documents ("signed agreements") or a place as the actor ("Kazakhstan
    signed an agreement")."""
    sent = doc.sentences[si]
    return (
        subject is not None
        and trig.kind in _DOCUMENTS
        and status in (Status.SIGNED, Status.PLANNED)
        and not deal
        and not any(m.entity is not None for m in doc.in_sentence(si))
        and not doc.places.get(si)
        and not SEVERAL_DOCS.search(sent.text[trig.start : trig.end])
    )


_OF_OWNER = re.compile(r"\s+(?:of|de|de la|del|du|de l['’]|des|der)\s+(?:the\s+)?", re.IGNORECASE)


def owner_named(doc: Document, si: int, trig: _Trigger) -> int | None:
    """The organisation named right after an office word ("the campus of X", "la sede de X")."""
    sent = doc.sentences[si]
    m = _OF_OWNER.match(sent.text, trig.end)
    if m is None:
        return None
    for f in doc.in_sentence(si):
        if f.start - sent.start == m.end() and f.entity is not None and doc.entities[f.entity].kind == "org":
            return f.entity
    return None


def date_the_deal(  # noqa: PLR0917
    doc: Document,
    out: list[Partnership],
    deal: list[int],
    date: PartialDate,
    party: Callable[[Document, int], Party],
    published: PartialDate | None = None,
) -> None:
    """A later "the agreement was signed on X" dates the recorded deal (a document or an exchange
    agreement) and what its sentence set up; also when that record took the news date only (a
    dateline over "X has signed ...": "The memorandum was signed on Friday" is the signing date)."""
    parties = {party(doc, p) for p in deal}
    quote = next(
        (
            r.evidence[0].quote
            for r in reversed(out)
            if (r.kind in _DOCUMENTS or r.kind is PartnershipKind.EXCHANGE) and set(r.parties) == parties
        ),
        None,
    )
    for i, r in enumerate(out):  # every record of that sentence ("signed MoUs with X, Y and Z")
        if r.evidence[0].quote == quote and (
            r.date is None or (published is not None and r.date == published and date != published)
        ):
            out[i] = attrs.evolve(r, date=date)
