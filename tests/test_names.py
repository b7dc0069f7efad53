"""Name normalisation: what users and the matcher rely on (partnerkit._names)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import partnerkit as pk
from partnerkit import _names as names

any_text = st.text(max_size=80)


@given(any_text)
def test_normalize_never_raises_is_ascii_and_idempotent(text: str) -> None:
    """Any string normalises, to ASCII, and normalising again changes nothing."""
    once = names.normalize_name(text)
    assert once.isascii()
    assert once == once.strip()
    assert names.normalize_name(once) == once


@settings(deadline=None)  # the first call loads the country names
@given(any_text)
def test_helpers_never_raise(text: str) -> None:
    """Every helper accepts any string."""
    names.derive_acronyms(text)
    names.is_acronym(text)
    names.acronym_key(text).isascii()
    parsed = names.parse_name(text)
    assert isinstance(parsed.base, str)
    aff = names.parse_affiliation(text)
    assert aff.country is None or len(aff.country) == 2
    assert all(k.isascii() for k in names.name_keys(text))
    assert names.initials_as_word(names.initials_as_word(text)) == names.initials_as_word(text)


@pytest.mark.parametrize(
    ("written", "normal"),
    [
        ("St. Petersburg State Univ.", "saint petersburg state university"),
        ("Saint Petersburg State University", "saint petersburg state university"),
        ("Университет ИТМО", "university itmo"),
        ("Universität Wien", "university vienna"),
        ("Université de Paris", "university paris"),
        ("Universidad de Chile", "university chile"),
        ("Uniwersytet Warszawski", "university warsaw"),
        ("İstanbul Üniversitesi", "istanbul university"),
        ("北京大学", "beijing university"),
        ("Natl. Inst. of Tech.", "national institute technology"),
        ("Acad. Sci.", "academy science"),
        ("Texas A&M University", "texas am university"),
        ("Moscow State University named after M.V. Lomonosov", "moscow state university lomonosov"),
        ("Université d'Orléans", "university orleans"),
        ("Πανεπιστήμιο Αθηνών", "university athens"),
        ("Đại học Quốc gia Hà Nội", "university quoc gia ha noi"),
        ("Science & Technology", "science technology"),
        ("M.I.T.", "mit"),
    ],
)
def test_normalize_table(written: str, normal: str) -> None:
    """Organisation words in any language become one English key; abbreviations expand."""
    assert pk.normalize_name(written) == normal


def test_word_order_and_stop_words_do_not_matter_for_token_sets() -> None:
    assert set(names.tokens("University of Tokyo")) == set(names.tokens("Tokyo University"))


def test_umlaut_variants_share_a_key() -> None:
    """'Universitaet Muenchen' and 'Universität München' meet in one of their keys."""
    assert set(names.name_keys("Universität München")) & set(names.name_keys("Universitaet Muenchen"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("HUST", True),
        ("M.I.T.", True),
        ("SPbU", True),
        ("МЭСИ", True),
        ("A&M", True),
        ("Harvard", False),
        ("ITMO University", False),
        ("x", False),
        ("mit", False),
    ],
)
def test_is_acronym(text: str, expected: bool) -> None:
    assert names.is_acronym(text) is expected


@pytest.mark.parametrize(
    ("name", "acronym"),
    [
        ("Huazhong University of Science and Technology", "hust"),
        ("Massachusetts Institute of Technology", "mit"),
        ("Московский государственный университет имени М.В. Ломоносова", "mgu"),
        ("Московский государственный университет", "msu"),
        ("Technische Universität München", "tum"),
        ("Higher School of Economics", "hse"),
    ],
)
def test_derive_acronyms(name: str, acronym: str) -> None:
    """Acronyms are derived with and without stop words, in the name's script and in English keys."""
    assert acronym in names.derive_acronyms(name)


def test_cyrillic_acronym_transliterates() -> None:
    assert names.acronym_key("МЭСИ") == "mesi"
    assert names.acronym_key("М.Э.С.И.") == "mesi"


@pytest.mark.parametrize(
    ("text", "base", "acronyms", "quoted"),
    [
        (
            "Huazhong University of Science and Technology (HUST)",
            "Huazhong University of Science and Technology",
            ("HUST",),
            None,
        ),
        ('REC "Kuzbass"', "REC Kuzbass", ("REC",), "Kuzbass"),
        ("НИУ «ВШЭ»", "НИУ ВШЭ", ("НИУ", "ВШЭ"), "ВШЭ"),
        (
            "HUST - Huazhong University of Science and Technology",
            "Huazhong University of Science and Technology",
            ("HUST",),
            None,
        ),
        ("ITMO University", "ITMO University", (), None),
    ],
)
def test_parse_name(text: str, base: str, acronyms: tuple[str, ...], quoted: str | None) -> None:
    parsed = names.parse_name(text)
    assert (parsed.base, parsed.acronyms, parsed.quoted) == (base, acronyms, quoted)


