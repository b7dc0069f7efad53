"""Registered names found whole that do not settle the institution (partnerkit._matching._match._written).

What a user relies on: a name that two registered institutions carry, written alike but for
case, an article or an apostrophe, is POSSIBLE with both listed, while the writing still
decides when the words differ; a number the name found lacks ("Université Lille 3") is not
that university when the registry numbers its namesakes; a registered name whose key lost
capitalised words ("DER Security") is not found in a string that does not write them; and a
university's name followed by a unit registered as another body is not the university for
sure. An exact registered name with no such rival stays a MATCH, and the explanation names
the rule that decided.
"""

from __future__ import annotations

import pytest

import partnerkit as pk
from partnerkit._matching._match._written import numerals
from partnerkit.rules import Decision
from tests.match_cases import check_match_case

REGISTRY = [
    pk.Institution(id="crg", name="Conseil régional de la Guadeloupe", country="GP", city="Basse-Terre"),
    pk.Institution(id="crg2", name="Conseil Régional de Guadeloupe", country="GP", city="Pointe-à-Pitre"),
    pk.Institution(id="frei", name="University of Freiburg", country="DE", city="Freiburg",
                   aliases=("Albert-Ludwigs-Universität Freiburg",)),
    pk.Institution(id="fribourg", name="University of Fribourg", country="CH", city="Fribourg",
                   aliases=("Universität Freiburg",)),
    pk.Institution(id="lille", name="Université de Lille", country="FR", city="Lille"),
    pk.Institution(id="lille3", name="Université Charles de Gaulle Lille III", country="FR", city="Villeneuve-d'Ascq",
                   aliases=("Université de Lille III",)),
    pk.Institution(id="clermont1", name="Université de Clermont I", country="FR", city="Clermont-Ferrand"),
    pk.Institution(id="der", name="DER Security", country="US", city="Washington"),
    pk.Institution(id="army", name="United States Army", country="US", city="Arlington"),
    pk.Institution(id="arl", name="United States Army Research Laboratory", country="US", city="Adelphi",
                   relationships=(pk.Relationship("parent", "army"),)),
    pk.Institution(id="aic", name="U.S. Army Intelligence Center of Excellence", country="US", city="Sierra Vista"),
]  # fmt: skip


@pytest.fixture(scope="module")
def registry() -> pk.Registry:
    return pk.Registry(REGISTRY)


CASES = [
    {
        "description": "two holders written alike but for case and an article: both POSSIBLE",
        "text": "Conseil régional de la Guadeloupe",
        "match": None,
        "possible": {"crg", "crg2"},
        "note": "Written alike:",
    },
    {
        "description": "the writing decides when the words differ (Universität / University)",
        "text": "University of Freiburg",
        "match": "frei",
        "possible": set(),
        "note": None,
    },
    {
        "description": "a number the name found lacks, its numbered namesake registered: POSSIBLE",
        "text": "Université Lille 3",
        "match": None,
        "possible": {"lille", "lille3"},
        "note": "Numbered:",
    },
    {
        "description": "two different numbers conflict",
        "text": "Université de Clermont 2",
        "match": None,
        "possible": {"clermont1"},
        "note": "Numbered:",
    },
    {
        "description": "the numbered name itself stays a MATCH",
        "text": "Université de Lille III",
        "match": "lille3",
        "possible": set(),
        "note": None,
    },
    {
        "description": "a one-word key that lost a capitalised word: the string must write it",
        "text": "Office of Environment, Health, Safety & Security",
        "match": None,
        "possible": {"der"},
        "note": "Not written whole:",
    },
    {
        "description": "the name written whole stays a MATCH",
        "text": "DER Security",
        "match": "der",
        "possible": set(),
        "note": None,
    },
    {
        "description": "a unit another registered body names, after the institution's name: POSSIBLE",
        "text": "United States Army Intelligence Center",
        "match": None,
        "possible": {"army", "aic"},
        "note": "Unit:",
    },
    {
        "description": "the institution's own name stays a MATCH",
        "text": "United States Army",
        "match": "army",
        "possible": set(),
        "note": None,
    },
]


@pytest.mark.parametrize("case", CASES, ids=[c["description"] for c in CASES])
def test_names_found_whole(registry: pk.Registry, case: dict[str, object]) -> None:
    check_match_case(registry, case, ("Written alike:", "Numbered:", "Not written whole:", "Unit:"))


def test_a_place_written_beside_the_name_settles_namesakes_written_alike(registry: pk.Registry) -> None:
    """The city of one holder written beside the name ("Kings University, Odeomu") decides."""
    found = registry.match("Conseil régional de la Guadeloupe, Basse-Terre")
    assert found[0].institution.id == "crg"
    assert found[0].decision is Decision.MATCH


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("Université Paris III", {3}),
        ("Montpellier 2 University", {2}),
        ("Second Affiliated Hospital", {2}),
        ("Institut für Ostrecht e.V.", set()),
        ("AT&S", set()),
        ("Telefónica I+D", set()),
        ("Hassan II University", {2}),
    ],
)
def test_numerals(text: str, numbers: set[int]) -> None:
    assert numerals(text) == numbers
