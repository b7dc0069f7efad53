"""Organisations named through their officials, and documents whose signatories come later.

"signed by the President of X, Rector of Y A. B. Name, and the Rector of Z": each signatory
acts for the first organisation of their titles (X and Z); a title that follows another with
only a comma between ("..., Rector of Y") is a second post of the same person, not a party.

"A memorandum on ... was signed. The document was signed by the Rector of X and the
President of Y.": a document stated without its parties takes those of the next sentence of
the paragraph when that sentence reports the signing of it.

"X signed memoranda with five universities. The five partners are A, B and C.": a document
signed with a counted or generic object takes the organisations the next sentence lists as
its partners, one record per partner.
"""

from __future__ import annotations

import itertools
import re

from partnerkit._extract._document import Document, Found
from partnerkit._extract._lexicon import may_match
from partnerkit._extract._parties import party
from partnerkit._extract._triggers import Trigger
from partnerkit._model import Evidence, PartialDate, Partnership, Status

__all__ = ["partners_listed_next", "second_posts", "signatories_of"]

# What may stand between an official's title and the organisation: connectors and articles.
_GAP = re.compile(
    r"\s*(?:(?:of|the|for|de|del|la|le|l['’]|du|des|der|die|das|dem|den|d['’])\s*)*",
    re.IGNORECASE,
)
_COMMA = re.compile(r"\s*,\s*")


def _titled(doc: Document, si: int, mentions: list[Found]) -> dict[int, int]:
    """For each mention (by start) introduced by an official's title, the title's start."""
    official = doc.lex.refs.get("official")
    if official is None or not may_match(official, doc.low(si)):
        return {}
    sent = doc.sentences[si]
    titles = [(m.start(), m.end()) for m in official.finditer(sent.text)]
    out: dict[int, int] = {}
    for f in mentions:
        rel = f.start - sent.start
        for s, e in titles:
            if e <= rel and _GAP.fullmatch(sent.text, e, rel) is not None:
                out[f.start] = s
    return out


def second_posts(doc: Document, si: int) -> set[int]:
    """Entities named only as the second post of one official ("President of X, Rector of Y")."""
    mentions = [f for f in doc.in_sentence(si) if f.entity is not None and f.kind != "pair"]
    if len(mentions) < 2:
        return set()  # (two titled mentions at least are needed)
    titled = _titled(doc, si, mentions)
    if len(titled) < 2:
        return set()
    base = doc.sentences[si].start
    text = doc.sentences[si].text
    drop: set[int] = set()
    keep: set[int] = set()
    for a, b in itertools.pairwise(mentions):
        title_b = titled.get(b.start)
        if a.start in titled and title_b is not None and _COMMA.fullmatch(text, a.end - base, title_b) is not None:
            if b.entity != a.entity:
                drop.add(b.entity)  # type: ignore[arg-type]
        elif b.entity is not None:
            keep.add(b.entity)
    return drop - keep - {mentions[0].entity}


def signatories_of(doc: Document, si: int, explicit: list[int]) -> list[int]:
    """The parties sentence ``si`` gives a document stated just before it without its parties.

    The sentence must refer to the document ("the document", "the agreement") and report its
    signing; the parties are the organisations its officials act for (two at least).
    """
    anaphora = doc.lex.refs.get("anaphora")
    signed = doc.lex.status.get("signed")
    text = doc.sentences[si].text
    if anaphora is None or signed is None or len(explicit) < 2:
        return []
    if not (may_match(anaphora, doc.low(si)) and anaphora.search(text) and signed.search(text)):
        return []
    return explicit


def _signer(doc: Document, psi: int, trig: Trigger) -> int | None:
    """The one organisation sentence ``psi`` names before ``trig`` (the publisher when it names none)."""
    before = doc.sentences[psi].start + trig.start
    named = {f.entity for f in doc.in_sentence(psi) if f.entity is not None and f.kind != "pair" and f.end <= before}
    orgs = [e for e in named if doc.entities[e].kind == "org"]
    if len(orgs) == 1:
        return orgs[0]
    return doc.publisher if not orgs else None


def partners_listed_next(
    doc: Document, si: int, pending: tuple[int, Trigger, Status, PartialDate | None], explicit: list[int]
) -> list[Partnership]:
    """The records of a document signed "with five universities" in the sentence before ``si`` when
    ``si`` lists the partners ("The five partners are A, B and C"): one per partner, or []."""
    psi, trig, status, date = pending
    generic = doc.lex.refs.get("generic")
    listed = doc.lex.refs.get("partners_listed")
    if generic is None or listed is None or psi != si - 1:  # (the list may open the next paragraph)
        return []
    first = doc.sentences[psi].text
    if generic.search(first, trig.end) is None:
        return []
    if listed.search(doc.sentences[si].text) is None or (signer := _signer(doc, psi, trig)) is None:
        return []
    partners = [e for e in explicit if e != signer and doc.entities[e].kind == "org"]
    if len(partners) < 2:
        return []
    ev = (Evidence(quote=first, published=None), Evidence(quote=doc.sentences[si].text, published=None))
    return [
        Partnership(kind=trig.kind, parties=(party(doc, signer), party(doc, e)), status=status, date=date, evidence=ev)
        for e in partners
    ]
