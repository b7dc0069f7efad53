"""Memberships listed without a trigger on their own line: table rows ("CESAER | 1990") and
bullets under a heading that announces them ("International networks", "Member since").

A block is a run of two or more table rows (lines holding "|") or bullet lines; it lists
memberships when its header row or the line before it matches the language's ``listing``
cue. Each row's first cell (a bullet's first name) is the organisation; the member is the
institution the line before the block names, else the publisher, else the text's subject.
Blocks introduced by a membership trigger ("is a member of the following networks:") are
read by the statement itself, not here.
"""

from __future__ import annotations

import re

from partnerkit._extract._document import Document
from partnerkit._extract._parties import party as _party
from partnerkit._extract._when import dates_in
from partnerkit._model import Evidence, PartialDate, Partnership, PartnershipKind, Party, Status

__all__ = ["listed_memberships"]

_BULLET = re.compile(r"^\s*(?:[•·▪◦‣●○■□\-–—*]|\d{1,2}[.)])\s+")
_ANY_BULLET = re.compile(r"^\s*(?:[•·▪◦‣●○■□\-–—*]|\d{1,2}[.)])\s+", re.M)
_RULE = re.compile(r"^[\s|:\-–—=+]*$")  # a separator row ("|---|---|")


def _lines(text: str) -> list[tuple[int, str]]:
    out = []
    pos = 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def _blocks(lines: list[tuple[int, str]]) -> list[tuple[int, int, bool]]:
    """(first, last + 1, is_table) of each run of table rows or bullet lines."""
    out = []
    i = 0
    while i < len(lines):
        line = lines[i][1]
        table = "|" in line
        if not table and not _BULLET.match(line):
            i += 1
            continue
        j = i
        while j < len(lines) and (("|" in lines[j][1]) if table else bool(_BULLET.match(lines[j][1]))):
            j += 1
        if j - i >= 2:
            out.append((i, j, table))
        i = j
    return out


def listed_memberships(doc: Document, published: PartialDate | None, subject: int | None) -> list[Partnership]:
    text = doc.clean.text
    cue = doc.lex.refs.get("listing")
    if cue is None or ("|" not in text and _ANY_BULLET.search(text) is None):
        return []  # (most texts: no table row, no bullet line)
    trigger = doc.lex.kinds.get(PartnershipKind.MEMBERSHIP)
    lines = _lines(text)
    out: list[Partnership] = []
    for first, last, table in _blocks(lines):
        prev = next((k for k in range(first - 1, -1, -1) if lines[k][1].strip()), None)
        intro = lines[prev][1] if prev is not None else ""
        if not table and (trigger is not None and trigger.search(intro) is not None):
            continue  # "X is a member of the following networks:" is read as a statement
        rows = [k for k in range(first, last) if not _RULE.match(lines[k][1])]
        header = lines[rows[0]][1] if table and rows else ""
        if not (cue.search(header) or cue.search(intro)):
            continue
        if table:
            rows = rows[1:]
        member = _member(doc, lines, prev, subject)
        if member is None:
            continue
        for k in rows:
            start, line = lines[k]
            rec = _row(doc, start, line, table, member, published)
            if rec is not None:
                out.append(rec)
    return out


def _member(doc: Document, lines: list[tuple[int, str]], prev: int | None, subject: int | None) -> int | None:
    if prev is not None:
        start, line = lines[prev]
        named = [
            m.entity
            for m in doc.mentions
            if m.entity is not None
            and start <= m.start < start + len(line)
            and doc.entities[m.entity].kind == "org"
            and m.kind != "pair"
        ]
        if named:
            return named[0]
    return doc.publisher if doc.publisher is not None else subject


def _row(  # noqa: PLR0917
    doc: Document, start: int, line: str, table: bool, member: int, published: PartialDate | None
) -> Partnership | None:
    if table:
        cells = line.strip().strip("|").split("|")
        first = cells[0]
        lead = line.find(first)
        name = first.strip()
        n_start = start + lead + (len(first) - len(first.lstrip()))
        rest = "|".join(cells[1:])
    else:
        bullet = _BULLET.match(line)
        n_start = start + (bullet.end() if bullet else 0)
        name = line[n_start - start :].split(",", maxsplit=1)[0].strip()
        rest = line[n_start - start + len(name) :]
    if not name or not name[0].isupper() or len(name) > 120:
        return None
    inside = [
        m
        for m in doc.mentions
        if m.entity is not None
        and n_start <= m.start < n_start + len(name)
        and doc.entities[m.entity].kind == "org"
        and m.entity != member
    ]
    if not table and not inside:
        return None  # a bullet names an organisation only through a found name
    org = _party(doc, inside[0].entity) if inside and inside[0].entity is not None else Party(name)
    hits = dates_in(doc, rest, published)
    return Partnership(
        kind=PartnershipKind.MEMBERSHIP,
        parties=(_party(doc, member), org),
        status=Status.ACTIVE,
        date=hits[0].date if hits else None,
        evidence=(Evidence(quote=line.strip(), published=published),),
    )
