"""Precision of MATCH decisions (partnerkit._matching._match): what a user relies on.

A MATCH is a claim that one institution is meant. Where the registry itself says the
string may mean another body (a unit listed under the institution, another registered
name in the same string, another holder of an acronym), the answer is POSSIBLE with the
candidates listed, or the more specific body.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import partnerkit as pk
from partnerkit.rules import Decision

REGISTRY = [
    pk.Institution(id="nord", name="University of Nordhaven", country="NO", city="Nordhaven"),
    pk.Institution(id="marine", name="Institute of Marine Chemistry", country="NO", city="Nordhaven",
                   relationships=(pk.Relationship("parent", "nord"),)),
    pk.Institution(id="syr", name="Syracuse University", country="US", city="Syracuse"),
    pk.Institution(id="utica", name="Utica College", country="US", city="Utica"),
    pk.Institution(id="mtc-jp", name="MTC Co., Ltd. (Japan)", country="JP", city="Tokyo"),
    pk.Institution(id="mtc-om", name="Military Technological College", country="OM", city="Muscat"),
    pk.Institution(id="cu-de", name="Constructor University", acronyms=("CU",), country="DE", city="Bremen"),
    pk.Institution(id="brc-gb", name="NIHR Sheffield Biomedical Research Centre", acronyms=("BRC",), country="GB",
                   city="Sheffield"),
    pk.Institution(id="brc-us", name="Bioinformatics Research Center", acronyms=("BRC",), country="US",
                   city="Raleigh"),
    pk.Institution(id="brc-in", name="Biotech Research Council", acronyms=("BRC",), country="IN", city="Pune"),
    pk.Institution(id="itmo", name="ITMO University", acronyms=("ITMO",), country="RU", city="Saint Petersburg"),
    pk.Institution(id="duke", name="Duke University", country="US", city="Durham"),
    pk.Institution(id="dukemc", name="Duke Medical Center", country="US", city="Durham"),
    pk.Institution(id="ea", name="Equipe Accueil", acronyms=("EA",), country="FR", city="Paris"),
    pk.Institution(id="old", name="Nordhaven College of Education", country="NO", city="Nordhaven", status="inactive",
                   relationships=(pk.Relationship("successor", "nord"),)),
]  # fmt: skip


@pytest.fixture(scope="module")
def registry() -> pk.Registry:
    return pk.Registry(REGISTRY)


def decisions(registry: pk.Registry, text: str, country: str | None = None) -> dict[str, Decision]:
    return {m.institution.id: m.decision for m in registry.match(text, country)}


CASES = [
    {
        "description": "a unit's name written with its university's: the unit the registry lists answers",
        "text": "Marine Chemistry Institute of the University of Nordhaven",
        "match": "marine",
        "possible": {"nord"},
    },
    {
        "description": "the university alone stays a MATCH",
        "text": "University of Nordhaven",
        "match": "nord",
        "possible": set(),
    },
    {
        "description": "a unit kind only ('School of Medicine') is not a registered unit",
        "text": "School of Medicine of the University of Nordhaven",
        "match": "nord",
        "possible": set(),
    },
    {
        "description": "two registered names in one string: both POSSIBLE",
        "text": "Utica College of Syracuse University",
        "match": None,
        "possible": {"syr", "utica"},
    },
    {
        "description": "another registered name made of the string's words: both POSSIBLE",
        "text": "Duke University Medical Center",
        "match": None,
        "possible": {"duke", "dukemc"},
    },
    {
        "description": "an acronym read as a company's name, also the initials of another: both POSSIBLE",
        "text": "MTC",
        "match": None,
        "possible": {"mtc-jp", "mtc-om"},
    },
]


@pytest.mark.parametrize("case", CASES, ids=[str(c["description"]) for c in CASES])
def test_precision_table(registry: pk.Registry, case: dict[str, object]) -> None:
    got = decisions(registry, str(case["text"]))
    matched = [i for i, d in got.items() if d is Decision.MATCH]
    assert matched == ([case["match"]] if case["match"] else [])
    possible = {i for i, d in got.items() if d is Decision.POSSIBLE}
    assert case["possible"] <= possible  # type: ignore[operator]


def test_ambiguity_is_explained(registry: pk.Registry) -> None:
    """The note says which other body the string may mean."""
    found = registry.match("Utica College of Syracuse University")
    assert "Utica College" in str(found[0].explanation)
    unit = registry.match("Marine Chemistry Institute of the University of Nordhaven")
    assert "listed under University of Nordhaven" in str(unit[0].explanation)


def test_a_unit_code_is_not_its_prefix(registry: pk.Registry) -> None:
    """'EA 4506' (a French lab code) is not the body whose acronym is EA."""
    assert Decision.MATCH not in decisions(registry, "EA 4506", "FR").values()


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        ("CU", "DE", Decision.POSSIBLE),  # two letters name too many bodies
        ("ITMO", "RU", Decision.MATCH),  # rare everywhere
    ],
)
def test_a_two_letter_acronym_and_a_country_are_not_enough(
    registry: pk.Registry, text: str, country: str, expected: Decision
) -> None:
    assert registry.match(text, country)[0].decision is expected


def test_results_do_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    """The same registry and names give the same decisions under any PYTHONHASHSEED."""
    root = Path(__file__).resolve().parents[1]
    script = (
        "import partnerkit as pk, sys\n"
        f"reg = pk.Registry.from_source('jsonl', path={str(root / 'examples' / 'institutions.jsonl')!r})\n"
        f"names = [r.split(',')[1] for r in open({str(root / 'examples' / 'names.csv')!r}).read().splitlines()[1:]]\n"
        "for n in names:\n"
        "    for c in (None, 'RU', 'US'):\n"
        "        print(n, c, [(m.institution.id, m.decision.value) for m in reg.match(n, c)])\n"
    )
    outs = set()
    for seed in ("0", "1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True, cwd=tmp_path
        )
        outs.add(done.stdout)
    assert len(outs) == 1


def test_an_inactive_institution_names_its_successor(registry: pk.Registry) -> None:
    """An old name still means the old institution; the successor is listed beside it."""
    found = registry.match("Nordhaven College of Education")
    assert (found[0].institution.id, found[0].decision) == ("old", Decision.MATCH)
    assert "its successor: University of Nordhaven" in str(found[0].explanation)
    assert ("nord", Decision.POSSIBLE) in [(m.institution.id, m.decision) for m in found]


def _plant_registry() -> pk.Registry:
    """Plant protection institutes in 14 countries; one of them registered by the bare name."""
    countries = ["NO", "DE", "FR", "PL", "UA", "CZ", "SK", "HU", "BR", "IN", "JP", "KR", "MX", "RS"]
    cities = ["Tromso", "Bonn", "Lyon", "Lodz", "Kharkiv", "Brno", "Kosice", "Szeged", "Recife", "Pune", "Sendai",
              "Daejeon", "Puebla", "Nis"]  # fmt: skip
    insts = [
        pk.Institution(id=f"phys-{c}", name=f"{city} Institute of Plant Protection", country=c, city=city)
        for c, city in zip(countries, cities, strict=True)
    ]
    insts.append(pk.Institution(id="phys", name="Institute of Plant Protection", country="GB", city="London"))
    insts.append(pk.Institution(id="planck", name="Planck Institute of Plant Protection", country="DE", city="Munich"))
    return pk.Registry(insts)


def test_a_descriptive_name_needs_a_place() -> None:
    """A name of subject and organisation words that bodies in many countries carry is no MATCH
    without a country or city, even when one registered institution carries it alone; a hint
    decides, and a proper name among the words keeps the MATCH."""
    reg = _plant_registry()
    top = reg.match("Institute of Plant Protection")[0]
    assert (top.institution.id, top.decision) == ("phys", Decision.POSSIBLE)
    assert "Descriptive name" in str(top.explanation)
    assert reg.match("Institute of Plant Protection", "GB")[0].decision is Decision.MATCH
    planck = reg.match("Planck Institute of Plant Protection")[0]
    assert (planck.institution.id, planck.decision) == ("planck", Decision.MATCH)


def test_an_abbreviated_unit_of_the_match_answers() -> None:
    """ "Czech Acad Sci, Inst Biophys" (Web of Science style) names a unit the registry lists
    under the academy: the unit is the MATCH, the academy POSSIBLE; an abbreviation two units
    fit leaves all POSSIBLE; a department (no unit registered) and a unit written in full keep
    the reader's answer, the academy."""
    parent = (pk.Relationship("parent", "cas"),)
    reg = pk.Registry(
        [
            pk.Institution(id="cas", name="Czech Academy of Sciences", country="CZ", city="Prague"),
            pk.Institution(id="bio", name="Czech Academy of Sciences, Institute of Biophysics", country="CZ",
                           relationships=parent),
            pk.Institution(id="phys", name="Institute of Physics of the Czech Academy of Sciences", country="CZ",
                           relationships=parent),
            pk.Institution(id="physl", name="Institute of Physiology of the Czech Academy of Sciences", country="CZ",
                           relationships=parent),
        ]
    )  # fmt: skip
    found = reg.match("Czech Acad Sci, Inst Biophys")
    assert [(m.institution.id, m.decision) for m in found[:2]] == [("bio", Decision.MATCH), ("cas", Decision.POSSIBLE)]
    assert "Unit:" in str(found[0].explanation)
    assert {m.decision for m in reg.match("Czech Acad Sci, Inst Phys")} == {Decision.POSSIBLE}
    assert decisions(reg, "Czech Acad Sci, Dept Chem") == {"cas": Decision.MATCH}
    assert decisions(reg, "Institute of Biophysics, Czech Academy of Sciences")["cas"] is Decision.MATCH


def test_a_descriptive_name_inside_a_longer_one_needs_a_place() -> None:
    """A descriptive registered name read as a piece of a longer name ("... and Institute of
    Plant Protection") is POSSIBLE too when nothing in the string places it."""
    reg = _plant_registry()
    top = reg.match("Vahl Seed Bank and Institute of Plant Protection")[0]
    assert (top.institution.id, top.decision) == ("phys", Decision.POSSIBLE)
    assert "Descriptive name" in str(top.explanation)
