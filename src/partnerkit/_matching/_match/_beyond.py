"""Words beyond the registered name found: a college, campus or namesake the string names besides it.

"Lijiang College of Guangxi Normal University" carries a registered university's name
whole, but its other words name a college of its own; "Amity University, Raipur" carries
"Amity University", whose name the registry also finds inside other institutions' names
("Amity University Rajasthan"...), and adds a word none of them has. Either way the
registered name found is not what the string means for sure: it becomes POSSIBLE,
beside the institutions the other words point to, and the explanation says why. When
one other registered institution carries the registered name and the string's other
words too ("Embry-Riddle Aeronautical University, Daytona Beach Campus"), that one is
the MATCH.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

import attrs

from partnerkit._matching._affiliation import reader
from partnerkit._matching._index import Index
from partnerkit._matching._match._result import _AND, Match, _city_name_words, _place_words, demoted
from partnerkit._matching._match._units import _relatives
from partnerkit._matching._spread import WordSpread, word_spread
from partnerkit._names import (
    ORG_KEYS,
    STREET_WORDS,
    SUBUNIT_WORDS,
    country_of,
    is_acronym,
    normalize_name,
    split_affiliation,
    subdivision_countries,
)
from partnerkit.rules import Decision, Profile, RuleSet
from partnerkit.rules._profile import WEAK_TOKENS

__all__ = ["beyond_name"]

#: Words naming a body of its own (a college, a school, a campus): a unit that may be an institution.
#: Departments and faculties are parts of their university, not bodies the registry lists apart.
BODY_WORDS = frozenset(
    (
        "academy", "campus", "centre", "clinic", "college", "conservatory", "hospital", "institute",
        "laboratory", "library", "museum", "observatory", "polytechnic", "school", "seminary", "university",
    )
)  # fmt: skip
#: Words of a college or campus that a university's name may carry beside it ("Lijiang College of ...").
#: A research institute, hospital or medical school "of" a university is its unit: the university answers.
COLLEGE_WORDS = frozenset(("campus", "college", "school"))
#: A part of the string of at most this many words, none an organisation word, may be a place.
PLACE_WORDS = 3
_OWN = frozenset(("university", "college", "campus"))
_NOT_PLACE = WEAK_TOKENS | ORG_KEYS | SUBUNIT_WORDS | STREET_WORDS | {"hub", "centre", "center"}
#: Names scanned for namesakes: the rarest word of the name found must be on at most this many.
FAMILY_POSTING = 3_000
#: Other institutions listed beside a name made POSSIBLE.
LISTED = 3
#: The score of an institution listed as POSSIBLE beside a name made POSSIBLE.
RIVAL = 0.6
#: Namesakes that are the name plus a place make a family of campuses ("Amity University Rajasthan"...).
CAMPUSES = 2
_WORD = re.compile(r"[\w&.]+")
_QUOTED = re.compile(r"[\"“”«»„‘’']([^\"“”«»„‘’']{3,})[\"“”«»„‘’']")


def beyond_name(index: Index, rules: RuleSet, name: str, found: list[Match]) -> list[Match]:
    """``found`` with its MATCH weighed against the words of ``name`` beyond the registered name matched.

    See the module docstring. Only proper words count: organisation and field words, words
    that organisations in many countries carry ("energy", "business"), the MATCH's own city
    and country, states, countries, numbers and acronyms change nothing; nor do words that
    name the MATCH's parent, units or related institutions (ROR links), nor a body joined to
    the name by "and" ("Lumbini Medical College & Teaching Hospital"), nor a legal form around
    a quoted name ('Private Higher Educational Institution "Bukovinian University"').
    """
    top = found[0] if found else None
    if top is None or top.decision is not Decision.MATCH:
        return found
    inst = index.ids.get(top.institution.id)
    own = normalize_name(top.name).split()
    if inst is None or not own or set(normalize_name(name).split()) <= set(own) or _quoted(name, top.name):
        return found  # nothing written beyond the name (most MATCHes): no more work
    parts = [normalize_name(p.text).split() for p in split_affiliation(name)]
    home = next((p for p in parts if set(own) <= set(p)), None)
    if home is None:
        return found  # the name was not found written whole (fuzzy, translated, abbreviated)
    if len(parts) == 1:
        units = [m for m in found[1:] if m.decision is Decision.POSSIBLE and _unit_answered(m)]
        if len(units) == 1:
            return _unit_whole(found, units[0])
    # a name, or a name and a place or campus ("Amity University, Raipur"); not an affiliation
    # string listing units, addresses and other bodies, where the registered name found answers
    other = [p for p in parts if p is not home]
    if other and not (len(other) == 1 and _place_like(other[0]) and not reader(index).entries(" ".join(other[0]))):
        return found
    rest = other[0] if other else []
    here = list((Counter(home) - Counter(own)).elements())
    places = _place_words(top.institution) | set(normalize_name(top.institution.city or "").split())
    skip = places | set(own) | _acronyms(name)
    spread = word_spread(index)
    extra = [w for w in dict.fromkeys(here) if w not in skip and _proper(w, spread)]
    extra += [w for w in dict.fromkeys(rest) if w not in skip and w not in extra and _proper(w, spread, address=True)]
    if not extra or _parent_words(index, inst, extra):
        return found
    family = _namesakes(index, inst, own)
    fits = _fits(index, inst, family, own, extra)
    if fits:
        return _prefer(index, rules, found, fits, extra)
    if _college(home, here, extra) and not _joined(name, own) and not reader(index).entries(" ".join(here)):
        unit = " ".join(dict.fromkeys(here))
        note = (
            f"College: the string names {unit!r} besides {top.institution.name}; such a college, school or "
            "campus may be an institution of its own, which the registry does not list under this name."
        )
        return _downgrade(index, rules, found, note, _once(family), extra=extra)
    phrase = " ".join(own)
    campuses = _once([f for f in family if _campus(f[2], own, spread) and phrase in index.keys[f[1]]])
    if len(campuses) >= CAMPUSES and not any(w in BODY_WORDS for w in here):
        others = ", ".join(index.institutions[c].name for c, _n, _t in campuses[:LISTED])
        note = (
            f"Namesakes: {len(campuses)} other registered institutions are {top.name!r} and a place or "
            f"word of their own ({others}); the string's {' '.join(extra)!r} is on none of them, so it "
            "may denote one the registry lacks."
        )
        return _downgrade(index, rules, found, note, campuses, extra=extra)
    return found


def _place_like(words: Sequence[str]) -> bool:
    """A part of a few words, none an organisation, unit or street word but a university's or campus's:
    a place or a campus's name ("Raipur", "Daytona Beach Campus"; not "Division of Infection")."""
    return len(words) <= PLACE_WORDS and not any(w in _NOT_PLACE and w not in _OWN for w in words)


