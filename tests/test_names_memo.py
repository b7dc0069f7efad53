"""The caches of name readings: a caller relies on a bounded cache outside a call and on each
text being read once inside one (``dedupe`` of a list longer than the cache), with the same
answers either way and nothing kept after the call."""

from __future__ import annotations

import functools
import threading

from hypothesis import given
from hypothesis import strategies as st

from partnerkit._names import call_memo, fold, memoized, tokens
from partnerkit._names._memo import _MEMO


def _counting(maxsize: int) -> tuple[list[str], functools._lru_cache_wrapper[str]]:
    reads: list[str] = []

    @memoized(maxsize)
    def upper(text: str) -> str:
        """The text in capitals."""
        reads.append(text)
        return text.upper()

    return reads, upper


def test_outside_a_call_the_cache_is_bounded_and_rereads_evicted_texts() -> None:
    reads, upper = _counting(2)
    for text in ["a", "b", "c", "a"]:
        assert upper(text) == text.upper()
    assert reads == ["a", "b", "c", "a"]  # "a" was evicted by "c": read again
    assert upper.cache_info().currsize == 2


def test_inside_a_call_each_text_is_read_once_and_the_memo_is_dropped_after() -> None:
    reads, upper = _counting(2)
    with call_memo():
        for text in ["a", "b", "c", "a", "b", "c"]:
            assert upper(text) == text.upper()
        assert reads == ["a", "b", "c"]
        with call_memo():  # a nested call shares the memo
            upper("a")
        assert reads == ["a", "b", "c"]
    assert _MEMO.get() is None
    upper("b")
    assert reads == ["a", "b", "c", "b"]  # the call's memo is gone: an evicted text is read anew


def test_a_memo_belongs_to_its_thread() -> None:
    reads, upper = _counting(1)
    with call_memo():
        upper("a")
        upper("b")  # evicts "a" from the cache; the memo keeps it
        thread = threading.Thread(target=lambda: upper("a"))
        thread.start()
        thread.join()
        upper("a")
    assert reads == ["a", "b", "a"]  # the other thread, outside the call, read "a" anew; this one did not


def test_the_wrapper_keeps_the_function_s_name_and_doc() -> None:
    _, upper = _counting(2)
    assert upper.__name__ == "upper"
    assert upper.__doc__ == "The text in capitals."


@given(st.lists(st.text(max_size=12), max_size=8))
def test_readings_are_the_same_inside_and_outside_a_call(texts: list[str]) -> None:
    outside = [(tokens(t), fold(t)) for t in texts]
    with call_memo():
        inside = [(tokens(t), fold(t)) for t in texts + texts]
    assert inside == outside + outside
