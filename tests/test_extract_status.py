"""Statuses read from their own cues (signed documents, planned objects, negotiations) and created objects.

A user relies on: a document signed "as a result of the negotiations" being signed, not
negotiating; what a signed document sets up ("an agreement on the establishment of a joint
laboratory / of the X Center in Boston") being planned while the document is signed; an
exchange agreement staying signed; talks without a document being negotiating; "will open
up opportunities" not planning anything; a centre named in "the creation of ..." being the
object, not a party, while a partner named "with" it stays a party; a refusal ("will not take
part in", "did not join", "nicht beitreten", "不会加入") giving no membership or consortium;
"有望于明年签署" ("expected to be signed next year") being planned; a closing announced as
decided ("will close its campus") ending the office; "will exchange" students being planned;
the activities an agreement "provides for" being its scope, not deals of their own.
"""

from __future__ import annotations

import pytest

import partnerkit as pk


def _statuses(text: str) -> set[tuple[str, str]]:
    ex = pk.extract(text, published="2024-05-01")
    return {(p.kind.value, p.status.value) for p in ex.partnerships}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "As a result of the negotiations, Riverton University and Lakeside University signed a memorandum "
            "of understanding.",
            {("mou", "signed")},
        ),
        (
            "В результате переговоров Удмуртский государственный университет подписал меморандум о "
            "сотрудничестве с Ургенчским государственным университетом.",
            {("mou", "signed")},
        ),
        (
            "Riverton University and Lakeside University signed an agreement on the establishment of a joint "
            "laboratory.",
            {("agreement", "signed"), ("joint_lab", "planned")},
        ),
        (
            "Riverton University and Lakeside University signed an agreement on the establishment of the "
            "Riverton Research and Education Center in Boston.",
            {("agreement", "signed"), ("office", "planned")},
        ),
        (
            "Riverton University and Lakeside University signed a student exchange agreement.",
            {("exchange", "signed")},
        ),
        (
            "Negotiations are underway between Riverton University and Lakeside University on a double degree "
            "programme.",
            {("double_degree", "negotiating")},
        ),
    ],
)
def test_status_of_each_statement(text: str, expected: set[tuple[str, str]]) -> None:
    assert _statuses(text) == expected


