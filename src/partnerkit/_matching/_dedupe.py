"""dedupe(): group written names into clusters of the same institution, with the links' explanations."""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Iterable

import attrs

from partnerkit._errors import RecordError
from partnerkit._matching._acronym_links import acronym_links
from partnerkit._matching._index import Index
from partnerkit._matching._match import _candidates, match_one
from partnerkit._matching._registry import Registry
from partnerkit._model import Institution, country_code
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
        """The link as JSON-safe values: ``left``, ``right`` and the explanation's dict."""
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
        decision: with a registry, how the cluster relates to it: MATCH (attached to
            ``institution``), POSSIBLE (its names fit several institutions, e.g. an acronym
            two of them carry, and no hint settles it) or NON_MATCH; ``None`` without a registry.
    """

    canonical: str
    members: tuple[str, ...]
    count: int
    institution: Institution | None = None
    links: tuple[Link, ...] = ()
    decision: Decision | None = None

    @property
    def explanations(self) -> list[Explanation]:
        """The explanation of every link."""
        return [link.explanation for link in self.links]

    def to_dict(self) -> dict[str, object]:
        """The cluster as JSON-safe values: canonical, members, count, institution_id, decision, links."""
        return {
            "canonical": self.canonical,
            "members": list(self.members),
            "count": self.count,
            "institution_id": self.institution.id if self.institution else None,
            "decision": self.decision.value if self.decision is not None else None,
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


# control characters that str.split does not take for spaces read as a space (a NUL between
# two words separates them); zero-width characters are dropped
_CONTROL: dict[int, str | None] = dict.fromkeys([*range(0x00, 0x09), *range(0x0E, 0x1C), *range(0x7F, 0x85)], " ")
_CONTROL.update(dict.fromkeys(range(0x86, 0xA0), " "))
_CONTROL.update({0x200B: None, 0xFEFF: None})


def text_of(name: str) -> str:
    r"""The text :func:`dedupe` works on: control characters (NUL included) read as spaces, whitespace collapsed.

    Every engine cleans names with this one function, so a name holding a NUL is the same
    text in one process and in Dask or Spark (whose group-bys would otherwise take texts
    differing only after a NUL for one).

    >>> text_of("  ITMO\x00University\x00\x00\t")
    'ITMO University'
    """
    if not name.isprintable():  # spaces other than " " and control characters are not printable
        name = name.translate(_CONTROL)
    return " ".join(name.split())


def _key(text: str) -> str:
    return ("a:" + acronym_key(text)) if is_acronym(text) else normalize_name(text)


def group_key(text: str) -> str:
    """The key of a text's group: its normal form, or the text itself (marked) when that is empty.

    The mark ``t:`` never starts a normal form (which has no ``:``) nor an acronym key
    (``a:``). It holds no NUL character: pandas hashes object strings as C strings, so keys
    differing only after a NUL would be taken for one key in the group-bys and joins of the
    Dask adapter.
    """
    return _key(text) or "t:" + text


def dedupe(
    names: Iterable[str],
    registry: Registry | None = None,
    *,
    rules: RuleSet | None = None,
    countries: Iterable[str | None] | None = None,
    acronyms: bool = True,
) -> list[Cluster]:
    """Group names into clusters that denote the same institution.

    Names with the same normal form join at once; other pairs join when the rules say
    MATCH. To keep one ambiguous name from chaining unrelated clusters together, two
    clusters merge only if their canonical names are not a NON_MATCH of each other (and,
    with a registry, not matched to different institutions). With a registry, each
    cluster is attached to the institution its names MATCH (its canonical name is then the
    institution's name), and names matching the same institution join; a name that fits
    several institutions ("HUST" without a country) is joined to none of them and its
    cluster's decision is POSSIBLE.

    Args:
        names: the names, as written (repeats are counted).
        registry: an optional registry to attach clusters to.
        rules: the rule set (default: the registry's, else :func:`partnerkit.rules.default_rules`).
        countries: a country hint (code or name, or ``None``) per name, parallel to ``names``:
            names in different countries never join, and the registry is asked with the hint.
        acronyms: read acronyms against the whole list (default): an acronym ("UBA") joins the
            one cluster whose names it spells ("Universidad de Buenos Aires") when no other
            cluster of the list spells it too ("MSU" beside Moscow and Michigan State University
            stays apart), and a bracketed acronym its own name does not spell ("Royal Institute
            of Technology (KTH)") joins the one name spelling it ("Kungliga Tekniska högskolan").
            ``False`` joins by MATCH pairs only, as ``partnerkit.dask.dedupe`` and
            ``partnerkit.spark.dedupe`` do.

    Returns:
        Clusters, biggest first; each with its canonical name, members and links.

    Raises:
        RecordError: an item is not a string, or a hint is not a country (the message gives its position);
            ``countries`` is not as long as ``names``.

    Examples:
        >>> import partnerkit as pk
        >>> [c.members for c in pk.dedupe(["ITMO University", "ITMO Univ.", "Университет ИТМО", "Wuhan University"])]
        [('ITMO University', 'ITMO Univ.', 'Университет ИТМО'), ('Wuhan University',)]
    """
    enabled = gc.isenabled()
    gc.disable()  # millions of small objects: the cyclic collector would rescan them all, often
    try:
        return _dedupe(names, registry, rules, countries, acronyms)
    finally:
        if enabled:
            gc.enable()


def _hints(countries: Iterable[str | None] | None, n: int) -> list[str | None]:
    if countries is None:
        return [None] * n
    hints: list[str | None] = []
    seen: dict[str, str] = {}  # a column of hints repeats a few values: read each once
    for i, value in enumerate(countries):
        if value is None or (isinstance(value, str) and not value.strip()):
            hints.append(None)
            continue
        code = seen.get(value) if isinstance(value, str) else None
        if code is None:
            try:
                code = seen[value] = country_code(value)
            except RecordError as exc:
                raise RecordError(f"countries item {i}: {exc}") from None
        hints.append(code)
    if len(hints) != n:
        raise RecordError(f"countries has {len(hints)} items for {n} names: give one hint (or None) per name")
    return hints


def _one_hint(found: set[str | None]) -> str | None:
    """The country all rows agree on (rows without a hint aside), else ``None``."""
    known = found - {None}
    return next(iter(known)) if len(known) == 1 else None


def _dedupe(
    names: Iterable[str],
    registry: Registry | None,
    rules: RuleSet | None,
    countries: Iterable[str | None] | None,
    acronyms: bool,
) -> list[Cluster]:
    rules = rules or (registry.rules if registry is not None else default_rules())
    counts: Counter[str] = Counter()
    texts: list[str] = []
    for i, name in enumerate(names):
        if not isinstance(name, str):
            raise RecordError(f"item {i}: expected a name (str), got {type(name).__name__}")
        text = text_of(name)
        counts[text] += 1
        if countries is not None:
            texts.append(text)
    hint_sets: dict[str, set[str | None]] = {}
    for text, hint in zip(texts, _hints(countries, len(texts)), strict=True):
        hint_sets.setdefault(text, set()).add(hint)
    # 1. names with one normal form form a group; the group's most frequent name speaks for it
    groups: dict[str, list[str]] = {}
    for text in counts:
        groups.setdefault(group_key(text), []).append(text)
    group_list = list(groups.values())
    for members in group_list:
        members.sort(key=lambda t: (-counts[t], -len(t), t))
    reps = [m[0] for m in group_list]
    hints = [_one_hint(set().union(*(hint_sets.get(t, {None}) for t in m))) for m in group_list]
    rep_profiles = [Profile.from_name(r, country=hints[g]) for g, r in enumerate(reps)]
    links: list[list[Link]] = [[] for _ in group_list]
    for g, members in enumerate(group_list):
        for other in members[1:]:
            links[g].append(Link(members[0], other, rules.compare(rep_profiles[g], Profile.from_name(other))))
    # 2. candidate pairs of groups, scored by the rules
    index = Index(Institution(id=str(g), name=r) for g, r in enumerate(reps) if rep_profiles[g].tokens)
    gid = [int(inst.id) for inst in index.institutions]
    edges: list[tuple[float, int, int, Explanation]] = []
    pos = {g: i for i, g in enumerate(gid)}
    tried: set[tuple[int, int]] = set()
    for g, profile in enumerate(rep_profiles):
        if not profile.tokens:
            continue
        for n in _candidates(index, profile, own=pos[g]):
            x, y = sorted((g, gid[index.name_inst[n]]))  # a typo is found from the misspelt name only
            if x == y or (x, y) in tried:
                continue
            tried.add((x, y))
            if rules.score(rep_profiles[x], rep_profiles[y]) < rules.match:
                continue  # explain only the links that are kept
            e = rules.compare(rep_profiles[x], rep_profiles[y])
            edges.append((e.score, x, y, e))
    # 3. the registry, when given
    found: list[Institution | None] = [None] * len(reps)
    fits: list[Decision | None] = [None] * len(reps)
    if registry is not None:
        by_inst: dict[str, int] = {}
        for g, rep in enumerate(reps):
            best = match_one(registry.index, rep, country=hints[g], limit=1, rules=registry.rules, unique_acronyms=True)
            fits[g] = best[0].decision if best else Decision.NON_MATCH
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

    def join(g: int, h: int, e: Explanation) -> None:
        a, b = uf.find(g), uf.find(h)
        ca, cb = canon[a], canon[b]
        if sum(counts[t] for t in group_list[cb]) > sum(counts[t] for t in group_list[ca]):
            a, b = b, a
        uf.parent[b] = a
        inst_of[a] = inst_of[a] or inst_of[b]
        cross.append(Link(reps[g], reps[h], e))

    for _score, g, h, e in sorted(edges, key=lambda x: (-x[0], x[1], x[2])):
        a, b = uf.find(g), uf.find(h)
        if a == b:
            continue
        ia, ib = inst_of[a], inst_of[b]
        if ia is not None and ib is not None and ia.id != ib.id:
            continue
        ca, cb = canon[a], canon[b]
        same_inst = ia is not None and ib is not None  # the registry vouches for both: no chaining
        if (
            not same_inst
            and (ca, cb) != (g, h)
            and rules.compare(rep_profiles[ca], rep_profiles[cb]).decision is Decision.NON_MATCH
        ):
            continue
        join(g, h, e)
    # 4b. acronyms read against the whole list (see ``_acronym_links``)
    if acronyms:

        def join_acronym(g: int, h: int, note: str) -> None:
            ia, ib = inst_of[uf.find(g)], inst_of[uf.find(h)]
            if uf.find(g) == uf.find(h) or (ia is not None and ib is not None and ia.id != ib.id):
                return
            e = rules.compare(rep_profiles[h], rep_profiles[g]).with_note(note, Decision.MATCH)
            join(h, g, e)  # the full name keeps the root on a tie: the canonical name is not the acronym

        acronym_links(
            dict(enumerate(rep_profiles)),
            uf.find,
            join_acronym,
            hints={g: h for g, h in enumerate(hints) if h is not None},
            forms={g: len(m) for g, m in enumerate(group_list)},
            skip=(lambda g: fits[g] is Decision.POSSIBLE) if registry is not None else None,
        )
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
        institution = inst_of[root]
        decision = None
        if registry is not None:
            decision = (
                Decision.MATCH
                if institution is not None
                else Decision.POSSIBLE
                if any(fits[g] is Decision.POSSIBLE for g in gs)
                else Decision.NON_MATCH
            )
        clusters.append(
            Cluster(
                canonical=institution.name
                if institution is not None
                else reps[canon[root]]
                if canon[root] in gs
                else cluster_members[0],
                members=cluster_members,
                count=sum(counts[t] for t in cluster_members),
                institution=institution,
                links=tuple(link for g in gs for link in links[g]) + tuple(cross_by_root.get(root, ())),
                decision=decision,
            )
        )
    clusters.sort(key=lambda c: (-c.count, c.canonical))
    return clusters
