"""The overlap index of extraction (``_extract/_spans_index.py``) and what it buys a user.

A user relies on: ``pk.extract`` over a long text (a scraped site, a year of news in one file)
doing work in proportion to the text, not to its square (the overlap checks of mentions once
compared every mention with every other: a 650 kB text took 10 s of CPU, 4x the 160 kB one's
work 10x); and on the index giving exactly what a scan of every span gives.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import partnerkit as pk
from tests.work import lines_executed

_spans = st.lists(st.tuples(st.integers(0, 400), st.integers(0, 150)), max_size=40)


@given(_spans, st.integers(0, 450), st.integers(0, 150), st.data())
def test_the_index_finds_what_a_scan_finds(spans: list[tuple[int, int]], qs: int, ql: int, data: Any) -> None:
    from partnerkit._extract._spans_index import SpanIndex  # (here: the bound test below runs on any version)

    index: SpanIndex[int] = SpanIndex()
    kept: list[tuple[int, int, int]] = []
    for k, (s, length) in enumerate(spans):
        index.add(s, s + length, k)
        kept.append((s, s + length, k))
    for s, e, k in list(kept):  # forget some of them again
        if data.draw(st.booleans()):
            index.remove(s, e, k)
            kept.remove((s, e, k))
    expected = [k for s, e, k in kept if s < qs + ql and qs < e]
    assert index.overlapping(qs, qs + ql) == expected
    assert index.any_overlap(qs, qs + ql) == bool(expected)


def _lines_run(text: str) -> int:
    """Lines of the mention-reading modules executed by one ``pk.extract`` (a count of work done,
    the same on any machine and under any load)."""
    return lines_executed(lambda: pk.extract(text), "_document.py", "_references.py")


def test_reading_mentions_grows_with_the_text_not_its_square() -> None:
    sentence = "ITMO University and the University of Hamburg signed an agreement on 3 May 2024. "
    pk.extract(sentence)  # (builds the shared tables first)
    small, large = _lines_run(sentence * 150), _lines_run(sentence * 600)
    # 4x the text: 4x the work when linear (3.98 measured); the old pairwise checks did 13.8x
    assert large < 5.5 * small
