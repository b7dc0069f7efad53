"""Which stored partnerships without an id a partnership being stored supersedes.

A partnership without an id is stored under a digest of its content, so the same deal
stored again with one more sentence of evidence (merged again after new articles came
in) or with its evidence in another order would be a second row beside the first. A
stored one is superseded, and its row rewritten, when the new partnership says all it
said and is the same deal:

- the stored one has no id of its own (nor a source's native id) and some evidence;
- no other source gave it: its provenance names only the source the new one comes from
  (none, for a partnership stored without provenance), so what another source gave is
  never rewritten;
- each of its sentences of evidence is among the new one's, all that the evidence says but
  the time it was retrieved alike: the same sentence in another article, or with another
  publication date, is other evidence;
- :func:`~partnerkit.merge_partnerships` makes the two one partnership (same parties,
  kinds of one family, dates that agree).

Stored rows are found by their evidence (an index on the start of each quote), so storing
costs one indexed lookup per new partnership, however many the store holds.

One sentence that states two deals ("an MoU with B and an exchange programme with C")
gives two partnerships with the same evidence: the merge test keeps them apart.
"""

from __future__ import annotations

import json
import sqlite3

import attrs

from partnerkit._codec import from_dict
from partnerkit._extract import merge_partnerships
from partnerkit._model import Evidence, Partnership
from partnerkit._store._schema import QUOTE_PREFIX

__all__ = ["superseded", "take_over"]


def superseded(conn: sqlite3.Connection, p: Partnership, source: str | None) -> list[tuple[int, str]]:
    """The ``(rowid, key)`` of the stored partnerships ``p`` supersedes, oldest first."""
    if not p.evidence:
        return []
    said = {_sentence(e) for e in p.evidence}
    starts = sorted({e.quote[:48] for e in p.evidence})
    rows = conn.execute(
        "SELECT p.rowid, p.key, p.data FROM partnership p WHERE substr(p.key, 1, 7) = 'sha256:'"
        f" AND p.evidence_count <= ? AND p.rowid IN (SELECT e.partnership FROM evidence e WHERE {QUOTE_PREFIX}"
        f" IN ({', '.join('?' * len(starts))})) AND NOT EXISTS (SELECT 1 FROM provenance v WHERE"
        " v.record_type = 'partnership' AND v.record_key = p.key AND v.source IS NOT ?) ORDER BY p.rowid",
        (len(p.evidence), *starts, source),
    ).fetchall()
    out = []
    for rowid, key, text in rows:
        old = from_dict(Partnership, json.loads(text))
        if not all(_sentence(e) in said for e in old.evidence):
            continue
        if len(merge_partnerships([old, p])) == 1:
            out.append((rowid, key))
    return out


def _sentence(e: Evidence) -> Evidence:
    """A sentence of evidence as the store tells it apart: everything but when it was retrieved."""
    return attrs.evolve(e, retrieved=None)


def take_over(conn: sqlite3.Connection, p: Partnership, key: str, source: str | None) -> int | None:
    """The rowid of the stored partnership ``p`` (stored under ``key``) rewrites, if it supersedes one.

    The provenance of every superseded row moves to ``key``; rows beyond the first (earlier
    duplicates of one deal) are removed.
    """
    rows = superseded(conn, p, source)
    for _rowid, old in rows:
        conn.execute(
            "UPDATE OR IGNORE provenance SET record_key = ? WHERE record_type = 'partnership' AND record_key = ?",
            (key, old),
        )
        conn.execute("DELETE FROM provenance WHERE record_type = 'partnership' AND record_key = ?", (old,))
    for rowid, _old in rows[1:]:
        conn.execute("DELETE FROM party WHERE partnership = ?", (rowid,))
        conn.execute("DELETE FROM evidence WHERE partnership = ?", (rowid,))
        conn.execute("DELETE FROM partnership WHERE rowid = ?", (rowid,))
    return rows[0][0] if rows else None
