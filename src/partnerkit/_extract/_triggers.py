"""Trigger phrases and status cues of one sentence, read with the language's lexicon.

One record per kind and sentence; a capitalised trigger running into another names that
object ("the Flagship Partnership Research Grant program"); scope lists inside a document
("exchange of students and joint research") get no trigger of their own. The status is the
one of the cue closest to the trigger; a hedge in the trigger's clause ("hopes to", "could")
or a denial ("no agreement was signed") gives none.
"""

from __future__ import annotations

import re

import attrs

from partnerkit._extract._clauses import clause_span, joins
from partnerkit._extract._document import Document
from partnerkit._extract._narrow import narrowed
from partnerkit._extract._tidy import DOCUMENTS as _DOCUMENTS
from partnerkit._model import PartnershipKind, Status

__all__ = ["Trigger", "set_up_cue", "status", "status_cues", "triggers"]

K = PartnershipKind


@attrs.frozen
class Trigger:
    """A trigger phrase of a sentence: the kind it states and where (sentence offsets)."""

    kind: PartnershipKind
    start: int
    end: int


def triggers(doc: Document, si: int) -> list[Trigger]:
    """The triggers of sentence ``si`` in text order, found once per sentence (a new list each
    call: callers may edit theirs)."""
    got = doc.trigger_cache.get(si)
    if got is None:
        got = doc.trigger_cache[si] = tuple(_find_triggers(doc, si))
    return list(got)


def _find_triggers(doc: Document, si: int) -> list[Trigger]:
    found: list[Trigger] = []
    sent_text = doc.sentences[si].text
    scans = narrowed(doc.lex, "kinds", doc.lex.kinds, doc.low(si))
    if not scans:
        return []
    for kind, pattern in scans:
        for m in pattern.finditer(sent_text):
            if m.end() == m.start():
                continue
            if any(t.start < m.end() and m.start() < t.end for t in found):
                continue
            found.append(Trigger(kind, m.start(), m.end()))
    if len(found) < 2:
        return found  # (what follows weighs triggers against each other)
    found.sort(key=lambda t: t.start)
    # "the International Flagship Partnership Research Grant program": a capitalised trigger
    # that runs straight into another (non-document) trigger names that object, not its own kind.
    found = [
        t
        for t in found
        if not (
            sent_text[t.start : t.start + 1].isupper()
            and any(
                o.kind not in _DOCUMENTS and o.kind != t.kind and o.start - t.end == 1 and sent_text[o.start].isupper()
                for o in found
            )
        )
    ]
    if any(t.kind is K.MEMBERSHIP for t in found) and any(t.kind is K.CONSORTIUM for t in found):
        # "es miembro del Consorcio de Universidades del Estado de Chile": the consortium word is
        # part of the name of the body joined, no consortium of the sentence's own
        start = doc.sentences[si].start
        names = [(m.start - start, m.end - start) for m in doc.in_sentence(si) if m.entity is not None]
        found = [
            t for t in found if not (t.kind is K.CONSORTIUM and any(a <= t.start and t.end <= b for a, b in names))
        ]
    # "a student mobility agreement": an agreement named by its mobility object is the exchange.
    found = [
        t
        for t in found
        if not (
            t.kind is K.AGREEMENT
            and any(o.kind is K.EXCHANGE and o.end <= t.start and not sent_text[o.end : t.start].strip() for o in found)
        )
    ]
    # "eine Vereinbarung über den Austausch von Studierenden", "an agreement on the exchange of
    # students": the exchange too, named from the document's word on
    for t in [t for t in found if t.kind is K.AGREEMENT]:
        o = next(
            (
                o
                for o in found
                if o.kind is K.EXCHANGE and t.end <= o.start and _OBJECT_GAP.fullmatch(sent_text, t.end, o.start)
            ),
            None,
        )
        if o is not None:
            found = [x for x in found if x is not t and x is not o] + [Trigger(K.EXCHANGE, t.start, o.end)]
    found.sort(key=lambda t: t.start)
    # "a joint master's programme with a double degree": one programme, the double degree
    found = [
        t
        for t in found
        if not (
            t.kind is K.JOINT_PROGRAMME
            and any(o.kind is K.DOUBLE_DEGREE and max(o.start - t.end, t.start - o.end) <= 60 for o in found)
        )
    ]
    # One record per kind and sentence; scope lists inside a document get none of their own.
    out: list[Trigger] = []
    docs = [t for t in found if t.kind in _DOCUMENTS]
    scope = doc.lex.refs.get("scope")
    for t in found:
        if any(o.kind == t.kind for o in out):
            continue
        if t.kind in (K.EXCHANGE, K.RESEARCH_PROJECT, K.JOINT_PROGRAMME) and docs and scope is not None:
            before = sent_text[docs[0].end : t.start]
            if t.start > docs[0].start and scope.search(before) and not set_up_cue(doc, sent_text, t):
                continue  # "an agreement providing for staff mobility" (not "... the creation of a programme")
        out.append(t)
    return out


