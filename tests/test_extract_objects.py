"""A body named after two institutions of its sentence ("the ASU-Beta Institute") is what they set
up, never a third party, whether the name uses their full names or their acronyms; the pair in play
after it is the two institutions."""

from __future__ import annotations

import pytest

import partnerkit as pk

_LATER = (
    "\n\nThe institute grows out of a memorandum of understanding that the two universities signed in November 2025."
)


@pytest.mark.parametrize(
    ("first", "pair"),
    [
        (
            "Alpha University and Beta University on Thursday inaugurated the Alpha-Beta Institute of Food Systems, "
            "a joint research institute housed on the Alpha campus.",
            frozenset({"Alpha University", "Beta University"}),
        ),
        # the body named by one partner's acronym, defined in the same sentence
        (
            "Alpha State Agrarian University (ASAU) and Beta University on Thursday inaugurated the ASAU-Beta "
            "Institute of Food Systems, a joint research institute housed on the ASAU campus.",
            frozenset({"Alpha State Agrarian University", "Beta University"}),
        ),
    ],
)
def test_a_body_named_after_two_institutions_is_their_joint_lab(first: str, pair: frozenset[str]) -> None:
    ex = pk.extract(first + _LATER, published="2026-05-15")
    got = {(p.kind.value, frozenset(x.name for x in p.parties), str(p.date)) for p in ex.partnerships}
    assert got == {("joint_lab", pair, "2026-05-14"), ("mou", pair, "2025-11")}
