"""Affiliation strings: what a user relies on when ``Registry.match`` reads a string naming an
organisation among units and addresses (the same call as for a plain name).

The registry here is written for the tests (no benchmark rows): a university with a
faculty and a lab as children, two namesakes in different countries, an acronym shared
by two bodies, and a hospital.
"""

from __future__ import annotations

import pytest

from partnerkit import Institution, InstitutionKind, Registry, Relationship
from partnerkit._names import country_code, country_of, is_postcode, split_affiliation
from partnerkit.rules import Decision

REGISTRY = [
    Institution(
        id="u-nord",
        name="University of Nordhaven",
        acronyms=("UNH",),
        country="NO",
        city="Nordhaven",
        kind=InstitutionKind.EDUCATION,
    ),
    Institution(
        id="lab",
        name="Aurora Photonics Laboratory",
        country="NO",
        city="Nordhaven",
        kind=InstitutionKind.FACILITY,
        relationships=(Relationship("parent", "u-nord"),),
    ),
    Institution(
        id="st-ca", name="Saint Brendan University", country="CA", city="Halifax", kind=InstitutionKind.EDUCATION
    ),
    Institution(id="st-ie", name="Saint Brendan University", country="IE", city="Cork", kind=InstitutionKind.EDUCATION),
    Institution(
        id="hosp",
        name="Riverside Heart Hospital",
        acronyms=("RHH",),
        country="US",
        city="Dayton",
        kind=InstitutionKind.HEALTHCARE,
    ),
    Institution(
        id="rhh-uk",
        name="Royal Hill Hospice",
        acronyms=("RHH",),
        country="GB",
        city="Leeds",
        kind=InstitutionKind.HEALTHCARE,
    ),
    Institution(
        id="cu-sys",
        name="Coastal University System",
        aliases=("Coastal University",),
        country="US",
        city="Harbor City",
        kind=InstitutionKind.EDUCATION,
    ),
    *(
        Institution(
            id=f"cu-{place.lower()}",
            name=f"Coastal University, {place}",
            country="US",
            city=place,
            kind=InstitutionKind.EDUCATION,
            relationships=(Relationship("parent", "cu-sys"),),
        )
        for place in ("Northport", "Southport", "Eastport")
    ),
    Institution(id="palm", name="Palmetto University", country="US", city="Columbia", kind=InstitutionKind.EDUCATION),
    Institution(
        id="dept", name="Department of Marine Studies", country="NO", city="Nordhaven", kind=InstitutionKind.GOVERNMENT
    ),
    Institution(
        id="phys",
        name="Institute of Science and Technology",
        country="GB",
        city="London",
        kind=InstitutionKind.NONPROFIT,
    ),
    Institution(
        id="cdr", name="Centre for Tidal Disease Research", country="GB", city="Leeds", kind=InstitutionKind.GOVERNMENT
    ),
]


@pytest.fixture(scope="module")
def index() -> Registry:
    return Registry(REGISTRY)


def answers(index: Registry, text: str, country: str | None = None) -> list[str]:
    return [h.institution.id for h in index.match(text, country) if h.decision is Decision.MATCH]


CASES = [
    {"description": "a plain name", "text": "University of Nordhaven", "expected": ["u-nord"]},
    {"description": "abbreviated words", "text": "Univ. of Nordhaven", "expected": ["u-nord"]},
    {
        "description": "units before, address after",
        "expected": ["u-nord"],
        "text": "Dept. of Applied Optics, Faculty of Science, University of Nordhaven, Fjordveien 12, "
        "5020 Nordhaven, Norway",
    },
    {
        "description": "a unit named after the university",
        "expected": ["u-nord"],
        "text": "University of Nordhaven School of Medicine",
    },
    {
        "description": "parent and child named: one answer, not two",
        "expected": ["u-nord"],
        "text": "Aurora Photonics Laboratory, University of Nordhaven",
    },
    {
        "description": "namesakes told apart by the country",
        "expected": ["st-ie"],
        "text": "Department of History, Saint Brendan University, Cork, Ireland",
    },
    {
        "description": "namesakes told apart by the city alone",
        "expected": ["st-ca"],
        "text": "Saint Brendan University, Halifax",
    },
    {"description": "namesakes without a place stay ambiguous", "expected": [], "text": "Saint Brendan University"},
    {"description": "country conflict is no match", "expected": [], "text": "University of Nordhaven, Lima, Peru"},
    {"description": "an acronym alone is not enough", "expected": [], "text": "RHH"},
    {"description": "an acronym with its country", "expected": ["hosp"], "text": "Cardiology, RHH, Dayton, OH, USA"},
    {
        "description": "a name buried in other words is no answer",
        "expected": [],
        "text": "Friends of the Riverside Heart Hospital Fundraising Committee",
    },
    {
        "description": "a generic name needs a place that agrees",
        "expected": [],
        "text": "Institute of Science and Technology",
    },
    {
        "description": "a generic name with its place",
        "expected": ["phys"],
        "text": "Institute of Science & Technology, London, UK",
    },
    {
        "description": "a system's short name does not say which member",
        "expected": [],
        "text": "Department of Physics, Coastal University",
    },
    {
        "description": "the place picks the system's member",
        "expected": ["cu-southport"],
        "text": "Department of Physics, Coastal University, Southport",
    },
    {
        "description": "the member's words elsewhere in the string pick it",
        "expected": ["cu-eastport"],
        "text": "Eastport Campus, Coastal University, Marine Lab",
    },
    {
        "description": "two organisations joined by 'and': the university answers",
        "expected": ["u-nord"],
        "text": "Heart Centre, University of Nordhaven and Riverside Heart Hospital",
    },
    {
        "description": "a footnote mark does not break a name that commas split",
        "expected": ["cu-northport"],
        "text": "Dept. of Biology, Coastal University, Northport 3 , Northport, USA",
    },
    {
        "description": "reordered words with a place that agrees",
        "expected": ["u-nord"],
        "text": "Dept. of Optics, Nordhaven University, Nordhaven, Norway",
    },
    {
        "description": "reordered words of one organisation's name, no place named",
        "expected": ["u-nord"],
        "text": "Department of Optics, Nordhaven University",
    },
    {
        "description": "reordered words without a place that agrees are no answer",
        "expected": [],
        "text": "Dept. of Optics, Nordhaven University, Halifax",
    },
    {
        "description": "a unit that is a registered name does not answer beside another organisation",
        "expected": [],
        "text": "Department of Marine Studies, Example Widgets College, Nordhaven, Norway",
    },
    {
        "description": "a unit-headed registered name alone answers",
        "expected": ["dept"],
        "text": "Department of Marine Studies, Nordhaven, Norway",
    },
    {
        "description": "runs of spaces are where punctuation was stripped",
        "expected": ["u-nord"],
        "text": "University of Nordhaven  Faculty of Law  Nordhaven",
    },
    {
        "description": "a number after a name is no address",
        "expected": ["u-nord"],
        "text": "University of Nordhaven 5020",
    },
    {
        "description": "a registry city that is also a (misspelt) country name is a soft hint",
        "expected": ["palm"],
        "text": "Palmetto University, Columbia",
    },
    {
        "description": "a place written beside a name must be the organisation's",
        "expected": [],
        "text": "Halifax Centre for Tidal Disease Research",
    },
    {
        "description": "a place beside a name that agrees",
        "expected": ["cdr"],
        "text": "Leeds Centre for Tidal Disease Research",
    },
    {
        "description": "a centre for a subject before an unregistered university is that one's unit",
        "expected": [],
        "text": "Centre for Tidal Disease Research, Example Widgets University",
    },
    {
        "description": "a parent written only as its acronym beside its unit: the unit answers",
        "expected": ["lab"],
        "text": "Aurora Photonics Laboratory (UNH)",
    },
    {"description": "nothing registered", "expected": [], "text": "Optics Group, Example Widgets Ltd"},
    {
        "description": "words run together are separated",
        "expected": ["st-ca"],
        "text": "Saint Brendan UniversityHalifax",
    },
    {
        "description": "a stop word run into the name is separated",
        "expected": ["u-nord"],
        "text": "Division of Optics of theUniversity of Nordhaven",
    },
    {
        "description": "a distinctive name after the unit's words in one part is the unit's body",
        "expected": ["u-nord"],
        "text": "Division of Applied Optics of the University of Nordhaven",
    },
    {
        "description": "a descriptive name after unit words in one part may be the unit",
        "expected": [],
        "text": "Department of Science and Technology Institute",
    },
    {
        "description": "a footnote lead-in before the name",
        "expected": ["u-nord"],
        "text": "Current address: University of Nordhaven",
    },
    {
        "description": "an on-leave lead-in before the name",
        "expected": ["u-nord"],
        "text": "On leave from University of Nordhaven, 5020 Nordhaven, Norway",
    },
    {
        "description": "an author's address lead-in before the name",
        "expected": ["u-nord"],
        "text": "Author's address University of Nordhaven",
    },
    {"description": "an ISO country code after the name", "expected": ["u-nord"], "text": "University of Nordhaven NO"},
    {
        "description": "an ISO country code settles namesakes",
        "expected": ["st-ie"],
        "text": "Saint Brendan University IE",
    },
    {
        "description": "a named unit after the name",
        "expected": ["u-nord"],
        "text": "University of Nordhaven Whitby School of Law",
    },
    {
        "description": "a centre or institute named after the university",
        "expected": ["u-nord"],
        "text": "University of Nordhaven Centre for Coastal Studies",
    },
    {
        "description": "an acronym whose name is spelt out elsewhere in the string",
        "expected": ["hosp"],
        "text": "Cardiology, Riverside Heart Institute  RHH",
    },
    {
        "description": "a role at the organisation",
        "expected": ["u-nord"],
        "text": "Assistant Professor at the University of Nordhaven",
    },
    {
        "description": "a subject's unit of the organisation",
        "expected": ["u-nord"],
        "text": "Science and Technology of the University of Nordhaven",
    },
    {
        "description": "other words of a name are no unit",
        "expected": [],
        "text": "Friends of the Riverside Heart Hospital",
    },
    {
        "description": "without a connector the role buries the name",
        "expected": [],
        "text": "Assistant Professor University of Nordhaven",
    },
    {
        "description": "HTML entities are read",
        "expected": ["u-nord"],
        "text": "FSBEI of HE &quot;University of Nordhaven&quot;",
    },
    {
        "description": "names joined by a slash are read apart",
        "expected": ["hosp"],
        "text": "Example Widgets Foundation/Riverside Heart Hospital",
    },
    {"description": "an acronym and its city in one part", "expected": ["hosp"], "text": "RHH Dayton"},
    {"description": "a city and an acronym in one part", "expected": ["rhh-uk"], "text": "Leeds RHH"},
    {"description": "an acronym and a street word is no place", "expected": [], "text": "RHH Campus"},
    {"description": "a name followed by its own acronym", "expected": ["hosp"], "text": "Riverside Heart Hospital RHH"},
    {
        "description": "other bodies' acronyms or unit codes beside a name do not bury it",
        "expected": ["hosp"],
        "text": "INSERM Riverside Heart Hospital XYZ/U1234",
    },
    {
        "description": "in a part written in capitals no word reads as an acronym",
        "expected": [],
        "text": "FRIENDS OF RIVERSIDE HEART HOSPITAL",
    },
    {
        "description": "ordinary words beside the acronyms still bury the name",
        "expected": [],
        "text": "XYZ Friends of Riverside Heart Hospital",
    },
    {
        "description": "an acronym spelt out elsewhere but the string names another country",
        "expected": [],
        "text": "Cardiology, Riverside Heart Institute  RHH, Ireland",
    },
    {
        "description": "what the organisation is a member of does not answer",
        "expected": ["hosp"],
        "text": "Cardiology, Riverside Heart Hospital, corporate member of University of Nordhaven",
    },
    {
        "description": "a membership alone names its organisation",
        "expected": ["u-nord"],
        "text": "Member of the University of Nordhaven",
    },
    {
        "description": "a generic name with its place in the same part",
        "expected": ["phys"],
        "text": "Institute of Science and Technology London",
    },
]


