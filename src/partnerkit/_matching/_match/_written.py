"""Registered names found whole that do not settle which institution a string means.

The affiliation reader finds a registered name written in a string and answers its holder.
Three things it reads from the key (the normalised words) can make that answer a guess:

- **Written alike:** several institutions carry the name, and the reader picks the one whose
  name is written exactly as in the string. That settles "University of Freiburg" against
  "Universität Freiburg" (Fribourg's German name), whose words differ; it does not settle
  "Conseil régional de la Guadeloupe" against "Conseil Régional de Guadeloupe", written with
  the same words but for case, accents, an article or an apostrophe: both are POSSIBLE.
- **Numbered:** the string carries a number the name found lacks ("Université Lille 3" finds
  "Université de Lille") while another institution's name is the name found plus a number
  ("Université de Lille III"): numbered universities of one city are different
  institutions. Two different numbers ("Clermont 2" for "Clermont I") conflict outright.
- **Capitals dropped:** a registered name whose one-word key lost capitalised words to the
  stop words ("DER Security" -> "security", "AT&S" -> "s") is not that name unless the string writes
  those words ("Security" in "Safety, Security, and Quality Assurance" is not DER Security).

- **Another kind of university:** the key reads a university of applied sciences' own word
  ("Hochschule", "Fachhochschule", "ammattikorkeakoulu") as "university", so "Hochschule Ulm"
  finds "Universität Ulm". When one name writes such a word and the other a university word
  of a language (not the English "University", which translates both), they are two
  institutions of one city: "Hochschule Bielefeld" is not "Universität Bielefeld".

Each makes the MATCH POSSIBLE and lists the rivals, and the explanation says why. One more
check reads a name (a string of one part) the reader answered with the name it begins with:

- **Unlisted unit:** "Universidade do Minho Centro de Química", "University of Kansas
  Comprehensive Cancer Center": the registered name is followed by a unit's name with words
  of its own, the registry lists units under that institution (ROR children) but none by
  these words, and another registered body's name carries them ("The University of Kansas
  Cancer Center"): the string names a unit, not the institution; both are POSSIBLE.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from partnerkit._matching._affiliation import Hit, reader
from partnerkit._matching._index import Index
from partnerkit._matching._match._result import MAX_POSTING, Match, _place_words, demoted
from partnerkit._matching._spread import word_spread
from partnerkit._model import Institution
from partnerkit._names import ORG_KEYS, STOP_WORDS, country_of, fold, normalize_name
from partnerkit.rules import Decision, Profile, RuleSet
from partnerkit.rules._kinds import UniversityKind
from partnerkit.rules._profile import WEAK_TOKENS

_APOSTROPHES = re.compile(r"['’‘`´]")
_NUMERAL = re.compile(r"(?<![\w.&+-])(\d{1,2}|[IVX]{1,5})(?![\w.&+])")
_ROMAN = {"I": 1, "V": 5, "X": 10}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8}
_CAPITALS = re.compile(r"[A-Za-z]+")
_JOINS = frozenset(("and", "und", "et", "y", "e"))
#: At most this many rivals are listed beside a MATCH made POSSIBLE.
_LISTED = 3


def settle_found_names(
    index: Index,
    rules: RuleSet,
    text: str,
    found: list[Match],
    hits: Sequence[Hit],
    *,
    plain: bool,
    country: str | None = None,
) -> tuple[list[Match], list[Match]]:
    """``found`` (the reader's hits as matches, in the same order) with a guessed MATCH made POSSIBLE,
    and the rivals to list after them (POSSIBLE).

    See the module docstring. ``plain``: the string is a name (one part, no place but the
    caller's ``country``): only then are names written alike or numbered settled (in an
    affiliation string the reader's pick stands); with a ``country``, rivals are of that country.
    """
    out = list(found)
    for j, (m, h) in enumerate(zip(found, hits, strict=True)):
        if m.decision is not Decision.MATCH or h.name_id < 0 or index.acronyms[h.name_id]:
            continue
        part = h.part or text
        why, rivals = _written_alike(index, text, h) if plain else (None, [])
        if why is None and plain:
            why, rivals = _numbered(index, part, h)
        if why is not None and rivals and country is not None:
            rivals = [(c, n) for c, n in rivals if index.institutions[c].country == country]
            if not rivals:
                why = None  # the country hint settles the namesakes
        if why is None:
            why, rivals = _capitals_dropped(index, part, h) or _other_kind(index, part, h), []
        if why is None:
            continue
        out[j] = attrs.evolve(
            m, decision=Decision.POSSIBLE, score=min(m.score, 0.8),
            explanation=m.explanation.with_note(why, Decision.POSSIBLE),
        )  # fmt: skip
        listed = {x.institution.id for x in out}
        extra: list[Match] = []
        for c, n in rivals:
            inst = index.institutions[c]
            if inst.id in listed:
                continue
            e = rules.compare(Profile.from_name(part), index.profile(n)).with_note(why, Decision.POSSIBLE)
            extra.append(
                Match(
                    inst,
                    min(e.score, 0.8),
                    Decision.POSSIBLE,
                    attrs.evolve(e, decision=Decision.POSSIBLE),
                    index.texts[n],
                    part,
                )
            )
            listed.add(inst.id)
        return out, extra  # one MATCH per result: the first one settled is the answer's
    return out, []


#: Articles and prepositions a name is written with or without ("Conseil régional de la Guadeloupe").
_SMALL = frozenset({
    "the", "an", "la", "le", "les", "l", "el", "los", "las", "lo", "il", "gli", "der", "die", "das",
    "de", "del", "della", "di", "du", "des", "da", "do", "dos", "of", "for", "in",
})  # fmt: skip


def _surface(text: str) -> tuple[str, ...]:
    """A name's words as written, in order, but for case, accents, apostrophes, articles and prepositions."""
    return tuple(w for w in fold(_APOSTROPHES.sub("", text)).split() if w not in _SMALL)


def _holders(index: Index, name_id: int) -> list[tuple[int, int]]:
    """(institution, name id) of other institutions carrying a name with the words of ``name_id``."""
    inst = index.name_inst[name_id]
    return [
        (index.name_inst[n], n) for n in index.with_words(index.keys[name_id].split()) if index.name_inst[n] != inst
    ]


def _written_alike(index: Index, text: str, h: Hit) -> tuple[str | None, list[tuple[int, int]]]:
    if not any(r.rule == "affiliation.written_as_is" for r in h.explanation.results):
        return None, []
    mine = _surface(index.texts[h.name_id])
    active = h.institution.status == "active"
    # words beside the name that are the MATCH's own (its city, words of its other names:
    # "Kings University, Odeomu", "Department of Premier and Cabinet (Victoria)") settle namesakes without them
    beside = set(normalize_name(text).split()) - set(index.keys[h.name_id].split()) - ORG_KEYS - WEAK_TOKENS
    placed = beside & _own_words(h.institution)
    rivals: dict[int, int] = {}
    seen: set[int] = set()
    written = f" {fold(h.part or text)} "
    for c, n in _holders(index, h.name_id):
        other = index.institutions[c]
        if (active and other.status != "active") or (placed and not placed & _own_words(other)):
            continue
        if f" {fold(index.texts[n])} " in written:
            seen.add(c)  # the reader saw it written as is too and chose by other means
        elif _surface(index.texts[n]) == mine:
            rivals.setdefault(c, n)
    for c in seen:
        rivals.pop(c, None)
    if not rivals:
        return None, []
    names = ", ".join(dict.fromkeys(repr(index.texts[n]) for n in list(rivals.values())[:_LISTED]))
    why = (
        f"Written alike: {len(rivals)} other institution(s) carry the same name ({names}), written with "
        "the same words but for case, accents, articles or apostrophes; the writing does not tell them apart."
    )
    return why, list(rivals.items())[:_LISTED]


def _own_words(inst: Institution) -> frozenset[str]:
    """The words of an institution's names and places (its city also written as one word: "Ode-Omu")."""
    words = set(_place_words(inst))
    if inst.city:
        words.add("".join(fold(inst.city).split()))
    for n in (inst.name, *inst.aliases, *inst.labels.values()):
        words.update(normalize_name(n).split())
    return frozenset(words)


def _roman(token: str) -> int | None:
    if not token.isupper():
        return None
    values = [_ROMAN[c] for c in token]
    total = sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    return total if 0 < total <= 20 else None


def numerals(text: str) -> frozenset[int]:
    """The numbers written as words of a name: "Lille 3", "Paris III", "Clermont I" (not "e.V.", "AT&S").

    >>> sorted(numerals("Université Paris III, Sorbonne 3"))
    [3]
    >>> sorted(numerals("Institut für Ostrecht e.V."))
    []
    """
    out = set()
    for token in _NUMERAL.findall(text):
        value = int(token) if token.isdigit() else _roman(token)
        if value is not None and value > 0:
            out.add(value)
    folded = fold(text).split()
    out.update(v for w, v in _ORDINALS.items() if w in folded)
    return frozenset(out)


def _numbered(index: Index, part: str, h: Hit) -> tuple[str | None, list[tuple[int, int]]]:
    said = numerals(part)
    if not said:
        return None, []
    name = index.texts[h.name_id]
    inst = h.institution
    if any(numerals(other) & said for other in (inst.name, *inst.aliases, *inst.labels.values())):
        return None, []  # "INFN Roma I": the number is the MATCH's own, written in another of its names
    own = numerals(name)
    if own:
        if own & said:
            return None, []
        why = f"Numbered: the string writes {'/'.join(map(str, sorted(said)))}, the name found {name!r} another number."
        return why, []
    words = set(index.keys[h.name_id].split())
    rarest = min(words, key=lambda w: (index.count("t:" + w), w))
    mine = index.name_inst[h.name_id]
    rivals: dict[int, int] = {}
    for n in index.posting("t:" + rarest):
        c = index.name_inst[n]
        if c == mine or c in rivals or index.acronyms[n] or not words <= set(index.keys[n].split()):
            continue
        theirs = numerals(index.texts[n])
        if theirs and len(set(index.keys[n].split()) - words) <= 1:
            rivals[c] = n
    if not rivals:
        return None, []
    listed = sorted(rivals.items(), key=lambda cn: (not (numerals(index.texts[cn[1]]) & said), cn[0]))[:_LISTED]
    names = ", ".join(repr(index.texts[n]) for _, n in listed)
    why = (
        f"Numbered: the string writes {'/'.join(map(str, sorted(said)))} beside {name!r}, and the registry "
        f"numbers institutions of that name ({names})."
    )
    return why, listed


def _capitals_dropped(index: Index, part: str, h: Hit) -> str | None:
    key = index.keys[h.name_id].split()
    name = index.texts[h.name_id]
    if len(key) != 1 or name.isupper():
        return None
    dropped = [
        m.group()
        for m in _CAPITALS.finditer(name)
        if m.group().isupper()
        and fold(m.group()) in STOP_WORDS
        and (len(m.group()) > 1 or name[m.end() : m.end() + 1] == "-")  # "DER", "AT&S", "E-Associates"; not "U.S."
    ]
    said = set(fold(part).split())
    missing = [w for w in dropped if fold(w) not in said]
    if not missing:
        return None
    return f"Not written whole: the registered name {name!r} has {', '.join(missing)}, which the string does not write."


def unlisted_unit(index: Index, rules: RuleSet, text: str, found: list[Match], hits: Sequence[Hit]) -> list[Match]:
    """The top MATCH made POSSIBLE when the name found is followed by an unlisted unit's name (module docstring).

    For a string of one part, after the registry's own units were looked for (``_units_named``).
    """
    top = found[0] if found else None
    if top is None or top.decision is not Decision.MATCH:
        return found
    h = next((h for h in hits if h.institution.id == top.institution.id and h.name_id >= 0), None)
    if h is None or not any(
        r.rule == "affiliation.context" and r.text.startswith("followed by a unit") for r in h.explanation.results
    ):
        return found
    inst = index.ids.get(top.institution.id)
    if inst is None or not reader(index).children(inst):
        return found
    written = set(fold(index.texts[h.name_id]).split())
    after = next((w for w in fold(text).split() if w not in written), None)
    if after in _JOINS:
        return found  # "Louisiana State University and Agricultural and Mechanical College": one name
    own = set(index.keys[h.name_id].split()) | _place_words(top.institution)
    words = normalize_name(text).split()
    proper = [w for w in words if w not in own and w not in ORG_KEYS and w not in WEAK_TOKENS and not w.isdigit()]
    if not proper or country_of(" ".join(proper)) is not None:
        return found
    mine = frozenset(w for w in index.keys[h.name_id].split() if w not in ORG_KEYS and w not in WEAK_TOKENS)
    named = _bodies_with(index, inst, frozenset(proper), frozenset(words), mine)
    if not named:
        return found
    said = " ".join(dict.fromkeys(proper))
    names = ", ".join(dict.fromkeys(index.institutions[c].name for c, _ in named))
    why = (
        f"Unit: {said!r} after {index.texts[h.name_id]!r} names a unit, and another registered body carries "
        f"these words ({names}); none of the units the registry lists under {top.institution.name} does."
    )
    out = [demoted(top, why)]
    listed = {top.institution.id}
    q = Profile.from_name(text)
    for c, n in named:
        other = index.institutions[c]
        if other.id in listed:
            continue
        r = rules.compare(q, index.profile(n)).with_note(why, Decision.POSSIBLE)
        out.append(
            Match(
                other,
                0.7,
                Decision.POSSIBLE,
                attrs.evolve(r, decision=Decision.POSSIBLE, score=0.7),
                index.texts[n],
                text,
            )
        )
        listed.add(other.id)
    return [*out, *(m for m in found[1:] if m.institution.id not in listed)]


def _bodies_with(
    index: Index, inst: int, words: frozenset[str], written: frozenset[str], named: frozenset[str]
) -> list[tuple[int, int]]:
    """(institution, name id) of up to three other institutions with a name carrying all ``words``
    and either written whole in the string (its words among ``written``: "Centro de Química") or
    sharing a word of the name found (``named``: "The University of Kansas Cancer Center"). A
    descriptive name written whole ("Institute for Neuroscience") names no one body."""
    rarest = min(words, key=lambda w: (index.count("t:" + w), w))
    if not index.count("t:" + rarest) or index.count("t:" + rarest) > MAX_POSTING:
        return []
    out: dict[int, int] = {}
    spread = word_spread(index)
    for n in index.posting("t:" + rarest):
        c = index.name_inst[n]
        if c == inst or c in out or index.acronyms[n]:
            continue
        theirs = set(index.keys[n].split())
        if words <= theirs and ((theirs <= written and not spread.descriptive(theirs)) or theirs & named):
            out[c] = n
            if len(out) == _LISTED:
                break
    return list(out.items())


def _other_kind(index: Index, part: str, h: Hit) -> str | None:
    """Why the registered name found, ``h``, is another kind of university than ``part`` writes, or ``None``."""
    if not UniversityKind().value(Profile.from_name(part), index.profile(h.name_id)):
        return None
    return (
        f"Another kind of university: {part!r} and {index.texts[h.name_id]!r} are written with"
        " different university words (one of a university of applied sciences); they name two institutions."
    )
