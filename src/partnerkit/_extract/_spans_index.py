"""Which of many spans of a text overlap a given one, in time that does not grow with the text.

A list scanned for every new span makes long texts quadratic (a 650 kB text held ~10k mentions,
each checked against all the others); spans are short, so bucketing them by position keeps each
query to the few spans near it.
"""

from __future__ import annotations

from typing import Generic, TypeVar

__all__ = ["SpanIndex"]

T = TypeVar("T")

_WIDTH = 64  # characters per bucket: a span touches one or two buckets, a long name a few


class SpanIndex(Generic[T]):
    """Half-open spans ``[start, end)`` each carrying an item; ``overlapping`` gives the items of the
    spans that overlap a query span (``a < end and start < b``), in the order they were added."""

    def __init__(self) -> None:
        self._buckets: dict[int, list[tuple[int, int, int, T]]] = {}
        self._count = 0

    def add(self, start: int, end: int, item: T) -> None:
        self._count += 1
        entry = (start, end, self._count, item)
        for b in range(start // _WIDTH, max(start, end - 1) // _WIDTH + 1):
            self._buckets.setdefault(b, []).append(entry)

    def remove(self, start: int, end: int, item: T) -> None:
        """Forget the span ``[start, end)`` added with ``item`` (compared by identity)."""
        for b in range(start // _WIDTH, max(start, end - 1) // _WIDTH + 1):
            bucket = self._buckets[b]
            for k, entry in enumerate(bucket):
                if entry[3] is item and entry[0] == start and entry[1] == end:
                    del bucket[k]
                    break

    def overlapping(self, start: int, end: int) -> list[T]:
        found: dict[int, tuple[int, int, int, T]] = {}
        for b in range(start // _WIDTH, max(start, end - 1) // _WIDTH + 1):
            for entry in self._buckets.get(b, ()):
                if entry[0] < end and start < entry[1]:
                    found[entry[2]] = entry
        return [found[k][3] for k in sorted(found)]

    def any_overlap(self, start: int, end: int) -> bool:
        for b in range(start // _WIDTH, max(start, end - 1) // _WIDTH + 1):
            for entry in self._buckets.get(b, ()):
                if entry[0] < end and start < entry[1]:
                    return True
        return False
