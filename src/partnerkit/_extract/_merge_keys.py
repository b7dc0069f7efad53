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
from array import array
from collections.abc import Callable
from datetime import date

from partnerkit._model import PartialDate, Partnership, PartnershipKind, Party
from partnerkit._names import tokens
from partnerkit._names._acronyms import _FIT_SKIP  # the connectors ``acronym_fits`` skips

__all__ = ["FAMILIES", "Blocks", "acronym_keys", "name_keys", "norm"]

_SPLIT = re.compile(r"[\s\-–/]+")
_SEP = "\x1f"


def norm(name: str) -> str:
    """Order-free normal form of a name (``partnerkit._names.tokens``, sorted)."""
    return " ".join(sorted(tokens(name)))


#: Word counts at or above this share one class in the ``m`` keys.
_MANY = 5


def acronym_keys(acronym: str) -> frozenset[str]:
    """Keys of ``acronym`` read as an acronym: ``acronym_fits(acronym, n)`` implies that they
    meet :func:`name_keys` of ``n``.

    ``acronym_fits`` cuts the acronym's letters into runs, one per word of the name from one
    of its first four words to its last, each run starting with its word's first letter; the
    first letter and every capital (and digit) start a run, and an all-capitals acronym has one
    letter per word. So the initials of those words are the run starts: for an all-capitals
    acronym its letters, else its capitals (with the first letter) plus the lower-case letters
    that start a run. Key ``c`` is those initials when at most one lower-case letter starts a
    run (exact); with more, the name has at least two words more than the acronym has capitals
    (a long name read as an acronym rarely meets a short one), and key ``m`` gives the first,
    second and last initials with that word count (second: at or before the first capital;
    last: at or after the last capital; counts from ``_MANY`` on are one class). A name word
    written as the acronym is key ``x``.
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
    starts = [0, *caps]
    out.add("c" + _SEP.join(acr[i] for i in starts))  # no lower-case letter starts a run
    for j in range(1, len(acr)):  # exactly one does
        if not capital[j]:
            out.add("c" + _SEP.join(acr[i] for i in sorted((*starts, j))))
    last = set(acr[caps[-1] if caps else 1 :])  # where the last run may start (at or after the last capital)
    count = str(min(len(starts) + 2, _MANY))
    out.update("m" + _SEP.join((acr[0], y, count)) for y in last)
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
        for count in range(3, min(len(rest), _MANY) + 1):  # (an acronym's ``m`` key names the least count)
            out.add("m" + _SEP.join((rest[0], rest[-1], str(count))))
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


def _span(date: PartialDate | None) -> tuple[int, int, bool] | None:
    """The days ``date`` can denote (first, last, as ordinals) and whether it is a full date."""
    if date is None:
        return None
    return date.first_day().toordinal(), date.last_day().toordinal(), date.day is not None


class Blocks:
    """The records kept so far, indexed by the keys of their parties (one merge call).

    A record is found by a new one if they have one kind family, as many parties and dates
    that may be one signing (``_merge._dates``: no date on one side, one containing the other,
    or full dates at most ``days`` apart), and each party of the new one shares a key with a
    party of the record: the institution id (both resolved), or a name key (``norm`` equal;
    ``acronym_keys`` of one meeting ``name_keys`` of the other). Records are filed by year
    (undated ones apart), so a dated record looks only at its year's records and the undated
    ones: a hub institution's thousands of deals are not all scanned for each of its reports.
    """

    def __init__(self, resolve: Callable[[Party], str | None], days: int) -> None:
        self._resolve = resolve
        self._days = days
        self._index: dict[tuple[str, int | None], dict[str, array[int]]] = {}  # block -> key -> positions
        self._years: dict[str, set[int | None]] = {}  # family/parties -> years filed
        self._kept: dict[int, tuple[frozenset[str], ...]] = {}  # position -> its parties' keys
        self._spans: dict[int, tuple[int, int, bool] | None] = {}  # position -> its date's span
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
    def _shelf(record: Partnership) -> str:
        family = FAMILIES.get(record.kind, record.kind.value)
        return f"{family}/{len(record.parties)}"

    def _years_of(self, shelf: str, span: tuple[int, int, bool] | None) -> list[int | None]:
        """The years whose records may have a date compatible with ``span`` (undated: all)."""
        filed = self._years.get(shelf, set())
        if span is None:
            return list(filed)
        first, last, full = span
        if full and self._days > 0:
            first, last = first - self._days, last + self._days
        wanted = {None, *range(date.fromordinal(first).year, date.fromordinal(last).year + 1)}
        return [y for y in filed if y in wanted] if len(filed) < len(wanted) else [y for y in wanted if y in filed]

    def _compatible(self, span: tuple[int, int, bool] | None, other: tuple[int, int, bool] | None) -> bool:
        """``_merge._dates`` on spans: no date, one date containing the other (calendar spans
        nest or are apart), or two full dates at most ``days`` apart."""
        if span is None or other is None:
            return True
        if span[0] <= other[1] and other[0] <= span[1]:
            return True
        return span[2] and other[2] and abs(span[0] - other[0]) <= self._days

    def add(self, position: int, record: Partnership) -> None:
        """Index ``record`` (kept at ``position``; again after a merge changed it)."""
        shelf = self._shelf(record)
        year = record.date.year if record.date is not None else None
        self._years.setdefault(shelf, set()).add(year)
        index = self._index.setdefault((shelf, year), {})
        kept = tuple(self._party(party)[0] for party in record.parties)
        self._kept[position] = kept
        self._spans[position] = _span(record.date)
        for keys in kept:
            for key in keys:  # (arrays: not tracked by the garbage collector, whose passes would grow with them)
                found = index.get(key)
                if found is None:
                    index[key] = array("q", (position,))
                else:
                    found.append(position)

    def candidates(self, record: Partnership) -> list[int]:
        """Positions of the kept records that ``record`` may merge with, in order."""
        shelf = self._shelf(record)
        span = _span(record.date)
        indexes = [self._index[(shelf, year)] for year in self._years_of(shelf, span)]
        if not indexes:
            return []
        sides = []
        for party in record.parties:
            query = self._party(party)[1]
            buckets = [b for index in indexes for k in query if (b := index.get(k))]
            if not buckets:
                return []
            sides.append((sum(map(len, buckets)), buckets, query))
        sides.sort(key=lambda s: s[0])
        spans, compatible = self._spans, self._compatible
        found = {i for i in set().union(*sides[0][1]) if compatible(spans[i], span)}  # the rarest party's records...
        for _, _, query in sides[1:]:  # ...that have a party sharing a key with each other party
            found = {i for i in found if any(not query.isdisjoint(keys) for keys in self._kept[i])}
        return sorted(found)
