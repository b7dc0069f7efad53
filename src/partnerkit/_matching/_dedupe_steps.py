"""The steps of the distributed :func:`partnerkit.dedupe`, as pure functions over batches.

Each gives for its batch exactly what the single-process call computes, given the compiled
index of the deduplication's distinct names:

1. count the distinct (whitespace-normalised) texts and their first row, and key them by normal
   form (:func:`text_frame`, per partition; then a group-by);
2. form the groups of one normal form and their representatives (:func:`plan_groups`, on the
   client: one row per distinct text) and compile the index of the representatives;
3. find the candidate pairs of groups (:func:`pairs_for`, per partition, the heavy part),
   make them unique (a shuffle on the pair key) and score each once with the rules
   (:func:`score_pairs`);
4. connected components of the MATCH edges (in the engine's DataFrame operations);
5. within each component, the same score-ordered union with the chaining guard as
   :func:`partnerkit.dedupe` (:func:`guarded_union`): union-find never crosses components,
   so doing it per component gives the very same clusters;
6. the acronyms read against the whole list (:mod:`partnerkit._matching._acronym_links`):
   per partition of groups, the acronyms written and claimed (:func:`acronym_keys`), then the
   groups that can take part, with their clusters (:func:`acronym_parts`); on the client, the
   links among those few (:func:`acronym_roots`, the single process's very function), which
   give some clusters a new root, hence a new id (a join relabels them).

The ``*_frame`` helpers take and return pandas DataFrames; pandas is imported when they run.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from typing import Any

import attrs

from partnerkit._matching._acronym_links import acronym_links, bracket_key, claims_of, roles
from partnerkit._matching._batch import gc_paused
from partnerkit._matching._dedupe import group_key, text_of
from partnerkit._matching._index import Index, Reading, read_name
from partnerkit._matching._inputs import error_values, names_nothing
from partnerkit._matching._match import _candidates
from partnerkit._model import Institution
from partnerkit.rules import Profile, RuleSet
from partnerkit.rules._profile import tokens_of

__all__ = [
    "AcronymKeys",
    "DedupePlan",
    "acronym_keys",
    "acronym_parts",
    "acronym_roots",
    "clean",
    "components_of",
    "edges_for",
    "error_values_of",
    "forest_of",
    "group_frame",
    "guarded_union",
    "key_frame",
    "pairs_for",
    "plan_groups",
    "plan_of",
    "reading_frame",
    "score_pairs",
    "stable_ids",
    "text_frame",
    "written",
]

log = logging.getLogger("partnerkit")


def clean(value: Any) -> str | None:
    """The text :func:`partnerkit.dedupe` works on (:func:`text_of`), None for a missing one or one
    naming nothing (blank, or a spreadsheet error value: :func:`names_nothing`)."""
    text = written(value)
    return None if text is None or names_nothing(text) else text


def written(value: Any) -> str | None:
    """:func:`text_of` a cell, None for a missing or blank one (a spreadsheet error value is kept)."""
    if not isinstance(value, str):
        return None
    return text_of(value) or None


def error_values_of(texts: Iterable[str], sizes: Iterable[int]) -> list[bool]:
    """Which distinct texts of step 1 are spreadsheet error values (:func:`names_nothing`), with one
    warning on the ``partnerkit`` logger counting their rows, as :func:`partnerkit.dedupe` gives it."""
    found: Counter[str] = Counter()
    flags = []
    for text, size in zip(texts, sizes, strict=True):
        flags.append(names_nothing(text))
        if flags[-1]:
            found[text] += int(size)
    if found:
        log.warning("names: %s: left out of the clusters", error_values(found))
    return flags


def text_frame(df: Any, column: str, offset: int) -> Any:
    """Step 1 per partition: ``(text, pos)`` of each non-blank row, ``pos`` its global row number.

    A spreadsheet error value is kept here: the distinct texts of step 1 count them for one
    warning (:func:`error_values_of`) and drop them.
    """
    import pandas as pd

    texts = [written(v) for v in df[column].tolist()]
    pos = [offset + i for i, t in enumerate(texts) if t is not None]
    return pd.DataFrame({"text": pd.Series([t for t in texts if t is not None], dtype=object), "pos": pos}, dtype=None)


def key_frame(df: Any) -> Any:
    """The normal-form key of each distinct text (``df`` has ``text``, ``count``, ``first``)."""
    return df.assign(key=[group_key(t) for t in df["text"].tolist()])


class _Memo:
    """The profiles of a plan's groups a process has built while scoring its pairs.

    Tasks of one plan in one worker process share it, so a name's profile is built once per
    process (not once per partition). It travels empty (each process fills its own) and is
    bounded.
    """

    __slots__ = ("profiles",)

    LIMIT = 2_000_000

    def __init__(self) -> None:
        self.profiles: dict[int, Profile] = {}

    def __reduce__(self) -> tuple[type[_Memo], tuple[()]]:
        return (_Memo, ())

    def profile(self, plan: DedupePlan, g: int) -> Profile:
        """The profile of group ``g``'s representative (built on first use)."""
        p = self.profiles.get(g)
        if p is None:
            if len(self.profiles) > self.LIMIT:
                self.profiles.clear()  # memory stays bounded
            p = self.profiles[g] = Profile.from_name(plan.reps[g])
        return p


