"""Extraction from news written in Russian, Spanish, German, French and Chinese (own texts).

A user relies on: a short form used in a title before the body defines it ("La UC y ...",
"l'EPFL") being the organisation the definition names, not a neighbour; "TU Dresden" and
"Technische Universität Dresden" being one university; a title that repeats part of a
consortium being that consortium; Chinese names not swallowing the verb before them
("代表团访问X大学", "X大学加入Y联盟"); Chinese memberships stated as "成为...成员" and "已是...的成员";
an exchange told by its verb alone ("intercambiará estudiantes", "Studierende austauschen");
"doble título" as a double degree; a mobility document with an adjective ("convenios específicos de
movilidad", "соглашение об академических обменах") being the exchange with the publisher; a programme
run "совместно с X" and a centre "совместного с компанией" being joint ones with that partner.
"""

from __future__ import annotations

import re

import pytest

import partnerkit as pk


def _records(text: str, published: str | None = "2024-05-01") -> set[tuple[str, frozenset[str]]]:
    ex = pk.extract(text, published=published)
    return {(p.kind.value, frozenset(x.name for x in p.parties)) for p in ex.partnerships}


def test_acronym_in_a_title_before_its_definition_is_the_defined_name() -> None:
    text = (
        "La UCM y la Universidad de Lund crean un laboratorio conjunto\n"
        "La Universidad Central de Montoro (UCM) y la Universidad de Lund inauguraron un laboratorio conjunto."
    )
    ex = pk.extract(text)
    names = {m.text: m.name for m in ex.mentions}
    assert names["UCM"] == "Universidad Central de Montoro"
    assert _records(text) == {
        ("joint_lab", frozenset({"Universidad Central de Montoro", "Universidad de Lund"})),
    }


def test_title_naming_part_of_a_consortium_is_that_consortium() -> None:
    text = (
        "Riverton, l'IPR et l'UBA lancent un consortium\n"
        "L'Université de Riverton, l'Institut polytechnique de Ravel (IPR) et l'Université de Bastia (UBA) "
        "ont lancé le 12 janvier 2024 un consortium sur les batteries."
    )
    assert _records(text) == {
        (
            "consortium",
            frozenset({"Université de Riverton", "Institut polytechnique de Ravel", "Université de Bastia"}),
        )
    }


def test_german_tu_is_technische_universitaet() -> None:
    text = (
        "TU Riverstadt und Lakeside-Universität vereinbaren Doppelmaster\n"
        "Die Technische Universität Riverstadt und die Lakeside-Universität haben am 27. April 2021 einen "
        "Kooperationsvertrag über einen Doppelmasterstudiengang unterzeichnet."
    )
    got = _records(text)
    assert {k for k, _ in got} == {"agreement", "double_degree"}
    assert all(len(p) == 2 for _, p in got)


@pytest.mark.parametrize(
    ("text", "full"),
    [
        (
            "Riverton University and Delft University of Technology signed an agreement.\n"
            "TU Delft and Riverton University also opened a joint laboratory.",
            "Delft University of Technology",
        ),
        (
            "Katholieke Universiteit Leuven and Riverton University signed an agreement.\n"
            "KU Leuven and Riverton University also opened a joint laboratory.",
            "Katholieke Universiteit Leuven",
        ),
        (
            "Die Technische Hochschule Köln und die Universität Riverton unterzeichneten einen Vertrag.\n"
            "Die TH Köln und die Universität Riverton eröffneten auch ein gemeinsames Labor.",
            "Technische Hochschule Köln",
        ),
    ],
)
def test_tu_th_ku_plus_city_is_the_full_name_met_before(text: str, full: str) -> None:
    got = _records(text)
    assert {k for k, _ in got} == {"agreement", "joint_lab"}
    assert all(full in parties for _, parties in got)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "3月15日，中山大学代表团访问圣彼得堡国立大学，双方签署合作协议。",
            {("agreement", frozenset({"中山大学", "圣彼得堡国立大学"}))},
        ),
        (
            "近日，武汉大学正式成为环太平洋大学联盟成员。",
            {("membership", frozenset({"武汉大学", "环太平洋大学联盟"}))},
        ),
        (
            "此前，武汉大学已是中俄工科大学联盟的成员高校。",
            {("membership", frozenset({"武汉大学", "中俄工科大学联盟"}))},
        ),
    ],
)
def test_chinese_names_and_memberships(text: str, expected: set[tuple[str, frozenset[str]]]) -> None:
    assert _records(text) == expected


