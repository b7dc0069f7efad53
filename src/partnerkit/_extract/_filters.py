"""Trigger phrases that state no partnership of their own.

A trigger word inside a name ("Pacific Rim Universities Alliance"), a consortium word opening an
apposition that describes a name, countries as the sides ("the two countries"), a document the
sentence says is not signed yet, and a pointer back to a document already recorded ("under the
agreement"), or a document whose anniversary is celebrated ("the tenth anniversary of the
first agreement").
"""

from __future__ import annotations

import re

from partnerkit._extract._document import Document
from partnerkit._extract._lexicon import may_match
from partnerkit._extract._tidy import DOCUMENTS as _DOCUMENTS
from partnerkit._extract._triggers import Trigger as _Trigger
from partnerkit._extract._triggers import status_cues as _status_cues

__all__ = [
    "celebrated",
    "countries_near",
    "describes_a_name",
    "inside_a_name",
    "refers_to_deal",
    "unsigned_document_of",
]


def countries_near(doc: Document, si: int, trig: _Trigger, countries: re.Pattern[str] | None) -> bool:
    """ "the two countries", "中俄" near the trigger, outside a name ("中俄工科大学联盟" is a name)."""
    if countries is None:
        return False
    text = doc.sentences[si].text
    lo = max(0, trig.start - 60)
    return any(not inside_a_name(doc, si, m.start(), m.end()) for m in countries.finditer(text, lo, trig.end + 60))


def refers_to_deal(anaphora: re.Pattern[str] | None, low: str | None, text: str, triggers: list[_Trigger]) -> bool:
    """True when a sentence with triggers points back to a document ("under the agreement",
    "该协议") with words that are not part of a trigger of another kind ("eine Vereinbarung" of
    "eine Vereinbarung über den Austausch von ..." names the exchange itself)."""
    if not triggers or anaphora is None or not may_match(anaphora, low):
        return False
    return any(
        not any(t.start < a.end() and a.start() < t.end for t in triggers if t.kind not in _DOCUMENTS)
        for a in anaphora.finditer(text)
    )


def inside_a_name(doc: Document, si: int, start: int, end: int) -> bool:
    """True when the text from ``start`` to ``end`` of sentence ``si`` is inside a name it
    mentions: a trigger that is a word of one ("Pacific Rim Universities Alliance")."""
    base = doc.sentences[si].start
    return any(m.start - base <= start and end <= m.end - base for m in doc.in_sentence(si))


# ", a network of technical universities", ", una red de universidades": an apposition describing a name
APPOSITION = re.compile(r",\s+(?:a|an|one|un|una|une|uma|um|eine?|einer|один|одна|одно)\s+(?:[^\W\d_]+\s+){0,2}$", re.I)


def describes_a_name(doc: Document, si: int, trig: _Trigger) -> bool:
    """True when a consortium trigger opens an apposition right after a name ("members of the X
    Group, a network of universities of ...": a description of X, not a consortium of its own)."""
    text = doc.sentences[si].text
    m = APPOSITION.search(text, max(0, trig.start - 40), trig.start)
    base = doc.sentences[si].start
    return m is not None and any(x.end - base == m.start() for x in doc.in_sentence(si) if x.entity is not None)


def unsigned_document_of(doc: Document, si: int, trig: _Trigger, triggers: list[_Trigger]) -> bool:
    """True when a document the sentence says is not signed yet follows the object it would set up
    ("talks on a double-degree programme ..., but the agreement has not been signed yet")."""
    if not any(t.kind not in _DOCUMENTS and t.end <= trig.start for t in triggers):
        return False
    return any(n == "unsigned" for _s, _e, n in _status_cues(doc, si))


# the anniversary of a document: the document is an old one, celebrated, not a deal of the news
_ANNIVERSARY = re.compile(
    r"(?:anniversary|aniversario|anniversaire|aniversário|anniversario|jahrestag|jubiläum|годовщин\w*|周年)"
    r"\s+(?:of|de|del|de la|du|des|do|da|della|des|der|the|el|la|le|l['’]|\s)*(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)


def celebrated(text: str, trig: _Trigger) -> bool:
    """The trigger is the object of an anniversary ("the tenth anniversary of the first agreement")."""
    return _ANNIVERSARY.search(text, max(0, trig.start - 48), trig.start) is not None
