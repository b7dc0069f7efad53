"""dedupe(): group written names into clusters of the same institution, with the links' explanations."""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Iterable

import attrs

from partnerkit._errors import RecordError
from partnerkit._matching._acronym_links import acronym_links
from partnerkit._matching._index import Index
from partnerkit._matching._inputs import NoNames, not_a_single_name
from partnerkit._matching._match import _candidates, match_one
from partnerkit._matching._registry import Registry
from partnerkit._model import Institution, country_code
from partnerkit._names import acronym_key, call_memo, is_acronym, normalize_name
from partnerkit.rules import Decision, Explanation, Profile, RuleSet, default_rules

__all__ = ["Cluster", "Link", "dedupe", "dedupe_rows"]


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

    A name that names nothing joins no cluster: an empty or blank one, and a spreadsheet error
    value (``#N/A``, ``#VALUE!``, ``#REF!``... which a CSV export of a failed formula holds; one
    warning on the ``partnerkit`` logger counts them). The clusters' counts leave such names out.

    Args:
        names: the names, as written (repeats are counted).
        registry: an optional registry to attach clusters to.
        rules: the rule set (default: the registry's, else :func:`partnerkit.rules.default_rules`).
        countries: a country hint (code or name, or ``None``) per name, parallel to ``names``:
            names in different countries never join, and the registry is asked with the hint.
            One name given two countries ("HUST" in CN, "HUST" in VN) makes two clusters (and its
            rows without a hint a third); rows without a hint beside rows of one country join them.
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
        TypeError: ``names`` (or ``countries``) is a single ``str`` or ``bytes``, not an iterable of them.
        RecordError: an item is not a string, or a hint is not a country (the message gives its position);
            ``countries`` is not as long as ``names``.

    Examples:
        >>> import partnerkit as pk
        >>> [c.members for c in pk.dedupe(["ITMO University", "ITMO Univ.", "Университет ИТМО", "Wuhan University"])]
        [('ITMO University', 'ITMO Univ.', 'Университет ИТМО'), ('Wuhan University',)]
    """
    return dedupe_rows(names, registry, rules=rules, countries=countries, acronyms=acronyms, rows=False)[0]


def dedupe_rows(
    names: Iterable[str],
    registry: Registry | None = None,
    *,
    rules: RuleSet | None = None,
    countries: Iterable[str | None] | None = None,
    acronyms: bool = True,
    rows: bool = True,
) -> tuple[list[Cluster], list[int | None]]:
    """:func:`dedupe`, and the position of each row's cluster in the list (empty when ``rows`` is false).

    A text can be in two clusters (the same name given two countries), so a row is joined
    back to its cluster by its position, never by its text. A row whose name names nothing
    (empty, blank, or a spreadsheet error value such as ``#N/A``) is in no cluster: ``None``.

    >>> clusters, where = dedupe_rows(["ITMO University", "", "Wuhan University", "ITMO Univ."])
    >>> [clusters[i].canonical if i is not None else None for i in where]
    ['ITMO University', None, 'Wuhan University', 'ITMO University']
    """
    not_a_single_name(names)
    if countries is not None:
        not_a_single_name(countries, "countries")
    enabled = gc.isenabled()
    gc.disable()  # millions of small objects: the cyclic collector would rescan them all, often
    try:
        row_units: list[int] | None = [] if rows else None
        with call_memo():  # each text is read several times (grouped, profiled, indexed): once is enough
            clusters, unit_cluster = _dedupe(names, registry, rules, countries, acronyms, rows=row_units)
        return clusters, [unit_cluster[u] if u >= 0 else None for u in row_units] if row_units is not None else []
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


# a unit of step 1: a text and the country hint it is read with; a normal form whose rows carry
# two known countries is split into one group per country (plus one for its rows without a hint)
_Unit = tuple[str, str | None]


def _units(
    names: Iterable[str], countries: Iterable[str | None] | None, rows: list[int] | None
) -> tuple[Counter[_Unit], dict[_Unit, str], dict[str, list[_Unit]]]:
    """Count the units of ``names`` and give each unit's group key; ``rows`` (if given) gets each row's
    unit id (-1 for a row whose name names nothing: :func:`names_nothing`)."""
    counts: Counter[_Unit] = Counter()
    texts: list[str | None] = []
    nothing = NoNames()
    for i, name in enumerate(names):
        if not isinstance(name, str):
            raise RecordError(f"item {i}: expected a name (str), got {type(name).__name__}")
        cleaned = text_of(name)
        text = None if nothing.nothing(cleaned) else cleaned  # None: in no cluster (not in one of all such rows)
        if countries is None:
            if text is not None:
                counts[text, None] += 1
            if rows is not None:
                texts.append(text)
        else:
            texts.append(text)
    nothing.warn("names", "left out of the clusters")
    keys: dict[str, str] = {}
    if countries is None:
        row_units: Iterable[_Unit | None] = ((t, None) if t is not None else None for t in texts)
    else:
        hints = _hints(countries, len(texts))
        known: dict[str, set[str | None]] = {}
        for text, hint in zip(texts, hints, strict=True):
            if hint is not None and text is not None:
                k = keys.get(text) or keys.setdefault(text, group_key(text))
                known.setdefault(k, set()).add(hint)

        def unit(text: str | None, hint: str | None) -> _Unit | None:
            if text is None:
                return None
            k = keys.get(text) or keys.setdefault(text, group_key(text))
            seen = known.get(k, ())
            return (text, hint) if len(seen) > 1 else (text, next(iter(seen), None))

        row_units = [unit(t, h) for t, h in zip(texts, hints, strict=True)]
        counts.update(u for u in row_units if u is not None)
    ids: dict[_Unit, int] = {}
    if rows is not None:
        rows.extend(-1 if u is None else ids.setdefault(u, len(ids)) for u in row_units)
    groups: dict[str, list[_Unit]] = {}
    unit_key: dict[_Unit, str] = {}
    for u in counts if rows is None else ids:
        k = keys.get(u[0]) or keys.setdefault(u[0], group_key(u[0]))
        unit_key[u] = k
        groups.setdefault(f"{k}\x00{u[1] or ''}", []).append(u)
    return counts, unit_key, groups


def _dedupe(
    names: Iterable[str],
    registry: Registry | None,
    rules: RuleSet | None,
    countries: Iterable[str | None] | None,
    acronyms: bool,
    *,
    rows: list[int] | None = None,
) -> tuple[list[Cluster], list[int]]:
    """The clusters, and (when ``rows`` is given: it receives each row's unit) each unit's cluster position."""
    rules = rules or (registry.rules if registry is not None else default_rules())
    # 1. names with one normal form (and country) form a group; the group's most frequent name speaks for it
    counts, unit_key, groups = _units(names, countries, rows)
    group_list = list(groups.values())
    for members in group_list:
        members.sort(key=lambda u: (-counts[u], -len(u[0]), u[0]))
    reps = [m[0][0] for m in group_list]
    hints = [m[0][1] for m in group_list]
    gkey = [unit_key[m[0]] for m in group_list]
    rep_profiles = [Profile.from_name(r, country=hints[g]) for g, r in enumerate(reps)]
    links: list[list[Link]] = [[] for _ in group_list]
    for g, members in enumerate(group_list):
        for other in members[1:]:
            links[g].append(Link(reps[g], other[0], rules.compare(rep_profiles[g], Profile.from_name(other[0]))))
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
            if x == y or (x, y) in tried or gkey[x] == gkey[y]:
                continue  # one normal form split by its rows' countries stays split
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
    cross: list[tuple[int, Link]] = []

    def join(g: int, h: int, e: Explanation) -> None:
        a, b = uf.find(g), uf.find(h)
        ca, cb = canon[a], canon[b]
        if sum(counts[u] for u in group_list[cb]) > sum(counts[u] for u in group_list[ca]):
            a, b = b, a
        uf.parent[b] = a
        inst_of[a] = inst_of[a] or inst_of[b]
        cross.append((g, Link(reps[g], reps[h], e)))

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
    cross_by_root: dict[int, list[Link]] = {}
    for g, link in cross:
        cross_by_root.setdefault(uf.find(g), []).append(link)
    clusters: list[Cluster] = []
    roots: list[int] = []
    for root, gs in members_of.items():
        gs.sort(key=lambda g: (g != canon[root], -sum(counts[u] for u in group_list[g]), g))
        cluster_members = tuple(dict.fromkeys(u[0] for g in gs for u in group_list[g]))
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
        roots.append(root)
        clusters.append(
            Cluster(
                canonical=institution.name
                if institution is not None
                else reps[canon[root]]
                if canon[root] in gs
                else cluster_members[0],
                members=cluster_members,
                count=sum(counts[u] for g in gs for u in group_list[g]),
                institution=institution,
                links=tuple(link for g in gs for link in links[g]) + tuple(cross_by_root.get(root, ())),
                decision=decision,
            )
        )
    order = sorted(range(len(clusters)), key=lambda i: (-clusters[i].count, clusters[i].canonical))
    if rows is None:
        return [clusters[i] for i in order], []
    position = {roots[i]: k for k, i in enumerate(order)}
    unit_group = {u: g for g, members in enumerate(group_list) for u in members}
    # unit_key holds the units in the order ``rows`` numbered them
    return [clusters[i] for i in order], [position[uf.find(unit_group[u])] for u in unit_key]
