"""Inflected forms read as the registry's words (partnerkit._matching._inflect).

What a user relies on: a name carrying a declined place name that no registered name
carries ("Чеченский" -> "chechensk", "w Lublinie") still finds the institution the registry
writes with the plain form, the explanation says which word was read, and a one-word brand
or a word with several registered forms is left as written.
"""

from __future__ import annotations

import pickle
from pathlib import Path

import partnerkit as pk
from partnerkit._matching import Index
from partnerkit._matching._inflect import inflections, read_inflected, skeleton_table


def _reg(*names: str) -> pk.Registry:
    return pk.Registry([pk.Institution(id=f"i{k}", name=n) for k, n in enumerate(names)])


def test_declined_city_finds_the_plain_form() -> None:
    reg = _reg("Chechen State University", "Chechen State Pedagogical University", "Tomsk State University")
    best = reg.match("Чеченский государственный университет")[0]
    assert (best.institution.name, best.decision) == ("Chechen State University", pk.Decision.MATCH)
    assert "chechensk = chechen" in str(best.explanation)


def test_locative_of_a_city_finds_the_plain_form() -> None:
    best = _reg("University of Life Sciences in Lublin", "Lublin University of Technology").match(
        "University of Life Sciences in Lublinie"
    )[0]
    assert (best.institution.name, best.decision) == ("University of Life Sciences in Lublin", pk.Decision.MATCH)


def test_a_word_with_two_registered_forms_is_left_as_written() -> None:
    index = Index(
        [pk.Institution(id="a", name="Institute of Polymers"), pk.Institution(id="b", name="Polymer Institute")]
    )
    assert read_inflected(index, "institute polymere", frozenset({"polymere"})) == ("institute polymere", {})


def test_a_one_word_name_is_not_read() -> None:
    index = Index([pk.Institution(id="a", name="Anatech")])
    assert read_inflected(index, "anatel", frozenset({"anatel"})) == ("anatel", {})
    assert all(m.decision is not pk.Decision.MATCH for m in _reg("Anatech").match("Anatel"))


def test_registered_words_are_never_reread() -> None:
    index = Index([pk.Institution(id="a", name="Kazan University"), pk.Institution(id="b", name="Kazakh University")])
    assert read_inflected(index, "kazan university", frozenset({"kazan"})) == ("kazan university", {})


def test_forms_need_a_long_shared_start() -> None:
    index = Index([pk.Institution(id="a", name="Kamchatka State University")])
    assert inflections(index).forms("kamchatsk") == ["kamchatka"]
    assert inflections(index).forms("kamchadals") == []  # four letters after the shared start
    assert inflections(index).forms("kamch") == []


def test_the_vocabulary_is_not_pickled() -> None:
    index = Index([pk.Institution(id="a", name="Kamchatka State University")])
    inflections(index)
    again = pickle.loads(pickle.dumps(index))
    assert again.inflections is None
    assert inflections(again).forms("kamchatsk") == ["kamchatka"]


def test_arabic_word_without_vowels_finds_the_word_it_spells() -> None:
    """Other institutions teach جامعة = university; "جدارا" (jdr) spells the consonants of Jadara."""
    reg = pk.Registry(
        [
            pk.Institution(id="h", name="Helwan University", labels={"ar": "جامعة حلوان"}),
            pk.Institution(id="b", name="University of Baghdad", labels={"ar": "جامعة بغداد"}),
            pk.Institution(id="j", name="Jadara University"),
        ]
    )
    best = reg.match("جامعة جدارا")[0]
    assert (best.institution.id, best.decision) == ("j", pk.Decision.MATCH)
    assert "jdr = jadara" in str(best.explanation)
    index = Index([pk.Institution(id="j", name="Jadara University")])
    assert read_inflected(index, "university jdr", frozenset({"jdr"})) == ("university jdr", {})  # Latin script: no


def test_a_registry_keeps_the_skeleton_table_in_its_file(tmp_path: Path) -> None:
    """The table of consonant skeletons is built with a registry and saved with it (the first
    abjad query of a loaded registry does not build it); an index made otherwise builds it on
    first use, the same table."""
    insts = [
        pk.Institution(id="j", name="Jadara University"),
        pk.Institution(id="m", name="Monastir University", aliases=("Université de Monastir",)),
        pk.Institution(id="g", name="Maragheh University"),
    ]
    reg = pk.Registry(insts)
    assert reg.index.skeletons is not None
    reg.save(tmp_path / "r.pkreg")
    loaded = pk.Registry.load(tmp_path / "r.pkreg")
    assert loaded.index.skeletons == reg.index.skeletons
    plain = Index(insts)
    assert plain.skeletons is None
    assert skeleton_table(plain) == reg.index.skeletons
    assert inflections(loaded.index).spelled("jdr") == ["jadara"]
    assert inflections(plain).spelled("mnstr") == ["monastir"]
    assert inflections(plain).spelled("mrg") == ["maragheh"]  # a final h (ta marbuta) is left out
    assert inflections(plain).spelled("xy") == []  # too short a skeleton
