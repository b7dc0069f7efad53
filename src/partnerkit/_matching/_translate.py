"""Word translations mined from the registry itself, at build time.

Many institutions carry their name in several languages ("University of Bruges" and
"Universiteit Brugge", "Pukaskwa National Park" and "Parc national de Pukaskwa"). The words
two names of one institution do not share are aligned (``_align``: inflected forms first,
"volgogradsk" / "volgograd", then the one word left on each side, "brugge" / "bruges" or
"prifysgol" / "university"). A pair seen in the names of at least :data:`MIN_INSTITUTIONS`
institutions, and in at least :data:`MIN_SHARE` of those writing the word to be read
otherwise, never written together in one name, and that never turns a name of one
institution into a name of another, is kept: both words then have one canonical form (an
organisation word when one is, else the more frequent word) that the index adds as an
extra key of every name carrying them and that a query is also read with. So "Universiteit
Brugge" finds the University of Bruges, "Parque Nacional X" a "X National Park", and
"Волгоградский государственный университет" Volgograd State University, in any registry
whose other institutions teach it those words; nothing is hard-coded (the normaliser's
short table of city exonyms, ``partnerkit/data/place_names.tsv``, reads "Wien" as "vienna"
before any of this).

The table is a plain ``dict`` (word -> canonical word) of about a thousand entries on ROR:
picklable and cheap.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence

from partnerkit._matching._align import aligned_pairs
from partnerkit._names import ORG_KEYS

__all__ = ["MIN_INSTITUTIONS", "mine_org_swaps", "mine_translations", "translate_key"]

#: A word pair must be seen in the names of at least this many institutions.
MIN_INSTITUTIONS = 2
#: ... and in at least this share of the institutions writing the word to be read otherwise
#: (the one not an organisation word, else the rarer): "central" is written beside "centre"
#: by a few of the thousands writing it, so it is not a translation.
MIN_SHARE = 0.1
#: Names compared per institution at most (pairs grow quadratically).
_MAX_NAMES = 12
#: Words joined into one canonical group at most (no chains through loose pairs).
_MAX_GROUP = 4


def mine_translations(
    institution_keys: Mapping[int, Sequence[str]],
    count: Callable[[str], int],
    holders: Callable[[str], Sequence[str]],
    owners: Mapping[str, frozenset[int]],
    aligned: set[tuple[str, str]] | None = None,
) -> dict[str, str]:
    """Word -> canonical word, from names of one institution that differ in one word each.

    Args:
        institution_keys: per institution, the normalised keys of its full names.
        count: how many indexed names carry a word (the more frequent word is canonical).
        holders: the normalised keys of the names carrying a word.
        owners: sorted-token key -> the institutions with a name of exactly those tokens.
        aligned: if given, filled with every pair (sorted) that the names of at least
            :data:`MIN_INSTITUTIONS` institutions align, kept as a translation or not: weaker
            evidence, which the matcher uses only beside a whole registered name (``_match._cognate``).
    """
    pairs: Counter[tuple[str, str]] = Counter()
    carriers: Counter[str] = Counter()  # word -> institutions writing it
    for keys in institution_keys.values():
        sets = list(dict.fromkeys(frozenset(k.split()) for k in keys))[:_MAX_NAMES]
        carriers.update(frozenset().union(*sets))
        found: set[tuple[str, str]] = set()
        for i, a in enumerate(sets):
            for b in sets[i + 1 :]:
                found.update(aligned_pairs(a, b))
        pairs.update(found)
    if aligned is not None:
        aligned.update(p for p, n in pairs.items() if n >= MIN_INSTITUTIONS)
    table: dict[str, str] = {}
    groups: dict[str, set[str]] = {}
    rests = _Rests(holders)
    for (x, y), n in sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0])):
        if n < MIN_INSTITUTIONS or n < MIN_SHARE * carriers[_rewritten(x, y, carriers)]:
            continue
        gx, gy = groups.get(x, {x}), groups.get(y, {y})
        org = (gx | gy) & ORG_KEYS
        if gx is gy or len(org) > 1:
            continue
        if len(gx | gy) > _MAX_GROUP and not (org and (x in org or y in org)):
            continue  # (a word read as an organisation word directly joins its group at any size: no chain)
        if not _translation(x, y, rests, owners):
            continue
        merged = gx | gy
        for w in merged:
            groups[w] = merged
    seen: set[int] = set()
    for group in groups.values():
        if id(group) in seen:
            continue
        seen.add(id(group))
        canonical = min(group, key=lambda w: (w not in ORG_KEYS, -count(w), w))  # an organisation word stays one
        for w in group:
            if w != canonical:
                table[w] = canonical
    return dict(sorted(table.items()))


def _rewritten(x: str, y: str, carriers: Mapping[str, int]) -> str:
    """The word of a pair that names will be read without: not an organisation word, else the rarer."""
    if x in ORG_KEYS or y in ORG_KEYS:
        return y if x in ORG_KEYS else x
    return min((x, y), key=lambda w: (carriers[w], w))


class _Rests:
    """Per word, the other words of each name carrying it (word sets, cached: a common word such
    as "university" is asked about for hundreds of pairs)."""

    def __init__(self, holders: Callable[[str], Sequence[str]]) -> None:
        self._holders = holders
        self._rests: dict[str, frozenset[frozenset[str]]] = {}

    def __call__(self, word: str) -> frozenset[frozenset[str]]:
        rests = self._rests.get(word)
        if rests is None:
            rests = frozenset(frozenset(key.split()) - {word} for key in self._holders(word))
            self._rests[word] = rests
        return rests


def _translation(x: str, y: str, rests: _Rests, owners: Mapping[str, frozenset[int]]) -> bool:
    """``x`` and ``y`` are never written in one name, and swapping them never makes one institution's name another's."""
    rx, ry = rests(x), rests(y)
    small, big, other = (rx, ry, y) if len(rx) <= len(ry) else (ry, rx, x)
    if any(other in rest for rest in small):
        return False  # a name carries both words
    none: frozenset[int] = frozenset()
    for rest in small:
        if rest not in big:
            continue  # no name of the other word has the same other words
        with_x = owners.get(" ".join(sorted(rest | {x})))
        with_y = owners.get(" ".join(sorted(rest | {y})))
        if with_y is not None and with_y - (with_x or none):
            return False  # "rest + x" read as "rest + y" would be another institution's name
        if with_x is not None and with_x - (with_y or none):
            return False
    return True


def translate_key(key: str, table: Mapping[str, str]) -> str | None:
    """``key`` with every word of ``table`` replaced by its canonical form, or ``None`` if none is.

    >>> translate_key("university wien", {"wien": "vienna"})
    'university vienna'
    >>> translate_key("university graz", {"wien": "vienna"}) is None
    True
    """
    if not table:
        return None
    words = key.split()
    out = [table.get(w, w) for w in words]
    return " ".join(out) if out != words else None


#: An organisation word swap must be seen within this many institutions' names...
MIN_SWAPS = 5
#: ... and at least this share as often as it tells two institutions' names apart.
SWAP_SHARE = 0.5


def mine_org_swaps(institution_keys: Mapping[int, Sequence[str]]) -> frozenset[tuple[str, str]]:
    """Organisation words one institution's names swap more often than two institutions' names do.

    "Belhaven College" became Belhaven University: two names of one institution differing
    only in one organisation word each ("college" / "university") are a swap. A pair swapped
    within at least :data:`MIN_SWAPS` institutions, and at least half as often as it tells
    two institutions apart (names of two institutions differing only in that pair, "Boston
    College" / "Boston University"), is returned in both orders. (The matcher uses a swap
    only for the one institution carrying every distinctive word of a query.)

    >>> keys = {i: [f"{p} college", f"{p} university"] for i, p in enumerate("abcdef")}
    >>> sorted(mine_org_swaps(keys))
    [('college', 'university'), ('university', 'college')]
    """
    within: Counter[tuple[str, str]] = Counter()
    rest: dict[frozenset[str], dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    for inst, keys in institution_keys.items():
        sets = list(dict.fromkeys(frozenset(k.split()) for k in keys))[:_MAX_NAMES]
        found: set[tuple[str, str]] = set()
        for i, a in enumerate(sets):
            for w in a & ORG_KEYS:
                rest[a - {w}][w].add(inst)
            for b in sets[i + 1 :]:
                left, right = a - b, b - a
                if len(left) == 1 and len(right) == 1 and left <= ORG_KEYS and right <= ORG_KEYS:
                    x, y = next(iter(left)), next(iter(right))
                    found.add((x, y) if x < y else (y, x))
        within.update(found)
    if not within:
        return frozenset()
    between: Counter[tuple[str, str]] = Counter()
    for words in rest.values():
        if len(words) < 2:
            continue
        for x, xs in words.items():
            for y, ys in words.items():
                if x < y and (x, y) in within and xs - ys and ys - xs:
                    between[x, y] += 1
    kept = {p for p, n in within.items() if n >= MIN_SWAPS and n >= SWAP_SHARE * between[p]}
    return frozenset(kept | {(y, x) for x, y in kept})
