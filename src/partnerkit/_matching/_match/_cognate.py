"""The top candidate read word for word: a query whose words are the registered name's in another form.

"Geografski inštitut Antona Melika" is the Anton Melik Geographical Institute, "Harbin
Commercial University" the Harbin University of Commerce, "Instituto Nacional de Educación
Física de Cataluña" the Institut Nacional d'Educació Física de Catalunya: each word the query
and the registered name do not share has one cognate on the other side (``_align.cognate``:
the same stem in another language or inflection, or a pair that the names of two or more
other institutions align, ``Index.aligned``, see ``_translate``). Evidence of the registry as
a whole, like ``_unique``: the query read with the registered words must name that
institution alone (``_unique_cover``), and no other institution may carry the query's words
as written either.
"""

from __future__ import annotations

import attrs

from partnerkit._matching._align import cognate
from partnerkit._matching._index import Index
from partnerkit._matching._match._unique import _unique_cover, holders_of
from partnerkit._names import ORG_KEYS, script_of
from partnerkit.rules import Profile
from partnerkit.rules._profile import distinctive_tokens

__all__ = ["cognate_reading"]

#: Scripts whose names are read word for word (CJK and Hangul names are read by segments, see ``_cjk``;
#: abjad words by their consonants, see ``_inflect``).
_ALPHABETS = frozenset({None, "CYRILLIC", "GREEK"})
#: A query is read so only with at least this many words, one of them the registered name's as written.
_MIN_WORDS = 2


def cognate_reading(index: Index, q: Profile, name: int, country: str | None) -> str | None:
    """Why query ``q`` names the institution of indexed ``name`` once its words are read as that name's, or ``None``."""
    if q.acronym is not None or not q.distinctive or q.generic or script_of(q.text) not in _ALPHABETS:
        return None
    c = index.profile(name)
    if c.acronym is not None or not c.tokens:
        return None
    left, right = sorted(q.tokens - c.tokens), sorted(c.tokens - q.tokens)
    if not left or not right or len(q.tokens) < _MIN_WORDS or not q.tokens & c.tokens:
        return None  # a one-word name is a brand or a code ("Unipar" is not "Unipa"); one word must agree
    aligned = index.aligned

    def akin(x: str, y: str) -> bool:
        return cognate(x, y) or (not (x in ORG_KEYS and y in ORG_KEYS) and ((x, y) if x < y else (y, x)) in aligned)

    read: dict[str, str] = {}
    for w in left:
        fits = [v for v in right if akin(w, v)]
        if len(fits) != 1 or sum(akin(z, fits[0]) for z in left) != 1:
            continue  # one word on each side only: "medicina" beside "medical" and "medicine" reads neither
        read[w] = fits[0]
    if not read:
        return None
    key = " ".join(dict.fromkeys(read.get(w, w) for w in q.key.split()))
    tokens = frozenset(key.split())
    why = _unique_cover(
        index, attrs.evolve(q, key=key, tokens=tokens, distinctive=distinctive_tokens(tokens)), name, country
    )
    if why is None or _written_rivals(index, q, read, index.name_inst[name], country):
        return None
    pairs = ", ".join(f"{w} = {v}" for w, v in sorted(read.items()))
    return f"Read with the registered name's words, of which the query's are other forms: {pairs}. {why}"


def _written_rivals(index: Index, q: Profile, read: dict[str, str], inst: int, country: str | None) -> bool:
    """Another institution (in the hinted country) carries every distinctive word of ``q``, each as
    written or as read."""
    holders: set[int] | None = None
    words = sorted(q.distinctive, key=lambda t: (index.count("t:" + t), t))
    for w in words:
        found = holders_of(index, {w, read[w]} if w in read else {w}, country)
        holders = found if holders is None else holders & found
        if not holders - {inst}:
            return False
    return bool(holders and holders - {inst})
