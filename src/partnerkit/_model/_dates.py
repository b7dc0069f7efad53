"""Partial ISO dates: a year, a year and month, or a full date."""

from __future__ import annotations

import calendar
import datetime as _dt
import functools
import re
from typing import Any

import attrs

from partnerkit._errors import RecordError

__all__ = ["PartialDate", "to_partial_date", "to_partial_date_or_none"]

_ISO = re.compile(r"(?P<y>\d{4})(?:-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?)?")


def _check(year: int, month: int | None, day: int | None) -> None:
    if not 1 <= year <= 9999:
        raise RecordError(f"year {year} is out of range 1..9999")
    if month is None:
        if day is not None:
            raise RecordError("a day needs a month")
        return
    if not 1 <= month <= 12:
        raise RecordError(f"month {month} is out of range 1..12")
    if day is not None:
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            raise RecordError(f"day {day} is out of range 1..{last} for {year}-{month:02d}")


@functools.total_ordering
@attrs.frozen(order=False)
class PartialDate:
    """A date known to the year, the month or the day: ``2011``, ``2021-04``, ``2021-04-27``.

    Ordered chronologically by the first day each date can denote, with a coarser date
    before a finer one that starts the same day (``2021 < 2021-01 < 2021-01-01``). Use
    :meth:`contains` to ask whether one date covers another.

    Example:
        >>> d = PartialDate.parse("2021-04")
        >>> str(d), d.precision
        ('2021-04', 'month')
        >>> d.contains(PartialDate.parse("2021-04-27"))
        True
    """

    year: int
    month: int | None = None
    day: int | None = None

    def __attrs_post_init__(self) -> None:
        for name in ("year", "month", "day"):
            value = getattr(self, name)
            if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
                raise RecordError(f"{name} must be an integer")
        _check(self.year, self.month, self.day)

    @classmethod
    def parse(cls, value: str) -> PartialDate:
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

        Raises:
            RecordError: the string is not a partial ISO date, or names no real date.
        """
        if not isinstance(value, str):
            raise RecordError(f"expected an ISO date string, got {type(value).__name__}")
        m = _ISO.fullmatch(value.strip())
        if m is None:
            raise RecordError(f"{value[:40]!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
        month = int(m["m"]) if m["m"] else None
        day = int(m["d"]) if m["d"] else None
        return cls(int(m["y"]), month, day)

    @classmethod
    def from_date(cls, value: _dt.date) -> PartialDate:
        """A full partial date from a :class:`datetime.date` (or datetime)."""
        return cls(value.year, value.month, value.day)

    @property
    def precision(self) -> str:
        """``"year"``, ``"month"`` or ``"day"``."""
        if self.month is None:
            return "year"
        return "month" if self.day is None else "day"

    def first_day(self) -> _dt.date:
        """The first day this date can denote."""
        return _dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> _dt.date:
        """The last day this date can denote."""
        if self.month is None:
            return _dt.date(self.year, 12, 31)
        if self.day is None:
            return _dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return _dt.date(self.year, self.month, self.day)

    def contains(self, other: PartialDate) -> bool:
        """True if every day ``other`` can denote lies within this date."""
        return self.first_day() <= other.first_day() and other.last_day() <= self.last_day()

    def overlaps(self, other: PartialDate) -> bool:
        """True if the two dates can denote a common day (one contains the other)."""
        return self.contains(other) or other.contains(self)

    def _key(self) -> tuple[int, int, int, int]:
        return (self.year, self.month or 1, self.day or 1, ("year", "month", "day").index(self.precision))

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() < other._key()

    def __str__(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def isoformat(self) -> str:
        """The ISO string, same as ``str()``."""
        return str(self)


def to_partial_date(value: Any) -> PartialDate:
    """Accept a PartialDate, an ISO string, a :class:`datetime.date` or a year as int."""
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, _dt.date):
        return PartialDate.from_date(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return PartialDate(value)
    if isinstance(value, str):
        return PartialDate.parse(value)
    raise RecordError(f"expected a date, got {type(value).__name__}")


def to_partial_date_or_none(value: Any) -> PartialDate | None:
    """Like :func:`to_partial_date`, but ``None`` (and an empty string) stay ``None``."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return to_partial_date(value)