@pytest.mark.parametrize("case", CASES, ids=[c["description"] for c in CASES])
def test_affiliation_table(index: Registry, case: dict[str, object]) -> None:
    assert answers(index, str(case["text"])) == case["expected"]


def test_country_argument_settles_namesakes(index: Registry) -> None:
    """A country given by the caller works like one written in the string."""
    assert answers(index, "Saint Brendan University", country="CA") == ["st-ca"]


def test_conflict_is_reported_as_non_match(index: Registry) -> None:
    """The candidate is still returned, as NON_MATCH, with the rule that decided."""
    hits = index.match("University of Nordhaven, Lima, Peru")
    assert [(h.institution.id, h.decision) for h in hits] == [("u-nord", Decision.NON_MATCH)]
    assert "country_conflict" in str(hits[0].explanation)


def test_explanation_names_part_and_rules(index: Registry) -> None:
    """Each hit says which part of the string matched which name and why."""
    hit = index.match("Aurora Photonics Laboratory, University of Nordhaven")
    by_id = {h.institution.id: h for h in hit}
    text = str(by_id["u-nord"].explanation)
    assert "'University of Nordhaven' is a registered name" in text
    assert by_id["lab"].decision is Decision.POSSIBLE
    assert "affiliation.unit" in str(by_id["lab"].explanation)


def test_reordered_part_explains_the_order_and_the_place(index: Registry) -> None:
    """A part read as a registered name in another word order says so, and says the place agreed."""
    best = index.match("Dept. of Optics, Nordhaven University, Nordhaven, Norway")[0]
    assert best.query == "Nordhaven University"
    assert "another order" in str(best.explanation)
    assert "Norway agrees" in str(best.explanation)


def test_plain_and_affiliation_strings_share_one_call(index: Registry) -> None:
    """The same ``match`` reads a plain name and a string with units and an address."""
    plain = index.match("University of Nordhaven")[0]
    composite = index.match("Faculty of Law, University of Nordhaven, 5020 Nordhaven")[0]
    assert plain.institution.id == composite.institution.id == "u-nord"
    assert plain.decision is composite.decision is Decision.MATCH
    assert composite.query == "University of Nordhaven"


def test_split_and_address_parts() -> None:
    parts = split_affiliation("Dept. of Physics; Univ. of Oslo (UiO), Oslo - Norway")
    assert [p.text for p in parts] == ["Dept. of Physics", "Univ. of Oslo", "UiO", "Oslo", "Norway"]
    assert [p.subunit for p in parts] == [True, False, False, False, False]
    assert country_of("norway") == "NO"
    assert country_of("nordhaven") is None
    assert [p.text for p in split_affiliation("Tsinghua Example University CN")] == [
        "Tsinghua Example University",
        "CN",
    ]
    assert [p.text for p in split_affiliation("Nordhaven IT")] == ["Nordhaven IT"]  # too short
    assert country_code("CN") == "CN"
    assert country_code("cn") is None
    assert is_postcode("5020")
    assert not is_postcode("oslo")


#: Twelve geological surveys: "applied" and "geology" are subject words, carried in many countries.
SURVEYS = [
    Institution(id=f"survey-{code}", name=f"Applied Geology Survey of {name}", country=code, kind="government")
    for code, name in (
        ("FR", "France"), ("DE", "Germany"), ("IT", "Italy"), ("ES", "Spain"), ("PL", "Poland"), ("SE", "Sweden"),
        ("FI", "Finland"), ("JP", "Japan"), ("BR", "Brazil"), ("AR", "Argentina"), ("KE", "Kenya"), ("IN", "India"),
    )
]  # fmt: skip