@attrs.frozen
class DedupePlan:
    """Step 2: the groups of one normal form, in the order :func:`partnerkit.dedupe` numbers them.

    Attributes:
        reps: the representative text of each group (its most frequent member).
        counts: how many rows each group holds.
        group_of: distinct text -> group number.
        index: the compiled index of the representatives (the blocking structure).
        rules: the rule set.
    """

    reps: list[str]
    counts: list[int]
    group_of: dict[str, int]
    index: Index
    gid: list[int]
    rules: RuleSet
    memo: _Memo = attrs.field(factory=_Memo, eq=False, repr=False)


def _rep_first(members: list[tuple[str, int]]) -> None:
    """Sort a group's ``(text, count)`` members as :func:`partnerkit.dedupe` does: the representative first."""
    members.sort(key=lambda m: (-m[1], -len(m[0]), m[0]))


def plan_groups(texts: Iterable[tuple[str, str, int, int]], rules: RuleSet) -> DedupePlan:
    """Step 2 from ``(text, key, count, first_row)`` of every distinct text."""
    ordered = sorted(texts, key=lambda r: r[3])
    groups: dict[str, list[tuple[str, int]]] = {}
    for text, key, count, _first in ordered:
        groups.setdefault(key, []).append((text, count))
    reps: list[str] = []
    counts: list[int] = []
    group_of: dict[str, int] = {}
    for g, members in enumerate(groups.values()):
        _rep_first(members)
        reps.append(members[0][0])
        counts.append(sum(c for _t, c in members))
        for text, _c in members:
            group_of[text] = g
    return plan_of(reps, counts, rules, group_of)


def plan_of(
    reps: list[str],
    counts: list[int],
    rules: RuleSet,
    group_of: dict[str, int] | None = None,
    readings: Sequence[Reading | None] | None = None,
) -> DedupePlan:
    """The plan of groups numbered as :func:`partnerkit.dedupe` numbers them: the index of their representatives.

    ``readings`` (from :func:`reading_frame`, computed per partition) is each representative's
    :func:`read_name`, or ``None`` for one without words (left out of the index); without
    it the same is computed here.
    """
    if readings is None:
        readings = [read_name(r) if tokens_of(r) else None for r in reps]
    kept = [g for g, reading in enumerate(readings) if reading is not None]
    index = Index(
        (Institution(id=str(g), name=reps[g]) for g in kept),
        readings=[r for r in readings if r is not None],
    )
    gid = [int(inst.id) for inst in index.institutions]
    return DedupePlan(reps=reps, counts=counts, group_of=group_of or {}, index=index, gid=gid, rules=rules)


def reading_frame(df: Any) -> Any:
    """``df`` (with ``rep``) with the column ``reading``: how the index reads each representative.

    The per-name part of compiling the plan's index (:func:`read_name`, ``None`` for a name
    without words), done per partition so that the one task compiling the index only
    assembles the posting lists.
    """
    return df.assign(reading=[read_name(r) if tokens_of(r) else None for r in df["rep"].tolist()])


def group_frame(df: Any) -> Any:
    """Step 2 per partition, on distinct texts shuffled by key: one row per key (pandas).

    ``df`` has ``text``, ``size``, ``min`` and ``key`` (every text of a key in this partition);
    the result has ``key``, ``rep`` (the representative :func:`partnerkit.dedupe` picks),
    ``count`` (rows of the group), ``forms`` (its distinct texts) and ``first`` (the group's
    first row: the groups numbered in that order are :func:`partnerkit.dedupe`'s numbers).
    """
    import pandas as pd

    members: dict[str, list[tuple[str, int]]] = {}
    firsts: dict[str, int] = {}
    for text, size, first, key in zip(
        df["text"].tolist(), df["size"].tolist(), df["min"].tolist(), df["key"].tolist(), strict=True
    ):
        members.setdefault(key, []).append((text, size))
        firsts[key] = min(first, firsts.get(key, first))
    reps: list[str] = []
    counts: list[int] = []
    for group in members.values():
        _rep_first(group)
        reps.append(group[0][0])
        counts.append(sum(c for _t, c in group))
    return pd.DataFrame(
        {
            "key": pd.Series(list(members), dtype=object),
            "rep": pd.Series(reps, dtype=object),
            "count": pd.Series(counts, dtype="int64"),
            "forms": pd.Series([len(group) for group in members.values()], dtype="int64"),
            "first": pd.Series(list(firsts.values()), dtype="int64"),
        }
    )