def test_opening_up_opportunities_is_not_a_plan() -> None:
    text = (
        "Riverton University opened an office in Brussels. The new office will open up opportunities for researchers."
    )
    ex = pk.extract(text, published="2024-05-01")
    assert [(p.status.value, str(p.location)) for p in ex.partnerships] == [("active", "Brussels, BE")]


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "Riverton University and Lakeside University discussed projects such as the creation of a joint "
            "laboratory and of the Riverton-Lakeside Research Center.",
            {"Riverton University", "Lakeside University"},
        ),
        (
            "En la visita se trataron la creación de un laboratorio conjunto y del Centro de Investigación "
            "Uruguay-Chile entre la Universidad de Lima y la Universidad de Chile.",
            {"Universidad de Lima", "Universidad de Chile"},
        ),
        (
            "Riverton University discussed the creation of a joint laboratory with the Institute of Marine Research.",
            {"Riverton University", "Institute of Marine Research"},
        ),
    ],
)
def test_what_is_created_is_no_party_but_a_partner_with_it_is(text: str, parties: set[str]) -> None:
    ex = pk.extract(text, published="2024-05-01")
    assert [(p.kind.value, p.status.value, {x.name for x in p.parties}) for p in ex.partnerships] == [
        ("joint_lab", "planned", parties)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a plain denial is no deal; "not yet" keeps one to come
        ("Delegates of Riverton University visited Lakeside University, but no agreements were announced.", set()),
        (
            "Vertreter der Universität Riverton besuchten die Universität Lakeside; "
            "Vereinbarungen wurden nicht unterzeichnet.",
            set(),
        ),
        ("河畔大学代表团访问了湖滨大学，但双方并未签署协议。", set()),
        (
            "Riverton University and Lakeside University are in talks on an agreement, "
            "but nothing has been signed yet.",
            {("agreement", "negotiating")},
        ),
        (
            "Riverton University and Lakeside University have not yet signed the agreement on a joint laboratory.",
            {("agreement", "planned"), ("joint_lab", "planned")},
        ),
        # a hedge in another clause is about something else; in the trigger's own clause it is speculation
        (
            "Riverton University and Lakeside University plan to create a joint laboratory, which could open in 2025.",
            {("joint_lab", "planned")},
        ),
        (
            "La Universidad de Riverton y la Universidad de Lakeside prevén crear un laboratorio conjunto, que podría "
            "abrir en 2025.",
            {("joint_lab", "planned")},
        ),
        ("Officials said Riverton University and Lakeside University could set up a joint laboratory.", set()),
    ],
)
def test_denials_and_hedges_in_their_own_clause(text: str, expected: set[tuple[str, str]]) -> None:
    """A denied deal gives no record; a hedge drops a deal only in the clause of its trigger."""
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a trigger word used for something else is no deal
        ("There was broad agreement among Alpha University and Beta University that rankings matter.", set()),
        ("The rector of Alpha University joined a panel with the rector of Beta University.", set()),
        (
            "Les candidatures sont ouvertes jusqu'au 15 mars auprès des bureaux internationaux de l'Université "
            "Alpha et de l'Université Beta.",
            set(),
        ),
        # an agreement named by its mobility object is the exchange; a joint programme with a double degree is one
        (
            "L'Université Alpha et l'Université Beta ont signé mardi un accord d'échange d'étudiants.",
            {("exchange", "signed")},
        ),
        (
            "Die Universität Alpha und die Universität Beta planen einen gemeinsamen Masterstudiengang mit "
            "Doppelabschluss.",
            {("double_degree", "planned")},
        ),
    ],
)
def test_trigger_words_used_otherwise_and_one_record_per_object(text: str, expected: set[tuple[str, str]]) -> None:
    """Consensus, panels and international offices give no record; one object gives one record."""
    assert _statuses(text) == expected


def test_a_running_exchange_with_a_partner_is_an_exchange() -> None:
    """ "X's long-standing exchange with Y, which began in 2009, will continue": an active exchange."""
    ex = pk.extract(
        "Alpha University signs deal\nAlpha University signed an agreement with Beta University. "
        "Alpha University's long-standing exchange with Gamma University, which began in 2009, will continue.",
        published="2024-05-01",
    )
    got = {(p.kind.value, p.status.value, tuple(x.name for x in p.parties), str(p.date)) for p in ex.partnerships}
    assert ("exchange", "active", ("Alpha University", "Gamma University"), "2009") in got


@pytest.mark.parametrize(
    "text",
    [
        "Norrland University will not take part in the Vesta Consortium, a spokesperson said.",
        "Norrland University did not join the Alliance of Northern Universities.",
        "Karsten University decided not to join the Alliance of Northern Universities.",
        "Die Universität Norrland wird dem Verbund Nordischer Universitäten nicht beitreten, teilte die "
        "Hochschule am Montag mit.",
        "北岭大学不会加入北方大学联盟。",
        "La Universidad de Norrland no participará en el consorcio Vesta.",
        "La Universidad de Norrland no se unirá a la Asociación de Universidades Nórdicas.",
        "La Universidad de Norrland rechazó adherirse a la Asociación de Universidades Nórdicas.",
        "L'Université de Norrland ne participera pas au consortium Vesta.",
        "L'Université de Norrland a décidé de ne pas rejoindre l'Association Vesta.",
        "L'Université de Norrland a refusé d'adhérer à l'Association Vesta.",
    ],
)
def test_a_refusal_to_join_gives_no_record(text: str) -> None:
    assert _statuses(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Norrland University joined the Alliance of Northern Universities in 2020.",
        "La Universidad de Norrland se unió a la Asociación de Universidades Nórdicas en 2020.",
        "L'Université de Norrland a rejoint l'Association Vesta en 2020.",
    ],
)
def test_joining_still_gives_membership(text: str) -> None:
    assert _statuses(text) == {("membership", "active")}


