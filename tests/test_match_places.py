"""A place the name writes that its institution is not at (partnerkit._matching._match._places).

What a user relies on: a name that writes a country other than the institution's, or a city
of another country where the registry has institutions, beside a registered name ("Monash
University South Africa", "Middle East College Beirut") is not a confident MATCH for the
registered institution: it may name a campus, a branch or a namesake there. The explanation
says which place the name writes. Places of the institution's own country, words written in
capitals (acronyms) and words that the country's registered names carry are not read as another place.
"""

from __future__ import annotations

import pytest

import partnerkit as pk
from partnerkit._matching._match._places import place_elsewhere


def _inst(i: str, name: str, **kw: object) -> pk.Institution:
    return pk.Institution(id=i, name=name, **kw)  # type: ignore[arg-type]


REGISTRY = pk.Registry(
    [
        _inst("monash", "Monash University", country="AU", city="Melbourne"),
        _inst("mec", "Middle East College", country="OM", city="Muscat"),
        _inst("aub", "American University of Beirut", country="LB", city="Beirut"),
        _inst("wits", "University of the Witwatersrand", country="ZA", city="Johannesburg"),
        _inst("unsw", "University of New South Wales", country="AU", city="Sydney"),
        _inst("beirut", "Beirut Arab University", country="LB", city="Beirut"),
    ]
)


@pytest.mark.parametrize(
    ("query", "found", "place"),
    [
        ("Monash University South Africa", "Monash University", "south africa"),  # another country
        ("Middle East College Beirut", "Middle East College", "beirut"),  # a city abroad
        ("Monash University Australia", "Monash University", None),  # its own country
        ("Middle East College Muscat", "Middle East College", None),  # its own city
        ("Middle East College BEIRUT", "Middle East College", None),  # capitals: an acronym, not a place
        ("Monash University Wales", "Monash University", None),  # a word of the country's names (New South Wales)
        ("Beirut Monash University Lebanon", "Monash University", "beirut"),  # the first place abroad is named
        ("Monash University", "Monash University", None),
    ],
)
def test_place_elsewhere(query: str, found: str, place: str | None) -> None:
    """A MATCH found for ``found`` within ``query`` stays a MATCH unless the query writes a place elsewhere."""
    match = REGISTRY.match(found)[0]
    assert match.decision is pk.Decision.MATCH
    out = place_elsewhere(REGISTRY._index, query, [match])
    assert out[0].institution == match.institution
    if place is None:
        assert out[0].decision is pk.Decision.MATCH
        assert "Elsewhere" not in str(out[0].explanation)
    else:
        assert out[0].decision is pk.Decision.POSSIBLE
        assert f"Elsewhere: the name writes {place!r}" in str(out[0].explanation)


def test_match_applies_the_rule() -> None:
    """Registry.match runs it last: the registered name found whole beside a city abroad is POSSIBLE."""
    assert REGISTRY.match("Middle East College (Muscat)")[0].decision is pk.Decision.MATCH
    best = REGISTRY.match("Middle East College (Beirut)")[0]
    assert (best.institution.id, best.decision) == ("mec", pk.Decision.POSSIBLE)
    assert "Elsewhere: the name writes 'beirut'" in str(best.explanation)


def test_affiliation_strings_are_left_to_the_reader() -> None:
    """A string with parts (commas) places units and authors, not the institution: the rule stays out."""
    found = REGISTRY.match("Department of Physics, Monash University, Melbourne, Australia")
    assert found[0].institution.id == "monash"
    assert "Elsewhere" not in str(found[0].explanation)


def test_hochschule_is_not_the_universitat() -> None:
    """A registered name found whole is not read for a name of another kind of university."""
    reg = pk.Registry([_inst("ulm", "Universität Ulm", country="DE", city="Ulm")])
    best = reg.match("Hochschule Ulm")[0] if reg.match("Hochschule Ulm") else None
    assert best is None or best.decision is not pk.Decision.MATCH
    assert reg.match("Universität Ulm")[0].decision is pk.Decision.MATCH
