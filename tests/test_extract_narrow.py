"""Scanning a sentence with only the phrases of a table that can occur in it: a user relies on
the narrowed scans finding exactly what the whole trigger, status and date patterns find, so
extraction output never depends on how a sentence is scanned."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from partnerkit._extract._lexicon import detect_language, languages, lexicon, lowered
from partnerkit._extract._narrow import _COMPILE_AFTER, Alternation, narrowed
from partnerkit._extract._trie import trie_source

DATA = Path(__file__).parent / "data"


def _spans(scan: object, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in scan.finditer(text)]  # type: ignore[attr-defined]


def _check(langs: tuple[str, ...], text: str) -> None:
    lex = lexicon(langs)
    low = lowered(text)
    for section, patterns in (("kinds", lex.kinds), ("status", lex.status), ("dates", lex.dates)):
        scans = dict(narrowed(lex, section, patterns, low))
        assert list(scans) == [k for k in patterns if k in scans]  # the table's order
        for key, pattern in patterns.items():
            scan = scans.get(key)
            assert (_spans(scan, text) if scan is not None else []) == _spans(pattern, text), (section, key)
            if scan is not None:
                first = pattern.search(text)
                got = scan.search(text)
                assert (got.span() if got else None) == (first.span() if first else None)


def test_every_held_out_sentence_is_scanned_as_the_whole_patterns_scan_it() -> None:
    """Real news in six languages: the same matches for every kind, status cue and date word."""
    texts = sorted(DATA.glob("news_heldout*/*.txt"))
    assert texts
    for path in texts:
        text = path.read_text("utf-8")
        lang = detect_language(text)
        for line in text.split("\n"):
            if line.strip():
                _check((lang, "en") if lang != "en" else ("en",), line)


_EN_WORDS = [
    "signed", "a", "memorandum", "of", "understanding", "mou", "joined", "member", "the", "network",
    "universities", "exchange", "student", "joint", "programme", "laboratory", "agreement", "strategic",
    "partnership", "office", "opened", "in", "will", "not", "yet", "today", "yesterday", "last", "year",
    "double", "degree", "consortium", "with", "and", "plans", "to", "sign", "negotiations",
]  # fmt: skip


@given(words=st.lists(st.sampled_from(_EN_WORDS), max_size=30), lang=st.sampled_from(sorted(languages())))
def test_sentences_of_trigger_words_are_scanned_as_the_whole_patterns_scan_them(words: list[str], lang: str) -> None:
    """Sentences made of trigger and cue words (many phrases possible at once, overlapping)."""
    _check((lang, "en") if lang != "en" else ("en",), " ".join(words))


def test_no_lowered_text_scans_every_pattern_whole() -> None:
    lex = lexicon(("en",))
    assert [k for k, _a in narrowed(lex, "kinds", lex.kinds, None)] == list(lex.kinds)
    assert narrowed(lex, "kinds", lex.kinds, lowered("Nothing to see here.")) == ()


_PHRASE = st.text(st.sampled_from("ab"), min_size=1, max_size=3) | st.sampled_from(
    ["a+b", "ab?a", "b(?:a|ab)", "(?<!a)ba", "a(?!b)", "aa?"]
)


@given(phrases=st.lists(_PHRASE, min_size=1, max_size=5), text=st.text(st.sampled_from("ab "), max_size=40))
def test_an_alternation_of_phrases_matches_as_the_compiled_alternation(phrases: list[str], text: str) -> None:
    """Phrase by phrase, and once compiled (after enough scans), the matches of ``p1|p2|...``."""
    source = "|".join(f"(?:{p})" for p in phrases)
    whole = re.compile(source, re.IGNORECASE)
    alt = Alternation([re.compile(p, re.IGNORECASE) for p in phrases], lambda: source)
    expected = [m.span() for m in whole.finditer(text)]
    first = whole.search(text)
    for _ in range(_COMPILE_AFTER + 1):
        assert _spans(alt, text) == expected
        got = alt.search(text)
        assert (got.span() if got else None) == (first.span() if first else None)
    assert len(alt.patterns) == (1 if len(phrases) > 1 else len(phrases))  # compiled by now


@given(words=st.lists(st.text(st.sampled_from("abé. -уни大"), min_size=1, max_size=5), min_size=1, max_size=30),
       text=st.text(st.sampled_from("abé. -уни大"), max_size=60))  # fmt: skip
def test_the_longest_literal_at_each_position_gives_every_literal_present(words: list[str], text: str) -> None:
    """A literal that starts where a longer one does is its prefix: none is missed."""
    found = set(re.findall(f"(?=({trie_source(words, longest=True)}))", text))
    present = {w for w in words if any(f.startswith(w) for f in found)}
    assert present == {w for w in words if w in text}


def test_every_shipped_table_is_narrowed_phrase_by_phrase() -> None:
    """Each table pattern of every language is made of its phrases, each with a literal: none is
    left to a whole scan (a change in how the lexicon composes its patterns would show here)."""
    from partnerkit._extract._narrow import _TABLES

    for lang in languages():
        lex = lexicon((lang, "en") if lang != "en" else ("en",))
        for section, patterns in (("kinds", lex.kinds), ("status", lex.status), ("dates", lex.dates)):
            narrowed(lex, section, patterns, "")
            table = _TABLES[id(patterns)]
            assert all(table.phrases), (lang, section)
            assert not table.always, (lang, section)


def test_a_phrase_that_refers_to_a_group_leaves_its_pattern_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    """Alone, a phrase would number its groups otherwise: its table pattern is scanned whole."""
    import partnerkit._extract._narrow as narrow_module
    from partnerkit._extract._lexicon import Lexicon

    tables = {"en": {"status": {"x": [r"(a)\1b", "cd"], "y": ["ef", "gh"]}}}
    monkeypatch.setattr(narrow_module, "raw_tables", lambda: tables)
    patterns = {
        key: re.compile(narrow_module._join([("en", p) for p in phrases], range(len(phrases))), re.IGNORECASE)
        for key, phrases in tables["en"]["status"].items()
    }
    lex = Lexicon(("en",), {}, patterns, {}, (), {}, ())
    scans = dict(narrowed(lex, "status", patterns, "cd and ef"))
    assert scans["x"].patterns == [patterns["x"]]  # whole, though only "cd" may match
    assert [p.pattern for p in scans["y"].patterns] == [r"(?<![\w-])(?:(?:ef))(?![\w])"]  # narrowed


def test_a_phrase_is_scanned_only_where_every_one_of_its_literals_is(monkeypatch: pytest.MonkeyPatch) -> None:
    """A phrase needs each of its parts: a sentence with its trie literal but not its other
    literals is not scanned with it, and one with all of them is (and matches as before)."""
    import partnerkit._extract._narrow as narrow_module
    from partnerkit._extract._lexicon import Lexicon

    tables = {"en": {"status": {"x": [r"signed (?:an?|the) memorand(?:um|a) of understanding", "inked"]}}}
    monkeypatch.setattr(narrow_module, "raw_tables", lambda: tables)
    phrases = tables["en"]["status"]["x"]
    pattern = re.compile(narrow_module._join([("en", p) for p in phrases], range(len(phrases))), re.IGNORECASE)
    patterns = {"x": pattern}
    lex = Lexicon(("en",), {}, patterns, {}, (), {}, ())

    def scanned(text: str) -> list[str]:
        return [p.pattern for _k, alt in narrowed(lex, "status", patterns, lowered(text)) for p in alt.patterns]

    # "memorand" (the phrase's longest literal) without " of understanding" or "signed "
    assert scanned("The memorandum was lost and the rector inked nothing.") == [r"(?<![\w-])(?:(?:inked))(?![\w])"]
    assert scanned("A memorandum was shown.") == []
    text = "They signed a memorandum of understanding, inked by the dean."
    assert scanned(text) == [pattern.pattern]  # every phrase may match: the whole pattern
    got = narrowed(lex, "status", patterns, lowered(text))
    assert [m.span() for m in got[0][1].finditer(text)] == [m.span() for m in pattern.finditer(text)]
