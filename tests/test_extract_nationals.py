"""Nationality descriptions ("the Dutch university"): a user relies on a partner that a text
names once and then describes by its country being the party of the later sentences, and on a
description that fits no organisation named before naming nobody (never a party of its own)."""

from __future__ import annotations

import pytest

import partnerkit as pk
from partnerkit._extract._patterns import find_names


def _described(text: str) -> dict[str, str]:
    ex = pk.extract(text)
    return {m.text: m.name for m in ex.mentions if m.kind == "definite"}


def _pairs(text: str) -> set[tuple[str, frozenset[str]]]:
    ex = pk.extract(text)
    return {(p.kind.value, frozenset(x.name for x in p.parties)) for p in ex.partnerships}


@pytest.mark.parametrize(
    ("text", "described", "name"),
    [
        # a country set beside the name
        (
            "Kelvane University and Brindlemoor University, Australia, signed an agreement on Monday. "
            "The Australian university's rector spoke first.",
            "Australian university",
            "Brindlemoor University",
        ),
        # a country in brackets, and a two-word nationality
        (
            "Ostrel University and Varnholt University (South Africa) met in May. "
            "The South African university will host the next meeting.",
            "South African university",
            "Varnholt University",
        ),
        # "Kenya's X"
        (
            "Tallow College and Kenya's Merrow University signed a memorandum. "
            "The rector of the Kenyan university thanked the guests.",
            "Kenyan university",
            "Merrow University",
        ),
        # a city of the gazetteer inside the name
        (
            "Pellan University signed an exchange agreement with the University of Tokyo on 4 May. "
            "The Japanese university first hosted Pellan students in 1999.",
            "Japanese university",
            "University of Tokyo",
        ),
        # no country known: the one university named before, outside the description's sentence
        (
            "Corvane University and Haldric University signed a research agreement yesterday. "
            "It was signed by Corvane's president and the Finnish university's president.",
            "Finnish university",
            "Haldric University",
        ),
    ],
)
def test_description_denotes_the_organisation_of_that_country(text: str, described: str, name: str) -> None:
    assert _described(text).get(described) == name


def test_described_partner_is_the_party() -> None:
    text = (
        "Kelvane University and Brindlemoor University, Australia, signed an agreement on Monday. "
        "The Australian university also opened an office in Jakarta in 2020."
    )
    parties = {frozenset(x.name for x in p.parties) for p in pk.extract(text).partnerships if p.kind.value == "office"}
    assert parties == {frozenset({"Brindlemoor University"})}


def test_both_described_after_a_pair() -> None:
    text = (
        "Pellan University and the University of Tokyo have renewed their student exchange agreement. "
        "Both universities are members of the Association of Pacific Rim Universities. "
        "The Japanese university joined the Tasman Research Network in 2010."
    )
    got = _pairs(text)
    assert ("membership", frozenset({"University of Tokyo", "Tasman Research Network"})) in got
    assert not any("Japanese university" in parties for _kind, parties in got)


@pytest.mark.parametrize(
    "text",
    [
        # a country's side is no organisation
        "Pellan University and Zarand University signed a memorandum. "
        "On the Iranian side, it was signed by the rector.",
        # two universities of unknown country: the description fits neither for sure
        "Corvane University, Haldric University and Ostrel University met. The Finnish university spoke first.",
        # no organisation of that kind named before
        "The Dutch university signed nothing. Pellan Network was founded in 2001.",
    ],
)
def test_description_without_a_sure_referent_names_nobody(text: str) -> None:
    assert not any(k.endswith(("side", "university")) for k in _described(text))
    assert all(
        "university" not in name.split()[-1]
        for p in pk.extract(text).partnerships
        for name in (x.name for x in p.parties)
    )


def test_lower_case_possessive_head_is_no_name() -> None:
    assert find_names("the Australian university's Deputy Vice-Chancellor signed it") == []
