"""Memberships in the forms press releases use (texts written for these tests, invented names).

A user relies on: "miembro fundador de X", "la asamblea aprobó la incorporación de tres nuevos
miembros: A, B y C" (X named in the sentence before), "abandona la asociación" (ended), "fait
également partie du réseau X" and "a intégré l'alliance X" each giving the membership; a place
named as the network's seat ("which has its secretariat at Y", "mantiene su sede en Y") being
no second network; a membership's network named before a ";" (not in a list after a colon);
"will exchange up to twenty doctoral students" giving an exchange; German "Mitglieder von X";
members admitted by "the assembly" taking the date the text gives that assembly.
"""

from __future__ import annotations

import pytest

import partnerkit as pk


def _records(text: str) -> set[tuple[frozenset[str], str]]:
    ex = pk.extract(text, published="2024-05-01")
    return {
        (frozenset(x.name for x in p.parties), p.status.value) for p in ex.partnerships if p.kind.value == "membership"
    }


NET_ES = "Red Universitaria del Sur (RUS)"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Noticias de la red\nLa Universidad de Montoro es miembro fundador de la Red Universitaria del Sur "
            "desde 1990.",
            {(frozenset({"Universidad de Montoro", "Red Universitaria del Sur"}), "active")},
        ),
        (
            f"La {NET_ES} celebró ayer su asamblea anual en Montoro.\n"
            "La asamblea aprobó la incorporación de dos nuevos miembros: la Universidad de Valdeoro y la "
            "Universidad de Alcara.",
            {
                (frozenset({"Universidad de Valdeoro", "Red Universitaria del Sur"}), "active"),
                (frozenset({"Universidad de Alcara", "Red Universitaria del Sur"}), "active"),
            },
        ),
        (
            "La Asociación de Universidades del Sur (AUS) celebró ayer su asamblea anual.\n"
            "En cambio, la Universidad de Valdeoro confirmó que abandona la asociación tras veinte años.",
            {(frozenset({"Universidad de Valdeoro", "Asociación de Universidades del Sur"}), "ended")},
        ),
        (
            "Nouvelles de Rivebelle\nL'Université de Rivebelle fait également partie du réseau ARENA.",
            {(frozenset({"Université de Rivebelle", "ARENA"}), "active")},
        ),
        (
            "Riverton news\nRiverton University is a member of the Northern Rivers Network, which has its "
            "secretariat at Lakeside University.",
            {(frozenset({"Riverton University", "Northern Rivers Network"}), "active")},
        ),
        (
            "Noticias de la red\nLa Universidad de Montoro es miembro de la Red Universitaria del Sur, que "
            "mantiene su sede en la Universidad de Valdeoro.",
            {(frozenset({"Universidad de Montoro", "Red Universitaria del Sur"}), "active")},
        ),
        (  # a year set off by commas between the member noun and its "de"
            "La Universidad de Montoro cumple 50 años\nLa Universidad de Montoro celebró su aniversario. "
            "La Universidad es miembro, desde 2018, de la Red Universitaria del Sur.",
            {(frozenset({"Universidad de Montoro", "Red Universitaria del Sur"}), "active")},
        ),
        (  # a sentence that opens on "Membre fondateur de": the subject comes after it
            "Nouvelles de Rivebelle\nL'Université de Rivebelle ouvre un master. Membre fondateur de l'Association "
            "des Universités du Sahel (AUS), créée en 1967, l'Université de Rivebelle compte 30 000 étudiants.",
            {(frozenset({"Université de Rivebelle", "Association des Universités du Sahel"}), "active")},
        ),
        (
            "Riverton news\nRiverton University is a member, since 2015, of the Northern Rivers Network.",
            {(frozenset({"Riverton University", "Northern Rivers Network"}), "active")},
        ),
    ],
)
def test_membership_forms(text: str, expected: set[tuple[frozenset[str], str]]) -> None:
    assert _records(text) == expected


