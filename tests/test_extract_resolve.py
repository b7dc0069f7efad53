"""Entities resolved through a registry (``_extract/_resolve.py``): what a user relies on.

With a registry (a ``pk.Registry``, a plain list of institutions, or any object with
``get`` and ``match``), each organisation a text names is resolved to a registered
institution, with the places the text names as hints: "HUST" in a text that says Wuhan,
China is Huazhong, not Hanoi; places in the sentences that name the organisation count
before places elsewhere. A name the registry lacks, an ambiguous name with no place to
settle it, and a registry that cannot answer all leave the organisation unresolved
(``institution_id`` None): nothing is guessed.
"""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import partnerkit as pk
from partnerkit._extract._entities import Entity, Found
from partnerkit._extract._places import Place
from partnerkit._extract._resolve import resolve

HUST_CN = pk.Institution(
    id="hust", name="Huazhong University of Science and Technology", acronyms=("HUST",), country="CN", city="Wuhan"
)
HUST_VN = pk.Institution(
    id="hust-vn", name="Hanoi University of Science and Technology", acronyms=("HUST",), country="VN", city="Hanoi"
)
ITMO = pk.Institution(id="itmo", name="ITMO University", acronyms=("ITMO",), country="RU", city="Saint Petersburg")
ZIT = pk.Institution(id="zit", name="Zeta Institute of Technology", country="DE", city="Berlin")
INSTITUTIONS = [HUST_CN, HUST_VN, ITMO, ZIT]
REGISTRIES = [INSTITUTIONS, pk.Registry(INSTITUTIONS)]
IDS = ["list", "pk.Registry"]


def _ids(ex: pk.Extraction) -> dict[str, set[str | None]]:
    out: dict[str, set[str | None]] = {}
    for m in ex.mentions:
        out.setdefault(m.text, set()).add(m.institution_id)
    return out


HINTS = [
    {
        "description": "the text's city and country settle an acronym two registered bodies share",
        "text": "HUST signed a key partnership agreement with ITMO University. HUST is located in Wuhan, China.",
        "expected": {"HUST": {"hust"}, "ITMO University": {"itmo"}},
    },
    {
        "description": "the same acronym in a text about Vietnam is the other body",
        "text": "HUST and ITMO University signed an agreement in Hanoi, Vietnam.",
        "expected": {"HUST": {"hust-vn"}, "ITMO University": {"itmo"}},
    },
    {
        "description": "places in the organisation's own sentence count before places elsewhere",
        "text": "ITMO University opened an office in Hanoi, Vietnam, and one in Da Nang, Vietnam. "
        "In Wuhan, China, HUST signed an agreement with ITMO University.",
        "expected": {"HUST": {"hust"}},
    },
    {
        "description": "a defined acronym takes the institution of the full name (no place needed)",
        "text": "Huazhong University of Science and Technology (HUST) and ITMO University signed an MoU. "
        "HUST will host students.",
        "expected": {"HUST": {"hust"}, "Huazhong University of Science and Technology": {"hust"}},
    },
]


@pytest.mark.parametrize("registry", REGISTRIES, ids=IDS)
@pytest.mark.parametrize("case", HINTS, ids=[c["description"] for c in HINTS])
def test_the_text_settles_which_registered_body_a_name_is(case: dict[str, Any], registry: Any) -> None:
    ex = pk.extract(case["text"], registry=registry)
    got = _ids(ex)
    for text, ids in case["expected"].items():
        assert got.get(text) == ids, (text, got)


@pytest.mark.parametrize("registry", REGISTRIES, ids=IDS)
def test_parties_carry_the_resolved_institution(registry: Any) -> None:
    ex = pk.extract(
        "HUST signed a key partnership agreement with ITMO University. HUST is located in Wuhan, China.",
        registry=registry,
    )
    assert [[(x.name, x.institution_id) for x in p.parties] for p in ex.partnerships] == [
        [("Huazhong University of Science and Technology", "hust"), ("ITMO University", "itmo")]
    ]


@pytest.mark.parametrize("registry", REGISTRIES, ids=IDS)
def test_an_ambiguous_name_without_a_place_stays_unresolved(registry: Any) -> None:
    """Two registered bodies answer "HUST" and the text names no place: neither is guessed."""
    ex = pk.extract("HUST signed a key partnership agreement with ITMO University.", registry=registry)
    assert _ids(ex) == {"HUST": {None}, "ITMO University": {"itmo"}}
    assert [m.name for m in ex.mentions if m.text == "HUST"] == ["HUST"]


@pytest.mark.parametrize("registry", REGISTRIES, ids=IDS)
def test_a_name_absent_from_the_registry_stays_unresolved(registry: Any) -> None:
    """ "Zeta Institute of Art" is not registered; "Zeta Institute of Technology", which shares
    words with it, is not put in its place."""
    ex = pk.extract("Zeta Institute of Art signed an agreement with ITMO University.", registry=registry)
    assert _ids(ex) == {"Zeta Institute of Art": {None}, "ITMO University": {"itmo"}}
    party = {x.name: x.institution_id for p in ex.partnerships for x in p.parties}
    assert party == {"Zeta Institute of Art": None, "ITMO University": "itmo"}


def test_a_plain_list_appended_to_between_calls_is_read_again() -> None:
    """A plain list used as a registry is read afresh when its contents change: an institution
    appended after a first extraction resolves in the next one."""
    registry = [ITMO]
    text = "Omega University signed an agreement with ITMO University."
    assert _ids(pk.extract(text, registry=registry))["Omega University"] == {None}
    registry.append(pk.Institution(id="omega", name="Omega University", country="DE"))
    assert _ids(pk.extract(text, registry=registry))["Omega University"] == {"omega"}


