"""Extraction: what a user relies on when turning news text into partnership records.

The four seeds must yield exactly the facts of issue 5, with and without a registry; short
texts of our own cover each kind, status, date form and language the lexicon knows.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import partnerkit as pk
from partnerkit._extract._automaton import _TOKEN, _fold, tokens
from partnerkit._extract._lexicon import _code, lexicon, lowered, markdown_tables, may_match, raw_tables
from partnerkit._extract._patterns import find_acronyms, find_names
from tests.conftest import require_shared

ROOT = Path(__file__).resolve().parent.parent


def _seed(prefix: str) -> str:
    folder = require_shared("seeds")
    return next(folder.glob(f"{prefix}_*.txt")).read_text("utf-8")


def _facts(ex: pk.Extraction) -> set[tuple[str, frozenset[str], str, str | None, str | None]]:
    return {
        (
            p.kind.value,
            frozenset(x.name for x in p.parties),
            p.status.value,
            str(p.date) if p.date else None,
            str(p.location) if p.location else None,
        )
        for p in ex.partnerships
    }


REGISTRY = [
    pk.Institution(
        id="itmo",
        name="ITMO University",
        acronyms=("ITMO",),
        country="RU",
        city="Saint Petersburg",
        aliases=("Saint-Petersburg State University of Information Technologies, Mechanics and Optics",),
    ),
    pk.Institution(
        id="hust", name="Huazhong University of Science and Technology", acronyms=("HUST",), country="CN", city="Wuhan"
    ),
    pk.Institution(
        id="hust-vn", name="Hanoi University of Science and Technology", acronyms=("HUST",), country="VN", city="Hanoi"
    ),
    pk.Institution(
        id="mesi",
        name="Moscow State University of Economics, Statistics and Informatics",
        acronyms=("MESI",),
        country="RU",
    ),
    pk.Institution(id="eua", name="European University Association", acronyms=("EUA",), country="BE"),
    pk.Institution(id="rec", name="Kuzbass Research and Education Center", acronyms=("REC Kuzbass",), country="RU"),
]
REAL_REGISTRY = pk.Registry(REGISTRY)  # the matching engine's registry, as users pass it


@pytest.mark.shared
@pytest.mark.parametrize("registry", [None, REGISTRY, REAL_REGISTRY], ids=["no-registry", "list", "pk.Registry"])
def test_seed_000_office_in_brussels(registry: Any) -> None:
    """ITMO opens an office in Brussels, and nothing else (not with the European Parliament)."""
    ex = pk.extract(_seed("000"), registry=registry)
    assert [(p.kind.value, [x.name for x in p.parties], str(p.location)) for p in ex.partnerships] == [
        ("office", ["ITMO University"], "Brussels, BE")
    ]


@pytest.mark.shared
@pytest.mark.parametrize("registry", [None, REGISTRY, REAL_REGISTRY], ids=["no-registry", "list", "pk.Registry"])
def test_seed_001_key_partnership_between_hust_and_itmo(registry: Any) -> None:
    """A key partnership signed 2021-04-27; agreements since 2011; only HUST and ITMO as parties."""
    ex = pk.extract(_seed("001"), registry=registry)
    assert str(ex.published) == "2021-05-03"
    kinds = {(p.kind.value, str(p.date)) for p in ex.partnerships}
    assert ("strategic_partnership", "2021-04-27") in kinds
    assert ("agreement", "2011") in kinds
    for p in ex.partnerships:
        assert len(p.parties) == 2
        names = " ".join(x.name for x in p.parties)
        assert "Huazhong" in names or "HUST" in names
        assert "ITMO" in names or "Information Technologies, Mechanics and Optics" in names
        assert p.kind.value in ("strategic_partnership", "agreement", "exchange")
    if registry is not None:
        ids = {x.institution_id for p in ex.partnerships for x in p.parties}
        assert ids == {"hust", "itmo"}  # Wuhan, China: Huazhong, not the Hanoi decoy


@pytest.mark.shared
@pytest.mark.parametrize("registry", [None, REGISTRY, REAL_REGISTRY], ids=["no-registry", "list", "pk.Registry"])
def test_seed_002_eleven_memberships(registry: Any) -> None:
    """A list of networks yields one membership each, and no other record."""
    ex = pk.extract(_seed("002"), registry=registry)
    assert all(p.kind is pk.PartnershipKind.MEMBERSHIP for p in ex.partnerships)
    orgs = [p.parties[1].name for p in ex.partnerships]
    expected = ["EUA", "OECD-IMHE", "ICDE", "EDEN", "EADTU", "EFQUEL", "CEEMAN", "FMA", "ISI", "itSMF", "MAPRYAL"]
    if registry is not None:
        expected[0] = "European University Association"
    assert orgs == expected
    assert {p.parties[0].institution_id for p in ex.partnerships} == ({"mesi"} if registry else {None})


@pytest.mark.shared
@pytest.mark.parametrize("registry", [None, REGISTRY, REAL_REGISTRY], ids=["no-registry", "list", "pk.Registry"])
def test_seed_003_offices_in_china_and_mongolia_negotiating_belarus(registry: Any) -> None:
    ex = pk.extract(_seed("003"), registry=registry)
    assert str(ex.published) == "2021-03-18"
    got = sorted((p.kind.value, p.status.value, str(p.location)) for p in ex.partnerships)
    assert got == [("office", "active", "CN"), ("office", "active", "MN"), ("office", "negotiating", "BY")]
    assert {p.parties[0].name for p in ex.partnerships} == {"Kuzbass Research and Education Center"}


CASES = [
    # (text, published, expected (kind, parties, status, date, location))
    (
        "Alpha University and the University of Beta signed a memorandum of understanding on 12 March 2020.",
        None,
        ("mou", ["Alpha University", "University of Beta"], "signed", "2020-03-12", None),
    ),
    (
        "Gamma State University and Delta Institute of Technology launched a double degree programme in 2019.",
        None,
        ("double_degree", ["Gamma State University", "Delta Institute of Technology"], "active", "2019", None),
    ),
    (
        "Omega University signed a student exchange agreement with Sigma University yesterday.",
        "2022-06-15",
        ("exchange", ["Omega University", "Sigma University"], "signed", "2022-06-14", None),
    ),
    (
        "Kappa University and Lambda University opened a joint laboratory for photonics on Monday.",
        "2023-07-06",
        ("joint_lab", ["Kappa University", "Lambda University"], "active", "2023-07-03", None),
    ),
    (
        "Zeta University has become a full member of the European University Association (EUA).",
        None,
        ("membership", ["Zeta University", "European University Association"], "active", None, None),
    ),
    (
        "Theta University opened a representative office in Hanoi, Vietnam, on 05/09/2018.",
        None,
        ("office", ["Theta University"], "active", "2018-09-05", "Hanoi, VN"),
    ),
    (
        "Iota University plans to sign an agreement with Rho University next year.",
        None,
        ("agreement", ["Iota University", "Rho University"], "planned", None, None),
    ),
    (
        "Negotiations are underway between Tau University and Upsilon University on a joint programme.",
        None,
        ("joint_programme", ["Tau University", "Upsilon University"], "negotiating", None, None),
    ),
    (
        "Phi University and Chi University founded a consortium of engineering schools in April 2015.",
        None,
        ("consortium", ["Phi University", "Chi University"], "active", "2015-04", None),
    ),
    (
        "Today Nu University and Xi University signed a strategic partnership agreement.",
        "2021-03-18",
        ("strategic_partnership", ["Nu University", "Xi University"], "signed", "2021-03-18", None),
    ),
    (
        "Казанский федеральный университет и Пекинский университет подписали соглашение о сотрудничестве "
        "19 ноября 2019 года.",
        None,
        ("agreement", ["Казанский федеральный университет", "Пекинский университет"], "signed", "2019-11-19", None),
    ),
    (
        "Томский государственный университет открыл представительство в Ташкенте (Узбекистан) в октябре 2022 года.",
        None,
        ("office", ["Томский государственный университет"], "active", "2022-10", "Tashkent, UZ"),
    ),
    (
        "La Universidad de Oviedo firmó un convenio de colaboración con la Universidad de Qingdao en diciembre de 2023.",  # noqa: E501
        None,
        ("agreement", ["Universidad de Oviedo", "Universidad de Qingdao"], "signed", "2023-12", None),
    ),
    (
        "Die Hochschule Nordhausen hat im vergangenen Jahr einen Kooperationsvertrag mit der Universität Kassel "
        "unterzeichnet.",
        "2020-01-10",
        ("agreement", ["Hochschule Nordhausen", "Universität Kassel"], "signed", "2019", None),
    ),
    (
        "Die Universität Kassel und die Universität Wien planen einen Doppelabschluss in Physik.",
        None,
        ("double_degree", ["Universität Kassel", "Universität Wien"], "planned", None, None),
    ),
    (
        "L'Université Mohammed V de Rabat et l'Université Cheikh Anta Diop de Dakar ont signé une convention de "
        "coopération le 21 mai 2015.",
        None,
        (
            "agreement",
            ["Université Mohammed V de Rabat", "Université Cheikh Anta Diop de Dakar"],
            "signed",
            "2015-05-21",
            None,
        ),
    ),
    (
        "圣彼得堡国立经济大学与莫斯科国立大学签署合作协议。",
        None,
        ("agreement", ["圣彼得堡国立经济大学", "莫斯科国立大学"], "signed", None, None),
    ),
    (
        "Визит делегации Удмуртского государственного университета. Подписан меморандум о сотрудничестве "
        "с Ургенчским государственным университетом.",
        None,
        (
            "mou",
            ["Удмуртского государственного университета", "Ургенчским государственным университетом"],
            "signed",
            None,
            None,
        ),
    ),
    (
        "Alpha University signs MoU\nAlpha University and Beta University signed a memorandum of understanding.",
        None,
        ("mou", ["Alpha University", "Beta University"], "signed", None, None),
    ),
    (
        "Alpha University announced on Wednesday the signing of an agreement with Beta University.",
        "2023-07-06",
        ("agreement", ["Alpha University", "Beta University"], "signed", None, None),
    ),
    (
        "中国—上海合作组织经贸学院代表团访问俄罗斯。期间,“某某中心”在圣彼得堡国立经济大学揭牌,上合组织经贸学院与莫斯科国立大学签署合作协议。",
        None,
        ("agreement", ["中国—上海合作组织经贸学院", "莫斯科国立大学"], "signed", None, None),
    ),
    (
        "<p>Alpha University and Beta University signed an MoU on 2021-04-27.</p>",
        None,
        ("mou", ["Alpha University", "Beta University"], "signed", "2021-04-27", None),
    ),
]


@pytest.mark.parametrize(("text", "published", "expected"), CASES, ids=[c[2][0] + str(i) for i, c in enumerate(CASES)])
def test_short_texts(text: str, published: str | None, expected: tuple[object, ...]) -> None:
    """Each kind, status, date form and language: exactly one record with the right fields."""
    ex = pk.extract(text, published=published)
    got = [
        (
            p.kind.value,
            [x.name for x in p.parties],
            p.status.value,
            str(p.date) if p.date else None,
            str(p.location) if p.location else None,
        )
        for p in ex.partnerships
    ]
    assert got == [expected]
    assert all(p.evidence and p.evidence[0].quote for p in ex.partnerships)


def test_mentions_point_into_the_original_text() -> None:
    """Mention offsets index the text as passed, also after HTML and entities were cleaned."""
    text = "<b>Alpha&nbsp;University</b> and the University of Beta signed an MoU."
    ex = pk.extract(text)
    assert ex.mentions
    for m in ex.mentions:
        assert text[m.start : m.end] == m.text


@pytest.mark.parametrize("space", ["&nbsp;", "&#160;", "&#xA0;", "&thinsp;", "\u00a0", " "])
def test_dates_written_with_html_entities_are_read_whole(space: str) -> None:
    """Raw HTML spaces its dates with entities ("3&nbsp;May&nbsp;2024"): the day is read, as in plain text."""
    text = f"<p>Alpha University and Beta University signed an MoU on 3{space}May{space}2024.</p>"
    ex = pk.extract(text, published="2024-05-04")
    assert [str(p.date) for p in ex.partnerships] == ["2024-05-03"]
    assert "3 May 2024" in ex.partnerships[0].evidence[0].quote


def test_entities_for_invisible_characters_leave_no_trace() -> None:
    """A soft hyphen or zero-width entity inside a word does not split the word."""
    ex = pk.extract("Alpha Uni&shy;versity and Beta Univer&#8203;sity signed an MoU on 3 May 2024.")
    assert [[x.name for x in p.parties] for p in ex.partnerships] == [["Alpha University", "Beta University"]]


def test_acronym_definition_resolves_later_uses() -> None:
    text = "Huazhong University of Science and Technology (HUST) is in Wuhan. HUST and Gamma University signed an MoU."
    ex = pk.extract(text)
    assert [[x.name for x in p.parties] for p in ex.partnerships] == [
        ["Huazhong University of Science and Technology", "Gamma University"]
    ]


def test_publisher_fills_the_missing_side() -> None:
    """A sentence naming one side only gets the publisher as the other."""
    ex = pk.extract(
        "A memorandum of cooperation was signed with Urgench State University.", publisher="Udmurt State University"
    )
    assert [[x.name for x in p.parties] for p in ex.partnerships] == [
        ["Udmurt State University", "Urgench State University"]
    ]


def test_headline_short_form_names_the_publisher() -> None:
    """A text that names its subject in full once, and by the bare short form in the headline and after,
    has it as the publisher: "the university is a member of X" is its membership."""
    text = (
        "Vilamar to lead new coastal research project\n\n"
        "The University of Vilamar will coordinate a new project on coastal erosion with the Lagoa "
        "Institute of Oceanography, the university announced today. Vilamar will host the first meeting "
        "in March. The university is a member of the Northern Coastal Universities Network."
    )
    ex = pk.extract(text)
    assert [(p.kind.value, sorted(x.name for x in p.parties)) for p in ex.partnerships] == [
        ("membership", ["Northern Coastal Universities Network", "University of Vilamar"])
    ]


def test_a_grant_agreement_with_a_funder_is_no_partnership() -> None:
    text = (
        "The University of Vilamar leads a new project. The grant agreement with the Northern Research "
        "Council was finalised in December. The University of Vilamar signed an agreement with Lagoa "
        "University in May."
    )
    ex = pk.extract(text, published="2026-02-01")
    assert [sorted(x.name for x in p.parties) for p in ex.partnerships] == [
        ["Lagoa University", "University of Vilamar"]
    ]


def test_generic_counterparts_give_no_record() -> None:
    ex = pk.extract("Alpha University plans to sign agreements with about 10 universities around the globe.")
    assert ex.partnerships == ()


@pytest.mark.parametrize("registry", [REGISTRY, REAL_REGISTRY], ids=["list", "pk.Registry"])
def test_registry_resolves_acronym_with_country_hint(registry: Any) -> None:
    """'HUST' in a text about Vietnam is Hanoi's."""
    ex = pk.extract("HUST and ITMO University signed an agreement in Hanoi, Vietnam.", registry=registry)
    assert {x.institution_id for p in ex.partnerships for x in p.parties} == {"hust-vn", "itmo"}