def test_parse_name_keeps_non_acronym_brackets_as_aliases() -> None:
    assert names.parse_name("Университет ИТМО (ITMO University)").aliases == ("ITMO University",)


@pytest.mark.parametrize(
    ("text", "organisation", "unit", "country"),
    [
        (
            "Dept. of Photonics, ITMO University, St. Petersburg 197101, Russia",
            "ITMO University",
            "Dept. of Photonics",
            "RU",
        ),
        ("Moscow State Univ., Faculty of Physics, Moscow, Russia", "Moscow State Univ", "Faculty of Physics", "RU"),
        (
            "Department of Physics, Massachusetts Institute of Technology, Cambridge, MA 02139, USA",
            "Massachusetts Institute of Technology",
            "Department of Physics",
            "US",
        ),
        (
            "School of Medicine, Stanford University, 291 Campus Drive, Stanford, CA 94305, United States",
            "Stanford University",
            "School of Medicine",
            "US",
        ),
        (
            "Лаборатория квантовых материалов, Томский государственный университет, Томск, Россия",
            "Томский государственный университет",
            "Лаборатория квантовых материалов",
            "RU",
        ),
    ],
)
def test_parse_affiliation(text: str, organisation: str, unit: str, country: str) -> None:
    """Sub-units, addresses and postcodes are set apart; a country named in the string is a hint."""
    aff = names.parse_affiliation(text)
    assert aff.organisations[0] == organisation
    assert unit in aff.units
    assert aff.country == country
    assert not any(ch.isdigit() for ch in " ".join(aff.places))


def test_org_words_file_maps_every_key_to_itself() -> None:
    table = names.org_words()
    assert all(table[key] == key for key in names.ORG_KEYS)
    assert table["universitat"] == table["universitet"] == table["daxue"] == "university"
    assert not set(table) & names.STOP_WORDS


def test_indic_vowel_signs_stay_inside_words() -> None:
    """Names in Devanagari or Sinhala keep whole words (vowel signs and joiners are part of a word)."""
    assert pk.normalize_name("कुरुक्षेत्र विश्वविद्यालय") == "kuruksetr university"
    assert pk.normalize_name("ශ්\u200dරී ලංකා") == "sri lmka"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("МГУ", "CYRILLIC"), ("MGU", None), ("清华大学", "CJK"), ("東京大学", "CJK"), ("Université", None),
     ("Đại học Bách khoa", None), ("جامعة النيل", "ARABIC"), ("ニプロ", "KATAKANA"), ("", None), ("42", None)],
)  # fmt: skip
def test_script_of(text: str, expected: str | None) -> None:
    """The non-Latin script a name is written in (None for Latin with any accents)."""
    assert names.script_of(text) == expected


@pytest.mark.parametrize(
    ("kana", "romaji"),
    [
        ("ケンキュウジョ", "kenkyujo"),  # small yu joins ki; long vowel uu written once
        ("シケンジョウ", "shikenjo"),  # jo + ou
        ("トウキョウ", "tokyo"),
        ("ビョウイン", "byoin"),
        ("ニッポン", "nippon"),  # small tsu doubles the next consonant
        ("マッチャ", "matcha"),
        ("ファミリー", "famiri"),  # small vowels of loan words; the long mark is dropped
    ],
)
def test_kana_read_as_hepburn(kana: str, romaji: str) -> None:
    """Katakana and hiragana names transliterate as romanised Japanese names are written."""
    assert names.normalize_name(kana) == romaji


def test_katakana_label_and_romanised_alias_share_a_key() -> None:
    """'ナラケン サンギョウ シンコウ ソウゴウ センター' and 'Naraken Sangyo Shinko Sogo Senta' compare equal."""
    assert names.normalize_name("ナラケン サンギョウ シンコウ ソウゴウ センター") == names.normalize_name(
        "Naraken Sangyo Shinko Sogo Senta"
    )


