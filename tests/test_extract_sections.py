"""Extraction across the parts of a press release (texts written for these tests, invented names).

A user relies on: the paragraphs under an "About X" heading ("À propos de X", "Über X", "Sobre X")
speaking of X, so "It is a member of N" there gives X's membership, not that of the organisation
the rest of the text is about; the heading word is no part of the name ("About Riverton
University" names Riverton University); "the two universities" opening a paragraph after one
on a partnership with a third university meaning the pair the text is about; "the university"
in a paragraph that opens with another university ("Southmere's interest in Africa is not new.
The university runs ...") meaning that one, not the publisher; and "It" ("Elle", "Sie") opening a
sentence after one that opens with another organisation alone ("Southmere University, founded in
1970, is ... . It is a member of N") meaning that organisation.
"""

from __future__ import annotations

import pytest

import partnerkit as pk


def _records(text: str, published: str | None = "2024-05-01") -> set[tuple[str, frozenset[str]]]:
    ex = pk.extract(text, published=published)
    return {(p.kind.value, frozenset(x.name for x in p.parties)) for p in ex.partnerships}


@pytest.mark.parametrize(
    ("text", "member", "network"),
    [
        (
            "Lakeside University and Riverton University sign exchange agreement\n"
            "Lakeside University signed a student exchange agreement with Riverton University on Monday. "
            "Lakeside University students will spend a semester abroad.\n"
            "About Riverton University\n"
            "Riverton University was founded in 1870. It is a member of the Northern Rivers Network.\n",
            "Riverton University",
            "Northern Rivers Network",
        ),
        (
            "L'Université de Lacombe et l'Université de Rivebelle signent un accord\n"
            "L'Université de Lacombe a signé lundi un accord-cadre avec l'Université de Rivebelle. "
            "L'Université de Lacombe accueillera dix étudiants.\n"
            "À propos de l'Université de Rivebelle\n"
            "Elle est membre de l'Agence universitaire de la Riviera (AUR).\n",
            "Université de Rivebelle",
            "Agence universitaire de la Riviera",
        ),
        (
            "Universität Seedorf und Universität Bergheim unterzeichnen Abkommen\n"
            "Die Universität Seedorf hat am Montag ein Abkommen mit der Universität Bergheim unterzeichnet. "
            "Die Universität Seedorf entsendet zehn Studierende.\n"
            "Über die Universität Bergheim\n"
            "Sie ist Mitglied der Allianz Nordlicht-Universitäten (ANU).\n",
            "Universität Bergheim",
            "Allianz Nordlicht-Universitäten",
        ),
    ],
)
def test_about_heading_names_the_member_of_its_paragraph(text: str, member: str, network: str) -> None:
    got = _records(text)
    memberships = {parties for kind, parties in got if kind == "membership"}
    assert len(memberships) == 1
    (parties,) = memberships
    assert member in parties
    assert any(network in name for name in parties)


def test_about_heading_word_is_no_part_of_the_name() -> None:
    text = (
        "Lakeside University signed an agreement with Hill University on Monday.\n"
        "About Riverton University\n"
        "Riverton was founded in 1870. It is a member of the Northern Rivers Network.\n"
    )
    ex = pk.extract(text)
    assert "Riverton University" in [m.text for m in ex.mentions]
    assert not any(m.text.startswith("About") for m in ex.mentions)
    assert ("membership", frozenset({"Riverton University", "Northern Rivers Network"})) in _records(text)


@pytest.mark.parametrize(
    ("text", "pair", "network"),
    [
        (
            "Northbay University and Lakeside University signed a framework agreement on Monday.\n"
            "Not every partnership of Northbay University lasted. The student exchange with Hillcrest "
            "University was suspended in 2020.\n"
            "The two universities are members of the Coastal University Network.",
            ("Northbay University", "Lakeside University"),
            "Coastal University Network",
        ),
        (
            "L'Université de Northbay et l'Université de Lakeside ont signé un accord-cadre lundi.\n"
            "Tous les partenariats n'ont pas connu le même succès. L'entente d'échange étudiant avec "
            "l'Université de Hillcrest a été suspendue en 2020.\n"
            "Les deux établissements sont membres de l'Association des universités côtières (AUC).",
            ("Université de Northbay", "Université de Lakeside"),
            "AUC",
        ),
    ],
)
def test_the_two_universities_opening_a_paragraph_are_the_texts_pair(
    text: str, pair: tuple[str, str], network: str
) -> None:
    """A pair inferred from one name ("the exchange with Hillcrest") in an earlier paragraph does not
    carry over to "the two universities" opening the next one: that is the pair the text is about."""
    members = {next(iter(parties - {network})) for kind, parties in _records(text) if kind == "membership"}
    assert members == set(pair)


