"""Mentions grouped into entities (``_extract/_entities.py``): what a user relies on.

Every surface form a text uses for one organisation is one entity, so each mention carries
that organisation's name (``Mention.name``) and a partnership stated with a short form names
the organisation in full: a short form the text defines ("Name (ACR)", also before the
definition), an acronym that fits a name met in the text, the same name in another word
order, a quoted short form ('REC "Kuzbass"'), a CJK short form, a short form glued to
another by a hyphen. Different organisations never share an entity.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import partnerkit as pk
from partnerkit._extract._entities import Entity, acronym_fits, sentence_of
from partnerkit._extract._patterns import find_names
from partnerkit._extract._text import Sentence

_SPIFMO = "Saint-Petersburg State University of Information Technologies, Mechanics and Optics"

GROUPING = [
    {
        "description": "a short form defined in brackets names the long name in later sentences",
        "text": "Huazhong University of Science and Technology (HUST) is in Wuhan. "
        "HUST and Gamma University signed an MoU.",
        "expected": {"HUST": "Huazhong University of Science and Technology", "Gamma University": "Gamma University"},
    },
    {
        "description": "a short form used before its definition joins the long name too",
        "text": "HUST and Gamma University signed an MoU. "
        "Huazhong University of Science and Technology (HUST) is in Wuhan.",
        "expected": {"HUST": "Huazhong University of Science and Technology"},
    },
    {
        "description": "a short name defined in brackets joins the long name (issue 5's ITMO example)",
        "text": "Saint-Petersburg State University of Information Technologies, Mechanics and Optics (ITMO University)"
        " is in Russia. ITMO University signed an MoU with Omega University.",
        "expected": {"ITMO University": _SPIFMO, "Omega University": "Omega University"},
    },
    {
        "description": "a short name used before its definition joins the long name too",
        "text": "ITMO University signed an MoU with Omega University. It was founded as "
        "Saint-Petersburg State University of Information Technologies, Mechanics and Optics (ITMO University).",
        "expected": {"ITMO University": _SPIFMO},
    },
    {
        "description": "an acronym that fits a name met in the text is that name",
        "text": "Gamma Delta University signed an MoU with Omega University. GDU will host students.",
        "expected": {"GDU": "Gamma Delta University", "Omega University": "Omega University"},
    },
    {
        "description": "the same name in another word order is one organisation",
        "text": "The University of Turbat signed an MoU with Omega University. Turbat University will host students.",
        "expected": {"Turbat University": "University of Turbat"},
    },
    {
        "description": "a quoted short form is the name its acronym and quoted word spell",
        "text": 'REC "Kuzbass" opened an office in Ulaanbaatar. '
        "The Kuzbass Research and Education Center is in Kemerovo.",
        "expected": {'REC "Kuzbass"': "Kuzbass Research and Education Center"},
    },
    {
        "description": "a CJK short form (a subsequence with the same tail) is the long name",
        "text": "中国—上海合作组织经贸学院与上海大学签署合作协议。上合组织经贸学院将接收学生。",
        "expected": {"上合组织经贸学院": "中国—上海合作组织经贸学院", "上海大学": "上海大学"},
    },
    {
        "description": "a CJK form with a verb glued before a name written earlier is that name",
        "text": "河源大学与白沙大学签署合作协议。同日，白沙大学校长又来河源大学座谈。河源大学将接收学生。",
        "expected": {"又来河源大学": "河源大学", "河源大学": "河源大学", "白沙大学": "白沙大学"},
    },
    {
        "description": "a defined short form glued to another by a hyphen is read as one of them",
        "text": "The University of Saskatchewan (U of S) and the Beijing Institute of Technology (BIT) signed an MoU. "
        "The U of S-BIT relationship began in 2010.",
        "expected": {"U of S": "University of Saskatchewan", "BIT": "Beijing Institute of Technology"},
    },
    {
        "description": "a university named after its city is named by the bare city too, in any language",
        "text": "Die Universität Graz und die Universität Osaka haben 2020 ein Abkommen unterzeichnet. "
        "Über einen Doppelmaster verhandeln Graz und Osaka derzeit.",
        "expected": {"Graz": "Universität Graz", "Osaka": "Universität Osaka"},
    },
    {
        "description": "the bare city in the name's spelling or the English one ('Bologna', 'Bolonia')",
        "text": "La Universidad de Uppsala y la Universidad de Bolonia firmaron un convenio en 2021. "
        "Uppsala y Bologna negocian ahora un programa de doble titulación.",
        "expected": {"Uppsala": "Universidad de Uppsala", "Bologna": "Universidad de Bolonia"},
    },
    {
        "description": "a name without its place tail, met after the full name, is the full name",
        "text": "La Universidad Nacional de Colombia y la Universidad Vexo firmaron un convenio. "
        "La rectora de la Universidad Nacional asistió.",
        "expected": {"Universidad Nacional": "Universidad Nacional de Colombia"},
    },
    {
        "description": "a name without its place tail stays apart when two names share that head",
        "text": "The National University of Singapore and the National University of Ireland signed an MoU. "
        "The National University hosted the ceremony.",
        "expected": {"National University": "National University"},
    },
    {
        "description": "one proper word set before a name by a dash is its short name",
        "text": "Die Universität Uppsala und das Vexon – Northern Institute of Technology haben 2020 ein Abkommen "
        "unterzeichnet. Mit Uppsala verhandelt das Vexon über ein Austauschprogramm.",
        "expected": {"Vexon": "Northern Institute of Technology"},
    },
]


@pytest.mark.parametrize("case", GROUPING, ids=[c["description"] for c in GROUPING])
def test_forms_of_one_organisation_are_one_entity(case: dict[str, object]) -> None:
    ex = pk.extract(str(case["text"]))
    expected = case["expected"]
    assert isinstance(expected, dict)
    seen = {m.text for m in ex.mentions}
    assert set(expected) <= seen  # every form of the row is found as a mention
    for m in ex.mentions:
        if m.text in expected:
            assert m.name == expected[m.text], m


def test_a_defined_short_form_names_the_organisation_in_full_in_partnerships() -> None:
    """A partnership stated with the short form lists the organisation under its full name."""
    ex = pk.extract(
        "Huazhong University of Science and Technology (HUST) is in Wuhan. HUST and Gamma University signed an MoU."
    )
    assert [[x.name for x in p.parties] for p in ex.partnerships] == [
        ["Huazhong University of Science and Technology", "Gamma University"]
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Arizona State University and the University of Arizona signed an agreement.",
        "Gamma University and Gamma Institute of Technology signed an agreement.",
    ],
)
def test_different_organisations_are_never_one_entity(text: str) -> None:
    """Names that share words but are different organisations keep their own names."""
    ex = pk.extract(text)
    names = [m.name for m in ex.mentions if m.kind == "name"]
    assert len(names) == 2
    assert len(set(names)) == 2
    assert all(m.name == m.text for m in ex.mentions if m.kind == "name")


def test_an_acronym_that_fits_no_name_stays_its_own_organisation() -> None:
    ex = pk.extract("XYZQ signed an MoU with Omega University.")
    by_text = {m.text: m.name for m in ex.mentions}
    assert by_text == {"XYZQ": "XYZQ", "Omega University": "Omega University"}


def test_an_entity_is_named_by_its_registry_record_else_its_fullest_name() -> None:
    """The name a mention and a party carry: the registry's record when resolved, else the
    fullest name the text writes (not an acronym, not a shorter form)."""
    ent = Entity(0, ["HUST", "Huazhong University", "Huazhong University of Science and Technology"], ["HUST"], 0)
    assert ent.best == "Huazhong University of Science and Technology"
    assert Entity(1, ["HUST"], ["HUST"], 0).best == "HUST"  # only an acronym: that is its name
    ent.institution = pk.Institution(id="hust", name="Huazhong Univ. of Sci. & Tech.", country="CN")
    assert ent.best == "Huazhong Univ. of Sci. & Tech."


@given(st.lists(st.integers(min_value=1, max_value=40), min_size=1, max_size=20), st.data())
def test_each_position_belongs_to_the_sentence_that_starts_before_it(lengths: list[int], data: st.DataObject) -> None:
    """A mention is counted in the sentence it stands in (the last one starting at or before it)."""
    sentences = []
    pos = 0
    for i, n in enumerate(lengths):
        sentences.append(Sentence(pos, pos + n, "x" * n, i))
        pos += n + 1
    at = data.draw(st.integers(min_value=0, max_value=pos))
    expected = max(i for i, s in enumerate(sentences) if s.start <= at)
    assert sentence_of(sentences, at) == expected


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a possessive is no part of an acronym
        (
            "Alpha University is a member of the Beta Research Alliance (BRA). Its staff visit BRA's centre.",
            ["Alpha University", "Beta Research Alliance", "Beta Research Alliance", "Beta Research Alliance"],
        ),
        # a capitalised word and a number beside an alliance word name the alliance
        (
            "Alpha University is a member of the Universitas 21 network.",
            ["Alpha University", "Universitas 21"],
        ),
        ("La Universidad de Chile es miembro de la red Universitas 21.", ["Universidad de Chile", "Universitas 21"]),
        ("Alpha University opened on May 21 in the network's city.", ["Alpha University"]),
        # "a member of Universitas 21": the alliance word two words before
        (
            "As a member of Universitas 21 since 1997, Alpha University hosts it.",
            ["Universitas 21", "Alpha University"],
        ),
        ("Alpha University has 21 members of staff.", ["Alpha University"]),
        # a slashed short form in parentheses is one short form of the name before it
        (
            "Alpha University is a member of the Beta Network-Gamma Engineering Network (BN/GEN-Net).",
            ["Alpha University", "Beta Network-Gamma Engineering Network", "Beta Network-Gamma Engineering Network"],
        ),
        # a lower-case head before a demonym and a common noun describes, it names nothing
        (
            "Alpha University is a member of CESAER, the association of European universities of technology.",
            ["Alpha University", "CESAER"],
        ),
    ],
)
def test_possessives_numbered_alliances_and_descriptions(text: str, names: list[str]) -> None:
    """Mentions keep acronyms without their possessive, find "Universitas 21"-like names and skip descriptions."""
    assert [m.name for m in pk.extract(text).mentions] == names


@pytest.mark.parametrize(
    "text",
    [
        # a place: after a preposition, in German, Spanish and English
        "Die Universität Graz hat 2020 ein Abkommen unterzeichnet. Eine Professorin aus Graz leitet das Projekt.",
        "La Universidad de Uppsala firmó un convenio en 2021. La ceremonia tuvo lugar en Uppsala.",
        # two names share the city: the bare city names neither
        "Die Universität Graz und die Hochschule Graz haben 2020 ein Abkommen unterzeichnet. Graz ist schön.",
    ],
)
def test_a_bare_city_is_a_place_after_a_preposition_or_when_two_names_share_it(text: str) -> None:
    """A city named after a preposition, or shared by two names of the text, is no mention."""
    ex = pk.extract(text)
    last = text.rsplit(".", 2)[-2]
    assert not [m for m in ex.mentions if m.start > len(text) - len(last) - 1 and m.text in ("Graz", "Uppsala")]


def test_partnerships_stated_with_bare_city_names_name_the_universities() -> None:
    """ "Heidelberg und Kyoto verhandeln ..." is a deal of the two universities the text named."""
    ex = pk.extract(
        "Die Universität Graz und die Universität Osaka haben 2020 ein Abkommen unterzeichnet. "
        "Der Austausch von Studierenden zwischen Graz und Osaka läuft bereits seit 1998."
    )
    got = {(p.kind.value, frozenset(x.name for x in p.parties)) for p in ex.partnerships}
    assert ("exchange", frozenset({"Universität Graz", "Universität Osaka"})) in got


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("КФУ подпишет меморандум с Университетом Рекейра.", "Университетом Рекейра"),  # not the stop
        ("Центр создан совместно с Университетом Халида бин Рашида.", "Университетом Халида бин Рашида"),
        ("КФУ является членом Федерации университетов речного мира.", "Федерации университетов речного мира"),
    ],
)
def test_russian_names_by_shape(text: str, name: str) -> None:
    """A capitalised genitive after "Университет" ends before the sentence stop and runs on
    through a name particle ("бин"); a federation of universities is an organisation."""
    assert name in [s.text for s in find_names(text)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("河源大学将与华为技术有限公司共建实验室。", "华为技术有限公司"),  # 为 inside a trade name
        ("白沙大学是华为技术有限公司的合作伙伴。", "华为技术有限公司"),
        ("悉尼大学代表团也到访河源大学。", "河源大学"),  # the verb 到访 is no part of the name
        ("校长拜访白沙大学。", "白沙大学"),
    ],
)
def test_chinese_names_by_shape(text: str, name: str) -> None:
    """A company name ending in 有限公司 is read whole although its trade name holds a
    function character; a visiting verb before a name is not the name's."""
    assert name in [s.text for s in find_names(text)]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("La Escuela de Verano Andes, que la Universidad de Varenna organiza, empieza.", ["Universidad de Varenna"]),
        ("The Nordic Summer School of Varenna University opened.", ["Varenna University"]),
        ("Die Sommerschule Alpen der Universität Norrland beginnt.", ["Universität Norrland"]),
    ],
)
def test_a_seasonal_school_is_a_programme_not_an_organisation(text: str, names: list[str]) -> None:
    """A summer school's own name is what partners run, never a party; the organisation its
    name ends in ("Summer School of X University") is still read."""
    assert [s.text for s in find_names(text)] == names


