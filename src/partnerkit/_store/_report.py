"""``ImportReport``: what one import did."""

from __future__ import annotations

import collections

import attrs

__all__ = ["MAX_KEPT_ERRORS", "ImportReport"]

MAX_KEPT_ERRORS = 1000


@attrs.define
class ImportReport:
    """What an import did: counts, and why records were rejected.

    Attributes:
        read: records offered (good and bad, including those the source rejected).
        added: records new to the store.
        updated: records already known (same key) whose content changed.
        unchanged: records already stored exactly so (re-imports).
        rejected: records not stored.
        by_reason: rejected records counted by reason.
        errors: ``(where, reason)`` of each rejected record (the first 1000).
        state_saved: whether the source's new state was saved.
    """

    read: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: int = 0
    by_reason: collections.Counter[str] = attrs.Factory(collections.Counter)
    errors: list[tuple[str, str]] = attrs.Factory(list)
    state_saved: bool = False

    @property
    def imported(self) -> int:
        """Records added or updated."""
        return self.added + self.updated

    def reject(self, where: str, reason: str, *, key: str | None = None) -> None:
        """Count one rejected record (``key`` groups it in :attr:`by_reason`)."""
        self.rejected += 1
        self.by_reason[key or reason] += 1
        if len(self.errors) < MAX_KEPT_ERRORS:
            self.errors.append((where, reason))

    def __str__(self) -> str:
        return (
            f"read {self.read}, imported {self.imported} (new {self.added}, updated {self.updated}), "
            f"unchanged {self.unchanged}, rejected {self.rejected}"
        )
