"""Held-out-name accuracy on the ROR records in ../shared/data/ror-records.

For each institution, each alias, label and acronym (other than its display name) is a
query against a registry in which that one name is held out. Folds make this affordable:
in fold k the k-th such name of every institution is held out at once (so each registry
lacks one name per institution: a slightly harder test than holding out one name alone).

Every query is matched twice, without a hint and with the institution's country as a
hint, and both are reported: precision and recall of MATCH decisions (a MATCH for the
right institution is a true positive, for any other a false positive; recall is true
positives over queries) and top-1 accuracy, overall and by name type.

Institutions are split by a hash of their id: ``train`` (70%) for tuning, ``dev`` (30%)
for reporting. Every institution is in the registry; only the queries are split.

Usage:
    python bench/accuracy.py [MAX_RECORDS=50000] [--split all|train|dev] [--folds K]
                             [--errors FILE]   (TSV of wrong MATCHes and misses, for analysis;
                             then the right id, the MATCHed ids, and the
                             top candidate's registered name and the query text it was read from)
"""

from __future__ import annotations

import argparse
import time
import zlib
from collections import Counter

import attrs
from _data import ror_institutions

import partnerkit as pk


def split_of(inst_id: str) -> str:
    """``train`` or ``dev``, fixed by the id (70/30)."""
    return "train" if zlib.crc32(inst_id.encode()) % 10 < 7 else "dev"


def _key(text: str) -> str:
    return pk.normalize_name(text) if not text.isupper() else text.lower().replace(".", "")


def _without(inst: pk.Institution, value: str) -> pk.Institution:
    return attrs.evolve(
        inst,
        aliases=tuple(a for a in inst.aliases if a != value),
        acronyms=tuple(a for a in inst.acronyms if a != value),
        labels={k: v for k, v in inst.labels.items() if v != value},
    )


def _linked(a: pk.Institution, b: pk.Institution) -> bool:
    """The registry links the two records: one lists the other (parent, child, related, successor,
    predecessor) or they share a parent. A wrong MATCH of such a record is often the registry's two
    records for one body (a company per country, a renamed university) or a unit named with its
    parent (the parent answers, as on the affiliation benchmark); the main figure counts them wrong."""
    if any(r.id == b.id for r in a.relationships) or any(r.id == a.id for r in b.relationships):
        return True
    parents = {r.id for r in a.relationships if r.type is pk.RelationType.PARENT}
    return any(r.type is pk.RelationType.PARENT and r.id in parents for r in b.relationships)


