"""How the parties of one statement make records (texts written for these tests, invented names).

A user relies on: one document of several parties being one record when the text says so, by a
multi-party word ("a trilateral agreement", "三方合作协议", "трёхстороннее соглашение") or by "jointly
signed" (共同签署), or by a singular document one signer signs with several partners ("X signed an
agreement with A and B", "X assinou um convênio com A e B"); while "X与A、B签署合作协议" (Chinese, no
article) and subjects before a singular document with a partner in a later clause stay one record
per partner; a funder or sponsor (named before or after, or by the acronym in brackets after its
name) being no party, while a network that funds stays its members' network.
"""

from __future__ import annotations

import pytest

import partnerkit as pk


def _groups(text: str) -> list[frozenset[str]]:
    ex = pk.extract(text, published="2025-05-16")
    return sorted(
        (frozenset(x.name for x in p.parties) for p in ex.partnerships if p.kind.value == "agreement"), key=sorted
    )


THREE = frozenset({"Universidade de Vilamar", "Universidade do Norte", "Universidade de Lagoa"})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A Universidade de Vilamar assinou um convênio de cooperação com a Universidade do Norte, de Portugal, "
            "e a Universidade de Lagoa, de Angola.",
            [THREE],
        ),
        (
            "A Universidade de Vilamar assinou um convênio trilateral com a Universidade do Norte e a Universidade "
            "de Lagoa.",
            [THREE],
        ),
        (
            "北岭大学、南川大学与东河集团有限公司共同签署了三方合作协议。",
            [frozenset({"北岭大学", "南川大学", "东河集团有限公司"})],
        ),
        # one per partner: Chinese partners after 与, and a partner of another clause
        (
            "北岭大学与南川大学、西山大学签署合作协议。",
            [frozenset({"北岭大学", "南川大学"}), frozenset({"北岭大学", "西山大学"})],
        ),
    ],
)
def test_one_document_of_several_parties_is_one_record(text: str, expected: list[frozenset[str]]) -> None:
    assert _groups(text) == sorted(expected, key=sorted)


@pytest.mark.parametrize(
    "text",
    [
        "Four agreements were signed between Varnell University and Corvane University; Ostrel University (OU) and "
        "the University of Dunmore; and Pellam Institute of Technology with Quarry University.",
        "Agreements were signed at the fair by Varnell University and Corvane University; Ostrel University and the "
        "University of Dunmore; Pellam Institute of Technology and Quarry University.",
    ],
)
def test_a_list_of_pairs_separated_by_semicolons_is_one_record_per_pair(text: str) -> None:
    assert _groups(text) == sorted(
        [
            frozenset({"Varnell University", "Corvane University"}),
            frozenset({"Ostrel University", "University of Dunmore"}),
            frozenset({"Pellam Institute of Technology", "Quarry University"}),
        ],
        key=sorted,
    )


def test_semicolon_clauses_naming_one_deal_each_are_no_list_of_pairs() -> None:
    text = (
        "Varnell University signed an agreement with Corvane University; Ostrel University and the University of "
        "Dunmore signed a second one on Friday."
    )
    assert frozenset({"Varnell University", "Corvane University"}) in _groups(text)


def test_an_event_named_in_the_signing_sentence_is_no_party() -> None:
    text = (
        "The Varnell Institute of Technology (VIT) signed agreements with five universities on Thursday, the second "
        "day of the Varnell-Corvane Academic Summit on its campus."
    )
    got = _groups(text)
    assert all("Varnell-Corvane Academic Summit" not in g for g in got)


def test_an_association_whose_name_opens_with_an_event_word_stays_a_party() -> None:
    text = "The Rectors Summit of Northern Universities signed an agreement with the Union of Southern Rectors."
    assert _groups(text) == [frozenset({"Rectors Summit of Northern Universities", "Union of Southern Rectors"})]


def _deals(text: str) -> set[tuple[str, frozenset[str]]]:
    return {(p.kind.value, frozenset(x.name for x in p.parties)) for p in pk.extract(text).partnerships}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tarnow University was built with a loan from the Lumsk Development Agency (LDA), and with Brevik "
            "University it has run a joint doctoral programme since 2019.",
            {("joint_programme", frozenset({"Tarnow University", "Brevik University"}))},
        ),
        (
            "Seit 2024 fördert die Lumsk-Stiftung für Wissenschaft (LSW) zudem ein gemeinsames Masterprogramm der "
            "Universität Tarnow und der Universität Brevik.",
            {("joint_programme", frozenset({"Universität Tarnow", "Universität Brevik"}))},
        ),
        (
            "Die Universität Tarnow und die Universität Brevik unterzeichneten eine Vereinbarung über ein "
            "Austauschprogramm, das von der Lumsker Forschungsgemeinschaft (LFG) gefördert wird.",
            {
                ("agreement", frozenset({"Universität Tarnow", "Universität Brevik"})),
                ("exchange", frozenset({"Universität Tarnow", "Universität Brevik"})),
            },
        ),
        (
            "Grâce au soutien de la Fondation Lumsk, l'Université de Tarnow et l'Université de Brevik ont signé un "
            "accord.",
            {("agreement", frozenset({"Université de Tarnow", "Université de Brevik"}))},
        ),
        (
            "Con el apoyo financiero de la Fundación Lumsk, la Universidad de Tarnow firmó un convenio con la "
            "Universidad de Brevik.",
            {("agreement", frozenset({"Universidad de Tarnow", "Universidad de Brevik"}))},
        ),
        (
            "塔尔诺大学与布雷维克大学签署协议，共建联合实验室。联合实验室的部分研究经费将由卢姆斯克科学基金委员会和北方研究与"
            "创新署资助。",
            {
                ("agreement", frozenset({"塔尔诺大学", "布雷维克大学"})),
                ("joint_lab", frozenset({"塔尔诺大学", "布雷维克大学"})),
            },
        ),
        (
            "За счёт средств Фонда Лумска Университет Тарнова и Университет Бревика подписали соглашение.",
            {("agreement", frozenset({"Университет Тарнова", "Университет Бревика"}))},
        ),
    ],
)
def test_a_funder_or_sponsor_is_no_party_of_the_deal_it_funds(
    text: str, expected: set[tuple[str, frozenset[str]]]
) -> None:
    """A body that funds or supports a deal ("with a loan from X", "fördert der X (XA) ... ein Programm
    der A und der B", "von der X (XA) gefördert", "grâce au soutien de", "con el apoyo financiero de",
    "за счёт средств") is context, even when named by the acronym in brackets after its name."""
    assert _deals(text) == expected


def test_a_network_that_funds_stays_the_network_of_its_members() -> None:
    """ "members of X, which supported their exchange": X funds, and it is still the network."""
    got = _deals(
        "L'Université de Tarnow et l'Université de Brevik sont membres de l'Agence universitaire de Lumsk (AUL), "
        "qui a soutenu leur programme d'échange."
    )
    assert got == {
        ("membership", frozenset({"Université de Tarnow", "Agence universitaire de Lumsk"})),
        ("membership", frozenset({"Université de Brevik", "Agence universitaire de Lumsk"})),
        ("exchange", frozenset({"Université de Tarnow", "Université de Brevik"})),
    }
