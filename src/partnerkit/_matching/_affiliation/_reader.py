"""The affiliation reader: registered names of a string, read with its parts (`_parts`), places
(`_places`) and acronyms (`_acronyms`)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from partnerkit._matching._affiliation._acronyms import (
    acronym_hit,
    acronym_with_place,
    explained_by_acronym,
    own_acronym,
)
from partnerkit._matching._affiliation._choose import choose, units_of_others
from partnerkit._matching._affiliation._model import Found, Hints, Hit, Reading
from partnerkit._matching._affiliation._parts import (
    _AND,
    _DIGITS,
    _EV,
    _RELATION,
    acronym_words,
    and_pieces,
    connector_before,
    join_parts,
    relations,
    run_context,
    spans,
    unglue,
)
from partnerkit._matching._affiliation._places import address_tail, place, place_agrees
from partnerkit._matching._affiliation._schools import schools
from partnerkit._matching._index import _TYPES, Index, kept
from partnerkit._matching._spread import word_spread
from partnerkit._model import NameType, RelationType
from partnerkit._names import (
    Part,
    country_of,
    fold,
    is_acronym,
    normalize_name,
    parse_name,
    split_affiliation,
    subdivision_countries,
    tokens,
)

__all__ = ["AffiliationReader", "reader"]

#: A registered organisation with this many members of its kind that carry its name is a system.
_MEMBERS = 3
#: A part's rarest word must be on at most this many names for the rules to look at it.
_FUZZY_POSTING = 5_000
#: A word of an organisation's kind written after its registered name, and that kind.
_KIND_WORDS = {"university": "education", "college": "education", "hospital": "healthcare"}
#: Words that head the name of an organisation or a unit of one ("... Hospital", "Institute of ...").
_HEAD_WORDS = frozenset(
    (
        "university", "academy", "polytechnic", "college", "institute", "hospital", "centre", "foundation",
        "society", "department", "faculty", "laboratory", "school", "division", "clinic", "museum",
        "library", "agency", "ministry", "council", "company", "observatory", "association", "station",
    )
)  # fmt: skip
#: "Institute of ...", "Centre for ...": a head word and the subject it is of.
_OF_SUBJECT = re.compile(r"^\s*(?:the\s+)?\S+\s+(?:of|for|on|de|d'|für|fuer|di|del|des|du|voor|per)\s", re.I)
#: Words of universities of applied sciences (and university colleges) that the organisation-word
#: table reads as "university", as written (folded).
_APPLIED = frozenset(
    (
        "fachhochschule",
        "hochschule",
        "hogeschool",
        "hogskola",
        "hogskolan",
        "hoegskole",
        "hogskole",
        "ammattikorkeakoulu",
    )
)
#: Words of a medical unit (normalised: "Medicine" reads "medical").
_MEDICAL = frozenset(("medical",))
#: Words that make a name a university's own rather than a short form of it.
_OWN = frozenset(("university", "college"))


def reader(index: Index) -> AffiliationReader:
    """The affiliation reader of ``index``, built on first use and kept with the index."""
    return kept(index, "affiliation_reader", AffiliationReader, AffiliationReader)


class AffiliationReader:
    """Reads affiliation strings against the names of an :class:`Index` (no second name index).

    Registered names are looked up through the index's own posting lists (the ``k:`` key
    of a name's words); what is added here is registry-wide context: cities, parent links
    and which words are too common to name anything alone.
    """

    def __init__(self, index: Index) -> None:
        self.index = index
        self.institutions = index.institutions
        by_id = index.ids
        self._cities: dict[str, set[str]] = {}
        self._parents: list[tuple[int, ...]] = []
        self._city_of: list[str] = []  # each institution's city, normalised
        parent = RelationType.PARENT.value
        related = RelationType.RELATED.value
        self._links: dict[int, set[int]] = {}  # ROR "related" links, both ways
        # plain field values: reading a loaded registry's places makes no Institution objects
        self._kind: list[str] = []  # each institution's kind (the InstitutionKind value)
        for city, country, rels, kind in self.institutions.plain("city", "country", "relationships", "kind"):
            self._kind.append(kind)
            if city:
                self._cities.setdefault(normalize_name(city), set()).update({country} if country else ())
            self._city_of.append(normalize_name(city) if city else "")
            self._parents.append(tuple(by_id[r] for t, r, _label in rels if t == parent and r in by_id))
            for t, r, _label in rels:
                if t == related and r in by_id:
                    self._links.setdefault(len(self._parents) - 1, set()).add(by_id[r])
                    self._links.setdefault(by_id[r], set()).add(len(self._parents) - 1)
        self._cities.pop("", None)
        self._children: dict[int, list[int]] = {}
        for i, ps in enumerate(self._parents):
            for p in ps:
                self._children.setdefault(p, []).append(i)
        self._child_words: dict[int, tuple[str, ...]] = {}
        self._names_of: dict[int, tuple[str, ...]] = {}
        spread = word_spread(index)  # generic and subject words: one notion with Registry.match
        self._generic = spread.generic
        self._subject = spread.subject
        self._entry_cache: dict[str, list[tuple[int, NameType, str, int]]] = {}
        self._qualifiers: dict[int, tuple[tuple[str, ...], bool]] = {}  # name id -> bracketed words, applied?
        self._ancestors_cache: dict[int, frozenset[int]] = {}
        self._short: dict[str, set[tuple[int, int]]] | None = None
        self._last_address: tuple[str | None, int] = (None, 0)  # places_in's last answer (no hints)
        subdivision_countries()  # build the gazetteers now, not on the first string
        country_of("")

    # --- the index's names -------------------------------------------------------------------

    def entries(self, key: str) -> list[tuple[int, NameType, str, int]]:
        """(institution, name type, name as written, name id) of every full name whose normal form is
        ``key`` (an institution may hold several: "Universidad de X" and "University of X")."""
        got = self._entry_cache.get(key)
        if got is not None:
            return got
        index = self.index
        out: list[tuple[int, NameType, str, int]] = []
        for n in index.posting("k:" + " ".join(sorted(set(key.split())))):
            if index.keys[n] == key and not index.acronyms[n] and n < index.translated_from:
                out.append((index.name_inst[n], _TYPES[index.types[n]], index.texts[n], n))
        if len(self._entry_cache) > 200_000:
            self._entry_cache.clear()
        self._entry_cache[key] = out
        return out

    def university_of(self, words: tuple[str, ...]) -> tuple[int, str, int] | None:
        """The one active university (institution, name as written, name id) that ``words`` name
        short of "University" ("yale") or short of its city ("washington university"), if any."""
        if self._short is None:
            self._short = {}
            index = self.index
            for n in range(index.translated_from):
                inst = index.name_inst[n]
                city = self._city_of[inst]
                key = index.keys[n]
                if city and self._kind[inst] == "education" and not index.acronyms[n] and key.endswith(" " + city):
                    short = key[: -len(city) - 1]
                    if " " in short and set(short.split()) & _OWN:
                        self._short.setdefault(short, set()).add((inst, n))
        key = " ".join(words)
        got = {(e[0], e[3]) for e in self.entries(key if set(words) & _OWN else key + " university")}
        got |= self._short.get(key, set())
        cands = {c for c, _n in got if self._kind[c] == "education" and self.institutions[c].status == "active"}
        if len(cands) != 1:
            return None
        c = cands.pop()
        n = min(n for i, n in got if i == c)
        return c, self.index.texts[n], n

    # --- relationships ---------------------------------------------------------------------

    def ancestors(self, i: int) -> frozenset[int]:
        """Every parent, grandparent... of institution ``i`` (ROR ``parent`` links)."""
        cached = self._ancestors_cache.get(i)
        if cached is not None:
            return cached
        out: set[int] = set()
        todo = list(self._parents[i])
        while todo:
            j = todo.pop()
            if j not in out and j != i:
                out.add(j)
                todo.extend(self._parents[j])
        result = frozenset(out)
        self._ancestors_cache[i] = result
        return result

    def children(self, i: int) -> Sequence[int]:
        """The institutions whose ROR ``parent`` link points to institution ``i``."""
        return self._children.get(i, ())

    def related(self, i: int, j: int) -> bool:
        return i == j or i in self.ancestors(j) or j in self.ancestors(i)

    def linked(self, i: int, j: int) -> bool:
        """``i`` and ``j`` are one tree (parent links) or ROR lists them as related."""
        return self.related(i, j) or j in self._links.get(i, ())

    # --- the reading -----------------------------------------------------------------------

    def find(self, text: str, country: str | None = None, city: str | None = None) -> list[Hit]:
        """The organisations ``text`` names, best first (see the module docstring).

        ``country`` (an ISO code) and ``city`` are hints given by the caller; they count as
        if the string named them.
        """
        return self.read(text, country, city).hits

    def read(self, text: str, country: str | None = None, city: str | None = None) -> Reading:
        """Like :meth:`find`, with the parts that named nothing and the string's places."""
        text = unglue(self, text)
        parts = split_affiliation(text)
        hints = Hints()
        if country:
            hints.countries.add(country)
            hints.texts.append(country)
        if city:
            key = normalize_name(city)
            hints.cities.add(key)
            hints.soft.update(self._cities.get(key, ()))
            hints.texts.append(city)
        hints.words.update(t for p in parts for t in p.tokens)
        orgs: list[Part] = [p for p in join_parts(self, parts, text) if not place(self, p, hints)]
        for part in orgs:
            address_tail(self, part, hints)
        found: dict[int, Found] = {}
        rejected: dict[int, Found] = {}
        pieces: list[Part] = []
        lone: list[Part] = []  # acronyms written with a place in one part
        for part in orgs:
            hit = False
            for start, end, key in spans(self, part.tokens):
                hit = self._name_hit(part, start, end, key, hints=hints, found=found, rejected=rejected) or hit
            if not hit and not part.subunit and len(part.tokens) > 1 and not self._descriptive(part.tokens):
                # "Purdue University" short of its city; "Copenhagen University" in another order
                # (not "College of Engineering", "Life Sciences Centre": names of common words)
                hit = bool(set(part.tokens) & _OWN) and self._short_of_city(part, hints, found)
                hit = hit or self._reordered(part, hints, found)
            if not hit and _AND.search(part.text):
                pieces.extend(self._organisations(and_pieces(part)))
            elif not hit and (acro := acronym_with_place(self, part, hints)) is not None:
                lone.append(acro)
        for part in pieces:
            for start, end, key in spans(self, part.tokens):
                if all(self._generic(t) for t in key.split()):
                    continue  # "... Research and Engineering Laboratory": a common name cut out of a longer one
                self._name_hit(part, start, end, key, hints=hints, found=found, rejected=rejected)
        if any(_RELATION.match(p.text) for p in orgs):
            relations(orgs, pieces, found)
        for part in orgs:
            if len(part.tokens) == 1 and len(parts) > 1 and is_acronym(part.text):  # a lone acronym: the rules
                acronym_hit(self, part, hints, found)
        for part in lone:
            acronym_hit(self, part, hints, found)
        if not any(f.decided == "match" for f in found.values()):
            schools(self, orgs, pieces, hints, found)
        units_of_others(self, orgs, found)
        named = {f.part for f in found.values()} | {f.part for f in rejected.values()}
        rest = tuple(p.text for p in orgs if p.text not in named and not p.subunit and len(p.tokens) > 1)
        return Reading(choose(self, text, found, rejected), rest, hints, len(parts))

    def _reordered(self, part: Part, hints: Hints, found: dict[int, Found]) -> bool:
        """ "Copenhagen University" for "University of Copenhagen": a part that is one
        organisation's registered name with its words in another order, where no place of the
        string says otherwise (namesakes in either order, "York University" and "University
        of York", are both registered and found as written)."""
        index = self.index
        key = " ".join(part.tokens)
        names = [
            n
            for n in index.posting("k:" + " ".join(sorted(set(part.tokens))))
            if not index.acronyms[n] and n < index.translated_from and len(index.keys[n].split()) == len(part.tokens)
        ]
        insts = {index.name_inst[n] for n in names}
        if len(insts) != 1 or self.entries(key):
            return False
        c = insts.pop()
        if self.institutions[c].status != "active" or self._starts_other(key, c):
            return False  # "Washington University": also "Washington University in St. Louis" as written
        if (hints.countries or hints.soft or hints.cities) and not self._placed(c, hints):
            return False
        n = names[0]
        reasons = [
            ("name", f"{part.text!r} is {index.texts[n]!r} with its words in another order"),
            ("context", "whole part"),
        ]
        if self._placed(c, hints):
            reasons.append(("place", f"{', '.join(hints.texts)} agrees"))
        self._put(found, Found(c, 0.9, reasons, "match", index.texts[n], part.text, n))
        return True

    def _organisations(self, pieces: list[Part]) -> list[Part]:
        """The pieces of a part cut at "and", "&" or "/" that read as organisations of their own.

        A piece of common or subject words only, with no word that heads a name ("Life
        Sciences", "Forestry Applications"), is none; nor is a piece ending in such words before
        one ("Centre for Ecological Research and Forestry Applications", "Institute of Anatomy
        and Cell Biology": one name with "and" in it), unless a place ends it ("University of
        Bremen and Life Sciences")."""
        headed = [bool(set(p.tokens) & _HEAD_WORDS) or is_acronym(p.text) for p in pieces]
        own = [h or not self._descriptive(p.tokens) for h, p in zip(headed, pieces, strict=True)]
        return [
            p
            for i, p in enumerate(pieces)
            if own[i]
            and (
                i + 1 == len(pieces)
                or headed[i + 1]
                or (own[i + 1] and not _OF_SUBJECT.match(p.text))
                or p.tokens[-1] in self._cities
            )
        ]

    def _descriptive(self, words: Sequence[str]) -> bool:
        """Every word is a common one or a subject's."""
        return all(self._generic(t) or self._subject(t) for t in words)

    def _starts_other(self, key: str, c: int, *, namesakes: bool = False) -> bool:
        """A registered name of another institution than ``c`` starts with the words ``key``
        (with ``namesakes``: only one of ``c``'s kind outside its family, as another campus is)."""
        index = self.index
        rare = min(key.split(), key=lambda t: index.count("t:" + t))
        for n in index.posting("t:" + rare):
            o = index.name_inst[n]
            if o == c or not index.keys[n].startswith(key + " "):
                continue
            if not namesakes or (self._kind[o] == self._kind[c] and not self.related(o, c)):
                return True
        return False

    def _longer(self, key: str, c: int, hints: Hints) -> tuple[int, str, int] | None:
        """The one active organisation (with its name as written and name id) other than ``c`` whose
        registered name is ``key`` and more words, at least one of them distinctive, all written in
        the string; None if none or several."""
        index = self.index
        words = set(key.split())
        rare = min(words, key=lambda t: index.count("t:" + t))
        got: dict[int, int] = {}
        for n in index.posting("t:" + rare):
            o = index.name_inst[n]
            if index.acronyms[n] or n >= index.translated_from or not index.keys[n].startswith(key + " "):
                continue
            extra = set(index.keys[n].split()) - words
            if extra <= hints.words and not all(self._generic(t) for t in extra):
                got.setdefault(o, n)
        if len(got) != 1:
            return None
        o, n = got.popitem()
        if o == c or self.institutions[o].status != "active" or c in self.ancestors(o):
            return None  # (a unit's name extending its parent's: the family rules weigh the two)
        return o, index.texts[n], n

    def _medical_member(self, key: str, c: int, hints: Hints) -> tuple[int, str, int] | None:
        """ "University of Maryland School of Medicine": a medical unit of a system's short name
        (``key`` begins the names of ``c`` and of its sister members) is the member's that
        ROR relates to a hospital bearing that name (the system's medical campus)."""
        if not _MEDICAL & hints.words or self._city_of[c] in hints.cities:
            return None
        kind = self._kind[c]
        words = key.split()
        for p in self._parents[c]:
            members = [
                m
                for m in self._children.get(p, ())
                if self._kind[m] == kind
                and self.institutions[m].status == "active"
                and any(n.startswith(key + " ") for n in self.names_of(m))
            ]
            if c not in members or len(members) < 2:
                continue
            clinical = [
                m
                for m in members
                if any(
                    self._kind[h] == "healthcare" and any(all(w in n.split() for w in words) for n in self.names_of(h))
                    for h in self._links.get(m, ())
                )
            ]
            if len(clinical) == 1 and clinical[0] != c:
                written, name_id = self._entry_of(clinical[0])
                return clinical[0], written, name_id
        return None

    def _short_of_city(self, part: Part, hints: Hints, found: dict[int, Found]) -> bool:
        """ "Purdue University" for "Purdue University West Lafayette": a part that is one
        university's registered name short of its city (and no other place contradicts)."""
        got = self.university_of(part.tokens)
        if got is None:
            return False
        c, name, name_id = got
        if (hints.countries or hints.soft or hints.cities) and not self._placed(c, hints):
            return False
        if hints.cities and self._city_of[c] not in hints.cities:
            return False  # "ICFAI University, Jaipur": the string names another city than its own
        if self._starts_other(" ".join(part.tokens), c, namesakes=True):
            return False  # "Cihan University": "Cihan University - Duhok" extends the name as well
        reasons = [("name", f"{part.text!r} is {name!r} short of its city"), ("context", "whole part")]
        self._put(found, Found(c, 0.93, reasons, "match", name, part.text, name_id))
        return True

    def nearby_names(self, text: str, reading: Reading, limit: int = 64) -> list[int]:
        """Names (ids) that share the rarest word of ``text`` and sit where the string says.

        The candidates of the rules for a part that named nothing registered: blocking by
        a distinctive word and by place keeps them few.
        """
        index = self.index
        words = [t for t in dict.fromkeys(tokens(text)) if not self._generic(t)]
        counts = [(index.count("t:" + t), t) for t in words]
        counts = [c for c in counts if c[0]]
        if not counts:
            return []
        n, rarest = min(counts)
        if n > _FUZZY_POSTING:
            return []
        out: list[int] = []
        for name in index.posting("t:" + rarest):
            if not index.acronyms[name] and self.placed(index.name_inst[name], reading):
                out.append(name)
                if len(out) >= limit:
                    break
        return out

    def placed(self, c: int, reading: Reading) -> bool:
        """Institution ``c`` is where the string says: its city if one is named, else its country."""
        inst = self.institutions[c]
        hints = reading.hints
        if hints.cities:
            return self._city_of[c] in hints.cities
        return bool(inst.country) and inst.country in hints.countries | hints.soft

    def _name_hit(
        self,
        part: Part,
        start: int,
        end: int,
        key: str,
        *,
        hints: Hints,
        found: dict[int, Found],
        rejected: dict[int, Found],
    ) -> bool:
        """Record the organisations a run of a part names; False if the run does not count."""
        context = run_context(self, part.tokens, start, end, hints.tails.get(part.text, len(part.tokens)))
        entries = [e for e in self.entries(key) if self.written_for(e[3], part.text, hints)]
        cands = sorted({e[0] for e in entries})
        if context is None and start == 0 and 0 < len(part.tokens) - end <= 3 and " " in key:
            # "Instituto de Física ... Complejos IFISC", "Universidad de Antioquia U de A": a name
            # followed by its own acronym (or initials written apart)
            own = own_acronym(self, part, end, cands)
            if own is not None:
                cands, context = own
        role = 0
        conn = connector_before(part, start) if context is None and start > 0 and " " in key else None
        if conn is not None and (
            conn == "at" or all(self._generic(t) or self._subject(t) for t in part.tokens[:start])
        ):
            # "Assistant Professor at X", "Electrical Engineering of X": a role at X or a subject's unit of X
            rest = run_context(self, part.tokens[start:], 0, end - start, len(part.tokens) - start)
            if rest is not None:
                role = start  # the words before are no place of the name's
                lead = " ".join(part.tokens[:start])
                context = f"after {lead!r} {conn}" + ("" if rest == "whole part" else f", {rest}")
        if context is None and start == 0 and end == len(part.tokens) - 1 and part.tokens[end] in _KIND_WORDS:
            # "Jamia Hamdard University": the registered name without the word of its kind
            kind = _KIND_WORDS[part.tokens[end]]
            cands = [c for c in cands if self._kind[c] == kind]
            if cands:
                context = f"followed by the word of its kind ({part.tokens[end]})"
        others: frozenset[str] = frozenset()
        if context is None and " " in key:
            # "Sorbonne University INSERM CNRS", "CONICET Universidad de Buenos Aires": other
            # bodies' acronyms or unit codes beside the name do not bury it
            others = acronym_words(part) - set(part.tokens[start:end])
            if others:
                context = run_context(self, part.tokens, start, end, len(part.tokens), others=others)
            if context is not None and (named := explained_by_acronym(self, key, others, cands)):
                # "CEITEC Masaryk University": the acronym and the name are one body's, not two
                self._acronym_body(part, key, named, cands, found)
                return True
        if context is not None and context.startswith("followed by a legal form"):
            if part.tokens[end:] != (_EV,):
                # "Honeywell International Inc": a company's own word, not a common one ("Power Group Ltd")
                if " " not in key and (self._generic(key) or self._subject(key)):
                    return False
                cands = [c for c in cands if self._kind[c] == "company"]
                if not cands:
                    return False
        elif context is None or (context != "whole part" and " " not in key):
            return False  # a lone registered word among other words is not a name
        places = [w for w in (*part.tokens[role:start], *part.tokens[end:]) if not _DIGITS.match(w) and w not in others]
        if "acronym" in context or "relation" in context or "legal form" in context or "its kind" in context:
            places = []
        beside = bool(places) and "unit" not in context
        if beside:
            # "Jiaxing Center for Disease Control", "University of North Carolina": a place
            # beside the name must be the organisation's, else the run is not that name.
            cands = [c for c in cands if place_agrees(self, c, places)]
            if not cands:
                return False
        base = [("name", f"{part.text!r} is a registered name ({key!r})"), ("context", context)]
        active = [c for c in cands if self.institutions[c].status == "active"]
        if active and len(active) < len(cands):
            cands = active
        if hints.countries:
            agree = [c for c in cands if self.institutions[c].country in hints.countries]
            if not agree:
                for c in cands:
                    inst = self.institutions[c]
                    why = f"the string names {'/'.join(sorted(hints.countries))}, the registry {inst.country}"
                    name = next(e[2] for e in entries if e[0] == c)
                    rejected.setdefault(
                        c, Found(c, 0.0, [*base, ("country conflict", why)], "non_match", name, part.text)
                    )
                return True
            if len(agree) < len(cands) or len(cands) == 1:
                base.append(("country", f"{'/'.join(sorted(hints.countries))} agrees"))
            cands = agree
        if len(cands) > 1 and (hints.cities or hints.soft):
            near = [c for c in cands if self._city_of[c] in hints.cities]
            if not near:
                near = [c for c in cands if self.institutions[c].country in hints.soft]
            if near and len(near) < len(cands):
                base.append(("place", f"{', '.join(hints.texts)} settles {len(cands)} namesakes"))
                cands = near
        if len(cands) > 1:
            # "University of Freiburg" (and not "Universität Freiburg", Fribourg's German name),
            # "Institut Pasteur" (not "Instituto Pasteur"): the one whose name is written as is
            # (their display names first: "Universidad de Los Andes" over another's Spanish label)
            written = f" {fold(part.text)} "
            as_is = [e for e in entries if e[0] in cands and f" {fold(e[2])} " in written]
            shown = {e[0] for e in as_is if e[1] is NameType.DISPLAY}
            exact = sorted(shown if len(shown) == 1 else {e[0] for e in as_is})
            if len(exact) == 1:
                base.append(("written as is", "the only one with this name as written, not read through another form"))
                cands = exact
        if len(cands) > 1:
            main = sorted({e[0] for e in entries if e[0] in cands and e[1] is not NameType.ALIAS})
            if len(main) == 1:
                base.append(("name type", "the only one with this as its name rather than an alias"))
                cands = main
        if len(cands) > 1:
            # "Lockheed Martin": the company and its national branches share the name; the root answers
            # (not when one of them is the name's own holder: "University of Minnesota", the campus)
            root = [c for c in cands if all(c in self.ancestors(o) for o in cands if o != c)]
            display = {e[0] for e in entries if e[0] in cands and e[1] is NameType.DISPLAY}
            if len(root) == 1 and (root[0] in display or not display):
                base.append(("family", f"the parent of its {len(cands) - 1} namesakes (ROR parent links)"))
                cands = root
        if len(cands) == 1 and not any(e[1] is NameType.DISPLAY for e in entries):
            # "University of Illinois ..., Chicago", "Queens College ..., CUNY": a name its holder
            # bears only as an alias or label, that another registered name extends with words the
            # string writes, is that name written apart
            longer = self._longer(key, cands[0], hints) or self._medical_member(key, cands[0], hints)
            if longer is not None:
                o, written, name_id = longer
                why = f"{written!r} extends it with words the string writes"
                reasons = [*base, ("longer name", why)]
                self._put(found, Found(o, 0.9, reasons, "match", written, part.text, name_id))
                return True
        located = bool(hints.countries or hints.cities or hints.soft)
        words = key.split()
        generic = all(self._generic(t) for t in words)
        descriptive = self._descriptive(words)
        for c in cands:
            reasons = list(base)
            decided = "match"
            score = 0.97 if context == "whole part" else 0.93
            short = not any(e[0] == c and e[1] is NameType.DISPLAY for e in entries)
            members = self._members(c, words) if len(cands) == 1 and short else []
            if members:
                picked = [m for m in members if set(self._child_words[m]) <= hints.words]
                if not picked:
                    picked = [m for m in members if self._placed(m, hints)]
                if len(picked) == 1:
                    reasons.append(
                        (
                            "system member",
                            f"names the system; the place picks its member {self.institutions[picked[0]].name}",
                        )
                    )
                    written, name_id = self._entry_of(picked[0])
                    self._put(found, Found(picked[0], 0.9, reasons, "match", written, part.text, name_id))
                    return True
                decided = "possible"
                score = 0.6
                names = ", ".join(self.institutions[m].name for m in members[:4])
                reasons.append(("system", f"names a system of {len(members)} members ({names}...); not which one"))
            elif len(cands) > 1:
                decided = "possible"
                score = 0.6
                holders = ", ".join(self.institutions[o].name for o in cands[:5])
                reasons.append(
                    ("ambiguous", f"Ambiguous: {len(cands)} organisations have this name ({holders}); give a place")
                )
            elif (
                generic
                and not beside
                and not (
                    self.institutions[c].country in hints.countries | hints.soft or self._city_of[c] in hints.cities
                )
            ):
                decided = "possible"
                score = 0.6
                reasons.append(("generic name", "every word is common; no place in the string agrees"))

            elif part.subunit and not located and (descriptive or not context.startswith("after a unit")):
                # (a distinctive name after the unit's words is the unit's body: "Division of X de la
                # Universidad de Guanajuato"; a descriptive one may be the unit: "Dept. of Molecular Microbiology")
                decided = "possible"
                score = 0.7
                reasons.append(("unit-like", "the part reads as a sub-unit and no place agrees"))
            mine = [e for e in entries if e[0] == c]
            entry = next((e for e in mine if e[1] is not NameType.ALIAS), mine[0])
            loose = decided == "match" and descriptive and not beside and not self._placed(c, hints)
            self._put(found, Found(c, score, reasons, decided, entry[2], part.text, entry[3], loose))
        return True

    def written_for(self, n: int, text: str, hints: Hints) -> bool:
        """Registered name ``n`` may be what ``text`` (a part of a string with places ``hints``)
        writes.

        The string carries the words the name has in brackets to tell it from a namesake
        ("University of Frankfurt (Oder)", "Indian Institute of Technology (Banaras Hindu
        University)"; acronyms, countries, states and common words in brackets tell nothing
        apart: the string's places are weighed as places), and a name written with a word of a
        university of applied sciences ("Fachhochschule Kiel", read as "University Kiel") is not
        read from a string that writes none ("University at Kiel").
        """
        got = self._qualifiers.get(n)
        if got is None:
            written = self.index.texts[n]
            words: tuple[str, ...] = ()
            if "(" in written or "[" in written:
                words = tuple(
                    t
                    for inner in parse_name(written).aliases
                    if country_of(fold(inner)) is None and fold(inner) not in subdivision_countries()
                    for t in tokens(inner)
                    if not self._generic(t)
                )
            got = self._qualifiers[n] = (words, bool(_APPLIED.intersection(fold(written).split())))
        words, applied = got
        if not all(t in hints.words for t in words):
            return False
        return not applied or bool(_APPLIED.intersection(fold(text).split()))

    def _acronym_body(
        self, part: Part, key: str, named: dict[int, str], cands: list[int], found: dict[int, Found]
    ) -> None:
        """Record the bodies an acronym beside the registered name ``key`` names with it (one:
        the answer; several: each possible), and the name's holders as possible."""
        decided, score = ("match", 0.9) if len(named) == 1 else ("possible", 0.6)
        holders = ", ".join(self.institutions[c].name for c in cands[:3])
        for d, acro in named.items():
            written, name_id = self._entry_of(d)
            why = f"{acro.upper()} beside {key!r} names {written!r}, not {holders}"
            reasons = [("name", f"{part.text!r} names {written!r}"), ("acronym beside", why)]
            if len(named) > 1:
                reasons.append(("ambiguous", f"{len(named)} bodies read so"))
            self._put(found, Found(d, score, reasons, decided, written, part.text, name_id))
        for c in cands:
            written, name_id = self._entry_of(c)
            why = f"written with {'/'.join(sorted({a.upper() for a in named.values()}))}, another body's acronym"
            reasons = [("name", f"{part.text!r} carries {written!r}"), ("beside another body", why)]
            self._put(found, Found(c, 0.5, reasons, "possible", written, part.text, name_id))

    @staticmethod
    def _put(found: dict[int, Found], new: Found) -> None:
        old = found.get(new.index)
        if old is None or (old.decided != "match" and new.decided == "match") or old.score < new.score:
            found[new.index] = new

    def _placed(self, c: int, hints: Hints) -> bool:
        inst = self.institutions[c]
        return inst.country in hints.countries | hints.soft or self._city_of[c] in hints.cities

    def names_of(self, c: int) -> tuple[str, ...]:
        """The normal forms of institution ``c``'s name and aliases (kept once read)."""
        got = self._names_of.get(c)
        if got is None:
            inst = self.institutions[c]
            got = self._names_of[c] = tuple(dict.fromkeys(normalize_name(t) for t in (inst.name, *inst.aliases)))
        return got

    def entry_of(self, c: int) -> tuple[str, int]:
        """Institution ``c``'s name as written and its name id (-1 if the index lacks it)."""
        return self._entry_of(c)

    def _entry_of(self, c: int) -> tuple[str, int]:
        inst = self.institutions[c]
        for n in self.index.posting("k:" + " ".join(sorted(set(normalize_name(inst.name).split())))):
            if self.index.name_inst[n] == c:
                return inst.name, n
        return inst.name, -1

    def _members(self, c: int, words: list[str]) -> list[int]:
        """Members of ``c`` (children of its kind) whose names carry the words it was named by.

        "University of California" (an alias of the UC system) is in the names of several of
        its campuses: a string that says only that does not say which one.
        """
        out = []
        kind = self.institutions[c].kind
        for ch in self._children.get(c, ()):
            name = self._child_words.get(ch)
            if name is None:
                name = self._child_words[ch] = tuple(normalize_name(self.institutions[ch].name).split())
            if len(name) > len(words) and all(w in name for w in words) and kind is self.institutions[ch].kind:
                out.append(ch)
        return out if len(out) >= _MEMBERS else []
