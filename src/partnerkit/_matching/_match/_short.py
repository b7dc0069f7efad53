"""Short forms of registered names: a company without its legal words, a brand, a city beside a
name, a part of a name.

Evidence of the registry as a whole, like ``_unique``: each reading is taken only for the
top candidate of a query that found no MATCH, and only when no other institution's names
compete for it.
"""

from __future__ import annotations

import re

import attrs

from partnerkit._matching._index import Index
from partnerkit._matching._match._result import _place_words, own_place_words
from partnerkit._matching._match._unique import _unique_cover, holders_of
from partnerkit._model import InstitutionKind
from partnerkit._names import ORG_KEYS, SUBUNIT_WORDS, normalize_name, script_of
from partnerkit.rules import Profile
from partnerkit.rules._profile import distinctive_tokens, tokens_of

#: Words a company's registered name carries beside its name proper that tell its legal or
#: corporate form, not which company it is ("Shinnihon Corporation" -> company; "NMD Pharma A/S"
#: -> s; "Foo Sp. z o.o."). Legal forms such as Ltd or GmbH are dropped by normalisation already.
COMPANY_WORDS: frozenset[str] = frozenset({"company", "public", "kg", "llp", "slu", "ooo", "sp", "oo", "s"})
#: Words that tell a corporate form only in a company's name: elsewhere a group is a research group.
_GROUP_WORDS = frozenset({"group", "holding", "holdings"})
#: Any company's words, for finding rivals: "Menarini Group" competes for "Menarini".
_CORPORATE = COMPANY_WORDS | _GROUP_WORDS
#: A brand (the leading words of a company's name) needs a distinctive word this long.
_BRAND_WORD = 4
#: Where a registered name joins two parts ("Community Health Systems - Gadsden Regional Medical
#: Center", "Frontier Research Institute for Interdisciplinary Sciences, Tohoku University").
_PARTS = re.compile(r"\s+[-–—]\s+|,\s+|:\s+")


def short_form(index: Index, q: Profile, name: int, country: str | None) -> str | None:
    """Why query ``q`` is a short form of indexed ``name`` and names its institution, or ``None``.

    Three readings, first that holds wins:

    - the query is the name without its legal or company words ("Shinnihon" for "Shinnihon
      Corporation (Japan)"), and no other institution has a name that reads so;
    - the institution is a company and the query is the start of its name, the brand
      ("Amphastar" for "Amphastar Pharmaceuticals, Inc."), whose words no other institution carries;
    - the query is a name plus words of the institution's own city ("Neuroelectrics Barcelona"
      for Neuroelectrics in Barcelona) and, without them, names that institution alone
      (see ``_unique._unique_cover``);
    - the query is a part of the registered name (see :func:`name_part`).
    """
    if q.acronym is not None or not q.distinctive or q.generic:
        return None
    c = index.profile(name)
    if c.acronym is not None or not c.tokens:
        return None
    inst = index.name_inst[name]
    if q.tokens < c.tokens:
        extra = c.tokens - q.tokens
        company = index.institutions[inst].kind is InstitutionKind.COMPANY
        allowed = _CORPORATE if company else COMPANY_WORDS
        if extra <= allowed and not _rivals(index, q, inst, country, exact=True):
            words = ", ".join(sorted(extra))
            return (
                f"Same name: the registered name without its legal or company words ({words}),"
                " and no other institution's name reads so."
            )
        if company and _brand(index, q, name) and not _rivals(index, q, inst, country, exact=False):
            return (
                "Brand: the query is the start of the company's registered name,"
                " and no other institution's names carry its words."
            )
    return _city_beside(index, q, name, inst, country) or name_part(index, q, name, country)