def pairs_for(plan: DedupePlan, groups: Iterable[int]) -> list[int]:
    """Step 3a: the candidate pairs of ``groups``, as pair keys ``g * len(plan.reps) + h`` with ``g < h``.

    The candidates :func:`partnerkit.dedupe` tries: a pair counts from either side (a typo is
    found from the misspelt name only), so a pair can come from two batches; each batch gives
    a pair once. :func:`score_pairs` scores them once the keys are made unique (a shuffle on
    the key in the engine).
    """
    n = len(plan.reps)
    pos = {g: i for i, g in enumerate(plan.gid)}
    found: dict[int, None] = {}
    with gc_paused():
        for g in groups:
            q = plan.memo.profile(plan, g)
            if not q.tokens:
                continue
            for c in _candidates(plan.index, q, own=pos.get(g)):
                h = plan.gid[plan.index.name_inst[c]]
                if h != g:
                    found[min(g, h) * n + max(g, h)] = None
    return list(found)


def score_pairs(plan: DedupePlan, keys: Iterable[int]) -> list[tuple[float, int, int]]:
    """Step 3b: the MATCH edges ``(score, g, h)`` among pair keys of :func:`pairs_for` (each scored once).

    The score is the one :meth:`RuleSet.compare` gives (computed without the explanation, as
    :func:`partnerkit.dedupe` ranks); a pair is a MATCH edge when its score reaches ``rules.match``.
    """
    n = len(plan.reps)
    rules = plan.rules
    profile = plan.memo.profile
    out: list[tuple[float, int, int]] = []
    with gc_paused():
        for key in dict.fromkeys(keys):
            x, y = divmod(key, n)
            score = rules.score(profile(plan, x), profile(plan, y))
            if score >= rules.match:
                out.append((score, x, y))
    return out


def edges_for(plan: DedupePlan, groups: Iterable[int]) -> list[tuple[float, int, int]]:
    """Steps 3a and 3b in one: the MATCH edges among the candidate pairs of ``groups``."""
    return score_pairs(plan, pairs_for(plan, groups))


def components_of(pairs: Iterable[tuple[int, int]]) -> dict[int, int]:
    """Connected components of an edge list: each node -> the smallest node of its component.

    The labels do not depend on the order of the pairs, so partial results (the
    ``(node, label)`` pairs of pieces of a graph) can be merged by calling this again on
    their concatenation, in any grouping (a tree reduction).

    >>> components_of([(5, 3), (3, 9), (7, 8)])
    {3: 3, 5: 3, 9: 3, 7: 7, 8: 7}
    """
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        root = parent.setdefault(x, x)
        while root != parent[root]:
            root = parent[root]
        while parent[x] != root:  # path compression
            parent[x], x = root, parent[x]
        return root

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            if rb < ra:
                ra, rb = rb, ra
            parent[rb] = ra
    return {x: find(x) for x in sorted(parent, key=lambda v: (find(v), v))}


def forest_of(frames: Iterable[Any], a: str = "g", b: str = "h") -> dict[int, int]:
    """:func:`components_of` the edges in columns ``a``, ``b`` of some pandas DataFrames.

    A partition's forest, to be merged with the others' by :func:`components_of` (the Dask
    and Spark adapters both reduce their edge partitions this way).
    """
    return components_of(pair for df in frames for pair in zip(df[a].tolist(), df[b].tolist(), strict=True))


