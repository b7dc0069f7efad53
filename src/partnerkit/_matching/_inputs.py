"""Checks of what the matching API is given: the mistakes that would otherwise pass silently or fail obscurely."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Iterator

from partnerkit._errors import RecordError
from partnerkit._model import Institution, country_code

__all__ = [
    "EXCEL_ERRORS",
    "CountryHints",
    "NoNames",
    "institutions_of",
    "missing",
    "names_nothing",
    "not_a_single_name",
]

log = logging.getLogger("partnerkit")

#: How many distinct values naming no country one run warns about (then one last line says so).
_WARNED = 20
#: How many distinct hint values one run remembers the code of.
_MEMO = 4096


def missing(value: object) -> bool:
    """Whether a value of a column is missing: ``None`` or a float NaN (pandas, numpy)."""
    return value is None or (isinstance(value, float) and value != value)  # noqa: PLR0124 - NaN test


#: The error values a spreadsheet writes into a cell whose formula failed (Excel, LibreOffice, Google
#: Sheets); a CSV export keeps them as text. A name cell holding one names no institution.
EXCEL_ERRORS = frozenset(
    ("#N/A", "#VALUE!", "#REF!", "#NAME?", "#DIV/0!", "#NULL!", "#NUM!", "#SPILL!", "#CALC!", "#ERROR!")
)


def names_nothing(text: str) -> bool:
    """Whether a name cell names no institution: it is empty, blank, or a spreadsheet error value.

    The one test every reader of name cells applies (:func:`partnerkit.dedupe`, ``match --file``,
    ``dedupe``, the Dask and Spark adapters): such a cell joins no cluster and has no match.

    >>> [names_nothing(v) for v in ["", " \\t", "#N/A", " #REF! ", "#1 University", "N/A"]]
    [True, True, True, True, False, False]
    """
    text = text.strip()
    return not text or (text[0] == "#" and text in EXCEL_ERRORS)


class NoNames:
    """The name cells of one run that name nothing (:func:`names_nothing`), counted for one warning.

    >>> seen = NoNames()
    >>> [seen.nothing(v) for v in ["ITMO", "", "#N/A", "#N/A"]]
    [False, True, True, True]
    >>> seen.blank, dict(seen.errors)
    (1, {'#N/A': 2})
    """

    def __init__(self) -> None:
        self.blank = 0
        self.errors: Counter[str] = Counter()

    def nothing(self, text: str) -> bool:
        """Whether ``text`` names nothing (counting it if so)."""
        if not names_nothing(text):
            return False
        stripped = text.strip()
        if stripped:
            self.errors[stripped] += 1
        else:
            self.blank += 1
        return True

    def warn(self, what: str, done: str) -> None:
        """One warning on the ``partnerkit`` logger counting the spreadsheet error values, if any.

        ``what`` names the input ("names"), ``done`` what became of them ("left out of the clusters").
        """
        if self.errors:
            log.warning("%s: %s: %s", what, error_values(self.errors), done)


def error_values(errors: Counter[str]) -> str:
    """How many spreadsheet error values a run met, by value: the text of the one warning counting them.

    >>> error_values(Counter({"#N/A": 2, "#REF!": 1}))
    '3 spreadsheet error values (#N/A x2, #REF! x1) name no institution'
    """
    n = sum(errors.values())
    counted = ", ".join(f"{value} x{count}" for value, count in errors.most_common())
    values, verb = ("values", "name") if n > 1 else ("value", "names")
    return f"{n} spreadsheet error {values} ({counted}) {verb} no institution"


class CountryHints:
    """The country hints of a stream of names, read row by row without stopping the run.

    A hint that names no country ("EU", "n/a", "XX") is no hint for its row, with one warning on
    the ``partnerkit`` logger per distinct value naming its first row, as ``partnerkit match
    --file`` does: one bad cell in a million rows must not end a run of hours.

    >>> hints = CountryHints("countries")
    >>> [hints.of(v, i) for i, v in enumerate(["RU", "Russia", "n/a", None, float("nan"), " "])]
    ['RU', 'RU', None, None, None, None]
    """

    def __init__(self, what: str) -> None:
        self.what = what
        self.bad: set[str] = set()
        self.codes: dict[str, str | None] = {}  # a column repeats a few countries: each read once

    def of(self, value: object, row: int | None = None) -> str | None:
        """The ISO code of ``value`` (the hint of item ``row``, if known), None when it is missing or
        names no country.

        Raises:
            TypeError: ``value`` is neither a str nor missing (the message names the item).
        """
        if missing(value):
            return None
        if not isinstance(value, str):
            where = self.what if row is None else f"{self.what} item {row}"
            raise TypeError(f"{where}: expected a country (str) or None, got {type(value).__name__}")
        if value in self.codes:
            return self.codes[value]
        code = self._code(value, row)
        if len(self.codes) < _MEMO:
            self.codes[value] = code
        return code

    def _code(self, value: str, row: int | None) -> str | None:
        if not value.strip():
            return None
        try:
            return country_code(value)
        except RecordError:
            if value not in self.bad and len(self.bad) <= _WARNED:
                self.bad.add(value)
                if len(self.bad) > _WARNED:
                    log.warning("%s: more values name no country; not reported one by one", self.what)
                else:
                    log.warning(
                        "%s: %r is not a country; matched without a country hint (each such value is reported once)",
                        self.what if row is None else f"{self.what} item {row}",
                        value[:40],
                    )
            return None


def not_a_single_name(names: object, what: str = "names") -> None:
    """Refuse a lone ``str`` or ``bytes`` where an iterable of ``what`` (names, country hints) is expected
    (it would iterate its characters).

    >>> not_a_single_name("ITMO University")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    TypeError: names: expected an iterable of names (a list, a column...), got a single str; wrap one in a list: ...

    Raises:
        TypeError: ``names`` is a ``str``, ``bytes`` or ``bytearray``.
    """
    if isinstance(names, str):
        raise TypeError(
            f"{what}: expected an iterable of {what} (a list, a column...), got a single str; "
            f"wrap one in a list: [{names[:40]!r}]"
        )
    if isinstance(names, (bytes, bytearray)):
        raise TypeError(f"{what}: expected an iterable of {what} (str), got {type(names).__name__}")


def institutions_of(items: Iterable[object]) -> Iterator[Institution]:
    """The items, each checked to be an :class:`Institution` (lazily, for a registry built from a stream).

    Raises:
        TypeError: an item is not an Institution (the message gives its position and type; a dict
            is to be read with ``pk.from_dict(pk.Institution, item)`` first).
    """
    if isinstance(items, (str, bytes, bytearray)):
        raise TypeError(f"institutions: expected an iterable of Institution, got a single {type(items).__name__}")
    for i, item in enumerate(items):
        if not isinstance(item, Institution):
            hint = "; read a dict with pk.from_dict(pk.Institution, item)" if isinstance(item, dict) else ""
            raise TypeError(f"institutions item {i}: expected an Institution, got {type(item).__name__}{hint}")
        yield item