@pytest.fixture(scope="module")
def surveyed() -> Registry:
    lab = Institution(
        id="bml",
        name="Brendan Marine Lab",
        country="IE",
        kind="facility",
        relationships=(Relationship("parent", "st-ie"),),
    )
    more = [
        Institution(id="agi", name="Applied Geology Institute", country="AU"),
        Institution(id="nv2", name="Université Nordhaven 2 Vestland", country="NO", kind="education"),
        Institution(id="el", name="Engineering Laboratory", country="NO", kind="facility"),
    ]
    return Registry([*REGISTRY, *SURVEYS, *more, lab])


def test_descriptive_name_beside_another_country_organisation_is_not_the_answer(surveyed: Registry) -> None:
    """A name of subject words only ("Applied Geology Institute") that the registry holds once
    is a MATCH alone, but not when the string names another organisation elsewhere and
    nothing in the string is in its country: that one answers."""
    assert answers(surveyed, "Applied Geology Institute") == ["agi"]
    text = "Applied Geology Institute, Riverside Heart Hospital"
    assert answers(surveyed, text) == ["hosp"]
    agi = next(m for m in surveyed.match(text) if m.institution.id == "agi")
    assert agi.decision is Decision.POSSIBLE
    assert "affiliation.descriptive_name" in [r.rule for r in agi.explanation.results]
    # its country named in the string: it answers
    assert answers(surveyed, "Applied Geology Institute, Riverside Heart Hospital, Australia") == ["agi"]
    assert answers(surveyed, "Applied Geology Institute, Perth, Australia") == ["agi"]


def test_two_descriptive_names_in_different_countries_place_neither() -> None:
    """Two names of subject words only, each held once but in different countries, with no
    place in the string: neither places the other, so neither is the answer (the order they
    are written in does not matter)."""
    agl = Institution(id="agl", name="Applied Geology Laboratory", country="CA")
    reg = Registry([*REGISTRY, *SURVEYS, Institution(id="agi", name="Applied Geology Institute", country="AU"), agl])
    for text in (
        "Applied Geology Institute, Applied Geology Laboratory",
        "Applied Geology Laboratory, Applied Geology Institute",
    ):
        assert answers(reg, text) == []
        got = {m.institution.id: m for m in reg.match(text)}
        for i in ("agi", "agl"):
            assert got[i].decision is Decision.POSSIBLE
            assert "affiliation.descriptive_name" in [r.rule for r in got[i].explanation.results]
    assert answers(reg, "Applied Geology Laboratory, Applied Geology Institute, Canada") == ["agl"]


def test_namesakes_settled_by_a_linked_organisation_in_the_string(surveyed: Registry) -> None:
    """A name two organisations share, with no place in the string, is settled by another
    organisation the string names: the namesake that is its parent is the one meant (and,
    parent and unit both named, the parent answers)."""
    assert answers(surveyed, "Saint Brendan University") == []
    got = surveyed.match("Brendan Marine Lab, Saint Brendan University")
    assert [m.institution.id for m in got if m.decision is Decision.MATCH] == ["st-ie"]
    assert "affiliation.namesake_settled" in [r.rule for r in got[0].explanation.results]
    assert next(m for m in got if m.institution.id == "st-ca").decision is Decision.POSSIBLE


def test_a_number_inside_a_name_is_no_footnote_mark(surveyed: Registry) -> None:
    """ "Université Nordhaven 2 Vestland" is its own university, not "Université Nordhaven"
    with a footnote mark; "University of Nordhaven 2" still is."""
    assert answers(surveyed, "Université Nordhaven 2 Vestland") == ["nv2"]
    assert answers(surveyed, "Dept. of Law, University of Nordhaven 2, Norway") == ["u-nord"]


def test_a_common_name_cut_out_of_a_longer_one_by_and_is_not_found(surveyed: Registry) -> None:
    """ "Cold Fjord Research and Engineering Laboratory" is one name: its tail after "and" is a
    registered name of common words only, which it does not mean."""
    assert answers(surveyed, "Cold Fjord Research and Engineering Laboratory, Nordhaven, Norway") == []
    assert answers(surveyed, "Engineering Laboratory, Nordhaven, Norway") == ["el"]


def test_an_address_written_after_the_name_in_one_part(surveyed: Registry) -> None:
    """Strings without commas ("Dept. of X Saint Brendan University Cork 12345 Ireland") carry
    their address after the name: the trailing city, state, post code and country are places
    (they settle namesakes and conflict like an address part), not words that bury the name."""
    assert answers(surveyed, "Department of Law Saint Brendan University Cork Ireland") == ["st-ie"]
    assert answers(surveyed, "Saint Brendan University Halifax Nova Scotia Canada") == ["st-ca"]
    got = surveyed.match("Department of Law Saint Brendan University Lima Peru")
    assert {m.decision for m in got if m.institution.id.startswith("st-")} == {Decision.NON_MATCH}
    # a place word alone, or codes alone, after a name are not an address
    assert answers(surveyed, "Riverside Heart Hospital Leeds") == []
    assert answers(surveyed, "Palmetto University, US 41") == ["palm"]
    # a part that is only an address is a place, never a candidate
    assert answers(surveyed, "Saint Brendan University, Halifax NS 12345 Canada") == ["st-ca"]


def test_a_company_and_its_national_branches_share_a_name_the_root_answers() -> None:
    """ "Fjordtech" named in a string, with branches of the same name in Canada and Germany
    under the Norwegian parent: the parent answers (ROR parent links), as for a unit and its
    parent; namesakes that are not one family stay ambiguous."""
    reg = Registry(
        [
            Institution(id="ft", name="Fjordtech", country="NO", kind="company"),
            *(
                Institution(
                    id=f"ft-{c.lower()}",
                    name="Fjordtech",
                    country=c,
                    kind="company",
                    relationships=(Relationship("parent", "ft"),),
                )
                for c in ("CA", "DE")
            ),
            *REGISTRY,
        ]
    )
    assert answers(reg, "Sensor Division, Fjordtech") == ["ft"]
    assert "affiliation.family" in [r.rule for r in reg.match("Sensor Division, Fjordtech")[0].explanation.results]
    assert answers(reg, "Fjordtech, Halifax, Canada") == ["ft-ca"]
    assert answers(reg, "Saint Brendan University") == []


def test_a_school_named_after_its_university_that_has_no_record() -> None:
    """ "Aldmoor School of Medicine", "Kestrel University School of Law": a school named after its
    university, where the school has no record, is the university's ("Aldmoor University",
    "Kestrel University in Tromsø" known without its city); a registered school answers itself,
    the school's registered short form ("Aldmoor Medicine") answers for it, and a hospital or
    another university named beside the school is what the string means."""
    reg = Registry(
        [
            Institution(id="ald", name="Aldmoor University", country="US", city="Aldmoor", kind="education"),
            Institution(id="kes", name="Kestrel University in Tromsø", country="NO", city="Tromsø", kind="education"),
            Institution(
                id="ald-law",
                name="Aldmoor Law School",
                country="US",
                city="Aldmoor",
                kind="education",
                relationships=(Relationship("parent", "ald"),),
            ),
            Institution(
                id="ald-med",
                name="Aldmoor Medicine",
                country="US",
                city="Aldmoor",
                kind="healthcare",
                relationships=(Relationship("related", "ald"),),
            ),
            *REGISTRY,
        ]
    )
    assert answers(reg, "Department of Nursing Science, Aldmoor School of Nursing") == ["ald"]
    assert answers(reg, "Aldmoor Kerr Business School") == ["ald"]  # a donor's name between
    assert answers(reg, "Kestrel University School of Public Health, Norway") == ["kes"]
    got = reg.match("Aldmoor Business School")
    assert "affiliation.school_of_its_university" in [r.rule for r in got[0].explanation.results]
    assert answers(reg, "Aldmoor Law School") == ["ald-law"]  # registered: itself
    assert answers(reg, "Department of Surgery, Aldmoor School of Medicine") == ["ald-med"]
    assert answers(reg, "Aldmoor Medical School") == ["ald-med"]
    # a hospital or another university beside the school is meant; a place elsewhere conflicts
    assert answers(reg, "Riverside Heart Hospital, Aldmoor School of Nursing") == ["hosp"]
    assert answers(reg, "Aldmoor School of Nursing, University of Nordhaven") == ["u-nord"]
    assert answers(reg, "Aldmoor School of Nursing, Norway") == []
    # the words before the school must name one university
    assert answers(reg, "Westfield Medical School") == []