def _college(home: Sequence[str], here: Sequence[str], extra: Sequence[str]) -> bool:
    """``here`` (the words written beside the name found in its part ``home``) is a college's own
    name: proper words, then a college, campus or school word ("Lijiang College"; not "College of
    Physicians and Surgeons", "School of Dentistry", "Larner College of Medicine")."""
    if not any(w in extra for w in here) or not all(w in COLLEGE_WORDS or w in extra for w in here):
        return False
    at = next((i for i, w in enumerate(home) if w in COLLEGE_WORDS and w in here), None)
    return at is not None and all(w in home[:at] for w in here if w in extra)


def _unit_answered(m: Match) -> bool:
    """The affiliation reader found ``m``'s name in the string, but its parent, also named, answered."""
    return any(r.rule == "affiliation.unit" for r in m.explanation.results)


def _unit_whole(found: list[Match], unit: Match) -> list[Match]:
    """A unit whose registered name the one-part string carries whole beside its parent's is the MATCH.

    "Institute of Engineering Pulchowk Campus" names the campus by its full name: a name, not an
    affiliation string listing a unit and its university, where the university answers.
    """
    top = found[0]
    note = (
        f"Unit named whole: the string is one name carrying {unit.name!r}, a unit of {top.institution.name}, "
        "beside its parent's name: the unit is meant."
    )
    parent = demoted(top, note)
    chosen = attrs.evolve(
        unit, decision=Decision.MATCH, score=max(unit.score, top.score),
        explanation=unit.explanation.with_note(note, Decision.MATCH),
    )  # fmt: skip
    return [chosen, parent, *(m for m in found[1:] if m is not unit)]