def test_russian_federation_is_no_federation_of_universities() -> None:
    assert [s.text for s in find_names("Граждане Российской Федерации учатся в Озерном университете.")] == [
        "Озерном университете"
    ]


@pytest.mark.parametrize(
    ("text", "short"),
    [
        (
            "La Universidad Ardentina de Madrid firmó un convenio con la Universidad de Norrland. "
            "El acuerdo entre la Universidad de Norrland y la Ardentina prevé intercambios.",
            "Ardentina",
        ),
        (
            "Ardentina University of Madrid signed an agreement with Norrland University. "
            "Talks with the Ardentina began in 2020, a spokesperson said.",
            "Ardentina",
        ),
    ],
)
def test_the_proper_word_of_a_name_after_an_article_names_it(text: str, short: str) -> None:
    """ "la Complutense" after "Universidad Complutense de Madrid" names that university; the bare
    word without an article, and a generic adjective ("la Autónoma"), do not."""
    ex = pk.extract(text)
    found = [m for m in ex.mentions if m.text == short]
    assert len(found) == 1
    assert found[0].name.startswith(("Universidad Ardentina", "Ardentina University"))


def test_a_generic_adjective_is_no_short_form() -> None:
    text = (
        "La Universidad Autónoma de Madrid firmó un convenio con la Universidad de Norrland. "
        "Según la Autónoma, el acuerdo prevé intercambios."
    )
    assert not any(m.text == "Autónoma" for m in pk.extract(text).mentions)


