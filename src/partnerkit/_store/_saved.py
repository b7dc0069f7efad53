"""Saving derived partnerships again: what one source saved earlier is merged with what it found now."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from partnerkit._codec import from_dict, to_dict
from partnerkit._extract._merge_keys import acronym_keys, name_keys, norm
from partnerkit._model import Partnership, Party, Provenance
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
    are removed (a record another source also gave is never touched). Only the earlier records
    with a party that may be one of the new records' parties (same institution id, same words,
    an acronym that fits it, "SibFU": the blocking keys of ``merge_partnerships``) take part:
    the store grows, and only those can merge with a new one.

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
        near = set().union(*(_party_keys(x)[1] for p in found for x in p.parties))
        stored = [(rowid, key, from_dict(Partnership, json.loads(data))) for rowid, key, data in rows]
        rows = [
            (rowid, key, p)
            for rowid, key, p in stored
            if any(not _party_keys(x)[0].isdisjoint(near) for x in p.parties)
        ]
        earlier = [p for _, _, p in rows]  # only those that may be one deal with a new one:
        merged = merge([*earlier, *found])  # merging compares every pair, so not the whole store
        items = [(p, Provenance(source=source, locator=p.evidence[0].locator if p.evidence else None)) for p in merged]
        kept = {record_key(p, encode(to_dict(p))[1], provenance) for p, provenance in items}
        stale = [(rowid, key) for rowid, key, _record in rows if key not in kept]
        for rowid, key in stale:
            conn.execute("DELETE FROM party WHERE partnership = ?", (rowid,))
            conn.execute("DELETE FROM evidence WHERE partnership = ?", (rowid,))
            conn.execute("DELETE FROM provenance WHERE record_type = 'partnership' AND record_key = ?", (key,))
            conn.execute("DELETE FROM partnership WHERE rowid = ?", (rowid,))
        report = store.add(items)
    return report, len(stale)


def _party_keys(party: Party) -> tuple[frozenset[str], frozenset[str]]:
    """(keys a stored party is known by, keys a new party looks for): two parties that merging may
    call one share a key, the blocking keys of ``merge_partnerships`` (the institution id, the
    words of the name, an acronym and a name it may fit, "SibFU")."""
    n = "w" + norm(party.name)
    acr, long = acronym_keys(party.name), name_keys(party.name)
    ident = {"id" + party.institution_id} if party.institution_id else set()
    stored = {n, *ident, *("A" + k for k in acr), *("N" + k for k in long)}
    query = {n, *ident, *("N" + k for k in acr), *("A" + k for k in long)}
    return frozenset(stored), frozenset(query)