@pytest.mark.parametrize(
    ("second", "party"),
    [
        # the paragraph opens with Southmere: "the university" is Southmere
        ("Southmere's interest in Africa is not new. The university runs", "Southmere University"),
        # the paragraph opens with no organisation: the publisher
        ("Interest in Africa is not new. The university runs", "Northvale University"),
        # "the university" in the opening sentence itself: the publisher
        ("In Africa, the university runs", "Northvale University"),
        # a paragraph opening with an institute is not meant by "the university"
        ("The Westfield Institute of Marine Science is new. The university runs", "Northvale University"),
    ],
)
def test_the_university_in_a_paragraph_opening_with_another_one(second: str, party: str) -> None:
    text = (
        "Northvale University and Southmere University signed an exchange agreement.\n"
        + second
        + " a joint research project on malaria with the Eastbrook Institute."
    )
    ex = pk.extract(text, published="2024-05-01", publisher="Northvale University")
    got = {frozenset(x.name for x in p.parties) for p in ex.partnerships if p.kind.value == "research_project"}
    assert got == {frozenset({party, "Eastbrook Institute"})}


_HEAD = (
    "Northvale University signs deal with Eastmoor University\n\n"
    "Northvale University signed an agreement with Eastmoor University on Monday, Northvale University said.\n\n"
    "Background\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            _HEAD + "Southmere University, founded in 1970, is the oldest university in the region. "
            "It is a member of the Vexa Network of European Universities.",
            ("membership", frozenset({"Southmere University", "Vexa Network of European Universities"})),
        ),
        (
            _HEAD + "Southmere University, founded in 1970, is the oldest university in the region. "
            "It signed a memorandum of understanding with Westfield University in 2020.",
            ("mou", frozenset({"Southmere University", "Westfield University"})),
        ),
        (
            _HEAD
            + "Southmere University is the oldest university in the region. It opened an office in Nairobi in 2020.",
            ("office", frozenset({"Southmere University"})),
        ),
    ],
)
def test_it_after_a_sentence_opening_with_another_organisation(text: str, expected: tuple[str, frozenset[str]]) -> None:
    """ "It" is the organisation the sentence before opens with, not the text's publisher."""
    got = _records(text)
    assert expected in got
    assert not any("Northvale University" in parties for kind, parties in got if kind == expected[0])


def test_it_after_a_sentence_opening_with_two_organisations_is_not_the_first() -> None:
    """ "X and Y signed ... . It is a member of N": "It" is not X alone (the old reading stays)."""
    text = (
        _HEAD + "Southmere University and Westfield University signed an exchange agreement in 2020. "
        "It is a member of the Vexa Network of European Universities."
    )
    assert ("membership", frozenset({"Southmere University", "Vexa Network of European Universities"})) not in (
        _records(text)
    )


@pytest.mark.parametrize(
    ("text", "pair", "network"),
    [
        (
            "L'Université de Northbay et l'Université de Lakeside ont signé un accord-cadre lundi. "
            "L'Université de Lakeside accueille déjà des doctorants de Northbay.\n"
            "De son côté, l'Université de Lakeside a signé en mars un accord d'échange avec l'Université "
            "de Hillcrest, selon son service de communication.\n"
            "Les deux établissements sont membres de l'Association des universités côtières (AUC).",
            ("Université de Northbay", "Université de Lakeside"),
            "AUC",
        ),
        (
            "Northbay University and Lakeside University signed a framework agreement on Monday. "
            "Lakeside University already hosts doctoral students from Northbay University.\n"
            "Separately, Lakeside University signed an exchange agreement with Hillcrest University in March.\n"
            "Both universities are members of the Coastal University Network.",
            ("Northbay University", "Lakeside University"),
            "Coastal University Network",
        ),
    ],
)
def test_the_two_universities_opening_a_paragraph_after_a_side_pair(
    text: str, pair: tuple[str, str], network: str
) -> None:
    """A pair with a third university named once ("Lakeside signed ... with Hillcrest") in the paragraph
    before does not carry over to "the two universities" opening the next one: the text's own pair
    (both named in several sentences) is meant."""
    members = {next(iter(parties - {network})) for kind, parties in _records(text) if kind == "membership"}
    assert members == set(pair)


@pytest.mark.parametrize(
    ("event", "headline"),
    [
        ("Vexara Health Forum", "Vexara Health Forum: Norvale University deepens its ties with Ostrava"),
        ("Vexara Rectors' Summit", "Vexara Rectors' Summit: Norvale University deepens its ties with Ostrava"),
        ("Forum Vexara-Europe", "Forum Vexara-Europe de la santé : Norvale University renforce ses liens"),
    ],
)
def test_an_event_in_the_headline_is_not_the_texts_pair(event: str, headline: str) -> None:
    """An event named beside a university in the headline ("X Forum: University Y ...") is not one of
    the two universities a later "The two institutions" opening a paragraph means."""
    text = (
        f"{headline}\n\nOver three days the campus hosted the fourth {event}, which brought together "
        "300 researchers. Organised by Norvale University, it looked back on a long cooperation.\n\n"
        "A framework agreement was signed on Tuesday between Norvale University and the University of "
        "Lakemont. It covers doctoral training.\n\n"
        "The two institutions will sign in October a student exchange agreement."
    )
    exchanges = [parties for kind, parties in _records(text) if kind == "exchange"]
    assert exchanges == [frozenset({"Norvale University", "University of Lakemont"})]


