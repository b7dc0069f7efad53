"""A run of name-like words is cut to the name it holds: after an English head only "of/for ..."
goes on, but a head spelt alike in English and French followed by a French adjective and "des/du/de"
is a French name and keeps its tail ("Association Européenne des Conservatoires")."""

from __future__ import annotations

import pytest

import partnerkit as pk


@pytest.mark.parametrize(
    ("text", "network"),
    [
        (
            "Ostrel University is a member of the Association Européenne des Orchestres (AEO).",
            "Association Européenne des Orchestres",
        ),
        (
            "Ostrel University is a member of the Union Internationale des Écoles de Danse.",
            "Union Internationale des Écoles de Danse",
        ),
        # English order is unchanged
        ("Ostrel University is a member of the Association of Varnish Colleges.", "Association of Varnish Colleges"),
        (
            "Ostrel University is a member of the Varnish Association for Dance Education.",
            "Varnish Association for Dance Education",
        ),
    ],
)
def test_a_french_name_after_a_head_spelt_alike_keeps_its_tail(text: str, network: str) -> None:
    ex = pk.extract(text, published="2026-02-12")
    assert [{x.name for x in p.parties} for p in ex.partnerships] == [{"Ostrel University", network}]


def test_an_english_head_with_a_capitalised_word_after_it_stops_there() -> None:
    """ "the Association Européenne" with no "des/du/de" after it is a name of those two words."""
    ex = pk.extract("Ostrel University is a member of the Association Européenne.", published="2026-02-12")
    assert [{x.name for x in p.parties} for p in ex.partnerships] == [{"Ostrel University", "Association Européenne"}]