# "includes a student mobility programme", "replaces a bilateral exchange agreement": a programme
# or agreement of its own (an indefinite article, a named object), not a scope list item
_INDEFINITE = re.compile(
    r"(?:^|\s)(?:an?|one|new|un|una|une|nuevo|nueva|nouvel|nouveau|ein\w*)(?:\s+[\w-]+){0,2}\s+$", re.I
)
_NAMED_OBJECT = re.compile(r"program|agreement|convenio|acuerdo|accord|abkommen|vereinbarung", re.I)


def set_up_cue(doc: Document, text: str, trig: Trigger) -> bool:
    """True when what the trigger names is set up ("to create a joint programme") or is an
    object of its own ("includes a mobility programme"), not the scope of a document."""
    cue = doc.lex.refs.get("setup")
    if cue is not None and cue.search(text, max(0, trig.start - 80), trig.start) is not None:
        return True
    return (
        _NAMED_OBJECT.search(text, trig.start, trig.end) is not None
        and _INDEFINITE.search(text, max(0, trig.start - 40), trig.start) is not None
    )


_CUE_NAMES = ("negotiating", "planned", "signed", "ended", "active", "hedge", "unsigned", "unreached", "negated", "yet")


def status_cues(doc: Document, si: int) -> list[tuple[int, int, str]]:
    """Every status cue of sentence ``si``: (start, end, status name), read once per sentence."""
    got = doc.cue_cache.get(si)
    if got is None:
        text = doc.sentences[si].text
        scans = dict(narrowed(doc.lex, "status", doc.lex.status, doc.low(si)))
        got = []
        for name in _CUE_NAMES:
            pat = scans.get(name)
            if pat is None:
                continue
            got.extend((m.start(), m.end(), name) for m in pat.finditer(text))
        doc.cue_cache[si] = got
    return got


# what joins a document to its mobility object ("accord d'échange", "agreement on exchange")
_OBJECT_GAP = re.compile(
    r"\s*(?:d['’]|de |del |of |on |for |об |о |über (?:den |einen )?|zum |zur |sobre (?:el )?)?\s*", re.I
)
_NEAR = 25  # "not yet signed", "пока не подписано": how close a "yet" is to its negated signing
# a clause boundary: a hedge beyond one is about something else ("set up a lab, which could open in 2024")
_CLAUSE = re.compile(r"[,;:()\u2013\u2014]|\s-\s|，|；|：")


def _governs(text: str, start: int, end: int, trig: Trigger) -> bool:
    """True when a hedge cue is in the trigger's own clause (no clause boundary between them)."""
    lo, hi = (end, trig.start) if end <= trig.start else (trig.end, start)
    return lo >= hi or _CLAUSE.search(text, lo, hi) is None


