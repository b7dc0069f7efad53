"""Namesakes a plain name does not tell apart (partnerkit._matching._match._namesakes).

What a user relies on: a name that is, as written, the whole name of another institution too,
or the head of another's name followed by a city ("Trinity College" beside "Trinity College
Dublin", "Leibniz University" beside "Leibniz University Hannover") is not a confident MATCH
without a hint that decides: it is POSSIBLE, and the namesakes are listed as POSSIBLE beside
it. A flagship and its campuses (ROR parent, child, related links, or a shared parent) are one
family, not namesakes; a country or state after the name (a branch abroad, "Temple University,
Japan"), words in brackets ("City University of Hong Kong (Dongguan)"), an alias (a former
name) and another kind of university ("Fachhochschule Münster" beside "Universität Münster")
do not make a namesake; a country hint keeps only the namesakes of that country.
"""

from __future__ import annotations

import pytest

import partnerkit as pk
from partnerkit._model import Relationship


def _inst(i: str, name: str, country: str, city: str, **kw: object) -> pk.Institution:
    return pk.Institution(id=i, name=name, country=country, city=city, **kw)  # type: ignore[arg-type]


def _parent(i: str) -> tuple[Relationship, ...]:
    return (Relationship(type="parent", id=i),)


REGISTRY = pk.Registry(
    [
        _inst("tc", "Trinity College", "US", "Hartford"),
        _inst("tcd", "Trinity College Dublin", "IE", "Dublin"),
        _inst("cu", "Concordia University", "CA", "Montreal"),
        _inst("cue", "Concordia University of Edmonton", "CA", "Edmonton"),
        _inst("iu", "Indiana University", "US", "Indianapolis"),
        _inst("iub", "Indiana University Bloomington", "US", "Bloomington", relationships=_parent("iu")),
        _inst("iup", "Indiana University of Pennsylvania", "US", "Indiana"),
        _inst("ua", "University of Alabama", "US", "Tuscaloosa", relationships=_parent("uas")),
        _inst("uab", "University of Alabama at Birmingham", "US", "Birmingham", relationships=_parent("uas")),
        _inst("uas", "University of Alabama System", "US", "Tuscaloosa"),
        _inst("tu", "Temple University", "US", "Philadelphia"),
        _inst("tuj", "Temple University, Japan", "JP", "Tokyo"),
        _inst("cityu", "City University of Hong Kong", "HK", "Hong Kong"),
        _inst("cityudg", "City University of Hong Kong (Dongguan)", "CN", "Dongguan"),
        _inst("lfh", "Leibniz Fachhochschule", "DE", "Hannover", aliases=("Leibniz University of Applied Sciences",)),
        _inst("luh", "Leibniz University Hannover", "DE", "Hannover"),
        _inst("fhms", "Fachhochschule Münster", "DE", "Münster"),
        _inst("ums", "Universität Münster", "DE", "Münster"),
        _inst("ens", "École Normale Supérieure", "BI", "Bujumbura"),
        _inst("ensl", "École Normale Supérieure de Lyon", "FR", "Lyon"),
        _inst("gsa", "Geological Survey", "XK", "Pristina", status="inactive"),
        _inst("usgs", "United States Geological Survey", "US", "Reston", aliases=("Geological Survey",)),
        _inst("bangor", "Bangor University", "GB", "Bangor", aliases=("University of Wales Bangor",)),
        _inst("wales", "University of Wales", "GB", "Cardiff"),
    ]
)


@pytest.mark.parametrize(
    ("query", "country", "top", "namesakes"),
    [
        # the name is the head of another's name followed by a city: POSSIBLE, both listed
        ("Trinity College", None, "tc", {"tcd"}),
        ("Concordia University", None, "cu", {"cue"}),
        ("Ecole Normale Superieure", None, "ens", {"ensl"}),
        ("Leibniz University", None, None, {"lfh", "luh"}),
        # a country hint keeps the namesakes of that country only
        ("Trinity College", "US", "tc", set()),
        ("Concordia University", "CA", "cu", {"cue"}),
        # a family (parent, child, a shared parent) is not a set of namesakes
        ("Indiana University", None, "iu", set()),
        ("University of Alabama", None, "ua", set()),
        # a state or a country after the name, words in brackets, an alias: no namesake
        ("Temple University", None, "tu", set()),
        ("City University of Hong Kong", None, "cityu", set()),
        ("University of Wales", None, "wales", set()),
        # another kind of university is no namesake
        ("Universität Münster", None, "ums", set()),
        ("Fachhochschule Münster", None, "fhms", set()),
        # the name is another's whole name: an active holder is not a namesake of an inactive one
        ("Trinity College Dublin", None, "tcd", set()),
    ],
)
def test_namesakes(query: str, country: str | None, top: str | None, namesakes: set[str]) -> None:
    """MATCH when the name tells its institution from every namesake; else POSSIBLE with them listed."""
    found = REGISTRY.match(query, country=country, limit=10)
    assert sum(m.decision is pk.Decision.MATCH for m in found) <= 1
    if not namesakes:
        assert (found[0].institution.id, found[0].decision) == (top, pk.Decision.MATCH)
        assert "Namesakes not told apart:" not in str(found[0].explanation)
        return
    assert all(m.decision is not pk.Decision.MATCH for m in found)
    possible = {m.institution.id for m in found if m.decision is pk.Decision.POSSIBLE}
    assert namesakes <= possible
    if top is not None:
        assert found[0].institution.id == top
    assert "Namesakes not told apart:" in str(found[0].explanation)


def test_namesakes_are_listed_even_when_not_candidates() -> None:
    """Every namesake found is listed, each with the note, when the limit allows."""
    found = REGISTRY.match("Trinity College", limit=5)
    by_id = {m.institution.id: m for m in found}
    assert by_id["tcd"].decision is pk.Decision.POSSIBLE
    assert "Trinity College Dublin" in str(by_id["tc"].explanation)


def test_affiliation_strings_are_left_to_the_reader() -> None:
    """A string with parts is read by the affiliation reader, which weighs the places it writes."""
    found = REGISTRY.match("Department of History, Trinity College, Hartford, CT, USA")
    assert (found[0].institution.id, found[0].decision) == ("tc", pk.Decision.MATCH)
    assert "Namesakes not told apart:" not in str(found[0].explanation)
