"""Short forms of registered names (partnerkit._matching._match._short).

What a user relies on: a company written without its legal or company words ("Shinnihon"
for "Shinnihon Corporation (Japan)") or by its brand ("Amphastar" for "Amphastar
Pharmaceuticals, Inc."), and a name written with its own city beside it are a MATCH with an
explanation saying so, but only when no other registered institution competes for the short
form; otherwise they stay undecided.
"""

from __future__ import annotations

import pytest

import partnerkit as pk

COMPANY = pk.InstitutionKind.COMPANY


def _inst(i: str, name: str, **kw: object) -> pk.Institution:
    return pk.Institution(id=i, name=name, **kw)  # type: ignore[arg-type]


def _top(reg: pk.Registry, query: str, country: str | None = None) -> tuple[str, pk.Decision, str]:
    best = reg.match(query, country)[0]
    return best.institution.id, best.decision, str(best.explanation)


FILLER = [
    _inst("u", "University of Kent", country="GB"),
    _inst("w", "Wuhan University", country="CN"),
    # carries "Shinnihon" too: the query is not unique by its words, only by the whole name
    _inst("s", "The Shinnihon Foundation of Advanced Medical Treatment Research", country="JP"),
]


@pytest.mark.parametrize(
    ("query", "name", "note"),
    [
        ("Shinnihon", "Shinnihon Corporation (Japan)", "Same name"),
        ("Kent Scientific", "Kent Scientific Corporation (United States)", "Same name"),
        ("Amphastar", "Amphastar Pharmaceuticals, Inc. (United States)", "Brand"),
        ("Eversource", "Eversource Energy (United States)", "Brand"),
    ],
)
def test_company_short_forms_match(query: str, name: str, note: str) -> None:
    reg = pk.Registry([_inst("c", name, kind=COMPANY), *FILLER])
    assert _top(reg, query)[:2] == ("c", pk.Decision.MATCH)
    assert note in _top(reg, query)[2]


def test_a_rival_with_the_same_short_form_keeps_it_undecided() -> None:
    reg = pk.Registry(
        [
            _inst("g", "Menarini Group (Germany)", kind=COMPANY),
            _inst("l", "Menarini Group (Luxembourg)", kind=COMPANY),
            _inst("p", "Amphastar Pharmaceuticals (United States)", kind=COMPANY),
            _inst("x", "Amphastar Research Foundation"),
            *FILLER,
        ]
    )
    assert all(m.decision is not pk.Decision.MATCH for m in reg.match("Menarini"))
    assert all(m.decision is not pk.Decision.MATCH for m in reg.match("Amphastar"))


def test_a_brand_is_read_for_companies_only() -> None:
    reg = pk.Registry([_inst("e", "Eversource Energy Institute"), *FILLER])
    assert _top(reg, "Eversource")[1] is not pk.Decision.MATCH


def test_a_group_is_a_company_word_only_for_companies() -> None:
    reg = pk.Registry([_inst("f", "Fraunhofer ICT Group"), *FILLER])
    assert _top(reg, "Fraunhofer ICT")[1] is not pk.Decision.MATCH


def test_the_institutions_own_city_beside_its_name() -> None:
    reg = pk.Registry([_inst("n", "Neuroelectrics", city="Barcelona", country="ES"), *FILLER])
    ident, decision, why = _top(reg, "Neuroelectrics Barcelona")
    assert (ident, decision) == ("n", pk.Decision.MATCH)
    assert "barcelona is the institution's city" in why


PLACES = [
    _inst("b", "BirdLife Finland", country="FI", city="Helsinki"),
    _inst("i", "Industrial Property Office", country="CZ", city="Prague"),
    _inst("h", "Horus Academy – Egypt", country="EG", city="New Damietta"),
    _inst("g", "Gesellschaft für Forschungssoftware in Deutschland", country="DE", city="Berlin"),
    _inst("o", "Ocean Observing Institute", country="US", city="Boston"),
    *FILLER,
]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # the institution's country in its own language, or as a phrase of several words, beside the name
        ("BirdLife Suomi", "b"),
        ("Industrial Property Office of the Czech Republic", "i"),
        ("Ocean Observing Institute USA", "o"),
        # the registered name carries the country, in any language, the query does not
        ("Horus Academy", "h"),
        ("Gesellschaft für Forschungssoftware", "g"),
        # another country is a conflict, not a place of the institution
        ("BirdLife Sverige", None),
        ("Industrial Property Office of Slovakia", None),
        ("Ocean Observing Institute Canada", None),
    ],
)
def test_the_institutions_own_country_beside_its_name(query: str, expected: str | None) -> None:
    """A country word of the institution's own country, in any language ("Suomi", "Czech
    Republic", "USA", "Deutschland"), on either side is a place, not a distinctive conflict."""
    ident, decision, why = _top(pk.Registry(PLACES), query)
    if expected is None:
        assert decision is not pk.Decision.MATCH
    else:
        assert (ident, decision) == (expected, pk.Decision.MATCH), why


