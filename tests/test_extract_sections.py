"""Extraction across the parts of a press release (texts written for these tests, invented names).

A user relies on: the paragraphs under an "About X" heading ("À propos de X", "Über X", "Sobre X")
speaking of X, so "It is a member of N" there gives X's membership, not that of the organisation
the rest of the text is about; the heading word is no part of the name ("About Riverton
University" names Riverton University).
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