@pytest.mark.parametrize(
    "text",
    [
        "北岭大学与南川大学的相关协议有望于明年签署。",
        "The agreement between Norrland University and the University of Vesta is expected to be signed next year.",
    ],
)
def test_an_agreement_expected_to_be_signed_is_planned(text: str) -> None:
    assert _statuses(text) == {("agreement", "planned")}


@pytest.mark.parametrize(
    "text",
    [
        "Norrland University has not yet joined the Alliance of Northern Universities.",
        "Norrland University has yet to join the Alliance of Northern Universities.",
        "Norrland University is not yet a member of the Alliance of Northern Universities.",
        "Die Universität Norrland ist dem Verbund Nordischer Universitäten noch nicht beigetreten.",
        "Университет Норрланда ещё не вступил в Ассоциацию северных университетов.",
        "北岭大学尚未加入北方大学联盟。",
        "La Universidad de Norrland aún no es miembro de la Asociación de Universidades Nórdicas.",
        "L'Université de Norrland n'a pas encore adhéré à l'Association Vesta.",
    ],
)
def test_not_yet_joined_is_a_planned_membership(text: str) -> None:
    """ "has not yet joined", "noch nicht beigetreten", "ещё не вступил", "尚未加入": a membership to come."""
    assert _statuses(text) == {("membership", "planned")}


