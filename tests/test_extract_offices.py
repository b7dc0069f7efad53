"""Several offices in one text, each with its own place and status.

A user relies on: an office planned without a place staying apart from the offices already
running; "the branch in Egypt" joining the one running office in that country (its city
kept); a place closer than the country ("opened an office in the US" + "it will be located in
Boston") refining that office, not making a planned second one; and each place of one
sentence taking the status of its own stretch ("has an office in A and will open one in B");
an office said to be closed ("closed its office", "schließt", "закрыл", "关闭") being ended.
"""

from __future__ import annotations

import pytest

import partnerkit as pk
from partnerkit._extract._places import find_places


def _offices(text: str) -> set[tuple[str, str | None, str | None]]:
    ex = pk.extract(text, published="2024-05-01")
    return {
        (p.status.value, p.location.city if p.location else None, p.location.country if p.location else None)
        for p in ex.partnerships
        if p.kind is pk.PartnershipKind.OFFICE
    }


def test_planned_office_without_place_stays_apart_from_running_ones() -> None:
    text = (
        "Казанский федеральный университет откроет еще один филиал за рубежом. "
        "У Казанского федерального университета действует два филиала за границей: в Каире (Египет) и "
        "Джизаке (Узбекистан). Филиал Казанского федерального университета в Египте начал работу в декабре."
    )
    assert _offices(text) == {("planned", None, None), ("active", "Cairo", "EG"), ("active", "Jizzakh", "UZ")}


def test_each_place_takes_the_status_of_its_own_stretch() -> None:
    assert _offices("Riverton University has an office in Boston and will open an office in Chicago.") == {
        ("active", "Boston", "US"),
        ("planned", "Chicago", "US"),
    }
    assert _offices("Riverton University opened offices in Cairo and Tashkent and plans to open one in Minsk.") == {
        ("active", "Cairo", "EG"),
        ("active", "Tashkent", "UZ"),
        ("planned", "Minsk", "BY"),
    }


def test_one_planned_sentence_plans_every_place() -> None:
    assert _offices("Riverton University will open offices in Boston and Chicago.") == {
        ("planned", "Boston", "US"),
        ("planned", "Chicago", "US"),
    }


def test_a_closer_place_refines_the_running_office() -> None:
    text = (
        "Санкт-Петербургский государственный университет открыл представительство в США. "
        "Представительство будет располагаться в здании Бард-колледжа в Бостоне."
    )
    got = _offices(text)
    assert got == {("active", "Boston", "US")}


def test_each_place_takes_the_date_of_its_own_stretch_and_a_closed_office_ends() -> None:
    """ "cuenta desde 2016 con una oficina en X y con otra en Y": one office per place; "tiene previsto
    abrir una sede en Z en 2024": planned, dated 2024; "su oficina en W cerró en 2020": ended."""
    text = (
        "La Universidad de Riverton cuenta desde 2016 con una oficina en Pekín y con otra en Boston, y tiene "
        "previsto abrir una sede en Berlín en 2024. Sin embargo, su oficina en Lima cerró en 2020."
    )
    ex = pk.extract(text, published="2024-05-01")
    got = {(p.status.value, p.location.city if p.location else None, str(p.date)) for p in ex.partnerships}
    assert got == {
        ("active", "Beijing", "2016"),
        ("active", "Boston", "2016"),
        ("planned", "Berlin", "2024"),
        ("ended", "Lima", "2020"),
    }
    two = "Riverton University opened a campus in Malaysia in 1998 and another in Indonesia in 2021."
    dated = {(p.location.country, str(p.date)) for p in pk.extract(two).partnerships if p.location}
    assert dated == {("MY", "1998"), ("ID", "2021")}


