"""Coordinated clauses: one sentence stating two deals.

A user relies on: "A and B have run X since 2018, and C and D signed Y" (and its German,
Spanish and Chinese equivalents) giving X to A and B and Y to C and D, never cross-paired;
a list joined by ", and" staying one list; a status word of one clause ("while the exchange
was suspended") not ending the deal of another clause.
"""

from __future__ import annotations

import pytest

import partnerkit as pk


def _records(text: str) -> set[tuple[str, frozenset[str], str]]:
    ex = pk.extract(text, published="2024-05-10")
    return {(p.kind.value, frozenset(x.name for x in p.parties), p.status.value) for p in ex.partnerships}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Norrland University and the University of Vesta have run a joint master's programme since 2018, "
            "and Karsten University and the University of Oberau signed a memorandum of understanding on Tuesday.",
            {
                ("joint_programme", frozenset({"Norrland University", "University of Vesta"}), "active"),
                ("mou", frozenset({"Karsten University", "University of Oberau"}), "signed"),
            },
        ),
        (
            "Die Universität Norrland und die Universität Vesta betreiben seit 2018 einen gemeinsamen "
            "Masterstudiengang, und die Universität Oberau und die Universität Karsten unterzeichneten am Montag "
            "eine Absichtserklärung.",
            {
                ("joint_programme", frozenset({"Universität Norrland", "Universität Vesta"}), "active"),
                ("mou", frozenset({"Universität Oberau", "Universität Karsten"}), "signed"),
            },
        ),
        (
            "La Universidad de Norrland y la Universidad de Vesta firmaron un convenio en 2019, mientras que la "
            "Universidad de Karsten y la Universidad de Tarn mantienen un programa de intercambio desde 2015.",
            {
                ("agreement", frozenset({"Universidad de Norrland", "Universidad de Vesta"}), "signed"),
                ("exchange", frozenset({"Universidad de Karsten", "Universidad de Tarn"}), "active"),
            },
        ),
        (
            "北岭大学与南川大学于2018年签署了合作协议，东林大学与西湖大学则于周二签署了合作备忘录。",
            {
                ("agreement", frozenset({"北岭大学", "南川大学"}), "signed"),
                ("mou", frozenset({"东林大学", "西湖大学"}), "signed"),
            },
        ),
        (
            "Norrland University signed memoranda with Karsten University, the University of Oberau, and the "
            "University of Vesta in 2019.",
            {
                ("mou", frozenset({"Norrland University", "Karsten University"}), "signed"),
                ("mou", frozenset({"Norrland University", "University of Oberau"}), "signed"),
                ("mou", frozenset({"Norrland University", "University of Vesta"}), "signed"),
            },
        ),
    ],
)
def test_each_clause_takes_its_own_parties(text: str, expected: set[tuple[str, frozenset[str], str]]) -> None:
    assert _records(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Norrland University and the University of Vesta have had a memorandum of understanding since 2019, "
            "while their staff exchange was suspended in 2023.",
            {("mou", "signed"), ("exchange", "ended")},
        ),
        (
            "Die Universität Norrland und die Universität Vesta unterhalten seit 2019 ein Austauschprogramm, "
            "während der gemeinsame Masterstudiengang 2023 eingestellt wurde.",
            {("exchange", "active"), ("joint_programme", "ended")},
        ),
        (
            "北岭大学与南川大学于2019年签署了合作备忘录，而两校的学生交流项目已于2023年暂停。",
            {("mou", "signed"), ("exchange", "ended")},
        ),
    ],
)
def test_a_status_word_ends_only_its_own_clause(text: str, expected: set[tuple[str, str]]) -> None:
    assert {(k, s) for k, _p, s in _records(text)} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Norrland University is a member of the Alliance of Northern Universities, and Karsten University "
            "belongs to the Network of Southern Universities.",
            {
                ("membership", frozenset({"Norrland University", "Alliance of Northern Universities"}), None),
                ("membership", frozenset({"Karsten University", "Network of Southern Universities"}), None),
            },
        ),
        (
            "Norrland University joined the Alliance of Northern Universities in 2012, and Karsten University "
            "joined the Network of Southern Universities in 2019.",
            {
                ("membership", frozenset({"Norrland University", "Alliance of Northern Universities"}), "2012"),
                ("membership", frozenset({"Karsten University", "Network of Southern Universities"}), "2019"),
            },
        ),
    ],
)
def test_each_clause_states_its_own_membership(
    text: str, expected: set[tuple[str, frozenset[str], str | None]]
) -> None:
    ex = pk.extract(text, published="2024-05-10")
    got = {
        (p.kind.value, frozenset(x.name for x in p.parties), str(p.date) if p.date else None) for p in ex.partnerships
    }
    assert got == expected


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (
            "Norrland University is a member of the Alliance of Northern Universities, Karsten University "
            "belongs to the Network of Southern Universities.",
            ("Norrland University", "Alliance of Northern Universities"),
            ("Karsten University", "Network of Southern Universities"),
        ),
        (
            "Die Universität Norrland ist Mitglied der League of Northern Universities, die Universität Karsten "
            "gehört der Association of Southern Universities an.",
            ("Universität Norrland", "League of Northern Universities"),
            ("Universität Karsten", "Association of Southern Universities"),
        ),
        (
            "北岭大学是北方大学联盟的成员，南川大学是南方高校联盟的成员。",
            ("北岭大学", "北方大学联盟"),
            ("南川大学", "南方高校联盟"),
        ),
    ],
)
def test_a_bare_comma_before_a_new_subject_starts_a_clause(
    text: str, first: tuple[str, str], second: tuple[str, str]
) -> None:
    """ "X is a member of A, Y belongs to B" (no conjunction): a comma before a name that its own
    trigger follows is a clause boundary, so X-A and Y-B, never X-Y or X-B."""
    got = {frozenset(x.name for x in p.parties) for p in pk.extract(text, published="2024-05-10").partnerships}
    assert got == {frozenset(first), frozenset(second)}


