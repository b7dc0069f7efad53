"""Evidence of the registry as a whole: the only institution carrying the words or the acronym."""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs

from partnerkit._matching._index import Index
from partnerkit._matching._match._result import Match, _acronym_evidence, _place_words, own_place_words
from partnerkit._model import InstitutionKind
from partnerkit._names import (
    ORG_KEYS,
    country_of,
    fold,
    is_acronym,
    script_of,
)
from partnerkit.rules import Decision, Explanation, Profile, RuleSet
from partnerkit.rules._comparisons import AcronymScript, near_forms, unmatched_words
from partnerkit.rules._profile import tokens_of

#: Qualifiers an institution's name may carry beyond the query's words ("Hamm-Lippstadt
#: University of Applied Sciences" for "Hochschule Hamm-Lippstadt"). Field words such as
#: technology do count: "Wuhan University" is not "Wuhan University of Technology".
_QUALIFIERS = frozenset({"applied", "science"})
#: Organisation words are swapped ("college" for "university") only for a query with a distinctive word this long.
_SWAP_WORD = 4
#: Distinctive words a query in a non-Latin script needs, without a country hint, to be unique.
_FOREIGN_CORE = 2


#: A people's name is looked up in its country's name ("kazakh" in "kazakhstan") from this many letters.
_STEM = 4


def _longer_forms(word: str, words: frozenset[str]) -> list[str]:
    """The country names among ``words`` that begin with ``word`` ("kazakh" -> "kazakhstan"), sorted."""
    if len(word) < _STEM:
        return []
    return sorted(w for w in words if w.startswith(word) and w != word and country_of(w) is not None)


def holders_of(index: Index, forms: Iterable[str], country: str | None) -> set[int]:
    """The institutions with a name carrying one of the words ``forms``: those of the hinted
    ``country`` or of no country when there is a hint."""
    countries = index.countries
    return {
        index.name_inst[i]
        for form in forms
        for i in index.posting("t:" + form)
        if country is None or not countries[index.name_inst[i]] or countries[index.name_inst[i]] == country
    }


#: Organisation words a company's bare name takes ("IQuity Labs", "Nethermind Research"); others
#: name another body ("LEO Pharma Research Foundation" is not the company Leo Pharma).
_COMPANY_UNITS = frozenset({"company", "laboratory", "research"})
#: Words of a school or university: a registered body of another kind is not named by them.
_EDUCATION_WORDS = frozenset({"university", "college", "academy", "polytechnic", "school", "faculty"})


def _bare(index: Index, q: Profile, c: Profile, missing: frozenset[str], inst: int) -> bool:
    """The registered name ``c`` carries no organisation word at all ("Neuromatch", "Binaytara"),
    so the query's organisation words ``missing`` ("Neuromatch Academy", "Binaytara Foundation")
    say what kind of body it is, not which one: a query written as is in the Latin script (not
    read through translations), whose school or university word, if any, the registry's kind for
    the institution confirms ("Lundin yliopisto" is not the company Lundin)."""
    if c.tokens & ORG_KEYS or script_of(q.text) is not None or q.tokens != tokens_of(q.text):
        return False
    kind = index.institutions[inst].kind
    if kind is InstitutionKind.COMPANY:
        return missing <= _COMPANY_UNITS
    return not missing & _EDUCATION_WORDS or kind is InstitutionKind.EDUCATION