def test_a_chinese_name_after_yi_as_is_the_name_alone_but_israel_keeps_its_yi() -> None:
    """ "学校将以X联盟为平台" (with X as a platform): the name starts after 以; "以色列理工学院" keeps it."""
    ex = pk.extract("河源大学将以白沙大学联盟为平台，与以色列理工学院签署合作协议。", published="2024-05-01")
    names = {m.name for m in ex.mentions}
    assert "白沙大学联盟" in names
    assert "以色列理工学院" in names
    assert not any(n.startswith("以白") for n in names)


def _with_status(text: str, published: str | None = "2024-05-01") -> set[tuple[str, frozenset[str], str]]:
    ex = pk.extract(text, published=published)
    return {(p.kind.value, frozenset(x.name for x in p.parties), p.status.value) for p in ex.partnerships}


def test_russian_list_of_signatories_signs_one_document() -> None:
    text = (
        "Ривертонский государственный университет, Озёрский университет и Харбинский горный университет "
        "12 ноября подписали соглашение о сотрудничестве."
    )
    assert _records(text) == {
        (
            "agreement",
            frozenset(
                {"Ривертонский государственный университет", "Озёрский университет", "Харбинский горный университет"}
            ),
        )
    }


def test_russian_admission_to_a_named_alliance_and_generic_plural_programmes() -> None:
    text = (
        "17.10.2023 Ривертонский государственный университет был принят в Азиатский университетский альянс. "
        "Университет будет заниматься продвижением совместных образовательных программ."
    )
    assert _records(text) == {
        ("membership", frozenset({"Ривертонский государственный университет", "Азиатский университетский альянс"}))
    }


def test_spanish_funder_and_council_are_no_parties_and_leaving_ends_a_membership() -> None:
    text = (
        "La Universidad de Montoro y la Universidad de Lund inauguraron un laboratorio conjunto. Además, ambas "
        "instituciones desarrollarán un proyecto conjunto de investigación, financiado por la Agencia Nacional "
        "de Ciencia (ANC). El Consejo de Gobierno de la Universidad de Montoro decidió darse de baja de la "
        "Asociación Columbus."
    )
    pair = frozenset({"Universidad de Montoro", "Universidad de Lund"})
    got = _with_status(text)
    assert {(k, p) for k, p, _ in got} == {
        ("joint_lab", pair),
        ("research_project", pair),
        ("membership", frozenset({"Universidad de Montoro", "Asociación Columbus"})),
    }
    assert ("membership", frozenset({"Universidad de Montoro", "Asociación Columbus"}), "ended") in got


def test_german_verb_final_membership_dotted_acronym_and_exchange_agreement() -> None:
    text = (
        "Die Universität Riverstadt ist zum 1. Januar 2024 dem europäischen Hochschulverband CESAER "
        "beigetreten. Die Mitgliedschaft im Netzwerk T.I.M.E. (Top Industrial Managers for Europe) hat die "
        "Universität dagegen gekündigt. Die Universität Riverstadt und die Universität Lund haben eine "
        "Vereinbarung über den Austausch von Studierenden unterzeichnet."
    )
    ex = pk.extract(text, published="2024-01-05")
    got = {(p.kind.value, frozenset(x.name for x in p.parties), p.status.value) for p in ex.partnerships}
    assert ("membership", frozenset({"Universität Riverstadt", "CESAER"}), "active") in got
    assert ("exchange", frozenset({"Universität Riverstadt", "Universität Lund"}), "signed") in got
    ended = [p for p in ex.partnerships if p.status.value == "ended"]
    assert len(ended) == 1
    assert ended[0].kind.value == "membership"
    assert "T.I.M.E." in ended[0].parties[1].name
    assert ended[0].evidence[0].quote.endswith("gekündigt.")  # the dotted acronym ended no sentence
    assert not any(p.kind.value == "agreement" for p in ex.partnerships)