def test_bad_input_does_not_break() -> None:
    assert pk.extract("").partnerships == ()
    assert pk.extract("źNothing here╗ \x00\x07 ...").partnerships == ()
    with pytest.raises(TypeError):
        pk.extract(b"bytes")  # type: ignore[arg-type]


def test_docs_page_lists_every_trigger_of_the_data_files() -> None:
    """docs/extraction.md shows the trigger tables of every language file, exactly as the files have them."""
    page = (ROOT / "docs" / "extraction.md").read_text("utf-8")
    for lang, table in raw_tables().items():
        assert f"`{lang}`" in page
        for phrases in table["kinds"].values():
            for phrase in phrases:
                assert _code(phrase) in page, (lang, phrase)
    assert page.endswith(markdown_tables()), "run: python scripts/sync_trigger_tables.py"


def test_merge_partnerships_joins_reports_and_keeps_different_deals_apart() -> None:
    a = pk.Partnership(
        kind="strategic_partnership",
        parties=(pk.Party("HUST"), pk.Party("ITMO University")),
        date="2021-04-27",
        evidence=(pk.Evidence(quote="HUST news"),),
    )
    b = pk.Partnership(
        kind="agreement",
        parties=(pk.Party("ITMO University"), pk.Party("Huazhong University of Science and Technology")),
        date="2021-05-03",
        evidence=(pk.Evidence(quote="ITMO news"),),
    )
    c = pk.Partnership(kind="mou", parties=(pk.Party("HUST"), pk.Party("ITMO University")), date="2011")
    d = pk.Partnership(kind="office", parties=(pk.Party("ITMO University"),), location=pk.Location(city="Brussels"))
    e = pk.Partnership(kind="office", parties=(pk.Party("ITMO University"),), location=pk.Location(country="CN"))
    merged = pk.merge_partnerships([a, b, c, d, e])
    assert [(m.kind.value, str(m.date), len(m.evidence)) for m in merged] == [
        ("strategic_partnership", "2021-04-27", 2),
        ("mou", "2011", 0),
        ("office", "None", 0),
        ("office", "None", 0),
    ]
    why = pk._extract._merge.explain_merge(a, c)
    assert why.decision is pk.rules.Decision.NON_MATCH
    assert [r.rule for r in why] == ["incompatible_dates"]
    assert "incompatible_dates" in str(why)