def _proper(word: str, spread: WordSpread, *, address: bool = False) -> bool:
    """A word that says which body is meant: no organisation, field, common or subject word, no
    country, no number; in a part of its own (``address``), no state or province either."""
    if word in WEAK_TOKENS or any(c.isdigit() for c in word) or len(word) < 3:
        return False
    if spread.generic(word) or spread.subject(word):
        return False
    return country_of(word) is None and not (address and word in subdivision_countries())


def _acronyms(text: str) -> set[str]:
    """The words of ``text`` written as acronyms ("IAAM", "UDES"), normalised."""
    return {normalize_name(w) for w in _WORD.findall(text) if is_acronym(w)}


def _quoted(text: str, name: str) -> bool:
    """``name`` is written in quotes inside a longer ``text`` (a legal form around a name)."""
    m = _QUOTED.search(text)
    return m is not None and normalize_name(m.group(1)) == normalize_name(name)


def _joined(text: str, own: Sequence[str]) -> bool:
    """``text`` joins the name ``own`` to other words with "and" ("X College and Theological Seminary")."""
    return bool(_AND.search(text)) and any(normalize_name(p).split() == list(own) for p in _AND.split(text))


def _campus(theirs: frozenset[str], own: Sequence[str], spread: WordSpread) -> bool:
    """A namesake named as the name found plus a place or a proper word or two ("Amity University Rajasthan")."""
    more = theirs - set(own) - WEAK_TOKENS
    return 0 < len(more) <= 2 and all(not spread.generic(w) for w in more)


def _namesakes(index: Index, inst: int, own: Sequence[str]) -> list[tuple[int, int, frozenset[str]]]:
    """Names (institution, name id, words) of other institutions that carry ``own`` whole and more.

    Ancestors of ``inst`` are left out: a university's name is in its units' names, not the reverse.
    """
    words = set(own)
    rarest = min(words, key=lambda w: (index.count("t:" + w), w))
    if index.count("t:" + rarest) > FAMILY_POSTING:
        return []
    ancestors = reader(index).ancestors(inst)
    out = []
    for n in index.posting("t:" + rarest):
        c = index.name_inst[n]
        if c == inst or c in ancestors or index.acronyms[n] or n >= index.translated_from:
            continue
        theirs = frozenset(index.keys[n].split())
        if words < theirs and any(w not in WEAK_TOKENS and w not in ORG_KEYS for w in theirs - words):
            out.append((c, n, theirs))
    return sorted(out)


def _once(names: list[tuple[int, int, frozenset[str]]]) -> list[tuple[int, int, frozenset[str]]]:
    """The first name of each institution."""
    seen: set[int] = set()
    return [f for f in names if f[0] not in seen and not seen.add(f[0])]  # type: ignore[func-returns-value]


def _fits(
    index: Index, inst: int, family: list[tuple[int, int, frozenset[str]]], own: Sequence[str], extra: Sequence[str]
) -> list[tuple[int, int, str]]:
    """Institutions (with a name id and how) that the string's other words point to: a namesake
    carrying them in its name (or whose own other words they are) or as its city, or a unit or
    ROR-related institution of the MATCH whose name has them and is written in the string."""
    out: dict[int, tuple[int, str]] = {}
    wanted = set(extra)
    for c, n, theirs in family:
        if c not in out and _carries(theirs, own, extra):
            out[c] = (n, "in its name")
        elif c not in out and _city_words(index, c) <= wanted:
            out[c] = (n, "as its city")
    read = reader(index)
    said = wanted | set(own)
    for c in sorted(_relatives(index, inst)):
        if c not in out and any(wanted <= set(k.split()) and _written(k, said) for k in read.names_of(c)):
            _text, n = read.entry_of(c)
            if n >= 0:
                out[c] = (n, "as a unit or relative in the registry")
    return [(c, n, how) for c, (n, how) in out.items()]