class Tally:
    def __init__(self) -> None:
        self.n: Counter[str] = Counter()
        self.tp: Counter[str] = Counter()
        self.fp: Counter[str] = Counter()
        self.top1: Counter[str] = Counter()
        self.verbatim: Counter[str] = Counter()
        self.linked: Counter[str] = Counter()

    def add(self, kind: str, found: list[pk.Match], inst_id: str, gold: pk.Institution) -> tuple[bool, bool]:
        """Count one query; returns (right MATCH, wrong MATCH)."""
        right = wrong = verbatim = linked = False
        for key in ("all", kind):
            self.n[key] += 1
            if found and found[0].institution.id == inst_id:
                self.top1[key] += 1
        for m in found:
            if m.decision is pk.Decision.MATCH:
                if m.institution.id == inst_id:
                    right = True
                else:
                    wrong = True
                    # the registry carries this very name for another institution: no matcher can tell
                    verbatim = _key(m.query) == _key(m.name)
                    linked = _linked(gold, m.institution)
        for key in ("all", kind):
            self.tp[key] += right
            self.fp[key] += wrong
            self.verbatim[key] += wrong and verbatim
            self.linked[key] += wrong and linked and not verbatim
        return right, wrong

    def breakdown(self) -> str:
        """The honest reading of the no-hint figures: what is reachable, and precision net of verbatim names.

        Without a hint an acronym must stay POSSIBLE (issue 3's own rule), so recall cannot
        pass the share of non-acronym queries; a query that is word for word another
        registered institution's name gives a wrong MATCH no matcher can avoid.
        """
        n, acr = self.n["all"], self.n["acronym"]
        reachable = n - acr
        tp = self.tp["all"] - self.tp["acronym"]
        fp, v = self.fp["all"], self.verbatim["all"]
        other = self.tp["all"] / (self.tp["all"] + fp - v) if self.tp["all"] + fp - v else 1.0
        linked = self.linked["all"]
        apart = self.tp["all"] / (self.tp["all"] + fp - v - linked) if self.tp["all"] + fp - v - linked else 1.0
        return (
            f"breakdown: recall ceiling with acronyms POSSIBLE {reachable / max(1, n):.3f};"
            f" recall of non-acronym queries {tp / max(1, reachable):.3f};"
            f" precision excluding queries that are another institution's very name {other:.3f};"
            f" other wrong MATCHes of a record the registry links to the right one (parent, unit,"
            f" successor, sibling) {linked}, precision excluding those too {apart:.3f}"
        )

    def line(self, key: str) -> str:
        n, tp, fp = self.n[key], self.tp[key], self.fp[key]
        precision = tp / (tp + fp) if tp + fp else 1.0
        v = self.verbatim[key]
        other = tp / (tp + fp - v) if tp + fp - v else 1.0
        return (
            f"{key:8} queries {n:6}  MATCH precision {precision:.3f}  recall {tp / max(1, n):.3f}"
            f"  top-1 {self.top1[key] / max(1, n):.3f}  (wrong MATCH {fp}, of them {v} another institution's"
            f" very name; precision without those {other:.3f})"
        )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("limit", nargs="?", type=int, default=50_000)
    ap.add_argument("--split", choices=("all", "train", "dev"), default="dev")
    ap.add_argument("--folds", type=int, default=0, help="only the first K folds (0: all)")
    ap.add_argument("--errors", default=None)
    args = ap.parse_args()
    insts = ror_institutions()[: args.limit]
    if not insts:
        raise SystemExit("../shared/data/ror-records is absent")
    alternates = {
        i.id: list(dict.fromkeys(n.value for n in i.names() if n.type is not pk.NameType.DISPLAY and n.value != i.name))
        for i in insts
    }
    kinds = {
        (i.id, n.value): n.type.value
        for i in insts
        for n in reversed(list(i.names()))
        if n.type is not pk.NameType.DISPLAY
    }
    folds = max((len(v) for v in alternates.values()), default=0)
    if args.folds:
        folds = min(folds, args.folds)
    plain, hinted = Tally(), Tally()
    errors = open(args.errors, "w", encoding="utf-8") if args.errors else None  # noqa: SIM115
    t0 = time.perf_counter()
    build = 0.0
    for k in range(folds):
        held = {i.id: alternates[i.id][k] for i in insts if len(alternates[i.id]) > k}
        t = time.perf_counter()
        reg = pk.Registry([_without(i, held[i.id]) if i.id in held else i for i in insts])
        build += time.perf_counter() - t
        queries = 0
        for inst_id, query in held.items():
            if args.split != "all" and split_of(inst_id) != args.split:
                continue
            queries += 1
            kind = kinds[(inst_id, query)]
            gold = reg.get(inst_id)
            assert gold is not None
            for tally, hint in ((plain, None), (hinted, gold.country)):
                found = reg.match(query, hint, limit=5)
                right, wrong = tally.add(kind, found, inst_id, gold)
                if errors is not None and not right:
                    top = found[0] if found else None
                    errors.write(
                        "\t".join(
                            [
                                "wrong" if wrong else "miss",
                                "hint" if hint else "-",
                                kind,
                                query,
                                reg.get(inst_id).name,  # type: ignore[union-attr]
                                top.institution.name if top else "",
                                top.decision.value if top else "",
                                "yes" if top and top.institution.id == inst_id else "no",
                                str(top.explanation).replace("\t", " ").replace("\n", " ") if top else "",
                                inst_id,
                                " ".join(m.institution.id for m in found if m.decision is pk.Decision.MATCH),
                                top.name if top else "",
                                top.query if top else "",
                            ]
                        )
                        + "\n"
                    )
        print(f"fold {k + 1}/{folds}: {queries} queries, {time.perf_counter() - t0:.0f}s", flush=True)
    print(f"records {len(insts)}, split {args.split}, folds {folds}, registry builds {build:.0f}s")
    for title, tally in (("no hint", plain), ("country hint", hinted)):
        print(f"-- {title}")
        for key in ("all", "alias", "label", "acronym"):
            print(tally.line(key))
        print(tally.breakdown())
    if errors is not None:
        errors.close()


if __name__ == "__main__":
    main()
