"""Abbreviated words of an affiliation string read as the registered words they begin.

Bibliographic databases shorten the words of a name ("Georgia Inst. of Technol.", "Beijing
Univ. of Posts & Telecommun.", "London Bus. Sch."): the common ones are organisation words
already ("Univ." is "university"), the rest are cut-off words marked by a full stop. A
word written with a full stop that is no organisation word stands for any registered word
it begins; a run of the part's words, one of them written out, reads as a registered name when exactly one such
reading of its abbreviations is a registered name (longest runs first). The part is then
read as usual with those words written out (the run still has to count in its part, see
:func:`partnerkit._matching._affiliation._parts.run_context`), and the explanation says
which abbreviation was read as which word.
"""

from __future__ import annotations

import bisect
import itertools
import re
from typing import TYPE_CHECKING

from partnerkit._names import Part, fold, tokens

if TYPE_CHECKING:
    from partnerkit._matching._affiliation._reader import AffiliationReader

__all__ = ["expanded"]

#: A word cut off with a full stop: "Technol.", "Telecommun." (letters only, at least three).
_CUT = re.compile(r"^[(\[]?([^\W\d_]{3,})\.[,;:)\]]*$")
#: At most this many words an abbreviation may stand for (the most used names first).
_MAX_WORDS = 12
#: At most this many readings of one run are looked up.
_MAX_READINGS = 256
_MAX_SPAN = 14


def expanded(r: AffiliationReader, part: Part, text: str) -> tuple[Part, list[tuple[str, str]]] | None:
    """``part`` of ``text`` with its abbreviated words written out where that makes a registered
    name, and the (abbreviation, word) pairs read; None when no abbreviation reads so."""
    end = part.start + len(part.text)
    written = part.text + "." if text[end : end + 1] == "." else part.text  # the split took the last stop
    if "." not in written:
        return None
    words = written.split()
    toks: list[str] = []
    cut: dict[int, str] = {}  # token position -> the abbreviation as written
    for w in words:
        wt = tokens(w)
        m = _CUT.match(w)
        if m and len(wt) == 1 and wt[0] == fold(m.group(1)).lower():  # not an organisation word ("Univ.")
            cut[len(toks)] = m.group(1) + "."
        toks.extend(wt)
    if not cut or tuple(toks) != part.tokens:
        return None
    options = {i: _words_from(r, toks[i]) for i in cut}
    out = list(toks)
    read: list[tuple[str, str]] = []
    n = len(toks)
    i = 0
    while i < n:
        step = 1
        for j in range(min(n, i + _MAX_SPAN), i, -1):
            inside = [k for k in range(i, j) if k in cut]
            if not inside or len(inside) == j - i or all(len(options[k]) == 0 for k in inside):
                continue  # (abbreviations alone, "Ont.", read as nothing: a word written out must be there)
            if any(k not in cut and not r.index.count("t:" + toks[k]) for k in range(i, j)):
                continue
            keys = _readings(r, toks, i, j, options)
            if len(keys) == 1:
                key = keys.pop().split()
                for k in inside:
                    if key[k - i] != toks[k]:
                        read.append((cut[k], key[k - i]))
                out[i:j] = key
                step = j - i
                break
            if keys:
                break  # several readings: the longest run is ambiguous, no shorter one is read
        i += step
    if not read:
        return None
    return Part(part.text, part.start, tuple(out), part.subunit), read


def _words_from(r: AffiliationReader, prefix: str) -> list[str]:
    """The registered words that begin with ``prefix`` (the word itself too, if registered),
    the most used first."""
    vocab = r.vocabulary()
    at = bisect.bisect_left(vocab, prefix)
    got: list[str] = []
    while at < len(vocab) and vocab[at].startswith(prefix):
        got.append(vocab[at])
        at += 1
    count = r.index.count
    got.sort(key=lambda w: -count("t:" + w))
    return got[:_MAX_WORDS]


def _readings(r: AffiliationReader, toks: list[str], i: int, j: int, options: dict[int, list[str]]) -> set[str]:
    """The registered names (normal forms) that run ``toks[i:j]`` reads as, its abbreviations
    written out."""
    index = r.index
    slots = [options[k] if k in options else [toks[k]] for k in range(i, j)]
    found: set[str] = set()
    for combo in itertools.islice(itertools.product(*slots), _MAX_READINGS):
        key = " ".join(combo)
        for n in index.with_words(combo):
            if index.keys[n] == key and not index.acronyms[n] and n < index.translated_from:
                found.add(key)
                break
    return found
