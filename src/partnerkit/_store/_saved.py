"""Saving derived partnerships again: what one source saved earlier is merged with what it found now."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from partnerkit._codec import from_dict, to_dict
from partnerkit._model import Partnership, Provenance
from partnerkit._store._keys import encode, record_key
from partnerkit._store._report import ImportReport

if TYPE_CHECKING:
    from partnerkit._store._store import Store

__all__ = ["save_merged"]


def save_merged(
    store: Store,
    found: Sequence[Partnership],
    merge: Callable[[list[Partnership]], list[Partnership]],
    source: str,
) -> tuple[ImportReport, int]:
    """Store ``found`` merged with the partnerships that only ``source`` saved before, in one transaction.

    A partnership stored without an id is keyed by its content, so the same deal saved again
    with one more sentence of evidence (``partnerkit extract --from-store --save`` after new
    articles came in) would be a second row beside the first. Here the earlier ones take part
    in the merge, the merged records are stored, and the earlier rows no merged record kept
    are removed (a record another source also gave is never touched).

    Returns:
        The import report of the merged records, and how many earlier rows were merged away.
    """
    with store.batch():
        conn = store._conn  # one package: the store's own connection
        rows = conn.execute(
            "SELECT p.rowid, p.key, p.data FROM partnership p WHERE EXISTS (SELECT 1 FROM provenance v"
            " WHERE v.record_type = 'partnership' AND v.record_key = p.key AND v.source = ?) AND NOT EXISTS"
            " (SELECT 1 FROM provenance v WHERE v.record_type = 'partnership' AND v.record_key = p.key"
            " AND v.source != ?)",
            (source, source),
        ).fetchall()
        earlier = [from_dict(Partnership, json.loads(data)) for _, _, data in rows]
        merged = merge([*earlier, *found])
        items = [(p, Provenance(source=source, locator=p.evidence[0].locator if p.evidence else None)) for p in merged]
        kept = {record_key(p, encode(to_dict(p))[1], provenance) for p, provenance in items}
        stale = [(rowid, key) for rowid, key, _ in rows if key not in kept]
        for rowid, key in stale:
            conn.execute("DELETE FROM party WHERE partnership = ?", (rowid,))
            conn.execute("DELETE FROM evidence WHERE partnership = ?", (rowid,))
            conn.execute("DELETE FROM provenance WHERE record_type = 'partnership' AND record_key = ?", (key,))
            conn.execute("DELETE FROM partnership WHERE rowid = ?", (rowid,))
        report = store.add(items)
    return report, len(stale)
