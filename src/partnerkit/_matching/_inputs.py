"""Checks of what the matching API is given: the mistakes that would otherwise pass silently or fail obscurely."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from partnerkit._model import Institution

__all__ = ["institutions_of", "not_a_single_name"]


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
