"""Merging partnership records at scale (``_extract/_merge.py``, ``_extract/_merge_keys.py``).

A user relies on ``pk.merge_partnerships`` giving exactly what comparing every pair gives
(the same records, the same explanations, in the same order) while comparing only records
that share a party, and on a registry being asked about each distinct name once.
"""

from __future__ import annotations

import itertools
import logging
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import partnerkit as pk
from partnerkit._extract._merge import _combine, explain_merge
from partnerkit._extract._merge_keys import acronym_keys, name_keys
from partnerkit._names import acronym_fits
from partnerkit.rules import Decision, RuleSet
from tests.strategies import merge_name_pool, merge_names, merge_records

ROOT = Path(__file__).resolve().parents[1]


def _reference(records: list[pk.Partnership], registry: Any = None, days: int = 7) -> tuple[list[Any], list[str]]:
    """The all-pairs merge (partnerkit before blocking): each record against every kept one, in order."""
    out: list[pk.Partnership] = []
    told: list[str] = []
    for rec in records:
        for i, old in enumerate(out):
            why = explain_merge(old, rec, registry, days=days)
            if why.decision is Decision.MATCH:
                told.append(str(why))
                out[i] = _combine(old, rec)
                break
        else:
            out.append(rec)
    return out, told


def _merged(records: list[pk.Partnership], registry: Any, days: int, caplog: pytest.LogCaptureFixture) -> Any:
    caplog.clear()
    with caplog.at_level(logging.DEBUG, logger="partnerkit"):
        got = pk.merge_partnerships(records, registry, days=days)
    told = [r.getMessage().removeprefix("merging partnership records: ") for r in caplog.records]
    return got, told


@attrs.frozen
class _Found:
    institution: Any
    decision: Any


class _Registry:
    """A registry stand-in: resolves a few names, fails on others, counts what it is asked."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def match(self, name: str, limit: int = 1) -> list[_Found]:
        self.asked.append(name)
        if "ß" in name:
            raise ValueError("cannot read this name")
        key = name.casefold()
        for ident, words in (("itmo", "itmo"), ("hust", "huazhong"), ("tsu", "tomsk state univ"), ("msu", "moscow")):
            if words in key:
                return [_Found(pk.Institution(id=ident, name=name), Decision.MATCH)]
        return [_Found(pk.Institution(id="maybe", name=name), Decision.POSSIBLE)]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(records=st.lists(merge_records(), max_size=30), with_registry=st.booleans(), days=st.sampled_from([0, 7, 40]))
def test_merging_gives_what_comparing_every_pair_gives(
    records: list[pk.Partnership], with_registry: bool, days: int, caplog: pytest.LogCaptureFixture
) -> None:
    registry = _Registry() if with_registry else None
    got, told = _merged(records, registry, days, caplog)
    assert (got, told) == _reference(records, registry, days)


#: A few institutions (under several of their names) in most deals, as hubs are in a season of news.
_hubs = st.sampled_from(
    ["ITMO University", "ITMO", "ITMO Univ.", "HUST", "Huazhong University of Science and Technology"]
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    records=st.lists(merge_records(names=st.one_of(_hubs, _hubs, merge_names)), min_size=40, max_size=120),
    with_registry=st.booleans(),
    days=st.sampled_from([0, 7, 400]),
)
def test_merging_reports_of_hub_institutions_gives_what_comparing_every_pair_gives(
    records: list[pk.Partnership], with_registry: bool, days: int, caplog: pytest.LogCaptureFixture
) -> None:
    registry = _Registry() if with_registry else None
    got, told = _merged(records, registry, days, caplog)
    assert (got, told) == _reference(records, registry, days)


def _count_comparisons(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A list that grows by one item per rule comparison made from now on."""
    calls: list[int] = []
    compare = RuleSet.compare

    def counting(self: RuleSet, a: Any, b: Any) -> Any:
        calls.append(1)
        return compare(self, a, b)

    monkeypatch.setattr(RuleSet, "compare", counting)
    return calls


def test_a_hub_deal_is_compared_only_with_reports_it_may_date_match(monkeypatch: pytest.MonkeyPatch) -> None:
    """1,000 deals of one pair of institutions in 1,000 years: a report meets its own year's deal and
    the undated reports only, where blocking by party alone would compare it with all of them."""
    calls = _count_comparisons(monkeypatch)
    parties = (pk.Party("ITMO University"), pk.Party("HUST"))
    records = [pk.Partnership(kind="mou", parties=parties, date=f"{1000 + n}-06-15") for n in range(1000)]
    records += [
        pk.Partnership(kind="agreement", parties=(pk.Party("HUST"), pk.Party("ITMO")), date="1007-06-19"),
        pk.Partnership(kind="mou", parties=parties, date="1993-12-30"),  # a deal of its own
        pk.Partnership(kind="mou", parties=parties[::-1], date="1994-01-05"),  # its report, six days (and a year) on
        pk.Partnership(kind="mou", parties=parties),  # undated: may be any of them, merged into the first
    ]
    merged = pk.merge_partnerships(records)
    assert len(calls) == 3
    assert len(merged) == 1001
    assert (merged[7].kind, str(merged[7].date)) == (pk.PartnershipKind.MOU, "1007-06-15")
    assert str(merged[1000].date) == "1993-12-30"
    assert merged[0] == records[0]  # (the undated report brings no evidence, and no date)