def test_legal_forms_own_initials_and_campus_after_a_name() -> None:
    """A company's legal form after its name ("Fjordtech International Inc", "Corp. Ltd"), an
    association's "e V", the name's own initials written apart ("Universidad de Vestfold U de
    V") and a campus in its city ("... Bergen Campus") do not bury the name; a common word with
    a legal form, another acronym, or a campus elsewhere do."""
    reg = Registry(
        [
            Institution(id="ft", name="Fjordtech", country="NO", kind="company"),
            Institution(id="ud", name="Universidad de Vestfold", acronyms=("UdeV",), country="NO", city="Bergen"),
            Institution(id="fz", name="Forschungszentrum Nordhaven", country="DE", kind="facility"),
            *REGISTRY,
        ]
    )
    assert answers(reg, "Fjordtech International Inc") == ["ft"]
    assert answers(reg, "Fjordtech Corporation Ltd") == ["ft"]
    assert "legal form" in str(reg.match("Fjordtech Group")[0].explanation)
    assert answers(reg, "Forschungszentrum Nordhaven e V") == ["fz"]
    assert answers(reg, "Universidad de Vestfold U de V") == ["ud"]
    assert answers(reg, "Universidad de Vestfold Bergen Campus") == ["ud"]
    assert answers(reg, "Universidad de Vestfold Halifax Campus") == []
    assert answers(reg, "Universidad de Vestfold X de Y") == []
    assert answers(reg, "Riverside Heart Hospital Group") == []  # not a company


def test_a_name_that_starts_a_longer_one_named_elsewhere_is_its_short_form() -> None:
    """ "Trinity College Institute of Neuroscience, Trinity College Dublin": the shorter name
    (another organisation's, unrelated) is the longer one written short; the longer answers."""
    reg = Registry(
        [
            Institution(id="tc", name="Trinity College", country="US", city="Hartford", kind="education"),
            Institution(id="tcd", name="Trinity College Dublin", country="IE", city="Dublin", kind="education"),
        ]
    )
    assert answers(reg, "Trinity College Institute of Neuroscience, Trinity College Dublin") == ["tcd"]
    hits = reg.match("Trinity College Institute of Neuroscience, Trinity College Dublin")
    short = next(h for h in hits if h.institution.id == "tc")
    assert short.decision is Decision.POSSIBLE
    assert "short_form" in str(short.explanation)
    assert answers(reg, "Trinity College Institute of Neuroscience") == ["tc"]


def test_a_name_with_its_kind_word_or_short_of_its_city() -> None:
    """ "Jamia Hamdard University" for the registered "Jamia Hamdard" (a university: the word
    of its kind may be written), and "Purdue University" for "Purdue University West
    Lafayette" (one university's name short of its city), unless a place says otherwise."""
    reg = Registry(
        [
            Institution(id="jh", name="Jamia Hamdard", country="IN", city="New Delhi", kind="education"),
            Institution(id="rw", name="Ridgeway University Westport", country="US", city="Westport", kind="education"),
            *REGISTRY,
        ]
    )
    assert answers(reg, "Department of Botany, Jamia Hamdard University") == ["jh"]
    assert answers(reg, "Jamia Hamdard Hospital, New Delhi") == []  # not a hospital
    assert answers(reg, "Department of Physics, Ridgeway University") == ["rw"]
    assert "short of its city" in str(reg.match("Ridgeway University")[0].explanation)
    assert answers(reg, "Ridgeway University, Lima, Peru") == []


def test_namesakes_by_normal_form_told_apart_by_the_name_as_written() -> None:
    """ "University of Freiburg" and Fribourg's German label "Universität Freiburg" have one
    normal form; the organisation whose name is written as the string writes it answers."""
    reg = Registry(
        [
            Institution(id="fr-de", name="University of Freiburg", country="DE", kind="education"),
            Institution(
                id="fr-ch",
                name="University of Fribourg",
                labels={"de": "Universität Freiburg"},
                country="CH",
                kind="education",
            ),
        ]
    )
    assert answers(reg, "Institute of Biology III, University of Freiburg") == ["fr-de"]
    assert "written_as_is" in str(reg.match("Institute of Biology III, University of Freiburg")[0].explanation)
    assert answers(reg, "Institut für Biologie, Universität Freiburg") == ["fr-ch"]
    assert answers(reg, "Institut für Biologie, Univ. Freiburg") == []  # neither as written: ambiguous


def test_trailing_address_answer_kept_for_the_last_part_only_is_the_fresh_answer() -> None:
    """A part is asked twice where its address starts (is it an address? where does it begin?):
    the kept answer is the one a fresh reading gives, whatever was asked in between."""
    from partnerkit._matching._affiliation import reader
    from partnerkit._matching._affiliation._places import _places_in, places_in

    reg = Registry([Institution(id="b", name="Brookings Institute", city="Brookings", country="US")])
    r = reader(reg._index)
    texts = ["south dakota state university brookings sd 57007 usa", "university of georgia", "india 632014"]
    for text in [*texts, *reversed(texts), texts[0], texts[0]]:
        assert places_in(r, text) == _places_in(r, text, None)
    assert places_in(r, texts[0]) < len(texts[0].split())  # "brookings sd 57007 usa" is its address


def test_short_of_its_city_refused_when_another_campus_extends_the_name_or_the_city_differs() -> None:
    """ "Cihan University" when "Cihan University-Erbil" and "Cihan University - Duhok" are both
    registered names one university of several, not the one registered with its city; "ICFAI
    University, Jaipur" is not "ICFAI University, Dehradun" (the string names another city). A
    unit of the university extending its name ("... Medical Center") does not make it ambiguous."""
    edu = InstitutionKind.EDUCATION
    reg = Registry(
        [
            Institution(id="ke", name="Karsa University Erbil", country="IQ", city="Erbil", kind=edu),
            Institution(id="kd", name="Karsa University - Duhok", country="IQ", city="Dahuk", kind=edu),
            Institution(id="ld", name="Lakshan University, Dehradun", country="IN", city="Dehradun", kind=edu),
            Institution(id="rn", name="Ridgeway University Westport", country="US", city="Westport", kind=edu),
            Institution(
                id="rn-med",
                name="Ridgeway University Medical Center",
                country="US",
                city="Westport",
                kind=InstitutionKind.HEALTHCARE,
                relationships=(Relationship("parent", "rn"),),
            ),
            Institution(id="jp", name="Jaipur Hospital", country="IN", city="Jaipur", kind=InstitutionKind.HEALTHCARE),
        ]
    )
    assert answers(reg, "Karsa University") == []
    assert answers(reg, "Lakshan University") == ["ld"]
    assert answers(reg, "Lakshan University, Jaipur") == []
    assert answers(reg, "Ridgeway University") == ["rn"]


