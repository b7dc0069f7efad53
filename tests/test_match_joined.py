"""Words written apart (partnerkit._matching._match._joined).

What a user relies on: a name written as one word by the registry and as several by the user
("Genesis Care" for "GenesisCare", the pinyin "Zhōngyāng Mínzú Dàxué" for "中央民族大学", which
reads as one run) is found and is a MATCH whose explanation names the words read. Words the
registry itself writes apart stay as written, and a registered word is never split.
"""

from __future__ import annotations

import pytest

import partnerkit as pk
from partnerkit._matching._match._joined import read_joined


def _inst(i: str, name: str, **kw: object) -> pk.Institution:
    return pk.Institution(id=i, name=name, **kw)  # type: ignore[arg-type]


REGISTRY = pk.Registry(
    [
        _inst("gc", "GenesisCare", country="AU"),
        _inst("mz", "Minzu University of China", country="CN", labels={"zh": "中央民族大学"}),
        _inst("cg", "Chang Guang Satellite Technology Co., Ltd.", country="CN"),
        _inst("jnn", "JNN College of Engineering", country="IN"),
        # the registry writes "blue" and "water" apart in one name: "Blue Water" is not read as "Bluewater"
        _inst("bw", "Bluewater Health", country="CA"),
        _inst("bwi", "Blue Water Institute", country="US"),
        # "artscene" is "art scene" and "arts cene", two ways: not split
        _inst("as", "Art Scene Gallery", country="GB"),
        _inst("ac", "Arts Cene Foundation", country="GB"),
    ]
)


@pytest.mark.parametrize(
    ("query", "expected", "read"),
    [
        ("Genesis Care", "gc", "'genesis care' as 'genesiscare'"),
        ("Zhōngyāng Mínzú Dàxué", "mz", "'zhongyang minzu' as 'zhongyangminzu'"),
        # a word is not split: "Changguang" is not read as the registry's "Chang Guang"
        ("Changguang Satellite Technology", None, None),
        # (single letters: already the inline acronym "JNN" of the registered name)
        ("J N N College of Engineering", "jnn", None),
        # written apart in a registered name: left as written, so "Blue Water Health" is no MATCH
        ("Blue Water Health", None, None),
        ("Artscene Gallery", None, None),
    ],
)
def test_joined_and_split_words(query: str, expected: str | None, read: str | None) -> None:
    best = REGISTRY.match(query)[0]
    if expected is None:
        assert best.decision is not pk.Decision.MATCH or "written apart as the one word" not in str(best.explanation)
        return
    assert (best.institution.id, best.decision) == (expected, pk.Decision.MATCH)
    if read is not None:
        assert f"Read words written apart as the one word the registry writes: {read}" in str(best.explanation)


def test_read_joined_leaves_a_name_it_cannot_read() -> None:
    index = REGISTRY._index  # the reading is a function of the index
    assert read_joined(index, "genesis care", frozenset({"genesis", "care"})) == (
        "genesiscare",
        {"genesis care": "genesiscare"},
    )
    assert read_joined(index, "university kent", frozenset({"kent"})) == ("university kent", {})
    # an organisation word alone is never joined: one of the run must be distinctive
    assert read_joined(index, "college engineering", frozenset()) == ("college engineering", {})
