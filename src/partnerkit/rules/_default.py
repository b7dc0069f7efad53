"""The default rule set that ships with partnerkit (weights are log-odds; they may be tuned)."""

from __future__ import annotations

import functools

from partnerkit.rules._comparisons import (
    AcronymOf,
    AcronymScript,
    CityEqual,
    CountryEqual,
    DistinctiveAgree,
    DistinctiveConflict,
    GenericName,
    IdentifierEqual,
    InlineAcronym,
    OneLetter,
    SameName,
    SharedAcronym,
    SharedDomain,
    TokenSort,
)
from partnerkit.rules._engine import Decision, Rule, RuleSet
from partnerkit.rules._kinds import UniversityKind

__all__ = ["default_rules"]


@functools.cache
def default_rules() -> RuleSet:
    """The rules :class:`~partnerkit.Registry`, :func:`~partnerkit.compare` and :func:`~partnerkit.dedupe` use.

    Listed with examples in docs/matching.md ("How matching works").
    """
    ident, country, sort, acronym = IdentifierEqual(), CountryEqual(), TokenSort(), AcronymOf()
    conflict = DistinctiveConflict()
    rules = [
        Rule(name="same_identifier", comparison=ident, equals=True, decision=Decision.MATCH,
             description="The same ROR, Wikidata, GRID or other identifier: the same institution."),
        Rule(name="different_identifier", comparison=ident, equals=False, decision=Decision.NON_MATCH,
             description="Different identifiers in the same scheme: different institutions."),
        Rule(name="different_country", comparison=country, equals=False, decision=Decision.NON_MATCH,
             description="Both countries are known and differ: different institutions."),
        Rule(name="other_university_kind", comparison=UniversityKind(), equals=True, decision=Decision.NON_MATCH,
             description="One name writes a university of applied sciences' word ('Hochschule Ulm'), the "
                         "other a university word of a language without one ('Universität Ulm'): two institutions."),
        Rule(name="same_domain", comparison=SharedDomain(), equals=True, weight=3.0,
             description="A shared web domain is strong evidence."),
        Rule(name="same_name", comparison=SameName(), equals=True, weight=4.0,
             description="The normalised names are equal (organisation words, case, script, stop words aside)."),
        Rule(name="very_similar", comparison=sort, at_least=0.95, weight=3.0, group="similarity",
             description="Token-sort similarity of the normalised names of at least 0.95."),
        Rule(name="similar", comparison=sort, at_least=0.88, weight=2.5, group="similarity",
             description="Token-sort similarity of at least 0.88 (typos, small variants)."),
        Rule(name="somewhat_similar", comparison=sort, at_least=0.75, weight=1.0, group="similarity",
             description="Token-sort similarity of at least 0.75."),
        Rule(name="same_acronym", comparison=acronym, equals="same", weight=5.0, group="acronym",
             description="Two equal acronyms: strong, but acronyms are often shared, so not enough alone."),
        Rule(name="written_acronym", comparison=acronym, equals="written", weight=5.0, group="acronym",
             description="One name is an acronym written for the other (its institution's acronym)."),
        Rule(name="derived_acronym", comparison=acronym, equals="derived", weight=3.5, group="acronym",
             description="One name is the initials of the other."),
        Rule(name="acronym_word", comparison=acronym, equals="word", weight=3.2, group="acronym",
             description="One name is a distinctive word of the other in capitals ('ITMO' / 'ITMO University')."),
        Rule(name="not_acronym", comparison=acronym, equals=False, weight=-4.0, group="acronym",
             description="One name is an acronym that is not the other's."),
        Rule(name="foreign_script_acronym", comparison=AcronymScript(), equals=True, weight=-2.0,
             description="An acronym in a non-Latin script ('МГУ') fits a name neither in that script nor "
                         "of a country writing it: transliterated acronyms collide, so POSSIBLE at best."),
        Rule(name="inline_acronym", comparison=InlineAcronym(), equals=True, weight=5.0,
             description="An acronym written inside one name spells words of the other "
                         "('TU Berlin' / 'Technische Universität Berlin')."),
        Rule(name="shared_acronym", comparison=SharedAcronym(), equals=True, weight=1.0,
             description="Both full names carry the same written acronym."),
        Rule(name="distinctive_conflicts", comparison=conflict, at_least=2.0, weight=-7.0, group="distinctive",
             description="Two or more distinctive words on one side only: different institutions, usually."),
        Rule(name="distinctive_conflict", comparison=conflict, at_least=1.0, weight=-4.5, group="distinctive",
             description="A distinctive word on one side only ('Wuhan University' vs "
                         "'Wuhan University of Technology')."),
        Rule(name="generic_name", comparison=GenericName(), equals=True, weight=-3.0,
             description="A name of organisation and field words only ('Institute of Science'): "
                         "it needs a country or another hint to agree."),
        Rule(name="distinctive_agree", comparison=DistinctiveAgree(), equals=True, weight=1.5,
             description="Every distinctive word of each name is in the other."),
        Rule(name="one_letter_typo", comparison=OneLetter(), equals=True, weight=2.0,
             description="The same words but one distinctive word one letter apart ('Michgan' / 'Michigan'): "
                         "a typo, not another institution (place names aside: 'Austria' is not 'Australia')."),
        Rule(name="same_country", comparison=country, equals=True, weight=1.0,
             description="The same country."),
        Rule(name="same_city", comparison=CityEqual(), equals=True, weight=0.5,
             description="The same city."),
    ]  # fmt: skip
    return RuleSet(rules=rules, bias=-3.0, match=0.95, possible=0.5)