def test_the_host_named_in_the_next_sentence_before_where_or_after_a_chinese_cue() -> None:
    """ "... in the main building of X, where the office will be located" and "代表处设在X校内" name
    the office's host; a sentence that names an organisation with no location cue does not."""
    cases = [
        (
            "Riverton University opened an office in Hanoi. The ceremony took place in the main building of "
            "Bastia University, where the office will be located for three years.",
            {"Riverton University", "Bastia University"},
        ),
        ("河源大学欧洲代表处在巴黎揭牌成立。代表处设在白沙大学校内，将负责合作联络。", {"河源大学", "白沙大学"}),
        (
            "Riverton University opened an office in Hanoi. The minister thanked Bastia University, which "
            "sent a delegation.",
            {"Riverton University"},
        ),
    ]
    for text, parties in cases:
        offices = [p for p in pk.extract(text).partnerships if p.kind is pk.PartnershipKind.OFFICE]
        assert [{x.name for x in p.parties} for p in offices] == [parties]


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("Norrland University closed its liaison office in Lagos in 2022.", "Lagos"),
        ("The office of Norrland University in Lagos was closed in 2022.", "Lagos"),
        ("Die Universität Norrland schließt ihr Büro in Lagos, wie die Hochschule am Montag mitteilte.", "Lagos"),
        ("Норрландский университет закрыл своё представительство в Лагосе в 2022 году.", "Lagos"),
        ("L'Université de Norrland a fermé son bureau de Lagos en 2022.", "Lagos"),
        ("La Universidad de Norrland cerró su oficina en Lagos en 2022.", "Lagos"),
        ("北岭大学驻柏林办事处已于2022年关闭。", "Berlin"),
    ],
)
def test_a_closed_office_is_ended(text: str, city: str) -> None:
    assert {(st, c) for st, c, _cc in _offices(text)} == {("ended", city)}


def test_closing_a_deal_ends_nothing() -> None:
    ex = pk.extract("Norrland University closed a deal with Karsten University on a student exchange.")
    assert [(p.kind.value, p.status.value) for p in ex.partnerships] == [("exchange", "active")]


def test_a_common_word_that_names_a_country_in_some_other_language_is_no_place() -> None:
    """German nouns are capitalised: "Ende" (India in one of pycountry's languages) is no office country,
    while country names in the languages news is written in are still read."""
    ex = pk.extract("Die Riverton-Universität schließt zum Ende des Jahres ihr Büro in Lagos.")
    assert [(p.kind.value, p.location) for p in ex.partnerships] == [
        ("office", pk.Location(city="Lagos", country="NG"))
    ]
    assert find_places("Ein Büro in Indien und eines in Brasilien.")[0].country == "IN"
    assert [p.country for p in find_places("Un ufficio in Cina, uno in Giappone.")] == ["CN", "JP"]


@pytest.mark.parametrize(
    ("text", "city"),
    [
        (
            "Norrland University opened an office in Lagos in 2019. A second office, in Nairobi, is planned for 2026.",
            "Nairobi",
        ),
        (
            "Die Universität Norrland unterhält seit 2015 ein Verbindungsbüro in Kyoto. Ein weiteres Büro in Seoul ist "
            "nach Angaben der Universität für 2026 geplant.",
            "Seoul",
        ),
        (
            "Norrland University has opened a representative office in Lagos. Norrland said the Lagos office would be "
            "followed by a second office in Nairobi, planned for 2026, subject to approval by the university council.",
            "Nairobi",
        ),
    ],
)
def test_another_planned_office_belongs_to_the_owner_of_the_last_one(text: str, city: str) -> None:
    """ "A second office ... is planned for 2026", "Ein weiteres Büro ... ist für 2026 geplant": a
    planned office of the owner of the office just told (no host taken from "the university council")."""
    ex = pk.extract(text, published="2024-10-09")
    planned = [p for p in ex.partnerships if p.kind.value == "office" and p.status.value == "planned"]
    assert [([x.name for x in p.parties], str(p.date)) for p in planned] == [
        ([ex.partnerships[0].parties[0].name], "2026")
    ]
    assert planned[0].location is not None
    assert planned[0].location.city == city


def test_a_partner_named_after_a_later_deal_owns_no_office() -> None:
    """ "X opens office and signs MoU with Y" (X not found as a name): Y is the MoU's partner, not
    the office's owner."""
    ex = pk.extract("Vexo opens Lagos office and signs MoU with Norrland University", published="2024-10-09")
    assert [p.kind.value for p in ex.partnerships if p.kind.value == "office"] == []


