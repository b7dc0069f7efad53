"""Extraction of parties named through officials, documents signed later, and carried dates.

A user relies on: a document stated without its parties taking the organisations whose
officials sign it in the next sentence (each official acting for the first organisation of
their titles); what a document sets up ("the X Centre in A and the Y Centre in B") being its
object, never a party; a signing without a date of its own taking the date its paragraph
gives; bare "acuerdo"/"convenio"/"accord" being agreements.
"""

from __future__ import annotations

import pytest

import partnerkit as pk


def _facts(text: str, published: str | None = "2023-01-01") -> set[tuple[str, frozenset[str], str | None]]:
    ex = pk.extract(text, published=published)
    return {
        (p.kind.value, frozenset(x.name for x in p.parties), str(p.date) if p.date else None) for p in ex.partnerships
    }


def test_document_takes_the_parties_its_officials_sign_for() -> None:
    text = (
        "A memorandum of understanding on the establishment of the Association of Polar Universities was "
        "signed in Oslo. The document was signed by the President of the Northern Rectors' Union, Rector of "
        "Alpha State University A. B. Ivanov, and the President of the Southern Rectors Council, Rector of "
        "Beta University C. Diaz."
    )
    pair = frozenset({"Northern Rectors' Union", "Southern Rectors Council"})
    assert _facts(text) == {("mou", pair, None), ("consortium", pair, None)}


def test_second_post_of_one_official_is_not_a_party() -> None:
    text = (
        "The agreement was signed by the Rector of Alpha University, President of the Gamma Association "
        "J. Smith, and the Rector of Beta University K. Lee on 4 May 2021."
    )
    assert _facts(text) == {("agreement", frozenset({"Alpha University", "Beta University"}), "2021-05-04")}


def test_signatories_in_a_later_paragraph_do_not_claim_the_document() -> None:
    text = (
        "A memorandum of understanding was signed in Oslo.\n\n"
        "The document was signed by the Rector of Alpha University and the Rector of Beta University."
    )
    assert ("mou", frozenset({"Alpha University", "Beta University"}), None) not in _facts(text)


def test_set_up_objects_in_a_list_are_not_parties() -> None:
    text = (
        "Alpha University and Beta University signed an agreement on the establishment of the Alpha Research "
        "Center in Lima and the Beta Center in Quito."
    )
    facts = _facts(text)
    assert ("agreement", frozenset({"Alpha University", "Beta University"}), None) in facts
    assert all("Beta Center" not in parties for _kind, parties, _date in facts)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            "Alpha University and Beta University signed a memorandum of understanding. "
            "The signing ceremony took place on 12 March 2020.",
            "2020-03-12",
        ),
        (
            "On 3 June 2019 a delegation of Alpha University visited Lima. The rectors met to discuss the plans. "
            "Alpha University and Beta University signed a cooperation agreement.",
            "2019-06-03",
        ),
    ],
)
def test_signing_takes_the_date_of_its_paragraph(text: str, date: str) -> None:
    assert {d for _k, _p, d in _facts(text)} == {date}


def test_date_is_not_carried_across_paragraphs_or_past_another_deal() -> None:
    across = (
        "On 3 June 2019 a delegation of Alpha University visited Lima.\n\n"
        "Alpha University and Beta University signed a cooperation agreement."
    )
    assert {d for _k, _p, d in _facts(across)} == {None}
    past_deal = (
        "On 3 June 2019 Alpha University and Gamma University signed an agreement. "
        "The rectors met again. Alpha University and Beta University signed a memorandum of understanding."
    )
    facts = _facts(past_deal)
    assert ("mou", frozenset({"Alpha University", "Beta University"}), None) in facts


@pytest.mark.parametrize(
    "text",
    [
        "La Universidad de Alfa y la Universidad de Beta firmaron un convenio.",
        "La Universidad de Alfa y la Universidad de Beta firmaron un acuerdo ayer.",
        "L'Université d'Alpha et l'Université de Beta ont signé un accord mardi.",
    ],
)
def test_bare_agreement_words_in_spanish_and_french(text: str) -> None:
    assert {k for k, _p, _d in _facts(text)} == {"agreement"}


def test_partners_listed_after_a_counted_object_each_get_the_document() -> None:
    """ "signed memoranda with five universities ... The five partners are A, B ...": one per partner,
    with the signing sentence's date, even when the list opens the next paragraph."""
    text = (
        "Vilamar Institute signs five MoUs at summit\n\n"
        "The Vilamar Institute of Technology (VIT) signed memoranda of understanding with three universities "
        "on 19 February 2026, the second day of the summit on its campus.\n\n"
        "The three partners are Lagoa University, Montoro University and Alcara University. The memoranda "
        "were signed by the VIT director."
    )
    vit = "Vilamar Institute of Technology"
    assert {f for f in _facts(text) if f[0] == "mou"} == {
        ("mou", frozenset({vit, uni}), "2026-02-19")
        for uni in ("Lagoa University", "Montoro University", "Alcara University")
    }


def test_a_list_without_a_counted_object_before_it_is_no_partner_list() -> None:
    text = (
        "The Vilamar Institute of Technology signed a memorandum of understanding on 19 February 2026.\n\n"
        "Its partners are Lagoa University and Montoro University in several research projects."
    )
    assert not any(len(f[1]) == 2 and f[0] == "mou" for f in _facts(text))