def _written(key: str, said: set[str]) -> bool:
    """Every word of the name ``key`` but organisation words is among ``said``."""
    return all(w in said or w in WEAK_TOKENS or w in ORG_KEYS for w in key.split())


def _city_words(index: Index, c: int) -> frozenset[str]:
    """The words of institution ``c``'s city ("Amity University Chhatisgarh": Raipur); none: a set no string has."""
    return _city_name_words(index.institutions[c]) or frozenset(("",))


def _carries(theirs: frozenset[str], own: Sequence[str], extra: Sequence[str]) -> bool:
    """A namesake's name carries every word of ``extra``, or ``extra`` every word its name adds to ``own``."""
    wanted = set(extra)
    if wanted <= theirs:
        return True
    mine = theirs - set(own) - WEAK_TOKENS - ORG_KEYS
    return bool(mine) and mine <= wanted


def _parent_words(index: Index, inst: int, words: Sequence[str]) -> bool:
    """Every one of ``words`` is on a name of an ancestor of ``inst`` (ROR parent links): the string
    names the MATCH with its parent ("University of Ottawa LIFE Research Institute")."""
    read = reader(index)
    wanted = set(words)
    return any(any(wanted <= set(key.split()) for key in read.names_of(c)) for c in read.ancestors(inst))


def _prefer(
    index: Index, rules: RuleSet, found: list[Match], fits: list[tuple[int, int, str]], extra: Sequence[str]
) -> list[Match]:
    """One institution the string's other words point to is the MATCH, the name found POSSIBLE; several: all."""
    top = found[0]
    names = ", ".join(index.institutions[c].name for c, _n, _how in fits[:LISTED])
    words = " ".join(extra)
    if len(fits) == 1:
        how = fits[0][2]
        note = f"Namesake: the string's words {words!r} beyond {top.name!r} point to {names}, which carries them {how}."
        decision = Decision.MATCH
    else:
        note = (
            f"Ambiguous: the string's words {words!r} beyond {top.name!r} point to {len(fits)} institutions ({names})."
        )
        decision = Decision.POSSIBLE
    parent = demoted(top, note)
    rivals = [_listed(index, rules, top, (c, n), note, decision=decision) for c, n, _how in fits[:LISTED]]
    ids = {m.institution.id for m in rivals}
    rest = [m for m in found[1:] if m.institution.id not in ids]
    return [*rivals, parent, *rest] if decision is Decision.MATCH else [parent, *rivals, *rest]


def _downgrade(
    index: Index,
    rules: RuleSet,
    found: list[Match],
    note: str,
    family: list[tuple[int, int, frozenset[str]]],
    *,
    extra: Sequence[str],
) -> list[Match]:
    """The MATCH becomes POSSIBLE, followed by namesakes sharing the string's other words, if any."""
    top = found[0]
    parent = demoted(top, note)
    near = [(c, n) for c, n, theirs in family if theirs & set(extra)] or [(c, n) for c, n, _t in family]
    rivals = [_listed(index, rules, top, (c, n), note, decision=Decision.POSSIBLE) for c, n in near[:LISTED]]
    ids = {m.institution.id for m in rivals}
    return [parent, *rivals, *(m for m in found[1:] if m.institution.id not in ids)]


def _listed(index: Index, rules: RuleSet, top: Match, name: tuple[int, int], note: str, *, decision: Decision) -> Match:
    """Institution ``name[0]`` (by its name id ``name[1]``) as a candidate beside ``top``, explained by ``note``."""
    c, n = name
    score = top.score if decision is Decision.MATCH else RIVAL
    e = rules.compare(Profile.from_name(top.query), index.profile(n))
    e = attrs.evolve(e, score=score).with_note(note, decision)
    return Match(index.institutions[c], score, decision, e, index.texts[n], top.query)
