"""One regular expression for a set of literal strings, factored by common prefixes.

Python's ``re`` tries the alternatives of ``a|b|c`` one after another at every position;
with tens of words that is tens of tries per character. Written as a trie
(``univ(?:ersit(?:y|ies)|\\.)``), each position tries the few first letters and goes on only
along the branch that fits. It finds a match wherever the plain alternation finds one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["literal_trie", "trie_source"]


def literal_trie(words: Iterable[str], flags: int = 0) -> re.Pattern[str]:
    """A pattern that matches where one of ``words`` occurs (for ``search``: is any present?).

    Where one word is a prefix of another, the shorter one is enough: the pattern may match
    it where the plain alternation would match the longer one (the same start, a shorter end).
    Use it to ask whether and where a word starts, not for the matched text.

    Example:
        >>> p = literal_trie(["university", "univ.", "institute", "college"])
        >>> p.pattern
        '(?:college|institute|univ(?:\\\\.|ersity))'
        >>> bool(p.search("an institute")), p.search("a school")
        (True, None)
    """
    words = list(words)
    if not all(words):
        return re.compile("", flags)  # the empty word is in every text
    source = trie_source(words)
    return re.compile(source if source else "(?!)", flags)


def trie_source(words: Iterable[str], *, longest: bool = False) -> str:
    """The source of :func:`literal_trie`'s pattern (``""`` for no words); with ``longest``,
    one that matches the longest of ``words`` that starts where it is tried (for the words
    themselves, e.g. with ``findall``), not the shortest.

    Example:
        >>> trie_source(["univ", "university", "uni"], longest=True)
        'uni(?:v(?:ersity)?)?'
    """
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
        if "" in node and not longest:
            return ""  # a word ends here: any longer one holds it
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)
