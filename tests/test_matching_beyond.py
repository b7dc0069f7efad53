"""Words beyond the registered name found (partnerkit._matching._match._beyond): what a user relies on.

A string that carries a registered name whole and adds a college's own name ("Lijiang
College of ..."), or a place that another registered campus of the same name sits in
("Amity University, Raipur"), does not mean the registered name found for sure: the
answer is the campus the other words point to, or POSSIBLE with the candidates listed,
and the explanation says which rule decided. Affiliation strings naming units of the
institution ("Department of Physics, ...") are left to the affiliation reader.
"""

from __future__ import annotations

import pytest

import partnerkit as pk
from partnerkit.rules import Decision
from tests.match_cases import check_match_case

REGISTRY = [
    pk.Institution(id="gxnu", name="Guangxi Normal University", country="CN", city="Guilin"),
    pk.Institution(id="amity", name="Amity University", country="IN", city="Noida"),
    pk.Institution(id="amity-ch", name="Amity University Chhattisgarh", country="IN", city="Raipur",
                   relationships=(pk.Relationship("parent", "amity"),)),
    pk.Institution(id="amity-mp", name="Amity University Madhya Pradesh", country="IN", city="Gwalior",
                   relationships=(pk.Relationship("parent", "amity"),)),
    pk.Institution(id="amity-mu", name="Amity University Mumbai", country="IN", city="Mumbai",
                   relationships=(pk.Relationship("parent", "amity"),)),
    pk.Institution(id="erau", name="Embry-Riddle Aeronautical University", country="US", city="Daytona Beach"),
    pk.Institution(id="erau-pr", name="Embry-Riddle Aeronautical University Prescott Arizona Campus", country="US",
                   city="Prescott", relationships=(pk.Relationship("parent", "erau"),)),
    pk.Institution(id="ipp", name="Instituto Politécnico do Porto", country="PT", city="Porto"),
    pk.Institution(id="lsa", name="Laboratório de Sistemas Autónomos", country="PT", city="Porto",
                   relationships=(pk.Relationship("parent", "ipp"),)),
    pk.Institution(id="ottawa", name="University of Ottawa", country="CA", city="Ottawa"),
    pk.Institution(id="life", name="LIFE Research Institute", country="CA", city="Ottawa",
                   relationships=(pk.Relationship("parent", "ottawa"),)),
    pk.Institution(id="bukovina", name="Bukovinian University", country="UA", city="Chernivtsi"),
]  # fmt: skip


@pytest.fixture(scope="module")
def registry() -> pk.Registry:
    return pk.Registry(REGISTRY)


CASES = [
    {
        "description": "a college's own name before 'of' a registered university: the university is POSSIBLE",
        "text": "Lijiang College of Guangxi Normal University",
        "match": None,
        "possible": {"gxnu"},
        "note": "College:",
    },
    {
        "description": "the university alone stays a MATCH",
        "text": "Guangxi Normal University",
        "match": "gxnu",
        "possible": set(),
        "note": None,
    },
    {
        "description": "a faculty of a field is a unit of the university, which answers",
        "text": "School of Medicine of Guangxi Normal University",
        "match": "gxnu",
        "possible": set(),
        "note": None,
    },
    {
        "description": "a place that is the city of a registered namesake campus: that campus answers",
        "text": "Amity University, Raipur",
        "match": "amity-ch",
        "possible": {"amity"},
        "note": "Namesake:",
    },
    {
        "description": "the place written in the same part works alike",
        "text": "Amity University Gwalior",
        "match": "amity-mp",
        "possible": {"amity"},
        "note": "Namesake:",
    },
    {
        "description": "a place no registered campus of the name has: POSSIBLE, the campuses listed",
        "text": "Amity University, Kolkata",
        "match": None,
        "possible": {"amity", "amity-ch", "amity-mp"},
        "note": "Namesakes:",
    },
    {
        "description": "the institution's own city changes nothing",
        "text": "Amity University, Noida",
        "match": "amity",
        "possible": set(),
        "note": None,
    },
    {
        "description": "an affiliation string naming a department is the affiliation reader's: the university answers",
        "text": "Department of Radiology, Amity University, Kolkata, India",
        "match": "amity",
        "possible": set(),
        "note": None,
    },
    {
        "description": "a campus registered with the string's words and more: that campus answers",
        "text": "Embry-Riddle Aeronautical University, Prescott Campus",
        "match": "erau-pr",
        "possible": {"erau"},
        "note": "Namesake:",
    },
    {
        "description": "a unit's full name written after its parent's in one name: the unit answers",
        "text": "Instituto Politécnico do Porto Laboratório de Sistemas Autónomos",
        "match": "lsa",
        "possible": {"ipp"},
        "note": "Unit named whole:",
    },
    {
        "description": "an affiliation string naming the unit and its parent apart: the parent answers",
        "text": "Laboratório de Sistemas Autónomos, Instituto Politécnico do Porto",
        "match": "ipp",
        "possible": {"lsa"},
        "note": None,
    },
    {
        "description": "the other words name the MATCH's parent: the unit stays the MATCH",
        "text": "University of Ottawa LIFE Research Institute",
        "match": "life",
        "possible": set(),
        "note": None,
    },
    {
        "description": "a legal form around a quoted name changes nothing",
        "text": 'Private Higher Educational Institution "Bukovinian University"',
        "match": "bukovina",
        "possible": set(),
        "note": None,
    },
]


@pytest.mark.parametrize("case", CASES, ids=[c["description"] for c in CASES])
def test_words_beyond_the_name(registry: pk.Registry, case: dict[str, object]) -> None:
    check_match_case(registry, case, ("College:", "Namesake:", "Namesakes:", "Unit named whole:"))


def test_the_rules_decide_alike_with_a_country_hint(registry: pk.Registry) -> None:
    """A country hint agreeing with every candidate does not undo the rule."""
    found = registry.match("Amity University, Raipur", "IN")
    assert found[0].institution.id == "amity-ch"
    assert found[0].decision is Decision.MATCH