@pytest.mark.parametrize(
    ("written", "normal"),
    [
        ("Acorde technologies, S.A.", "acorde technology"),
        ("Allegheny Technologies Incorporated", "allegheny technology"),
        ("Volvo AB", "volvo"),
        ("SA Pathology", "sa pathology"),  # not at the end: a word of the name (South Australia)
        ("Stichting Amsterdams Universiteitsfonds", "foundation amsterdams universiteitsfonds"),
    ],
)
def test_trailing_legal_forms_and_foundation_words(written: str, normal: str) -> None:
    """Legal forms at the end of a name never count; "Stichting"/"Stiftelsen"/"Säätiö" are foundation."""
    assert names.normalize_name(written) == normal


@pytest.mark.parametrize(
    ("written", "normal"),
    [
        ("Томский государственный университет", "tomsk state university"),
        ("Tomskiy Gosudarstvennyy Universitet", "tomsk state university"),
        ("Moskovsky Gosudarstvenny Universitet", "moscow state university"),
        ("Permskaya Gosudarstvennaya Meditsinskaya Akademiya", "permsk state medical academy"),
        ("Новосибирский государственный технический университет", "novosibirsk state technology university"),
        ("University of Nebraska", "university nebraska"),  # no Slavic ending: unchanged
    ],
)
def test_slavic_adjectives_read_by_their_stem(written: str, normal: str) -> None:
    """Any gender, case or transliteration of an organisation adjective finds its key; "Tomskiy" is Tomsk."""
    assert names.normalize_name(written) == normal


@pytest.mark.parametrize(
    ("foreign", "english"),
    [
        ("Universität Wien", "University of Vienna"),
        ("Technische Universität München", "Technical University of Munich"),
        ("Technische Universitaet Muenchen", "Technical University of Munich"),
        ("Uniwersytet Warszawski", "University of Warsaw"),
        ("Московский государственный университет", "Moscow State University"),
        ("Moskovskiy Gosudarstvennyy Universitet", "Moscow State University"),
        ("Sapienza Università di Roma", "Sapienza University of Rome"),
        ("Universität zu Köln", "University of Cologne"),
        ("Київський національний університет", "Kyiv National University"),
        ("Göteborgs universitet", "University of Gothenburg"),
    ],
)
def test_a_city_in_another_language_reads_as_its_english_name(foreign: str, english: str) -> None:
    """Names that write their city in two languages have the same words (data/place_names.tsv)."""
    assert sorted(pk.normalize_name(foreign).split()) == sorted(pk.normalize_name(english).split())


def test_the_place_table_parses_and_stays_apart_from_other_words() -> None:
    """Every variant has one English form, and none is an organisation word or a stop word."""
    table = names.place_names()
    assert len(table) > 50
    assert table["wien"] == "vienna"
    assert table["moskovsk"] == "moscow"
    assert not set(table) & (set(names.org_words()) | names.STOP_WORDS)
    assert not set(table.values()) & set(table)  # an English form is never itself rewritten


@pytest.mark.parametrize(
    ("written", "normal"),
    [
        ("Московский государственный университет имени М. В. Ломоносова", "moscow state university lomonosov"),
        ("МГТУ им. Н. Э. Баумана", "mgtu bauman"),
        ("Київський національний університет імені Тараса Шевченка", "kyiv national university taras shevchenko"),
        ("Klinikum im Friedrichshain", "clinic friedrichshain"),
        ("Universidad Santa Maria", "university saint maria"),
    ],
)
def test_a_name_after_imeni_is_read_in_the_nominative(written: str, normal: str) -> None:
    """ "имени Ломоносова" (named after Lomonosov, genitive) reads "lomonosov"; other words keep their ending."""
    assert pk.normalize_name(written) == normal


@pytest.mark.parametrize(
    ("written", "as_word"),
    [
        ("The University of Texas M.D. Anderson Cancer Center", "The University of Texas MD Anderson Cancer Center"),
        ("University of Texas-M. D. Anderson", "University of Texas-MD Anderson"),
        ("K.G. Jebsen Centre", "KG Jebsen Centre"),
        ("J. Craig Venter Institute", "J. Craig Venter Institute"),  # one initial: nothing to join
        ("M.I.T.", "M.I.T."),  # no name follows
        ("Univ. Tech. Berlin", "Univ. Tech. Berlin"),  # abbreviated words are no initials
    ],
)
def test_dotted_initials_written_as_one_word(written: str, as_word: str) -> None:
    """A person's dotted initials read as one word agree with a registry's undotted "MD
    Anderson" (the tokens of the dotted form drop them, as "M.V. Lomonosov" is Lomonosov)."""
    assert names.initials_as_word(written) == as_word
    assert names.tokens("M.D. Anderson") == ["anderson"]
    assert names.tokens(names.initials_as_word("M. D. Anderson")) == names.tokens("MD Anderson")
