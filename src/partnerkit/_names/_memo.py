"""Caches of readings of a text: bounded for the process, unbounded for the length of one call.

A reading of a name (its tokens, its folded form, ...) is a pure function of its text and is
cached by :func:`memoized`: a bounded LRU cache serves any caller, so a long-running process
keeps little. A call that reads every text of a long list several times (``dedupe`` of a
million names: once to group them, once to profile them, once to index them) opens
:func:`call_memo`: while it runs, readings the LRU cache has evicted are kept in a memo of the
call, dropped when the call returns. Without it, a list longer than the cache would read
each text anew each time (the cache thrashes).
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from typing import ParamSpec, TypeVar, cast

__all__ = ["call_memo", "memoized"]

_P = ParamSpec("_P")
_T = TypeVar("_T")

#: The memo of the running call (per function: arguments -> value), or None outside one. A context
#: variable: each thread (and each asyncio task) has its own, so two calls never share a memo.
_MEMO: ContextVar[dict[Callable[..., object], dict[tuple[object, ...], object]] | None] = ContextVar(
    "partnerkit_memo", default=None
)

_UNSEEN = object()


@contextlib.contextmanager
def call_memo() -> Iterator[None]:
    """Keep every reading cached by :func:`memoized` until the block ends (nested blocks share one memo).

    >>> from partnerkit._names import tokens
    >>> with call_memo():
    ...     tokens("Ulm University")
    ['ulm', 'university']
    """
    if _MEMO.get() is not None:
        yield
        return
    token = _MEMO.set({})
    try:
        yield
    finally:
        _MEMO.reset(token)


def memoized(maxsize: int) -> Callable[[Callable[_P, _T]], functools._lru_cache_wrapper[_T]]:
    """An LRU cache of ``maxsize`` entries whose misses are looked up in the memo of the call, if one is open.

    The cache answers hits in C, as :func:`functools.lru_cache` does; only a miss reads the
    call's memo (one dictionary lookup, against reading the text anew). Arguments are
    positional and hashable.
    """

    def decorate(func: Callable[_P, _T]) -> functools._lru_cache_wrapper[_T]:
        @functools.wraps(func)
        def miss(*args: _P.args, **kwargs: _P.kwargs) -> _T:
            memo = _MEMO.get()
            if memo is None or kwargs:
                return func(*args, **kwargs)
            seen = memo.get(func)
            if seen is None:
                seen = memo[func] = {}
            value = seen.get(args, _UNSEEN)  # not try/except: most misses are first readings, and raising costs
            if value is _UNSEEN:
                value = seen[args] = func(*args, **kwargs)
            return cast(_T, value)

        return functools.lru_cache(maxsize=maxsize)(miss)

    return decorate
