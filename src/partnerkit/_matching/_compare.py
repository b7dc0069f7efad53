"""compare(): two names or two institutions, with the explanation."""

from __future__ import annotations

from partnerkit._model import Institution
from partnerkit.rules import Explanation, Profile, RuleSet, default_rules, profiles

__all__ = ["compare"]


def _profiles(x: str | Institution) -> list[Profile]:
    if isinstance(x, Institution):
        return profiles(x)
    if isinstance(x, str):
        return [Profile.from_name(x)]
    raise TypeError(f"compare() takes names (str) or Institutions, not {type(x).__name__}")


def compare(a: str | Institution, b: str | Institution, *, rules: RuleSet | None = None) -> Explanation:
    """Decide whether two names (or two institutions) denote the same institution, and why.

    For institutions, every name of one is compared with every name of the other and
    the best-scoring pair explains the result (identifiers, countries and domains take
    part). The result is symmetric.

    Args:
        a: a name or an :class:`~partnerkit.Institution`.
        b: a name or an :class:`~partnerkit.Institution`.
        rules: the rule set (default: :func:`partnerkit.rules.default_rules`).

    Returns:
        An :class:`~partnerkit.Explanation` with ``.decision``, ``.score`` and the rules
        that fired (iterate over it, or ``str()`` it).

    >>> import partnerkit as pk
    >>> pk.compare("ITMO University", "Университет ИТМО").decision.value
    'match'
    >>> pk.compare("Wuhan University", "Wuhan University of Technology").decision.value
    'non_match'
    """
    rules = rules or default_rules()
    best: Explanation | None = None
    for x in _profiles(a):
        for y in _profiles(b):
            e = rules.compare(x, y)
            if best is None or e.score > best.score or (e.score == best.score and len(e) > len(best)):
                best = e
            if e.score == 0.0 and e.results and e.results[-1].decision is not None:
                return e  # a deciding NON_MATCH (other country, other identifier) holds for every pair
    assert best is not None
    return best