def status(doc: Document, si: int, trig: Trigger, kind: PartnershipKind) -> Status | None:
    """The status the sentence gives (closest cue to the trigger), or None when it states no
    deal: a hedge in the trigger's clause, the object denied ("no agreements were announced"),
    a signing negated with no talks going on ("wurden nicht unterzeichnet"), a deal said not to be
    reached ("no agreement was reached": negotiating when the sentence tells talks)."""
    whole = raw = status_cues(doc, si)
    text = doc.sentences[si].text
    if raw and joins(text):
        # "an MoU with A, while the exchange with B was suspended": each clause's own cues
        lo, hi = clause_span(text, trig.start, [t.start for t in triggers(doc, si)])
        raw = [c for c in raw if lo <= c[0] and c[1] <= hi]
    if any(n == "unreached" for _s, _e, n in raw):
        # "no deal was reached", "wurden noch nicht getroffen", "не удалось договориться": no deal,
        # not even one to come; talks told in any clause keep it negotiating ("have not reached an
        # agreement, but talks continue")
        return Status.NEGOTIATING if any(n == "negotiating" for _s, _e, n in whole) else None
    # "Планируется подписание", "plans the signing of": a signing that is planned is no signing yet
    planned = [(s, e) for s, e, n in raw if n == "planned"]
    # (also a future form both tables read: "firmarán", "signeront")
    raw = [c for c in raw if not (c[2] == "signed" and any(0 <= c[0] - e <= 5 or (s <= c[0] < e) for s, e in planned))]
    # "将关闭", "будет закрыт", "will be closed": a closing announced as decided ends the object
    ends = [s for s, _e, n in raw if n == "ended"]
    raw = [c for c in raw if not (c[2] == "planned" and any(0 <= s - c[1] <= 3 for s in ends))]
    yet = [(s, e) for s, e, n in raw if n == "yet"]

    def not_yet(start: int, end: int) -> bool:
        return any(ys < end + _NEAR and start - _NEAR < ye for ys, ye in yet)

    # "no agreements were announced", "did not involve any agreement": the object itself is denied
    denied = [(s, e) for s, e, n in raw if n == "negated" and s < trig.end and trig.start < e]
    if any(not not_yet(s, e) for s, e in denied):
        return None
    if denied and not any(n == "negotiating" for _s, _e, n in raw):
        return Status.PLANNED  # "has not yet joined", "noch nicht beigetreten", "尚未加入": still to come
    # "nothing has been signed yet", "не подписано", "尚未签署": a negated signing is no signing
    unsigned = [(s, e) for s, e, n in raw if n == "unsigned"]
    talks = any(n in ("negotiating", "planned") for _s, _e, n in raw)
    if unsigned and not talks and not any(not_yet(s, e) for s, e in unsigned):
        return None  # "Vereinbarungen wurden nicht unterzeichnet", "并未签署协议": no deal, not one to come
    if unsigned:
        raw = [c for c in raw if c[2] != "signed" or not any(s <= c[0] < e for s, e in unsigned)]
        raw = [(s, e, "planned" if n == "unsigned" else n) for s, e, n in raw]
    if kind in _DOCUMENTS and any(n == "signed" and 0 <= trig.start - e <= 12 for _s, e, n in raw):
        return Status.SIGNED  # "signed a letter of intent to create ...": the purpose is the object's plan
    cues = [(min(abs(s - trig.end), abs(trig.start - e)), name) for s, e, name in raw]
    names = {n for _, n in cues}
    if "negotiating" in names:
        near = min(d for d, n in cues if n == "negotiating")
        if not any(n == "signed" and d < near for d, n in cues):
            return Status.NEGOTIATING  # (not "as a result of the talks, a memorandum was signed")
    if (
        "hedge" in names
        and not ({"signed"} & names)
        and any(_governs(text, s, e, trig) for s, e, n in raw if n == "hedge")
    ):
        return None
    if "ended" in names and "planned" not in names and not any(n == "signed" and s < trig.start for s, _e, n in raw):
        return Status.ENDED  # "suspended the agreement signed in 2017": the signing only describes it
    cues.sort()
    for _dist, name in cues:
        if name in ("planned", "signed", "ended"):
            return Status(name)
        if name == "active":
            return Status.ACTIVE
    return Status.SIGNED if kind in _DOCUMENTS else Status.ACTIVE
