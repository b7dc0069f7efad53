"""Word alignment of two names of one institution (partnerkit._matching._align).

What a user relies on: names of one institution in two languages teach the registry their
declined place names and translated words even when the names differ in several words,
and only pairs that many institutions show are learned.
"""

from __future__ import annotations

import pytest

import partnerkit as pk
from partnerkit._matching import Index
from partnerkit._matching._align import aligned_pairs, cognate


def _words(name: str) -> frozenset[str]:
    return frozenset(pk.normalize_name(name).split())


@pytest.mark.parametrize(
    ("a", "b", "pairs"),
    [
        # a declined city beside the English one, the other words shared
        ("Волгоградский государственный медицинский университет", "Volgograd State Medical University",
         [("volgograd", "volgogradsk")]),
        # the inflected form aligned first, then the one word left on each side
        ("Uniwersytet Przyrodniczy w Lublinie", "Lublin Nature University",
         [("lublin", "lublinie"), ("nature", "przyrodniczy")]),
        # an unknown word beside an organisation word
        ("Prifysgol Sussex", "University of Sussex", [("prifysgol", "university")]),
        # two words left on one side: not a translation
        ("Politechnika Gdańska", "Gdańsk University of Technology", [("gdansk", "gdanska")]),
        # two organisation words: a rename, not a translation
        ("Belhaven College", "Belhaven University", []),
        # two starts alike on one side: not aligned
        ("Kazan Kazakh Institute", "Kazakhsk Institute", []),
        # other names altogether
        ("Alpha Beta Gamma Delta Epsilon Zeta Eta Theta", "University", []),
    ],
)  # fmt: skip
def test_aligned_pairs(a: str, b: str, pairs: list[tuple[str, str]]) -> None:
    assert sorted(aligned_pairs(_words(a), _words(b))) == pairs
    assert sorted(aligned_pairs(_words(b), _words(a))) == pairs  # symmetric


def _ru(id: str, city: str, adj: str, field: str, field_ru: str) -> pk.Institution:
    return pk.Institution(
        id=id,
        name=f"{city} State {field} University",
        labels={"ru": f"{adj} государственный {field_ru} университет"},
        country="RU",
    )


TEACHERS = [
    _ru("m", "Volgograd", "Волгоградский", "Medical", "медицинский"),
    _ru("t", "Volgograd", "Волгоградский", "Technical", "технический"),
]


def test_declined_city_learned_from_other_institutions_finds_the_english_name() -> None:
    reg = pk.Registry([*TEACHERS, pk.Institution(id="u", name="Volgograd State University", country="RU")])
    best = reg.match("Волгоградский государственный университет")[0]
    assert (best.institution.id, best.decision) == ("u", pk.Decision.MATCH)
    assert "volgogradsk = volgograd" in str(best.explanation)


def test_one_institution_teaches_no_declined_form() -> None:
    assert "volgogradsk" not in Index(TEACHERS[:1]).translations


def test_organisation_word_translation_keeps_the_organisation_word() -> None:
    """ "prifysgol" is read as "university" (not the other way), so it stays a non-distinctive word."""
    insts = [
        pk.Institution(id=c.lower(), name=f"University of {c}", labels={"cy": f"Prifysgol {c}"})
        for c in ["Sussex", "Plymouth", "Exeter"]
    ]
    table = Index(insts).translations
    assert table["prifysgol"] == "university"
    assert "university" not in table


def test_a_word_written_beside_many_others_is_not_a_translation() -> None:
    """ "central" beside "centre" in two institutions, but written by many more: not learned."""
    pairs = [pk.Institution(id=f"p{k}", name=f"Place{k} Centre", aliases=(f"Place{k} Central",)) for k in "ab"]
    others = [pk.Institution(id=f"o{k}", name=f"Other{k} Central Hospital") for k in range(30)]
    assert "central" in Index(pairs).translations or "centre" in Index(pairs).translations
    assert Index(pairs + others).translations.get("central") is None


def test_unvowelled_word_aligns_with_the_word_it_spells() -> None:
    assert aligned_pairs(_words("جامعة حلوان"), _words("Helwan University")) == [
        ("helwan", "hlwn"),
        ("jmh", "university"),
    ]
    assert aligned_pairs(_words("Brln Zoo"), _words("Berlin Zoo")) == [("berlin", "brln")]
    assert aligned_pairs(_words("Jdr Alpha Zoo"), _words("Jordan Gamma Zoo")) == []  # jrdn is not jdr


@pytest.mark.parametrize(
    ("x", "y", "expected"),
    [
        ("geografski", "geographical", True),
        ("tecnologicos", "technology", True),
        ("leukemic", "leucemique", True),
        ("singapur", "singapore", True),
        ("physics", "physiology", False),  # a shared start, but the words go on differently
        ("nationalbibliothek", "nationalbank", False),  # compounds sharing their first part
        ("austria", "australia", False),  # two countries
        ("marina", "mariana", False),  # one letter apart, but not one stem
        ("unipa", "unipi", False),  # short words
    ],
)
def test_cognate(x: str, y: str, expected: bool) -> None:
    assert cognate(x, y) is expected
    assert cognate(y, x) is expected
