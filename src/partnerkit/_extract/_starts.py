"""When a programme or a centre starts: the sentence right after the one that sets it up.

"X and Y signed an agreement on a joint master's programme. The programme starts in autumn
2026." The programme is dated by its start (2026), and it is planned while that start lies
after the publication date. The next sentence counts only when it is of the same paragraph,
states no deal of its own, names no other organisation, and tells a start ("the first
students", "startet", "seront admis", "набор ... начнётся", "首批"); its date must not lie
before the record's own. Documents keep their signing date; ended objects keep theirs.

An object said to close, followed by "The campus, opened in 2012, ..." (:func:`opened_next`),
is one ended object dated by its opening.
"""

from __future__ import annotations

import re

import attrs

from partnerkit._extract._document import Document
from partnerkit._extract._lexicon import may_match
from partnerkit._extract._parties import party
from partnerkit._extract._triggers import Trigger
from partnerkit._extract._when import dates_in, original_dates, same_paragraph
from partnerkit._model import PartialDate, Partnership, PartnershipKind, Status

__all__ = ["opened_next", "start_dates"]

K = PartnershipKind
_STARTED = frozenset({K.JOINT_PROGRAMME, K.DOUBLE_DEGREE, K.JOINT_LAB})
# "extends the programme to 2033", "bis 2030", "jusqu'en 2030", "до 2030 года": the end of a term
_UNTIL = re.compile(
    r"(?:\b(?:until|till|to|through|bis|hasta|до|по)|jusqu['’] ?(?:à|en|au)|[至到])\s*(?:\w+\s+)?$", re.IGNORECASE
)


_ENDS = frozenset({K.OFFICE, K.JOINT_PROGRAMME, K.DOUBLE_DEGREE, K.JOINT_LAB})
# "The campus, opened in 2012, ...": a sentence opening with a definite reference
_DEFINITE_FIRST = re.compile(r"\W{0,2}(?:the|le|la|les|el|los|las|der|die|das|l['’])\s*\w", re.IGNORECASE)


def opened_next(
    doc: Document, out: list[Partnership], all_triggers: dict[int, list[Trigger]], published: PartialDate | None
) -> list[Partnership]:
    """An object said to close, then "The campus, opened in 2012, ..." in the next sentence (a
    definite reference to an object of that kind, no other organisation named): one object,
    dated by its opening; a record the next sentence gave of it joins the first as evidence."""
    index = {s.text: i for i, s in enumerate(doc.sentences)}
    drop: set[int] = set()
    result = list(out)
    for i, r in enumerate(result):
        si = index.get(r.evidence[0].quote) if r.evidence else None
        if r.kind not in _ENDS or r.status is not Status.ENDED or si is None or si + 1 >= len(doc.sentences):
            continue
        nxt = doc.sentences[si + 1]
        if (
            not same_paragraph(doc, si, si + 1)
            or _DEFINITE_FIRST.match(nxt.text) is None
            or not any(t.kind is r.kind for t in all_triggers.get(si + 1, []))
            or any(
                m.entity is not None and doc.entities[m.entity].kind == "org" and party(doc, m.entity) not in r.parties
                for m in doc.in_sentence(si + 1)
                if m.kind != "pair"
            )
        ):
            continue
        opened = original_dates(doc, nxt.text, dates_in(doc, nxt.text, published))
        if len(opened) != 1:
            continue
        evidence = r.evidence
        for j, r2 in enumerate(result):
            if (
                j not in drop
                and r2.kind is r.kind
                and set(r2.parties) == set(r.parties)
                and r2.status is Status.ACTIVE
                and r2.location is None
                and r2.evidence
                and r2.evidence[0].quote == nxt.text
            ):
                evidence = evidence + r2.evidence
                drop.add(j)
        result[i] = attrs.evolve(r, date=opened[0].date, evidence=evidence)
    return [r for j, r in enumerate(result) if j not in drop]


def _after(a: PartialDate, b: PartialDate) -> bool:
    """``a`` lies after ``b`` at the precision both give: every day ``a`` can denote is after every
    day ``b`` can (2026-06 is after 2026-05, not after 2026)."""
    return a.first_day() > b.last_day()


def _start_of(
    doc: Document, si: int, parties: set[object], triggers: list[Trigger], published: PartialDate | None
) -> PartialDate | None:
    """The date sentence ``si`` gives as the start of what the sentence before set up, if it tells one."""
    starts = doc.lex.dates.get("starts")
    text = doc.sentences[si].text
    if starts is None or not may_match(starts, doc.low(si)):
        return None
    cue = starts.search(text)
    if cue is None:
        return None
    if any(t.kind not in _STARTED for t in triggers):
        return None  # a deal of its own
    for m in doc.in_sentence(si):
        if m.entity is None or m.kind == "pair":
            continue
        if doc.entities[m.entity].kind == "org" and party(doc, m.entity) not in parties:
            return None  # another organisation's start
    hits = [h for h in dates_in(doc, text, published) if not _UNTIL.search(text, max(0, h.start - 20), h.start)]
    if not hits:
        return None
    hit = min(hits, key=lambda h: abs(h.start - cue.start()))
    return hit.date


def start_dates(
    doc: Document, out: list[Partnership], all_triggers: dict[int, list[Trigger]], published: PartialDate | None
) -> list[Partnership]:
    """``out`` with each programme or centre dated by the start the next sentence tells."""
    index = {s.text: i for i, s in enumerate(doc.sentences)}
    stated = {index.get(r.evidence[0].quote) for r in out if r.evidence}
    result = []
    for r in out:
        si = index.get(r.evidence[0].quote) if r.evidence else None
        nxt = None if si is None else si + 1
        if (
            r.kind not in _STARTED
            or r.status is Status.ENDED
            or nxt is None
            or nxt >= len(doc.sentences)
            or nxt in stated
            or not same_paragraph(doc, si, nxt)  # type: ignore[arg-type]
        ):
            result.append(r)
            continue
        start = _start_of(doc, nxt, set(r.parties), all_triggers.get(nxt, []), published)
        if start is None or (r.date is not None and _after(r.date, start)):
            result.append(r)
            continue
        status = r.status
        if published is not None and _after(start, published) and status is not Status.NEGOTIATING:
            status = Status.PLANNED
        result.append(attrs.evolve(r, date=start, status=status))
    return result