def test_french_exchange_agreement_is_the_exchange() -> None:
    got = _with_status(
        "Par ailleurs, l'Université de Riverton a suspendu en mars 2022 son accord d'échange avec l'Université de Lund."
    )
    assert got == {("exchange", frozenset({"Université de Riverton", "Université de Lund"}), "ended")}


def test_pronoun_subject_gives_the_pair_in_play_its_joint_programme() -> None:
    text = (
        "L'Université de Riverton et l'Université de Lund ont renouvelé lundi leur partenariat stratégique. "
        "Il comprend un programme d'échange d'étudiants de master."
    )
    pair = frozenset({"Université de Riverton", "Université de Lund"})
    assert _records(text, "2024-05-15") == {("strategic_partnership", pair), ("exchange", pair)}


def test_offices_in_russian_locative_and_german_talks_about_an_office() -> None:
    ex = pk.extract("22 апреля Ривертонский государственный университет открыл своё представительство в Ханое.")
    assert [(p.location.city, p.location.country) for p in ex.partnerships if p.location] == [("Hanoi", "VN")]
    ex = pk.extract(
        "Über ein weiteres Büro in Mexiko-Stadt führt die Freie Universität Riverstadt derzeit Gespräche mit der "
        "Universidad Nacional Autónoma de México."
    )
    assert [(p.kind.value, p.status.value) for p in ex.partnerships] == [("office", "negotiating")]
    assert ex.partnerships[0].location is not None
    assert ex.partnerships[0].location.city == "Mexico City"


def test_consortium_members_act_together() -> None:
    text = (
        "Ривертонский университет, Озёрский университет и Харбинский горный университет создали консорциум. "
        "С сентября 2025 года участники консорциума запустят совместную магистерскую программу."
    )
    three = frozenset({"Ривертонский университет", "Озёрский университет", "Харбинский горный университет"})
    assert _records(text) == {("consortium", three), ("joint_programme", three)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "La Universidad de Montoro y la Universidad de Lund firmarán un convenio el próximo mes.",
            ("agreement", "planned"),
        ),
        ("La Universidad de Montoro rompió su convenio con la Universidad de Lund.", ("agreement", "ended")),
        (
            "Die Universität Riverstadt und die Universität Lund wollen im Herbst einen Kooperationsvertrag "
            "unterzeichnen.",
            ("agreement", "planned"),
        ),
        (
            "Die Universität Riverstadt hat ihre Partnerschaft mit der Universität Lund auf Eis gelegt.",
            ("agreement", "ended"),
        ),
        (
            "L'Université de Riverton et l'Université de Lund signeront une convention en juin.",
            ("agreement", "planned"),
        ),
        ("L'Université de Riverton a mis fin à son partenariat avec l'Université de Lund.", ("agreement", "ended")),
        ("南京大学与早稻田大学签订学生交流协议。", ("exchange", "signed")),
    ],
)
def test_status_words_and_document_paraphrases(text: str, expected: tuple[str, str]) -> None:
    got = {(k, s) for k, _p, s in _with_status(text)}
    assert got == {expected}


def test_in_partnership_with_is_no_agreement_and_a_joint_degree_programme_is_one_record() -> None:
    assert {
        k
        for k, _ in _records(
            "L'Université de Riverton va ouvrir une antenne à Abidjan en partenariat avec l'Université de Lund."
        )
    } == {"office"}
    got = _records(
        "Die Universität Riverstadt und die Universität Lund starten einen gemeinsamen Masterstudiengang mit "
        "Doppelabschluss."
    )
    assert {k for k, _ in got} == {"double_degree"}


def test_french_east_is_no_abbreviation_and_the_partner_is_the_pair_in_play() -> None:
    text = (
        "L'Université de Riverton a fermé son Institut Confucius, créé en 2012 avec l'Université normale de la "
        "Chine de l'Est. L'établissement souhaite poursuivre les échanges d'étudiants avec son partenaire chinois "
        "dans le cadre d'une nouvelle convention d'échange, en cours de négociation."
    )
    got = _with_status(text)
    pair = frozenset({"Université de Riverton", "Université normale de la Chine de l'Est"})
    assert ("exchange", pair, "negotiating") in got
    assert ("other", pair, "ended") in got


