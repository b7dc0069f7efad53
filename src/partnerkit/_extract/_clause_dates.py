"""The date of a statement, read in its own coordinated clause.

A sentence joining clauses ("an MoU signed in 2017 ..., while an exchange ...") dates each
statement by its own clause; else by the last date stated before ("since then"), the date of
its paragraph or event for a signing, or that of the same event told in the sentence before.
Membership statements of coordinated clauses ("X is a member of A, and Y belongs to B") are
split here so each gets its own clause's date.
"""

from __future__ import annotations

from collections.abc import Mapping

from partnerkit._extract._clauses import clause_span as _clause_span
from partnerkit._extract._clauses import joins as _joins
from partnerkit._extract._document import Document
from partnerkit._extract._lexicon import may_match
from partnerkit._extract._tidy import DOCUMENTS as _DOCUMENTS
from partnerkit._extract._triggers import Trigger as _Trigger
from partnerkit._extract._when import (
    act_date,
    dates_in,
    during_date,
    event_date,
    inherited_date,
    last_date_before,
    original_dates,
    same_day_date,
)
from partnerkit._model import PartialDate, Partnership, PartnershipKind, Status

__all__ = ["clause_text", "membership_clauses", "statement_date"]

K = PartnershipKind


def membership_clauses(
    doc: Document, si: int, trig: _Trigger, triggers: list[_Trigger]
) -> list[tuple[_Trigger, tuple[int, int] | None]]:
    """The membership statements of a sentence, one per coordinated clause ("X is a member of A,
    and Y belongs to B"); the one trigger with no span when the sentence has one clause."""
    text = doc.sentences[si].text
    pattern = doc.lex.kinds.get(K.MEMBERSHIP)
    if pattern is None or not _joins(text):
        return [(trig, None)]
    hits = [_Trigger(K.MEMBERSHIP, m.start(), m.end()) for m in pattern.finditer(text) if m.end() > m.start()]
    starts = sorted({t.start for t in triggers} | {t.start for t in hits})
    out: dict[tuple[int, int], _Trigger] = {}
    for t in [trig, *hits]:
        if t.start >= trig.start or t is trig:
            out.setdefault(_clause_span(text, t.start, starts), t)
    if len(out) < 2:
        return [(trig, None)]
    return [(t, span) for span, t in sorted(out.items())]


def clause_text(text: str, trig: _Trigger, triggers: list[_Trigger]) -> str:
    """The sentence blanked outside the trigger's own coordinated clause (offsets kept), so a date
    of another clause is not the trigger's ("an MoU signed in 2017 ..., while an exchange ...")."""
    if len(triggers) < 2 or not _joins(text):
        return text
    lo, hi = _clause_span(text, trig.start, sorted(t.start for t in triggers))
    if (lo, hi) == (0, len(text)):
        return text
    return " " * lo + text[lo:hi] + " " * (len(text) - hi)


def statement_date(
    doc: Document,
    si: int,
    trig: _Trigger,
    triggers: list[_Trigger],
    *,
    all_triggers: Mapping[int, list[_Trigger]],
    existing: bool,
    status: Status,
    out: list[Partnership],
    published: PartialDate | None,
) -> PartialDate | None:
    """The date of a statement: the one of its own clause; the last day stated before for one
    made "on the same day"; else the last one stated before ("since then"); else, for a signing,
    the one its paragraph or event gives; else that of the same event told in the sentence
    before ("X joined Y on 10 May. Z also joined")."""
    text = doc.sentences[si].text
    kind = trig.kind
    # ("to strengthen the partnership": the date of no new deal)
    own = clause_text(text, trig, triggers)
    date = None if existing else act_date(doc, own, trig, published, status)
    if not existing and status is not Status.ENDED:
        # "В тот же день ... продлили соглашение, действующее с 2016 года": the day told before,
        # unless the clause states a date of its own (other than the deal's original one)
        hits = dates_in(doc, own, published)
        marked = original_dates(doc, own, hits)
        if all(h in marked for h in hits) and (same := same_day_date(doc, si, own, published)) is not None:
            date = same
    since = doc.lex.dates.get("since_then")
    if date is None and since is not None and may_match(since, doc.low(si)) and since.search(text):
        date = last_date_before(doc, si, published)
    if date is None and kind in _DOCUMENTS and status is Status.SIGNED:
        date = (
            inherited_date(doc, si, all_triggers, published)
            or event_date(doc, si, published)
            or during_date(doc, si, published)
        )
    also = doc.lex.refs.get("also")
    if (
        date is None
        and out
        and out[-1].kind is kind
        and also is not None
        and also.search(text, max(0, trig.start - 40), trig.end) is not None
    ):
        prev = out[-1]
        if si > 0 and prev.evidence[0].quote == doc.sentences[si - 1].text:
            date = prev.date
    return date
