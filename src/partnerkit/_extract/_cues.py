"""Cue phrases around a trigger or a mention: a partner or host marker right before it, a
set-up or scope cue, "between" and a country, an explicit signing."""

from __future__ import annotations

import re
from collections.abc import Mapping

from partnerkit._extract._document import Document
from partnerkit._extract._roles import DET_TAIL
from partnerkit._extract._tidy import DOCUMENTS
from partnerkit._extract._triggers import Trigger as _Trigger
from partnerkit._extract._triggers import set_up_cue

__all__ = [
    "between_countries",
    "document_partner",
    "explicit_event",
    "funded",
    "marked",
    "right_before",
    "scoped",
    "set_up_cue",
]


def marked(pattern: re.Pattern[str] | None, before: str) -> bool:
    """True when ``before`` (the text up to a mention) ends with a phrase of ``pattern``."""
    if pattern is None:
        return False
    tail = before[-40:]
    return any(DET_TAIL.fullmatch(tail, m.end()) is not None for m in pattern.finditer(tail))


def document_partner(pattern: re.Pattern[str] | None, triggers: list[_Trigger], text: str, pos: int) -> bool:
    """True when the mention at ``pos`` is the partner a document names right after it ("signed an
    agreement with the X Foundation, which will sponsor ..."): a party, whatever the words after it."""
    return any(t.kind in DOCUMENTS and 0 <= pos - t.end <= 12 and marked(pattern, text[t.end : pos]) for t in triggers)


_BETWEEN_AFTER = re.compile(r"\s+(?:between|entre|между|zwischen)\s+(?:the\s+|la\s+|le\s+|el\s+)?", re.IGNORECASE)


def between_countries(doc: Document, si: int, trig: _Trigger) -> bool:
    """True when the trigger is followed by "between" and a country (not an organisation), or by
    "with" and a continent or country with no organisation named right after it ("our partnership
    with Europe began", not "an agreement with Kenya's Moi University")."""
    sent = doc.sentences[si]
    m = _BETWEEN_AFTER.match(sent.text, trig.end)
    if m is None:
        m = _WITH_AFTER.match(sent.text, trig.end)
        if m is None and _WITH_END.search(sent.text, trig.start, trig.end):
            m = _THE.match(sent.text, trig.end)  # the trigger holds its "with": "partnership with"
        if m is None:
            return False
        pos = sent.start + m.end()
        if any(pos <= f.start < pos + 30 and f.entity is not None for f in doc.in_sentence(si)):
            return False  # "with Kenya's Moi University", "with Germany, Y University ..."
        return _CONTINENT.match(sent.text, m.end()) is not None or any(
            p.start == pos and p.city is None for p in doc.places.get(si, [])
        )
    pos = sent.start + m.end()
    if any(f.start == pos and f.entity is not None for f in doc.in_sentence(si)):
        return False
    return any(p.start == pos and p.city is None for p in doc.places.get(si, []))


_WITH_AFTER = re.compile(r"\s+(?:with|avec|con|mit|с|со)\s+(?:the\s+)?", re.IGNORECASE)
_WITH_END = re.compile(r"\b(?:with|avec|con|mit|с|со)\s*$", re.IGNORECASE)
_THE = re.compile(r"\s*(?:the\s+)?", re.IGNORECASE)
# continents and world regions (not in the country and city tables)
_CONTINENT = re.compile(
    r"(?:Europe|Africa|Asia|Oceania|Latin America|North America|South America|the Middle East|Middle East"
    r"|Europa|África|Afrique|Asie|Amérique latine|América Latina|Afrika|Asien|Lateinamerika"
    r"|Европ\w*|Африк\w*|Ази\w*|Латинской Америк\w*)\b"
)


_ARTICLE_END = re.compile(r"(?:\b(?:the|its|their|le|la|les|l'|el|los|las|die|der|das|den)\s*)$", re.IGNORECASE)


def funded(refs: Mapping[str, re.Pattern[str]], text: str, pos: int) -> bool:
    """A funding verb (reference table ``context_after``) stands right before ``pos``, an article
    apart at most: "which has funded student mobility", "which funds the exchange programme"."""
    m = _ARTICLE_END.search(text, max(0, pos - 8), pos)
    return right_before(refs.get("context_after"), text, m.start() if m else pos)


def right_before(pattern: re.Pattern[str] | None, text: str, pos: int, gap: int = 1) -> bool:
    """True when a phrase of ``pattern`` ends right before ``pos`` (``gap`` characters apart at
    most: a space by default)."""
    if pattern is None:
        return False
    window = text[max(0, pos - 60) : pos]
    last = None
    for m in pattern.finditer(window):
        last = m
    return last is not None and len(window) - last.end() <= gap


def scoped(doc: Document, text: str, trig: _Trigger) -> bool:
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


def explicit_event(doc: Document, text: str) -> bool:
    st = doc.lex.status
    return any(st.get(n) is not None and st[n].search(text) for n in ("signed", "planned"))
