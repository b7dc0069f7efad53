"""Extraction on short news texts written for these tests (general behaviour, several languages).

A user relies on: an agreement named by its mobility object ("a student mobility agreement",
"un convenio de movilidad estudiantil") being one exchange record, also when the sentence says
the visit "included the signing" of it; a document signed or planned in a sentence that names
no organisation being the document of the organisation the text is about (partner unnamed),
but not several documents or a country's; a category such as "South Korean Universities" not
being an organisation.
"""

from __future__ import annotations

import pytest

import partnerkit as pk


def _records(text: str, published: str | None = "2024-05-01") -> set[tuple[str, frozenset[str], str]]:
    ex = pk.extract(text, published=published)
    return {(p.kind.value, frozenset(x.name for x in p.parties), p.status.value) for p in ex.partnerships}


RIV_LAKE = frozenset({"Riverton University", "Lakeside University"})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A delegation of Riverton University visited Lakeside University. The visit included the signing "
            "of a student mobility agreement between both institutions.",
            {("exchange", RIV_LAKE, "signed")},
        ),
        (
            "Una delegación de la Universidad de Montoro visitó la Universidad del Valle Alto. El encuentro "
            "incluyó la firma de un convenio de movilidad estudiantil entre ambas instituciones.",
            {("exchange", frozenset({"Universidad de Montoro", "Universidad del Valle Alto"}), "signed")},
        ),
    ],
)
def test_mobility_agreement_is_one_exchange(text: str, expected: set[tuple[str, frozenset[str], str]]) -> None:
    assert _records(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Северный технический университет расширяет сеть филиалов\n"
            "Северный технический университет развивает международное сотрудничество, сообщил ректор.\n"
            "Планируется подписание соглашения о расширении сети филиалов.",
            {("agreement", frozenset({"Северный технический университет"}), "planned")},
        ),
        (
            "Hochschule Talheim baut Kontakte aus\n"
            "Die Hochschule Talheim will den Austausch mit Partnern in Asien verstärken. "
            "Eine Kooperationsvereinbarung ist unterzeichnet.",
            {("agreement", frozenset({"Hochschule Talheim"}), "signed")},
        ),
    ],
)
def test_document_without_named_parties_belongs_to_the_subject(
    text: str, expected: set[tuple[str, frozenset[str], str]]
) -> None:
    assert _records(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # several documents with unnamed partners, and a country as the actor: no one-sided record
        "Riverton University grows abroad\nRiverton University hosted a forum. Later, agreements were signed.",
        "Riverton University grows abroad\nRiverton University hosted a forum. Kazakhstan signed an agreement.",
        # a deal already recorded: a later unnamed document is not a new one-sided record
        "Riverton University and Lakeside University signed a memorandum of understanding. "
        "An agreement was signed as well.",
    ],
)
def test_no_one_sided_document_when_unclear(text: str) -> None:
    assert all(len(p.parties) >= 2 for p in pk.extract(text, published="2024-05-01").partnerships)


def test_plural_category_is_not_an_organisation() -> None:
    text = (
        "Kazakhstan advances research partnership with American, South Korean Universities. "
        "The Association of Sino-Russian Technical Universities met in Harbin."
    )
    names = {m.text for m in pk.extract(text).mentions}
    assert "South Korean Universities" not in names
    assert "Association of Sino-Russian Technical Universities" in names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Riverton University delegation visits Tashkent\n"
            "A delegation of Riverton University visited Tashkent last week. The programme included talks on "
            "future cooperation with Lakeside University and Hillcrest University. As a result of the talks, a "
            "memorandum of understanding was signed with Hillcrest University.",
            {
                ("agreement", frozenset({"Riverton University", "Lakeside University"}), "negotiating"),
                ("mou", frozenset({"Riverton University", "Hillcrest University"}), "signed"),
            },
        ),
        (
            "Делегация Северного технического университета посетила Ташкент\n"
            "Делегация Северного технического университета посетила Ташкент. Прошли переговоры о "
            "сотрудничестве с Ташкентским педагогическим университетом и Самаркандским государственным "
            "университетом. По итогам переговоров подписан меморандум о сотрудничестве с Самаркандским "
            "государственным университетом.",
            {
                (
                    "agreement",
                    frozenset({"Северного технического университета", "Ташкентским педагогическим университетом"}),
                    "negotiating",
                ),
                (
                    "mou",
                    frozenset({"Северного технического университета", "Самаркандским государственным университетом"}),
                    "signed",
                ),
            },
        ),
    ],
)
def test_talks_with_a_list_pair_each_with_the_subject(
    text: str, expected: set[tuple[str, frozenset[str], str]]
) -> None:
    """Talks "with X and Y" are talks of the text's subject with each; talks that end in a
    signing with Y are that document's history, not a second record."""
    assert _records(text) == expected


