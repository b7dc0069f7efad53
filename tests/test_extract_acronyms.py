"""Acronyms found by their shape: reading only the tokens that may make one finds what reading every token found.

A user relies on every acronym of a sentence being found ("HUST", "СПбГУ", "(AUN/SEED-Net)",
"the 4EU+ alliance", "the Universitas 21 network"); the scan skips tokens with neither a digit
nor two capitals, so it must find exactly what a scan of every token finds.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from partnerkit._extract._patterns import _acronyms
from partnerkit._extract._patterns._acronyms import find_acronyms
from partnerkit._extract._text import clean, split_sentences


def _every_token(text: str, offset: int = 0) -> list[_acronyms.Span]:
    """What the scan finds when it reads every token."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(_acronyms, "_may_yield", lambda w: True)
        return find_acronyms(text, offset)


_PIECES = st.sampled_from(
    ["HUST", "SibFU", "itSMF", "OECD-IMHE", "СПбГУ", "КФУ", "4EU", "+", "EC2U", "21", "Universitas", "network",
     "alliance", "the", "(", ")", "/", "AUN", "SEED-Net", "'s", "’s", ".", ",", " ", " ", " ", "Aachen", "RWTH",
     "WANG", "Fei", "ASEAN", "universities", "President", "A", "x", "²", "Ⅻ", "ǅ", "_", ": ", "2021"]
)  # fmt: skip


@given(st.lists(_PIECES, max_size=18))
def test_the_skipped_tokens_make_no_acronym(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert find_acronyms(text, 7) == _every_token(text, 7)


def test_the_skipped_tokens_make_no_acronym_in_the_held_out_texts() -> None:
    sentences = [
        s.text
        for path in sorted((Path(__file__).parent / "data").glob("news_heldout*/*.txt"))
        for s in split_sentences(clean(path.read_text("utf-8")).text)
    ]
    found = [find_acronyms(s) for s in sentences]
    assert sum(map(len, found)) >= 50  # (the texts hold many)
    assert found == [_every_token(s) for s in sentences]


def test_tokens_that_may_make_an_acronym() -> None:
    assert [_acronyms._may_yield(w) for w in ("HUST", "SibFU", "21", "Hainan", ",", "A")] == [True] * 3 + [False] * 3
