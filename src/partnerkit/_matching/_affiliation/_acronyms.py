"""Acronyms in an affiliation string: a name followed by its own acronym, another body's acronym beside a
name, a lone acronym corroborated."""

from __future__ import annotations

from typing import TYPE_CHECKING

from partnerkit._matching._affiliation._model import Found, Hints, put
from partnerkit._matching._affiliation._places import place, regions_named
from partnerkit._names import Part, acronym_key, is_acronym, tokens

if TYPE_CHECKING:
    from partnerkit._matching._affiliation._reader import AffiliationReader

__all__ = [
    "acronym_body",
    "acronym_hit",
    "acronym_insts",
    "acronym_with_place",
    "explained_by_acronym",
    "own_acronym",
]


def acronym_insts(r: AffiliationReader, key: str) -> list[int]:
    """The institutions that have ``key`` as an acronym, each once."""
    index = r.index
    return list(dict.fromkeys(index.name_inst[n] for n in index.posting("a:" + key)))


def own_acronym(r: AffiliationReader, part: Part, end: int, cands: list[int]) -> tuple[list[int], str] | None:
    """Those of ``cands`` whose acronym ends the part after their name, and the context that says so."""
    words = part.text.split()
    for k in (1, 2, 3):
        last = " ".join(words[-k:])
        if len(tokens(last)) != len(part.tokens) - end or not (
            is_acronym(last) and end == len(part.tokens) - 1
            if k == 1
            else all(len(w) <= 3 for w in words[-k:]) and last[0].isupper()
        ):
            continue
        own = set(acronym_insts(r, acronym_key(last))) & set(cands)
        if own:
            return sorted(own), f"followed by its acronym ({last})"
    return None


#: A registered name's rarest word on more names than this is not searched for the bodies an
#: acronym beside it may name.
_BESIDE_POSTING = 2_000


def _spells(acro: str, words: list[str]) -> bool:
    """``acro`` is the words' beginnings in order, each word giving one or more letters
    ("hicast": Himalayan College Agricultural Science Technology; "ceitec": Central European
    Institute Technology)."""
    if not words:
        return not acro
    word = words[0]
    return any(
        acro.startswith(word[:n]) and _spells(acro[n:], words[1:]) for n in range(1, min(len(word), len(acro)) + 1)
    )


def explained_by_acronym(r: AffiliationReader, key: str, others: frozenset[str], cands: list[int]) -> dict[int, str]:
    """Other bodies than ``cands`` (the holders of the registered name ``key``) that an acronym
    written beside that name names together with it, each with the acronym: "CEITEC Masaryk
    University" is the Central European Institute of Technology - Masaryk University, "GC
    University Hyderabad" Government College University Hyderabad, "HICAST Purbanchal
    University" a college of Purbanchal University registered with that acronym.

    A body counts when it holds the acronym and carries the name or is a member of its holder
    of the same kind (a college of the university; a laboratory's acronym beside its university
    is read as the university's, as affiliation data does), or when one of its names carries
    the name's words and the acronym spells the other words."""
    index = r.index
    words = key.split()
    need = set(words)
    out: dict[int, str] = {}
    rare = min(words, key=lambda t: index.count("t:" + t))
    spelled = index.count("t:" + rare) <= _BESIDE_POSTING
    for w in sorted(others):
        if len(w) < 2 or w.isdigit():
            continue
        for d in acronym_insts(r, acronym_key(w)):
            if d not in cands and (
                any(need <= set(n.split()) for n in r.names_of(d))
                or any(c in r.ancestors(d) and r._kind[c] == r._kind[d] for c in cands)
            ):
                out.setdefault(d, w)
        if not spelled:
            continue
        for n in index.posting("t:" + rare):
            d = index.name_inst[n]
            if d in cands or d in out or index.acronyms[n]:
                continue
            toks = index.keys[n].split()
            if need <= set(toks):
                rest = [t for t in toks if t not in need]
                if rest and _spells(w, rest):
                    out[d] = w
    return out


def acronym_body(
    r: AffiliationReader, part: Part, key: str, *, named: dict[int, str], cands: list[int], found: dict[int, Found]
) -> None:
    """Record the bodies an acronym beside the registered name ``key`` names with it (``named``,
    from :func:`explained_by_acronym`; one: the answer; several: each possible), and the name's
    holders ``cands`` as possible."""
    decided, score = ("match", 0.9) if len(named) == 1 else ("possible", 0.6)
    holders = ", ".join(r.institutions[c].name for c in cands[:3])
    for d, acro in named.items():
        written, name_id = r.entry_of(d)
        why = f"{acro.upper()} beside {key!r} names {written!r}, not {holders}"
        reasons = [("name", f"{part.text!r} names {written!r}"), ("acronym beside", why)]
        if len(named) > 1:
            reasons.append(("ambiguous", f"{len(named)} bodies read so"))
        put(found, Found(d, score, reasons, decided, written, part.text, name_id))
    for c in cands:
        written, name_id = r.entry_of(c)
        why = f"written with {'/'.join(sorted({a.upper() for a in named.values()}))}, another body's acronym"
        reasons = [("name", f"{part.text!r} carries {written!r}"), ("beside another body", why)]
        put(found, Found(c, 0.5, reasons, "possible", written, part.text, name_id))


