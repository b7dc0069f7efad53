"""Words written apart or together: a query's words read as the registry writes them.

One name is often written as one word by some and as several by others: "GenesisCare" and
"Genesis Care", "JNN College" and "J N N College", "Chang Guang Satellite" and "Changguang
Satellite", and a Chinese name's pinyin, which the registry reads from its Han label as one
run ("中央民族大学" reads "zhongyangminzu university") while people write it by word
("Zhōngyāng Mínzú Dàxué" reads "zhongyang minzu university").

Two readings, each only of what the registry does not write otherwise:

- *joined*: two to :data:`MAX_RUN` adjacent query words whose concatenation is a word of an
  indexed name, and which no indexed name writes apart in that order (a run the registry
  writes both ways is left as written);
- *split*: a distinctive query word no indexed name carries, of :data:`MIN_SPLIT` letters or
  more, that is two indexed words side by side in exactly one way.

The rules then compare the query so read with each candidate as usual (a joined word is one
distinctive word like any other), and the explanation names each word read.
"""

from __future__ import annotations

from partnerkit._matching._index import Index

__all__ = ["MAX_RUN", "MIN_JOINED", "MIN_SPLIT", "read_joined"]

#: At most this many adjacent words are read as one.
MAX_RUN = 4
#: A joined word has at least this many letters.
MIN_JOINED = 4
#: A word is split only when it has at least this many letters, each part at least :data:`MIN_PART`.
MIN_SPLIT = 7
MIN_PART = 3


def _known(index: Index, word: str) -> bool:
    return index.count("t:" + word) > 0


def read_joined(index: Index, key: str, distinctive: frozenset[str]) -> tuple[str, dict[str, str]]:
    """``key`` with words written apart read as one indexed word, and a word no name carries split in two.

    Returns the key (unchanged when nothing is read) and the readings (as written -> as read).
    """
    words = key.split()
    if len(words) < 2 and not (words and words[0] in distinctive):
        return key, {}
    read: dict[str, str] = {}
    out: list[str] = []
    i = 0
    while i < len(words):
        for n in range(min(MAX_RUN, len(words) - i), 1, -1):
            run = words[i : i + n]
            joined = "".join(run)
            if (
                len(joined) >= MIN_JOINED
                and not joined.isdigit()
                and any(w in distinctive for w in run)
                and _known(index, joined)
                and not _written_apart(index, run)
            ):
                read[" ".join(run)] = joined
                out.append(joined)
                i += n
                break
        else:
            out.append(words[i])
            i += 1
    for j, w in enumerate(out):
        if w in distinctive and len(w) >= MIN_SPLIT and not w.isdigit() and not _known(index, w):
            splits = [
                (w[:k], w[k:])
                for k in range(MIN_PART, len(w) - MIN_PART + 1)
                if _known(index, w[:k]) and _known(index, w[k:])
            ]
            if len(splits) == 1 and _written_apart(index, list(splits[0])):
                read[w] = " ".join(splits[0])
                out[j] = read[w]
    if not read:
        return key, read
    return " ".join(out), read


def _written_apart(index: Index, run: list[str]) -> bool:
    """Some indexed name carries every word of ``run`` (so the registry writes them apart)."""
    postings = sorted((index.posting("t:" + w) for w in run), key=len)
    common = set(postings[0])
    for p in postings[1:]:
        if not common:
            break
        common = {n for n in p if n in common}
    return bool(common)