def test_a_membership_ends_at_a_semicolon_but_not_in_a_list() -> None:
    """ "Beide sind Mitglieder der X-Rektorenkonferenz; mit der Universität Y verhandeln sie ...":
    Y is no network the two joined; "are members: A; B and C" is one list."""
    text = (
        "Seedorf und Bergheim\nDie Universität Seedorf und die Universität Bergheim unterzeichneten am Montag ein "
        "Abkommen. Beide Hochschulen sind Mitglieder der Nordsee-Rektorenkonferenz; mit der Universität Tannau "
        "verhandeln sie über eine Erweiterung."
    )
    got = {parties for parties, _status in _records(text)}
    assert got == {
        frozenset({"Universität Seedorf", "Nordsee-Rektorenkonferenz"}),
        frozenset({"Universität Bergheim", "Nordsee-Rektorenkonferenz"}),
    }


def test_will_exchange_students_is_an_exchange() -> None:
    text = "News\nRiverton University and Lakeside University will exchange up to twenty doctoral students a year."
    ex = pk.extract(text, published="2024-05-01")
    assert [(p.kind.value, {x.name for x in p.parties}) for p in ex.partnerships] == [
        ("exchange", {"Riverton University", "Lakeside University"})
    ]


@pytest.mark.parametrize(
    "text",
    [
        "La Universidad de Montoro es miembro del Grupo de Universidades Iberoamericanas Tordesillas y de la "
        "Asociación Colombiana de Universidades (ASCUN).",
        "L'Université de Riverton est membre du Réseau des Universités du Rhin et de l'Agence universitaire de la "
        "Francophonie.",
    ],
)
def test_a_list_of_two_networks_each_opened_by_of_gives_two_memberships(text: str) -> None:
    """ "del Grupo X y de la Asociación Y": the second "de la" opens a second network, not a part of the first."""
    got = _records(text)
    assert len(got) == 2
    assert all(len(parties) == 2 and status == "active" for parties, status in got)
    names = {n for parties, _s in got for n in parties}
    assert "Asociación Colombiana de Universidades" in names or "Agence universitaire de la Francophonie" in names


def test_a_consortium_named_before_its_word_is_not_one_of_its_members() -> None:
    """ "the NORTHLINK consortium: A, B and C": one consortium of A, B and C (its name is no member)."""
    ex = pk.extract(
        "Three universities make up the NORTHLINK consortium: Riverton University, Lakeside University and "
        "Hillcrest University.",
        published="2024-05-01",
    )
    got = [frozenset(x.name for x in p.parties) for p in ex.partnerships if p.kind.value == "consortium"]
    assert got == [frozenset({"Riverton University", "Lakeside University", "Hillcrest University"})]


def test_german_mitglieder_von_a_network_with_the_pair_and_a_relative_member() -> None:
    """ "Beide Universitäten sind Mitglieder von X, ..., zu dem auch Z gehört": X with each of the
    pair and with Z (German "Mitglied von", not only "Mitglied der/des")."""
    text = (
        "Die Universität Alpha und die Universität Beta haben eine Kooperationsvereinbarung unterzeichnet.\n"
        "Beide Universitäten sind Mitglieder von Nordlicht – The Northern Campus, dem Verbund der "
        "Universitäten am Nordmeer, zu dem auch die Universität Gamma gehört."
    )
    net = "Nordlicht – The Northern Campus"
    got = {next(iter(parties - {net})) for parties, _st in _records(text) if net in parties}
    assert got == {"Universität Alpha", "Universität Beta", "Universität Gamma"}


@pytest.mark.parametrize(
    "text",
    [
        "Riverton University and Lakeside University renewed their agreement on Monday. Both universities are "
        "members of the Hill Health Network, which has funded student mobility within the programme since 2013.",
        "Riverton University and Lakeside University are members of the Hill Foundation Network, which funds the "
        "exchange programme of its members.",
    ],
)
def test_what_a_funder_funds_is_no_deal_of_its_own(text: str) -> None:
    """ "X, which has funded student mobility ...": the funded mobility is no new exchange."""
    ex = pk.extract(text, published="2024-05-01")
    assert "exchange" not in {p.kind.value for p in ex.partnerships}
    assert "membership" in {p.kind.value for p in ex.partnerships}


