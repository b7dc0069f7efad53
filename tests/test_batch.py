"""partnerkit._matching._batch: the batch functions the Dask and Spark adapters run.

Users rely on: a batch gives what ``Registry.match`` gives, row by row; and the results do not
depend on the process (``PYTHONHASHSEED``), since every Dask or Spark worker is another process.
"""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import partnerkit as pk
from partnerkit._matching._batch import Packed, match_batch, unpack
from partnerkit._matching._dedupe_steps import (
    components_of,
    edges_for,
    group_frame,
    guarded_union,
    pairs_for,
    plan_groups,
    plan_of,
    reading_frame,
    score_pairs,
)
from partnerkit.rules import default_rules
from tests import scale_data
from tests import strategies as pst

RULES = default_rules()

SCRIPT = """
import json, sys
import partnerkit as pk
from partnerkit._matching._batch import match_batch
reg = pk.Registry.load(sys.argv[1])
rows = json.load(open(sys.argv[2]))
print(json.dumps(match_batch(reg, [r[0] for r in rows], [r[1] for r in rows])))
"""


def test_match_batch_is_registry_match_row_by_row() -> None:
    reg = scale_data.registry()
    rows = scale_data.rows(150, "affiliations")
    texts = [r[1] for r in rows] + [None, "   "]
    hints = [r[2] or None for r in rows] + [None, None]
    cols = match_batch(reg, texts, hints)
    assert cols["decision"][-2:] == ["non_match", "non_match"]
    for i, (text, hint) in enumerate(zip(texts[:-2], hints[:-2], strict=True)):
        best = reg.match(text, hint, 1)
        assert cols["id"][i] == (best[0].institution.id if best else None)
        assert cols["score"][i] == (best[0].score if best else 0.0)


def test_spreadsheet_error_values_have_no_match_with_one_warning(caplog: pytest.LogCaptureFixture) -> None:
    """A "#N/A" cell (a failed formula exported to CSV) is no name: no match, as a blank cell, and one warning
    per batch counts such cells (it could otherwise match whatever "N/A" reads as)."""
    reg = pk.Registry(
        [pk.Institution(id="na", name="N/A University"), pk.Institution(id="itmo", name="ITMO University")]
    )
    with caplog.at_level("WARNING", logger="partnerkit"):
        cols = match_batch(reg, ["#N/A", "ITMO University", " #N/A", "#REF!", ""])
    assert cols["id"] == [None, "itmo", None, None, None]
    assert cols["decision"][0] == cols["decision"][-1] == "non_match"
    assert [r.getMessage() for r in caplog.records] == [
        "names column: 3 spreadsheet error values (#N/A x2, #REF! x1) name no institution: no match"
    ]


def test_a_country_cell_naming_no_country_is_no_hint_not_a_failed_partition(caplog: pytest.LogCaptureFixture) -> None:
    """One "n/a" or "EU" among a column of hints (Dask, Spark, match --engine dask) must not fail
    the partition, hence the whole job: its row is matched without a hint, with one warning."""
    reg = pk.Registry([pk.Institution(id="itmo", name="ITMO University", country="RU")])
    with caplog.at_level("WARNING", logger="partnerkit"):
        cols = match_batch(reg, ["ITMO University"] * 4, ["n/a", "RU", "n/a", "EU"])
    assert cols["id"] == ["itmo"] * 4
    assert cols["decision"] == [reg.match("ITMO University", None, 1)[0].decision.value, "match"] * 2
    warned = [r.getMessage() for r in caplog.records]
    assert len(warned) == 2
    assert "'n/a' is not a country; matched without a country hint" in warned[0]


@pytest.mark.slow
def test_results_do_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    """Two processes with different PYTHONHASHSEEDs match 400 affiliation strings identically."""
    path = tmp_path / "reg.pkreg"
    scale_data.registry().save(path)
    rows = [(r[1], r[2] or None) for r in scale_data.rows(400, "affiliations", seed=3)]
    (tmp_path / "rows.json").write_text(json.dumps(rows))
    outs = []
    for seed in ("1", "2", "3"):
        env = os.environ | {"PYTHONHASHSEED": seed}
        cmd = [sys.executable, "-c", SCRIPT, str(path), str(tmp_path / "rows.json")]
        outs.append(subprocess.run(cmd, capture_output=True, text=True, check=True, env=env).stdout)
    assert outs[0] == outs[1] == outs[2]


