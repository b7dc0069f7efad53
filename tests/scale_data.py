"""Data for the Dask and Spark adapter tests: a ROR registry and generated strings with known answers.

``PARTNERKIT_SCALE_ROWS`` sets how many names the dedupe tests run on (default 20,000; the
match tests take 1/25 of it, as matching a string costs ~25 times more than clustering one);
``bench/scale.py`` runs the large sizes. ``PARTNERKIT_REQUIRE_SCALE=1`` (set by the scale step of ``.ci/run``) turns a
missing extra into a failure instead of a skip.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import random
import sys
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import partnerkit as pk
from partnerkit._matching._dedupe import text_of
from tests.conftest import ROOT, require_shared


def scale_rows(default: int) -> int:
    return int(os.environ.get("PARTNERKIT_SCALE_ROWS", default))


def require(module: str) -> ModuleType:
    """Import an optional module; skip when it is missing, fail when the scale step requires it."""
    if os.environ.get("PARTNERKIT_REQUIRE_SCALE") == "1":
        return importlib.import_module(module)
    return pytest.importorskip(module, reason="needs the optional extra (pip install 'partnerkit[dask,spark]')")


@cache
def _generator() -> Any:
    spec = importlib.util.spec_from_file_location("make_affiliations", ROOT / "bench" / "make_affiliations.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@cache
def education() -> tuple[pk.Institution, ...]:
    ror = pytest.importorskip("partnerkit_ror")
    path: Path = require_shared("data", "ror-records", "ror_records_education.jsonl")
    return tuple(i for i in ror.read_institutions(path) if i.status != "withdrawn")


@cache
def registry() -> pk.Registry:
    return pk.Registry(education())


def rows(n: int, mode: str, seed: int = 8) -> list[tuple[int, str, str, str, str]]:
    """``n`` generated rows ``(row, text, country, ror_id, variant)`` from the education records."""
    gen = _generator()
    orgs = [gen.org_from_institution(i) for i in education()]
    random.seed(seed)
    return list(gen.generate(orgs, n, seed, mode))


def frame(n: int, mode: str) -> Any:
    import pandas as pd

    df = pd.DataFrame(rows(n, mode), columns=["row", "text", "country", "ror_id", "variant"])
    df["country"] = df["country"].where(df["country"] != "", None)
    return df


def single_process_clusters(names: list[str]) -> set[frozenset[str]]:
    return {frozenset(c.members) for c in pk.dedupe(names)}  # the default: acronyms read against the whole list


def clusters_of(texts: list[str], ids: list[Any]) -> set[frozenset[str]]:
    groups: dict[Any, set[str]] = {}
    for text, cid in zip(texts, ids, strict=True):
        groups.setdefault(cid, set()).add(text_of(text))
    return {frozenset(g) for g in groups.values()}


def canonical_ids(names: list[str]) -> dict[str, int]:
    """The id each name's cluster must get in every engine: derived from the single process's canonical name."""
    from partnerkit._matching._dedupe_steps import stable_ids

    clusters = pk.dedupe(names)
    ids = stable_ids([c.canonical for c in clusters])
    return {m: i for c, i in zip(clusters, ids, strict=True) for m in c.members}


#: Acronyms read against the whole list: one that joins the one cluster spelling it, one that
#: two clusters spell and that stays apart; ``(names, clusters of partnerkit.dedupe)``.
ACRONYM_CASES = {
    "joins": (
        ["UBA", "Universidad de Buenos Aires", "University of Buenos Aires", "Wuhan University", "UBA"],
        {
            frozenset({"UBA", "Universidad de Buenos Aires", "University of Buenos Aires"}),
            frozenset({"Wuhan University"}),
        },
    ),
    "two expansions": (
        ["MSU", "Moscow State University", "Michigan State University", "Moscow State Univ.", "MSU"],
        {
            frozenset({"MSU"}),
            frozenset({"Moscow State University", "Moscow State Univ."}),
            frozenset({"Michigan State University"}),
        },
    ),
}
