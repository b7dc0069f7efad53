"""What the rules compare: one name, normalised once, with its institution's context."""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from partnerkit._model import Institution, NameType
from partnerkit._names import (
    ORG_KEYS,
    ParsedName,
    acronym_key,
    derive_acronyms,
    fold,
    is_acronym,
    normalize_name,
    parse_name,
)

__all__ = ["WEAK_TOKENS", "Profile", "profiles", "tokens_of"]

#: Tokens that say what kind of organisation it is but not which one: they neither
#: make two names agree nor conflict. Field words (technology, medical, ...) are not
#: weak: "Wuhan University" is not "Wuhan University of Technology".
WEAK_TOKENS: frozenset[str] = frozenset(
    {"university", "institute", "academy", "college", "school", "centre", "state", "national", "federal"}
    | {"research", "higher", "graduate", "foundation", "society", "association", "company", "department"}
    | {"faculty", "laboratory", "hospital"}
)
_FIELD_TOKENS = ORG_KEYS - WEAK_TOKENS


def _empty_map() -> dict[str, str]:
    return {}


@attrs.frozen(slots=True, kw_only=True)
class Profile:
    """One name ready for comparison: normal forms, tokens, acronyms and context.

    Build with :meth:`Profile.from_name` (a free-text name) or :func:`profiles` (every
    name of an :class:`~partnerkit.Institution`). Rules read these fields only.

    Attributes:
        text: the name as written.
        key: :func:`~partnerkit.normalize_name` of the name.
        tokens: the set of normalised tokens.
        distinctive: tokens that identify the institution (not weak organisation words).
        acronym: the acronym key if the name is written as an acronym, else ``None``.
        acronyms: acronym keys written for it ("Name (ACR)", the institution's acronyms).
        derived: acronym keys derived from its words.
        country: ISO alpha-2 code, if known.
        city: folded city name, if known.
        identifiers: scheme -> value (``{"ror": "04txgxn49"}``).
        domains: web domains.
        institution_id: the id of the institution the name belongs to, if any.
        name_type: display, alias, acronym or label, for names of an institution.
    """

    text: str
    key: str
    tokens: frozenset[str]
    distinctive: frozenset[str]
    acronym: str | None = None
    acronyms: frozenset[str] = frozenset()
    derived: frozenset[str] = frozenset()
    country: str | None = None
    city: str | None = None
    identifiers: Mapping[str, str] = attrs.field(factory=_empty_map)
    domains: tuple[str, ...] = ()
    institution_id: str | None = None
    name_type: NameType | None = None

    @property
    def generic(self) -> bool:
        """The name has only organisation and field words ("Institute of Science"): it names a kind, not one body."""
        return self.acronym is None and bool(self.tokens) and self.tokens <= ORG_KEYS

    @property
    def sorted_key(self) -> str:
        """The tokens sorted and joined: the input of token-sort similarity."""
        return " ".join(sorted(self.tokens))

    @classmethod
    def from_name(
        cls,
        text: str,
        *,
        country: str | None = None,
        city: str | None = None,
        identifiers: Mapping[str, str] | None = None,
        domains: tuple[str, ...] = (),
        institution_id: str | None = None,
        name_type: NameType | None = None,
        acronyms: tuple[str, ...] = (),
    ) -> Profile:
        """Normalise ``text`` once and keep what the rules need.

        >>> p = Profile.from_name("Huazhong University of Science and Technology (HUST)")
        >>> p.key, sorted(p.distinctive), sorted(p.acronyms), sorted(p.derived)
        ('huazhong university science technology', ['huazhong', 'science', 'technology'], ['hust'], ['huosat', 'hust'])
        """
        parsed, base, acronym, key, toks = _read(text, name_type)
        written = {k for k in map(acronym_key, acronyms) if k}
        derived: frozenset[str] = frozenset()
        if acronym is not None:
            written.add(acronym)
        else:
            if parsed is not None:
                written.update(k for k in map(acronym_key, parsed.acronyms) if k)
            derived = derive_acronyms(base)
        return cls(
            text=text,
            key=key,
            tokens=toks,
            distinctive=distinctive_tokens(toks),
            acronym=acronym or None,
            acronyms=frozenset(written),
            derived=derived,
            country=country,
            city=fold(city) if city else None,
            identifiers=dict(identifiers or {}),
            domains=domains,
            institution_id=institution_id,
            name_type=name_type,
        )


def tokens_of(text: str) -> frozenset[str]:
    """``Profile.from_name(text).tokens``, without the rest of the profile (acronyms derived, ...).

    >>> sorted(tokens_of("Huazhong University of Science and Technology (HUST)"))
    ['huazhong', 'science', 'technology', 'university']
    """
    return _read(text, None)[4]


def _read(text: str, name_type: NameType | None) -> tuple[ParsedName | None, str, str | None, str, frozenset[str]]:
    """``(parsed, base, acronym, key, tokens)`` of a name: how a profile reads its text."""
    parsed = parse_name(text) if ("(" in text or '"' in text or "«" in text or " - " in text) else None
    base = parsed.base if parsed is not None else text
    acronym = acronym_key(text) if (name_type is NameType.ACRONYM or is_acronym(text)) else None
    if acronym is not None:
        return parsed, base, acronym, acronym, frozenset((acronym,)) if acronym else frozenset()
    key = normalize_name(base)
    return parsed, base, None, key, frozenset(key.split())


def distinctive_tokens(tokens: frozenset[str]) -> frozenset[str]:
    """The tokens that identify an institution: all but weak organisation words and digits-only noise."""
    return frozenset(t for t in tokens if t not in WEAK_TOKENS)


def profiles(institution: Institution) -> list[Profile]:
    """A :class:`Profile` for every name of ``institution`` (display, aliases, acronyms, labels)."""
    return [
        Profile.from_name(
            n.value,
            country=institution.country,
            city=institution.city,
            identifiers=institution.identifiers,
            domains=institution.domains,
            institution_id=institution.id,
            name_type=n.type,
            acronyms=institution.acronyms,
        )
        for n in institution.names()
    ]