#: A name's word is written when the string has a word beginning with its first letters as
#: many as this ("Internacional" writes "International").
_STEM = 5


def _spelt_out(r: AffiliationReader, c: int, words: set[str], acronym: tuple[str, ...]) -> str | None:
    """A name of institution ``c`` written in the string, if any: its distinctive words all
    there; for a descriptive name (its distinctive words are subjects), its common words too
    (or a word that begins like one), since a subject is written by many units: "National
    Institute of Genetics" (NIG) is not spelt out by "Institute of Human Genetics". A name that
    another, unrelated organisation holds too ("National Museum of Natural History" for NMNH
    beside a Paris institute) does not tell which of them the acronym means.

    The words of ``acronym`` do not count (given when several bodies share it): "Laboratoire
    GEC" is not spelt out by "GEC Bhavnagar", nor "ARS University" by "ARS Hauts-de-France"."""
    inst = r.institutions[c]
    stems = {w[:_STEM] for w in words if len(w) >= _STEM}
    for name in (inst.name, *inst.aliases, *inst.labels.values()):
        toks = [t for t in tokens(name) if t not in acronym]
        rare = [t for t in toks if not r._generic(t)]
        if not rare or not all(t in words for t in rare):
            continue
        descriptive = all(r._subject(t) for t in rare)
        if descriptive and not all(t in words or t[:_STEM] in stems for t in toks):
            continue  # "Institute of Human Genetics" for "National Institute of Genetics"
        holders = r.entries(" ".join(tokens(name)))
        if not any(e[0] != c and not r.related(e[0], c) for e in holders):
            return name
    return None


def acronym_hit(r: AffiliationReader, part: Part, hints: Hints, found: dict[int, Found]) -> None:
    cands = acronym_insts(r, acronym_key(part.text))
    if not cands:
        return
    support: list[tuple[int, str]] = []
    for c in cands:
        inst = r.institutions[c]
        if hints.countries and inst.country and inst.country not in hints.countries:
            continue  # the string names another country: a conflict, never support
        named = [f for f in found.values() if f.decided == "match" and r.related(c, f.index)]
        if named:
            support.append((c, f"its name or a relative's is in the string ({r.institutions[named[0].index].name})"))
        elif inst.country and inst.country in hints.countries:
            support.append((c, f"the string names its country {inst.country}"))
        elif inst.city and r._city_of[c] in hints.cities:
            support.append((c, f"the string names its city {inst.city}"))
        elif spelt := _spelt_out(r, c, hints.words, part.tokens if len(cands) > 1 else ()):
            support.append((c, f"its name is spelt out in the string ({spelt})"))
    if len(support) > 1:  # a Hong Kong and a mainland body, the string names Hong Kong and China
        near = [s for s in support if r.institutions[s[0]].country in regions_named(hints)]
        support = near if len(near) == 1 else support
    if len(support) != 1:
        return
    c, why = support[0]
    reasons = [("acronym", f"{part.text!r} is its acronym"), ("corroborated", why)]
    old = found.get(c)
    if old is None:
        found[c] = Found(c, 0.9, reasons, "match", part.text, part.text)
    else:
        old.reasons.extend(reasons)


def acronym_with_place(r: AffiliationReader, part: Part, hints: Hints) -> Part | None:
    """ "IIT Chennai", "Kiel CAU": a part that is an acronym and a place (a registry city, a
    country or a state) written together. The place goes to ``hints``; the acronym, as a part of
    its own, is returned for :func:`acronym_hit` (which still wants corroboration)."""
    words = part.text.split()
    if not 2 <= len(words) <= 4:
        return None
    for acro, rest in ((words[0], words[1:]), (words[-1], words[:-1])):
        if not is_acronym(acro) or any(is_acronym(w) for w in rest):
            continue
        text = " ".join(rest)
        where = Part(text, part.start, tuple(tokens(text)), False)
        named = len(hints.texts)
        if where.tokens and place(r, where, hints, deep=False) and len(hints.texts) > named:  # not "IISc Campus"
            city = " ".join(where.tokens)
            if city in r._cities:  # "Iasi": a county too, and the city
                hints.cities.add(city)
            return Part(acro, part.start, tuple(tokens(acro)), False)
    return None