def test_plan_and_guarded_union_follow_dedupe() -> None:
    """Groups are numbered by first appearance; the union keeps the bigger group as root."""
    rules = default_rules()
    plan = plan_groups(
        [("ITMO University", "itmo university", 3, 5), ("Wuhan University", "wuhan university", 1, 0)], rules
    )
    assert plan.reps == ["Wuhan University", "ITMO University"]
    assert plan.counts == [1, 3]
    assert guarded_union([(0.9, 0, 1)], ["A Univ", "A University"], [1, 3], rules) == {0: 1, 1: 1}
    assert {frozenset(c.members) for c in pk.dedupe(["ITMO University", "Wuhan University"])} == {
        frozenset({"ITMO University"}),
        frozenset({"Wuhan University"}),
    }


edge_lists = st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40)), max_size=40)


@settings(max_examples=100, deadline=None)
@given(edge_lists, st.data())
def test_components_merge_in_any_grouping(edges: list[tuple[int, int]], data: st.DataObject) -> None:
    """The Dask dedupe merges partitions' forests in a tree: any split gives the same labels."""
    whole = components_of(edges)
    # the label is the smallest node of the component, and joined nodes share it
    for a, b in edges:
        assert whole[a] == whole[b] <= min(a, b)
    assert all(label == min(n for n, lab in whole.items() if lab == label) for label in whole.values())
    shuffled = data.draw(st.permutations(edges))
    cuts = sorted(data.draw(st.lists(st.integers(0, len(edges)), max_size=4)))
    pieces = [shuffled[i:j] for i, j in zip([0, *cuts], [*cuts, len(edges)], strict=True)]
    forests = [components_of(piece) for piece in pieces]
    assert components_of(pair for forest in forests for pair in forest.items()) == whole


def _distinct(names: list[str]) -> list[tuple[str, str, int, int]]:
    """``(text, key, count, first_row)`` of each distinct text, as the adapters' group-by gives them."""
    from partnerkit._matching._dedupe import _key

    stats: dict[str, list[int]] = {}
    for i, name in enumerate(names):
        text = " ".join(name.split())
        stats.setdefault(text, [0, i])[0] += 1
    return [(t, _key(t) or "\x00" + t, c, first) for t, (c, first) in stats.items()]


def test_edges_are_the_same_in_any_partitioning_and_each_pair_is_scored_once() -> None:
    """Partitions of the groups give the pairs of the whole; the unique pairs' edges are the whole's."""
    rows = _distinct([r[1] for r in scale_data.rows(300, "names")])
    rules = default_rules()
    plan = plan_groups(rows, rules)
    groups = len(plan.reps)
    whole = sorted(edges_for(plan_groups(rows, rules), range(groups)))
    parts = [pairs_for(plan, range(lo, min(lo + 37, groups))) for lo in range(0, groups, 37)]
    for part in parts:
        assert len(part) == len(set(part))  # a batch gives a pair once
    found = [key for part in parts for key in part]
    assert len(found) > len(set(found)), "the sample should have pairs found from both sides"
    assert sorted(score_pairs(plan, set(found))) == whole
    assert whole, "the sample should have MATCH edges"
    shipped = pickle.loads(pickle.dumps(plan))
    assert not shipped.memo.profiles  # each process fills its own


_SAMPLE = [r[1] for r in scale_data.rows(120, "names")]


