"""Which date of a sentence dates its deal when one date is marked as the deal's original one.

A user relies on: a renewal being dated by its own date, not by the original signing it names
("renewed on Monday the agreement that has linked them since 2010", "ont renouvelé lundi
l'accord-cadre qui les lie depuis 2010", "продлили в среду соглашение, впервые подписанное в
2014 году"); a renewal that gives no date of its own keeping the original ("an MoU signed in
2017 was renewed for five years"); "was not renewed" being no renewal; and an ended deal being
dated by its original signing ("расторг в феврале соглашение, заключенное в 2011 году",
"terminated in March the agreement concluded in 2011"); a range of years ("between 2009 and
2019") dating a deal by its start; a month without a year told in the future tense ("will sign
an agreement in March", "планируется подписать в марте", "werden im März unterzeichnen") being
the coming month, and one told in the past ("signed in March", "since March") the last one.
"""

from __future__ import annotations

import pytest

import partnerkit as pk
from tests.conftest import dates_by_kind


def _dates(text: str) -> dict[str, tuple[str | None, str]]:
    return dates_by_kind(text, published="2025-01-29")


@pytest.mark.parametrize(
    ("text", "kind", "date"),
    [
        (
            "Northvale University and Southmere University renew their cooperation agreement\n"
            "Northvale University and Southmere University renewed on Monday the cooperation agreement "
            "that has linked them since 2010.",
            "agreement",
            "2025-01-27",
        ),
        (
            "L'Université de Nordval et l'Université de Sudmer renouvellent leur accord-cadre\n"
            "L'Université de Nordval et l'Université de Sudmer ont renouvelé lundi l'accord-cadre de "
            "coopération qui les lie depuis 2010.",
            "agreement",
            "2025-01-27",
        ),
        (
            "Северный университет и Южный университет продлили соглашение\n"
            "Северный университет и Южный университет продлили в понедельник соглашение о сотрудничестве, "
            "впервые подписанное в 2014 году.",
            "agreement",
            "2025-01-27",
        ),
        (
            "Northvale University said its memorandum of understanding with Southmere University, signed in "
            "2017, was renewed for five years.",
            "mou",
            "2017",
        ),
        (
            "Северный университет в декабре расторг соглашение о сотрудничестве с Южным университетом, "
            "заключенное в 2011 году.",
            "agreement",
            "2011",
        ),
        (
            "L'Università di Nordvalle e l'Università di Sudmare rinnovano l'accordo\n"
            "L'Università di Nordvalle e l'Università di Sudmare hanno rinnovato lunedì l'accordo di "
            "cooperazione che le lega dal 2010.",
            "agreement",
            "2025-01-27",
        ),
        (
            "Nel mese di dicembre l'Università di Nordvalle ha rescisso l'accordo di cooperazione con "
            "l'Università di Sudmare, che era stato firmato nel 2011.",
            "agreement",
            "2011",
        ),
        (
            "Northvale University terminated in December the exchange agreement with Southmere University "
            "concluded in 2011.",
            "exchange",
            "2011",
        ),
    ],
)
def test_the_original_date_and_the_date_of_the_act(text: str, kind: str, date: str) -> None:
    assert _dates(text)[kind][0] == date


def test_not_renewed_is_no_renewal() -> None:
    got = _dates(
        "Northvale University said the agreement with Southmere University, signed in 2015, was not renewed last year."
    )
    assert got["agreement"][0] != "2024"


@pytest.mark.parametrize(
    "text",
    [
        "Between 2009 and 2019, a student exchange agreement brought students from Northvale University to "
        "Southmere University.",
        "Von 2009 bis 2019 bestand ein Studierendenaustausch zwischen der Universität Nordtal und der "
        "Universität Südsee.",
    ],
)
def test_a_range_of_years_dates_the_deal_by_its_start(text: str) -> None:
    """ "Between 2009 and 2019, an exchange ...": the exchange dates from 2009, not 2019."""
    assert _dates(text)["exchange"][0] == "2009"


# ISSUE 5: a month without a year, told in the future tense, is the coming one
_AFTER_MARCH, _BEFORE_MARCH = "2023-11-20", "2023-02-10"