def test_people_who_join_are_not_memberships() -> None:
    """ "graduates have joined the faculty" says nothing about an organisation joining another."""
    ex = pk.extract("Several Alpha University graduates have joined the faculty at Beta University.")
    assert ex.partnerships == ()


def test_speaker_affiliation_is_not_a_party() -> None:
    """The organisation of a spokesperson quoted about a deal is the source, not a party."""
    ex = pk.extract(
        "Alpha University and Beta University signed a memorandum of understanding, a spokesperson of the "
        "Gamma Foundation said."
    )
    assert [sorted(x.name for x in p.parties) for p in ex.partnerships] == [["Alpha University", "Beta University"]]


def test_quoted_short_form_after_a_name_is_that_name() -> None:
    """'Saint Petersburg Electrotechnical University "LETI"' and a later "LETI" are one member."""
    ex = pk.extract(
        "New members of the Association of Technical Universities (ATU):\n"
        '  • Saint Petersburg Electrotechnical University "LETI";\n'
        "  • Kazan Federal University.\n"
        "LETI will host the next meeting."
    )
    names = sorted(x.name for p in ex.partnerships for x in p.parties if "Association" not in x.name)
    assert names == ["Kazan Federal University", "Saint Petersburg Electrotechnical University"]


def test_state_university_is_not_the_university_of_the_state() -> None:
    """ "Arizona State University" and "the University of Arizona" stay two organisations."""
    ex = pk.extract("Arizona State University and the University of Arizona signed an agreement.")
    assert [sorted(x.name for x in p.parties) for p in ex.partnerships] == [
        ["Arizona State University", "University of Arizona"]
    ]


def test_a_name_of_heads_only_goes_on_with_its_place() -> None:
    """ "University College London" is one name (not dropped as two bare heads); "The University" stays a reference."""
    ex = pk.extract("University College London signed a memorandum of understanding with ITMO University.")
    assert [sorted(x.name for x in p.parties) for p in ex.partnerships] == [
        ["ITMO University", "University College London"]
    ]
    ex = pk.extract("The University and the Institute signed an agreement.")
    assert ex.partnerships == ()


def test_the_universities_are_the_pair_in_play() -> None:
    """ "The universities will ..." after a deal between two names: both are parties ("the universities of" is not)."""
    ex = pk.extract(
        "Kazan Federal University and the University of Bologna signed an agreement. "
        "The universities will launch a double degree programme in 2024.\n\n"
        "The universities of the region signed a memorandum."
    )
    assert [(p.kind.value, sorted(x.name for x in p.parties)) for p in ex.partnerships] == [
        ("agreement", ["Kazan Federal University", "University of Bologna"]),
        ("double_degree", ["Kazan Federal University", "University of Bologna"]),
    ]