def _unique_cover(index: Index, q: Profile, name: int, country: str | None) -> str | None:
    """Why the query names the institution of indexed ``name`` and no other, or ``None``.

    Evidence of the registry as a whole, beyond the pair: every distinctive word of the
    query is in that name, the name's other distinctive words are only its city, its
    country or the qualifier "applied sciences", the query's organisation words (university,
    college, hospital...) are all in that name too (or, in a Latin-script query with a distinctive
    word of four letters or more, swapped for one the registry's institutions swap in their own
    names: "Belhaven College" for Belhaven University), a query in a non-Latin script without a
    country hint has at least two distinctive words, and no other institution (in the
    hinted country) has a name carrying all the query's distinctive words (a people's name
    that the name writes as its country, "Kazakh" for "Kazakhstan", is looked up in both forms).
    """
    if q.acronym is not None or not q.distinctive or q.generic:
        return None
    c = index.profile(name)
    if c.acronym is not None or not c.tokens:
        return None
    missing = (q.tokens - q.distinctive) - c.tokens
    swapped: list[tuple[str, str]] = []
    if missing and script_of(q.text) is None and max(map(len, q.distinctive)) >= _SWAP_WORD:
        # an organisation word the registry's institutions swap in their names ("college" / "university")
        swapped = [(w, o) for w in sorted(missing) for o in sorted(c.tokens - q.tokens) if (w, o) in index.org_swaps]
    bare = bool(missing) and _bare(index, q, c, missing, index.name_inst[name])
    if len({w for w, _ in swapped}) < len(missing) and not bare:
        return None
    core = q.distinctive - _QUALIFIERS
    # a transliterated word has no typos or stems to forgive ("jiaoyujigou" is not "jiaoyujigoushuichan")
    foreign = script_of(q.text) is not None
    if not core - ORG_KEYS or (core - c.distinctive if foreign else unmatched_words(core, c.distinctive)):
        return None
    if country is None and len(core) < _FOREIGN_CORE and foreign:
        return None  # one transliterated word is too weak a key without a hint
    inst = index.name_inst[name]
    extra = c.distinctive - q.distinctive
    if extra:
        # "applied sciences" as a whole: "of Science and Technology" is not "of Technology"
        places = _place_words(index.institutions[inst]) | own_place_words(index.institutions[inst], c.key)
        allowed = (_QUALIFIERS if "applied" in extra else frozenset()) | places
        if extra - allowed if foreign else unmatched_words(extra, q.distinctive, allowed):
            return None
    # a variant spelling is looked up in the name's form only beside a word the name writes alike
    anchored = len(core) > 1 and bool(core & c.distinctive)
    holders: set[int] | None = None
    # rarest first, ties by spelling: the loop stops once the words read single out one
    # institution, so the order must not depend on PYTHONHASHSEED
    for word in sorted(core, key=lambda t: (index.count("t:" + t), t)):
        # a word the name carries in another form ("kazakh" / "kazakhstan", a typo or variant spelling:
        # "karbala" / "kerbala") is looked up in that form too
        forms = [word]
        if not foreign and word not in c.distinctive:
            forms += _longer_forms(word, c.distinctive)
            if anchored:
                forms += near_forms(word, c.distinctive)
        found = holders_of(index, forms, country)
        holders = found if holders is None else holders & found
        if not holders or holders == {inst}:
            break
    if holders != {inst}:
        return None
    words = " ".join(sorted(core))
    where = " in that country" if country else ""
    swaps = "".join(f"; {w} for {o}, as institutions' names swap them" for w, o in dict(swapped).items())
    return f"Unique: the only institution{where} whose names carry every distinctive word ({words}){swaps}."


#: Acronyms shorter than this are never taken as unique: two letters name too many bodies.
_UNIQUE_ACRONYM = 3
#: With a country hint, an acronym of at least this many letters that is the initials of one
#: institution's name only (in that country) is unique too; three letters collide too often
#: with acronyms that are no one's initials (train: precision 0.96 at three letters, 0.99 at four).
_DERIVED_ACRONYM = 4


def _unique_acronym(index: Index, q: Profile, name: int, e: Explanation, country: str | None) -> str | None:
    """Why the acronym ``q`` names the institution of indexed ``name`` and no other, or ``None``.

    The registry writes the acronym for that institution ("ITMO") or, with a country hint
    and at least :data:`_DERIVED_ACRONYM` letters, it is the initials of one of its names or a
    distinctive word of one ("TOPAL" for "TOPAL: Outils et Optimisations ..."); no other
    institution (in the hinted country) carries it, written, as the initials of one of its
    names or, for a word, as a word of one; and an acronym in a non-Latin script is corroborated in that script
    (see ``foreign_script_acronym``).
    """
    if q.acronym is None or len(q.acronym) < _UNIQUE_ACRONYM:
        return None
    derived = country is not None and len(q.acronym) >= _DERIVED_ACRONYM
    evidence = ("same", "written", "derived", "word") if derived else ("same", "written")
    values = {r.value for r in e if r.value in evidence and r.weight is not None and r.weight > 0}
    if not values:
        return None
    if AcronymScript().value(q, index.profile(name)):
        return None
    inst = index.name_inst[name]
    if _acronym_rivals(index, q.acronym, inst, country):
        return None
    if values == {"word"} and (
        not _set_apart(q.acronym.lower(), index.texts[name])
        or holders_of(index, [q.acronym.lower()], country) != {inst}
    ):
        return None  # a word inside a name, or one another institution of the country has too
    where = " in that country" if country else ""
    if values == {"word"}:
        return f"Unique: the only institution{where} whose names carry this word, written in capitals."
    return f"Unique: the only institution{where} that carries this acronym, written or as its initials."