def test_an_acronym_is_not_spelt_out_by_itself() -> None:
    """A name made of the acronym and common words ("Laboratoire GEC", "ARS University") is not
    spelt out in a string by the acronym alone when other bodies share the acronym; a body that
    is the acronym's only holder is still read from it with its place."""
    reg = Registry(
        [
            Institution(id="lqec", name="Laboratoire QEC", acronyms=("QEC",), country="FR", city="Cergy"),
            Institution(id="qec", name="Quarry Engineering College", acronyms=("QEC",), country="IN", city="Banka"),
            *REGISTRY,
        ]
    )
    assert answers(reg, "Physics, QEC Nordhaven") == []
    alone = Registry([Institution(id="lqec", name="Laboratoire QEC", acronyms=("QEC",), country="FR", city="Cergy")])
    assert answers(alone, "Physics, QEC, Paris") == ["lqec"]


def test_an_acronym_is_not_spelt_out_by_a_subject_or_a_shared_name() -> None:
    """A lone acronym is corroborated by its name written in the string, not by the subject
    words of a unit's name: "Institute of Applied Geology" does not spell out "Applied Geology
    Laboratory" (AGL), as "Institute of Human Genetics" does not "National Institute of
    Genetics" (NIG); nor by a name that another, unrelated body holds too: the string writes
    the name, but not which holder the acronym means."""
    fac = InstitutionKind.FACILITY
    reg = Registry(
        [
            Institution(id="agl", name="Applied Geology Laboratory", acronyms=("AGL",), country="NZ", kind=fac),
            Institution(id="nmnh", name="National Museum of Natural History", acronyms=("NMNH",), country="US"),
            Institution(id="mnhn", name="Muséum national d'histoire naturelle", country="FR", kind=fac,
                        aliases=("National Museum of Natural History",)),
            *REGISTRY,
            *SURVEYS,
        ]
    )  # fmt: skip
    assert answers(reg, "Core Unit (AGL), Institute of Applied Geology") == []
    assert answers(reg, "Core Unit (AGL), Applied Geology Laboratory") == ["agl"]
    assert answers(reg, "INSERM U11, Paris university- National museum of natural history (NMNH)") == []
    alone = Registry([Institution(id="nmnh", name="National Museum of Natural History", acronyms=("NMNH",))])
    assert answers(alone, "INSERM U11, Paris university- National museum of natural history (NMNH)") == ["nmnh"]


def test_bodies_in_two_countries_are_each_placed_by_their_own_place() -> None:
    """A string listing bodies in two countries names each one's place: the country it names
    (Norway, Nordhaven's) is no conflict for a body whose own city it names (Columbia, in no
    country named), so both are named and neither is the answer (two universities, unrelated).
    With no other body that the country places, the conflict stays a NON_MATCH."""
    reg = Registry(REGISTRY)
    text = "Physics, Palmetto University, Columbia, and Chemistry, University of Nordhaven, Norway"
    assert answers(reg, text) == []
    got = {m.institution.id: m.decision for m in reg.match(text)}
    assert got["palm"] is Decision.POSSIBLE
    assert got["u-nord"] is Decision.POSSIBLE
    assert {m.institution.id: m.decision for m in reg.match("Palmetto University, Columbia, Norway")} == {
        "palm": Decision.NON_MATCH
    }
    assert answers(reg, "Physics, Palmetto University, and Chemistry, University of Nordhaven, Norway") == ["u-nord"]


def test_a_number_after_a_name_with_numbered_namesakes_names_none_of_them() -> None:
    """A name followed by a number it does not carry ("Université Paris VI", "Univ Paris 06"),
    where the registry numbers namesakes of that name, names a numbered one the registry does
    not hold: not the unnumbered name. A registered number is read; a lone digit after a name
    stays a footnote mark; a name with no numbered namesakes ignores a number after it."""
    edu = InstitutionKind.EDUCATION
    reg = Registry(
        [*REGISTRY, Institution(id="n3", name="University of Nordhaven III", country="NO", city="Nordhaven", kind=edu)]
    )
    assert answers(reg, "Physics, University of Nordhaven VI, Norway") == []
    assert answers(reg, "Physics, University of Nordhaven 06") == []
    assert answers(reg, "Physics, University of Nordhaven III") == ["n3"]
    assert answers(reg, "Physics, University of Nordhaven 3 , Norway") == ["u-nord"]
    assert answers(reg, "Cardiology, Riverside Heart Hospital IV") == ["hosp"]


def test_an_acronym_beside_a_name_that_together_name_another_body() -> None:
    """ "CEITEC Masaryk University" is the institute registered as "Central European Institute of
    Technology - Masaryk University", "GC University Hyderabad" is "Government College University
    Hyderabad", and "HICAST Purbanchal University" a college of that university registered with
    the acronym: that body answers and the name's holder is only possible. A laboratory's acronym
    beside its university ("Sorbonne University INSERM" style) still answers the university."""
    edu = InstitutionKind.EDUCATION
    reg = Registry(
        [
            Institution(id="mu", name="Mirek University", country="CZ", city="Brno", kind=edu),
            Institution(id="ceit", name="Central European Institute of Technology - Mirek University", country="CZ"),
            Institution(id="uh", name="University of Hallabad", country="IN", city="Hallabad", kind=edu),
            Institution(id="gcu", name="Government College University Hallabad", country="PK", kind=edu),
            Institution(id="pu", name="Purvan University", country="NP", kind=edu),
            Institution(
                id="hc",
                name="Himal College of Agricultural Sciences",
                acronyms=("HICAS",),
                country="NP",
                kind=edu,
                relationships=(Relationship("parent", "pu"),),
            ),
            Institution(
                id="lab",
                name="Centre for Quiet Studies",
                acronyms=("CQS",),
                country="NP",
                kind=InstitutionKind.FACILITY,
                relationships=(Relationship("parent", "pu"),),
            ),
        ]
    )
    assert answers(reg, "CEITEC Mirek University") == ["ceit"]
    assert answers(reg, "GC University Hallabad") == ["gcu"]
    assert answers(reg, "HICAS Purvan University") == ["hc"]
    assert answers(reg, "CQS Purvan University") == ["pu"]
    assert answers(reg, "Mirek University") == ["mu"]
    explained = next(h for h in reg.match("CEITEC Mirek University") if h.institution.id == "mu")
    assert explained.decision is Decision.POSSIBLE
    assert "another body's acronym" in str(explained.explanation)


def test_a_bracketed_qualifier_of_a_registered_name_must_be_written() -> None:
    """ "University of Tarrow (Oder)" is registered to tell it from another Tarrow university:
    a string writing "University of Tarrow" without "Oder" does not name it (brackets holding
    an acronym or a country tell nothing apart and need not be written)."""
    edu = InstitutionKind.EDUCATION
    reg = Registry(
        [
            Institution(
                id="oder", name="Marsh Valley University", aliases=("University of Tarrow (Oder)",), country="DE"
            ),
            Institution(id="cap", name="Capella Tools (Germany)", country="DE", kind=InstitutionKind.COMPANY),
            Institution(id="qi", name="Quarry Institute of Optics (QIO)", country="DE", kind=edu),
        ]
    )
    assert answers(reg, "Institute of Physics, University of Tarrow, Germany") == []
    assert answers(reg, "Institute of Physics, University of Tarrow (Oder), Germany") == ["oder"]
    assert answers(reg, "Sales, Capella Tools, Germany") == ["cap"]
    assert answers(reg, "Lab 3, Quarry Institute of Optics, Germany") == ["qi"]


def test_and_inside_a_name_does_not_cut_out_a_shorter_registered_one() -> None:
    """ "Centre for Ecological Studies and Forestry Applications" is one name with "and" in it:
    the registered "Centre for Ecological Studies" is not cut out of it; "University of
    Nordhaven and Life Sciences" still names the university (a place ends that piece)."""
    reg = Registry(
        [
            Institution(id="ces", name="Centre for Ecological Studies", country="HU", city="Budapest"),
            *REGISTRY,
        ]
    )
    assert answers(reg, "Forest Unit, Centre for Ecological Studies and Forestry Applications") == []
    assert answers(reg, "Institute of Physics, Centre for Ecological Studies, Budapest") == ["ces"]
    assert answers(reg, "University of Nordhaven and Life Sciences, Norway") == ["u-nord"]