def test_a_partnership_being_strengthened_already_exists() -> None:
    """ "signed on 1 June 2020 ... to strengthen the strategic partnership": the partnership is running,
    and the signing date is the agreement's, not the partnership's."""
    ex = pk.extract(
        "Alpha University and Beta University signed an agreement on 1 June 2020 that will strengthen the "
        "strategic partnership between the two universities."
    )
    got = {(p.kind.value, p.status.value, str(p.date) if p.date else None) for p in ex.partnerships}
    assert got == {("agreement", "signed", "2020-06-01"), ("strategic_partnership", "active", None)}


def test_partnership_between_countries_gives_no_record() -> None:
    """ "the strategic partnership between Tanzania and India" is about two countries, not institutions."""
    ex = pk.extract(
        "Alpha University news\nRecognising the strategic partnership between Tanzania and India, Alpha University "
        "signed the document."
    )
    assert [p.kind.value for p in ex.partnerships if p.kind.value == "strategic_partnership"] == []


_WITH_A_CONTINENT = """Norvale and Lakemont renew their strategic partnership for five more years

12 August 2024

The University of Norvale has renewed its strategic partnership with Lakemont University for a further five \
years. The renewal was signed last Friday in Lakemont by Norvale's Vice-Chancellor, Professor Ann Berg, during \
her first visit to Europe since taking office.

The Dutch university was Norvale's first partner in continental Europe: the two institutions signed a \
memorandum of understanding in 2004, and the relationship was raised to a strategic partnership in 2019.

"Lakemont is where our partnership with {region} began, and it remains one of the most important relationships \
we have," Professor Berg said.

Lakemont, a member of the Northern Research League (NRL), is the oldest university in the Netherlands. Norvale \
is a member of the Southern Rim Network and of the Pacific Coast Association, and is New Zealand's largest \
university.

During her visit, Professor Berg also met the leadership of Westbrook University, where the two sides \
discussed possible cooperation in veterinary science, and gave a lecture at the University of Eastmere. No \
agreements were signed in Westbrook or Eastmere.

The Vice-Chancellor will travel on to Germany, where she will meet the leadership of several partner \
universities and alumni of the University of Norvale living in Europe. A delegation from Lakemont is expected \
to visit Norvale in February 2025 to mark the twentieth anniversary of the first agreement between the two \
universities.
"""


@pytest.mark.parametrize("region", ["Europe", "Latin America", "India"])
def test_a_partnership_with_a_continent_or_country_gives_no_record(region: str) -> None:
    """ "our partnership with Europe began" speaks of a region, not of a deal of the pair in play."""
    ex = pk.extract(_WITH_A_CONTINENT.format(region=region), published="2024-08-12")
    assert [p.kind.value for p in ex.partnerships if p.kind.value == "agreement"] == []


def test_a_partnership_with_a_university_after_its_country_is_kept() -> None:
    """ "an agreement with Kenya's Lakemont University": the country introduces the partner."""
    ex = pk.extract("Norvale University signed an agreement with Kenya's Lakemont University.", published="2024-08-12")
    assert [{x.name for x in p.parties} for p in ex.partnerships] == [{"Norvale University", "Lakemont University"}]


def test_registry_answers_are_kept_across_calls() -> None:
    """A name that recurs in many articles is matched against a pk.Registry once, with the same answer."""
    calls: list[str] = []

    class Counting(pk.Registry):
        def match(self, name: str, *args: Any, **kwargs: Any) -> Any:
            calls.append(name)
            return super().match(name, *args, **kwargs)

    reg = Counting(REGISTRY)
    text = "The Moscow State University of Economics and Statistics signed an agreement with Zeta Institute of Art."
    first = pk.extract(text, registry=reg)
    n = len(calls)
    assert n >= 1
    second = pk.extract(text, registry=reg)
    assert len(calls) == n  # answered from memory
    assert first == second
    assert pk.extract(text, registry=pk.Registry(REGISTRY)) == first  # a fresh registry: same answer


_PHRASE_WORDS = sorted(
    {w for t in raw_tables().values() for ps in t.get("kinds", {}).values() for p in ps for w in re.findall(r"\w+", p)}
)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(_PHRASE_WORDS),
            st.sampled_from(_PHRASE_WORDS).map(str.upper),
            st.sampled_from(_PHRASE_WORDS).map(str.title),
            st.text(alphabet="aıIİsſSKKσςΣ -.'", max_size=6),
        ),
        max_size=12,
    ).map(" ".join)
)
def test_literal_prefilter_never_hides_a_match(text: str) -> None:
    """The prefilter that skips phrase patterns on most sentences never skips one that matches."""
    for lang in raw_tables():
        lex = lexicon((lang, "en"))
        patterns = [*lex.kinds.values(), *lex.status.values(), *lex.refs.values(), *lex.dates.values()]
        for pattern in patterns:
            if pattern.search(text):
                assert may_match(pattern, lowered(text)), (lang, pattern.pattern[:60], text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40) | st.text(alphabet="aÄßİıſͅΣς北 -«»", max_size=20))
def test_registry_tokens_fold_each_word_as_written(text: str) -> None:
    """The automaton reads a text with the same offsets and folded words, however it is cased."""
    expected = [(m.start(), m.end(), _fold(m.group(0))) for m in _TOKEN.finditer(text)]
    assert tokens(text) == expected


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        (
            "Universitas Gadjah Mada and Universiti Sains Malaysia met.",
            ["Universitas Gadjah Mada", "Universiti Sains Malaysia"],
        ),
        (
            "La Universitat de Girona y el Tecnológico de Costa Rica firmaron.",
            ["Universitat de Girona", "Tecnológico de Costa Rica"],
        ),
        ("TU Delft hosted the meeting.", ["TU Delft"]),
        ("It signed MoUs with three ASEAN universities.", []),
        ("Bosch GmbH and Lund University met.", ["Bosch GmbH", "Lund University"]),
        (
            "Die Universität zu Riverstadt und die Universität Bastia unterzeichneten.",
            ["Universität zu Riverstadt", "Universität Bastia"],
        ),
        (
            "L'École normale supérieure et l'Université de Bastia ont signé un accord.",
            ["École normale supérieure", "Université de Bastia"],
        ),
        (
            "L'Université de Bastia a signé un accord avec l'École polytechnique.",
            ["Université de Bastia", "École polytechnique"],
        ),
        ("Firmaron con la Universidad pública y la Universidad mexicana.", []),
    ],
)
def test_name_shapes_of_other_languages_acronym_city_and_companies(sentence: str, names: list[str]) -> None:
    """Head words of other languages, an acronym before a known city and a legal form make names, so do
    "Universität zu X" and a capitalised Romance head with lower-case adjectives ("École normale
    supérieure"); an acronym used as an adjective before a plural head does not, nor a head with a
    describing adjective ("la Universidad pública")."""
    assert [s.text for s in find_names(sentence) + find_acronyms(sentence) if s.kind == "name"] == names