def test_units_venues_and_names_are_not_parties() -> None:
    """An office "of" its parent is a unit; a meeting's venue is no party; a network named in
    passing states no consortium."""
    text = (
        "The International Relations Office of the two universities prepared the second staff mobility "
        "with the Northern Academic Association. "
        "Today, the Baltic Network of Academic Libraries held its annual meeting at Riverton University."
    )
    assert _records(text) == set()
    kinds = {m.text: m.kind for m in pk.extract(text).mentions}
    assert kinds["International Relations Office"] == "unit"


def test_campus_of_an_owner_in_a_place() -> None:
    """ "Setting up the campus of X in Y" is a planned office of X (not of the other signatories)
    in Y, the place after the office words rather than the countries named before them."""
    text = (
        "A memorandum for setting up the campus of Riverton University in Nairobi was signed between "
        "Kenya's Ministry of Education and Riverton University on 3 March 2024. "
        "Recognising the friendship between Kenya and Canada, the document provides for the setting up of the "
        "proposed campus of Riverton University in Nairobi."
    )
    offices = [p for p in pk.extract(text, published="2024-03-05").partnerships if p.kind.value == "office"]
    assert [(o.parties[0].name, len(o.parties), o.status.value) for o in offices] == [
        ("Riverton University", 1, "planned")
    ]
    assert offices[0].location is not None
    assert offices[0].location.city == "Nairobi"


def _dated(text: str, published: str | None) -> set[tuple[str, str | None]]:
    return {(p.kind.value, str(p.date) if p.date else None) for p in pk.extract(text, published=published).partnerships}


def test_dateline_dates_the_news_and_a_later_signing_sentence_dates_the_deal() -> None:
    text = (
        "Northgate University and Kyoto Prefectural University sign double degree agreement\n"
        "SHEFFIELD, 14 March 2024 — Northgate University has signed a double degree agreement with Kyoto "
        "Prefectural University, Japan. The agreement was signed on Tuesday by Vice-Chancellor Helen Marsh and "
        "President Takeshi Ono during a ceremony in Kyoto.\n"
        "The two universities have cooperated since 2017, when they signed a memorandum of understanding."
    )
    ex = pk.extract(text, published="2024-03-14")
    assert all(p.parties[0].name != "SHEFFIELD" for p in ex.partnerships)  # a dateline city is no party
    assert ("agreement", "2024-03-12") in _dated(text, "2024-03-14")
    assert ("mou", "2017") in _dated(text, "2024-03-14")


def test_german_day_number_does_not_end_the_sentence() -> None:
    text = (
        "Die Technische Universität Halden und die Universität Linköping haben am 8. November 2021 eine "
        "Vereinbarung über die Gründung eines gemeinsamen Forschungszentrums unterzeichnet."
    )
    recs = pk.extract(text).partnerships
    assert {(p.kind.value, len(p.parties), str(p.date)) for p in recs} == {
        ("agreement", 2, "2021-11-08"),
        ("joint_lab", 2, "2021-11-08"),
    }


def test_signing_at_a_dated_event_takes_the_event_date() -> None:
    text = (
        "The Second Forum of Rectors of Baltic and Nordic Universities was held in Riga on 14 May 2019.\n"
        "Within the framework of the Forum, Riga Technical University and Lakeside University signed an "
        "agreement on academic cooperation."
    )
    assert _dated(text, None) == {("agreement", "2019-05-14")}
    # a year inside a quoted goal is not the date of the deal
    quoted = (
        "Riverton University and Lakeside University signed an agreement. "
        'The rector stressed that the agreement matters for the goal "to double exchanges by 2030".'
    )
    assert _dated(quoted, None) == {("agreement", None)}
