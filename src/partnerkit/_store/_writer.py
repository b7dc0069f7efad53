"""Writing one record into the store's tables: its row, its names, parties and evidence, its provenance."""

from __future__ import annotations

import sqlite3
from typing import Any

from partnerkit._codec import to_dict
from partnerkit._errors import RecordError
from partnerkit._model import Article, Institution, Partnership, Provenance
from partnerkit._store._keys import date_span, encode, name_key, record_key
from partnerkit._store._supersede import take_over

__all__ = ["KINDS", "RecordWriter"]

#: The record types the store keeps, and the kind each is stored as (in the provenance table).
KINDS: dict[type[Any], str] = {Institution: "institution", Partnership: "partnership", Article: "article"}


class RecordWriter:
    """Writes records over one connection, inside the store's transaction (:meth:`Store.batch`).

    Parties and evidence of partnerships are gathered and written together by :meth:`flush`
    (one ``executemany`` per batch); :meth:`discard` drops them when the batch is rolled back.
    ``institution_writes`` counts the institutions written, so the store knows when the
    registry of its institutions is out of date.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.institution_writes = 0
        self._parties: list[tuple[Any, ...]] = []
        self._evidence: list[tuple[Any, ...]] = []

    def discard(self) -> None:
        """Forget the parties and evidence not yet written (their batch is rolled back)."""
        self._parties.clear()
        self._evidence.clear()

    def put(self, record: Any, provenance: Provenance | None, seen: dict[tuple[str, str], str] | None) -> str:
        """Store one record: ``"added"``, ``"updated"`` or ``"unchanged"``.

        ``seen`` (of a ``unique`` import) refuses a key seen with other values.
        """
        kind = KINDS.get(type(record))
        if kind is None:
            raise RecordError(f"the store keeps institutions, partnerships and articles, not {type(record).__name__}")
        text, digest = encode(to_dict(record))
        key = record_key(record, digest, provenance)
        if seen is not None:
            earlier = seen.setdefault((kind, key), digest)
            if earlier != digest:
                shown = key if isinstance(record, Institution) else key.partition(":")[2]
                raise RecordError(
                    f"{shown[:60]!r} was already imported from another record of this import, with other "
                    "values; the first one is kept",
                    field="id",
                )
        if isinstance(record, Institution):
            outcome = self._institution(record, text, digest)
        elif isinstance(record, Partnership):
            outcome = self._partnership(record, key, text, digest, provenance)
        else:
            outcome = self._article(record, key, text, digest)
        if provenance is not None:
            self.conn.execute(
                "INSERT OR IGNORE INTO provenance VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    kind,
                    key,
                    provenance.source,
                    provenance.plugin_version,
                    provenance.locator or "",
                    provenance.native_id or "",
                    provenance.fetched.isoformat() if provenance.fetched else None,
                ),
            )
        return outcome

    def _institution(self, inst: Institution, text: str, digest: str) -> str:
        row = self.conn.execute("SELECT digest FROM institution WHERE id = ?", (inst.id,)).fetchone()
        if row is not None and row[0] == digest:
            return "unchanged"
        self.institution_writes += 1
        self.conn.execute(
            "INSERT INTO institution VALUES (?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET name = excluded.name,"
            " country = excluded.country, digest = excluded.digest, data = excluded.data",
            (inst.id, inst.name, inst.country, digest, text),
        )
        self.conn.execute("DELETE FROM institution_name WHERE institution_id = ?", (inst.id,))
        self.conn.executemany(
            "INSERT OR IGNORE INTO institution_name VALUES (?, ?)",
            [(inst.id, name_key(n.value)) for n in inst.names()],
        )
        return "added" if row is None else "updated"

    def _partnership(self, p: Partnership, key: str, text: str, digest: str, given: Provenance | None) -> str:
        row = self.conn.execute("SELECT rowid, digest FROM partnership WHERE key = ?", (key,)).fetchone()
        if row is not None and row[1] == digest:
            return "unchanged"
        if row is None:  # a new content key: it may be a stored deal said again, with more evidence
            self.flush()
            rowid = take_over(self.conn, p, key, given.source if given else None)
            row = None if rowid is None else (rowid, None)
        first, last = date_span(p.date, p.started, p.ended)
        values = (key, digest, p.kind.value, p.status.value, first, last, len(p.evidence), text)
        if row is None:
            cur = self.conn.execute(
                "INSERT INTO partnership (key, digest, kind, status, first_day, last_day, evidence_count, data)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                values,
            )
            rowid = cur.lastrowid
        else:
            rowid = row[0]
            self.conn.execute(
                "UPDATE partnership SET key = ?, digest = ?, kind = ?, status = ?, first_day = ?, last_day = ?,"
                " evidence_count = ?, data = ? WHERE rowid = ?",
                (*values, rowid),
            )
            self.flush()  # rows of this partnership may still wait to be written
            self.conn.execute("DELETE FROM party WHERE partnership = ?", (rowid,))
            self.conn.execute("DELETE FROM evidence WHERE partnership = ?", (rowid,))
        # Parties and evidence are written together at the end of the batch (one executemany).
        self._parties.extend(
            (rowid, i, x.name, name_key(x.name), x.institution_id, x.role) for i, x in enumerate(p.parties)
        )
        self._evidence.extend(
            (rowid, i, e.quote, e.source, e.locator, str(e.published) if e.published else None)
            for i, e in enumerate(p.evidence)
        )
        return "added" if row is None else "updated"

    def flush(self) -> None:
        """Write the parties and evidence gathered since the last flush."""
        if self._parties:
            self.conn.executemany("INSERT INTO party VALUES (?, ?, ?, ?, ?, ?)", self._parties)
            self._parties.clear()
        if self._evidence:
            self.conn.executemany("INSERT INTO evidence VALUES (?, ?, ?, ?, ?, ?)", self._evidence)
            self._evidence.clear()

    def _article(self, a: Article, key: str, text: str, digest: str) -> str:
        row = self.conn.execute("SELECT digest FROM article WHERE key = ?", (key,)).fetchone()
        if row is not None and row[0] == digest:
            return "unchanged"
        first, _ = date_span(a.published)
        self.conn.execute(
            "INSERT INTO article (key, digest, publisher, first_day, data) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT(key) DO UPDATE SET digest = excluded.digest, publisher = excluded.publisher,"
            " first_day = excluded.first_day, data = excluded.data",
            (key, digest, a.publisher, first, text),
        )
        return "added" if row is None else "updated"