@pytest.mark.scale  # pandas comes with the dask extra: .ci/run runs this in its scale step
@settings(max_examples=30, deadline=None)
@given(st.data())
def test_groups_formed_per_partition_are_the_plans_groups(data: st.DataObject) -> None:
    """Texts shuffled by key into partitions, grouped, numbered by first row, read per partition: ``plan_groups``."""
    pd = scale_data.require("pandas")

    names = data.draw(st.lists(st.sampled_from(_SAMPLE), min_size=1, max_size=80))
    rows = _distinct(names)
    plan = plan_groups(rows, RULES)
    buckets = data.draw(st.integers(1, 4))
    seed = data.draw(st.integers(0, 2**16))
    frame = pd.DataFrame(rows, columns=["text", "key", "size", "min"])
    owner = frame["key"].map(lambda k: hash((k, seed)) % buckets)
    groups = pd.concat([group_frame(frame[owner == b]) for b in range(buckets)]).sort_values("first")
    assert groups["rep"].tolist() == plan.reps
    assert groups["count"].tolist() == plan.counts
    read = reading_frame(groups)
    built = plan_of(plan.reps, plan.counts, RULES, readings=read["reading"].tolist())
    assert built.gid == plan.gid
    a, b = built.index, plan.index
    assert (a.texts, a.keys, list(a.name_inst), a.acronyms, a.derived) == (
        b.texts,
        b.keys,
        list(b.name_inst),
        b.acronyms,
        b.derived,
    )
    assert {k: list(a.posting(k)) for k in a.postings} == {k: list(b.posting(k)) for k in b.postings}
    assert list(a.name_weight) == list(b.name_weight)


@settings(max_examples=25, deadline=None)
@given(st.lists(pst.institutions, max_size=6, unique_by=lambda i: i.id))
def test_registry_survives_save_load_and_shipping(tmp_path_factory: pytest.TempPathFactory, insts: list) -> None:
    """Every field (kind, relationships, ...) comes back equal after a save, a load and a shipment."""
    path = tmp_path_factory.mktemp("reg") / "reg.pkreg"
    pk.Registry(insts).save(path)
    loaded = pk.Registry.load(path)
    shipped = pickle.loads(pickle.dumps(Packed(loaded))).get()  # rows not read since loading
    assert list(shipped) == insts
    assert list(loaded) == insts
    again = pickle.loads(pickle.dumps(loaded))  # rows read (materialised) before pickling
    assert list(again) == insts
    for inst in [*shipped, *again]:  # enums, not their (equal) strings
        assert type(inst.kind) is pk.InstitutionKind
        assert all(type(r.type) is pk.RelationType for r in inst.relationships)


def test_packed_is_unpickled_once_per_process() -> None:
    """Workers get the registry as one bytes object and unpickle it on first use only."""
    reg = scale_data.registry()
    box = pickle.loads(pickle.dumps(Packed(reg)))
    first = unpack(box)
    assert first is unpack(box)
    assert unpack(reg) is reg
    assert first.match("Wuhan University")[0].to_dict() == reg.match("Wuhan University")[0].to_dict()


def test_packed_value_read_again_in_one_process_is_not_unpickled_again() -> None:
    """PySpark reads a broadcast variable afresh for every task on a reused worker: the registry
    it carries is unpickled once per process, and only the last few values are kept."""
    from partnerkit._matching import _batch

    box = Packed({"n": 1})
    blob = pickle.dumps(box)
    first = pickle.loads(blob).get()
    assert pickle.loads(blob).get() is first  # a second task in this process: the kept value
    for n in range(_batch.KEPT_VALUES + 1):
        pickle.loads(pickle.dumps(Packed({"n": n + 2}))).get()
    assert len(_batch._UNPACKED) <= _batch.KEPT_VALUES
    again = pickle.loads(blob).get()  # evicted: unpickled afresh, still equal
    assert again == first
    assert again is not first


TIE = """
import partnerkit as pk
reg = pk.Registry([
    pk.Institution(id="a", name="West Pomeranian University of Technology in Szczecin", country="PL"),
    pk.Institution(id="c", name="Institute of Technol Studies", country="US"),
    pk.Institution(id="d", name="Pomeranian Academy", country="DE"),
    pk.Institution(id="e", name="Szczecin Maritime Academy", country="PL"),
])
m = reg.match("West Pomeranian Univ. of Technol. in Szczecin", None, 1)[0]
print(m.institution.id, m.decision.value, m.score)
"""


@pytest.mark.slow
def test_uniqueness_check_does_not_depend_on_the_hash_seed() -> None:
    """Query words as rare as each other are checked in one order in every process.

    Found by the Dask bench: one string in 300,000 was MATCH on one worker and POSSIBLE in
    the single process, as two of its words are on equally many names.
    """
    outs = set()
    for seed in ("0", "2", "3", "5"):
        env = os.environ | {"PYTHONHASHSEED": seed}
        outs.add(
            subprocess.run([sys.executable, "-c", TIE], capture_output=True, text=True, check=True, env=env).stdout
        )
    assert len(outs) == 1