def test_a_registry_that_cannot_answer_leaves_names_unresolved() -> None:
    """A registry whose ``match`` fails does not stop extraction; what it would answer stays unresolved."""

    class Down(pk.Registry):
        def match(self, *args: Any, **kwargs: Any) -> Any:
            raise RuntimeError("the registry service is down")

    ex = pk.extract("Zeta Institute of Art signed an agreement with ITMO University.", registry=Down(INSTITUTIONS))
    assert _ids(ex) == {"Zeta Institute of Art": {None}, "ITMO University": {"itmo"}}
    assert len(ex.partnerships) == 1


# --- the contract for any registry object: ``match(name, country=None, limit=5)`` --------------


@attrs.frozen
class _Answer:
    institution: pk.Institution
    decision: pk.Decision


@attrs.define
class _Answers:
    """A registry of an integrator's own: answers given per name, the names it was asked kept."""

    answers: dict[str, list[_Answer]]
    asked: list[str] = attrs.Factory(list)

    def __iter__(self) -> Any:
        return iter(())

    def get(self, ident: str, default: pk.Institution | None = None) -> pk.Institution | None:
        return default

    def match(self, name: str, country: str | None = None, limit: int = 5) -> list[_Answer]:
        self.asked.append(name)
        return self.answers.get(name, [])


def _resolved(registry: _Answers, names: list[str], acronyms: list[str], countries: list[str]) -> str | None:
    """The institution id of one entity with ``names``, mentioned in sentence 0, where the text
    names ``countries`` (in sentence 0)."""
    ent = Entity(0, names, acronyms, 0)
    mentions = [Found(0, len(names[0]), names[0], "name", 0, 0)]
    places = {0: [Place(100 + i, 105 + i, c) for i, c in enumerate(countries)]}
    resolve({0: ent}, mentions, places, registry)
    return ent.institution.id if ent.institution is not None else None


A_CN = pk.Institution(id="a-cn", name="Alpha University", country="CN")
A_VN = pk.Institution(id="a-vn", name="Alpha University", country="VN")
A_CN2 = pk.Institution(id="a-cn2", name="Alpha University", country="CN", city="Harbin")
MATCH, POSSIBLE = pk.Decision.MATCH, pk.Decision.POSSIBLE

DECISIONS = [
    ("the only MATCH answers", [_Answer(A_CN, MATCH), _Answer(A_VN, POSSIBLE)], [], "a-cn"),
    ("a MATCH in the text's country beats another MATCH", [_Answer(A_CN, MATCH), _Answer(A_VN, MATCH)], ["VN"], "a-vn"),
    ("two MATCHes and no place: not guessed", [_Answer(A_CN, MATCH), _Answer(A_VN, MATCH)], [], None),
    (
        "a POSSIBLE alone in the text's country answers",
        [_Answer(A_CN, POSSIBLE), _Answer(A_VN, POSSIBLE)],
        ["CN"],
        "a-cn",
    ),
    ("POSSIBLEs and no place: not guessed", [_Answer(A_CN, POSSIBLE), _Answer(A_VN, POSSIBLE)], [], None),
    ("POSSIBLEs in another country: not guessed", [_Answer(A_CN, POSSIBLE), _Answer(A_VN, POSSIBLE)], ["RU"], None),
    (
        "POSSIBLEs: the first country of the text that has any decides, and may leave it open",
        [_Answer(A_CN, POSSIBLE), _Answer(A_CN2, POSSIBLE), _Answer(A_VN, POSSIBLE)],
        ["CN", "VN"],
        None,
    ),
    ("NON_MATCH answers nothing", [_Answer(A_CN, pk.Decision.NON_MATCH)], ["CN"], None),
    ("no answer, no institution", [], ["CN"], None),
]


@pytest.mark.parametrize(
    ("answers", "countries", "expected"), [d[1:] for d in DECISIONS], ids=[d[0] for d in DECISIONS]
)
def test_which_answer_of_a_registry_resolves_an_entity(
    answers: list[_Answer], countries: list[str], expected: str | None
) -> None:
    registry = _Answers({"Alpha University": answers})
    assert _resolved(registry, ["Alpha University"], [], countries) == expected


def test_the_registry_is_asked_with_the_fullest_name_not_the_acronym() -> None:
    registry = _Answers({"Alpha University of Technology": [_Answer(A_CN, MATCH)]})
    got = _resolved(registry, ["AUT", "Alpha University", "Alpha University of Technology"], ["AUT"], [])
    assert got == "a-cn"
    assert registry.asked == ["Alpha University of Technology"]


@given(
    near=st.lists(st.sampled_from(["CN", "VN", "RU", "DE", "FR"]), max_size=8),
    text=st.lists(st.sampled_from(["CN", "VN", "RU", "DE", "FR", "JP"]), max_size=10),
)
def test_hints_are_the_entitys_countries_then_the_texts_read_only_when_reached(
    near: list[str], text: list[str]
) -> None:
    """The countries that settle an entity: the most named in its own sentences first, then
    the most named in the whole text, three at most; the whole text is read only when a loop
    over them gets past the entity's own countries, and once."""
    from collections import Counter

    from partnerkit._extract._resolve import _Hints

    near_ranked = [c for c, _ in Counter(near).most_common()]
    text_ranked = [c for c, _ in Counter(text).most_common()]
    reads: list[int] = []

    def everywhere() -> list[str]:
        reads.append(1)
        return text_ranked

    hints = _Hints(near_ranked, everywhere)
    if near_ranked:
        assert next(iter(hints)) == near_ranked[0]
        assert not reads
    want = list(dict.fromkeys(near_ranked + text_ranked))[:3]
    assert list(hints) == want
    assert list(hints) == want
    assert len(reads) == (0 if len(near_ranked) >= 3 else 1)