def test_chinese_city_after_a_verb_is_the_office_place() -> None:
    ex = pk.extract("浙江大学在伦敦设立海外办事处。")
    assert [(p.kind.value, p.location.city if p.location else None) for p in ex.partnerships] == [("office", "London")]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("В прошлом месяце Ривертонский университет вступил в Ассоциацию азиатских университетов.", "2024-04"),
        ("Le mois dernier, l'Université de Riverton a rejoint le réseau Coimbra.", "2024-04"),
        ("Im vergangenen Monat trat die Universität Riverstadt dem Netzwerk Eucor bei.", "2024-04"),
        ("本月10日，北京大学与牛津大学签署合作协议。", "2024-05-10"),
        ("上月10日，北京大学与牛津大学签署合作协议。", "2024-04-10"),
        # a bare day: of the publication month, or of the month before when it is later than today
        ("10日，北京大学与牛津大学签署合作协议。", "2024-05-10"),
        ("20日，北京大学与牛津大学签署合作协议。", "2024-04-20"),
    ],
)
def test_last_month_and_this_month_dates(text: str, date: str) -> None:
    ex = pk.extract(text, published="2024-05-16")
    assert [str(p.date) for p in ex.partnerships] == [date]
    assert all(len(p.parties) == 2 for p in ex.partnerships)


@pytest.mark.parametrize(
    ("text", "published", "date"),
    [
        # published on a Thursday: "last Thursday" is the Thursday before, a bare "Thursday" the day itself
        ("Omega University and Sigma University signed an agreement last Thursday.", "2024-05-02", "2024-04-25"),
        ("Omega University and Sigma University signed an agreement on Thursday.", "2024-05-02", "2024-05-02"),
        ("Omega University and Sigma University signed an agreement last Tuesday.", "2024-05-02", "2024-04-30"),
        (
            "L'Université de Riverton et l'Université de Bastia ont signé un accord jeudi dernier.",
            "2024-05-02",
            "2024-04-25",
        ),
        (
            "La Universidad de Montoro y la Universidad de Lund firmaron un convenio el jueves pasado.",
            "2024-05-02",
            "2024-04-25",
        ),
        (
            "Die Universität Riverton und die Universität Bastia unterzeichneten am vergangenen Donnerstag "
            "einen Vertrag.",
            "2024-05-02",
            "2024-04-25",
        ),
        (
            "Университет Ривертона и Университет Бастии в прошлый четверг подписали соглашение.",
            "2024-05-02",
            "2024-04-25",
        ),
        ("河源大学与白沙大学上周四签署合作协议。", "2024-05-02", "2024-04-25"),
        ("河源大学与白沙大学于周二签署合作协议。", "2024-05-02", "2024-04-30"),
    ],
)
def test_last_weekday_said_on_that_weekday_is_a_week_before(text: str, published: str, date: str) -> None:
    ex = pk.extract(text, published=published)
    assert [str(p.date) for p in ex.partnerships] == [date]