@pytest.mark.parametrize(
    "text",
    [
        "Norrland University is not a member of the Alliance of Northern Universities.",
        "Университет Норрланда не вступил в Ассоциацию северных университетов.",
        "La Universidad de Norrland no es miembro de la Asociación de Universidades Nórdicas.",
        "L'Université de Norrland n'est pas membre de l'Association Vesta.",
    ],
)
def test_not_a_member_gives_no_membership(text: str) -> None:
    assert _statuses(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Norrland University is a member of the Alliance of Northern Universities. The office plans to review all "
        "agreements older than ten years before the end of 2025, in line with a recommendation of the National "
        "Council for Higher Education.",
        "Norrland University is Uganda's oldest university. The office plans to review every partnership older "
        "than ten years, in line with a recommendation of the National Council for Higher Education.",
    ],
)
def test_a_quantified_plural_of_deals_is_no_deal(text: str) -> None:
    """ "review all agreements older than ten years", "a policy on joint and double degrees": deals
    in general, not one with the organisation named beside them."""
    got = {(p.kind.value, p.status.value) for p in pk.extract(text, published="2024-05-14").partnerships}
    assert got <= {("membership", "active")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Northbay University will close its campus in Doha at the end of 2027.", {("office", "ended")}),
        ("Northbay University's office in Doha will be closed next year.", {("office", "ended")}),
        ("La Universidad de Northbay cerrará su oficina de representación en Pekín en 2027.", {("office", "ended")}),
        ("L'Université de Northbay fermera son campus de Doha en 2027.", {("office", "ended")}),
        ("北湾大学将关闭其在多哈的办事处。", {("office", "ended")}),
        ("Northbay University plans to open a campus in Doha.", {("office", "planned")}),
        (
            "Northbay University will exchange up to 20 students with Lakeside University every year.",
            {("exchange", "planned")},
        ),
        (
            "La Universidad de Northbay y la Universidad de Lakeside intercambiarán estudiantes en un programa de "
            "intercambio.",
            {("exchange", "planned")},
        ),
        (
            "Die Universität Northbay und die Universität Lakeside werden im Austauschprogramm bis zu 20 "
            "Studierende austauschen.",
            {("exchange", "planned")},
        ),
        (
            "L'Université de Northbay et l'Université de Lakeside échangeront des étudiants dans un programme "
            "d'échange.",
            {("exchange", "planned")},
        ),
        (
            "Университет Нортбэй и Университет Лейксайд обменяются студентами по программе обмена.",
            {("exchange", "planned")},
        ),
    ],
)
def test_future_closing_is_ended_and_future_exchange_is_planned(text: str, expected: set[tuple[str, str]]) -> None:
    """A closing announced as decided ("will close its campus", "cerrará", "fermera", "将关闭") ends the
    office (the convention for a decided closing); "will exchange N students" is an exchange still to come."""
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Northbay University and Lakeside University signed a framework agreement providing for the "
            "exchange of students.",
            {("agreement", "signed")},
        ),
        (
            "La Universidad de Northbay y la Universidad de Lakeside firmaron un convenio marco que prevé "
            "proyectos conjuntos de investigación y la movilidad de profesores.",
            {("agreement", "signed")},
        ),
        (
            "L'Université de Northbay et l'Université de Lakeside ont signé un accord-cadre qui prévoit la "
            "mobilité des enseignants.",
            {("agreement", "signed")},
        ),
        (
            "Die Universität Northbay und die Universität Lakeside unterzeichneten eine Rahmenvereinbarung; "
            "sie sieht den Austausch von Studierenden vor.",
            {("agreement", "signed")},
        ),
        (
            "Университет Нортбэй и Университет Лейксайд подписали рамочное соглашение, предусматривающее "
            "обмен студентами.",
            {("agreement", "signed")},
        ),
        ("北湾大学与湖滨大学签署了合作协议，双方将互派医学生进行临床实习。", {("agreement", "signed")}),
        (
            "La Universidad de Northbay y la Universidad de Lakeside firmaron un convenio marco que prevé "
            "además la creación de un programa de doctorado conjunto.",
            {("agreement", "signed"), ("joint_programme", "planned")},
        ),
        (
            "北湾大学与湖滨大学签署合作备忘录，双方将共建联合研究中心，并开展学生交换项目。",
            {("mou", "signed"), ("joint_lab", "planned"), ("exchange", "planned")},
        ),
    ],
)
def test_what_an_agreement_provides_for_is_its_scope(text: str, expected: set[tuple[str, str]]) -> None:
    """Activities a signed agreement provides for ("providing for the exchange of students", "que prevé
    ... la movilidad", "qui prévoit", "sieht ... vor", "предусматривающее", "双方将互派") are its scope
    (no record of their own); a programme or centre it sets up ("la creación de un programa", "共建")
    still is one."""
    assert _statuses(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "A delegation of Brevik University attended the forum but did not sign an agreement with Lumsk University.",
        "Brevik University and Lumsk University failed to reach an agreement on a joint degree.",
        "Konkrete Vereinbarungen zwischen der Universität Brevik und der Universität Lumsk wurden dabei noch nicht "
        "getroffen.",
        "La Universidad de Brevik y la Universidad de Lumsk no firmaron un convenio de cooperación.",
        "L'Université de Brevik et l'Université de Lumsk ne sont pas parvenues à un accord de coopération.",
        "Университет Бревика и Университет Лумска не смогли договориться о соглашении.",
        "布雷维克大学与卢姆斯克大学未能就合作协议达成一致。",
    ],
)
def test_a_deal_said_not_signed_or_not_reached_gives_no_record(text: str) -> None:
    """A denied deal ("did not sign an agreement", "nicht getroffen", "no firmaron", "未能达成一致")
    is no deal, and (unlike "not yet signed") no planned one either."""
    assert _statuses(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Brevik University and Lumsk University have not reached an agreement, but talks continue.",
        "No se llegó a un acuerdo entre la Universidad de Brevik y la Universidad de Lumsk, pero las negociaciones "
        "continúan.",
    ],
)
def test_a_deal_not_reached_while_talks_go_on_is_negotiating(text: str) -> None:
    """A deal not reached in a sentence that tells talks going on (in any clause) is negotiating."""
    assert _statuses(text) == {("agreement", "negotiating")}