def guarded_union(
    edges: Iterable[tuple[float, int, int]], reps: Sequence[str], counts: Sequence[int], rules: RuleSet
) -> dict[int, int]:
    """Step 5: the union of :func:`partnerkit.dedupe` over ``edges``: group -> its cluster's root group.

    Edges in order of score (then group numbers); two clusters join only if their canonical
    names are not a NON_MATCH of each other; the cluster with more rows in its root group
    keeps its root. Groups not in ``edges`` are their own root (and are left out).
    """
    parent: dict[int, int] = {}
    profiles: dict[int, Profile] = {}

    def profile(g: int) -> Profile:
        p = profiles.get(g)
        if p is None:
            p = profiles[g] = Profile.from_name(reps[g])
        return p

    def find(x: int) -> int:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for _score, g, h in sorted(edges, key=lambda x: (-x[0], x[1], x[2])):
        a, b = find(g), find(h)
        if a == b:
            continue
        # compare(...).decision is NON_MATCH exactly when the score is below ``possible``
        if (a, b) != (g, h) and rules.score(profile(a), profile(b)) < rules.possible:
            continue
        if counts[b] > counts[a]:
            a, b = b, a
        parent[b] = a
    return {g: find(g) for g in list(parent)}


def stable_ids(texts: Sequence[str]) -> list[int]:
    """A 63-bit id per text, the same in every process, engine and run (BLAKE2b)."""
    import hashlib

    return [int.from_bytes(hashlib.blake2b(t.encode("utf-8"), digest_size=8).digest(), "big") >> 1 for t in texts]


# --- the acronyms of the whole list (step 6) ------------------------------------------------

#: Per partition of groups: the link-1 keys (a name's words and bracketed acronyms) and the acronyms claimed.
AcronymKeys = tuple[set[frozenset[str]], set[str]]


def acronym_keys(plan: DedupePlan, groups: Iterable[int]) -> AcronymKeys:
    """Step 6a: the :func:`bracket_key` and :func:`claims_of` of some groups' representatives (merge them by union)."""
    bracketed: set[frozenset[str]] = set()
    claimed: set[str] = set()
    with gc_paused():
        for g in groups:
            p = plan.memo.profile(plan, g)
            key = bracket_key(p)
            if key is not None:
                bracketed.add(key)
            claimed.update(claims_of(p))
    return bracketed, claimed


def acronym_parts(plan: DedupePlan, groups: Iterable[tuple[int, int]], keys: AcronymKeys) -> list[tuple[int, int, str]]:
    """Step 6b: ``(g, root, acronym)`` of the groups ``(g, root)`` that can take part in an acronym link.

    ``acronym`` is ``""`` for a group taking part whatever its cluster, else a claimed acronym
    it spells; of the groups of one cluster spelling an acronym only the first is kept (see
    :func:`roles`). :func:`acronym_roots` reads the rows of every partition.
    """
    bracketed, claimed = keys
    out: list[tuple[int, int, str]] = []
    first: dict[tuple[str, int], int] = {}
    with gc_paused():
        for g, root in groups:
            whole, spelt = roles(plan.memo.profile(plan, g), bracketed, claimed)
            if whole:
                out.append((g, root, ""))
            for k in spelt:
                if first.setdefault((k, root), g) > g:
                    first[k, root] = g
    out.extend((g, root, k) for (k, root), g in first.items())
    return out


def acronym_roots(
    rows: Iterable[tuple[int, int, str]],
    rep: Callable[[int], str],
    counts: Callable[[int], int],
    forms: Callable[[Collection[int]], dict[int, int]],
) -> dict[int, int]:
    """Step 6c: the clusters the acronyms join, as ``old root -> new root`` (roots joined to another only).

    ``rows`` come from :func:`acronym_parts`; ``rep(g)`` is a group's representative,
    ``counts(g)`` its rows, ``forms(roots)`` the distinct texts of each of these roots'
    clusters. The links are :func:`acronym_links`'s over the groups taking part, joined as
    :func:`partnerkit.dedupe` joins them: the cluster with more rows in its root group keeps
    its root, the expansion's on a tie.
    """
    root_of: dict[int, int] = {}
    first: dict[tuple[str, int], int] = {}
    for g, root, k in rows:
        if k:
            if first.setdefault((k, root), g) > g:
                first[k, root] = g
        else:
            root_of[g] = root
    for (_k, root), g in first.items():
        root_of[g] = root
    if not root_of:
        return {}
    roots = set(root_of.values())
    parent = {**root_of, **{r: r for r in roots}}
    count = {r: counts(r) for r in roots}

    def find(x: int) -> int:
        while parent[x] != x:
            x = parent[x]
        return x

    def union(g: int, h: int, _note: str) -> None:
        a, b = find(h), find(g)
        if a != b:
            if count[b] > count[a]:
                a, b = b, a
            parent[b] = a

    profiles = {g: Profile.from_name(rep(g)) for g in sorted(root_of)}
    acronym_links(profiles, find, union, forms=forms(roots))
    return {r: find(r) for r in sorted(roots) if find(r) != r}