def test_no_trigger_phrase_ends_in_a_space_before_its_lookahead() -> None:
    """A phrase is closed by a word-boundary check, so a phrase ending "в (?=...)" or "partie (?:du |de
    l')(?=...)" could never match: the space belongs inside the lookahead ("в(?= ...)")."""
    from partnerkit._extract._lexicon import raw_tables

    def before_final_lookahead(phrase: str) -> str | None:
        if not phrase.endswith(")"):
            return None
        depth = 0
        for i in range(len(phrase) - 1, -1, -1):
            depth += {")": 1, "(": -1}.get(phrase[i], 0) if phrase[i - 1 : i] != "\\" else 0
            if depth == 0:
                return phrase[:i] if phrase.startswith("(?=", i) else None
        return None

    def ends_open(head: str) -> bool:
        """The text before the lookahead can end in a space or apostrophe: itself, or one
        alternative of a closing group ("partie (?:de la |de l'|du )(?=...)")."""
        if re.search(r"[ '’](?:\([^()]*\)\?)?$", head):
            return True
        group = re.search(r"\(\?:([^()]*)\)\??$", head)
        return group is not None and any(alt.endswith((" ", "'", "’")) for alt in group.group(1).split("|"))

    bad = [
        phrase
        for table in raw_tables().values()
        for section in ("kinds", "status")
        for phrases in table.get(section, {}).values()
        for phrase in phrases
        if (head := before_final_lookahead(phrase)) is not None and ends_open(head)
    ]
    assert bad == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Университет Ривертона и Университет Бастии подписали соглашение о создании совместной лаборатории.\n"
            "Оба университета входят в Ассоциацию технических университетов Кении и Танзании.",
            {
                ("agreement", frozenset({"Университет Ривертона", "Университет Бастии"})),
                ("joint_lab", frozenset({"Университет Ривертона", "Университет Бастии"})),
                (
                    "membership",
                    frozenset({"Университет Ривертона", "Ассоциацию технических университетов Кении и Танзании"}),
                ),
                (
                    "membership",
                    frozenset({"Университет Бастии", "Ассоциацию технических университетов Кении и Танзании"}),
                ),
            },
        ),
        (
            "La Universidad de Riverton se retiró de la red Andina Norte en 2022.",
            {("membership", frozenset({"Universidad de Riverton", "Andina Norte"}))},
        ),
        (
            "Die Universität Riverton ist Teil der Allianz Orbit.",
            {("membership", frozenset({"Universität Riverton", "Orbit"}))},
        ),
    ],
)
def test_memberships_of_networks_named_with_places_and_after_a_network_noun(
    text: str, expected: set[tuple[str, frozenset[str]]]
) -> None:
    assert _records(text) == expected


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # two fields joined inside one name: one name
        ("北岭大学与布达佩斯技术与经济大学签署合作协议。", {"北岭大学", "布达佩斯技术与经济大学"}),
        ("北岭大学和南川科学与技术学院签署合作协议。", {"北岭大学", "南川科学与技术学院"}),
        # the natural sciences of an academy institute: one name
        ("北岭大学与南川生态与地理研究所签署合作协议。", {"北岭大学", "南川生态与地理研究所"}),
        ("北岭大学与南川地理科学与资源研究所签署合作协议。", {"北岭大学", "南川地理科学与资源研究所"}),
        # two names joined: two names
        ("北岭大学与南川大学签署合作协议。", {"北岭大学", "南川大学"}),
    ],
)
def test_a_chinese_conjunction_between_two_fields_is_inside_the_name(text: str, names: set[str]) -> None:
    ex = pk.extract(text, published="2024-05-16")
    assert [{x.name for x in p.parties} for p in ex.partnerships] == [names]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a time word opening the clause is not the name's first characters
        ("据悉，今年下半年北岭大学还将与南川大学签署合作协议。", {"北岭大学", "南川大学"}),
        ("目前北岭大学已与南川大学签署合作协议。", {"北岭大学", "南川大学"}),
        # "both schools' engineering colleges": a reference and a sub-unit, no third party
        (
            "北岭大学与南川大学签署学生交换协议。双方还商定，将于2026年启动双学位项目，具体方案由两校工学院共同制定。",
            {"北岭大学", "南川大学"},
        ),
    ],
)
def test_a_chinese_time_word_or_reference_before_a_name_is_not_part_of_it(text: str, names: set[str]) -> None:
    ex = pk.extract(text, published="2024-05-16")
    assert {x.name for p in ex.partnerships for x in p.parties} == names


def test_a_chinese_related_agreement_is_the_deal_it_would_set_up() -> None:
    """ "商谈建立联合实验室，相关协议有望于明年签署": one joint lab under negotiation; the "related
    agreement" is its document, not a second deal."""
    ex = pk.extract(
        "北岭大学与南川大学签署了战略合作协议。此外，北岭大学正与布达佩斯技术与经济大学商谈建立联合实验室，相关协议有望于明年签署。",
        published="2024-05-16",
    )
    got = {(p.kind.value, frozenset(x.name for x in p.parties)) for p in ex.partnerships}
    assert got == {
        ("strategic_partnership", frozenset({"北岭大学", "南川大学"})),
        ("joint_lab", frozenset({"北岭大学", "布达佩斯技术与经济大学"})),
    }


