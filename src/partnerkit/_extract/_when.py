"""When a statement happened: the date its sentence gives, or the one its paragraph gives.

A signing that states no date takes the last date of the nearest earlier sentence of its
paragraph that states no deal of its own, or the date of the next sentence when that one
reports the signing ("The ceremony took place on 5 May."). "Since then" refers to the last
date stated before. A date right after a reporting verb ("announced on Friday") is the date
of the news, not of the deal.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from typing import Protocol

import attrs

from partnerkit._extract._datelines import dateline_date
from partnerkit._extract._dates import DateHit, find_dates
from partnerkit._extract._document import Document
from partnerkit._extract._lexicon import lowered, may_match
from partnerkit._extract._patterns._words import EVENT
from partnerkit._extract._text import CJK
from partnerkit._model import PartialDate, Status

__all__ = [
    "act_date",
    "body_date",
    "date_after",
    "date_for",
    "dates_in",
    "during_date",
    "event_date",
    "inherited_date",
    "is_event",
    "last_date_before",
    "original_dates",
    "same_day_date",
    "same_paragraph",
]


class _Spanned(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


def dates_in(doc: Document, text: str, published: PartialDate | None) -> list[DateHit]:
    hits = doc.date_cache.get(text)
    if hits is None:
        year = report_year(doc, published)
        hits = [h for h in find_dates(text, doc.lex, published, year) if not dateline_date(text, h)]
        if published is not None and published.month is not None and any(h.filled for h in hits):
            hits = [_coming(doc, text, h, published) if h.filled else h for h in hits]
        doc.date_cache[text] = hits
    return hits


_CLAUSE_MARK = re.compile(r"[,;:()\[\]。，；：]")
# where a future told after its month stops: a clause mark, a Japanese comma, or a past form ending a
# relative clause ("3月に締結した協定に基づき": the month is that past signing's)
_AFTER_STOP = re.compile(r"[,;:()\[\]。，；：、]|た(?![\u3041-\u3096])")


def _coming(doc: Document, text: str, hit: DateHit, published: PartialDate) -> DateHit:
    """A month without a year told in the future tense ("will sign an agreement in March", "The
    kick-off, in March, will ...", "wird im März unterzeichnet") is the next such month: a year
    later than the one at or before the publication date when that lies before its month."""
    date = hit.date
    if date.month is None or (date.year, date.month) >= (published.year, published.month or 12):
        return hit
    future = doc.lex.dates.get("future")
    after = doc.lex.dates.get("future_after")
    intent = doc.lex.dates.get("intent")  # (read before the month only)
    if future is None and after is None:
        return hit
    if after is not None:  # "3月に協定を締結する予定": the future told after the month, in its clause
        stop = _AFTER_STOP.search(text, hit.end)
        if after.search(text, hit.end, stop.start() if stop else min(len(text), hit.end + 80)) is not None:
            return _later(hit)
    if future is None:
        return hit
    before = [
        m for pat in (future, intent) if pat is not None for m in pat.finditer(text, max(0, hit.start - 80), hit.start)
    ]
    original = doc.lex.dates.get("original")
    if original is not None and any(
        m.end() >= hit.start - 4 and not any(0 <= m.start() - f.end() <= 2 for f in before)
        for m in original.finditer(text, max(0, hit.start - 30), hit.start)
    ):
        return hit  # "the agreement signed in March", "since March": a past one (not "to be signed in March")
    told = any(_CLAUSE_MARK.search(text, m.end(), hit.start) is None for m in before)
    if not told and _CLAUSE_MARK.match(text, hit.end):  # "In March, the two will sign ...": the clause after
        stop = _CLAUSE_MARK.search(text, hit.end + 1)
        told = future.search(text, hit.end + 1, stop.start() if stop else min(len(text), hit.end + 80)) is not None
    return _later(hit) if told else hit


def _later(hit: DateHit) -> DateHit:
    """The same month (and day) a year later."""
    date = hit.date
    if date.day == 29 and date.month == 2:
        return hit
    return attrs.evolve(hit, date=PartialDate(date.year + 1, date.month, date.day))


# a text that reports on one past year: "during calendar year 2024", "Annual Report 2024",
# "Jahresbericht 2024", "informe anual 2024", "rapport annuel 2024", "годовой отчёт за 2024"
_REPORT_YEAR = re.compile(
    r"(?i:\b(?:during|for|in|over|throughout) (?:the )?(?:calendar|academic|fiscal|financial|reporting) year "
    r"(\d{4})\b|\bannual report (?:for )?(\d{4})\b|\b(\d{4}) annual report\b|\bjahresbericht (\d{4})\b|"
    r"\b(?:informe|memoria) anual (?:de )?(\d{4})\b|\brapport annuel (?:de )?(\d{4})\b|"
    r"годово\w* отч[её]т\w* за (\d{4}))"
)


def report_year(doc: Document, published: PartialDate | None) -> int | None:
    """The past year a text says it reports on (one year only, before the publication's), where its
    months without a year fall ("in February" of a report on 2024 posted in March 2025)."""
    if not doc.report_year:
        years = set()
        head = doc.clean.text[:3000]
        if may_match(_REPORT_YEAR, lowered(head)):  # (most texts hold none of its literals)
            for m in _REPORT_YEAR.finditer(head):
                years.add(int(next(g for g in m.groups() if g)))
        year = years.pop() if len(years) == 1 else None
        if year is None or published is None or year >= published.year:
            year = None
        doc.report_year.append(year)
    return doc.report_year[0]


def last_date_before(doc: Document, si: int, published: PartialDate | None) -> PartialDate | None:
    """The last date stated before sentence ``si`` ("since then" refers to it)."""
    for j in range(si - 1, -1, -1):
        hits = dates_in(doc, doc.sentences[j].text, published)
        if hits:
            return hits[-1].date
    return None


def same_day_date(doc: Document, si: int, text: str, published: PartialDate | None) -> PartialDate | None:
    """The date of a statement made "on the same day" ("Le même jour", "En la misma jornada", "В тот
    же день", "同日"): the last date to the day stated before sentence ``si``; None when ``text``
    (the statement's clause) holds no such phrase or no earlier sentence gives a day."""
    same = doc.lex.dates.get("same_day")
    if same is None or not may_match(same, doc.low(si)) or same.search(text) is None:
        return None
    for j in range(si - 1, -1, -1):
        hits = [h for h in dates_in(doc, doc.sentences[j].text, published) if h.date.day is not None]
        if hits:
            return hits[-1].date
    return None


def inherited_date(
    doc: Document, si: int, triggers: Mapping[int, Sequence[object]], published: PartialDate | None
) -> PartialDate | None:
    """The date a neighbouring sentence of the paragraph gives a signing that states none.

    Back: the last date of the nearest earlier sentence (two at most) that states no deal of
    its own ("On 5 May the delegation visited X. The universities signed an MoU.").
    Forward: the next sentence when it reports the signing itself and no deal of its own
    ("... signed an MoU. The ceremony took place on 5 May.").
    """
    if dates_in(doc, doc.sentences[si].text, published):
        return None
    for j in range(si - 1, max(-1, si - 3), -1):
        if triggers.get(j) or not same_paragraph(doc, j, si):
            break
        hits = dates_in(doc, doc.sentences[j].text, published)
        if hits:
            return hits[-1].date
    nxt = si + 1
    if nxt < len(doc.sentences) and not triggers.get(nxt) and same_paragraph(doc, si, nxt):
        hits = dates_in(doc, doc.sentences[nxt].text, published)
        if hits and _reports_signing(doc, nxt):
            return hits[0].date
    return None


def _reports_signing(doc: Document, si: int) -> bool:
    """True when sentence ``si`` speaks of a signing ("the ceremony", "the signing", "was signed")."""
    text = doc.sentences[si].text
    pats = (doc.lex.status.get("signed"), doc.lex.refs.get("ceremony"), doc.lex.refs.get("anaphora"))
    return any(p is not None and p.search(text) is not None for p in pats)


def _nearest(hits: list[DateHit], trig: _Spanned) -> DateHit:
    """The hit of ``hits`` (not empty) nearest the trigger, on either side (the first on a tie)."""
    return min(hits, key=lambda h: min(abs(h.start - trig.end), abs(trig.start - h.end)))


def date_for(doc: Document, text: str, trig: _Spanned, published: PartialDate | None) -> PartialDate | None:
    """The date of ``text`` nearest the trigger, leaving out the date of the report itself
    ("announced this Friday"); of a range of two dates ("between 2009 and 2019"), its start."""
    hits = dates_in(doc, text, published)
    reported = doc.lex.dates.get("reported")
    if reported is not None:
        # "announced this Friday", "reported Kazinform on April 24": the date of the news, not of the deal
        hits = [h for h in hits if not _right_after_report(reported, text, h.start)]
    if not hits:
        return None
    best = _nearest(hits, trig)
    for h in hits:  # "between 2009 and 2019", "von 2009 bis 2019", "2009–2019": the range's start
        if (
            h.end < best.start
            and _RANGE_MID.fullmatch(text, h.end, best.start)
            and (_RANGE_OPEN.search(text, max(0, h.start - 12), h.start) or text[h.end : best.start].strip() in "–—-")
        ):
            return h.date
    return best.date


# the middle and the opening of a range of two dates
_RANGE_MID = re.compile(r"\s*(?:and|to|until|through|bis|und|à|au|a|y|hasta|по|до|и|–|—|-)\s*", re.IGNORECASE)
_RANGE_OPEN = re.compile(r"(?<!\w)(?:between|from|zwischen|von|entre|de|du|desde|с|между)\s+$", re.IGNORECASE)


# "was not renewed", "не было продлено": no renewal
_NOT = re.compile(r"(?<!\w)(?:not|never|nicht|nie|pas|jamais|no|nunca|не|未|没有)(?!\w)[^.;,]{0,12}$", re.IGNORECASE)
_ORIGINAL_GAP = re.compile(r"\s*(?:(?:the|l['’]an|el año|the year|year|году|годом)\s+)?", re.IGNORECASE)


def original_dates(doc: Document, text: str, hits: list[DateHit]) -> list[DateHit]:
    """The dates of ``hits`` marked as a deal's original one ("first signed in 2014", "depuis 2010")."""
    original = doc.lex.dates.get("original")
    if original is None or not hits or not may_match(original, lowered(text)):
        return []
    cues = [m.end() for m in original.finditer(text)]
    return [h for h in hits if any(c <= h.start and _ORIGINAL_GAP.fullmatch(text, c, h.start) for c in cues)]


def _renewal_date(doc: Document, text: str, trig: _Spanned, hits: list[DateHit]) -> PartialDate | None:
    """The date of a renewal told beside the original one: the nearest date not marked original."""
    marked = original_dates(doc, text, hits)
    rest = [h for h in hits if h not in marked]
    renewed = doc.lex.dates.get("renewed")
    if not marked or not rest or renewed is None:
        return None
    if all(_NOT.search(text, max(0, m.start() - 16), m.start()) for m in renewed.finditer(text)):
        return None  # no renewal, or only "was not renewed"
    return _nearest(rest, trig).date


def act_date(
    doc: Document, text: str, trig: _Spanned, published: PartialDate | None, status: Status
) -> PartialDate | None:
    """The date of what a trigger states, reading a date marked as the deal's original one.

    "extended the agreement first signed in 2014 on Monday", "ont renouvelé lundi l'accord qui
    les lie depuis 2010": a renewal is dated by its own date, not the original (a renewal
    stating no date of its own keeps the original); "terminated the agreement concluded in
    2011": an ended deal is dated by its original signing. Otherwise :func:`date_for`.
    """
    hits = dates_in(doc, text, published)
    if status is Status.ENDED and (marked := original_dates(doc, text, hits)):
        return _nearest(marked, trig).date
    if status is Status.SIGNED and (renewal := _renewal_date(doc, text, trig, hits)) is not None:
        return renewal
    return date_for(doc, text, trig, published)


_REPORT_GAP = re.compile(r"\s*(?:\w+\s+)?(?:on|este|esta|el|le|ce|в|во|am|at)?\s*$", re.IGNORECASE)


def _right_after_report(pattern: re.Pattern[str], text: str, pos: int) -> bool:
    window = text[max(0, pos - 30) : pos]
    return any(_REPORT_GAP.fullmatch(window, m.end()) for m in pattern.finditer(window))


def same_paragraph(doc: Document, a: int, b: int) -> bool:
    text = doc.clean.text
    return "\n" not in text[doc.sentences[a].end : doc.sentences[b].start]


# "During the visit ...", "в ходе визита", "durante la visita": a statement made at an event the
# text dated before.
_DURING = re.compile(
    r"\b(?:during|in the course of|at|within) (?:the|this|their|his|her) (visit|trip|forum|meeting|conference|summit)"
    r"|в ходе (визит|форум|встреч|конференц)|durante (?:la|el|esta|este) (visita|foro|reuni[oó]n|conferencia)"
    r"|lors (?:de la|du|de cette) (visite|forum|r[ée]union|conf[ée]rence)"
    r"|während (?:des|der|dieses) (Besuch|Forum|Treffen|Konferenz)",
    re.IGNORECASE,
)


# "At the opening ceremony", "揭牌仪式上", "на церемонии открытия": a ceremony named by what it
# marks; the sentence that tells that act ("has opened", "正式揭牌") dates it
_CEREMONY = re.compile(
    r"\b(?:at|during) the (\w{4,}) ceremony|\bceremon(?:ia|ie) (?:de |d['’])(?:la |l['’])?(\w{4,})"
    r"|\bacto de (?:la )?(\w{4,})|\bcérémonie (?:de |d['’])(?:la |l['’])?(\w{4,})"
    r"|\b(\w{4,})(?:feier|zeremonie)\b|церемони\w* (\w{4,})|([\u3400-\u9fff]{2})仪式上",
    re.IGNORECASE,
)


def during_date(doc: Document, si: int, published: PartialDate | None) -> PartialDate | None:
    """The date an earlier sentence gives the event a statement is made at ("A delegation visited
    X from 10 to 15 October 2023. ... During the visit, X and Y signed an agreement"): the first
    earlier sentence naming the same event word with a date to the month or day."""
    # (a sentence without any literal of the pattern is not searched)
    m = _DURING.search(doc.sentences[si].text) if may_match(_DURING, doc.low(si)) else None
    if m is None:
        return _ceremony_date(doc, si, published)
    stem = next(g for g in m.groups() if g)[:5].lower()
    for j in range(si):
        text = doc.sentences[j].text
        if stem in text.lower():
            hits = [h for h in dates_in(doc, text, published) if h.date.month is not None]
            if hits:
                return hits[0].date
    return None


def _ceremony_date(doc: Document, si: int, published: PartialDate | None) -> PartialDate | None:
    """The date of the act a ceremony marks ("At the opening ceremony, X and Y signed an MoU"
    after "X has opened an office in Z today"): the first earlier sentence holding the act's stem
    ("open", "揭牌"), its date to the day nearest that stem (not a dateline's)."""
    m = _CEREMONY.search(doc.sentences[si].text) if may_match(_CEREMONY, doc.low(si)) else None
    if m is None:
        return None
    word = next(g for g in m.groups() if g).lower()
    stem = word if CJK.match(word) else word[:4]
    return _date_near_stem(doc, range(si), stem, published, to_day=True)


# the body that admits members at a meeting: "La asamblea aprobó la incorporación de ...", "the Council admitted"
_BODY = re.compile(
    r"(?<!\w)(?:the|la|el|le|l['’]|die|der|das)\s+(assembl\w*|council|conseil|consejo|asamblea|versammlung|mitgliederversammlung)"
    r"|(?<!\w)(собрани\w*|совет\w*)",
    re.IGNORECASE,
)


def body_date(doc: Document, si: int, published: PartialDate | None) -> PartialDate | None:
    """The date of the meeting at which a body ("the assembly", "la asamblea", "le conseil") that
    sentence ``si`` names decided: an earlier sentence of the text naming that body with a date to
    the month or day ("La AUIP celebró ayer su asamblea general anual. ... La asamblea aprobó la
    incorporación de tres nuevos miembros": yesterday)."""
    m = _BODY.search(doc.sentences[si].text)
    if m is None:
        return None
    stem = next(g for g in m.groups() if g)[:6].lower()
    return _date_near_stem(doc, range(si - 1, -1, -1), stem, published, to_day=False)


def _date_near_stem(
    doc: Document, order: range, stem: str, published: PartialDate | None, *, to_day: bool
) -> PartialDate | None:
    """The date nearest ``stem`` in the first sentence of ``order`` holding both: a date to the
    day (``to_day``) or at least to the month."""
    for j in order:
        text = doc.sentences[j].text
        at = text.lower().find(stem)
        if at < 0:
            continue
        hits = [h for h in dates_in(doc, text, published) if (h.date.day if to_day else h.date.month) is not None]
        if hits:
            return min(hits, key=lambda h: min(abs(h.start - at), abs(h.end - at))).date
    return None


def event_date(doc: Document, si: int, published: PartialDate | None) -> PartialDate | None:
    """The date of an event a statement is made at ("Within the framework of the Forum, ... was
    signed"), given where the text first dates an event ("The Forum was held on 28 October 2015"):
    a date to the month or day, close after the event's name in an earlier sentence."""
    if not any(m.entity is not None and is_event(doc, m.entity) for m in doc.in_sentence(si)):
        return None
    for j in range(si):
        sent = doc.sentences[j]
        for e in doc.in_sentence(j):
            if e.entity is None or not is_event(doc, e.entity):
                continue
            at = e.end - sent.start
            near = [
                h
                for h in dates_in(doc, sent.text, published)
                if h.date is not None and h.date.month is not None and 0 <= h.start - at <= 160
            ]
            if near:
                return near[0].date
    return None


def is_event(doc: Document, ent: int) -> bool:
    """True when the entity is named as an event ("Forum Afrique-Europe", "the Rectors' Summit")."""
    return _names_event(tuple(doc.entities[ent].names))


@functools.lru_cache(maxsize=4096)
def _names_event(names: tuple[str, ...]) -> bool:
    """An entity named as an event (asked for every mention of every earlier sentence)."""
    return any(EVENT.search(n) for n in names)


_BREAK = re.compile(r"[\"“”«»「」,，;；:]")


def date_after(doc: Document, text: str, trig: _Spanned, published: PartialDate | None) -> PartialDate | None:
    """The first date after the trigger in the same clause, outside quotes ("The agreement was
    signed on Tuesday"; not "its signing matters for the goal 'by 2020 ...'")."""
    hits = dates_in(doc, text, published)
    if (renewal := _renewal_date(doc, text, trig, hits)) is not None:
        return renewal  # "ont renouvelé lundi l'accord qui les lie depuis 2010"
    for h in hits:
        if h.start >= trig.end and not _BREAK.search(text, trig.end, h.start):
            return h.date
    return None
