"""Sub-units named with their parent: the parent is the party, the unit stays a mention.

A user relies on: "the Faculty of Law of X University", "l'Ecole ... de l'Université X",
"die Fakultät für ... der Universität X", "the Institute of Y of the Z Academy of Sciences",
"X University School of Medicine", "the Y Center at X University" and the Russian genitive
("Институт ... Российской академии наук") giving the university or academy as the party of
a deal between organisations, with the unit found as a mention of kind "unit"; names that
merely contain two heads ("Association of ... Universities", "Higher School of Economics")
staying whole; a school named by its field alone ("The Business School") being a unit of the
publisher, not an organisation.
"""

from __future__ import annotations

import pytest

import partnerkit as pk
from partnerkit._extract._patterns import find_names


def _parties(text: str) -> set[frozenset[str]]:
    ex = pk.extract(text, published="2024-05-01")
    return {frozenset(x.name for x in p.parties) for p in ex.partnerships}


@pytest.mark.parametrize(
    ("text", "parent", "other"),
    [
        (
            "The Faculty of Law of Riverton University signed a memorandum of understanding with Lakeside University.",
            "Riverton University",
            "Lakeside University",
        ),
        (
            "The Institute of Physics of the Polish Academy of Sciences signed an agreement with "
            "Northfield University.",
            "Polish Academy of Sciences",
            "Northfield University",
        ),
        (
            "L'Ecole supérieure polytechnique de l'Université de Lomé a signé une convention avec "
            "l'Université de Kara.",
            "Université de Lomé",
            "Université de Kara",
        ),
        (
            "La Facultad de Medicina de la Universidad de Sonora firmó un convenio con la Universidad de Lima.",
            "Universidad de Sonora",
            "Universidad de Lima",
        ),
        (
            "Die Fakultät für Physik der Universität Rostock unterzeichnete ein Abkommen mit der Universität Riga.",
            "Universität Rostock",
            "Universität Riga",
        ),
        (
            "The Riverton University School of Medicine signed an agreement with Lakeside University.",
            "Riverton University",
            "Lakeside University",
        ),
        (
            "The Davis Center at Riverton University signed an agreement with Lakeside University.",
            "Riverton University",
            "Lakeside University",
        ),
        (
            "Институт востоковедения Российской академии наук подписал соглашение с Казанским федеральным "
            "университетом.",
            "Российской академии наук",
            "Казанским федеральным университетом",
        ),
    ],
)
def test_unit_gives_its_parent_as_party(text: str, parent: str, other: str) -> None:
    assert _parties(text) == {frozenset({parent, other})}


def test_unit_is_kept_as_a_unit_mention() -> None:
    spans = find_names("The Institute of Physics of the Polish Academy of Sciences and Northfield University met.")
    assert [(s.text, s.kind) for s in spans] == [
        ("Institute of Physics", "unit"),
        ("Polish Academy of Sciences", "name"),
        ("Northfield University", "name"),
    ]


def test_units_of_two_parents_in_one_sentence() -> None:
    text = (
        "The School of Engineering of Riverton University and the Department of Chemistry of Lakeside "
        "University signed an agreement."
    )
    assert _parties(text) == {frozenset({"Riverton University", "Lakeside University"})}


@pytest.mark.parametrize(
    "name",
    [
        "Association of Sino-Russian Technical Universities",
        "Higher School of Economics",
        "Massachusetts Institute of Technology",
        "Institute of Technology of Cambodia",
    ],
)
def test_names_with_two_heads_stay_whole(name: str) -> None:
    assert [s.text for s in find_names(f"The {name} signed an agreement with Lakeside University.")] == [
        name,
        "Lakeside University",
    ]