def test_spanish_de_acuerdo_is_no_agreement_and_a_triple_degree_is_a_degree() -> None:
    """ "ponernos de acuerdo" (to agree) and "de acuerdo con" (according to) sign nothing; "un triple
    título" is a multiple degree like a double one."""
    assert not _records(
        "De acuerdo con el rector de la Universidad de Montoro, falta ponernos de acuerdo con la Universidad de "
        "Lund en los créditos."
    )
    got = _records("La Universidad de Montoro y la Universidad de Lund crearán un triple título de máster.")
    assert got == {("double_degree", frozenset({"Universidad de Montoro", "Universidad de Lund"}))}


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Riverton University will offer a master's degree that will be taught jointly with Lakeside University.",
         "planned"),
        ("Riverton University is in talks with Lakeside University about a joint executive master's.", "negotiating"),
    ],
)  # fmt: skip
def test_english_joint_programmes_taught_jointly_or_with_a_qualifier(text: str, status: str) -> None:
    ex = pk.extract(text, published="2024-05-01")
    got = {(p.kind.value, frozenset(x.name for x in p.parties), p.status.value) for p in ex.partnerships}
    assert got == {("joint_programme", frozenset({"Riverton University", "Lakeside University"}), status)}


def test_german_exchange_of_doctoral_candidates_tauschten_promovierende_aus() -> None:
    """ "tauschten ... Promovierende aus" (doctoral candidates) is an exchange like "... Studierende aus"."""
    got = _records("Die Universität Riverstadt und die Universität Bastia tauschten zudem erstmals Promovierende aus.")
    assert got == {("exchange", frozenset({"Universität Riverstadt", "Universität Bastia"}))}


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("La Universidad de Nortevalle intercambiará estudiantes con la Universidad de Surmar.", "planned"),
        (
            "Desde 2012, la Universidad de Nortevalle y la Universidad de Surmar intercambian estudiantes de grado.",
            "active",
        ),
        ("Die Universität Nordtal und die Universität Südsee werden ab 2025 Studierende austauschen.", "planned"),
        # the separable verb far from its particle, a programme name with "+" between them
        (
            "Die Universität Nordtal und die Universität Südsee tauschen bereits seit 2012 im Rahmen von "
            "Erasmus+ Studierende und Lehrende aus.",
            "active",
        ),
        ("L'Université de Nordval échangera des étudiants avec l'Université de Sudmer dès 2025.", "planned"),
        ("L'Université de Nordval et l'Université de Sudmer échangent des étudiants depuis 2012.", "active"),
    ],
)
def test_an_exchange_told_by_its_verb_alone(text: str, status: str) -> None:
    """ "intercambiará estudiantes", "Studierende austauschen", "échangera des étudiants": an
    exchange of the two universities without the noun "exchange"."""
    got = [
        (p.kind.value, len(p.parties), p.status.value) for p in pk.extract(text, published="2024-05-01").partnerships
    ]
    assert got == [("exchange", 2, status)]


def test_spanish_doble_titulo_is_a_double_degree() -> None:
    """ "doble título" (not only "doble titulación") names a double degree."""
    text = "La Universidad de Nortevalle ofrece desde 2016 un doble título con la Universidad de Surmar."
    assert _records(text) == {("double_degree", frozenset({"Universidad de Nortevalle", "Universidad de Surmar"}))}


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "Los estudiantes asistieron a la Escuela de Verano Andes, que la Universidad de Varenna y la "
            "Universidad de Norrland organizan conjuntamente desde 2024.",
            {"Universidad de Varenna", "Universidad de Norrland"},
        ),
        ("Varenna University and Norrland University have jointly run a summer school since 2019.", None),
        ("Die Sommerschule Alpen der Universität Graz und der Universität Brno wird gemeinsam fortgesetzt.", None),
        ("L'Université de Varenne et l'Université de Norrland créent ensemble une école d'été.", None),
    ],
)
def test_a_jointly_run_summer_school_is_a_joint_programme(text: str, pair: set[str] | None) -> None:
    """A summer school the partners run jointly (es/en/de/fr) is their joint programme, and the
    school's own name is no party."""
    ex = pk.extract(text, published="2025-07-28")
    got = [(p.kind.value, {x.name for x in p.parties}) for p in ex.partnerships]
    assert [k for k, _ in got] == ["joint_programme"], got
    assert len(got[0][1]) == 2
    if pair is not None:
        assert got[0][1] == pair