def test_a_list_of_names_after_a_comma_stays_one_clause() -> None:
    """ "X is a member of A, B Network and C": names listed after the trigger are not new subjects."""
    got = {
        frozenset(x.name for x in p.parties)
        for p in pk.extract(
            "Norrland University is a member of the Alliance of Northern Universities, the Network of Southern "
            "Universities and the Western Universities Association.",
            published="2024-05-10",
        ).partnerships
    }
    assert got == {
        frozenset({"Norrland University", n})
        for n in (
            "Alliance of Northern Universities",
            "Network of Southern Universities",
            "Western Universities Association",
        )
    }


def test_a_chinese_membership_stops_at_the_comma() -> None:
    """ "X是A成员，Y则是B的成员": the membership phrase does not run across "，", so each clause
    states its own membership (a span over the comma gave one record that cross-paired them);
    "X是A成员，也是B成员之一": the second clause's member is the first clause's subject."""
    ex = pk.extract("北岭大学是北方大学联盟成员，南川大学则是南方高校联盟的成员。", published="2024-05-10")
    got = {(p.kind.value, frozenset(x.name for x in p.parties)) for p in ex.partnerships}
    assert got == {
        ("membership", frozenset({"北岭大学", "北方大学联盟"})),
        ("membership", frozenset({"南川大学", "南方高校联盟"})),
    }
    ex = pk.extract("北岭大学是北方大学联盟成员，也是南川大学联盟成员之一。", published="2024-05-10")
    got = {(p.kind.value, frozenset(x.name for x in p.parties)) for p in ex.partnerships}
    assert got == {
        ("membership", frozenset({"北岭大学", "北方大学联盟"})),
        ("membership", frozenset({"北岭大学", "南川大学联盟"})),
    }


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("北岭大学是北方大学联盟成员，也是南川大学的合作伙伴。", "是北方大学联盟成员"),
        ("北岭大学与南川大学联合培养，培养项目将于明年开始。", None),
        ("北岭大学设立了新的学院，办事处将于明年开放。", None),
    ],
)
def test_chinese_trigger_spans_stop_at_clause_punctuation(text: str, phrase: str | None) -> None:
    """Every zh trigger pattern with a gap stops the gap at "，" (and other clause marks)."""
    from partnerkit._extract._lexicon import lexicon

    found = [m.group(0) for p in lexicon(("zh",)).kinds.values() for m in p.finditer(text)]
    assert all("，" not in f for f in found)
    if phrase is not None:
        assert phrase in found


def test_a_network_described_in_an_apposition_is_no_consortium() -> None:
    """ "miembros del Grupo X, una red de universidades de ..., y de la Asociación Y": memberships of
    both universities in X and Y ("miembros del" read; "Grupo X" a name; the apposition only
    describes X, it states no consortium)."""
    ex = pk.extract(
        "La Universidad Norrland y la Universidad Vexo firmaron un convenio marco. Ambas universidades son "
        "miembros del Grupo Norvik, una red de universidades de Brasil, España y Portugal, y de la "
        "Asociación Universitaria Norte (AUN).",
        published="2024-11-21",
    )
    got = {(p.kind.value, frozenset(x.name for x in p.parties)) for p in ex.partnerships}
    assert got == {
        ("agreement", frozenset({"Universidad Norrland", "Universidad Vexo"})),
        *(
            ("membership", frozenset({u, n}))
            for u in ("Universidad Norrland", "Universidad Vexo")
            for n in ("Grupo Norvik", "Asociación Universitaria Norte")
        ),
    }


def test_a_spanish_consortium_name_is_a_network_to_be_member_of() -> None:
    """ "miembro del Consorcio de Universidades X, una red de ...": "Consorcio de ..." is a name, the
    statement a membership in it (not a consortium of the one university)."""
    ex = pk.extract(
        "La Universidad Vexo participa como miembro del Consorcio de Universidades Norteñas, una red de "
        "universidades públicas y privadas.",
        published="2024-11-21",
    )
    got = {(p.kind.value, frozenset(x.name for x in p.parties)) for p in ex.partnerships}
    assert got == {("membership", frozenset({"Universidad Vexo", "Consorcio de Universidades Norteñas"}))}