def test_russian_unit_closed_by_its_parents_acronym() -> None:
    """ "Институт физики РГУ": a unit of the organisation its closing acronym names, so a deal
    of that unit is the parent's; "Университет ИТМО" stays one name."""
    found = [(s.text, s.kind) for s in find_names("Институт физики РГУ и Университет ИТМО подписали соглашение.")]
    assert found == [("Институт физики", "unit"), ("Университет ИТМО", "name")]
    text = (
        "Речной государственный университет (РГУ) развивает связи с Озерным университетом. "
        "В понедельник Институт физики РГУ и Озерный университет подписали соглашение о сотрудничестве."
    )
    got = _parties(text)
    assert got == {frozenset({"Речной государственный университет", "Озерным университетом"})}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Das College of Marine Studies der Riverton-Universität und die Universität Seedorf unterzeichneten.",
            [("College of Marine Studies", "unit"), ("Riverton-Universität", "name"), ("Universität Seedorf", "name")],
        ),
        (
            "The RVU School of Law and Design of Riverton University signed it.",
            [("School of Law and Design", "unit"), ("Riverton University", "name")],
        ),
    ],
)
def test_units_of_a_compound_parent_and_of_an_acronym(text: str, found: list[tuple[str, str]]) -> None:
    """ "College of X der Riverton-Universität": the compound is the parent; "RVU School of Law":
    a school of the organisation the acronym names."""
    assert [(s.text, s.kind) for s in find_names(text)] == found


def test_unit_before_a_bare_parent_word_reads_without_error() -> None:
    """ "das College of Arts der Universität" (no name after the head word): no parent named."""
    assert [s.kind for s in find_names("Das College of Arts der Universität lädt ein.")] == ["name"]


def test_school_named_by_its_parents_acronym_gives_the_parent_as_party() -> None:
    text = "News\nThe RVU School of Management signed an agreement with Lakeside University on Monday."
    assert _parties(text) == {frozenset({"RVU", "Lakeside University"})}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The Business School confirmed that it is in talks with Lakeside University about a joint master's.", "unit"),
        ("The Graduate School of Management signed a memorandum of understanding with Lakeside University.", "unit"),
        ("Riverton Business School signed a memorandum of understanding with Lakeside University.", "name"),
        ("Die Kölner Fakultät für Medizin unterzeichnete mit der Lakeside University eine Vereinbarung.", "unit"),
    ],
)
def test_a_school_named_by_its_field_alone_is_a_unit(text: str, kind: str) -> None:
    """ "The Business School" and "die Kölner Fakultät" name no organisation of their own (a part
    of the publisher, of the city's university); "Riverton Business School" does."""
    assert [s.kind for s in find_names(text)] == [kind, "name"]


def test_a_unit_named_by_its_field_leaves_the_publisher_as_party() -> None:
    text = (
        "Northvale University news\nThe Business School confirmed this week that it is in talks with "
        "Lakeside University about a joint executive master's in finance."
    )
    assert _parties(text) == {frozenset({"Northvale University", "Lakeside University"})}


def test_a_list_of_centres_ending_in_the_trigger_words_are_objects_not_parties() -> None:
    """ "研究院设海洋科学研究中心、精准医学研究中心和智能计算研究中心": the joint institute's centres are
    what it holds, not partners of a joint laboratory of their own."""
    text = (
        "北海大学与南湖大学共同建设联合研究院。"
        "研究院设海洋科学研究中心、精准医学研究中心和智能计算研究中心，经费主要由省财政支持。"
    )
    assert _parties(text) == {frozenset({"北海大学", "南湖大学"})}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "L'Université de Northbay signera en décembre une convention de double diplôme avec Vexa INP - UL, "
            "l'institut d'ingénierie de l'Université de Lakeside.",
            {frozenset({"Université de Northbay", "Université de Lakeside"})},
        ),
        (
            "Northbay University launched a double degree with the Vexa Business School, the business school of "
            "Lakeside University, in 2015.",
            {frozenset({"Northbay University", "Lakeside University"})},
        ),
    ],
)
def test_a_unit_told_in_an_apposition_gives_its_parent_as_party(text: str, expected: set[frozenset[str]]) -> None:
    """ "avec X, l'institut d'ingénierie de l'Université Y", "with X, the business school of Y": Y is
    the party, X its unit."""
    assert _parties(text) == expected
