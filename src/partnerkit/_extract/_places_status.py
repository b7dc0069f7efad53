"""The status of each place of an office sentence: its own clause's and stretch's cues."""

from __future__ import annotations

from partnerkit._extract._document import Document
from partnerkit._extract._triggers import status_cues
from partnerkit._model import Status

__all__ = ["clause_status", "place_statuses"]


def clause_status(doc: Document, text: str, pos: int, default: Status) -> Status:
    # the clause around ``pos`` (between , ; ( ) ) may carry its own status
    left = max(text.rfind(c, 0, pos) for c in ",;()")
    right_candidates = [i for i in (text.find(c, pos) for c in ",;()") if i >= 0]
    right = min(right_candidates) if right_candidates else len(text)
    clause = text[left + 1 : right]
    neg = doc.lex.status.get("negotiating")
    if neg is not None and neg.search(clause):
        return Status.NEGOTIATING
    return default if default is not Status.NEGOTIATING else Status.ACTIVE


def place_statuses(doc: Document, si: int, positions: list[int], status: Status) -> list[Status] | None:
    """Each place of a multi-place office sentence takes the status cue of its own stretch
    ("has an office in A and will open one in B": A running, B planned): the last cue between
    the place before it and itself; a place with none, whose sentence's cues all stand after it
    and before a later place, is running."""
    if len(positions) < 2:
        return None
    cues = [(s, e, n) for s, e, n in status_cues(doc, si) if n in ("planned", "signed", "active", "ended")]
    if not cues:
        return None
    out = []
    for k, pos in enumerate(positions):
        lo = positions[k - 1] if k else 0
        mine = [n for s, e, n in cues if lo <= s and e <= pos]
        if mine:
            out.append(Status(mine[-1]) if mine[-1] != "signed" else status)
        elif k + 1 < len(positions) and all(pos < s and e <= positions[-1] for s, e, _n in cues):
            out.append(Status.ACTIVE)
        else:
            out.append(status)
    return out
