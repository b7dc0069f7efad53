"""CJK segment translations mined from the registry: what a user relies on.

A Chinese, Japanese or Korean name finds the institution the registry names in English
when other institutions of the registry teach the segments ("東京" = tokyo), the
explanation says which segments were read, and nothing is learned from one example.
"""

from __future__ import annotations

import partnerkit as pk
from partnerkit._matching._cjk import mine_org_readings, mine_segments, org_variants, pinyin_readings, read_segments

_PAIRS = [
    ("tm", "Tokyo Medical University", "東京医科大学"),
    ("ti", "Tokyo International University", "東京国際大学"),
    ("km", "Kyoto Medical University", "京都医科大学"),
    ("ki", "Kyoto International University", "京都国際大学"),
    ("ut", "University of Tokyo", None),
    ("ku", "Kyoto University", None),
]


def _registry() -> pk.Registry:
    return pk.Registry(
        pk.Institution(id=i, name=n, country="JP", labels={"ja": label} if label else {}) for i, n, label in _PAIRS
    )


def test_segments_learned_from_two_institutions() -> None:
    table = mine_segments([[n, label] if label else [n] for _, n, label in _PAIRS])
    assert table["東京"] == "tokyo"
    assert table["京都"] == "kyoto"
    assert "医科" not in table  # an organisation word: read by the built-in table, not learned


def test_one_institution_teaches_nothing() -> None:
    assert mine_segments([["Tokyo Medical University", "東京医科大学"], ["Nara University", "奈良大学"]]) == {}


def test_held_out_label_matches_and_is_explained() -> None:
    best = _registry().match("東京大学")[0]
    assert (best.institution.id, best.decision) == ("ut", pk.Decision.MATCH)
    assert "東京 = tokyo" in str(best.explanation)
    assert _registry().match("京都大学")[0].institution.id == "ku"


def test_unknown_segment_keeps_names_apart() -> None:
    # "奈良" is taught by no institution: it stays a word of its own, never a MATCH for Tokyo
    found = _registry().match("奈良大学")
    assert all(m.decision is not pk.Decision.MATCH for m in found)


def test_cut_leaves_fewest_characters_unknown() -> None:
    table = {"東京": "tokyo", "京都": "kyoto", "東京都": "metropolitan"}
    assert read_segments("東京都立大学", table) == ("metropolitan 立 university", ["東京都"])
    assert read_segments("Tokyo", table) == ("Tokyo", [])


def test_pair_turning_a_label_into_another_name_is_dropped() -> None:
    # "北辰" is read "tokyo" by two institutions, but that reading makes one's label another's name
    names = [
        ["Tokyo Medical University", "北辰医科大学"],
        ["Tokyo Art University", "北辰芸術大学"],
        ["Hokushin Medical University", "Tokyo Medical University"],
    ]
    owners = {"medical tokyo university": frozenset({2})}
    assert mine_segments(names)["北辰"] == "tokyo"
    assert "北辰" not in mine_segments(names, lambda key: owners.get(key, frozenset()))


def test_japanese_legal_forms_never_count() -> None:
    assert pk.normalize_name("株式会社日立製作所") == pk.normalize_name("日立製作所")
    assert pk.normalize_name("公益財団法人 日本建築学会") == pk.normalize_name("日本建築学会")


_COLLEGES = [
    ("pt", "Putian University", "莆田学院"),
    ("hx", "Hexi University", "河西学院"),
    ("tl", "Tongling University", "铜陵学院"),
    ("zn", "Zunyi Normal College", "遵义师范学院"),
    ("nn", "Nanjing Normal College", "南京师范学院"),
    ("xn", "Xinyang Normal College", "信阳师范学院"),
    ("jz", "Jinzhong University", None),
    ("bj", "Beijing Normal University", None),
]


def _colleges(extra: tuple[pk.Institution, ...] = ()) -> pk.Registry:
    insts = [pk.Institution(id=i, name=n, labels={"zh": label} if label else {}) for i, n, label in _COLLEGES]
    return pk.Registry([*insts, *extra])