@pytest.mark.parametrize(
    ("text", "owners"),
    [
        (
            "Norvale University already runs a dual degree with the Lakemont Institute of Technology, "
            "and it opened its India office in New Delhi in 2022.",
            {"Norvale University"},
        ),
        (
            "Norvale University signed an agreement with Lakemont University and opened an office in Nairobi.",
            {"Norvale University"},
        ),
        (
            "La Universidad de Nortevalle firmó un convenio con la Universidad de Surmar y abrió una oficina en Lima.",
            {"Universidad de Nortevalle"},
        ),
        # both signers before the first deal: their joint office
        (
            "Norvale University and Lakemont University signed an agreement and opened a joint office in Nairobi.",
            {"Norvale University", "Lakemont University"},
        ),
    ],
)
def test_an_office_in_a_clause_after_another_deal_is_the_subjects(text: str, owners: set[str]) -> None:
    """ "X signed an agreement with A and opened an office in Nairobi": the office, told in its own
    clause naming no organisation, is X's, not one of X and A."""
    ex = pk.extract(text, published="2025-05-16")
    got = [{x.name for x in p.parties} for p in ex.partnerships if p.kind is pk.PartnershipKind.OFFICE]
    assert got == [owners]


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        (
            "Riverton University news\nRiverton University will close its campus in Lisbon, Portugal, next year.",
            "Riverton University",
        ),
        (
            "Neues aus Seedorf\nIn Lissabon unterhält die Universität Seedorf seit 2015 ein Verbindungsbüro, "
            "das Studierende berät.",
            "Universität Seedorf",
        ),
        (
            "Nouvelles de Rivebelle\nL'Université de Rivebelle dispose depuis 2015 d'un bureau de représentation "
            "à Lisbonne, qui accompagne ses étudiants.",
            "Université de Rivebelle",
        ),
    ],
)
def test_office_verbs_of_having_and_closing(text: str, owner: str) -> None:
    """ "will close its campus in X", "In X unterhält A ein Verbindungsbüro", "A dispose d'un
    bureau de représentation à X": an office of A."""
    ex = pk.extract(text, published="2024-05-01")
    offices = [p for p in ex.partnerships if p.kind is pk.PartnershipKind.OFFICE]
    assert [[x.name for x in p.parties] for p in offices] == [[owner]]


@pytest.mark.parametrize(
    "text",
    [
        "Norrland University opened its first office abroad. The office, which will serve students from "
        "Ruritania in Spain, was opened by the rector and the ambassador of Chile in Spain.",
        "La Universidad de Norrland inauguró su primera oficina en el extranjero. La oficina, que atenderá a "
        "estudiantes en España, fue inaugurada por el rector y el embajador de Chile en España.",
    ],
)
def test_an_envoys_country_is_no_place_of_the_office(text: str) -> None:
    """ "opened by the ambassador of Chile in Spain": one office, in Spain; Chile is the envoy's."""
    assert _offices(text) == {("active", None, "ES")}


def test_an_office_the_owner_keeps_is_no_membership() -> None:
    """ "La nueva sede se suma a la oficina que X mantiene en Pekín desde 2016": X's office in
    Beijing (since 2016), not a membership; "a third office in Boston in 2026" stays a third office."""
    text = (
        "La Universidad de Norrland inauguró el 6 de marzo de 2025 su primera oficina en Europa. "
        "La nueva sede se suma a la oficina que la Universidad de Norrland mantiene en Pekín desde 2016. "
        "La universidad estudia abrir una tercera oficina en Boston en 2026."
    )
    ex = pk.extract(text, published="2025-03-08")
    assert not any(p.kind is pk.PartnershipKind.MEMBERSHIP for p in ex.partnerships)
    offices = {
        (p.location.city if p.location else None, str(p.date)) for p in ex.partnerships if p.kind.value == "office"
    }
    assert offices == {(None, "2025-03-06"), ("Beijing", "2016"), ("Boston", "2026")}


def test_the_office_that_the_owner_runs_in_a_city() -> None:
    """ "the office that X maintains in Nairobi" states X's office in Nairobi."""
    text = "Staff will move to the office that Norrland University maintains in Nairobi."
    assert _offices(text) == {("active", "Nairobi", "KE")}


@pytest.mark.parametrize(
    "text",
    [
        "Die Universität Nordtal wird ihr Verbindungsbüro in Kairo Ende 2025 schließen.",
        "Северный университет закроет представительство в Каире в 2025 году.",
        "Представительство Северного университета в Каире будет закрыто в 2025 году.",
    ],
)
def test_a_closing_announced_in_german_or_russian_is_an_ended_office(text: str) -> None:
    """ "wird ihr Verbindungsbüro ... schließen", "закроет представительство", "будет закрыто": the
    office is found (the verb after a compound office word, the future Russian forms) and ended."""
    got = [
        (p.kind.value, p.status.value, p.location.city if p.location else None)
        for p in pk.extract(text, published="2024-05-01").partnerships
    ]
    assert got == [("office", "ended", "Cairo")]