def test_a_supporter_of_the_programme_is_no_party() -> None:
    """ "l'AUC, qui a soutenu le programme d'échange": the supporter is context, not a partner."""
    text = (
        "L'Université de Northbay et l'Université de Lakeside sont membres de l'Association des universités "
        "côtières (AUC), qui a soutenu le programme d'échange de doctorants à ses débuts."
    )
    assert not any("AUC" in parties for kind, parties in _records(text) if kind == "exchange")


def test_ambas_universidades_integran_una_red() -> None:
    """ "Ambas universidades integran, además, la Red X": both are members of X."""
    text = (
        "La Universidad de Nortevalle y la Universidad de Surmar firmaron un convenio marco en 2019.\n"
        "Ambas universidades integran, además, la Red Austral de Universidades Costeras."
    )
    got = _records(text)
    for member in ("Universidad de Nortevalle", "Universidad de Surmar"):
        assert ("membership", frozenset({member, "Red Austral de Universidades Costeras"})) in got


@pytest.mark.parametrize(
    "dateline",
    [
        "NORTH BAYFORD, Vex. — ",
        "PORT ELLISON, Calder, 4 March 2026 — ",
        "",
    ],
)
def test_what_an_agreement_sets_up_after_a_side_deal_is_the_texts_pair(dateline: str) -> None:
    """ "Under the agreement signed this week, the universities will set up ..." after a paragraph on a
    lapsed exchange with a third university named once: the universities are the text's own pair, not
    the side deal's parties; a dateline of several capitalised words ("NORTH BAYFORD, Vex. —") is
    no pair of organisations."""
    text = (
        f"{dateline}Varnell University and Corvane University renewed their ties on Tuesday with a research "
        "agreement. The agreement was signed by Varnell's president and the Corvane rector.\n\n"
        "In 2012 Varnell University and Corvane University launched a dual master's degree.\n\n"
        "A student exchange agreement with Hollin University, signed by Varnell University in 2009, "
        "lapsed in 2014.\n\n"
        "Under the agreement signed this week, the universities will set up a joint laboratory in 2027."
    )
    labs = [parties for kind, parties in _records(text, "2026-03-12") if kind == "joint_lab"]
    assert labs == [frozenset({"Varnell University", "Corvane University"})]
    names = {x.name for p in pk.extract(text, published="2026-03-12").partnerships for x in p.parties}
    assert names == {"Varnell University", "Corvane University", "Hollin University"}


def test_the_two_universities_after_the_last_stop_of_a_trip_are_that_stops_pair() -> None:
    """A text on one university signing with one partner after another (a president's trip) has no
    pair of its own: "The two universities have cooperated since 2009" opening the paragraph after
    the last signing means that signing's pair, not the first one named."""
    text = (
        "Varnell University signed four agreements during a week-long visit by its president.\n\n"
        "The trip began on 27 April, where Varnell University and Corvane University signed a student "
        "exchange agreement. Varnell University and Corvane University are both members of the Vexa Network.\n\n"
        "On 29 April Varnell University signed a memorandum of understanding with Hollin University.\n\n"
        "On 30 April Varnell University and Dunmore University agreed to launch a double degree programme.\n\n"
        "On 2 May Varnell University and Tarrow University signed an agreement on a joint laboratory.\n\n"
        "The two universities have cooperated since 2009 under a general cooperation agreement."
    )
    dated_2009 = {
        parties
        for parties, date in (
            (frozenset(x.name for x in p.parties), str(p.date))
            for p in pk.extract(text, published="2026-05-04").partnerships
        )
        if date == "2009"
    }
    assert dated_2009 == {frozenset({"Varnell University", "Tarrow University"})}


@pytest.mark.parametrize(
    "sentence",
    [
        "Varnell University has more than 300 student exchange partners worldwide.",
        "Varnell University manages 1,200 agreements with about 150 exchange partner universities.",
    ],
)
def test_a_count_of_partners_is_no_deal_of_the_pair_in_play(sentence: str) -> None:
    """ "X has more than 300 student exchange partners" counts partners: no exchange of the pair in play."""
    text = f"Varnell University and Corvane University signed a joint laboratory agreement on Monday. {sentence}"
    assert not any(kind == "exchange" for kind, _parties in _records(text))
