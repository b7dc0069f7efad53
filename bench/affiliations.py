"""Affiliation strings -> ROR ids: partnerkit beside ROR's matcher and S2AFF, scored as ROR scores.

Reads the labelled affiliation strings in ``../shared/data/affiliation-benchmarks/`` and the
partial ROR registry in ``../shared/data/ror-records/`` (see their SOURCE.md files), matches
every string with ``pk.Registry.match`` and scores the answers the way ROR's
``calculate_f_score.py`` does:

* an answer is a :class:`partnerkit.Match` whose decision is ``MATCH`` (POSSIBLE, i.e.
  ambiguous, is no answer);
* each chosen id found in the row's gold ids is a true positive, each other chosen id a
  false positive;
* a row with no chosen id is a true negative when its gold is empty (``NP``), else a false
  negative.

Figures are given for all rows and for the *covered* rows (every gold id is in the partial
registry; rows with empty gold count as covered). The peers' figures are recomputed from
their per-string predictions in ``results/`` where those exist, else taken from the
published tables.

Usage::

    python bench/affiliations.py                    # train splits + OpenAlex gold + S2AFF train
    python bench/affiliations.py --limit 500        # first 500 rows of each set
    python bench/affiliations.py --dump-errors errors.tsv   # train error analysis, wrong answers by class
    python bench/affiliations.py --trade            # P/R if answers with weak evidence were withheld
    python bench/affiliations.py --split test       # the judging sets: run ONCE at the end
"""

from __future__ import annotations

import argparse
import ast
import csv
import gc
import json
import re
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
BENCH = SHARED / "affiliation-benchmarks"
RORDIR = SHARED / "ror-records"
EXP = BENCH / "ror-experimental"
RESULTS = EXP / "results"

csv.field_size_limit(10**7)


def ror_id(value: str) -> str:
    """The bare ROR id of ``https://ror.org/0abc12345`` (or of a bare id)."""
    value = value.strip()
    return value.rsplit("/", 1)[-1] if "ror.org/" in value else value


def gold_ids(cell: str | Iterable[str] | None) -> frozenset[str]:
    """Gold ids of a cell: ``NP``/empty -> none; ``a; b`` or a list -> both."""
    if cell is None:
        return frozenset()
    if isinstance(cell, str):
        text = cell.strip()
        if not text or text.upper() == "NP":
            return frozenset()
        if text.startswith("{") or text.startswith("["):
            return frozenset(ror_id(x) for x in ast.literal_eval(text))
        return frozenset(ror_id(x) for x in text.replace("|", ";").split(";") if x.strip())
    return frozenset(ror_id(x) for x in cell if x)


@dataclass
class Row:
    text: str
    gold: frozenset[str]


@dataclass
class Dataset:
    name: str
    rows: list[Row]
    # system -> per-row predicted ids (same order as rows) or None
    peers: dict[str, list[frozenset[str]]] = field(default_factory=dict)
    # system -> (P, R) published for all rows, when no per-string file exists
    published: dict[str, tuple[float, float]] = field(default_factory=dict)


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def _predictions(path: Path, n: int, texts: list[str]) -> list[frozenset[str]]:
    rows = _read_csv(path)
    if len(rows) != n or any(
        r.get("affiliation", r.get("affiliation_string")) != t for r, t in zip(rows, texts, strict=False)
    ):
        raise SystemExit(f"{path.name}: rows do not line up with the dataset")
    return [gold_ids(r["predicted_ror_id"]) for r in rows]


def _with_peers(name: str, gold: str, peers: dict[str, str]) -> Dataset:
    """A dataset of ``EXP/gold`` with each peer's per-string predictions read from ``RESULTS``."""
    rows = [Row(r["affiliation"], gold_ids(r["ror_id"])) for r in _read_csv(EXP / gold)]
    texts = [r.text for r in rows]
    return Dataset(name, rows, peers={p: _predictions(RESULTS / f, len(rows), texts) for p, f in peers.items()})