@pytest.mark.parametrize(
    "text",
    [
        "Salamanca, 23 de mayo de 2025. La Red Universitaria del Sur (RUS) celebró ayer su asamblea general "
        "anual. La asamblea aprobó la incorporación de dos nuevos miembros: la Universidad de Nortevalle y la "
        "Universidad de Surmar.",
        "The Northern Universities Network (NUN) held its annual general assembly on 22 May 2025 in Riga. "
        "The assembly admitted Northvale University as a new member.",
    ],
)
def test_members_admitted_by_the_assembly_take_its_date(text: str) -> None:
    """ "La asamblea aprobó la incorporación de ..." after "celebró ayer su asamblea": the
    memberships are dated by that meeting."""
    ex = pk.extract(text, published="2025-05-23")
    dates = {str(p.date) for p in ex.partnerships if p.kind.value == "membership"}
    assert dates == {"2025-05-22"}


def _dated(text: str) -> set[tuple[frozenset[str], str | None]]:
    ex = pk.extract(text, published="2024-05-01")
    return {
        (frozenset(x.name for x in p.parties), None if p.date is None else str(p.date))
        for p in ex.partnerships
        if p.kind.value == "membership"
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Italian: a trigger ending in an elided article ("dell'"), a network named after a lower-case
        # head and adjectives, its other members in a relative clause, and a second membership after it
        (
            "L'Università di Valdoro fa parte dal 2019 dell'alleanza universitaria europea Lumina, di cui fanno "
            "parte anche l'Università di Montalto e l'Università di Serravalle, ed è socia fondatrice del "
            "Gruppo di Rocca, costituito nel 1985.",
            {
                (frozenset({"Università di Valdoro", "Lumina"}), "2019"),
                (frozenset({"Università di Montalto", "Lumina"}), None),
                (frozenset({"Università di Serravalle", "Lumina"}), None),
                (frozenset({"Università di Valdoro", "Gruppo di Rocca"}), "1985"),
            },
        ),
        # French: the member named inside "dont ... est membre", with its own date
        (
            "L'Université de Portmer a rejoint le Réseau atlantique des universités (RAU), dont l'Université "
            "de Valbonne est membre associé depuis 2017.",
            {
                (frozenset({"Université de Portmer", "RAU"}), None),
                (frozenset({"Université de Valbonne", "RAU"}), "2017"),
            },
        ),
        # Spanish: one member after the singular verb ("de la que también forma parte A")
        (
            "La Universidad de Montoro es miembro de la Asociación Universitaria del Sur y de la Red "
            "de Universidades Andinas, de la que también forma parte la Universidad de Valdeoro.",
            {
                (frozenset({"Universidad de Montoro", "Asociación Universitaria del Sur"}), None),
                (frozenset({"Universidad de Montoro", "Red de Universidades Andinas"}), None),
                (frozenset({"Universidad de Valdeoro", "Red de Universidades Andinas"}), None),
            },
        ),
        # Russian: the member named inside "членом которой A является", with its own date
        (
            "Северогорский государственный университет входит в Ассоциацию горных университетов и в "
            "Ассоциацию северных университетов, членом которой Южноморский государственный университет "
            "является с 2022 года.",
            {
                (frozenset({"Северогорский государственный университет", "Ассоциацию горных университетов"}), None),
                (frozenset({"Северогорский государственный университет", "Ассоциацию северных университетов"}), None),
                (frozenset({"Южноморский государственный университет", "Ассоциацию северных университетов"}), "2022"),
            },
        ),
        # Portuguese: "das" inside a name after its head, "integra desde 2010 a ..."
        (
            "A Universidade de Vilamar integra desde 2010 a Associação das Universidades do Atlântico Sul.",
            {(frozenset({"Universidade de Vilamar", "Associação das Universidades do Atlântico Sul"}), "2010")},
        ),
    ],
)
def test_memberships_in_relative_clauses_and_romance_name_forms(
    text: str, expected: set[tuple[frozenset[str], str | None]]
) -> None:
    """ "X, dont A est membre", "X, di cui fanno parte anche A e B", "X, de la que también forma parte A",
    "X, членом которой A является с 2022 года", "fa parte dell'alleanza ... Y":
    each member of its own network, with the date of its own clause."""
    assert _dated(text) == expected