def test_merging_with_a_real_registry_gives_what_comparing_every_pair_gives(caplog: pytest.LogCaptureFixture) -> None:
    registry = pk.Registry(pk.load_jsonl(pk.Institution, ROOT / "examples" / "institutions.jsonl"))
    kinds = ["agreement", "mou", "strategic_partnership", "exchange", "office"]
    dates = [None, "2011", "2021", "2021-04-27", "2021-04-30"]
    names = merge_name_pool[:12]
    records = [
        pk.Partnership(kind=kinds[n % 5], parties=(pk.Party(a), pk.Party(b)), date=dates[n % 5])
        for n, (a, b) in enumerate(itertools.islice(itertools.permutations(names, 2), 0, None, 3))
    ]
    got, told = _merged(records, registry, 7, caplog)
    assert (got, told) == _reference(records, registry)
    assert len(got) < len(records)  # (some reports did merge)


def test_a_registry_is_asked_about_each_distinct_name_once() -> None:
    registry = _Registry()
    names = ["ITMO University", "HUST", "Huazhong University of Science and Technology", "Gamma University"]
    records = [
        pk.Partnership(kind="mou", parties=(pk.Party(a), pk.Party(b)), date=f"{2000 + n % 20}")
        for n, (a, b) in enumerate(itertools.permutations(names, 2))
        for _ in range(5)
    ]
    merged = pk.merge_partnerships(records, registry)
    assert sorted(registry.asked) == sorted(names)
    assert len(merged) < len(records)


def test_records_with_no_party_in_common_are_never_compared(monkeypatch: pytest.MonkeyPatch) -> None:
    """2,000 deals between distinct pairs: no pair of records is compared, where all pairs would be 2 million."""
    calls = _count_comparisons(monkeypatch)
    records = [
        pk.Partnership(kind="agreement", parties=(pk.Party(f"Alpha{n} University"), pk.Party(f"Beta{n} Institute")))
        for n in range(2000)
    ]
    records.append(attrs.evolve(records[7], date="2021"))
    merged = pk.merge_partnerships(records)
    assert len(merged) == 2000
    assert len(calls) == 1  # the one report of a deal seen before


@settings(max_examples=2000, deadline=None)
@given(acronym=merge_names, name=merge_names)
def test_block_keys_meet_whenever_an_acronym_fits(acronym: str, name: str) -> None:
    """The blocking keys are a necessary condition of ``acronym_fits``: a merge is never missed."""
    if acronym_fits(acronym, name):
        assert acronym_keys(acronym) & name_keys(name)


@pytest.mark.parametrize(
    ("acronym", "name"),
    [
        ("HUST", "Huazhong University of Science and Technology"),
        ("SibFU", "Siberian Federal University"),
        ("СПбГУ", "Санкт-Петербургский государственный университет"),
        ("Kalashnikov ISTU", "Kalashnikov Izhevsk State Technical University"),
        ("ISTU", "Kalashnikov Izhevsk State Technical University"),
        ("Tomsk State Univ.", "Tomsk State University"),
        ("Tomsk State University", "Tomsk State University of Technology"),
        ("ITMO", "ITMO University"),
        ("M.I.T.", "Massachusetts Institute of Technology"),
        ("Tomsk", "University Tomsk"),
    ],
)
def test_block_keys_of_acronyms_that_fit(acronym: str, name: str) -> None:
    assert acronym_fits(acronym, name)
    assert acronym_keys(acronym) & name_keys(name)


def test_block_keys_of_every_pair_of_known_names() -> None:
    for acronym, name in itertools.product(merge_name_pool, repeat=2):
        if acronym_fits(acronym, name):
            assert acronym_keys(acronym) & name_keys(name), (acronym, name)


def test_block_keys_keep_unrelated_acronyms_apart() -> None:
    """Selective enough to be worth it: an acronym meets the names it may stand for, not others."""
    assert not acronym_keys("HUST") & name_keys("Tomsk State University")
    assert not acronym_keys("MSU") & name_keys("Huazhong University of Science and Technology")