def _acronym_rivals(index: Index, acronym: str, inst: int, country: str | None, limit: int = 4) -> dict[int, int]:
    """Other institutions (in the hinted country) that carry ``acronym``: institution -> one name id.

    Written as an acronym, as the initials of one of their names, or as a whole name.
    """
    countries = index.countries
    out: dict[int, int] = {}
    for key in ("a:", "d:", "k:"):
        for i in index.posting(key + acronym):
            other = index.name_inst[i]
            if (
                other != inst
                and other not in out
                and (country is None or not countries[other] or countries[other] == country)
            ):
                out[other] = i
                if len(out) >= limit:
                    return out
    return out


def _acronym_read(index: Index, rules: RuleSet, name: str, found: list[Match], country: str | None) -> list[Match]:
    """An acronym read as a registered name ("MTC" for "MTC Co., Ltd.") is a MATCH only when it stands out.

    When another institution (in the hinted country) carries the acronym too, written or
    as its initials ("Military Technological College"), all are POSSIBLE.
    """
    if not found or found[0].decision is not Decision.MATCH or not is_acronym(name):
        return found
    q = Profile.from_name(name, country=country)
    if q.acronym is None:
        return found
    top = found[0]
    inst = index.ids.get(top.institution.id)
    if inst is None:
        return found
    rivals = _acronym_rivals(index, q.acronym, inst, country)
    if not rivals:
        return found
    names = ", ".join([top.institution.name, *(index.institutions[r].name for r in rivals)])
    many = f"{len(rivals) + 1}{' or more' if len(rivals) >= 4 else ''}"
    note = f"Ambiguous: {many} institutions carry this acronym ({names}); give a country or another hint."
    out = [
        attrs.evolve(top, decision=Decision.POSSIBLE, explanation=top.explanation.with_note(note, Decision.POSSIBLE))
    ]
    listed = {top.institution.id}
    for r, n in rivals.items():
        e = rules.compare(q, index.profile(n))
        if e.decision is Decision.NON_MATCH:
            continue
        e = e.with_note(note, Decision.POSSIBLE)
        out.append(Match(index.institutions[r], min(e.score, top.score), Decision.POSSIBLE, e, index.texts[n], name))
        listed.add(index.institutions[r].id)
    out.extend(m for m in found[1:] if m.institution.id not in listed)
    return out


#: Where a registered name sets a part apart: "TOPAL: Outils et Optimisations ...", "ISLA - Instituto ...".
_APART = re.compile(r"\s*(?::\s|\s[-–—]\s|[()])\s*")


def _set_apart(word: str, text: str) -> bool:
    """``word`` is the first part of the registered name ``text``, set apart by a separator (a
    team's or a body's short name before its description: "TOPAL: Outils et ..."), not a word
    inside a phrase ("MESA" in "Colorado Mesa University", "NYCU" in "NYCU Disaster Prevention
    ... Center") nor a parent named after a dash ("... Polytechnic - BRIN")."""
    parts = _APART.split(text)
    return len(parts) > 1 and fold(parts[0]).strip() == word


#: An acronym that a country hint alone makes a MATCH has at least this many letters.
_HINTED_ACRONYM = 3


def _acronym_in_country(index: Index, found: list[Match], country: str) -> list[Match]:
    """A two-letter acronym is not made a MATCH by a country hint alone.

    "CU" is carried by one registered institution of the country, but two letters name too
    many bodies, and the registry likely misses the country's other holders. (Requiring
    longer acronyms to be rare abroad too cost more right MATCHes than wrong ones on the
    held-out benchmark, so they are left to the other checks.)
    """
    top = found[0] if found else None
    if top is None or top.decision is not Decision.MATCH or not _acronym_evidence(top.explanation):
        return found
    q = Profile.from_name(top.query)
    if q.acronym is None or len(q.acronym) >= _HINTED_ACRONYM:
        return found
    note = (
        f"Ambiguous: the only holder of this acronym in {country}, but two letters name too many bodies;"
        " give a fuller name."
    )
    return [
        attrs.evolve(top, decision=Decision.POSSIBLE, explanation=top.explanation.with_note(note, Decision.POSSIBLE)),
        *found[1:],
    ]
