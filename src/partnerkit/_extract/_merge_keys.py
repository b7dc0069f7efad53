"""Blocking for ``merge_partnerships``: which earlier records a new one may merge with.

Two records merge only if every party of one is "the same party" as one of the other's
(``_merge._same_party``: the same institution id when both have one; else the same
normalised name, or one name read as an acronym of the other by
:func:`partnerkit._names.acronym_fits`). Each party gets keys such that two parties that may
be the same share at least one key, so comparing a record with the earlier records that share
a key with each of its parties finds every merge the all-pairs scan finds, in the same order.

The keys are a *necessary* condition, never a decision: every candidate is still compared by
the merge rules. Keeping them necessary is what ``tests/test_extract_merge.py`` checks,
against ``acronym_fits`` itself on generated names: when ``acronym_fits`` changes, change
:func:`acronym_keys` / :func:`name_keys` with it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from partnerkit._model import Partnership, PartnershipKind, Party
from partnerkit._names import tokens
from partnerkit._names._acronyms import _FIT_SKIP  # the connectors ``acronym_fits`` skips

__all__ = ["FAMILIES", "Blocks", "acronym_keys", "name_keys", "norm"]

_SPLIT = re.compile(r"[\s\-–/]+")
_SEP = "\x1f"


def norm(name: str) -> str:
    """Order-free normal form of a name (``partnerkit._names.tokens``, sorted)."""
    return " ".join(sorted(tokens(name)))


def acronym_keys(acronym: str) -> frozenset[str]:
    """Keys of ``acronym`` read as an acronym: ``acronym_fits(acronym, n)`` implies that they
    meet :func:`name_keys` of ``n``.

    ``acronym_fits`` cuts the acronym's letters into runs, one per word of the name from one
    of its first four words to its last, each run starting with its word's first letter; every
    capital (and digit) starts a run, and an all-capitals acronym has one letter per word. So
    an all-capitals acronym is the initials of the words it fits (key ``c``), and any other
    gives the first, second and last initials (key ``m``: the second run starts at or before
    the first capital after the first letter, the last at or after the last capital). A name
    word written as the acronym is key ``x``.
    """
    out = {"x" + acronym}
    letters = [c for c in unicodedata.normalize("NFKC", acronym) if c.isalnum()]
    if len(letters) < 2:
        return frozenset(out)
    acr = [c.casefold() for c in letters]
    capital = [c.isupper() or not c.isalpha() for c in letters]
    if all(capital):
        out.add("c" + _SEP.join(acr))
        return frozenset(out)
    caps = [i for i in range(1, len(acr)) if capital[i]]
    second = set(acr[1 : caps[0] + 1 if caps else len(acr)])  # where the second run may start
    last = set(acr[caps[-1] if caps else 1 :])  # where the last one may (at or after the last capital)
    out.update("m" + _SEP.join((acr[0], x, y)) for x in second for y in last)
    if not caps:
        out.add("m" + _SEP.join((acr[0], "", acr[0])))  # one run: a one-word tail of the name
    return frozenset(out)


def name_keys(name: str) -> frozenset[str]:
    """Keys of ``name`` read as the long form an acronym is checked against (see :func:`acronym_keys`)."""
    ws = [w for w in _SPLIT.split(unicodedata.normalize("NFKC", name)) if w]
    out = {"x" + w.strip('.,()"«»') for w in ws} if len(ws) > 1 else set()
    kept = [w.strip('.,()"«»“”') for w in ws]
    initials = [w.casefold()[0] for w in kept if w and w.casefold() not in _FIT_SKIP]
    for start in range(min(len(initials), 4)):
        rest = initials[start:]
        out.add("c" + _SEP.join(rest))
        out.add("m" + _SEP.join((rest[0], rest[1] if len(rest) > 1 else "", rest[-1])))
    return frozenset(out)


#: Kinds that merge with each other (agreement, MoU and strategic partnership are documents;
#: joint programme and double degree are programmes); any other kind merges with itself only.
FAMILIES = {
    PartnershipKind.AGREEMENT: "document",
    PartnershipKind.MOU: "document",
    PartnershipKind.STRATEGIC_PARTNERSHIP: "document",
    PartnershipKind.JOINT_PROGRAMME: "programme",
    PartnershipKind.DOUBLE_DEGREE: "programme",
}


class Blocks:
    """The records kept so far, indexed by the keys of their parties (one merge call).

    A record is found by a new one if they have one kind family and as many parties, and each
    party of the new one shares a key with a party of the record: the institution id (both
    resolved), or a name key (``norm`` equal; ``acronym_keys`` of one meeting ``name_keys``
    of the other).
    """

    def __init__(self, resolve: Callable[[Party], str | None]) -> None:
        self._resolve = resolve
        self._index: dict[str, dict[str, list[int]]] = {}  # block -> key -> positions
        self._kept: dict[int, tuple[frozenset[str], ...]] = {}  # position -> its parties' keys
        self._keys: dict[tuple[str, str | None], tuple[frozenset[str], frozenset[str]]] = {}

    def _party(self, party: Party) -> tuple[frozenset[str], frozenset[str]]:
        """(keys a kept party is indexed under, keys a new party looks up)."""
        found = self._keys.get((party.name, party.institution_id))
        if found is not None:
            return found
        rid = self._resolve(party)
        n = "w" + norm(party.name)
        acr, long = acronym_keys(party.name), name_keys(party.name)
        stored = {n, *("A" + k for k in acr), *("N" + k for k in long)}
        query = {n, *("N" + k for k in acr), *("A" + k for k in long)}
        if rid:  # (a resolved party keeps its name keys too: the other side may have no id)
            stored.add("id" + rid)
            query.add("id" + rid)
        found = self._keys[(party.name, party.institution_id)] = (frozenset(stored), frozenset(query))
        return found

    @staticmethod
    def _block(record: Partnership) -> str:
        family = FAMILIES.get(record.kind, record.kind.value)
        return f"{family}/{len(record.parties)}"

    def add(self, position: int, record: Partnership) -> None:
        """Index ``record`` (kept at ``position``; again after a merge changed it)."""
        index = self._index.setdefault(self._block(record), {})
        kept = tuple(self._party(party)[0] for party in record.parties)
        self._kept[position] = kept
        for keys in kept:
            for key in keys:
                index.setdefault(key, []).append(position)

    def candidates(self, record: Partnership) -> list[int]:
        """Positions of the kept records that ``record`` may merge with, in order."""
        index = self._index.get(self._block(record))
        if index is None:
            return []
        sides = []
        for party in record.parties:
            query = self._party(party)[1]
            buckets = [b for k in query if (b := index.get(k))]
            if not buckets:
                return []
            sides.append((sum(map(len, buckets)), buckets, query))
        sides.sort(key=lambda s: s[0])
        found: set[int] = set().union(*sides[0][1])  # the rarest party's records...
        for _, _, query in sides[1:]:  # ...that have a party sharing a key with each other party
            found = {i for i in found if any(not query.isdisjoint(keys) for keys in self._kept[i])}
        return sorted(found)