@pytest.mark.parametrize(
    ("text", "city"),
    [
        ("Riverton University signed a memorandum with the Akimat of Almaty on internships.", "Akimat of Almaty"),
        ("The Municipality of Tirana and Riverton University signed an agreement.", "Municipality of Tirana"),
        ("La Universidad de Montoro firmó un convenio con la Alcaldía de Medellín.", "Alcaldía de Medellín"),
    ],
)
def test_a_city_administration_is_named_and_can_be_a_party(text: str, city: str) -> None:
    """A city government that signs is a party (news-dev's convention): "Akimat of X", "Municipality of X"."""
    ex = pk.extract(text, published="2024-05-01")
    assert [city in {x.name for x in p.parties} and len(p.parties) == 2 for p in ex.partnerships] == [True]


@pytest.mark.parametrize(
    ("acronym", "name", "fits"),
    [
        ("UNIVAR", "University of Varnhold", True),
        ("UNIVARN", "University of Ivarnhold", True),  # the place's first letter shared with the "i"
        ("Unicorv", "Universidade Estadual de Corvinas", True),
        ("UNIVAR", "University of Halden", False),
        ("UNIVAR", "Varnhold Institute of Technology", False),  # no university head first
        ("UNIVA", "University of Varnhold", False),  # too short to tell
    ],
)
def test_uni_and_place_acronyms(acronym: str, name: str, fits: bool) -> None:
    assert acronym_fits(acronym, name) is fits


