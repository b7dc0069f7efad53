"""dedupe(): group written names into clusters of the same institution, with the links' explanations."""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Iterable

import attrs

from partnerkit._errors import RecordError
from partnerkit._matching._index import Index
from partnerkit._matching._match import _candidates
from partnerkit._matching._registry import Registry
from partnerkit._model import Institution
from partnerkit._names import acronym_key, is_acronym, normalize_name
from partnerkit.rules import Decision, Explanation, Profile, RuleSet, default_rules

__all__ = ["Cluster", "Link", "dedupe"]


@attrs.frozen
class Link:
    """Why two members of a cluster were joined."""

    left: str
    right: str
    explanation: Explanation

    def to_dict(self) -> dict[str, object]:
        return {"left": self.left, "right": self.right, "explanation": self.explanation.to_dict()}


@attrs.frozen
class Cluster:
    """Names that denote the same institution.

    Attributes:
        canonical: the member to show for the cluster (the most frequent full name).
        members: every distinct written form, the canonical first.
        count: how many input names the cluster holds (with repeats).
        institution: the registry's institution, when ``dedupe`` had a registry and it matched.
        links: why members were joined (a spanning set of links; each with its explanation).
    """

    canonical: str
    members: tuple[str, ...]
    count: int
    institution: Institution | None = None
    links: tuple[Link, ...] = ()

    @property
    def explanations(self) -> list[Explanation]:
        """The explanation of every link."""
        return [link.explanation for link in self.links]

    def to_dict(self) -> dict[str, object]:
        return {
            "canonical": self.canonical,
            "members": list(self.members),
            "count": self.count,
            "institution_id": self.institution.id if self.institution else None,
            "links": [link.to_dict() for link in self.links],
        }


class _Union:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x


def _key(text: str) -> str:
    return ("a:" + acronym_key(text)) if is_acronym(text) else normalize_name(text)


def dedupe(
    names: Iterable[str],
    registry: Registry | None = None,
    *,
    rules: RuleSet | None = None,
) -> list[Cluster]:
    """Group names into clusters that denote the same institution.

    Names with the same normal form join at once; other pairs join when the rules say
    MATCH. To keep one ambiguous name from chaining unrelated clusters together, two
    clusters merge only if their canonical names are not a NON_MATCH of each other (and,
    with a registry, not matched to different institutions). With a registry, each
    cluster is attached to the institution its names MATCH, and names matching the same
    institution join.

    Args:
        names: the names, as written (repeats are counted).
        registry: an optional registry to attach clusters to.
        rules: the rule set (default: the registry's, else :func:`partnerkit.rules.default_rules`).

    Returns:
        Clusters, biggest first; each with its canonical name, members and links.

    Raises:
        RecordError: an item is not a string (the message gives its position).

    >>> import partnerkit as pk
    >>> [c.members for c in pk.dedupe(["ITMO University", "ITMO Univ.", "Университет ИТМО", "Wuhan University"])]
    [('ITMO University', 'ITMO Univ.', 'Университет ИТМО'), ('Wuhan University',)]
    """
    enabled = gc.isenabled()
    gc.disable()  # millions of small objects: the cyclic collector would rescan them all, often
    try:
        return _dedupe(names, registry, rules)
    finally:
        if enabled:
            gc.enable()


def _dedupe(names: Iterable[str], registry: Registry | None, rules: RuleSet | None) -> list[Cluster]:
    rules = rules or (registry.rules if registry is not None else default_rules())
    counts: Counter[str] = Counter()
    for i, name in enumerate(names):
        if not isinstance(name, str):
            raise RecordError(f"item {i}: expected a name (str), got {type(name).__name__}")
        counts[" ".join(name.split())] += 1
    # 1. names with one normal form form a group; the group's most frequent name speaks for it
    groups: dict[str, list[str]] = {}
    for text in counts:
        groups.setdefault(_key(text) or "\x00" + text, []).append(text)
    group_list = list(groups.values())
    for members in group_list:
        members.sort(key=lambda t: (-counts[t], -len(t), t))
    reps = [m[0] for m in group_list]
    rep_profiles = [Profile.from_name(r) for r in reps]
    links: list[list[Link]] = [[] for _ in group_list]
    for g, members in enumerate(group_list):
        for other in members[1:]:
            links[g].append(Link(members[0], other, rules.compare(rep_profiles[g], Profile.from_name(other))))
    # 2. candidate pairs of groups, scored by the rules
    index = Index(Institution(id=str(g), name=r) for g, r in enumerate(reps) if rep_profiles[g].tokens)
    gid = [int(inst.id) for inst in index.institutions]
    edges: list[tuple[float, int, int, Explanation]] = []
    for g, profile in enumerate(rep_profiles):
        if not profile.tokens:
            continue
        for n in _candidates(index, profile):
            h = gid[index.name_inst[n]]
            if h <= g:
                continue
            if rules.score(profile, rep_profiles[h]) < rules.match:
                continue  # explain only the links that are kept
            e = rules.compare(profile, rep_profiles[h])
            edges.append((e.score, g, h, e))
    # 3. the registry, when given
    found: list[Institution | None] = [None] * len(reps)
    if registry is not None:
        by_inst: dict[str, int] = {}
        for g, rep in enumerate(reps):
            best = registry.match(rep, limit=1)
            if best and best[0].decision is Decision.MATCH:
                found[g] = best[0].institution
                first = by_inst.setdefault(best[0].institution.id, g)
                if first != g:
                    edges.append((best[0].score, first, g, best[0].explanation))
    # 4. union with a guard against chaining
    uf = _Union(len(reps))
    canon = list(range(len(reps)))
    inst_of = list(found)
    cross: list[Link] = []
    for _score, g, h, e in sorted(edges, key=lambda x: (-x[0], x[1], x[2])):
        a, b = uf.find(g), uf.find(h)
        if a == b:
            continue
        ia, ib = inst_of[a], inst_of[b]
        if ia is not None and ib is not None and ia.id != ib.id:
            continue
        ca, cb = canon[a], canon[b]
        if (ca, cb) != (g, h) and rules.compare(rep_profiles[ca], rep_profiles[cb]).decision is Decision.NON_MATCH:
            continue
        if sum(counts[t] for t in group_list[cb]) > sum(counts[t] for t in group_list[ca]):
            a, b, ca, cb = b, a, cb, ca
        uf.parent[b] = a
        inst_of[a] = ia or ib
        cross.append(Link(reps[g], reps[h], e))
    # 5. clusters
    members_of: dict[int, list[int]] = {}
    for g in range(len(reps)):
        members_of.setdefault(uf.find(g), []).append(g)
    rep_pos = {r: g for g, r in enumerate(reps)}
    cross_by_root: dict[int, list[Link]] = {}
    for link in cross:
        cross_by_root.setdefault(uf.find(rep_pos[link.left]), []).append(link)
    clusters = []
    for root, gs in members_of.items():
        gs.sort(key=lambda g: (g != canon[root], -sum(counts[t] for t in group_list[g]), g))
        cluster_members = tuple(t for g in gs for t in group_list[g])
        clusters.append(
            Cluster(
                canonical=reps[canon[root]] if canon[root] in gs else cluster_members[0],
                members=cluster_members,
                count=sum(counts[t] for t in cluster_members),
                institution=inst_of[root],
                links=tuple(link for g in gs for link in links[g]) + tuple(cross_by_root.get(root, ())),
            )
        )
    clusters.sort(key=lambda c: (-c.count, c.canonical))
    return clusters
