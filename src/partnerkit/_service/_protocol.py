"""What the reconciliation service needs from a registry: a small structural contract.

:class:`partnerkit.Registry` satisfies it; so does any object with the same methods (a
registry kept in a store, a test double, another matcher), which is why the service is
written against this protocol rather than against one class.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Protocol

from partnerkit._model import Institution

__all__ = ["FiredRule", "MatchLike", "RegistryLike"]


class FiredRule(Protocol):
    """One rule that fired for a candidate: its name and the value it measured."""

    @property
    def rule(self) -> Any: ...  # a rule name, or a rule object with a ``name``

    @property
    def value(self) -> Any: ...


class MatchLike(Protocol):
    """One candidate for a name: the institution, a 0..1 score, a decision, the fired rules."""

    @property
    def institution(self) -> Institution: ...

    @property
    def score(self) -> float: ...

    @property
    def decision(self) -> Any: ...  # partnerkit.Decision: MATCH / POSSIBLE / NON_MATCH

    @property
    def explanation(self) -> Iterable[FiredRule]: ...


class RegistryLike(Protocol):
    """A registry of institutions that resolves names to ranked candidates."""

    def match(
        self, name: str, country: str | None = None, limit: int = 5, *, city: str | None = None
    ) -> Sequence[MatchLike]:
        """Candidates for ``name``, best first; ``country`` (an ISO code) and ``city`` are hints."""
        ...

    def __iter__(self) -> Iterator[Institution]: ...

    def __len__(self) -> int: ...