def test_org_word_read_as_the_registry_writes_it() -> None:
    # 学院 is "college" in the built-in table; three institutions write it "University"
    readings = mine_org_readings([[n, label] if label else [n] for _, n, label in _COLLEGES], {})
    assert readings["学院"] == ("university",)
    assert readings["师范"] == ("normal",)
    best = _colleges().match("晋中学院")[0]
    assert (best.institution.id, best.decision) == ("jz", pk.Decision.MATCH)
    assert "Read 学院 as university (the registry writes 学院 as college or university)" in str(best.explanation)
    # two slots read otherwise at once: 师范 = normal, 学院 = university
    best = _colleges().match("北京师范学院")[0]
    assert (best.institution.id, best.decision) == ("bj", pk.Decision.MATCH)


def test_built_in_reading_wins_and_two_readings_stay_possible() -> None:
    # a registry that names a "Jinzhong College" keeps the literal reading
    college = pk.Institution(id="jc", name="Jinzhong College")
    assert _colleges((college,)).match("晋中学院")[0].institution.id == "jc"
    # two institutions each fitting another reading: no MATCH for either
    inst = pk.Institution(id="ji", name="Jinzhong Institute")
    extra = tuple(
        pk.Institution(id=f"i{k}", name=f"{c} Institute", labels={"zh": f"{z}学院"})
        for k, (c, z) in enumerate([("Anshan", "鞍山"), ("Dalian", "大连"), ("Harbin", "哈尔滨")])
    )
    found = _colleges((inst, *extra)).match("晋中学院")
    assert {m.institution.id for m in found[:2]} == {"jz", "ji"}
    assert all(m.decision is not pk.Decision.MATCH for m in found)


def test_one_institution_teaches_no_reading() -> None:
    assert mine_org_readings([["Putian University", "莆田学院"], ["Hexi University", "河西学院"]], {}) == {}


def test_korean_organisation_words_are_built_in() -> None:
    assert pk.normalize_name("한국전자통신연구원").endswith("research institute")
    assert pk.normalize_name("서울대학교병원") == "seoul university hospital"


def test_label_leaving_a_weak_word_unsaid_teaches_it() -> None:
    korean = [
        ("Chungbuk National University", "충북대학교"),
        ("Kangwon National University", "강원대학교"),
        ("Kyungpook National University", "경북대학교"),
        ("Yonsei University", "연세대학교"),
    ]
    readings = mine_org_readings([list(pair) for pair in korean], {})
    assert readings["대학교"] == ("national university",)


def test_pinyin_words_read_as_the_han_words_they_spell() -> None:
    # 师范 is read "pedagogical" by the built-in table and "normal" by the registry; "Shīfàn" spells it
    best = _colleges().match("Běijīng Shīfàn Dàxué")[0]
    assert (best.institution.id, best.decision) == ("bj", pk.Decision.MATCH)
    # either reading finds it (the registry may also have learned normal = pedagogical as a word translation)
    assert "Read shifan (师范) as " in str(best.explanation)
    table = pinyin_readings({"东北": "northeast", "東北": "tohoku"}, {"师范": ("normal",)})
    assert table["shifan"] == ("师范", ("pedagogical", "normal"))
    assert "dongbei" not in table  # spells two words read differently: left out


def test_pinyin_reading_needs_a_unique_match() -> None:
    # "Jinzhong Xueyuan" may be the University or the Institute: POSSIBLE, never a guess
    inst = pk.Institution(id="ji", name="Jinzhong Institute")
    extra = tuple(
        pk.Institution(id=f"i{k}", name=f"{c} Institute", labels={"zh": f"{z}学院"})
        for k, (c, z) in enumerate([("Anshan", "鞍山"), ("Dalian", "大连"), ("Harbin", "哈尔滨")])
    )
    found = _colleges((inst, *extra)).match("Jinzhong Xueyuan")
    assert all(m.decision is not pk.Decision.MATCH for m in found)
    assert _colleges().match("Jinzhong Xueyuan")[0].decision is pk.Decision.MATCH


def test_reading_that_another_word_already_says_is_not_tried() -> None:
    # 병원 read "university" in "조선대학교병원" would name the university, not its hospital
    readings = {"병원": ("centre", "university")}
    assert [text for text, _ in org_variants("조선대학교병원", readings)] == ["조선대학교 centre "]
