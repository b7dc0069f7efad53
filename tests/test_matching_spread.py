"""Generic and subject words of a registry (partnerkit._matching._spread).

What a user relies on: a word that organisations in many countries carry ("protection") is a
subject word, a word one country holds ("kharkiv", even when frequent) is a proper name, so a
name of organisation and subject words only is descriptive and one with a place is not.
"""

from __future__ import annotations

import partnerkit as pk
from partnerkit._matching._spread import word_spread

COUNTRIES = ["NO", "DE", "FR", "PL", "UA", "CZ", "SK", "HU", "BR", "IN", "JP", "KR", "MX", "RS"]


def _registry() -> pk.Registry:
    insts = [pk.Institution(id=f"p-{c}", name=f"Institute of Plant Protection {c} Vahl", country=c) for c in COUNTRIES]
    insts += [pk.Institution(id=f"k-{i}", name=f"Kharkiv Institute {i}", country="UA") for i in range(40)]
    return pk.Registry(insts)


def test_subject_words_and_proper_names() -> None:
    reg = _registry()
    spread = word_spread(reg._index)
    assert spread.subject("protection")
    assert spread.subject("plant")
    assert not spread.subject("kharkiv")
    assert spread.descriptive(["institute", "plant", "protection"])
    assert not spread.descriptive(["kharkiv", "institute"])
    assert not spread.descriptive([])
    assert spread.countries_carrying(["institute", "plant", "protection"]) >= 3
    assert spread.countries_carrying(["kharkiv", "institute"]) == 1
    assert word_spread(reg._index) is spread