def test_several_deals_in_one_sentence_each_keep_their_partner() -> None:
    ex = pk.extract(
        "Alpha University signed a memorandum of understanding with Beta University, a student exchange "
        "agreement with Gamma University, and a research agreement with Delta University."
    )
    got = {(p.kind.value, frozenset(x.name for x in p.parties)) for p in ex.partnerships}
    assert got == {
        ("mou", frozenset({"Alpha University", "Beta University"})),
        ("exchange", frozenset({"Alpha University", "Gamma University"})),
        ("agreement", frozenset({"Alpha University", "Delta University"})),
    }


def test_welcomed_members_and_also_joined_share_the_event() -> None:
    ex = pk.extract(
        "The Northern Universities Network welcomed two new members on 3 May 2022: Alpha University and "
        "Beta University. Gamma University and Delta University also joined the Northern Universities Network."
    )
    got = {(frozenset(x.name for x in p.parties), str(p.date)) for p in ex.partnerships if p.kind.value == "membership"}
    net = "Northern Universities Network"
    assert got == {
        (frozenset({u, net}), "2022-05-03")
        for u in ("Alpha University", "Beta University", "Gamma University", "Delta University")
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a joint object with the pair in play, its speaker named only as an official's employer
            "Alpha University and Beta University opened a joint office. The two universities are also "
            "negotiating a staff exchange programme, said the rector of Alpha University.",
            ("exchange", {"Alpha University", "Beta University"}, "negotiating"),
        ),
        (  # "Our joint laboratory ...": the pair in play's, dated by its own clause
            "Alpha University and Beta University renewed their strategic partnership on 2 May 2024. "
            '"Our joint photonics laboratory has grown since it opened in 2018," said the president.',
            ("joint_lab", {"Alpha University", "Beta University"}, "active"),
        ),
        (  # a funder after "with funding from" is context, not a party
            "Alpha University and Beta University signed an agreement. The two universities already run a "
            "staff exchange programme, launched in 2019 with funding from the Gamma Foundation University.",
            ("exchange", {"Alpha University", "Beta University"}, "active"),
        ),
        (  # "includes a mobility programme": an object of its own, not a scope list item
            "La Universidad Alfa y la Universidad Beta renovaron su convenio marco. El nuevo texto incluye "
            "un programa de movilidad estudiantil.",
            ("exchange", {"Universidad Alfa", "Universidad Beta"}, "active"),
        ),
        (  # an alliance name with digits and a plus sign, next to the word alliance
            "Alpha University is a member of the European university alliance 4EU+ since 2019.",
            ("membership", {"Alpha University", "4EU+"}, "active"),
        ),
    ],
)
def test_objects_of_the_pair_in_play_and_alliance_names(text: str, expected: tuple[str, set[str], str]) -> None:
    kind, parties, status = expected
    got = [(p.kind.value, {x.name for x in p.parties}, p.status.value) for p in pk.extract(text).partnerships]
    assert (kind, parties, status) in got


def test_one_document_per_sentence_and_deal() -> None:
    """'its second agreement, after a memorandum with X' is the memorandum only; 'a member of the
    BRICS network university' is a membership, not also a consortium; an ended exchange agreement
    reported as an ended partnership is one exchange."""
    ex = pk.extract(
        "Alpha University signed an agreement with Beta University. It is its second agreement in the region, "
        "after a memorandum with Gamma University signed in 2019."
    )
    gamma = [p.kind.value for p in ex.partnerships if "Gamma University" in {x.name for x in p.parties}]
    assert gamma == ["mou"]
    ended = pk.extract(
        "Alpha University ends partnership with Beta University\n"
        "Alpha University has terminated its exchange agreement with Beta University."
    )
    assert [(p.kind.value, p.status.value) for p in ended.partnerships] == [("exchange", "ended")]


def _kinds_parties_dates(ex: pk.Extraction) -> set[tuple[str, frozenset[str], str]]:
    return {(p.kind.value, frozenset(x.name for x in p.parties), str(p.date)) for p in ex.partnerships}


def test_memberships_listed_in_a_table_or_bullets_take_their_row_dates() -> None:
    """A pipe table under a networks heading, and bullets after "a member of the following
    networks:", give one membership per row, dated by the row; bullets under a heading with no
    such cue give none."""
    table = (
        "Alpha University: international networks\nNetwork | Member since\nCESAER | 1990\n"
        "Northern Universities Network | 2006\nAlpha University is active in both."
    )
    assert _kinds_parties_dates(pk.extract(table)) == {
        ("membership", frozenset({"Alpha University", "CESAER"}), "1990"),
        ("membership", frozenset({"Alpha University", "Northern Universities Network"}), "2006"),
    }
    bullets = (
        "Alpha University is a member of the following networks:\n- Northern Universities Network, since 2002\n"
        "- European University Association (EUA)\nSince 2020 Alpha University has also been part of the "
        "European university alliance EUGLOH."
    )
    got = _kinds_parties_dates(pk.extract(bullets))
    assert ("membership", frozenset({"Alpha University", "Northern Universities Network"}), "2002") in got
    assert ("membership", frozenset({"Alpha University", "European University Association"}), "None") in got
    assert len([g for g in got if g[2] == "2020"]) == 1
    unrelated = "Alpha University: open days\n- Beta University, 2002\n- Gamma University, 2003"
    assert pk.extract(unrelated).partnerships == ()


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        (
            "Die Universität Bremen kündigte die Vereinbarung mit der Shandong-Universität.",
            ["Universität Bremen", "Shandong-Universität"],
        ),
        ("Die Partner-Universität in Bremen", []),
        ("上海交通大学与美国密歇根大学共建", ["上海交通大学", "密歇根大学"]),
        ("新加坡国立大学与澳大利亚国立大学签署", ["新加坡国立大学", "澳大利亚国立大学"]),
    ],
)
def test_german_compounds_and_chinese_country_prefixes(sentence: str, names: list[str]) -> None:
    """A German compound of a proper word and a head is a name; a country before a Chinese
    transliterated name is not part of it, unless the name holds the country."""
    assert [s.text for s in find_names(sentence) if s.kind == "name"] == names


