"""Names with no organisation word that the text marks as organisations (``_patterns/_marked.py``).

A user relies on: a body named without "University"/"Association" in it still being a party
when the text itself says it is one: followed by its own acronym, named right after a network
noun ("the alliance X", "l'alliance européenne X"), described by an apposition ("X, a
cross-border alliance of ..."), or a German compound ("X-Gemeinschaft"); and on places,
states and the tails of longer names never being read as such names.
"""

from __future__ import annotations

import pytest

import partnerkit as pk
from partnerkit._extract._patterns._marked import find_marked


def _records(text: str) -> set[tuple[str, frozenset[str]]]:
    ex = pk.extract(text, published="2024-05-02")
    return {(p.kind.value, frozenset(x.name for x in p.parties)) for p in ex.partnerships}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Riverton University has joined Vexa – The Northern Campus, a cross-border alliance of five universities.",
            {("membership", frozenset({"Riverton University", "Vexa – The Northern Campus"}))},
        ),
        (
            "Riverton University joined the European university alliance Orbit U. in 2023.",
            {("membership", frozenset({"Riverton University", "Orbit U."}))},
        ),
        (
            "L'Université de Riverton a rejoint l'alliance européenne Orbit U. en 2023.",
            {("membership", frozenset({"Université de Riverton", "Orbit U."}))},
        ),
        (
            "Die Universität Riverton ist der Lorentz-Gemeinschaft beigetreten.",
            {("membership", frozenset({"Universität Riverton", "Lorentz-Gemeinschaft"}))},
        ),
        (
            "Riverton University and the Vexa Open Science Cloud (VOSC) signed a memorandum of understanding.",
            {("mou", frozenset({"Riverton University", "Vexa Open Science Cloud"}))},
        ),
    ],
)
def test_a_name_the_text_marks_as_an_organisation_is_a_party(
    text: str, expected: set[tuple[str, frozenset[str]]]
) -> None:
    assert _records(text) == expected


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("It is a member of the Association of Lusophone Language Universities, a network of 40.", []),
        ("Both joined the Consorcio de Universidades Nortenas, una red de universidades.", []),
        ("The delegation visited the Arab Republic of Egypt (ARE) in May.", []),
        ("They rank among the top 300 in Eastern Europe and Central Asia (EECA).", []),
        ("The network announced on Friday that the Guild meeting with Bergen takes place.", []),
        ("A consortium of Riverton and Bastia won the Horizon grant; the consortium BATTIX starts now.", []),
        ("Lund has also been part of the European university alliance ORBITA.", ["ORBITA"]),
        ("La universidad forma parte de la red universitaria Andina Norte desde 2010.", ["Andina Norte"]),
    ],
)
def test_only_marked_runs_are_names(text: str, found: list[str]) -> None:
    assert [s.text for s in find_marked(text)] == found
