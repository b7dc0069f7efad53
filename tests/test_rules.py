"""The rule engine (partnerkit.rules): decisions, explanations, symmetry, TOML round trips."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import partnerkit as pk
from partnerkit.rules import (
    AcronymOf,
    AcronymScript,
    And,
    CountryEqual,
    Decision,
    DistinctiveConflict,
    Not,
    OneLetter,
    Profile,
    Rule,
    RuleSet,
    TokenSort,
    default_rules,
)
from partnerkit.rules._comparisons import one_letter
from partnerkit.rules._kinds import UniversityKind
from tests import strategies as pst

P = Profile.from_name

TABLE = [
    {"description": "abbreviation expands", "left": "ITMO Univ.", "right": "ITMO University", "expected": "match"},
    {
        "description": "word order does not matter",
        "left": "Univ. of Tokyo",
        "right": "Tokyo University",
        "expected": "match",
    },
    {
        "description": "script does not matter",
        "left": "Университет ИТМО",
        "right": "ITMO University",
        "expected": "match",
    },
    {
        "description": "German university word",
        "left": "Universität Wien",
        "right": "University of Wien",
        "expected": "match",
    },
    {
        "description": "extra field word counts against",
        "left": "Wuhan University",
        "right": "Wuhan University of Technology",
        "expected": "non_match",
    },
    {
        "description": "extra distinctive words count against",
        "left": "Tomsk State University",
        "right": "Tomsk State University of Control Systems and Radioelectronics",
        "expected": "non_match",
    },
    {
        "description": "different city word",
        "left": "Moscow State University",
        "right": "Saint Petersburg State University",
        "expected": "non_match",
    },
    {
        "description": "a typo is only possible",
        "left": "University of Tokio",
        "right": "University of Tokyo",
        "expected": "possible",
    },
    {
        "description": "derived acronym alone is only possible",
        "left": "HUST",
        "right": "Huazhong University of Science and Technology",
        "expected": "possible",
    },
    {"description": "unrelated acronym", "left": "MIT", "right": "Stanford University", "expected": "non_match"},
    {"description": "equal acronyms alone are only possible", "left": "MSU", "right": "MSU", "expected": "possible"},
    {
        "description": "a generic name alone is only possible",
        "left": "Institute of Science",
        "right": "Instituto de Ciencias",
        "expected": "possible",
    },
    {
        "description": "legal forms do not count",
        "left": "Kojundo Chemical Laboratory",
        "right": "Kojundo Chemical Laboratory Co., Ltd.",
        "expected": "match",
    },
    {
        "description": "one stem in two languages does not conflict",
        "left": "Institute of History Ali Hadri",
        "right": "Instituti i Historisë Ali Hadri",
        "expected": "possible",
    },
    {
        "description": "a different field word still conflicts",
        "left": "Institute of Physics Zagreb",
        "right": "Institute of Chemistry Zagreb",
        "expected": "non_match",
    },
    {"description": "acronym inside a name", "left": "TU Berlin", "right": "Technische Universität Berlin",
     "expected": "match"},
    {"description": "acronym inside a name, stop words aside", "left": "ENSA Marseille",
     "right": "École nationale supérieure d'architecture de Marseille", "expected": "match"},
    {"description": "acronym of five words", "left": "AIIMS Guwahati",
     "right": "All India Institute of Medical Sciences Guwahati", "expected": "match"},
    {"description": "acronym inside a name, other city", "left": "TU Berlin",
     "right": "Technische Universität München", "expected": "non_match"},
    {"description": "acronym inside a name, other campus", "left": "AIIMS Guwahati",
     "right": "All India Institute of Medical Sciences Bibinagar", "expected": "non_match"},
    {"description": "initials that spell other words", "left": "NIT Silchar",
     "right": "National Institute of Nutrition Silchar", "expected": "non_match"},
    {"description": "one-letter typo: a letter left out", "left": "Michgan State University",
     "right": "Michigan State University", "expected": "match"},
    {"description": "one-letter typo, abbreviated", "left": "Univ. of Cambrige", "right": "University of Cambridge",
     "expected": "match"},
    {"description": "one-letter typo: a letter replaced", "left": "Tsinhua University", "right": "Tsinghua University",
     "expected": "match"},
    {"description": "one-letter typo: two letters swapped", "left": "University of Edinbrugh",
     "right": "University of Edinburgh", "expected": "match"},
    {"description": "two countries are not a typo", "left": "University of Austria",
     "right": "University of Australia", "expected": "non_match"},
    {"description": "one-letter country difference", "left": "Bank of Guinea", "right": "Bank of Guyana",
     "expected": "non_match"},
    {"description": "typo plus an extra word still conflicts", "left": "Tomsk State University",
     "right": "Tomsk State University of Control Systems", "expected": "non_match"},
    {"description": "another initial is another name", "left": "Huzhou Teachers College",
     "right": "Suzhou Teachers College", "expected": "possible"},
    {"description": "a plural is not a typo", "left": "Saudi Arabian Cultural Missions",
     "right": "Saudi Arabian Cultural Mission", "expected": "possible"},
    {"description": "one transliterated letter is another character", "left": "湖北省科技厅",
     "right": "河北省科技厅", "expected": "possible"},
    {"description": "a name's distinctive word in capitals", "left": "ITMO", "right": "ITMO University",
     "expected": "possible"},
    {"description": "a word in capitals of another name is not its acronym", "left": "MIT",
     "right": "Stanford University", "expected": "non_match"},
    {"description": "a Hochschule is not the Universität of its city", "left": "Hochschule Ulm",
     "right": "Universität Ulm", "expected": "non_match"},
    {"description": "an ammattikorkeakoulu is not the yliopisto", "left": "Vaasan ammattikorkeakoulu",
     "right": "Vaasan yliopisto", "expected": "non_match"},
    {"description": "the English University is read as either kind", "left": "Hochschule Ulm",
     "right": "Ulm University", "expected": "match"},
    {"description": "one kind written in two languages", "left": "Universität Ulm", "right": "University of Ulm",
     "expected": "match"},
]  # fmt: skip


@pytest.mark.parametrize("case", TABLE, ids=[c["description"] for c in TABLE])
def test_default_rules_table(case: dict[str, str]) -> None:
    """The default rules decide these pairs as a person would (or say POSSIBLE)."""
    e = default_rules().compare(P(case["left"]), P(case["right"]))
    assert e.decision.value == case["expected"], str(e)


def test_hard_rules_decide_first() -> None:
    """Same identifier is MATCH whatever the names; different countries NON_MATCH."""
    rules = default_rules()
    a = P("Foo", identifiers={"ror": "https://ror.org/04txgxn49"})
    b = P("Bar", identifiers={"ror": "04txgxn49"})
    assert rules.compare(a, b).decision is Decision.MATCH
    assert [r.rule for r in rules.compare(a, b)] == ["same_identifier"]
    c = P("ITMO University", country="RU")
    d = P("ITMO University", country="FR")
    e = rules.compare(c, d)
    assert e.decision is Decision.NON_MATCH
    assert e.score == 0.0


def test_country_and_domain_add_evidence() -> None:
    rules = default_rules()
    base = rules.compare(P("HUST"), P("Huazhong University of Science and Technology"))
    hinted = rules.compare(P("HUST", country="CN"), P("Huazhong University of Science and Technology", country="CN"))
    assert hinted.score > base.score
    assert "same_country" in [r.rule for r in hinted]


def test_explanation_contract() -> None:
    """Explanations iterate over fired rules with rule/value/weight/decision; str() and to_dict() work."""
    e = default_rules().compare(P("ITMO Univ."), P("ITMO University"))
    fired = list(e)
    assert fired
    assert all(isinstance(r.rule, str) and r.value is not None for r in fired)
    assert all((r.weight is None) != (r.decision is None) for r in fired)
    text = str(e)
    assert text.startswith("MATCH")
    assert "same_name" in text
    d = e.to_dict()
    assert d["decision"] == "match"
    assert [r["rule"] for r in d["rules"]] == [r.rule for r in fired]


@settings(deadline=None)
@given(pst.clean_names(), pst.clean_names(), st.none() | pst.countries, st.none() | pst.countries)
def test_compare_is_symmetric(a: str, b: str, ca: str | None, cb: str | None) -> None:
    """compare(a, b) and compare(b, a) decide alike with the same score."""
    rules = default_rules()
    x, y = P(a, country=ca), P(b, country=cb)
    one, two = rules.compare(x, y), rules.compare(y, x)
    assert one.decision == two.decision
    assert one.score == pytest.approx(two.score)


@pytest.mark.parametrize(
    "pair",
    [
        ("Wuhan University", "Wuhan University of Technology"),
        ("HUST", "Huazhong University of Science and Technology"),
        ("МЭСИ", "MESI"),
        ("Universitaet Wien", "Universität Wien"),
        ("TU Berlin", "Technische Universität Berlin"),
        ("AIIMS Guwahati", "All India Institute of Medical Sciences Bibinagar"),
        ("Michgan State University", "Michigan State University"),
        ("University of Edinbrugh", "University of Edinburgh"),
    ],
)
def test_symmetry_table(pair: tuple[str, str]) -> None:
    rules = default_rules()
    a, b = P(pair[0]), P(pair[1])
    assert rules.compare(a, b).to_dict()["rules"] == rules.compare(b, a).to_dict()["rules"]


def test_rule_sets_round_trip_through_dict_and_toml(tmp_path: Path) -> None:
    """A rule set is a value: dict and TOML forms load back equal."""
    rules = default_rules().with_rules(
        Rule(name="custom", comparison=And((CountryEqual(), Not(AcronymOf()))), equals=True, weight=0.5)
    )
    assert RuleSet.from_dict(rules.to_dict()) == rules
    path = tmp_path / "rules.toml"
    rules.save(path)
    assert RuleSet.load(path) == rules


def test_loading_a_binary_file_as_rules_is_a_config_error(tmp_path: Path) -> None:
    """A saved registry (or a zip) passed where a rule file goes: a ConfigError naming it, not a
    UnicodeDecodeError traceback."""
    path = tmp_path / "ror.pkreg"
    path.write_bytes(b"partnerkit-registry\n\x80\x05\x95")
    with pytest.raises(pk.ConfigError, match=r"ror.pkreg: not a TOML rule set \(byte 21 is not UTF-8"):
        RuleSet.load(path)


def test_rule_sets_can_be_edited() -> None:
    rules = default_rules()
    lenient = rules.replace("similar", Rule(name="similar", comparison=TokenSort(), at_least=0.8, weight=5.0))
    assert lenient["similar"].at_least == 0.8
    assert "same_city" not in rules.without("same_city").names()
    assert rules.with_rules(
        Rule(name="x", comparison=DistinctiveConflict(), at_least=5, weight=-1), before="same_name"
    ).names().index("x") == rules.names().index("same_name")


@pytest.mark.parametrize(
    ("toml", "path"),
    [
        ('[[rules]]\nname = "a"\ncomparison = { type = "nope" }\nweight = 1.0\n', "rules[0].comparison.type"),
        ('[[rules]]\nname = "a"\ncomparison = { type = "token_sort", x = 1 }\nweight = 1.0\n', "rules[0].comparison.x"),
        ('[[rules]]\nname = "a"\ncomparison = { type = "token_sort" }\n', "rules[0]"),
        ('[[rules]]\ncomparison = { type = "token_sort" }\nweight = 1.0\n', "rules[0].name"),
        ("[thresholds]\nmatch = 0.3\npossible = 0.6\n", "thresholds"),
        ("[thresholds]\nfoo = 1\n", "thresholds.foo"),
    ],
)
def test_bad_rule_files_name_the_field(toml: str, path: str) -> None:
    with pytest.raises(pk.ConfigError) as info:
        RuleSet.from_toml(toml)
    assert info.value.path == path


def test_invalid_toml_is_a_config_error() -> None:
    with pytest.raises(pk.ConfigError, match="invalid TOML"):
        RuleSet.from_toml("[[rules")


def test_custom_rule_can_decide() -> None:
    """A user rule placed first decides before the defaults."""
    strict = default_rules().with_rules(
        Rule(name="never_acronyms", comparison=AcronymOf(), equals="derived", decision="non_match"),
        before="same_identifier",
    )
    assert strict.compare(P("HUST"), P("Huazhong University of Science and Technology")).decision is Decision.NON_MATCH


@pytest.mark.parametrize(
    ("description", "left", "right", "expected"),
    [
        ("Cyrillic acronym vs a Latin name of India", ("МГУ", None), ("Mahatma Gandhi University", "IN"), True),
        ("Cyrillic acronym vs its transliteration elsewhere", ("МГУ", None), ("MGU", "IN"), True),
        ("Cyrillic acronym vs a Cyrillic name", ("МГУ", None), ("Московский государственный университет", None), False),
        ("Cyrillic acronym vs a Russian institution", ("МЭСИ", None), ("MESI", "RU"), False),
        ("Latin acronym: does not apply", ("MGU", None), ("Mahatma Gandhi University", "IN"), None),
        ("no fit: does not apply", ("МГУ", None), ("Stanford University", "US"), None),
    ],
)  # fmt: skip
def test_acronym_script(
    description: str, left: tuple[str, str | None], right: tuple[str, str | None], expected: object
) -> None:
    """An acronym in a non-Latin script needs corroboration in that script, symmetrically."""
    a, b = P(left[0], country=left[1]), P(right[0], country=right[1])
    assert AcronymScript().value(a, b) == expected, description
    assert AcronymScript().value(b, a) == expected, description


def test_a_cyrillic_acronym_is_never_a_match_for_a_latin_namesake() -> None:
    """'МГУ' is at best POSSIBLE for Mahatma Gandhi University (MGU), even with the same country."""
    rules = default_rules()
    e = rules.compare(P("МГУ", country="IN"), P("MGU", country="IN"))
    assert e.decision is Decision.POSSIBLE
    assert "foreign_script_acronym" in [r.rule for r in e]


@pytest.mark.parametrize(
    ("x", "y", "expected"),
    [
        ("michgan", "michigan", True),  # deleted
        ("cambrigde", "cambridge", True),  # swapped
        ("tsinhua", "tsinghua", True),
        ("tsinghua", "tsinghia", True),  # replaced
        ("tokio", "tokyo", False),  # under six letters
        ("huzhou", "suzhou", False),  # another initial
        ("missions", "mission", False),  # another ending
        ("austria", "australia", False),  # two edits, and countries
        ("guinea", "guinia", False),  # a country name
        ("edinburgh", "edinburgh", False),  # the same word
        ("edinburgh", "edinbhurgh", True),
        ("edinburgh", "eddinbhurgh", False),  # two edits
        ("place12", "place2", False),  # another number: another institution
        ("place12", "place13", False),
        ("campus12", "campus1", False),
        ("place12", "plaace12", True),  # a typo beside the same number
    ],
)
def test_one_letter_words(x: str, y: str, expected: bool) -> None:
    """A one-letter typo is told from another word, both ways round."""
    assert one_letter(x, y) is expected
    assert one_letter(y, x) is expected


def test_one_letter_typo_is_explained() -> None:
    """The explanation says the names differ by one letter."""
    e = default_rules().compare(P("Michgan State University"), P("Michigan State University"))
    assert e.decision is Decision.MATCH
    assert "one-letter difference" in str(e)
    assert OneLetter().value(P("Tsinhua University"), P("Tsinghua University")) is True
    assert OneLetter().value(P("Tsinghua University"), P("Tsinghua University")) is None


@settings(max_examples=300, deadline=None)
@given(st.one_of(pst.names, st.sampled_from(["MIT", "HUST (Wuhan)", "Univ. of X - Y", '"ITMO" University', "«МГУ»"])))
def test_tokens_of_is_the_profiles_tokens(name: str) -> None:
    """The distributed dedupe's plan reads only a name's words: the very words its profile has."""
    from partnerkit.rules._profile import tokens_of

    assert tokens_of(name) == Profile.from_name(name).tokens


@pytest.mark.parametrize(
    ("x", "y", "expected"),
    [
        ("Hochschule Ulm", "Universität Ulm", True),
        ("Technische Hochschule Ulm", "Technische Universität Ulm", True),
        ("Fachhochschule Kiel", "Christian-Albrechts-Universität zu Kiel", True),
        ("Hogeschool Utrecht", "Universiteit Utrecht", True),
        ("Hochschule Bielefeld", "Fachhochschule Bielefeld", False),  # both of applied sciences
        ("Universität Ulm", "Universiteit Ulm", False),  # the same kind in two languages
        ("Hochschule Ulm", "Ulm University", None),  # English "University" names either kind
        ("Hochschule Ulm", "Ulm Institute of Technology", None),
    ],
)
def test_university_kind(x: str, y: str, expected: bool | None) -> None:
    """Two university words of one kind agree, of two kinds (applied sciences or not) conflict; symmetric."""
    assert UniversityKind().value(P(x), P(y)) is expected
    assert UniversityKind().value(P(y), P(x)) is expected
