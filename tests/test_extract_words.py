"""Names found by shape lose an English possessive ending ("the University of Glasgow's partners")
and nothing else; the quick check of the ending must agree with the pattern everywhere; "Clinic" is a
head word, so a hospital network ("X Clinic") is a party; a Nordic name with its head after it
("Karolinska Institutet", "Lunds universitet") is a party, and its bare first word names it later."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import partnerkit as pk
from partnerkit._extract._patterns._words import _POSSESSIVE_END, Span, without_possessive


def _as_first_written(span: Span) -> Span:
    m = _POSSESSIVE_END.search(span.text)
    if m is None or span.kind != "name":
        return span
    return Span(span.start, span.end - (m.end() - m.start()), span.text[: m.start()], span.kind, span.head)


@given(
    st.lists(st.sampled_from(["Glasgow", "Leeds", "s", "'", "’", "s", " ", "\n", "x", "-", "University"]), max_size=8),
    st.sampled_from(["name", "unit", "acronym"]),
)
def test_the_possessive_is_cut_where_the_pattern_cuts_it(pieces: list[str], kind: str) -> None:
    text = "".join(pieces)
    span = Span(3, 3 + len(text), text, kind, "university")
    assert without_possessive(span) == _as_first_written(span)


def test_a_possessive_ending_is_no_part_of_a_name() -> None:
    assert without_possessive(Span(0, 19, "Glasgow University's", "name")).text == "Glasgow University"
    assert without_possessive(Span(0, 20, "Leeds Universities'\n", "name")).text == "Leeds Universities"
    assert without_possessive(Span(0, 8, "HUST's", "acronym")).text == "HUST's"


def test_a_clinic_is_a_head_so_a_hospital_network_is_a_party() -> None:
    text = "The Varnell University (VU) and Ostrel Clinic signed a five-year agreement on specialist training."
    ex = pk.extract(text, published="2026-06-25")
    assert [sorted(x.name for x in p.parties) for p in ex.partnerships] == [["Ostrel Clinic", "Varnell University"]]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Ostrel University signed a memorandum of understanding with Norrvik Institutet on 3 March 2025.",
            {"Ostrel University", "Norrvik Institutet"},
        ),
        (
            "Fjellby Universitet and Ostrel University signed an exchange agreement.",
            {"Fjellby Universitet", "Ostrel University"},
        ),
        # Swedish and Finnish write the head in lower case after the name
        (
            "Ostrel University signed an agreement with Varbergs universitet.",
            {"Ostrel University", "Varbergs universitet"},
        ),
        ("Ostrel University signed an agreement with Järvelän yliopisto.", {"Ostrel University", "Järvelän yliopisto"}),
    ],
)
def test_a_nordic_name_with_its_head_after_it_is_a_party(text: str, names: set[str]) -> None:
    ex = pk.extract(text, published="2026-02-12")
    assert [{x.name for x in p.parties} for p in ex.partnerships] == [names]


def test_a_lower_case_nordic_head_alone_names_nothing() -> None:
    ex = pk.extract("Ostrel University signed an agreement with the universitet.", published="2026-02-12")
    assert [{x.name for x in p.parties} for p in ex.partnerships] == [{"Ostrel University"}]


def test_the_first_word_of_a_nordic_name_names_it_later() -> None:
    text = (
        "Ostrel University and Norrvik Institutet signed an agreement in 2020. "
        "Since then Norrvik has sent 40 students to Ostrel."
    )
    ex = pk.extract(text, published="2026-02-12")
    bare = [m for m in ex.mentions if m.text == "Norrvik"]
    assert [m.name for m in bare] == ["Norrvik Institutet"]