def test_a_university_of_applied_sciences_is_not_read_from_a_plain_university() -> None:
    """The organisation-word table reads "Fachhochschule Tarrow" as "University Tarrow"; a string
    writing "University of Tarrow" does not name it, one writing "Fachhochschule" does."""
    reg = Registry([Institution(id="fh", name="Fachhochschule Tarrow", country="DE", city="Tarrow", kind="education")])
    assert answers(reg, "Department of Physics, Fachhochschule Tarrow, Germany") == ["fh"]
    assert answers(reg, "Department of Physics, University of Tarrow, Germany") == []


def test_namesakes_written_as_is_by_their_display_name_first() -> None:
    """Two universities carry "Universidad de Los Pinos" (one as its name, one as a Spanish label
    of its English name): the one whose own name the string writes answers; where both are
    only labels or aliases as written, the string does not say which."""
    edu = InstitutionKind.EDUCATION
    reg = Registry(
        [
            Institution(id="co", name="Universidad de Los Pinos", country="CO", kind=edu),
            Institution(
                id="cl",
                name="University of the Pinos",
                labels={"es": "Universidad de los Pinos"},
                country="CL",
                kind=edu,
            ),
            Institution(
                id="us", name="Verano University", labels={"es": "Universidad de Verano"}, country="US", kind=edu
            ),
            Institution(
                id="mx", name="University of Verano", labels={"es": "Universidad de Verano"}, country="MX", kind=edu
            ),
        ]
    )
    assert answers(reg, "Department of Physics, Universidad de Los Pinos") == ["co"]
    assert answers(reg, "Department of Physics, Universidad de Verano") == []


def test_a_unit_in_its_own_right_and_its_parent_named_leave_the_level_open() -> None:
    """A string naming an organisation in its own right and its parent does not say which
    level it means: an academy's institute (its parent is no university) or a body with
    units of its own leaves both POSSIBLE, with the reason; a university's centre named
    with its university leaves the university the answer; either named alone answers."""
    reg = Registry(
        [
            Institution(id="acad", name="Borealis Academy of Sciences", country="NO", kind="government"),
            Institution(
                id="zoo",
                name="Tromsdal Institute of Zoology",
                country="NO",
                kind="facility",
                relationships=(Relationship("parent", "acad"),),
            ),
            Institution(id="uni", name="University of Vestmark", country="NO", kind="education"),
            Institution(
                id="ctr",
                name="Vestmark Centre for Sea Ice Studies",
                country="NO",
                kind="facility",
                relationships=(Relationship("parent", "uni"),),
            ),
            Institution(
                id="inst",
                name="Vestmark Institute of Polar Medicine",
                country="NO",
                kind="facility",
                relationships=(Relationship("parent", "uni"),),
            ),
            Institution(
                id="lab",
                name="Vestmark Laboratory of Frost Biology",
                country="NO",
                kind="facility",
                relationships=(Relationship("parent", "inst"),),
            ),
        ]
    )
    text = "Tromsdal Institute of Zoology, Borealis Academy of Sciences"
    assert answers(reg, text) == []
    hits = {h.institution.id: h for h in reg.match(text)}
    assert hits["acad"].decision is Decision.POSSIBLE
    assert "affiliation.level" in str(hits["acad"].explanation)
    assert hits["zoo"].decision is Decision.POSSIBLE
    assert answers(reg, "Vestmark Institute of Polar Medicine, University of Vestmark") == []
    assert answers(reg, "Vestmark Centre for Sea Ice Studies, University of Vestmark") == ["uni"]
    assert answers(reg, "Tromsdal Institute of Zoology, Norway") == ["zoo"]
    assert answers(reg, "Department of Genetics, Borealis Academy of Sciences") == ["acad"]


def test_a_system_name_held_by_one_member_is_settled_by_the_words_and_the_hospital() -> None:
    """A system's short name that one member bears as an alias ("University of Illinois") answers
    that member, unless the string writes the words of a longer registered name ("..., Chicago":
    the Chicago campus; "Queens College ..., CUNY" is no college of which "Queen's College" was
    an old name) or names a medical unit, which is the member ROR relates to a hospital bearing
    the system's name ("University of Maryland School of Medicine" lives at Baltimore)."""
    edu = InstitutionKind.EDUCATION
    system = (Relationship("parent", "sys"),)
    reg = Registry(
        [
            Institution(id="sys", name="Eastvale University System", country="US", city="Riverton", kind=edu),
            Institution(
                id="riv",
                name="University of Eastvale, Riverton",
                aliases=("University of Eastvale",),
                country="US",
                city="Riverton",
                kind=edu,
                relationships=system,
            ),
            Institution(
                id="har",
                name="University of Eastvale, Harborough",
                country="US",
                city="Harborough",
                kind=edu,
                relationships=(*system, Relationship("related", "hosp")),
            ),
            Institution(
                id="hosp",
                name="University of Eastvale Hospital",
                country="US",
                city="Harborough",
                kind=InstitutionKind.HEALTHCARE,
                relationships=(Relationship("related", "har"),),
            ),
            Institution(id="old", name="Hudsonia University", aliases=("Kestrel College",), country="US", kind=edu),
            Institution(id="kc", name="Kestrel College, Lindmark University", country="US", kind=edu),
        ]
    )
    assert answers(reg, "Department of Physics, University of Eastvale") == ["riv"]
    assert answers(reg, "Department of Psychiatry, University of Eastvale College of Medicine") == ["har"]
    assert answers(reg, "Department of Physics, University of Eastvale, Harborough") == ["har"]
    assert answers(reg, "Department of Surgery, University of Eastvale, Riverton") == ["riv"]
    assert answers(reg, "Department of Biology, Kestrel College") == ["old"]
    assert answers(reg, "Department of Biology, Kestrel College and the Graduate Center, Lindmark University") == ["kc"]
    hit = reg.match("Department of Biology, Kestrel College and the Graduate Center, Lindmark University")[0]
    assert any(r.rule == "affiliation.longer_name" for r in hit.explanation.results)


def test_a_hospital_with_the_system_words_scattered_does_not_pick_the_medical_member() -> None:
    """The medical member is the one related to a hospital bearing the system's short name
    written together ("University of Eastvale Hospital"); a hospital whose name only holds
    its words apart ("University Medical Center of Southern Eastvale") does not make its
    related member the answer: the alias's holder answers."""
    edu = InstitutionKind.EDUCATION
    system = (Relationship("parent", "sys"),)
    riv = Institution(
        id="riv",
        name="University of Eastvale, Riverton",
        aliases=("University of Eastvale",),
        country="US",
        city="Riverton",
        kind=edu,
        relationships=system,
    )
    har = Institution(
        id="har",
        name="University of Eastvale, Harborough",
        country="US",
        city="Harborough",
        kind=edu,
        relationships=(*system, Relationship("related", "hosp")),
    )
    sys_ = Institution(id="sys", name="Eastvale University System", country="US", city="Riverton", kind=edu)

    def hospital(name: str) -> Institution:
        rel = (Relationship("related", "har"),)
        return Institution(id="hosp", name=name, country="US", kind=InstitutionKind.HEALTHCARE, relationships=rel)

    text = "Department of Physiology, School of Medicine, University of Eastvale"
    scattered = Registry([sys_, riv, har, hospital("University Medical Center of Southern Eastvale")])
    assert answers(scattered, text) == ["riv"]
    together = Registry([sys_, riv, har, hospital("University of Eastvale Medical Center")])
    assert answers(together, text) == ["har"]