def test_uni_and_place_acronym_joins_the_entity() -> None:
    text = (
        "UNIVAR joins the Tasman Research Alliance\n"
        "The University of Varnhold has been admitted as a member of the Tasman Research Alliance. "
        "UNIVAR signed a memorandum of understanding with Corvane University in 2023."
    )
    ex = pk.extract(text, published="2025-05-07")
    assert {m.name for m in ex.mentions if m.text == "UNIVAR"} == {"University of Varnhold"}
    got = {(p.kind.value, frozenset(x.name for x in p.parties)) for p in ex.partnerships}
    assert got == {
        ("membership", frozenset({"University of Varnhold", "Tasman Research Alliance"})),
        ("mou", frozenset({"University of Varnhold", "Corvane University"})),
    }


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("On 29 April Varnell University signed a memorandum.", ["Varnell University"]),
        ("On Monday Corvane University hosted the delegation.", ["Corvane University"]),
        (
            "Both the University of Vexa and Corvane University are members.",
            ["University of Vexa", "Corvane University"],
        ),
        (
            "Am 2. Mai Hochschule Norrland und Universität Vexa unterzeichneten.",
            ["Hochschule Norrland", "Universität Vexa"],
        ),
        # a French or Spanish month is written in lower case: capitalised, it opens a name
        ("Mayo Clinic and Mars University Hospital signed.", ["Mayo Clinic", "Mars University Hospital"]),
    ],
)
def test_a_month_or_weekday_before_a_name_is_no_part_of_it(text: str, names: list[str]) -> None:
    """ "On 29 April Varnell University signed": the date's month is no first word of the name; nor
    is "Both" ("Both the University of Vexa and ...")."""
    assert [s.text for s in find_names(text)] == names