def load_train() -> list[Dataset]:
    out: list[Dataset] = [
        _with_peers(
            "Crossref train",
            "20230628_Crossref_publisher_asserted_affiliation_string_ROR_IDs_train.csv",
            {
                "ROR multisearch": "20230628_Crossref_publisher_asserted_affiliation_string"
                "_ror-affiliation_results.csv",
                "S2AFF": "20230628_Crossref_publisher_asserted_affiliation_string_ROR_IDs_train_S2AFF_results.csv",
            },
        ),
        _with_peers(
            "Logs train",
            "20230903_affiliation_matching_logs_train.csv",
            {
                "ROR multisearch": "20230903_affiliation_matching_logs_valid_ror-affiliation_results.csv",
                "S2AFF": "20230903_affiliation_matching_logs_train_S2AFF_results.csv",
            },
        ),
    ]
    oa = _read_csv(BENCH / "openalex-gold" / "openalex_gold_w_ror_ids.csv")
    rows = [Row(r["affiliation_string"], gold_ids(r["ror_id"])) for r in oa]
    multi = _read_csv(BENCH / "openalex-gold" / "multi_search_per_string.csv")
    by_text = {(r["paper_id"], r["affiliation"]): gold_ids(r["predicted_ror_id"]) for r in multi}
    peers: dict[str, list[frozenset[str]]] = {}
    if len(by_text) == len(oa) and all((r["paper_id"], r["affiliation_string"]) in by_text for r in oa):
        peers["ROR multisearch"] = [by_text[(r["paper_id"], r["affiliation_string"])] for r in oa]
    # OpenAlex's published figure counts every missed gold id as a false negative (recall 0.552).
    out.append(Dataset("OpenAlex gold", rows, peers=peers, published={"ROR multisearch (published)": (0.942, 0.552)}))
    s2 = _read_csv(BENCH / "s2aff" / "gold_affiliation_annotations.csv")
    rows = [Row(r["original_affiliation"], gold_ids(r["labels"])) for r in s2 if r["split"] == "train"]
    out.append(Dataset("S2AFF gold train", rows))
    return out


def load_test() -> list[Dataset]:
    """The judging sets. Never tune on them; run them once and report."""
    out: list[Dataset] = []
    for name, fname in (
        ("Crossref test", "20230628_Crossref_publisher_asserted_affiliation_string_ROR_IDs_test.csv"),
        ("Logs test", "20230903_affiliation_matching_logs_test.csv"),
    ):
        rows = [Row(r["affiliation"], gold_ids(r["ror_id"])) for r in _read_csv(EXP / fname)]
        out.append(Dataset(name, rows))
    s2 = _read_csv(BENCH / "s2aff" / "gold_affiliation_annotations.csv")
    out.append(
        Dataset(
            "S2AFF gold test",
            [Row(r["original_affiliation"], gold_ids(r["labels"])) for r in s2 if r["split"] == "test"],
        )
    )
    for name, fname in (
        ("ROR API Crossref-2024", "dataset_affiliations_crossref_2024_02_19.json"),
        ("ROR API Springer-2023", "dataset_affiliations_springer_2023_10_31.json"),
    ):
        data = json.loads((BENCH / "ror-api" / fname).read_text(encoding="utf-8"))
        out.append(Dataset(name, [Row(d["affiliation"], gold_ids(d["ror_ids"])) for d in data]))
    data = json.loads((BENCH / "ror-api" / "dataset_names.json").read_text(encoding="utf-8"))
    out.append(Dataset("ROR API names", [Row(d["affiliation"], gold_ids([d["ror-id"]])) for d in data]))
    rows = [Row(r["affiliation"], gold_ids(r["ror_id"])) for r in _read_csv(EXP / "20231031_springer_nature.csv")]
    out.append(Dataset("Springer-10k", rows))
    return out


