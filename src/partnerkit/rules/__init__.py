"""The rule engine: rules over pairs of names or records, and why they decided.

A :class:`Rule` is a named test (a :class:`Comparison` over two :class:`Profile` values)
that either decides (MATCH / NON_MATCH) or adds a weight; a :class:`RuleSet` runs rules in
order and maps the summed weights to a score and a :class:`Decision`; an
:class:`Explanation` lists every rule that fired with its value. Rule sets are plain
values: they convert to dicts and TOML and back (:meth:`RuleSet.load`, :meth:`RuleSet.save`).

Example:
    >>> from partnerkit.rules import Profile, default_rules
    >>> e = default_rules().compare(Profile.from_name("Wuhan University"),
    ...                             Profile.from_name("Wuhan University of Technology"))
    >>> e.decision.value, [r.rule for r in e]
    ('non_match', ['distinctive_conflict'])
"""

from partnerkit.rules._comparisons import (
    AcronymOf,
    AcronymScript,
    And,
    CityEqual,
    CountryEqual,
    DistinctiveAgree,
    DistinctiveConflict,
    GenericName,
    IdentifierEqual,
    InlineAcronym,
    Not,
    OneLetter,
    Or,
    Partial,
    SameName,
    SharedAcronym,
    SharedDomain,
    TokenSet,
    TokenSort,
)
from partnerkit.rules._default import default_rules
from partnerkit.rules._engine import (
    COMPARISONS,
    Comparison,
    Decision,
    Explanation,
    Rule,
    RuleResult,
    RuleSet,
    Value,
    comparison,
    comparison_from_dict,
)
from partnerkit.rules._profile import WEAK_TOKENS, Profile, profiles

__all__ = [
    "COMPARISONS",
    "WEAK_TOKENS",
    "AcronymOf",
    "AcronymScript",
    "And",
    "CityEqual",
    "Comparison",
    "CountryEqual",
    "Decision",
    "DistinctiveAgree",
    "DistinctiveConflict",
    "Explanation",
    "GenericName",
    "IdentifierEqual",
    "InlineAcronym",
    "Not",
    "OneLetter",
    "Or",
    "Partial",
    "Profile",
    "Rule",
    "RuleResult",
    "RuleSet",
    "SameName",
    "SharedAcronym",
    "SharedDomain",
    "TokenSet",
    "TokenSort",
    "Value",
    "comparison",
    "comparison_from_dict",
    "default_rules",
    "profiles",
]
