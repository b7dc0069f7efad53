"""Organisations named through their officials, and documents whose signatories come later.

"signed by the President of X, Rector of Y A. B. Name, and the Rector of Z": each signatory
acts for the first organisation of their titles (X and Z); a title that follows another with
only a comma between ("..., Rector of Y") is a second post of the same person, not a party.

"A memorandum on ... was signed. The document was signed by the Rector of X and the
President of Y.": a document stated without its parties takes those of the next sentence of
the paragraph when that sentence reports the signing of it.
"""

from __future__ import annotations

import itertools
import re

from partnerkit._extract._document import Document, Found
from partnerkit._extract._lexicon import may_match

__all__ = ["second_posts", "signatories_of"]

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