# Published figures (SOURCE.md; ROR's own results/20231114_all_test_results.csv), all rows.
PUBLISHED_SPEED = {"ROR multisearch": 1 / 0.63, "S2AFF": 1 / 0.5}


# --- scoring ---------------------------------------------------------------------------------


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    tn: int = 0
    fn: int = 0
    rows: int = 0

    def add(self, chosen: frozenset[str], gold: frozenset[str]) -> None:
        self.rows += 1
        if not chosen:
            if gold:
                self.fn += 1
            else:
                self.tn += 1
            return
        for c in chosen:
            if c in gold:
                self.tp += 1
            else:
                self.fp += 1

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    def f(self, beta: float) -> float:
        p, r = self.precision, self.recall
        b2 = beta * beta
        return (1 + b2) * p * r / (b2 * p + r) if p + r else 0.0


def score(chosen: list[frozenset[str]], rows: list[Row], keep: Callable[[Row], bool]) -> Score:
    s = Score()
    for c, row in zip(chosen, rows, strict=True):
        if keep(row):
            s.add(c, row.gold)
    return s


# --- the registry ------------------------------------------------------------------------------


def registry_ids() -> set[str]:
    ids: set[str] = set()
    for path in sorted(RORDIR.glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                ids.add(ror_id(json.loads(line)["id"]))
    return ids


def read_institutions() -> Iterator[Any]:
    """The registry through the ROR source plugin (``pip install -e plugins/partnerkit-ror``)."""
    try:
        from partnerkit_ror import read_institutions as read  # type: ignore[import-not-found]
    except ImportError:
        raise SystemExit("needs the ROR plugin: pip install -e plugins/partnerkit-ror") from None
    for path in sorted(RORDIR.glob("*.jsonl")):
        yield from read(path)


def institution_ror_id(inst: Any) -> str:
    return ror_id(inst.identifiers.get("ror", inst.id))


def run_partnerkit(reg: Any, rows: list[Row]) -> tuple[list[frozenset[str]], list[list[Any]], float, float]:
    """Chosen ids per row, the answers, and the wall and CPU seconds the matching took."""
    from partnerkit.rules import Decision

    answers: list[list[Any]] = []
    start, cpu = time.perf_counter(), time.process_time()
    for row in rows:
        answers.append(reg.match(row.text))
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    chosen = [
        frozenset(institution_ror_id(m.institution) for m in ms if m.decision is Decision.MATCH) for ms in answers
    ]
    return chosen, answers, elapsed, cpu


# --- error analysis (train only) ---------------------------------------------------------------


def _rule_names(m: Any) -> list[str]:
    return [r.rule for r in m.explanation.results]


def fp_class(by_id: dict[str, Any], row: Row, cid: str, ms: list[Any]) -> str:
    """Why a chosen id is not in the gold, as one of a few classes (first that applies).

    ``np``: the gold is empty (the string names nothing, says the gold); ``parent``/``child``:
    the answer is an ancestor/descendant of a gold id (ROR parent links, either direction
    written); ``related``: a ROR related link; ``other named``: a gold organisation is also
    among the answers (the string names both, the gold picked the other); ``country``: the
    gold organisation is in another country; ``acronym``: chosen through an acronym;
    ``gold unsupported``: no distinctive word of any gold name is in the string; else
    ``similar name`` (another organisation with a similar name).
    """
    if not row.gold:
        return "np"
    inst = by_id.get(cid)

    def links(i: Any, kinds: set[str]) -> set[str]:
        return {ror_id(r.id) for r in i.relationships if r.type.value in kinds} if i is not None else set()

    def up(start: str) -> set[str]:
        out: set[str] = set()
        todo = [start]
        while todo:
            x = todo.pop()
            for p in links(by_id.get(x), {"parent"}):
                if p not in out:
                    out.add(p)
                    todo.append(p)
        return out

    if row.gold & up(cid):
        return "child"  # the answer is a unit of the gold organisation
    if any(cid in up(g) for g in row.gold):
        return "parent"  # the answer is the gold organisation's parent
    if row.gold & links(inst, {"related", "child"}) or any(cid in links(by_id.get(g), {"related"}) for g in row.gold):
        return "related"
    answers = {institution_ror_id(m.institution) for m in ms}
    if row.gold & answers:
        return "other named"
    gold = [by_id[g] for g in row.gold if g in by_id]
    if inst is not None and gold and all(g.country and g.country != inst.country for g in gold):
        return "country"
    chosen = next((m for m in ms if institution_ror_id(m.institution) == cid), None)
    if chosen is not None and any("acronym" in r for r in _rule_names(chosen)):
        return "acronym"
    from partnerkit._names import normalize_name

    words = set(normalize_name(row.text).split())
    generic = {"university", "of", "institute", "de", "the", "and", "for", "research", "national", "college"}
    if gold and not any(
        (set(normalize_name(n).split()) - generic) & words
        or (set(g.acronyms) & set(row.text.replace(",", " ").split()))
        for g in gold
        for n in (g.name, *g.aliases, *g.labels.values())
    ):
        return "gold unsupported"
    return "similar name"


_SCHOOL = re.compile(
    r"\b(?:medical|law|business|dental)\s+school\b|\bschool\s+of\s+(?:medicine|public health|law|nursing)\b", re.I
)
_COMPANY = re.compile(r"\b(?:inc|ltd|llc|gmbh|corp|corporation|co|company|limited|ag|sa|plc)\b\\.?", re.I)


def fn_class(by_id: dict[str, Any], row: Row, ms: list[Any]) -> str:
    """Why a row with gold got no answer, as one of a few classes (first that applies).

    ``possible: R``: a gold organisation is among the candidates, POSSIBLE by the rule R
    (``ambiguous``, ``system``, ``several``, ...); ``country conflict``: NON_MATCH by the
    string's country; ``other script``: the string has letters outside Latin; ``school of
    parent``: a medical/law/business school of the gold university ("Harvard Medical
    School"); ``company``: a company suffix (Inc, Ltd, GmbH...); ``name with extra words``:
    every distinctive word of a gold name is in the string but no reading took it;
    ``acronym``: a gold acronym is written; ``variant name``: some distinctive words only
    (typos, abbreviations, another language); ``gold unsupported``: none.
    """
    from partnerkit._names import normalize_name

    gold = [by_id[g] for g in row.gold if g in by_id]
    for m in ms:
        if institution_ror_id(m.institution) in row.gold and m.decision.name == "POSSIBLE":
            return "possible: " + _rule_names(m)[-1].removeprefix("affiliation.")
    for m in ms:
        if institution_ror_id(m.institution) in row.gold and "affiliation.country_conflict" in _rule_names(m):
            return "country conflict"
    if any(ch.isalpha() and ord(ch) > 0x24F for ch in row.text):
        return "other script"
    words = set(normalize_name(row.text).split())
    generic = {"university", "of", "institute", "de", "the", "and", "for", "research", "national", "college"}
    names = [set(normalize_name(n).split()) - generic for g in gold for n in (g.name, *g.aliases, *g.labels.values())]
    some = any(n & words for n in names)
    if _SCHOOL.search(row.text) and some:
        return "school of parent"
    if _COMPANY.search(row.text) or any(g.kind.value == "company" for g in gold):
        return "company"
    if any(n and n <= words for n in names):
        return "name with extra words"
    if any(set(g.acronyms) & set(re.split(r"[\s,;()/-]+", row.text)) for g in gold):
        return "acronym"
    return "variant name" if some else "gold unsupported"


# Evidence below which an answer could be withheld (MATCH -> no answer), for --trade.
TRADES: dict[str, Callable[[Any, list[Any]], bool]] = {
    "score < 0.93 (a unit, a place or an acronym around the name)": lambda m, ms: m.score < 0.93,
    "score < 0.97 (not the whole part)": lambda m, ms: m.score < 0.97,
    "read by the fuzzy rules": lambda m, ms: (
        not any(r.rule.startswith("affiliation.") for r in m.explanation.results)
        and "same_name" not in {r.rule for r in m.explanation.results}
    ),
    "an acronym alone": lambda m, ms: m.explanation.results[0].rule == "affiliation.acronym",
    "1+ other organisation named": lambda m, ms: sum(o.decision.name == "POSSIBLE" and o.score >= 0.7 for o in ms) >= 1,
    "2+ other organisations named": lambda m, ms: (
        sum(o.decision.name == "POSSIBLE" and o.score >= 0.7 for o in ms) >= 2
    ),
}


def trade(rows: list[Row], answers: list[list[Any]], keep: Callable[[Row], bool]) -> list[str]:
    """P/R/F1/F0.5 on the covered rows when the answers with weak evidence are withheld."""
    from partnerkit.rules import Decision

    out = []
    for what, weak in TRADES.items():
        chosen = [
            frozenset(institution_ror_id(m.institution) for m in ms if m.decision is Decision.MATCH and not weak(m, ms))
            for ms in answers
        ]
        out.append(f"| withhold when {what} | {fmt(score(chosen, rows, keep))} |")
    return out


# --- output ------------------------------------------------------------------------------------


def fmt(s: Score) -> str:
    return f"{s.precision:.3f} | {s.recall:.3f} | {s.f(1):.3f} | {s.f(0.5):.3f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("train", "test"), default="train")
    ap.add_argument("--limit", type=int, default=None, help="first N rows of each set")
    ap.add_argument("--dump-errors", type=Path, default=None, help="write FP/FN rows (train only) to this TSV")
    ap.add_argument("--trade", action="store_true", help="P/R when answers with weak evidence are withheld")
    ap.add_argument("--only", default=None, help="only the sets whose name contains this text")
    args = ap.parse_args(argv)
    if args.dump_errors and args.split == "test":
        ap.error("--dump-errors is for the train split only: never analyse the judging sets row by row")

    import partnerkit as pk

    datasets = load_train() if args.split == "train" else load_test()
    if args.only:
        datasets = [d for d in datasets if args.only.lower() in d.name.lower()]
    known = registry_ids()
    t0 = time.perf_counter()
    institutions = list(read_institutions())
    t1 = time.perf_counter()
    reg = pk.Registry(institutions)
    t2 = time.perf_counter()
    reg.match("Department of Physics, University of Oslo, Norway")  # builds the affiliation reader
    t3 = time.perf_counter()
    # A long-lived registry, as in `partnerkit serve`: its objects are moved out of the cyclic
    # collector's reach, so matching is not paused by full collections over them.
    gc.collect()
    gc.freeze()
    print(
        f"registry: {len(institutions):,} records read in {t1 - t0:.1f}s, indexed in {t2 - t1:.1f}s, "
        f"affiliation reader built in {t3 - t2:.1f}s (on the first affiliation string); "
        "strings/s below (wall, and per CPU second) exclude these"
    )
    print()
    print("| data (rows) | coverage | system | P | R | F1 | F0.5 | strings/s |")
    print("|---|---|---|---|---|---|---|---|")
    tallies: list[str] = []
    errors: list[tuple[str, ...]] = []
    trades: list[str] = []
    by_id = {institution_ror_id(i): i for i in institutions}
    classes: dict[str, dict[str, int]] = {}
    misses: dict[str, dict[str, int]] = {}
    for ds in datasets:
        rows = ds.rows[: args.limit] if args.limit else ds.rows
        n = len(rows)

        def covered(row: Row) -> bool:
            return row.gold <= known

        n_cov = sum(1 for r in rows if covered(r))
        n_np = sum(1 for r in rows if not r.gold)
        chosen, answers, elapsed, cpu = run_partnerkit(reg, rows)
        speed = n / elapsed if elapsed else float("inf")
        speeds = f"{speed:,.0f} ({n / cpu if cpu else float('inf'):,.0f} CPU)"
        label = f"{ds.name} ({n:,}; {n_np:,} with no answer)"
        for scope, keep, cov in (
            ("all", lambda r: True, f"{n:,}"),
            ("covered", covered, f"{n_cov:,} ({n_cov / n:.0%})"),
        ):
            mine = score(chosen, rows, keep)
            print(f"| {label} | {scope} {cov} | **partnerkit** | {fmt(mine)} | {speeds} |")
            if scope == "covered":
                tallies.append(f"- {ds.name}: TP {mine.tp:,}, FP {mine.fp:,}, FN {mine.fn:,}, P {mine.precision:.4f}")
            for system, preds in ds.peers.items():
                pp = preds[: len(rows)]
                sp = PUBLISHED_SPEED.get(system)
                print(f"| {label} | {scope} {cov} | {system} | {fmt(score(pp, rows, keep))} | {sp:.1f} |")
        for system, (p, r) in ds.published.items():
            f1 = 2 * p * r / (p + r)
            f05 = 1.25 * p * r / (0.25 * p + r)
            print(f"| {label} | all {n:,} | {system} | {p:.3f} | {r:.3f} | {f1:.3f} | {f05:.3f} | 1.6 |")
        if args.trade:
            trades += [f"\n{ds.name}, covered rows:", "| policy | P | R | F1 | F0.5 |", "|---|---|---|---|---|"]
            trades += trade(rows, answers, covered)
        if args.dump_errors:
            for row, c, ms in zip(rows, chosen, answers, strict=True):
                wrong = c - row.gold
                missed = not c and row.gold
                if not wrong and not missed:
                    continue
                kind = "FP" if wrong else "FN"
                why_wrong = (
                    ",".join(sorted({fp_class(by_id, row, c, ms) for c in wrong}))
                    if wrong
                    else fn_class(by_id, row, ms)
                )
                if missed and covered(row):
                    k = fn_class(by_id, row, ms)
                    misses.setdefault(ds.name, {})[k] = misses.setdefault(ds.name, {}).get(k, 0) + 1
                if wrong and covered(row):
                    for cid in wrong:
                        k = fp_class(by_id, row, cid, ms)
                        classes.setdefault(ds.name, {})[k] = classes.setdefault(ds.name, {}).get(k, 0) + 1
                best = "; ".join(
                    f"{institution_ror_id(m.institution)}={m.institution.name}[{m.decision.name} {m.score:.2f}]"
                    for m in ms[:3]
                )
                why = str(ms[0].explanation).replace("\n", " / ").replace("\t", " ") if ms else ""
                errors.append(
                    (
                        ds.name,
                        kind,
                        why_wrong,
                        "cov" if covered(row) else "uncov",
                        row.text.replace("\t", " ").replace("\n", " "),
                        ";".join(sorted(row.gold)) or "NP",
                        f"{best}\t{why}",
                    )
                )
    if trades:
        print("\nThe precision/recall trade of withholding answers (MATCH -> no answer) with weak evidence:")
        print("\n".join(trades))
    if args.dump_errors:
        with args.dump_errors.open("w", encoding="utf-8") as fh:
            fh.write("set\tkind\tclass\tcoverage\ttext\tgold\tanswers\texplanation\n")
            for e in errors:
                fh.write("\t".join(e) + "\n")
        print("\npartnerkit on covered rows, counts:\n" + "\n".join(tallies))
        print(f"\n{len(errors):,} error rows written to {args.dump_errors}", file=sys.stderr)
        for title, table in (
            ("Wrong answers (false positives) on covered rows, by class:", classes),
            ("Missed rows (gold, no answer) on covered rows, by class:", misses),
        ):
            print("\n" + title)
            for name, counts in table.items():
                ranked = sorted(counts.items(), key=lambda kv: -kv[1])
                print(f"- {name} ({sum(counts.values())}): " + ", ".join(f"{k} {v}" for k, v in ranked))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
