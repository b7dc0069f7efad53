"""Ministries named only through their minister.

A user relies on: "the Kazakh Minister of Science and Higher Education <name> and the Rector of
X signed an agreement" giving the ministry (named by the title) and X as parties, the person's
name left out; a minister who only speaks or attends ("..., the Minister said"; "in the presence
of the Minister of ...") naming no party; "Prime Minister" never a ministry; a later "the
Ministry" referring to the minister's ministry; a city a deal is made "with" being a party.
"""

from __future__ import annotations

import pytest

import partnerkit as pk
from partnerkit._extract._patterns._officials import find_ministers


def _parties(text: str) -> list[set[str]]:
    ex = pk.extract(text, published="2024-05-01")
    return [{x.name for x in p.parties} for p in ex.partnerships]


@pytest.mark.parametrize(
    ("text", "ministry"),
    [
        (
            "The Kazakh Minister of Science and Higher Education Ivan Petrov and the Rector of Riverton "
            "University signed an agreement.",
            "Kazakh Minister of Science and Higher Education",
        ),
        (
            "The Minister of Foreign Affairs signed a memorandum of understanding with Riverton University.",
            "Minister of Foreign Affairs",
        ),
        (
            "Le ministre de l'Enseignement supérieur et l'Université de Kara ont signé une convention.",
            "ministre de l'Enseignement supérieur",
        ),
        ("El ministro de Educación firmó un convenio con la Universidad de Lima.", "ministro de Educación"),
    ],
)
def test_minister_names_the_ministry_as_party(text: str, ministry: str) -> None:
    (parties,) = _parties(text)
    assert ministry in parties
    assert len(parties) == 2


@pytest.mark.parametrize(
    "text",
    [
        "Riverton University signed an agreement with Lakeside University, Minister of Education John Smith said.",
        "The agreement between Riverton University and Lakeside University was signed in the presence of the "
        "Minister of Education of Ruritania.",
        "The Prime Minister of India visited Riverton University, which signed an agreement with Lakeside University.",
    ],
)
def test_speaking_or_attending_minister_is_no_party(text: str) -> None:
    assert _parties(text) == [{"Riverton University", "Lakeside University"}]


def test_the_ministry_refers_to_the_ministers_ministry() -> None:
    text = (
        "The Kazakh Minister of Education met the rector of Riverton University. Later the Ministry signed an "
        "agreement with Riverton University."
    )
    assert _parties(text) == [{"Kazakh Minister of Education", "Riverton University"}]


def test_person_name_after_the_title_is_left_out() -> None:
    got = find_ministers("Minister of Higher Education, Science and Innovation Ana Lima signed it.")
    assert [s.text for s in got] == ["Minister of Higher Education, Science and Innovation"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Este programa es fruto del acuerdo de colaboración firmado por el Ayuntamiento de Gijón con la "
            "ciudad de Yantai en diciembre de 2023.",
            [{"Ayuntamiento de Gijón", "ciudad de Yantai"}],
        ),
        (
            "Riverton University signed an agreement with the City of Lakeside.",
            [{"Riverton University", "City of Lakeside"}],
        ),
        ("Riverton University opened an office in the city of Boston.", [{"Riverton University"}]),
    ],
)
def test_a_city_dealt_with_is_a_party_a_city_named_as_place_is_not(text: str, expected: list[set[str]]) -> None:
    assert _parties(text) == expected