def test_line_breaks_and_tabs_written_as_text_are_spaces() -> None:
    """Exports write line breaks and tabs as "#N#", "#R#", "#TAB#": they separate words and
    never hide a name, a country or a city beside them."""
    reg = Registry(REGISTRY)
    assert answers(reg, "University of Nordhaven#TAB#") == ["u-nord"]
    assert answers(reg, "#N#Department of Physics,#N#University of#R##N#Nordhaven#N#") == ["u-nord"]
    assert answers(reg, "Saint Brendan University, Cork, Ireland#TAB#") == ["st-ie"]
    assert answers(reg, "University of Nordhaven, Lima, Peru#TAB#") == []  # the country still conflicts


ABBREVIATED = [
    Institution(id="git", name="Glenmoor Institute of Technology", country="US", city="Atlanta", kind="education"),
    Institution(id="bupt", name="Beijing University of Posts and Telecommunications", country="CN", kind="education"),
    Institution(id="lbs", name="Lakeside Business School", country="GB", kind="education"),
    Institution(id="ues", name="University of Electronic Science of Arden", country="GB", kind="education"),
    Institution(id="uel", name="University of Electrical Science of Arden", country="GB", kind="education"),
    Institution(id="ont", name="Ontotext", country="BG", kind="company"),
    *REGISTRY,
]

ABBREVIATION_CASES = [
    ("a cut-off word before a split", "Coll. of Comput., Glenmoor Inst. of Technol., Atlanta, GA.", ["git"]),
    ("cut-off words inside", "Sch. of Eng., Beijing Univ. of Posts & Telecommun., China", ["bupt"]),
    ("a cut-off word that is a registered word too", "Lakeside Bus. Sch.", ["lbs"]),
    ("a word cut where two names read on", "Univ. of Elect. Sci. of Arden", []),
    ("an abbreviation alone names nothing", "Family Health Team, Kitchener, Ont.", []),
    ("a cut-off word must begin the registered word", "Glenmoor Inst. of Tech. Arts", []),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in ABBREVIATION_CASES], ids=[c[0] for c in ABBREVIATION_CASES]
)
def test_abbreviated_words_read_as_the_registered_words_they_begin(text: str, expected: list[str]) -> None:
    """ "Georgia Inst. of Technol.", "Beijing Univ. of Posts & Telecommun.": a word cut off
    with a full stop stands for the registered words it begins; a run reads as a name when
    exactly one such reading is registered, and the explanation says how it was read."""
    reg = Registry(ABBREVIATED)
    assert answers(reg, text) == expected


def test_abbreviations_read_are_in_the_explanation() -> None:
    """The explanation names each abbreviation and the word it was read as."""
    reg = Registry(ABBREVIATED)
    best = reg.match("Glenmoor Inst. of Technol., Atlanta")[0]
    assert best.institution.id == "git"
    assert "'Technol.' as 'technology'" in str(best.explanation)


def test_an_abbreviation_that_reads_as_one_name_only() -> None:
    """The same cut-off word reads as a name when only one registered name reads on."""
    reg = Registry([i for i in ABBREVIATED if i.id != "uel"])
    assert answers(reg, "Univ. of Elect. Sci. of Arden") == ["ues"]


def test_another_order_not_refused_by_a_longer_name_of_another_kind() -> None:
    """ "Copenhagen University" is "University of Copenhagen" in another order even though
    "Copenhagen University Hospital" (a hospital) starts with those words; a university whose
    name starts so ("Washington University in St. Louis") still refuses the reading."""
    uni = Institution(id="uk", name="University of Kestrel", country="DK", city="Kestrel", kind="education")
    hosp = Institution(id="ukh", name="Kestrel University Hospital", country="DK", city="Kestrel", kind="healthcare")
    other = Institution(id="ukl", name="Kestrel University Lakeside", country="US", kind="education")
    assert answers(Registry([uni, hosp]), "Department of Geosciences, Kestrel University") == ["uk"]
    assert answers(Registry([uni, hosp, other]), "Department of Geosciences, Kestrel University") == []


def test_a_system_name_in_another_order_answers_the_member_the_place_picks() -> None:
    """ "Texas Univ., Austin": a system's short name (an alias) written in another word order
    is the system's; the place picks its member, and without one the system stays POSSIBLE."""
    reg = Registry(
        [
            Institution(
                id="rs",
                name="Ridge University System",
                aliases=("University of Ridge",),
                country="US",
                kind="education",
            ),
            *(
                Institution(
                    id=f"r-{town.lower()}",
                    name=f"University of Ridge at {town}",
                    country="US",
                    city=town,
                    kind="education",
                    relationships=(Relationship("parent", "rs"),),
                )
                for town in ("Northport", "Southport", "Eastport")
            ),
        ]
    )
    assert answers(reg, "Dept. of Physics, Ridge Univ., Northport, USA") == ["r-northport"]
    hits = reg.match("Dept. of Physics, Ridge Univ., USA")
    assert [h.institution.id for h in hits if h.decision is Decision.MATCH] == []
    assert "system" in str(hits[0].explanation)


def test_a_post_code_part_after_a_one_word_name_is_not_joined_to_it() -> None:
    """ "Bayer AG, 42113, Wuppertal, Germany": a post code written as its own part after a
    name is an address, not a footnote mark of the name ("University of X, San Diego 3" is)."""
    reg = Registry([Institution(id="bay", name="Bayerwerk", country="DE", city="Wuppertal", kind="company")])
    assert answers(reg, "Project Management, Bayerwerk AG, 42113, Wuppertal, Germany") == ["bay"]
    assert answers(reg, "Bayerwerk AG, 42113 Wuppertal, Germany") == ["bay"]


def test_a_country_in_dotted_capitals_before_a_name_is_a_hint() -> None:
    """ "U.S. Naval Academy": the dotted national prefix is the string's country (the tokens
    drop it), so a namesake elsewhere is a conflict; a person's initials ("K.G. Jebsen") are not."""
    reg = Registry(
        [
            Institution(id="na-tr", name="Naval Academy", country="TR", kind="education"),
            Institution(id="kg", name="Jebsen Centre", country="NO", kind="facility"),
        ]
    )
    assert answers(reg, "Naval Academy") == ["na-tr"]
    hits = reg.match("U.S. Naval Academy")
    assert [h.decision for h in hits if h.institution.id == "na-tr"] == [Decision.NON_MATCH]
    assert answers(reg, "K.G. Jebsen Centre, Oslo") == ["kg"]


def test_a_region_of_china_written_with_china_is_no_country_conflict() -> None:
    """ "HKUST, Kowloon, HKSAR, P. R. China", "Hong Kong University of Science & Technology,
    China": a string that names Hong Kong (Macau, Taiwan) with China is in the region, so the
    region's records are no conflict, and an acronym shared with a mainland body reads as the
    region's one."""
    reg = Registry(
        [
            Institution(
                id="hk",
                name="Harbour University of Technology",
                country="HK",
                city="Hong Kong",
                acronyms=("HUT",),
                kind="education",
            ),
            Institution(id="kw", name="Kowloon Institute of Optics", country="HK", city="Kowloon", kind="facility"),
            Institution(
                id="gz",
                name="Harbour University of Technology (Guangzhou)",
                country="CN",
                city="Guangzhou",
                acronyms=("HUT",),
                kind="education",
            ),
            Institution(id="tw", name="Formosa Institute of Glass", country="TW", city="Taipei", kind="facility"),
        ]
    )
    assert answers(reg, "Harbour University of Technology, Hong Kong, China") == ["hk"]
    assert answers(reg, "Dept. of Physics, Harbour University of Technology, Kowloon, China") == ["hk"]
    assert answers(reg, "HUT, Kowloon, HKSAR, P. R. China") == ["hk"]
    assert answers(reg, "HUT, Hong Kong, China") == ["hk"]
    assert answers(reg, "HUT, Guangzhou, China") == ["gz"]
    assert answers(reg, "Formosa Institute of Glass, Taipei, Taiwan, China") == ["tw"]
    # China alone is still a conflict for a Hong Kong record
    hits = reg.match("Harbour University of Technology, Beijing, China")
    assert [h.decision for h in hits if h.institution.id == "hk"] == [Decision.NON_MATCH]