def name_part(index: Index, q: Profile, name: int, country: str | None) -> str | None:
    """Why query ``q`` is a part of the registered ``name`` that names its institution alone, or ``None``.

    The rule "name part": the query is, word for word, one of the parts a separator sets apart
    in the registered name ("Gadsden Regional Medical Center" for "Community Health Systems -
    Gadsden Regional Medical Center", "Serviço Geológico do Brasil" for "Serviço Geológico do
    Brasil - CPRM"), or its last words after a leading name without organisation words (an
    acronym, a parent's or a person's name: "Jonsson Comprehensive Cancer Center" for "UCLA
    Jonsson Comprehensive Cancer Center", "New Jersey Medical School" for "Rutgers New Jersey
    Medical School"); and no other institution (in the hinted country) has a name carrying every
    distinctive word of the query. A name's first words are never read so: "Wuhan University"
    is not "Wuhan University of Technology". Words in front that name a body ("Institut de
    Recerca de l'Hospital de Sant Pau"), or a first part naming a unit ("Departamento de Empresa,
    Generalidad de Cataluña"), make the registered body a unit of the query's, not it. A lower
    candidate is read so too when the top one is not (``_one._part_below``).
    """
    if q.acronym is not None or not q.distinctive or q.generic or not q.tokens < frozenset(index.keys[name].split()):
        return None
    if q.tokens != tokens_of(q.text):
        return None  # a query read with translations or inflections is not the name's words as written
    text = index.texts[name]
    mine = q.key.split()
    parts = [normalize_name(p) for p in _PARTS.split(text)]
    how = None
    if len(parts) > 1 and q.key in parts:
        if q.key != parts[0] and SUBUNIT_WORDS & set(parts[0].split()):
            return None  # "Departamento de Empresa, Generalidad de Cataluña": a unit of the query's body
        how = "a part the registered name sets apart"
    else:
        words = index.keys[name].split()
        lead = words[: len(words) - len(mine)]
        if lead and words[len(lead) :] == mine and not any(w in ORG_KEYS for w in lead):
            how = f"the registered name without its leading {' '.join(lead)!r}"
    if how is None or not _alone(index, q.distinctive, index.name_inst[name], country):
        return None
    where = " in that country" if country else ""
    return f"Name part: the query is {how}, and no other institution{where} has a name carrying all its words."


def _alone(index: Index, words: frozenset[str], inst: int, country: str | None) -> bool:
    """Institution ``inst`` alone (in the hinted ``country``) has a name carrying every one of ``words``."""
    holders: set[int] | None = None
    for word in sorted(words, key=lambda t: (index.count("t:" + t), t)):
        found = holders_of(index, [word], country)
        holders = found if holders is None else holders & found
        if holders <= {inst}:
            break
    return holders == {inst}


def _brand(index: Index, q: Profile, name: int) -> bool:
    """``q``'s words, in order, start the name ``name``: a brand, written in the Latin script.

    A CJK brand is read through segment translations, whose first word may be another company's too.
    """
    if script_of(q.text) is not None or max(map(len, q.distinctive)) < _BRAND_WORD:
        return False
    words = q.key.split()
    return index.keys[name].split()[: len(words)] == words


def _rivals(index: Index, q: Profile, inst: int, country: str | None, *, exact: bool) -> bool:
    """Another institution (in the hinted country) has a name with all of ``q``'s distinctive words.

    With ``exact``, only a name whose words are the query's, company words aside, competes.
    """
    rarest = min(q.distinctive, key=lambda t: (index.count("t:" + t), t))
    countries = index.countries
    for i in index.posting("t:" + rarest):
        other = index.name_inst[i]
        if other == inst or (country is not None and countries[other] and countries[other] != country):
            continue
        words = frozenset(index.keys[i].split())
        if (words - _CORPORATE == q.tokens - _CORPORATE) if exact else q.distinctive <= words:
            return True
    return False


def _city_beside(index: Index, q: Profile, name: int, inst: int, country: str | None) -> str | None:
    """``q`` is a name plus words of the institution's city or country (in any language: "Adam Smith
    University of Liberia"), and the name alone is unique (``_unique_cover``)."""
    places = _place_words(index.institutions[inst]) | own_place_words(index.institutions[inst], q.key)
    c = index.profile(name)
    extra = q.distinctive - c.tokens
    if not extra or not extra <= places or not (q.distinctive - extra):
        return None
    rest = " ".join(w for w in q.key.split() if w not in extra)
    tokens = frozenset(rest.split())
    # the text as written stays: the checks that read its script or its readings see it
    why = _unique_cover(
        index, attrs.evolve(q, key=rest, tokens=tokens, distinctive=distinctive_tokens(tokens)), name, country
    )
    if why is None:
        return None
    return f"Place beside the name: {', '.join(sorted(extra))} is the institution's city or country. {why}"