@pytest.mark.parametrize(
    ("text", "kind", "status", "after_march", "before_march"),
    [
        # still to come: the next March (a year on when March has passed at publication)
        (
            "Northvale University and Southmere University will sign an agreement in March.",
            "agreement",
            "planned",
            "2024-03",
            "2023-03",
        ),
        (
            "In March, Northvale University and Southmere University will sign a memorandum of understanding.",
            "mou",
            "planned",
            "2024-03",
            "2023-03",
        ),
        (
            "Northvale University and Southmere University are negotiating an agreement to be signed in March.",
            "agreement",
            "negotiating",
            "2024-03",
            "2023-03",
        ),
        (
            "Northvale University and Southmere University will sign an agreement on 14 March.",
            "agreement",
            "planned",
            "2024-03-14",
            "2023-03-14",
        ),
        (
            "Меморандум между Северным университетом и Южным университетом планируется подписать в марте.",
            "mou",
            "planned",
            "2024-03",
            "2023-03",
        ),
        # told in the past: the March at or before publication
        (
            "Northvale University and Southmere University signed an agreement in March.",
            "agreement",
            "signed",
            "2023-03",
            "2022-03",
        ),
        (
            "Northvale University and Southmere University have been negotiating an agreement since March.",
            "agreement",
            "negotiating",
            "2023-03",
            "2022-03",
        ),
        # an intention told after a past month's clause ("began ... in March, and ... plan to sign")
        (
            "Northvale University and Southmere University began negotiations after a workshop in March, and "
            "the two universities plan to sign an agreement before the end of the year.",
            "agreement",
            "negotiating",
            "2023-03",
            "2022-03",
        ),
        (
            "In March, Northvale University and Southmere University signed an agreement on the establishment "
            "of a joint research centre.",
            "joint_lab",
            "planned",
            "2023-03",
            "2022-03",
        ),
        (
            "Северный университет и Южный университет подписали меморандум о взаимопонимании в марте.",
            "mou",
            "signed",
            "2023-03",
            "2022-03",
        ),
        (
            "Die Universität Nordtal und die Universität Südsee haben im März ein Kooperationsabkommen unterzeichnet.",
            "agreement",
            "signed",
            "2023-03",
            "2022-03",
        ),
    ],
)
def test_a_month_without_a_year_follows_the_tense(
    text: str, kind: str, status: str, after_march: str, before_march: str
) -> None:
    """ "will sign in March" is the next March; "signed in March", "since March" the last one."""
    assert dates_by_kind(text, published=_AFTER_MARCH)[kind] == (after_march, status)
    assert dates_by_kind(text, published=_BEFORE_MARCH)[kind] == (before_march, status)


def test_a_future_month_in_german_is_the_coming_one() -> None:
    text = "Die Universität Nordtal und die Universität Südsee werden im März ein Kooperationsabkommen unterzeichnen."
    assert dates_by_kind(text, published=_AFTER_MARCH)["agreement"][0] == "2024-03"
    assert dates_by_kind(text, published=_BEFORE_MARCH)["agreement"][0] == "2023-03"


def test_a_month_told_with_its_year_is_kept() -> None:
    """Only a year filled in from the publication date moves; a stated year stays as given."""
    text = "Northvale University and Southmere University will sign an agreement in March 2023."
    assert dates_by_kind(text, published=_AFTER_MARCH)["agreement"] == ("2023-03", "planned")


