"""Affiliation strings: what a user relies on when a string names an organisation among units and addresses.

The registry here is written for the tests (no benchmark rows): a university with a
faculty and a lab as children, two namesakes in different countries, an acronym shared
by two bodies, and a hospital.
"""

from __future__ import annotations

import pytest

from partnerkit import Institution, InstitutionKind, Relationship
from partnerkit._matching._affiliation import AffiliationIndex
from partnerkit._matching._parts import country_of, is_postcode, split_affiliation
from partnerkit.rules import Decision

REGISTRY = [
    Institution(
        id="u-nord",
        name="University of Nordhaven",
        acronyms=("UNH",),
        country="NO",
        city="Nordhaven",
        kind=InstitutionKind.EDUCATION,
    ),
    Institution(
        id="lab",
        name="Aurora Photonics Laboratory",
        country="NO",
        city="Nordhaven",
        kind=InstitutionKind.FACILITY,
        relationships=(Relationship("parent", "u-nord"),),
    ),
    Institution(
        id="st-ca", name="Saint Brendan University", country="CA", city="Halifax", kind=InstitutionKind.EDUCATION
    ),
    Institution(id="st-ie", name="Saint Brendan University", country="IE", city="Cork", kind=InstitutionKind.EDUCATION),
    Institution(
        id="hosp",
        name="Riverside Heart Hospital",
        acronyms=("RHH",),
        country="US",
        city="Dayton",
        kind=InstitutionKind.HEALTHCARE,
    ),
    Institution(
        id="rhh-uk",
        name="Royal Hill Hospice",
        acronyms=("RHH",),
        country="GB",
        city="Leeds",
        kind=InstitutionKind.HEALTHCARE,
    ),
    Institution(
        id="phys",
        name="Institute of Science and Technology",
        country="GB",
        city="London",
        kind=InstitutionKind.NONPROFIT,
    ),
]


@pytest.fixture(scope="module")
def index() -> AffiliationIndex:
    return AffiliationIndex(REGISTRY)


def answers(index: AffiliationIndex, text: str, country: str | None = None) -> list[str]:
    return [h.institution.id for h in index.find(text, country) if h.decision is Decision.MATCH]


CASES = [
    {"description": "a plain name", "text": "University of Nordhaven", "expected": ["u-nord"]},
    {"description": "abbreviated words", "text": "Univ. of Nordhaven", "expected": ["u-nord"]},
    {
        "description": "units before, address after",
        "expected": ["u-nord"],
        "text": "Dept. of Applied Optics, Faculty of Science, University of Nordhaven, Fjordveien 12, "
        "5020 Nordhaven, Norway",
    },
    {
        "description": "a unit named after the university",
        "expected": ["u-nord"],
        "text": "University of Nordhaven School of Medicine",
    },
    {
        "description": "parent and child named: one answer, not two",
        "expected": ["u-nord"],
        "text": "Aurora Photonics Laboratory, University of Nordhaven",
    },
    {
        "description": "namesakes told apart by the country",
        "expected": ["st-ie"],
        "text": "Department of History, Saint Brendan University, Cork, Ireland",
    },
    {
        "description": "namesakes told apart by the city alone",
        "expected": ["st-ca"],
        "text": "Saint Brendan University, Halifax",
    },
    {"description": "namesakes without a place stay ambiguous", "expected": [], "text": "Saint Brendan University"},
    {"description": "country conflict is no match", "expected": [], "text": "University of Nordhaven, Lima, Peru"},
    {"description": "an acronym alone is not enough", "expected": [], "text": "RHH"},
    {"description": "an acronym with its country", "expected": ["hosp"], "text": "Cardiology, RHH, Dayton, OH, USA"},
    {
        "description": "a name buried in other words is no answer",
        "expected": [],
        "text": "Friends of the Riverside Heart Hospital Fundraising Committee",
    },
    {
        "description": "a generic name needs a place that agrees",
        "expected": [],
        "text": "Institute of Science and Technology",
    },
    {
        "description": "a generic name with its place",
        "expected": ["phys"],
        "text": "Institute of Science & Technology, London, UK",
    },
    {"description": "nothing registered", "expected": [], "text": "Optics Group, Example Widgets Ltd"},
]


@pytest.mark.parametrize("case", CASES, ids=[c["description"] for c in CASES])
def test_affiliation_table(index: AffiliationIndex, case: dict[str, object]) -> None:
    assert answers(index, str(case["text"])) == case["expected"]


def test_country_argument_settles_namesakes(index: AffiliationIndex) -> None:
    """A country given by the caller works like one written in the string."""
    assert answers(index, "Saint Brendan University", country="CA") == ["st-ca"]


def test_conflict_is_reported_as_non_match(index: AffiliationIndex) -> None:
    """The candidate is still returned, as NON_MATCH, with the rule that decided."""
    hits = index.find("University of Nordhaven, Lima, Peru")
    assert [(h.institution.id, h.decision) for h in hits] == [("u-nord", Decision.NON_MATCH)]
    assert "country_conflict" in str(hits[0].explanation)


def test_explanation_names_part_and_rules(index: AffiliationIndex) -> None:
    """Each hit says which part of the string matched which name and why."""
    hit = index.find("Aurora Photonics Laboratory, University of Nordhaven")
    by_id = {h.institution.id: h for h in hit}
    text = str(by_id["u-nord"].explanation)
    assert "'University of Nordhaven' is a registered name" in text
    assert by_id["lab"].decision is Decision.POSSIBLE
    assert "affiliation.unit" in str(by_id["lab"].explanation)


def test_split_and_address_parts() -> None:
    parts = split_affiliation("Dept. of Physics; Univ. of Oslo (UiO), Oslo - Norway")
    assert [p.text for p in parts] == ["Dept. of Physics", "Univ. of Oslo", "UiO", "Oslo", "Norway"]
    assert [p.subunit for p in parts] == [True, False, False, False, False]
    assert country_of("norway") == "NO"
    assert country_of("nordhaven") is None
    assert is_postcode("5020")
    assert not is_postcode("oslo")
