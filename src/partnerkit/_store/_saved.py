"""Saving derived partnerships again: what one source saved earlier is merged with what it found now."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from partnerkit._codec import from_dict, to_dict
from partnerkit._model import Partnership, Party, Provenance
from partnerkit._names import acronym_fits, acronym_key, derive_acronyms, fold, is_acronym, tokens
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
    an acronym of it, or an acronym that fits it as :func:`acronym_fits` reads one, "SibFU")
    take part: merging compares every pair, and the store grows.

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
        near = set().union(*(_party_keys(x) for p in found for x in p.parties))
        fits = _AcronymFits([x.name for p in found for x in p.parties])
        stored = [(rowid, key, from_dict(Partnership, json.loads(data))) for rowid, key, data in rows]
        rows = [
            (rowid, key, p) for rowid, key, p in stored if any(_party_keys(x) & near or fits(x.name) for x in p.parties)
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


def _party_keys(party: Party) -> set[str]:
    """Keys two parties that merging may call one share at least one of: the institution id, the
    words of the name, an acronym written or read off the name."""
    keys = {"words:" + " ".join(sorted(tokens(party.name)))}
    if party.institution_id:
        keys.add("id:" + party.institution_id)
    if is_acronym(party.name):
        keys.add("acronym:" + acronym_key(party.name))
    keys.update("acronym:" + a for a in derive_acronyms(party.name))
    return keys


class _AcronymFits:
    """Whether a stored party's name and one of the new names may be an acronym and its name
    although no derived acronym joins them ("SibFU", "Siberian Federal University"): checked
    with :func:`acronym_fits` against the names whose words start with the acronym's letter."""

    def __init__(self, names: Sequence[str]) -> None:
        self.acronyms = [(a, acronym_key(a)[:1]) for a in dict.fromkeys(n for n in names if is_acronym(n))]
        self.names = [(n, _initials(n)) for n in dict.fromkeys(n for n in names if not is_acronym(n))]

    def __call__(self, name: str) -> bool:
        if is_acronym(name):
            first = acronym_key(name)[:1]
            return any(first in initials and acronym_fits(name, n) for n, initials in self.names)
        if not self.acronyms:
            return False
        initials = _initials(name)
        return any(first in initials and acronym_fits(a, name) for a, first in self.acronyms)


def _initials(name: str) -> set[str]:
    return {w[0] for w in fold(name).split()}
