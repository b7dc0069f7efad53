"""Extraction from Japanese news (``data/extract/ja.toml``, Japanese names, dates and places).

A user relies on: a text holding kana read as Japanese (not Chinese) with the Japanese tables;
names in kanji and katakana found between the particles ("北嶺大学と湖東大学は" is two names,
"ジョンズ・ホプキンス大学" one); each kind of deal told the Japanese way (協定/覚書/MOU を締結,
学生交流協定, ダブルディグリー, 共同研究センター, 加盟, 事務所を開設, コンソーシアム); status from
the verb (締結した, 予定, 協議中, 終了, 脱退); dates written 2024年5月3日, 令和6年, 本日, 昨日,
先週火曜日 or a bare "3日"; katakana place names ("バンコク"); "本学" as the publisher; a name
opening with hiragana read whole ("お丘の水女子大学", "みなみ国際大学"), not a demonstrative or an
adverb before a name ("この北嶺大学", "さらに北嶺大学", "すべての国立大学").
All names are invented.
"""

from __future__ import annotations

import pytest

import partnerkit as pk
from partnerkit._extract._lexicon import detect_language
from partnerkit._extract._patterns import find_names

PUBLISHED = "2024-10-08"  # a Tuesday


def _records(text: str, publisher: str | None = None) -> set[tuple[str, frozenset[str], str, str]]:
    ex = pk.extract(text, published=PUBLISHED, publisher=publisher)
    assert ex.language == "ja"
    return {(p.kind.value, frozenset(x.name for x in p.parties), p.status.value, str(p.date)) for p in ex.partnerships}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("北嶺大学はカルドニア大学と協定を締結しました。", "ja"),
        ("カルドニア大学とダブルディグリーを開始", "ja"),
        ("北岭大学与卡尔多尼亚大学签署合作协议。", "zh"),
    ],
)
def test_kana_makes_a_text_japanese(text: str, lang: str) -> None:
    assert detect_language(text) == lang


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("北嶺大学と湖東大学は協定を締結した。", ["北嶺大学", "湖東大学"]),
        ("東北大学は3日、タイのチュラロンコン大学と覚書を締結した。", ["東北大学", "チュラロンコン大学"]),
        ("ジョンズ・ホプキンス大学が北嶺大学を訪問した。", ["ジョンズ・ホプキンス大学", "北嶺大学"]),
        ("湖東先端科学技術大学院大学で、", ["湖東先端科学技術大学院大学"]),
        # "同大学", "両大学": references, not names; "同志社" keeps its 同
        ("同大学と両大学は同志社大学を訪れた。", ["同志社大学"]),
        # a describing head ("共同研究センター", "同センター") names nothing; a network's own head word ends it
        ("北嶺大学は共同研究センターを運営し、同センターは", ["北嶺大学"]),
        ("アジア太平洋大学コンソーシアムに加盟した。", ["アジア太平洋大学コンソーシアム"]),
    ],
)
def test_japanese_names_end_at_particles(text: str, names: list[str]) -> None:
    assert [s.text for s in find_names(text)] == names


PAIR = frozenset({"北嶺大学", "湖東大学"})
KARU = frozenset({"北嶺大学", "カルドニア大学"})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("北嶺大学と湖東大学は2024年5月3日、学術交流協定を締結した。", ("agreement", PAIR, "signed", "2024-05-03")),
        ("北嶺大学と湖東大学は令和6年5月3日、学術交流協定を締結した。", ("agreement", PAIR, "signed", "2024-05-03")),
        (
            "北嶺大学と湖東大学は２０２４年５月３日、学術交流協定を締結した。",
            ("agreement", PAIR, "signed", "2024-05-03"),
        ),
        ("北嶺大学は昨日、カルドニア大学とMOUを締結しました。", ("mou", KARU, "signed", "2024-10-07")),
        ("北嶺大学は3日、湖東大学と学生交流協定を締結した。", ("exchange", PAIR, "signed", "2024-10-03")),
        (
            "北嶺大学はカルドニア大学とダブルディグリープログラムを開始する予定です。",
            ("double_degree", KARU, "planned", "None"),
        ),
        ("北嶺大学と湖東大学は共同研究センターを開設した。", ("joint_lab", PAIR, "active", "None")),
        (
            "北嶺大学は2015年から環太平洋大学協会に加盟しています。",
            ("membership", frozenset({"北嶺大学", "環太平洋大学協会"}), "active", "2015"),
        ),
        (
            "北嶺大学は2023年に環太平洋大学協会を脱退した。",
            ("membership", frozenset({"北嶺大学", "環太平洋大学協会"}), "ended", "2023"),
        ),
        ("北嶺大学はカルドニア大学と協定の締結に向けて協議中です。", ("agreement", KARU, "negotiating", "None")),
        ("北嶺大学と湖東大学の学生交流協定は終了した。", ("exchange", PAIR, "ended", "None")),
    ],
)
def test_each_kind_status_and_date_form(text: str, expected: tuple[str, frozenset[str], str, str]) -> None:
    assert _records(text) == {expected}