@pytest.mark.parametrize(
    ("text", "network", "date"),
    [
        (
            "La Universidad de Varenna recordó que el año pasado dejó de participar en el Consorcio de "
            "Universidades del Norte, del que era miembro fundador desde 2012.",
            "Consorcio de Universidades del Norte",
            "2012",
        ),
        (
            "Zum Jahresende 2024 ist die Universität Varenna aus der Nordrektorenkonferenz ausgetreten, der sie seit "
            "1993 angehört hatte.",
            "Nordrektorenkonferenz",
            "1993",
        ),
    ],
)
def test_a_withdrawal_in_spanish_or_german_ends_a_membership(text: str, network: str, date: str) -> None:
    """ "dejó de participar en X", "ist aus X ausgetreten" (X one closed German compound, and the
    "aus" of leaving, not of an origin) end the membership in X, dated by when it began."""
    ex = pk.extract(text, published="2025-02-10")
    got = [(p.kind.value, {x.name for x in p.parties}, str(p.date), p.status.value) for p in ex.partnerships]
    university = "Universidad de Varenna" if "Universidad" in text else "Universität Varenna"
    assert got == [("membership", {network, university}, date, "ended")]


def test_agreements_with_unnamed_universities_name_no_partner() -> None:
    """ "bestehende Abkommen mit Universitäten im Donauraum": plural universities without an
    article are no party; the network the sentence names is not one either."""
    text = "Der Austritt aus der Nordrektorenkonferenz berührt bestehende Abkommen mit Universitäten im Norden nicht."
    assert pk.extract(text, publisher="Universität Varenna", published="2025-02-10").partnerships == ()


def test_talks_on_a_programme_commun() -> None:
    """Talks "en vue d'un programme commun" are a joint programme under negotiation between the two
    universities (French names it "commun" as often as "conjoint")."""
    text = (
        "L'Université de Varenne mène des discussions avec l'Université de Norrland en vue d'un programme "
        "commun de master en hydrologie."
    )
    ex = pk.extract(text, published="2025-07-28")
    got = [(p.kind.value, p.status.value, len(p.parties)) for p in ex.partnerships]
    assert got == [("joint_programme", "negotiating", 2)], got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # an adjective between the document and its mobility object: the exchange, with the publisher
            "La Universidad de Nordval firmó un convenio marco con la Universidad de Sudmer.\n"
            "Asimismo, se firmaron convenios específicos de movilidad estudiantil con la Universidad de "
            "Vexalia (Uruguay), la Universidad de Oranto y la Universidad Nacional de Belmira (Paraguay), "
            "que permitirán recibir a los primeros estudiantes en 2026.",
            {
                ("agreement", frozenset({"Universidad de Nordval", "Universidad de Sudmer"})),
                ("exchange", frozenset({"Universidad de Nordval", "Universidad de Vexalia"})),
                ("exchange", frozenset({"Universidad de Nordval", "Universidad de Oranto"})),
                ("exchange", frozenset({"Universidad de Nordval", "Universidad Nacional de Belmira"})),
            },
        ),
        (  # a plural adjective of the mobility object ("об академических обменах")
            "Нордвальский государственный университет и Зюдмерский технический университет продлили "
            "соглашение об академических обменах.",
            {
                (
                    "exchange",
                    frozenset({"Нордвальский государственный университет", "Зюдмерский технический университет"}),
                )
            },
        ),
        (  # a programme run "совместно с X"
            "С 2023 года Нордвальский государственный университет совместно с Зюдмерским техническим "
            "университетом реализует магистерскую программу «Экология».",
            {
                (
                    "joint_programme",
                    frozenset({"Нордвальский государственный университет", "Зюдмерским техническим университетом"}),
                )
            },
        ),
        (  # a centre "совместного с компанией": the company's joint centre
            "Нордвальский государственный университет и ПАО «Вексатрон Холдинг» подписали соглашение о "
            "создании совместного с компанией инжинирингового центра.",
            {
                ("agreement", frozenset({"Нордвальский государственный университет", "ПАО «Вексатрон Холдинг»"})),
                ("joint_lab", frozenset({"Нордвальский государственный университет", "ПАО «Вексатрон Холдинг»"})),
            },
        ),
    ],
)
def test_mobility_documents_and_joint_objects_with_a_partner(
    text: str, expected: set[tuple[str, frozenset[str]]]
) -> None:
    assert _records(text) == expected