def test_another_city_beside_the_name_is_not_read() -> None:
    reg = pk.Registry([_inst("n", "Neuroelectrics", city="Barcelona", country="ES"), *FILLER])
    assert _top(reg, "Neuroelectrics Madrid")[1] is not pk.Decision.MATCH


PARTS = [
    _inst("g", "Community Health Systems - Gadsden Regional Medical Center", country="US"),
    _inst("j", "UCLA Jonsson Comprehensive Cancer Center", country="US"),
    _inst("r", "Rutgers New Jersey Medical School", country="US"),
    _inst("sg", "Serviço Geológico do Brasil - CPRM", country="BR"),
    _inst("t", "Tomsk State University of Control Systems and Radioelectronics", country="RU"),
    _inst("p", "Institut de Recerca de l'Hospital de la Santa Creu i Sant Pau", country="ES"),
    # two holders of "Aurora Regional Medical Center": neither part is the one
    _inst("a1", "Community Health Systems - Aurora Regional Medical Center", country="US"),
    _inst("a2", "Aurora Regional Medical Center Foundation", country="US"),
    *FILLER,
]


@pytest.mark.parametrize(
    ("query", "match"),
    [
        # a part a separator sets apart
        ("Gadsden Regional Medical Center", "g"),
        ("Serviço Geológico do Brasil", "sg"),
        # the last words, after a leading acronym or parent's name
        ("Jonsson Comprehensive Cancer Center", "j"),
        ("New Jersey Medical School", "r"),
        # the first words of a name are not the name: Tomsk State University is another body
        ("Tomsk State University", None),
        # words in front that name a body: the registered body is a unit of the query's
        ("Hospital de la Santa Creu i Sant Pau", None),
        # another institution carries the query's words too
        ("Aurora Regional Medical Center", None),
    ],
)
def test_a_part_of_a_registered_name(query: str, match: str | None) -> None:
    reg = pk.Registry(PARTS)
    found = reg.match(query)
    got = [m.institution.id for m in found if m.decision is pk.Decision.MATCH]
    assert got == ([match] if match else [])
    if match:
        assert "Name part" in str(found[0].explanation)
    else:
        assert all("Name part" not in str(m.explanation) for m in found)


def test_a_part_is_unique_in_the_hinted_country() -> None:
    reg = pk.Registry(
        [
            _inst("k", "OHSU Knight Cancer Institute", country="US"),
            _inst("k2", "Knight Cancer Institute Trust", country="GB"),
            *FILLER,
        ]
    )
    assert reg.match("Knight Cancer Institute")[0].decision is not pk.Decision.MATCH
    best = reg.match("Knight Cancer Institute", "US")[0]
    assert (best.institution.id, best.decision) == ("k", pk.Decision.MATCH)
    assert "in that country" in str(best.explanation)


def test_a_part_below_the_best_candidate_and_a_unit_before_the_part() -> None:
    """The blocking may rank another name first ("Universidad de Laredo" shares "laredo"); a part
    after a unit's name ("Departamento de Empresa, Generalidad de Cataluña") is that unit's parent."""
    reg = pk.Registry(
        [
            _inst("ul", "Universidad de Laredo", country="MX"),  # first: ranked above on a tie
            _inst("l", "Community Health Systems - Laredo Medical Center", country="US"),
            _inst("d", "Departamento de Empresa y Conocimiento, Generalidad de Cataluña", country="ES"),
            *FILLER,
        ]
    )
    best = reg.match("Laredo Medical Center")[0]
    assert (best.institution.id, best.decision) == ("l", pk.Decision.MATCH)
    assert all(m.decision is not pk.Decision.MATCH for m in reg.match("Generalidad de Cataluña"))


def test_america_is_the_united_states_beside_a_us_name() -> None:
    """ "Of America" is the United States beside a US institution's name; not beside another's."""
    reg = pk.Registry(
        [
            _inst("o", "Optical Society of America", country="US", city="Washington"),
            _inst("e", "Epilepsy Foundation", country="US", city="Landover"),
            _inst("l", "Lumbreras Foundation", country="PE", city="Lima"),
            *FILLER,
        ]
    )
    assert _top(reg, "Optical Society")[:2] == ("o", pk.Decision.MATCH)
    assert _top(reg, "Epilepsy Foundation of America")[:2] == ("e", pk.Decision.MATCH)
    assert _top(reg, "Lumbreras Foundation of America")[1] is not pk.Decision.MATCH
