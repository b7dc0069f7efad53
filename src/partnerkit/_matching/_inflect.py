"""Inflected forms: a query word no indexed name carries, read as the registry's form of it.

Names in inflecting languages carry their place and person names declined or turned into
adjectives: "Чеченский государственный университет" reads "chechensk state university"
(the registry writes "Chechen State University"), "Uniwersytet Przyrodniczy w Lublinie"
reads "lublinie" (the registry writes "Lublin"), "Saimaan ammattikorkeakoulu" reads
"saimaan" ("Saimaa"). A distinctive query word that no indexed name carries is read as the
one indexed word that differs from it only in an ending: both share a start of at least
:data:`MIN_START` letters, and neither goes on for more than :data:`MAX_ENDING` letters
after it; the form must be the only one ("kamchatka" for "kamchatsk": with "Polymer" and
"Polymers" both registered, "polymere" is left as written). In a name written in an
abjad (Arabic, Persian, Hebrew: "جامعة حلوان" reads "jmh hlwn"), a word written without
vowels is read as the one indexed word whose consonants it spells ("hlwn" -> "helwan"). A one-word name is a brand or
a code ("Anatel" is not "Anatech") and is never read so. Words the registry carries are
never reread, so this only ever reads words the registry could not match otherwise; the
explanation names each word read.

The vocabulary is kept sorted beside the index, built on first use and never pickled.
"""

from __future__ import annotations

import bisect
import re

from partnerkit._matching._align import MIN_SKELETON, common_start, is_unvowelled, skeleton
from partnerkit._matching._index import Index, kept

__all__ = ["MAX_ENDING", "MIN_START", "Inflections", "inflections", "read_inflected", "skeleton_table"]

#: An inflected form shares a start of at least this many letters with the word...
MIN_START = 5
#: ... and neither word goes on for more than this many letters after the shared start.
MAX_ENDING = 3
#: Indexed words sharing the start looked at, at most (a very common start reads nothing).
_MAX_SCAN = 64
_VOWEL = re.compile("[aeiou]")


class Inflections:
    """The indexed words of an index, sorted, to find a word's inflected forms."""

    def __init__(self, index: Index) -> None:
        self.words = [w for w in index.vocabulary() if len(w) >= MIN_START]
        self._index = index  # (not copied: the index never changes)

    def spelled(self, word: str) -> list[str]:
        """Indexed words with vowels whose consonants ``word`` (written without vowels) spells.

        See ``_align.skeleton`` and :func:`skeleton_table`.
        """
        k = skeleton(word)
        if len(k) < MIN_SKELETON:
            return []
        found = skeleton_table(self._index).get(k)
        return found.split() if found else []

    def forms(self, word: str) -> list[str]:
        """Indexed words differing from ``word`` only in an ending (see the module), sorted.

        >>> class _I:  # a stand-in index: only its vocabulary is read
        ...     postings = {"t:lublin": 0, "t:lublinie": 1, "t:lubliniec": 2, "t:lubbock": 3}
        ...     def vocabulary(self):
        ...         return sorted(k[2:] for k in self.postings)
        >>> Inflections(_I()).forms("lublinu")
        ['lublin', 'lublinie', 'lubliniec']
        """
        if len(word) < MIN_START:
            return []
        start = word[: max(MIN_START, len(word) - MAX_ENDING)]
        words = self.words
        i = bisect.bisect_left(words, start)
        near = words[i : i + _MAX_SCAN + 1]
        if len(near) > _MAX_SCAN and near[-1].startswith(start):
            return []
        return [
            v
            for v in near
            if v.startswith(start) and v != word and common_start(v, word) >= max(len(v), len(word)) - MAX_ENDING
        ]


def skeleton_table(index: Index) -> dict[str, str]:
    """Skeleton (see ``_align.skeleton``) -> the indexed words with vowels of that skeleton, space-joined.

    A :class:`~partnerkit.Registry` builds it with its index and saves it in its file (the first
    query written in an abjad would otherwise pay for it); another index builds it on first use.
    The words are kept as one string per skeleton: one object, which the garbage collector never walks.
    """
    table = index.skeletons
    if table is None:
        table = {}
        search = _VOWEL.search
        for key in index.postings:
            if key.startswith("t:"):
                v = key[2:]
                if len(v) >= MIN_SKELETON and search(v):  # (a word of MIN_SKELETON letters or more with a vowel)
                    k = skeleton(v)
                    table[k] = f"{table[k]} {v}" if k in table else v
        index.skeletons = table
    return table


def inflections(index: Index) -> Inflections:
    """The sorted vocabulary of ``index``, built on first use and kept with the index."""
    return kept(index, "inflections", Inflections, Inflections)


def read_inflected(
    index: Index, key: str, distinctive: frozenset[str], *, abjad: bool = False
) -> tuple[str, dict[str, str]]:
    """``key`` with each distinctive word no indexed name carries read as its one inflected form.

    With ``abjad`` (a name written in Arabic or Hebrew script), a word written without vowels
    is read as the one indexed word whose consonants it spells ("jdr" -> "jadara").

    Returns the key (unchanged when nothing is read) and the words read (word -> form).
    """
    read: dict[str, str] = {}
    if " " not in key:
        return key, read  # a one-word name is a brand or a code ("Anatel"), not a declined word
    for w in distinctive:
        if w.isdigit() or len(w) < MIN_SKELETON or index.count("t:" + w):
            continue
        found = inflections(index)
        forms = found.spelled(w) if abjad and is_unvowelled(w) else found.forms(w)
        if len(forms) == 1:
            read[w] = forms[0]
    if not read:
        return key, read
    return " ".join(read.get(w, w) for w in key.split()), read
