"""Whole-word search by substring: the spans of a word, or of any of several words, with no word
character or hyphen on either side (what ``(?<![\\w-])word(?![\\w-])`` finds, with no pattern to
compile per word or per text)."""

from __future__ import annotations

import re

__all__ = ["whole_word", "whole_words"]


def _is_word_char(ch: str) -> bool:
    """``re``'s ``\\w`` or a hyphen."""
    return ch.isalnum() or ch in "_-"


def whole_word(word: str, text: str) -> list[tuple[int, int]]:
    """Spans of ``word`` in ``text`` with no word character or hyphen on either side, left to
    right, not overlapping: what ``(?<![\\w-])word(?![\\w-])`` finds, by substring search
    (no pattern to compile per word, no regular-expression scan of the text)."""
    if not word:
        return [m.span() for m in re.finditer(r"(?<![\w-])(?![\w-])", text)]
    out: list[tuple[int, int]] = []
    n = len(word)
    at = text.find(word)
    while at >= 0:
        end = at + n
        if (at == 0 or not _is_word_char(text[at - 1])) and (end == len(text) or not _is_word_char(text[end])):
            out.append((at, end))
            at = text.find(word, end)
        else:
            at = text.find(word, at + 1)
    return out


def whole_words(words: list[str], text: str) -> list[tuple[int, int, str]]:
    """(start, end, word) for what ``(?<![\\w-])(?:word1|word2|...)(?![\\w-])`` finds in ``text``, left
    to right, not overlapping (the first word that fits wins at a position), by substring search:
    no pattern to compile per text (each text has its own words).

    Example:
        >>> whole_words(["São Paulo", "Paulo", "Lancaster"], "Lancaster and São Paulo; Paulo-x, Paulo")
        [(0, 9, 'Lancaster'), (14, 23, 'São Paulo'), (34, 39, 'Paulo')]
    """
    found: list[tuple[int, int, int]] = []  # (start, the word's place in ``words``, end)
    n = len(text)
    for order, word in enumerate(words):
        at = text.find(word)
        while at >= 0:
            end = at + len(word)
            if (at == 0 or not _is_word_char(text[at - 1])) and (end == n or not _is_word_char(text[end])):
                found.append((at, order, end))
            at = text.find(word, at + 1)
    found.sort()
    out: list[tuple[int, int, str]] = []
    free = 0
    for at, order, end in found:
        if at >= free:
            out.append((at, end, words[order]))
            free = end
    return out
