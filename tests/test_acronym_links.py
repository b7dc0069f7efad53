"""Acronyms read against the whole list in ``dedupe`` (partnerkit._matching._acronym_links).

A user deduplicating a list relies on: an acronym joins the one cluster of the list whose
names it spells; an acronym two clusters spell stays apart (honest about ambiguity); a
bracketed acronym its own name does not spell finds the name in another language that does.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import partnerkit as pk
from partnerkit._matching._acronym_links import acronym_links, spelt_by
from partnerkit.rules import Profile

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _together(clusters: list[pk.Cluster], *names: str) -> bool:
    return any(set(names) <= set(c.members) for c in clusters)


CASES = [
    {"description": "an acronym spelling one cluster joins it",
     "names": ["TUM", "Technical University of Munich", "Technische Universität München", "Wuhan University"],
     "together": [("TUM", "Technical University of Munich")], "apart": ["Wuhan University"]},
    {"description": "three letters beside a name written once: chance, the acronym stays apart",
     "names": ["TUM", "Technical University of Munich"], "together": [], "apart": ["TUM"]},
    {"description": "four letters beside a name written once: the acronym stays apart",
     "names": ["UNAM", "Universidad Nacional Autónoma de México"], "together": [], "apart": ["UNAM"]},
    {"description": "five letters beside a name written once join it",
     "names": ["UFRGS", "Universidade Federal do Rio Grande do Sul"],
     "together": [("UFRGS", "Universidade Federal do Rio Grande do Sul")], "apart": []},
    {"description": "a legal form is no one's acronym",
     "names": ["LLC", "Laboratoire de Droit Civil", "Laboratory of Law, Civil"], "together": [], "apart": ["LLC"]},
    {"description": "an acronym in the name's own language",
     "names": ["UBA", "Universidad de Buenos Aires", "University of Buenos Aires"],
     "together": [("UBA", "Universidad de Buenos Aires", "University of Buenos Aires")], "apart": []},
    {"description": "two clusters spell it: the acronym stays apart",
     "names": ["MSU", "Moscow State University", "Michigan State University"],
     "together": [], "apart": ["MSU", "Moscow State University", "Michigan State University"]},
    {"description": "a bracketed acronym its own name spells claims nothing of another name",
     "names": ["Huazhong University of Science and Technology (HUST)", "Hanoi University of Science and Technology"],
     "together": [], "apart": ["Hanoi University of Science and Technology"]},
    {"description": "a bracketed acronym of another language finds the name spelling it; the acronym as a word",
     "names": ["Royal Institute of Technology (KTH)", "Kungliga Tekniska högskolan",
               "KTH Royal Institute of Technology"],
     "together": [("Royal Institute of Technology (KTH)", "Kungliga Tekniska högskolan",
                   "KTH Royal Institute of Technology")], "apart": []},
    {"description": "two letters spell too many names",
     "names": ["TU", "Technische Universität"], "together": [], "apart": ["TU"]},
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=[c["description"] for c in CASES])  # type: ignore[misc]
def test_acronym_links_table(case: dict[str, object]) -> None:
    names = case["names"]
    assert isinstance(names, list)
    clusters = pk.dedupe(names)
    for group in case["together"]:  # type: ignore[attr-defined]
        assert _together(clusters, *group), group
    for name in case["apart"]:  # type: ignore[attr-defined]
        assert any(c.members == (name,) for c in clusters), name


NUS = ["NUS", "National University of Singapore", "Natl. Univ. of Singapore"]


def test_the_link_is_explained_and_the_full_name_is_canonical() -> None:
    (cluster,) = pk.dedupe(NUS)
    assert cluster.canonical == "National University of Singapore"
    (link,) = (link for link in cluster.links if link.explanation.notes)
    assert link.explanation.decision is pk.Decision.MATCH
    assert "'NUS' is written alone and spells 'National University of Singapore'" in str(link.explanation)


def test_countries_keep_an_acronym_from_another_countrys_name() -> None:
    assert len(pk.dedupe(NUS, countries=["SG", "US", None])) == 2
    assert len(pk.dedupe(NUS, countries=["SG", None, None])) == 1


def test_acronyms_off_joins_by_match_pairs_only() -> None:
    names = ["UFRGS", "Universidade Federal do Rio Grande do Sul"]
    assert len(pk.dedupe(names, acronyms=False)) == 2
    assert len(pk.dedupe(names)) == 1


def test_a_registry_that_finds_the_acronym_ambiguous_keeps_it_apart() -> None:
    reg = pk.Registry(pk.load_jsonl(pk.Institution, EXAMPLES / "institutions.jsonl"))
    names = ["HUST", "Huazhong University of Science and Technology", "Huazhong Univ. of Sci. & Tech.", "UFRGS",
             "Universidade Federal do Rio Grande do Sul"]  # fmt: skip
    clusters = pk.dedupe(names, reg)
    assert any(c.members == ("HUST",) and c.decision is pk.Decision.POSSIBLE for c in clusters)
    assert _together(clusters, "UFRGS", "Universidade Federal do Rio Grande do Sul")  # unknown to the registry


def test_a_cluster_whose_acronyms_point_to_two_clusters_links_to_neither() -> None:
    """No chain: "UBA" and "NUS" held in one cluster would join two universities."""
    profiles = [Profile.from_name(n) for n in
                ("UBA", "NUS", "Universidad de Buenos Aires", "National University of Singapore", "TUM",
                 "Technical University of Munich")]  # fmt: skip
    root = {0: 0, 1: 0}  # "UBA" and "NUS" in one cluster
    links: list[tuple[int, int]] = []

    def union(g: int, h: int, note: str) -> None:
        links.append((g, h))

    acronym_links(dict(enumerate(profiles)), lambda g: root.get(g, g), union, forms=dict(enumerate([1, 1, 2, 2, 1, 2])))
    assert links == [(4, 5)]


def test_the_readme_list_clusters_as_a_demanding_user_expects() -> None:
    """The README's main job: each institution of the example list is one cluster, with its registry id."""
    rows = (EXAMPLES / "names.csv").read_text("utf-8").splitlines()[1:]
    import csv

    table = list(csv.reader(rows))
    names, countries = [r[1] for r in table], [r[2] or None for r in table]
    reg = pk.Registry(pk.load_jsonl(pk.Institution, EXAMPLES / "institutions.jsonl"))
    clusters = pk.dedupe(names, reg, countries=countries)
    for group in [
        ("KTH Royal Institute of Technology", "Royal Institute of Technology (KTH)", "Kungliga Tekniska högskolan"),
        ("TUM", "TU Munich", "Technical University of Munich", "Technische Universität München"),
        ("UBA", "Universidad de Buenos Aires"),
        ("University of Vienna", "Universität Wien"),
        ("NUS", "National University of Singapore"),
        ("Lomonosov Moscow State University", "Московский государственный университет имени М. В. Ломоносова"),
    ]:
        assert _together(clusters, *group), group
    ids = {m: c.institution.id if c.institution else None for c in clusters for m in c.members}
    assert ids["Московский государственный университет имени М. В. Ломоносова"] == "msu"
    assert ids["MSU"] is None
    assert ids["HUST"] is None
    assert ids["Hanoi University of Science and Technology"] == "hust-vn"


def test_spelt_by_reads_any_collection_of_claims_alike() -> None:
    """The acronyms a full name spells among the claimed ones, whatever collection holds the claims
    (``dedupe`` passes a dict's keys, the distributed steps a set)."""
    p = Profile.from_name("Universidad de Buenos Aires")
    claims = {"uba": [0], "tum": [1]}
    assert spelt_by(p, claims.keys()) == spelt_by(p, set(claims)) == frozenset({"uba"})
    assert spelt_by(p, {"tum": [1]}.keys()) == frozenset()
    assert spelt_by(Profile.from_name("UBA"), claims.keys()) == frozenset()  # an acronym spells none