def test_german_das_after_und_does_not_join_two_names() -> None:
    """Portuguese "das" joins a name only right after its head: German "und das College" does not."""
    ex = pk.extract("Die Universität Nordwald und das College of Design der Südstadt-Universität unterzeichneten.")
    assert "Universität Nordwald und das College of Design" not in {m.name for m in ex.mentions}


def test_chinese_joining_the_said_alliance_is_the_alliance_named_before() -> None:
    """ "X于2016年加入该联盟": 该联盟 ("the said alliance") is the alliance of the sentence before."""
    text = "北岭大学于2015年发起成立南川大学联盟。西山大学于2016年加入该联盟，是最早加入的成员之一。"
    assert (frozenset({"西山大学", "南川大学联盟"}), "2016") in _dated(text)


def test_german_member_noun_and_a_subtitled_name_with_its_acronym() -> None:
    """ "Hochschule X – Technik und Wirtschaft (HX)" defines HX; "die HX Mitglied im Netzwerk Y":
    "Mitglied" is no part of a name, so HX is a member of Y."""
    text = (
        "Die Hochschule Nordwald – Technik und Wirtschaft (HNW) feiert ihr Jubiläum. Seit 2018 ist die HNW "
        "Mitglied im Netzwerk TANDEM, das die Hochschulen in Brüssel vertritt."
    )
    assert _dated(text) == {(frozenset({"Hochschule Nordwald", "Netzwerk TANDEM"}), "2018")}


def test_a_basque_university_name_is_read() -> None:
    ex = pk.extract("Die Hochschule Nordwald bietet mit der Arrasate Unibertsitatea eine Sommerschule an.")
    assert "Arrasate Unibertsitatea" in {m.name for m in ex.mentions}


def test_a_relative_clause_ends_where_the_main_clause_goes_on() -> None:
    """ "member of X, qui réunit A et B, ainsi que de Y": A and B are X's members, Y is the subject's network."""
    text = (
        "L'Université de Portmer est membre du réseau ALPHA, qui réunit l'Université de Valbonne et "
        "l'Université de Sarrin, ainsi que de l'Agence des universités du Nord."
    )
    assert _dated(text) == {
        (frozenset({"Université de Portmer", "ALPHA"}), None),
        (frozenset({"Université de Valbonne", "ALPHA"}), None),
        (frozenset({"Université de Sarrin", "ALPHA"}), None),
        (frozenset({"Université de Portmer", "Agence des universités du Nord"}), None),
    }


@pytest.mark.parametrize(
    "text",
    [
        "Varnell University has been admitted as a full member of the Tasman Research Alliance, together with "
        "Corvane University and Kenya's Haldric University.",
        "Varnell University joined the Tasman Research Alliance along with Corvane University and Haldric University.",
        "Varnell University joined the Tasman Research Alliance alongside Corvane University, and Haldric University.",
    ],
)
def test_co_members_after_together_with_are_members_too(text: str) -> None:
    net = "Tasman Research Alliance"
    assert {parties for parties, _status in _records(text)} == {
        frozenset({"Varnell University", net}),
        frozenset({"Corvane University", net}),
        frozenset({"Haldric University", net}),
    }


def test_quoted_speech_is_no_name() -> None:
    text = (
        "Varnell University joined the Tasman Research Alliance in May. "
        '"Membership of TRA places Varnell among the research-intensive universities of the region," the rector said. '
        '"A top-40 university needs students who can afford to live near it," the union said.'
    )
    ex = pk.extract(text, published="2024-05-01")
    assert all(not m.text.startswith(("Membership", "A top")) for m in ex.mentions)
    assert {parties for parties, _status in _records(text)} == {
        frozenset({"Varnell University", "Tasman Research Alliance"})
    }


@pytest.mark.parametrize(
    ("text", "member", "date"),
    [
        (
            "Norvale University and the University of Lakemont, an ARVU member since 2015, will open talks "
            "in June on a joint doctoral programme.",
            "University of Lakemont",
            "2015",
        ),
        (
            "Norvale University and Lakemont University, a founding ARVU member, signed an exchange agreement.",
            "Lakemont University",
            "None",
        ),
    ],
)
def test_a_membership_told_in_an_apposition(text: str, member: str, date: str) -> None:
    """ "A and B, an N member since 2015, will ...": B is a member of N (since 2015), and N is no
    party of the sentence's own deal."""
    ex = pk.extract(text, published="2025-05-16")
    got = {(p.kind.value, frozenset(x.name for x in p.parties), str(p.date)) for p in ex.partnerships}
    assert ("membership", frozenset({member, "ARVU"}), date) in got
    assert not any("ARVU" in parties for kind, parties, _d in got if kind != "membership")