def test_first_word_of_a_college_name_is_its_short_form_unless_a_city() -> None:
    """ "Trinity" after "Trinity College Dublin" is that college, also after "X and"; "Boston"
    after "Boston College" stays the city."""
    ex = pk.extract(
        "Trinity College Dublin signed an agreement with KU Leuven. KU Leuven and Trinity are both members "
        "of the League of European Research Universities."
    )
    got = _kinds_parties_dates(ex)
    assert (
        "membership",
        frozenset({"Trinity College Dublin", "League of European Research Universities"}),
        "None",
    ) in got
    ex = pk.extract("Boston College opened an office in Rome. Boston is a city.")
    assert [m.text for m in ex.mentions] == ["Boston College"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the partner of a relative clause; the subject from the lead paragraph under a title without names
        (
            "Record intake\nAlpha University welcomed 900 students. Most came from Beta University, with which "
            "Alpha has run a student exchange since 2016.",
            ("exchange", {"Alpha University", "Beta University"}, "2016"),
        ),
        # a Russian acronym of word beginnings names the same university; the host is named in the next sentence
        (
            "ИРНИТУ открыл представительство в Улан-Баторе\n12 сентября 2024 года Иркутский "
            "национальный "
            "исследовательский технический университет открыл представительство в Улан-Баторе. Новое "
            "представительство разместилось в главном корпусе Монгольского государственного "
            "университета науки и технологий.",
            (
                "office",
                {
                    "Иркутский национальный исследовательский технический университет",
                    "Монгольского государственного университета науки и технологий",
                },
                "2024-09-12",
            ),
        ),
        # a body named in a later clause of time is not the office's host
        (
            "The University of Liverpool will open a branch campus in Bengaluru in August 2026, after the University "
            "Grants Commission issued its approval.",
            ("office", {"University of Liverpool"}, "2026-08"),
        ),
        # a short French text is read as French ("l'", "d'")
        (
            "L'Université de Lomé est devenue membre titulaire de l'Agence universitaire de la Francophonie "
            "en mai 2021.",
            ("membership", {"Université de Lomé", "Agence universitaire de la Francophonie"}, "2021-05"),
        ),
    ],
)
def test_relative_clause_partner_acronyms_of_syllables_and_office_hosts(
    text: str, expected: tuple[str, set[str], str]
) -> None:
    """Partners and hosts as writers name them in passing; each text yields exactly one record."""
    ex = pk.extract(text)
    assert [(p.kind.value, {x.name for x in p.parties}, str(p.date)) for p in ex.partnerships] == [expected]


def test_a_member_named_again_after_the_trigger_is_not_a_network() -> None:
    """ "A and B belong to X, which A left in 2016": A and B are members of X, not of each other."""
    ex = pk.extract(
        "Alpha University and Beta University belong to the Northern Universities Network, a network of "
        "technical universities, which Alpha University left briefly in 2016 before rejoining."
    )
    assert {frozenset(x.name for x in p.parties) for p in ex.partnerships} == {
        frozenset({"Alpha University", "Northern Universities Network"}),
        frozenset({"Beta University", "Northern Universities Network"}),
    }


def test_member_of_the_network_points_back_to_the_network_named_before() -> None:
    """ "a member of the network" is a membership in the network named earlier, never one
    university a member of another; "the Association of X" is still a name."""
    ex = pk.extract(
        "Alpha University joined the Northern Universities Network on 3 May 2022. Alpha University is the "
        "third member of the network, after Beta University and Gamma University."
    )
    for p in ex.partnerships:
        assert "Northern Universities Network" in {x.name for x in p.parties}
    assert {frozenset(x.name for x in p.parties) for p in ex.partnerships} == {
        frozenset({"Alpha University", "Northern Universities Network"}),
        # "the third member ..., after B and C": B and C were members before
        frozenset({"Beta University", "Northern Universities Network"}),
        frozenset({"Gamma University", "Northern Universities Network"}),
    }


_PARAPHRASES = [
    # (text, kind, status, date): negations, suspensions and paraphrases of every language
    (
        "Alpha University and Beta University are in talks about a staff exchange, but nothing has been signed yet.",
        "exchange",
        "negotiating",
        None,
    ),
    (
        "Университет Альфа приостановил действие соглашения о сотрудничестве с Университетом Бета, "
        "заключенного в 2017 году.",
        "agreement",
        "ended",
        "2017",
    ),
    (
        "La Universidad de Alfa suspendió el convenio de colaboración con la Universidad de Beta, firmado en 2018.",
        "agreement",
        "ended",
        "2018",
    ),
    (
        "L'Université de Lyon et l'Université de Montréal n'ont pas encore signé l'accord de coopération.",
        "agreement",
        "planned",
        None,
    ),
    (
        "Die Universität Heidelberg und die Universität Tokio haben den Kooperationsvertrag noch nicht unterzeichnet.",
        "agreement",
        "planned",
        None,
    ),
    ("复旦大学与墨尔本大学尚未签署合作协议。", "agreement", "planned", None),
    (
        "Alpha University became a full member of the Northern Universities Network in March 2021.",
        "membership",
        "active",
        "2021-03",
    ),
    (
        "Alpha University and Beta University launched a dual master's degree in data science in 2022.",
        "double_degree",
        "active",
        "2022",
    ),
    ("Alpha University and Beta University run a student exchange scheme since 2015.", "exchange", "active", "2015"),
    (
        "Московский государственный университет присоединился к Ассоциации азиатских университетов в 2020 году.",
        "membership",
        "active",
        "2020",
    ),
    (
        "Томский государственный университет и Университет Тампере запустили программу двух дипломов в 2019 году.",
        "double_degree",
        "active",
        "2019",
    ),
    (
        "Seit 2010 tauschen die Universität Heidelberg und die Universität Tokio jährlich Studierende aus.",
        "exchange",
        "active",
        "2010",
    ),
    (
        "La Universidad de Chile fue aceptada como miembro pleno de la Red CINDA en 2019.",
        "membership",
        "active",
        "2019",
    ),
    (
        "Alpha Institute, founded in 2016 by Alpha University and Beta University, opened a new building.",
        "joint_lab",
        "active",
        "2016",
    ),
    (
        "Alpha University and Beta University opened the Alpha-Beta Institute for Energy on 3 May 2023.",
        "joint_lab",
        "active",
        "2023-05-03",
    ),
    ("北京大学与牛津大学签署合作意向书。", "mou", "signed", None),
]


@pytest.mark.parametrize(("text", "kind", "status", "date"), _PARAPHRASES)
def test_paraphrases_negations_and_suspensions(text: str, kind: str, status: str, date: str | None) -> None:
    """Unseen wordings of a deal give one two-party record of the right kind, status and date
    ("nothing has been signed yet" is no signing; "suspended the agreement signed in 2017" ended it)."""
    got = pk.extract(text, published="2024-05-01").partnerships
    assert [(p.kind.value, len(p.parties), p.status.value, None if p.date is None else str(p.date)) for p in got] == [
        (kind, 2, status, date)
    ]