def test_a_consortium_of_three_named_universities() -> None:
    text = "北嶺大学、湖東大学、西海工業大学は本日、コンソーシアムを設立した。"
    assert _records(text) == {
        ("consortium", frozenset({"北嶺大学", "湖東大学", "西海工業大学"}), "active", PUBLISHED),
    }


def test_an_office_in_a_city_written_in_katakana() -> None:
    ex = pk.extract("北嶺大学は2017年からバンコクに事務所を置いています。", published=PUBLISHED)
    assert [(p.kind.value, str(p.date), p.status.value, p.location) for p in ex.partnerships] == [
        ("office", "2017", "active", pk.Location(city="Bangkok", country="TH"))
    ]


def test_the_publisher_signs_as_hon_gaku() -> None:
    """Only one name in the sentence: "本学" (our university) is the publisher."""
    assert _records("本学は本日、カルドニア大学と覚書を締結しました。", publisher="北嶺大学") == {
        ("mou", KARU, "signed", PUBLISHED)
    }


def test_an_agreement_on_a_joint_degree_sets_up_a_planned_programme_last_tuesday() -> None:
    text = "北嶺大学は先週火曜日、ジョンズ・ホプキンス大学と共同学位プログラムに関する協定を締結した。"
    pair = frozenset({"北嶺大学", "ジョンズ・ホプキンス大学"})
    assert _records(text) == {
        ("agreement", pair, "signed", "2024-10-01"),
        ("double_degree", pair, "planned", "2024-10-01"),
    }


def test_a_hoped_for_exchange_in_a_second_clause_leaves_the_office_alone() -> None:
    """A comma after a verb's continuative form ("置いており、") starts a new clause: the office
    keeps its date and place, the exchange the sentence only hopes for is no record."""
    text = (
        "北嶺大学は2017年からバンコクに事務所を置いており、今回の協定により両大学の学生の相互派遣が"
        "さらに進むことが期待されます。"
    )
    ex = pk.extract(text, published=PUBLISHED)
    assert [(p.kind.value, str(p.date), p.location) for p in ex.partnerships] == [
        ("office", "2017", pk.Location(city="Bangkok", country="TH"))
    ]


def test_a_registry_name_in_katakana_is_found_between_particles_not_inside_a_word() -> None:
    reg = pk.Registry(
        [
            pk.Institution(id="karu", name="Caldonia University", country="FR", aliases=["カルドニア"]),
            pk.Institution(id="hok", name="Hokurei University", country="JP", labels={"ja": "北嶺大学"}),
        ]
    )
    ex = pk.extract("北嶺大学はパリのカルドニアと協定を締結した。", published=PUBLISHED, registry=reg)
    assert [sorted(x.institution_id or "" for x in p.parties) for p in ex.partnerships] == [["hok", "karu"]]
    ex = pk.extract("ネオカルドニア社が来訪した。", published=PUBLISHED, registry=reg)
    assert not any(m.institution_id == "karu" for m in ex.mentions)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("お丘の水女子大学は北嶺大学と協定を締結した。", ["お丘の水女子大学", "北嶺大学"]),
        ("北嶺大学とお丘の水女子大学は協定を締結した。", ["北嶺大学", "お丘の水女子大学"]),
        ("北嶺大学は、みなみ国際大学と協定を締結した。", ["北嶺大学", "みなみ国際大学"]),
        ("北嶺大学はみなみ国際大学と協定を締結した。", ["北嶺大学", "みなみ国際大学"]),
        # a demonstrative, an adverb, a quantifier or a place with の before a name is not part of it
        ("この北嶺大学は協定を締結した。", ["北嶺大学"]),
        ("湖東大学は、さらに北嶺大学と協定を締結した。", ["湖東大学", "北嶺大学"]),
        ("すべての国立大学が参加した。", ["国立大学"]),
        ("湖東の北嶺大学は協定を締結した。", ["北嶺大学"]),
        ("その大学は協定を締結した。", []),
        # a particle after a word opens no name, even before katakana or kanji ("とドイツの")
        ("北嶺大学とカルドニアの湖東工科大学との間で協定を締結した。", ["北嶺大学", "湖東工科大学"]),
        ("北嶺大学からカルドニアの湖東大学まで", ["北嶺大学", "湖東大学"]),
        # at the start or after punctuation the name itself may open with a particle's kana
        ("はるか国際大学は北嶺大学と協定を締結した。", ["はるか国際大学", "北嶺大学"]),
        ("本日、とよみ国際大学と北嶺大学は協定を締結した。", ["とよみ国際大学", "北嶺大学"]),
        ("北嶺大学とはるか国際大学は協定を締結した。", ["北嶺大学", "はるか国際大学"]),
    ],
)
def test_a_name_opening_with_hiragana_is_read_whole(text: str, names: list[str]) -> None:
    assert [s.text for s in find_names(text)] == names