def test_a_member_university_is_no_apposed_membership() -> None:
    """ "B, an N member university" names B's kind, not a membership of B in N."""
    text = "Norvale University signed an agreement with Lakemont University, an ARVU member university."
    assert not _records(text)


def test_an_alliance_admitting_new_full_members_and_an_associate_partner() -> None:
    text = (
        "The Northern Lakes Alliance (NLA) has admitted two new full members, the University of Varnell and "
        "Corvane University, the alliance's assembly decided on Wednesday. In addition, Ostrel University, "
        "which has been an associate partner of the NLA since 2023, was confirmed in that role."
    )
    net = "Northern Lakes Alliance"
    assert _records(text) == {
        (frozenset({net, "University of Varnell"}), "active"),
        (frozenset({net, "Corvane University"}), "active"),
        (frozenset({net, "Ostrel University"}), "active"),
    }


def test_admitted_as_a_full_member_together_with_others_is_no_welcome_list() -> None:
    text = (
        "The University of Varnell has been admitted as a full member of the Northern Lakes Alliance (NLA), "
        "together with Corvane University and Ostrel University."
    )
    net = "Northern Lakes Alliance"
    got = _records(text)
    assert (frozenset({net, "University of Varnell"}), "active") in got
    assert all(net in parties for parties, _st in got)


def _memberships(text: str) -> set[frozenset[str]]:
    return {parties for parties, _status in _records(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Varnell University and Corvane University are members of the Vexa Network and of the Lumen "
            "Alliance, respectively.",
            {
                frozenset({"Varnell University", "Vexa Network"}),
                frozenset({"Corvane University", "Lumen Alliance"}),
            },
        ),
        (
            "L'Université de Northbay est membre de l'Association des universités côtières (AUC), tout comme "
            "l'Université de Lakeside. Les deux établissements font partie du réseau Vexa et de l'alliance "
            "Lumen, respectivement.",
            {
                frozenset({"Université de Northbay", "AUC"}),
                frozenset({"Université de Lakeside", "AUC"}),
                frozenset({"Université de Northbay", "Vexa"}),
                frozenset({"Université de Lakeside", "Lumen"}),
            },
        ),
    ],
)
def test_respectively_pairs_each_member_with_its_own_network(text: str, expected: set[frozenset[str]]) -> None:
    """ "A and B are members of X and Y, respectively": A of X, B of Y (not each of both); "the two
    establishments" after "A est membre de N, tout comme B" are A and B; "font partie" is a membership."""
    assert _memberships(text) == expected


def test_the_latter_is_the_last_network_named_before_the_clause() -> None:
    """ "A and B belong to X and Y respectively; B joined the latter in 2019": B's membership of Y,
    dated 2019, not of a network named earlier in the text."""
    text = (
        "Northbay University is a member of the Coastal University Association.\n"
        "Northbay University and Lakeside University belong to the Vexa Network and the Lumen Alliance "
        "respectively; Lakeside University joined the latter in 2019."
    )
    got = {(frozenset(x.name for x in p.parties), str(p.date)) for p in pk.extract(text).partnerships}
    assert (frozenset({"Lakeside University", "Lumen Alliance"}), "2019") in got
    assert not any(
        "Coastal University Association" in parties and "Lakeside University" in parties for parties, _ in got
    )


def test_new_members_admitted_together_are_no_pair() -> None:
    """ "X has admitted two new members, A and B": A and B are no pair, so "our joint programme"
    said after is not theirs."""
    text = (
        "The Vexa alliance has admitted two new members, Northbay University and Lakeside University, its "
        'board announced on Monday. "We will welcome their students into our joint bachelor\'s programme."'
    )
    assert not any(p.kind.value == "joint_programme" for p in pk.extract(text, published="2024-05-01").partnerships)
