"""Storing a deal again: what a user relies on when partnerships without an id are re-stored.

A partnership without an id is stored by its content. Merging the stored partnerships with
new ones and storing the result (the recipe of docs/extraction.md) must rewrite the stored
row, not add a second record of the same deal; evidence in another order is the same record;
two deals stated in one sentence stay two records; nothing a stored record said is lost.
"""

from __future__ import annotations

import attrs

import partnerkit as pk

E1 = pk.Evidence(quote="ITMO University and HUST signed an MoU on 27 April 2021.", locator="https://a.example/1")
E2 = pk.Evidence(quote="HUST and ITMO signed a memorandum in Wuhan.", locator="https://b.example/2")
E3 = pk.Evidence(quote="ITMO and HUST will exchange students.", locator="https://c.example/3")
PARTIES = (pk.Party("ITMO University"), pk.Party("Huazhong University of Science and Technology"))


def _deal(*evidence: pk.Evidence, **changes: object) -> pk.Partnership:
    deal = pk.Partnership(kind="mou", parties=PARTIES, date="2021-04-27", evidence=evidence)
    return attrs.evolve(deal, **changes)


def test_restoring_a_merged_deal_with_more_evidence_rewrites_its_row() -> None:
    with pk.Store(":memory:") as store:
        store.add([_deal(E1)])
        found = pk.Partnership(kind="mou", parties=(pk.Party("HUST"), pk.Party("ITMO")), date="2021-04", evidence=(E2,))
        merged = pk.merge_partnerships([*store.partnerships(), found])
        assert len(merged) == 1
        report = store.add(merged)
        assert (report.added, report.updated) == (0, 1)
        assert list(store.partnerships()) == merged
        assert store.add(merged).unchanged == 1


def test_evidence_in_another_order_is_the_same_record() -> None:
    with pk.Store(":memory:") as store:
        store.add([_deal(E1, E2)])
        store.add([_deal(E2, E1)])
        assert store.counts()["partnerships"] == 1


def test_earlier_duplicates_are_healed_and_keep_their_provenance() -> None:
    def given(where: str) -> pk.Provenance:
        return pk.Provenance(source="extract", locator=where)

    with pk.Store(":memory:") as store:
        store.add([(_deal(E1), given("a")), (_deal(E2), given("b"))])
        assert store.counts()["partnerships"] == 2
        whole = _deal(E1, E2, E3)
        store.add([(whole, given("c"))])
        assert list(store.partnerships()) == [whole]
        assert sorted(v.locator or "" for v in store.provenance(whole)) == ["a", "b", "c"]


def test_what_another_source_gave_is_never_rewritten() -> None:
    with pk.Store(":memory:") as store:
        store.add([(_deal(E1), pk.Provenance(source="jsonl"))])
        store.add([(_deal(E1, E2), pk.Provenance(source="extract")), _deal(E1, E3)])
        assert sorted(len(p.evidence) for p in store.partnerships()) == [1, 2, 2]


def test_two_deals_of_one_sentence_stay_two() -> None:
    both = pk.Evidence(quote="ITMO signed an MoU with HUST and with Tomsk State University.")
    with pk.Store(":memory:") as store:
        store.add([_deal(both)])
        store.add([_deal(both, parties=(pk.Party("ITMO University"), pk.Party("Tomsk State University")))])
        assert store.counts()["partnerships"] == 2


def test_a_record_that_does_not_say_all_the_stored_one_said_is_stored_beside_it() -> None:
    with pk.Store(":memory:") as store:
        store.add([_deal(E1, E2)])
        store.add([_deal(E2, E3)])  # replacing would lose E1
        assert store.counts()["partnerships"] == 2


def test_partnerships_with_ids_or_without_evidence_are_left_alone() -> None:
    with pk.Store(":memory:") as store:
        store.add([_deal(E1, id="deal-1"), _deal()])
        store.add([_deal(E1, E2), _deal(date="2021")])
        assert store.counts()["partnerships"] == 4


def test_the_same_sentence_from_another_article_is_other_evidence() -> None:
    """A syndicated sentence quoted from two articles is two sentences of evidence: storing the
    deal told by the second article keeps the first article's record (nothing it said is lost)."""
    first = _deal(attrs.evolve(E1, source="https://a.example/news"))
    second = _deal(attrs.evolve(E1, source="https://b.example/news"))
    with pk.Store(":memory:") as store:
        store.add([first])
        report = store.add([second])
        assert (report.added, report.updated) == (1, 0)
        assert sorted(store.partnerships(), key=repr) == sorted([first, second], key=repr)


def test_the_same_sentence_with_another_publication_date_is_other_evidence() -> None:
    first = _deal(attrs.evolve(E1, published="2021-04-27"))
    second = _deal(attrs.evolve(E1, published="2021-04-28"))
    with pk.Store(":memory:") as store:
        store.add([first, second])
        assert store.counts()["partnerships"] == 2