_HEADLINE_TU = (
    "Kooperationsvertrag mit der TU Vexburg unterzeichnet\n"
    "Die {name} und die Technische Universität Vexburg haben am Montag einen Kooperationsvertrag "
    "unterzeichnet.\n"
    "Ab 2027 wollen die {short} und die Tarvi-Universität in Shanghai einen Doppelabschluss anbieten.\n"
    "Die 2015 geschlossene Austauschvereinbarung mit der Universität Belmira ruht seit 2022."
)


@pytest.mark.parametrize(
    ("name", "short", "full"),
    [
        # "TU Vexburg" is the Technische Universität of that place (not the Tarvi-Universität's "TU"),
        # even where the place is in no gazetteer
        ("Hochschule Nordal (HSN)", "HSN", "Hochschule Nordal"),
        # places joined by a slash belong to one name ("Hochschule Zittau/Görlitz")
        ("Hochschule Nordal/Sudwald (HSNS)", "HSNS", "Hochschule Nordal/Sudwald"),
    ],
)
def test_german_tu_of_an_unknown_place_and_slashed_places(name: str, short: str, full: str) -> None:
    assert _records(_HEADLINE_TU.format(name=name, short=short)) == {
        ("agreement", frozenset({full, "Technische Universität Vexburg"})),
        ("double_degree", frozenset({full, "Tarvi-Universität"})),
        ("exchange", frozenset({full, "Universität Belmira"})),
    }


def test_a_headline_counterpart_is_not_what_the_text_is_about() -> None:
    """ "... organizada con la Universidad de Vexalia": the text is about the other university."""
    text = (
        "Concluye la escuela de verano organizada con la Universidad de Vexalia\n"
        "La Universidad de Nordval y la Universidad de Vexalia organizaron la segunda escuela de verano en Lima.\n"
        "Además, la universidad firmó un convenio de movilidad estudiantil con la Universidad de Oranto.\n"
        "La Universidad de Nordval también firmó un convenio marco con la Universidad de Belmira."
    )
    assert ("exchange", frozenset({"Universidad de Nordval", "Universidad de Oranto"})) in _records(text)


def test_russian_list_of_networks_after_vkhodit_v_is_one_membership_each() -> None:
    """ "входит в A, B и C" (no network noun right after "в"): three memberships, not a consortium."""
    text = (
        "Нордвальский государственный университет уже входит в Университет ШОС, Сетевой университет СНГ "
        "и Российско-Китайскую ассоциацию классических университетов."
    )
    uni = "Нордвальский государственный университет"
    assert _records(text) == {
        ("membership", frozenset({uni, "Университет ШОС"})),
        ("membership", frozenset({uni, "Сетевой университет СНГ"})),
        ("membership", frozenset({uni, "Российско-Китайскую ассоциацию классических университетов"})),
    }


def test_chinese_student_exchange_with_a_list_of_partners_and_their_countries() -> None:
    """ "已与泰国A、缅甸B、印度尼西亚C等高校开展学生交换": one exchange per partner, country prefix dropped;
    "扩大学生交换规模" inside an agreement's scope stays no record of its own."""
    text = (
        "北岭大学与南湖大学签署合作协议。\n"
        "目前，北岭大学已与泰国东川大学、缅甸中湖大学、印度尼西亚北川大学等东南亚高校开展学生交换。\n"
    )
    assert _records(text) == {
        ("agreement", frozenset({"北岭大学", "南湖大学"})),
        ("exchange", frozenset({"北岭大学", "东川大学"})),
        ("exchange", frozenset({"北岭大学", "中湖大学"})),
        ("exchange", frozenset({"北岭大学", "北川大学"})),
    }
    scope = "2024年5月20日，北岭大学与南湖大学签署合作协议。根据协议，双方将扩大学生交换规模。"
    assert {k for k, _ in _records(scope)} == {"agreement"}