def test_a_university_founded_by_two_is_other_and_not_a_party() -> None:
    ex = pk.extract(
        "Shenzhen Alpha-Beta University, founded in 2016 by Alpha University and Beta University, admitted its "
        "first students."
    )
    assert [(p.kind.value, {x.name for x in p.parties}) for p in ex.partnerships] == [
        ("other", {"Alpha University", "Beta University"})
    ]


def test_a_name_before_a_lower_case_kind_word_and_its_roster() -> None:
    """ "The Harbor Nine alliance" names the alliance "Harbor Nine" (and its later bare uses);
    "Its members already include A and B" makes A and B its members."""
    ex = pk.extract(
        "The Harbor Nine alliance has admitted a new member, Alpha University. "
        "Harbor Nine was founded in 2015. Its members already include Beta University and Gamma University."
    )
    got = sorted(tuple(sorted(x.name for x in p.parties)) for p in ex.partnerships if p.kind.value == "membership")
    assert got == [
        ("Alpha University", "Harbor Nine"),
        ("Beta University", "Harbor Nine"),
        ("Gamma University", "Harbor Nine"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Both Alpha University and Beta University belong to the Association of Harbor Universities.",
        "La Universidad Alfa y la Universidad Beta pertenecen a la Asociación de Universidades del Puerto.",
        "L'Université Alpha et l'Université Bêta appartiennent au Réseau Harbor.",
    ],
)
def test_belong_to_is_membership(text: str) -> None:
    """ "belong to" an association (and its paraphrases) is a membership of each member."""
    got = [p for p in pk.extract(text).partnerships if p.kind.value == "membership"]
    assert len(got) == 2
    assert all(p.status.value == "active" for p in got)


def test_a_code_name_member_of_a_network_is_a_name() -> None:
    """A name of capitals and digits beside a membership word ("Mitglied der TU9, des Verbands") is an organisation."""
    ex = pk.extract("Die Universität Alpha ist Mitglied der TX7, des Verbands führender Hochschulen.")
    assert [(p.kind.value, sorted(x.name for x in p.parties)) for p in ex.partnerships] == [
        ("membership", ["TX7", "Universität Alpha"])
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Alpha University has become a member of the Northern Association of Universities. "
        "Its partnership with Beta University is growing. "
        "The two universities opened a joint laboratory of genomics in 2021.",
        "Университет Альфа стал членом Северной ассоциации университетов. "
        "Партнерство с Университетом Бета расширяется. "
        "Два вуза в 2021 году открыли совместную лабораторию геномики.",
    ],
)
def test_the_pair_in_play_is_not_a_member_and_its_association(text: str) -> None:
    """ "The two universities" after a membership means the subject and the partner named since
    ("partnership with X"), not the member and the association that frames it."""
    labs = [p for p in pk.extract(text).partnerships if p.kind.value == "joint_lab"]
    assert len(labs) == 1
    names = " ".join(x.name for x in labs[0].parties)
    assert "ssoc" not in names
    assert "ссоц" not in names
    assert "Beta" in names or "Бета" in names


def test_partners_of_a_relative_clause_are_no_pair_in_play() -> None:
    """ "A and B, with which X is studying deals": A and B are X's partners, so "both universities"
    later still means the pair of the last statement, not A and B."""
    text = (
        "La Universidad Alfa y la Universidad Beta firmaron un convenio marco. La delegación se reunió "
        "además con autoridades de la Universidad Gamma y de la Universidad Delta, con las que Alfa "
        "estudia posibles acuerdos. Ambas universidades lanzarán un programa de doble titulación."
    )
    degrees = [p for p in pk.extract(text).partnerships if p.kind.value == "double_degree"]
    assert [sorted(x.name for x in p.parties) for p in degrees] == [["Universidad Alfa", "Universidad Beta"]]


@pytest.mark.parametrize(
    "text",
    [
        "La Universidad Alfa se reunió con la Universidad Beta, con la que estudia posibles acuerdos en el futuro.",
        "Alpha University and Beta University are weighing potential partnerships in engineering.",
        "Alpha University and Beta University could sign an agreement on student exchange.",
        "Университет Альфа и университет Бета рассматривают возможное сотрудничество в области химии.",
        "L'Université Alpha et l'Université Bêta envisagent d'éventuels accords dans le domaine du droit.",
        "Die Universität Alpha und die Universität Beta prüfen eine mögliche Kooperation in der Medizin.",
    ],
)
def test_a_speculative_deal_is_no_deal(text: str) -> None:
    """ "possible agreements", "could sign", "возможное сотрудничество": a deal only thought of is
    no partnership record (talks about one, "discussed a possible agreement", stay `negotiating`)."""
    assert pk.extract(text).partnerships == ()


def test_talks_about_a_possible_deal_are_negotiating() -> None:
    """A talk verb beside "possible" still reports talks."""
    text = "Alpha University and Beta University discussed a possible cooperation agreement."
    assert [p.status.value for p in pk.extract(text).partnerships] == ["negotiating"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Председателем ассоциации является ректор Томского университета Иван Петров.",
        "Президентом союза является ректор Томского университета Иван Петров.",
        "Членом консорциума стал ректор Томского университета Иван Петров.",
    ],
)
def test_a_sentence_initial_role_noun_is_no_name(sentence: str) -> None:
    """A capitalised role noun opening a sentence ("Председателем ассоциации является ...") is a
    person's title: the head word after it ("ассоциации") does not make it an organisation name."""
    names = [m.text for m in pk.extract(sentence).mentions]
    assert names == ["Томского университета"]


def test_two_subjects_that_each_plan_a_campus_get_one_office_each() -> None:
    """ "A and B have both announced plans for campuses in X": each runs its own office (planned),
    neither hosts the other's; a joint office of the two stays one record."""
    text = "Alpha University and the University of Beta have both announced plans for campuses in Kenya."
    got = sorted((p.parties[0].name, len(p.parties), p.status.value) for p in pk.extract(text).partnerships)
    assert got == [("Alpha University", 1, "planned"), ("University of Beta", 1, "planned")]
    joint = "Alpha University and the University of Beta will open a joint office in Nairobi."
    assert [len(p.parties) for p in pk.extract(joint).partnerships] == [2]


def test_a_city_of_two_words_is_a_short_form_of_its_university() -> None:
    """ "São Paulo" after "the University of São Paulo" is the university, also right after
    another short form ("Both Lisbon and São Paulo belong to ..."); a visited city is a place."""
    text = (
        "The University of Lisbon works with the University of São Paulo. "
        "Both Lisbon and São Paulo belong to the Alpha Network of Universities."
    )
    members = sorted(p.parties[0].name for p in pk.extract(text).partnerships if p.kind.value == "membership")
    assert members == ["University of Lisbon", "University of São Paulo"]
    visited = "The University of Buenos Aires signed an agreement with Alpha University. We visited Buenos Aires."
    assert [m.text for m in pk.extract(visited).mentions if m.text == "Buenos Aires"] == []


