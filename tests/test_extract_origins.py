"""Origins in a member list are no members.

A user relies on: "A and B from the European Union, and C from Central Asia" listing the
members A, B and C of a consortium, without the European Union (the origin of A and B); and on
"researchers from A, B and C" still naming A, B and C (no organisation before "from").
"""

from __future__ import annotations

import pytest

import partnerkit as pk


def _members(text: str) -> list[list[str]]:
    ex = pk.extract(text, published="2024-05-10")
    return [sorted(p.name for p in r.parties) for r in ex.partnerships if r.kind.value == "consortium"]


@pytest.mark.parametrize(
    "text",
    [
        "Five universities make up the NORDLINK consortium: Northvale University, Eastbrook University and "
        "Westmere University from the European Union, and Southmere University and Lakeside University "
        "from Central Asia.",
        "The NORDLINK consortium brings together Northvale University, Eastbrook University and Westmere "
        "University from the Union of Nordic Universities, and Southmere University and Lakeside University "
        "from the Central Asian Universities Association.",
    ],
)
def test_the_origin_of_listed_members_is_no_member(text: str) -> None:
    (members,) = _members(text)
    assert members == [
        "Eastbrook University",
        "Lakeside University",
        "Northvale University",
        "Southmere University",
        "Westmere University",
    ]


def test_an_organisation_after_a_plain_from_stays_a_member() -> None:
    (members,) = _members(
        "The consortium brings together researchers from Northvale University, Eastbrook University and "
        "Southmere University."
    )
    assert members == ["Eastbrook University", "Northvale University", "Southmere University"]
