"""Group references: "the three universities" are the three named before.

A user relies on: "A, B and C ... The three universities signed an agreement" giving one
agreement of A, B and C (in English, German, French, Spanish and Portuguese), and on a count that
no list before matches ("the four universities" after three names) adding no party; an acronym in
brackets after a listed name ("A (NU), B and C") does not break the list.
"""

from __future__ import annotations

import pytest

import partnerkit as pk

_THREE = frozenset({"Northvale University", "Eastbrook University", "Southmere University"})


def _agreements(text: str) -> list[frozenset[str]]:
    ex = pk.extract(text, published="2024-05-10")
    return [frozenset(p.name for p in r.parties) for r in ex.partnerships if r.kind.value == "agreement"]


@pytest.mark.parametrize(
    "text",
    [
        "Northvale University, Eastbrook University and Southmere University run a joint summer school in "
        "Lagos. On 3 May 2024 the three universities signed an agreement to extend their cooperation.",
        "Die Northvale University, die Eastbrook University und die Southmere University betreiben eine "
        "gemeinsame Sommerschule in Lagos. Am 3. Mai 2024 unterzeichneten die drei Hochschulen eine "
        "Vereinbarung.",
        "La Northvale University, l'Eastbrook University et la Southmere University organisent une école "
        "d'été à Lagos. Le 3 mai 2024, les trois universités ont signé un accord-cadre.",
        "La Northvale University, la Eastbrook University y la Southmere University organizan una escuela "
        "de verano en Lagos. El 3 de mayo de 2024 las tres universidades firmaron un convenio marco.",
        "A Northvale University, a Eastbrook University e a Southmere University organizam uma escola de verão "
        "em Lagos. Em 3 de maio de 2024, as três universidades assinaram um convênio.",
    ],
)
def test_the_group_is_the_list_of_that_many_before(text: str) -> None:
    assert _agreements(text) == [_THREE]


def test_a_count_no_list_matches_adds_no_party() -> None:
    got = _agreements(
        "Northvale University, Eastbrook University and Southmere University run a joint summer school in "
        "Lagos. On 3 May 2024 the four universities signed an agreement to extend their cooperation."
    )
    assert all(len(parties) < 4 for parties in got)
    assert _THREE not in got


def test_an_acronym_in_brackets_inside_the_list_does_not_break_it() -> None:
    """ "A (NU), B and C ... the three universities": NU is A's acronym, the list still has three."""
    got = _agreements(
        "Northvale University (NU), Eastbrook University and Southmere University run a joint summer school in "
        "Lagos. On 3 May 2024 the three universities signed an agreement to extend their cooperation."
    )
    assert got == [_THREE]