def test_a_coming_start_dates_the_deal_from_another_sentence() -> None:
    """A record dated by a neighbouring future sentence ("the kick-off ... will be held in March")."""
    text = (
        "Northvale University and Southmere University signed an agreement on a joint master's programme. "
        "The programme starts in March."
    )
    got = dates_by_kind(text, published=_AFTER_MARCH)
    assert got["joint_programme"][0] == "2024-03"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("La Universidad de Nortevalle y la Universidad de Surmar firmarán un convenio marco en marzo.", "agreement"),
        ("L'Université de Nordval et l'Université de Sudmer signeront un accord-cadre en mars.", "agreement"),
        ("Северный университет и Южный университет подпишут соглашение о сотрудничестве в марте.", "agreement"),
        (
            "L'Università di Nordvalle e l'Università di Sudmare firmeranno un accordo quadro a marzo, "
            "come ha annunciato il rettore della università.",
            "agreement",
        ),
        (
            "A Universidade de Nortevale e a Universidade de Sulmar assinarão um acordo de cooperação em março.",
            "agreement",
        ),
        (
            "Die Universität Nordtal und die Universität Südsee werden ein Kooperationsabkommen im März unterzeichnen.",
            "agreement",
        ),
        ("北谷大学と南海工業大学は、3月に学術交流協定を締結する予定です。", "agreement"),
        ("北谷大学は南海工業大学と3月に学術交流協定を締結します。", "agreement"),
        # an intention ("plans to sign ... in March") and Japanese "3月の調印に向けて" (towards a signing)
        ("Northvale University plans to sign an agreement with Southmere University in March.", "agreement"),
        ("北谷大学は南海工業大学とも学術交流協定を締結する方向で、3月の調印に向けて調整を進めています。", "agreement"),
    ],
)
def test_a_future_told_by_the_verb_itself_is_planned_and_coming(text: str, kind: str) -> None:
    """The future read from the verb's own form ("firmarán", "signeront", "подпишут", "firmeranno",
    "assinarão"), from "werden ... unterzeichnen" at the clause end and from Japanese 予定/する after
    the month: the deal is planned and its month is the coming one."""
    assert dates_by_kind(text, published=_AFTER_MARCH)[kind] == ("2024-03", "planned")
    assert dates_by_kind(text, published=_BEFORE_MARCH)[kind] == ("2023-03", "planned")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("La Universidad de Nortevalle y la Universidad de Surmar firmaron un convenio marco en marzo.", "agreement"),
        (
            "La Universidad de Nortevalle firmó en marzo un convenio marco con la Universidad de Surmar, "
            "que permitirá el intercambio de investigadores.",
            "agreement",
        ),
        ("北谷大学は3月に締結した協定に基づき、南海工業大学と学生交流を開始する予定です。", "agreement"),
        # a noun ending like a future verb ("agenda" is no "prendra") moves nothing
        (
            "L'Université de Nordval et l'Université de Sudmer ont fixé l'agenda de mars et signé un accord-cadre.",
            "agreement",
        ),
        ("北谷大学と南海工業大学は、3月に学術交流協定を締結しました。", "agreement"),
    ],
)
def test_a_past_verb_keeps_the_last_month(text: str, kind: str) -> None:
    """A future verb after the deal's own past clause ("firmó en marzo ..., que permitirá") and a
    Japanese past relative clause ("3月に締結した協定に基づき、...予定") do not move the month."""
    assert dates_by_kind(text, published=_AFTER_MARCH)[kind][0] == "2023-03"


@pytest.mark.parametrize(
    ("text", "kind", "date"),
    [
        (
            "La Universidad de Nordval y la Universidad de Sudmer firmaron el pasado lunes un convenio marco.\n"
            "El programa comenzará en 2026.\n"
            "En la misma jornada, la Universidad de Nordval suscribió una carta de intención con la "
            "Universidad de Vexalia.",
            "mou",
            "2025-01-27",
        ),
        (
            "L'Université de Nordval et l'Université de Sudmer ont signé le 20 janvier un accord-cadre.\n"
            "La première promotion est attendue en 2026.\n"
            "Le même jour, l'Université de Nordval a signé un protocole d'accord avec l'Université de Vexalia.",
            "mou",
            "2025-01-20",
        ),
        (
            "Нордвальский государственный университет и Зюдмерский технический университет подписали "
            "20 января соглашение о сотрудничестве.\n"
            "Приём студентов начнётся в 2026 году.\n"
            "В тот же день Нордвальский государственный университет и Вексальский университет продлили "
            "соглашение об академическом обмене, действующее с 2016 года.",
            "exchange",
            "2025-01-20",
        ),
        (
            "1月20日上午，北岭大学与南湖大学签署合作协议。\n两校将于2026年启动联合培养项目。\n同日下午，北岭大学与东川大学签署学生交流协议。",
            "exchange",
            "2025-01-20",
        ),
    ],
)
def test_the_same_day_is_the_last_day_told_before(text: str, kind: str, date: str) -> None:
    """ "En la misma jornada", "Le même jour", "В тот же день", "同日": the day told before, not a
    later year nor the original date of a renewed deal."""
    assert _dates(text)[kind][0] == date


def test_a_russian_month_before_its_future_verb_is_the_coming_one() -> None:
    """ "В апреле ... планируется подписать меморандум": the coming April; "В феврале ... подписал":
    the last February."""
    text = (
        "Нордвальский государственный университет подписал соглашение с Зюдмерским техническим университетом.\n"
        "В апреле в ходе визита делегации университета в Бишкек планируется подписать меморандум о "
        "взаимопонимании с Вексальским университетом.\n"
        "В феврале Нордвальский государственный университет подписал договор с Оранским университетом."
    )
    got = {p.kind.value: str(p.date) for p in pk.extract(text, published="2026-03-12").partnerships if p.date}
    assert got == {"mou": "2026-04", "agreement": "2026-02"}
