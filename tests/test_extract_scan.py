"""The scanning helpers behind extraction (literal trie, literal prefilter,
whole-word search): a user relies on them finding exactly what the regular expressions they
replace find, so extraction output never depends on how the text is scanned."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from partnerkit._extract._lexicon import may_match
from partnerkit._extract._trie import literal_trie
from partnerkit._extract._word_search import whole_word

_ALPHABET = st.sampled_from(list("abcé. -уни大学"))
_WORDS = st.lists(st.text(_ALPHABET, min_size=1, max_size=6), min_size=1, max_size=40)


@given(words=_WORDS, text=st.text(_ALPHABET, max_size=60))
def test_search_finds_a_word_exactly_when_one_occurs(words: list[str], text: str) -> None:
    assert (literal_trie(words).search(text) is not None) == any(w in text for w in words)


def test_prefix_words_and_special_characters() -> None:
    p = literal_trie(["univ.", "university", "universität", "a+b"])
    assert p.search("the univ. of x")
    assert p.search("universität")
    assert p.search("a+b")
    assert p.search("univ") is None
    assert p.search("ab") is None
    assert literal_trie([]).search("anything") is None
    assert literal_trie(["", "x"]).search("") is not None


def test_may_match_with_many_literals_uses_the_trie_and_agrees() -> None:

    words = [f"w{i:02d}x" for i in range(30)]  # 30 literals: past the trie threshold
    pattern = re.compile("(?<!\\w)(?:" + "|".join(words) + ")(?!\\w)", re.IGNORECASE)
    assert may_match(pattern, "a w17x b")
    assert not may_match(pattern, "a w17 b")
    assert may_match(pattern, None)  # no lower-cased text: never skipped


@given(word=st.text(_ALPHABET, max_size=3), text=st.text(_ALPHABET, max_size=40))
def test_whole_word_finds_what_the_bounded_pattern_finds(word: str, text: str) -> None:
    expected = [m.span() for m in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text)]
    assert whole_word(word, text) == expected


def test_whole_word_examples() -> None:
    assert whole_word("ITMO", "ITMO-X, ITMO and ITMOs; (ITMO)") == [(8, 12), (25, 29)]
    assert whole_word("HUST", "HUST") == [(0, 4)]


@given(
    before=st.text(st.sampled_from(list("ab é.\n大")), max_size=20),
    after=st.text(st.sampled_from(list("ab é.")), max_size=20),
)
def test_cleaned_offsets_point_into_the_original(before: str, after: str) -> None:
    from partnerkit._extract._text import clean

    plain = clean(before)  # nothing to repair: every character stays at its own index
    assert plain.text == before
    assert list(plain.origin) == list(range(len(before)))
    text = before + "<b>x</b>&amp;" + after
    ct = clean(text)
    for k, ch in enumerate(ct.text):
        if ch not in " &":  # the tags became spaces and the entity a "&"
            assert text[ct.origin[k]] == ch
    start = ct.text.rindex("&")
    assert ct.span(start, start + 1) == (text.index("&amp;"), text.index("&amp;") + 1)


_REF_WORDS = st.sampled_from(
    ["the", "university", "universities", "of", "two", "both", "our", "institute", "Union", "la", "Red", "-", ".", ","]
)


def _spans(matches: list[re.Match[str]]) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


@given(
    words=st.lists(_REF_WORDS, max_size=40), gaps=st.lists(st.sampled_from([" ", "  ", "\n", "x" * 70]), max_size=40)
)
def test_finditer_near_finds_what_finditer_finds(words: list[str], gaps: list[str]) -> None:
    """Reading only near the literals gives the matches of one scan of the whole text."""
    from partnerkit._extract._lexicon import finditer_near, lexicon, lowered
    from partnerkit._extract._references import _DEFINITE

    text = "".join(w + (gaps[i] if i < len(gaps) else " ") for i, w in enumerate(words))
    low = lowered(text)
    lex = lexicon(("ru", "en"))
    for pattern in (*lex.refs.values(), *lex.kinds.values(), *lex.status.values(), _DEFINITE):
        assert _spans(finditer_near(pattern, text, low)) == _spans(list(pattern.finditer(text)))


def test_finditer_near_reads_lookaheads_past_the_stretch_and_falls_back() -> None:
    from partnerkit._extract._lexicon import finditer_near, lowered

    p = re.compile(r"(?<![\w-])the (?:university|institute)(?! of)(?!\w)", re.IGNORECASE)
    text = ("The University of X. " + "filler " * 20) * 2 + "the institute agreed"
    assert (
        _spans(finditer_near(p, text, lowered(text)))
        == _spans(list(p.finditer(text)))
        == [(len(text) - 20, len(text) - 7)]
    )
    unbounded = re.compile(r"univ\w*", re.IGNORECASE)  # no longest match: one plain scan
    assert _spans(finditer_near(unbounded, "a University b univ", "a university b univ")) == [(2, 12), (15, 19)]
    assert finditer_near(p, "İ the university", None)[0].span() == (2, 16)  # no lower-cased text: plain scan


def test_the_cities_a_registry_adds_find_what_the_whole_gazetteer_finds() -> None:
    from partnerkit._extract._places import find_places, gazetteer, more_cities

    extra = [("Kemerovo", "RU"), ("Brussels", "FR"), ("Ulaanbaatar", "MN"), ("Zhytomyr", "UA")]
    added = more_cities(extra)
    assert "brussels" not in added  # the built-in gazetteer's own entry stands
    assert gazetteer(extra) == {**gazetteer(), **added}
    text = "Offices in Kemerovo, Brussels and Zhytomyr; talks in China."
    assert find_places(text, 0, added) == find_places(text, 0, gazetteer(extra))
    assert [p.city for p in find_places(text, 0, added)] == ["Kemerovo", "Brussels", "Zhytomyr", None]


_PLACE_ALPHABET = st.sampled_from(list("aZé É-'’ 1_.Мм大,\nßÿ"))


@given(text=st.text(_PLACE_ALPHABET, max_size=40))
def test_place_starts_read_the_word_in_the_same_search(text: str) -> None:
    """find_places reads a capitalised word where a place may start in one search: the same
    starts as the start pattern alone (a capital not inside a word, or any CJK character:
    Chinese has no spaces), and the same word as _WORD matched there."""
    from partnerkit._extract._places import _START, _WORD

    alone = re.compile(r"(?<![^\W\d_])[^\W\d_a-zß-ÿа-яё\u3400-\u9fff]|[\u3400-\u9fff]")
    got = [(m.span(), None if m.end(1) < 0 else text[m.start() : m.end(1)]) for m in _START.finditer(text)]
    want = []
    for m in alone.finditer(text):
        cjk = "\u3400" <= text[m.start()] <= "\u9fff"
        word = _WORD.match(text, m.start())
        want.append((m.span(), None if cjk else word.group(0) if word else "?"))
    assert got == want


def test_parties_are_shared_per_name_and_id() -> None:
    """The records of one text name the same few parties: one frozen Party per name and id."""
    from partnerkit._extract._parties import _party
    from partnerkit._model import Party

    a = _party("Alpha University", "alpha")
    assert a == Party("Alpha University", institution_id="alpha")
    assert _party("Alpha University", "alpha") is a
    assert _party("Alpha University", None) != a
    assert _party("Alpha University", None).institution_id is None


def test_an_entity_is_an_event_when_one_of_its_names_is() -> None:
    from partnerkit._extract._when import _names_event

    assert _names_event(("Alpha University", "Eurasian Forum of Rectors"))
    assert _names_event(("Международный форум",))
    assert not _names_event(("Alpha University", "ITMO"))
    assert not _names_event(())


def test_places_read_late_are_the_places_read_for_every_sentence() -> None:
    """A document reads a sentence's places only when asked; a user gets the same places per
    sentence (and for the whole text, in order) as reading every sentence up front, and no
    places for an index that is no sentence."""
    from pathlib import Path

    from partnerkit._extract._document import SentencePlaces
    from partnerkit._extract._places import find_places, more_cities
    from partnerkit._extract._text import clean, split_sentences

    cities = more_cities([("Kemerovo", "RU")])
    for path in sorted((Path(__file__).parent / "data").glob("news_heldout*/*.txt"))[:40]:
        sentences = split_sentences(clean(path.read_text("utf-8")).text)
        eager = {s.index: find_places(s.text, s.start, cities) for s in sentences}
        late = SentencePlaces(sentences, cities)
        middle = len(sentences) // 2
        assert late.get(middle) == eager.get(middle)  # one sentence first, then all of them
        assert dict(late) == eager
        assert list(late.values()) == list(eager.values())
    assert late.get(len(sentences), "none") == "none"
    assert late.get(-1) is None
    assert -1 not in late
    assert len(late) == len(sentences)


@given(
    words=st.lists(
        st.text(st.sampled_from(list("ab -é")), min_size=1, max_size=5), min_size=1, max_size=4, unique=True
    ),
    text=st.text(st.sampled_from(list("ab -é_.1")), max_size=40),
)
def test_whole_words_finds_what_the_alternation_of_the_words_finds(words: list[str], text: str) -> None:
    """A text's short forms are found by substring search: the same spans (and words) as the
    alternation of the words between word boundaries, the first word that fits winning."""
    from partnerkit._extract._word_search import whole_words

    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])")
    assert whole_words(words, text) == [(m.start(), m.end(), m.group(0)) for m in pattern.finditer(text)]


@given(text=st.text(st.sampled_from(list(".!?。！？;；\"'”»)] a\n")), max_size=30))
def test_sentence_ends_are_the_marks_the_two_branch_pattern_finds(text: str) -> None:
    """Sentence ends are found by a pattern opening with one class of marks: the same ends as
    the pattern of two branches it replaces, so sentences split as before."""
    from partnerkit._extract._text import _END

    as_written = re.compile(r"[.!?。！？]+[\"'”»)\]]*|[;；](?=\s*\n)")
    assert [m.span() for m in _END.finditer(text)] == [m.span() for m in as_written.finditer(text)]


@given(text=st.text(st.sampled_from(list("ABUQab1&.-_' ’s\n")), max_size=30))
def test_two_capital_tokens_are_those_the_lookbehind_first_pattern_finds(text: str) -> None:
    """The two-capital scan (undefined short forms like "UQ") opens with a capital for speed and
    finds the very spans the pattern written with its lookbehind first finds."""
    from partnerkit._extract._document import _TWO_CAPITALS

    first = re.compile(r"(?<![\w&.-])([A-Z]{2})(?=['’]s\b|(?![\w&.-]))")
    assert [m.span(1) for m in _TWO_CAPITALS.finditer(text)] == [m.span(1) for m in first.finditer(text)]
