"""partnerkit._matching._batch: the batch functions the Dask and Spark adapters run.

Users rely on: a batch gives what ``Registry.match`` gives, row by row; and the results do not
depend on the process (``PYTHONHASHSEED``), since every Dask or Spark worker is another process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import partnerkit as pk
from partnerkit._matching._batch import guarded_union, match_batch, plan_groups
from partnerkit.rules import default_rules
from tests import scale_data

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