def test_joining_without_a_network_is_no_membership() -> None:
    """ "expected to join in 2025" names no network: no membership with some association of the text,
    while "Three institutions are members: A, B and C" in a text about one association is one each."""
    text = (
        "Alpha University signs exchange deal\n"
        "Alpha University and Beta University have signed a student exchange agreement. "
        "Alpha University has been a member of the Gamma Research Alliance since 2015. "
        "Students in law will be the first to benefit, with engineering expected to join in 2025."
    )
    got = {(p.kind.value, tuple(x.name for x in p.parties), str(p.date)) for p in pk.extract(text).partnerships}
    assert got == {
        ("exchange", ("Alpha University", "Beta University"), "None"),
        ("membership", ("Alpha University", "Gamma Research Alliance"), "2015"),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two names joined by a dash name a joint body of both, not one organisation
        (
            "南京大学与伦敦理工学院签署合作协议。两校将共建“南京大学—伦敦理工学院智能医学联合实验室”。",
            {("agreement", ("南京大学", "伦敦理工学院")), ("joint_lab", ("南京大学", "伦敦理工学院"))},
        ),
        # the networks are named inside "是 ... 成员"; a full-width bracket defines a short form
        (
            "南京大学是环太平洋大学联盟（APRU）成员，也是中国九校联盟成员之一。",
            {("membership", ("南京大学", "环太平洋大学联盟")), ("membership", ("南京大学", "中国九校联盟"))},
        ),
        # the document of a negotiated programme, not signed yet, is that one deal
        (
            "Alpha University is negotiating a double degree programme with Beta University, but the agreement "
            "has not been signed yet.",
            {("double_degree", ("Alpha University", "Beta University"))},
        ),
    ],
)
def test_joint_bodies_chinese_memberships_and_unsigned_documents(
    text: str, expected: set[tuple[str, tuple[str, ...]]]
) -> None:
    """What a user relies on for these shapes: the right parties and one record per deal."""
    got = {(p.kind.value, tuple(x.name for x in p.parties)) for p in pk.extract(text).partnerships}
    assert got == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a funder named by the words after it is context, not a party
        (
            "Alpha University will coordinate a new research consortium with Beta University, after the Gamma "
            "Research Council approved a grant of EUR 12 million.",
            {("consortium", ("Alpha University", "Beta University"))},
        ),
        (
            "A consortium of Alpha University, Beta University and Delta University has been awarded 9.8 million "
            "euros by the Gamma Research Council.",
            {("consortium", ("Alpha University", "Beta University", "Delta University"))},
        ),
        (
            "Alpha University and Beta University opened a joint laboratory, and the Gamma Foundation will fund two "
            "doctoral positions in it.",
            {("joint_lab", ("Alpha University", "Beta University"))},
        ),
        # an approver ("approved by X") is context too: the deal is the publisher's with the host
        (
            "Alpha University news\nAlpha University opened a campus in Lagos. Beta University hosts the "
            "campus under an agreement approved by the Gamma Ministry of Education last year.",
            {("office", ("Alpha University",)), ("agreement", ("Alpha University", "Beta University"))},
        ),
        # the partner a document names ("an agreement with X") signs it, though it also funds something
        (
            "Last month Alpha University also signed an agreement with the Gamma Foundation, which will sponsor "
            "twenty scholarships a year.",
            {("agreement", ("Alpha University", "Gamma Foundation"))},
        ),
        (
            "Alpha University signed a memorandum of understanding with the Gamma Foundation, which will fund a "
            "research prize.",
            {("mou", ("Alpha University", "Gamma Foundation"))},
        ),
    ],
)
def test_funders_are_no_parties(text: str, expected: set[tuple[str, tuple[str, ...]]]) -> None:
    """Funders ("X approved a grant", "awarded ... by X") and approvers ("approved by X") stay out
    of a deal's parties; the partner a document names right after it stays in."""
    got = {(p.kind.value, tuple(x.name for x in p.parties)) for p in pk.extract(text).partnerships}
    assert got == expected


def test_the_head_word_of_a_network_named_once_is_its_short_form() -> None:
    """ "the Guild" after "The Guild of Northern Research-Intensive Universities" is that network (and
    "the Guild also admitted X" a membership); a head word two names share names neither."""
    text = (
        "Riverton University has become a full member of The Guild of Northern Research-Intensive "
        "Universities, the network said. At the same meeting the Guild also admitted Bastia University."
    )
    ex = pk.extract(text, published="2024-05-02")
    guild = "Guild of Northern Research-Intensive Universities"
    assert {m.text: m.name for m in ex.mentions}["Guild"] == guild
    got = {frozenset(x.name for x in p.parties) for p in ex.partnerships if p.kind.value == "membership"}
    assert got == {frozenset({"Riverton University", guild}), frozenset({"Bastia University", guild})}
    two = "Riverton University is in the Lumen Group and the Delta Group. The Group met in May."
    assert "Group" not in {m.text for m in pk.extract(two).mentions}


def test_places_beside_the_two_universities_name_the_pair_not_the_last_negotiation() -> None:
    """A third party's negotiation sentence makes no new pair for "the two universities" when the
    sentence itself names the pair by their places ("zwischen Dortmund und Lyon")."""
    text = (
        "Das Dortmunder Institut für Technologie (DIT) und die Universität Lyon haben am 2. Mai 2024 eine "
        "Kooperationsvereinbarung unterzeichnet.\n"
        "Das DIT verhandelt außerdem mit der Universität Graz über einen gemeinsamen Masterstudiengang.\n"
        "Die Zusammenarbeit zwischen Dortmund und Lyon ist nicht neu: Seit 2010 bieten die beiden Universitäten "
        "einen Doppelabschluss an."
    )
    ex = pk.extract(text, published="2024-05-02")
    got = {(p.kind.value, frozenset(x.name for x in p.parties)) for p in ex.partnerships}
    assert ("double_degree", frozenset({"Dortmunder Institut für Technologie", "Universität Lyon"})) in got
    assert ("joint_programme", frozenset({"Dortmunder Institut für Technologie", "Universität Graz"})) in got
    assert len(got) == 3


def test_merge_partnerships_refuses_what_is_not_a_partnership() -> None:
    """merge_partnerships([None]) names the bad item instead of handing it back as a record."""
    with pytest.raises(TypeError, match="partnerships item 0: expected a Partnership, got NoneType"):
        pk.merge_partnerships([None])  # type: ignore[list-item]
