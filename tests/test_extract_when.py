"""Which date of a sentence dates its deal when one date is marked as the deal's original one.

A user relies on: a renewal being dated by its own date, not by the original signing it names
("renewed on Monday the agreement that has linked them since 2010", "ont renouvelé lundi
l'accord-cadre qui les lie depuis 2010", "продлили в среду соглашение, впервые подписанное в
2014 году"); a renewal that gives no date of its own keeping the original ("an MoU signed in
2017 was renewed for five years"); "was not renewed" being no renewal; and an ended deal being
dated by its original signing ("расторг в феврале соглашение, заключенное в 2011 году",
"terminated in March the agreement concluded in 2011"); a range of years ("between 2009 and
2019") dating a deal by its start.
"""

from __future__ import annotations

import pytest

from tests.conftest import dates_by_kind


def _dates(text: str) -> dict[str, tuple[str | None, str]]:
    return dates_by_kind(text, published="2025-01-29")


@pytest.mark.parametrize(
    ("text", "kind", "date"),
    [
        (
            "Northvale University and Southmere University renew their cooperation agreement\n"
            "Northvale University and Southmere University renewed on Monday the cooperation agreement "
            "that has linked them since 2010.",
            "agreement",
            "2025-01-27",
        ),
        (
            "L'Université de Nordval et l'Université de Sudmer renouvellent leur accord-cadre\n"
            "L'Université de Nordval et l'Université de Sudmer ont renouvelé lundi l'accord-cadre de "
            "coopération qui les lie depuis 2010.",
            "agreement",
            "2025-01-27",
        ),
        (
            "Северный университет и Южный университет продлили соглашение\n"
            "Северный университет и Южный университет продлили в понедельник соглашение о сотрудничестве, "
            "впервые подписанное в 2014 году.",
            "agreement",
            "2025-01-27",
        ),
        (
            "Northvale University said its memorandum of understanding with Southmere University, signed in "
            "2017, was renewed for five years.",
            "mou",
            "2017",
        ),
        (
            "Северный университет в декабре расторг соглашение о сотрудничестве с Южным университетом, "
            "заключенное в 2011 году.",
            "agreement",
            "2011",
        ),
        (
            "L'Università di Nordvalle e l'Università di Sudmare rinnovano l'accordo\n"
            "L'Università di Nordvalle e l'Università di Sudmare hanno rinnovato lunedì l'accordo di "
            "cooperazione che le lega dal 2010.",
            "agreement",
            "2025-01-27",
        ),
        (
            "Nel mese di dicembre l'Università di Nordvalle ha rescisso l'accordo di cooperazione con "
            "l'Università di Sudmare, che era stato firmato nel 2011.",
            "agreement",
            "2011",
        ),
        (
            "Northvale University terminated in December the exchange agreement with Southmere University "
            "concluded in 2011.",
            "exchange",
            "2011",
        ),
    ],
)
def test_the_original_date_and_the_date_of_the_act(text: str, kind: str, date: str) -> None:
    assert _dates(text)[kind][0] == date


def test_not_renewed_is_no_renewal() -> None:
    got = _dates(
        "Northvale University said the agreement with Southmere University, signed in 2015, was not renewed last year."
    )
    assert got["agreement"][0] != "2024"


@pytest.mark.parametrize(
    "text",
    [
        "Between 2009 and 2019, a student exchange agreement brought students from Northvale University to "
        "Southmere University.",
        "Von 2009 bis 2019 bestand ein Studierendenaustausch zwischen der Universität Nordtal und der "
        "Universität Südsee.",
    ],
)
def test_a_range_of_years_dates_the_deal_by_its_start(text: str) -> None:
    """ "Between 2009 and 2019, an exchange ...": the exchange dates from 2009, not 2019."""
    assert _dates(text)["exchange"][0] == "2009"