def test_dotted_initials_agree_with_a_name_registered_without_dots() -> None:
    """ "The University of Texas M.D. Anderson Cancer Center" is the registered "... MD
    Anderson Cancer Center" (not the system its first words name); the explanation says so."""
    reg = Registry(
        [
            Institution(id="uts", name="The University of Texas System", country="US", kind="education"),
            Institution(
                id="mda",
                name="The University of Texas MD Anderson Cancer Center",
                country="US",
                city="Houston",
                kind="healthcare",
            ),
        ]
    )
    for text in (
        "The University of Texas M.D. Anderson Cancer Center",
        "Dept. of Surgery, University of Texas-M. D. Anderson Cancer Center, Houston, TX",
    ):
        assert answers(reg, text) == ["mda"]
    best = reg.match("The University of Texas M.D. Anderson Cancer Center")[0]
    assert "initials" in str(best.explanation)


def test_a_university_hospital_named_with_the_adjective_is_not_the_university() -> None:
    """ "Hospital Clínico Universitario de X" and "Centre Hospitalier Universitaire de X" name the
    university hospital of X: the university's own name ("Universidad de X") is not read from
    them, while the university written as such beside a hospital still answers."""
    reg = Registry(
        [
            Institution(id="uv", name="Universidad de Valdoria", country="ES", city="Valdoria", kind="education"),
            Institution(id="um", name="Université de Morlaix", country="FR", city="Morlaix", kind="education"),
        ]
    )
    assert answers(reg, "Hospital Clínico Universitario de Valdoria") == []
    assert answers(reg, "Servicio de Cardiología, Hospital Universitario de Valdoria, Spain") == []
    assert answers(reg, "Service de Pédiatrie, Centre Hospitalier Universitaire de Morlaix") == []
    assert answers(reg, "Facultad de Medicina, Universidad de Valdoria") == ["uv"]
    assert answers(reg, "Hospital Clínico, Universidad de Valdoria") == ["uv"]
    assert answers(reg, "Hospital Clínico de la Universidad de Valdoria") == ["uv"]
    assert answers(reg, "Hospital Clínico Universitario de la Universidad de Valdoria") == ["uv"]


def test_a_name_numbered_i_is_read_only_where_the_string_writes_the_numeral() -> None:
    """The normal form drops a lone "I" as an initial, so "Morlaix I University" and "Morlaix
    University" share it: the numbered university is read only from a string that writes "I"
    (or "1"); otherwise the string names the unnumbered one, in another order."""
    edu = InstitutionKind.EDUCATION
    reg = Registry(
        [
            Institution(
                id="um", name="Université de Morlaix", aliases=("University of Morlaix",), country="FR", kind=edu
            ),
            Institution(
                id="um1",
                name="Université Morlaix 1",
                aliases=("Morlaix I University", "Université de Morlaix I"),
                country="FR",
                kind=edu,
            ),
        ]
    )
    assert answers(reg, "Institute of Biology, Morlaix University, France") == ["um"]
    assert answers(reg, "Institute of Biology, Morlaix I University, France") == ["um1"]
    assert answers(reg, "Institute of Biology, Université Morlaix 1, France") == ["um1"]
    # a number after the name may be set apart as a footnote mark: it is still written
    assert answers(reg, "Morlaix 1 University") == ["um1"]


def test_a_run_whose_holders_the_string_does_not_write_leaves_the_part_to_other_readings() -> None:
    """ "University at Tarrow" reads as "University Tarrow", the normal form of "Fachhochschule
    Tarrow" too; the string writes no Fachhochschule, so that run names nothing and the part is
    read as the university's name in another order ("Tarrow University")."""
    edu = InstitutionKind.EDUCATION
    reg = Registry(
        [
            Institution(id="fh", name="Fachhochschule Tarrow", country="DE", city="Tarrow", kind=edu),
            Institution(id="tu", name="Tarrow-Universität", aliases=("Tarrow University",), country="DE", kind=edu),
        ]
    )
    assert answers(reg, "Institute of Physics, University at Tarrow, Germany") == ["tu"]
    assert answers(reg, "Institute of Physics, Fachhochschule Tarrow, Germany") == ["fh"]


def test_parts_read_before_give_the_reading_a_fresh_reader_gives() -> None:
    """A reader keeps what it read of a part (is it a place, where its address starts, its
    runs of registered names) for the next string with that part: each string still gets
    the very reading, places and explanations included, that a reader meeting it first gives."""
    from partnerkit._matching._affiliation import reader

    texts = [
        "Department of Physics, University of Nordhaven, Nordhaven, Norway",
        "University of Nordhaven, Norway",
        "Aurora Photonics Laboratory, Nordhaven 5020, Norway",
        "Saint Brendan University, Cork, Ireland",
        "Saint Brendan University, Halifax, Canada",
        "Riverside Heart Hospital Dayton OH 45409 USA",
        "RHH, Dayton, USA",
        "RHH, Leeds, UK",
        "Coastal University, Harbor City, USA",
    ]
    kept = reader(Registry(REGISTRY).index)
    for text in [*texts, *reversed(texts)]:
        again = kept.read(text)
        fresh = reader(Registry(REGISTRY).index).read(text)
        assert again == fresh, text
        assert again.hints.texts == fresh.hints.texts  # the places in the order written
    first = kept.read(texts[0]).hints
    assert (first.texts, first.countries, first.cities) == (["Nordhaven", "Norway"], {"NO"}, {"nordhaven"})
    assert kept.read(texts[5]).hints.tails == {"Riverside Heart Hospital Dayton OH 45409 USA": 3}


def _calls_on_long_strings(
    monkeypatch: pytest.MonkeyPatch, counted: str, cache: str, sizes: tuple[int, int]
) -> list[int]:
    """Calls of ``_parts.<counted>`` made by matching two long strings naming many bodies (of the
    two ``sizes``), with the per-text cache ``_parts.<cache>`` cleared before each: a count of work
    that machine load cannot change."""
    from partnerkit._matching._affiliation import _parts

    reg = Registry(
        [
            Institution(id="itmo", name="ITMO University", country="RU"),
            Institution(id="uhh", name="University of Hamburg", country="DE"),
        ]
    )
    reg.match("ITMO University")
    calls = 0
    original = getattr(_parts, counted)

    def counting(word: str) -> object:
        nonlocal calls
        calls += 1
        return original(word)

    monkeypatch.setattr(_parts, counted, counting)
    work = []
    for n in sizes:
        if hasattr(_parts, cache):
            getattr(_parts, cache).cache_clear()
        calls = 0
        reg.match(("ITMO University Hamburg " * n)[:n])
        work.append(calls)
    return work


def test_a_long_string_is_read_in_time_that_grows_with_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """A pasted page (a 10k-character cell) naming many bodies: the words written as acronyms are
    read once per part, not once per name found in it (which made the work grow with the square
    of the length: 10k characters took 1.3 s of CPU, 20k 5.4 s)."""
    work = _calls_on_long_strings(monkeypatch, "is_acronym", "_acronym_words", (1500, 6000))
    assert work[1] < 6 * work[0]  # 4x the text: ~4x the words looked at (the old reading: ~16x)


def test_connectors_before_names_of_a_long_string_are_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A long part naming many bodies: the words before each name ("Professor at X", "Library of
    the X") are found from one reading of the part, not by re-reading it up to each name (20k
    characters took 0.3 s of CPU, growing with the square of the length)."""
    work = _calls_on_long_strings(monkeypatch, "tokens", "_word_starts", (2400, 9600))
    assert work[1] < 6 * work[0]  # 4x the text: ~4x the words read (the old reading: ~16x)
