"""A programme or a centre dated by the start the next sentence tells.

A user relies on: "X and Y signed an agreement on a joint master's programme. The programme
starts in autumn 2026." giving the programme the date 2026 (and the status planned, the start
lying after the publication date) while the agreement keeps its signing date, in English, Italian,
German, French, Spanish, Italian, Russian and Chinese; and on the next sentence NOT dating it when it
gives the end of a term ("extends the programme to 2033"), names another organisation's
start, or lies in another paragraph.
"""

from __future__ import annotations

import pytest

import partnerkit as pk
from tests.conftest import dates_by_kind


def _dated(text: str) -> dict[str, tuple[str | None, str]]:
    return dates_by_kind(text, published="2024-05-10")


@pytest.mark.parametrize(
    ("text", "kind", "date"),
    [
        (
            "Northvale University and Southmere University signed an agreement on 7 May 2024 on a joint "
            "master's programme in marine ecology. The first students will start in September 2025.",
            "joint_programme",
            "2025-09",
        ),
        (
            "Die Universität Nordtal und die Universität Südsee haben am 7. Mai 2024 eine Vereinbarung über "
            "einen gemeinsamen Masterstudiengang unterzeichnet. Der Studiengang startet im Herbst 2026.",
            "joint_programme",
            "2026",
        ),
        (
            "L'Université de Nordval et l'Université de Sudmer ont signé le 7 mai 2024 un accord de double "
            "diplôme en chimie. Les premiers étudiants seront admis à l'automne 2025.",
            "double_degree",
            "2025",
        ),
        (
            "La Universidad de Nortevalle y la Universidad de Surmar firmaron el 7 de mayo de 2024 un convenio "
            "de doble titulación en química. Los primeros estudiantes comenzarán en 2025.",
            "double_degree",
            "2025",
        ),
        (
            "Северный университет и Южный университет подписали 7 мая 2024 года соглашение о создании "
            "сетевой магистерской программы по химии. Набор на программу начнётся в 2026 году.",
            "joint_programme",
            "2026",
        ),
        (
            "Die Universität Nordtal und die Universität Südsee haben am 7. Mai 2024 die Gründung eines "
            "gemeinsamen Forschungsinstituts vereinbart. Das Institut soll 2025 seine Arbeit aufnehmen.",
            "joint_lab",
            "2025",
        ),
        (
            "L'Università di Nordvalle e l'Università di Sudmare hanno firmato il 7 maggio 2024 un accordo per "
            "una doppia laurea nel campo della chimica. I primi studenti inizieranno nel settembre 2025.",
            "double_degree",
            "2025-09",
        ),
        (
            "北湾大学与山顶大学于2024年5月7日签署合作协议，将合作开设双学位项目。首批学生将于2025年9月入学。",
            "double_degree",
            "2025-09",
        ),
    ],
)
def test_the_next_sentence_dates_the_start(text: str, kind: str, date: str) -> None:
    got = _dated(text)
    assert got[kind] == (date, "planned")


def test_the_document_keeps_its_signing_date() -> None:
    got = _dated(
        "Northvale University and Southmere University signed an agreement on 7 May 2024 on a joint "
        "master's programme in marine ecology. The first students will start in September 2025."
    )
    assert got["agreement"][0] == "2024-05-07"


@pytest.mark.parametrize(
    "second",
    [
        # the end of a term, not a start
        "The renewal extends the programme to 2033 and opens it to students of design.",
        # another organisation's start
        "The first students of Eastbrook University will start in September 2025.",
        # another paragraph
        "\nThe first students will start in September 2025.",
    ],
)
def test_the_next_sentence_gives_no_start(second: str) -> None:
    text = (
        "Northvale University and Southmere University signed an agreement on 7 May 2024 on a joint "
        "master's programme in marine ecology. " + second
    )
    got = _dated(text)
    assert got["joint_programme"][0] in (None, "2024-05-07")


def test_a_closing_then_the_opening_in_the_next_sentence_is_one_office() -> None:
    """ "X will close its campus in Y. The campus, opened in 2012, ...": one ended office dated
    2012 (its opening), not a second running one."""
    text = (
        "Northvale University will close its campus in Nicosia, Cyprus, at the end of the 2026/27 "
        "academic year. The campus, opened in 2012, will stop admitting new students this September."
    )
    got = [
        (p.kind.value, p.status.value, str(p.date), p.location.city if p.location else None)
        for p in pk.extract(text, published="2025-06-03").partnerships
    ]
    assert got == [("office", "ended", "2012", "Nicosia")]


def test_an_office_opened_elsewhere_in_the_next_sentence_stays_apart() -> None:
    text = (
        "Northvale University will close its campus in Nicosia, Cyprus, next year. "
        "The university opened an office in Nairobi in 2012."
    )
    got = {(p.status.value, p.location.city if p.location else None) for p in pk.extract(text).partnerships}
    assert got == {("ended", "Nicosia"), ("active", "Nairobi")}