def test_one_partner_per_clause_pairs_with_the_subject_and_keeps_its_own_date() -> None:
    """ "An MoU with A, signed in 2017, was renewed, while an exchange with B was suspended": the
    MoU is the subject's with A (2017), the exchange the subject's with B (no date), never A-B."""
    ex = pk.extract(
        "Norrland University reviewed its partnerships in May. A memorandum of understanding with Vexo "
        "University, signed in 2017, was renewed for five years, while a staff exchange with Karsten "
        "University has been suspended pending an audit.",
        published="2024-05-10",
    )
    got = {
        (p.kind.value, frozenset(x.name for x in p.parties), str(p.date) if p.date else None) for p in ex.partnerships
    }
    assert got == {
        ("mou", frozenset({"Norrland University", "Vexo University"}), "2017"),
        ("exchange", frozenset({"Norrland University", "Karsten University"}), None),
    }


def test_an_indefinite_agreement_after_another_deal_is_a_new_one() -> None:
    """ "eine Kooperationsvereinbarung mit Z" after a paragraph about a deal with Y is a new
    document with Z, not the earlier deal named again ("eine entsprechende Vereinbarung" is)."""
    text = (
        "Die Universität Norrland hat ihre Partnerschaft mit der Universität Vesta beendet.\n\n"
        "Am vergangenen Donnerstag unterzeichnete der Rektor eine Kooperationsvereinbarung mit der "
        "Universität Oberau."
    )
    got = _records(text)
    assert ("agreement", frozenset({"Universität Norrland", "Universität Oberau"}), "signed") in got


def test_a_clause_after_a_negotiated_deal_is_about_that_deal() -> None:
    """ "negotiating a joint graduate school with Z; an agreement could be signed in spring": the
    agreement is with Z (planned), not with the partner of an earlier sentence."""
    text = (
        "Die Universität Norrland unterzeichnete am Montag eine Kooperationsvereinbarung mit der Universität "
        "Vesta. Mit der Universität Oberau verhandelt Norrland derzeit über ein gemeinsames Graduiertenkolleg; "
        "eine Vereinbarung könnte im Frühjahr 2025 unterschrieben werden."
    )
    got = _records(text)
    oberau = frozenset({"Universität Norrland", "Universität Oberau"})
    assert ("joint_programme", oberau, "negotiating") in got
    assert ("agreement", oberau, "planned") in got
    assert not any(kind == "agreement" and status == "signed" and "Universität Oberau" in p for kind, p, status in got)


@pytest.mark.parametrize(
    ("text", "members"),
    [
        (
            "Norrland University, Karsten University and the University of Vesta have launched a research "
            "consortium on cities. The consortium, called RIVERNET, was formally started at a meeting in Oslo "
            "on 30 January 2025.",
            {"Norrland University", "Karsten University", "University of Vesta"},
        ),
        (
            "La Universidad de Norrland, la Universidad de Karsten y la Universidad de Vesta lanzaron un "
            "consorcio de investigación sobre ciudades. El consorcio, llamado RIVERNET, se puso en marcha en "
            "Oslo el 30 de enero de 2025.",
            {"Universidad de Norrland", "Universidad de Karsten", "Universidad de Vesta"},
        ),
    ],
)
def test_the_name_a_consortium_is_called_is_no_member(text: str, members: set[str]) -> None:
    """ "The consortium, called X, was started": X names the consortium of the earlier sentence,
    it is no member of it (one consortium of the three universities)."""
    got = {(k, p) for k, p, _s in _records(text) if k == "consortium"}
    assert got == {("consortium", frozenset(members))}


@pytest.mark.parametrize(
    ("text", "members"),
    [
        (
            "The Northern Rivers Network (NRN) was launched in Oslo last Thursday by Norrland University, "
            "Karsten University and the University of Vesta.",
            {"Norrland University", "Karsten University", "University of Vesta"},
        ),
        (
            "La Red de Ríos del Norte fue fundada en 2019 por la Universidad de Norrland, la Universidad de "
            "Karsten y la Universidad de Vesta.",
            {"Universidad de Norrland", "Universidad de Karsten", "Universidad de Vesta"},
        ),
    ],
)
def test_a_network_launched_by_a_list_is_their_consortium(text: str, members: set[str]) -> None:
    """ "The X Network (XN) was launched ... by A, B and C": a consortium of A, B and C (the
    network's name is no party)."""
    got = {(k, p) for k, p, _s in _records(text) if k == "consortium"}
    assert got == {("consortium", frozenset(members))}


@pytest.mark.parametrize(
    "text",
    [
        "Ambas universidades, la Universidad de Norrland y la Universidad de Vesta, son miembros de la "
        "Asociación de Universidades del Sur y participan desde hace años en su programa de movilidad.",
        "Norrland University and the University of Vesta are members of the Southern Universities Network "
        "and take part in its student exchange programme.",
    ],
)
def test_a_networks_mobility_programme_is_no_bilateral_exchange(text: str) -> None:
    """ "Both are members of X and take part in its mobility programme": the programme is X's;
    the two members get their memberships, no exchange with each other."""
    got = _records(text)
    assert not any(k == "exchange" for k, _p, _s in got)
    assert sum(k == "membership" for k, _p, _s in got) == 2
