"""The affiliation reader: the registered names an affiliation string names, read part by part.

The reader holds what the whole registry tells about a string (cities, parent and related
links, each organisation's kind and city) and runs the reading: the string is split into
parts (`_parts`), places become hints (`_places`), runs of registered names are found and
decided (`_runs`, with `_namesakes` and `_systems`), and the fallbacks follow: names written
otherwise (`_variants`), acronyms (`_acronyms`), schools named after their university
(`_schools`); then one answer per family is chosen (`_choose`).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import islice
from typing import Any

from partnerkit._matching._affiliation._abbreviations import expanded
from partnerkit._matching._affiliation._acronyms import acronym_hit, acronym_with_place
from partnerkit._matching._affiliation._choose import choose, units_of_others
from partnerkit._matching._affiliation._model import Entry, Found, Hints, Hit, Reading
from partnerkit._matching._affiliation._namesakes import placed_apart, writes_number, written_for
from partnerkit._matching._affiliation._parts import (
    _AND,
    _RELATION,
    and_pieces,
    join_parts,
    organisations,
    relations,
    spans,
    unglue,
)
from partnerkit._matching._affiliation._places import address_tail, country_before, place, regions
from partnerkit._matching._affiliation._runs import name_hit
from partnerkit._matching._affiliation._schools import schools
from partnerkit._matching._affiliation._variants import OWN, reordered, short_names, short_of_city
from partnerkit._matching._index import Index, kept
from partnerkit._matching._inflect import inflections, skeleton_table
from partnerkit._matching._spread import word_spread
from partnerkit._model import RelationType
from partnerkit._names import (
    Part,
    country_of,
    initials_as_word,
    is_acronym,
    normalize_name,
    split_affiliation,
    subdivision_countries,
    tokens,
)

__all__ = ["AffiliationReader", "reader"]

#: A part's rarest word must be on at most this many names for the rules to look at it.
_FUZZY_POSTING = 5_000


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
        cities: dict[str, set[str]] = {}
        self._parents: list[tuple[int, ...]] = []
        self._city_of: list[str] = []  # each institution's city, normalised
        parent = RelationType.PARENT.value
        related = RelationType.RELATED.value
        self._links: dict[int, set[int]] = {}  # ROR "related" links, both ways
        # plain field values: reading a loaded registry's places makes no Institution objects
        self._kind: list[str] = []  # each institution's kind (the InstitutionKind value)
        self._country: list[str | None] = []  # each institution's country
        for city, country, rels, kind in self.institutions.plain("city", "country", "relationships", "kind"):
            self._kind.append(kind)
            self._country.append(country)
            if city:
                cities.setdefault(normalize_name(city), set()).update({country} if country else ())
            self._city_of.append(normalize_name(city) if city else "")
            self._parents.append(tuple(by_id[r] for t, r, _label in rels if t == parent and r in by_id))
            for t, r, _label in rels:
                if t == related and r in by_id:
                    self._links.setdefault(len(self._parents) - 1, set()).add(by_id[r])
                    self._links.setdefault(by_id[r], set()).add(len(self._parents) - 1)
        cities.pop("", None)
        #: a registered city (normalised) -> the countries of the institutions there, sorted (tuples: the
        #: collector does not track them, sets it would walk at every full pass)
        self._cities: dict[str, tuple[str, ...]] = {c: tuple(sorted(cc)) for c, cc in cities.items()}
        self._children: dict[int, list[int]] = {}
        for i, ps in enumerate(self._parents):
            for p in ps:
                self._children.setdefault(p, []).append(i)
        self._child_words: dict[int, tuple[str, ...]] = {}  # a system member's name words (_systems)
        self._names_of: dict[int, tuple[str, ...]] = {}
        spread = word_spread(index)  # generic and subject words: one notion with Registry.match
        self._generic = spread.generic
        self._subject = spread.subject
        self._entry_cache: dict[str, tuple[Entry, ...]] = {}
        #: the first word of each registered full name (as :meth:`entries` finds them) -> the most
        #: spaces such a name has: a run of words is looked up only if it may be one
        self._heads: dict[str, int] = {}
        heads = self._heads
        acronyms = index.acronyms
        for n, key in enumerate(index.keys[: index.translated_from]):
            if not acronyms[n]:
                head, spaces = key.split(" ", 1)[0], key.count(" ")
                if heads.get(head, -1) < spaces:
                    heads[head] = spaces
        self._qualifiers: dict[int, tuple[tuple[str, ...], bool, bool]] = {}  # name id -> brackets, applied?, I?
        self._ancestors_cache: dict[int, frozenset[int]] = {}
        self._addresses: dict[str, int] = {}  # places_in's answers (_places)
        self._chunks: dict[str, bool] = {}  # words ending a part that are an address (_places)
        self._spans: dict[tuple[str, ...], tuple[tuple[int, int, str], ...]] = {}  # runs of names (_parts)
        self._parts_read: dict[tuple[object, ...], tuple[bool, tuple[Any, ...]]] = {}  # parts read as places (_places)
        # build now, not on the first string that needs them: the gazetteers, the registry's
        # cities, the words to read abjad and inflected names, the words one edit apart
        # (Registry.match reads them) and the university names short of their city
        subdivision_countries()
        country_of("")
        spread.cities()
        inflections(index)
        skeleton_table(index)
        index.near_table()
        self._short = short_names(self)  # (_variants)

    # --- the index's names -------------------------------------------------------------------

    def entries(self, key: str) -> Sequence[Entry]:
        """(institution, name type, name as written, name id) of every full name whose normal form is
        ``key`` (an institution may hold several: "Universidad de X" and "University of X").

        Kept once read, as a tuple (most keys a string's words make name nothing: those share
        one empty tuple, so the cache adds no objects for the cyclic collector to walk).
        """
        got = self._entry_cache.get(key)
        if got is not None:
            return got
        index = self.index
        out: list[Entry] = []
        if key.count(" ") <= self._heads.get(key.split(" ", 1)[0], -1):  # else no name starts so
            for n in index.with_words(key.split()):
                if index.keys[n] == key and not index.acronyms[n] and n < index.translated_from:
                    out.append((index.name_inst[n], index.types[n], index.texts[n], n))
        if len(self._entry_cache) > 200_000:
            self._entry_cache.clear()
        kept = self._entry_cache[key] = tuple(out) if out else ()
        return kept

    def names_of(self, c: int) -> tuple[str, ...]:
        """The normal forms of institution ``c``'s name and aliases (kept once read)."""
        got = self._names_of.get(c)
        if got is None:
            inst = self.institutions[c]
            got = self._names_of[c] = tuple(dict.fromkeys(normalize_name(t) for t in (inst.name, *inst.aliases)))
        return got

    def entry_of(self, c: int) -> tuple[str, int]:
        """Institution ``c``'s name as written and its name id (-1 if the index lacks it)."""
        return self.institutions[c].name, self.index.own_name(c)

    def vocabulary(self) -> list[str]:
        """Every word of a registered name, sorted (built on first use)."""
        return self.index.vocabulary()

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

    # --- places ----------------------------------------------------------------------------

    def _placed(self, c: int, hints: Hints) -> bool:
        """Institution ``c`` is in a country, state or city the string names."""
        country = self._country[c]
        return country in hints.countries or country in hints.soft or self._city_of[c] in hints.cities

    def elsewhere(self, c: int, hints: Hints) -> bool:
        """The string names places and institution ``c`` is at none of them."""
        return hints.located() and not self._placed(c, hints)

    def placed(self, c: int, reading: Reading) -> bool:
        """Institution ``c`` is where the string says: its city if one is named, else its country."""
        hints = reading.hints
        if hints.cities:
            return self._city_of[c] in hints.cities
        country = self._country[c]
        return bool(country) and (country in hints.countries or country in hints.soft)

    # --- the reading -----------------------------------------------------------------------

    def find(self, text: str, country: str | None = None, city: str | None = None) -> list[Hit]:
        """The organisations ``text`` names, best first (see the module docstring).

        ``country`` (an ISO code) and ``city`` are hints given by the caller; they count as
        if the string named them.
        """
        return self.read(text, country, city).hits

    def read(self, text: str, country: str | None = None, city: str | None = None) -> Reading:
        """Like :meth:`find`, with the parts that named nothing and the string's places."""
        hints = Hints(number=writes_number(text))
        text = unglue(self, text)
        parts = split_affiliation(text)
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
            country_before(part, hints)
        regions(self, hints)
        found: dict[int, Found] = {}
        rejected: dict[int, Found] = {}
        pieces: list[Part] = []
        lone: list[Part] = []  # acronyms written with a place in one part
        for part in orgs:
            hit = False
            for start, end, key in spans(self, part.tokens):
                hit = name_hit(self, part, start, end, key, hints=hints, found=found, rejected=rejected) or hit
            if "." in part.text:
                hit = self._initialled(part, hints, found, rejected) or hit  # "M.D. Anderson" as "MD Anderson"
            if not hit:
                hit = self._abbreviated(part, text, hints, found, rejected)  # "Georgia Inst. of Technol."
            if not hit and not part.subunit and len(part.tokens) > 1 and not self._descriptive(part.tokens):
                # "Purdue University" short of its city; "Copenhagen University" in another order
                # (not "College of Engineering", "Life Sciences Centre": names of common words)
                hit = bool(set(part.tokens) & OWN) and short_of_city(self, part, hints, found)
                hit = hit or reordered(self, part, hints, found)
            if not hit and _AND.search(part.text):
                pieces.extend(organisations(self, and_pieces(part)))
            elif not hit and (acro := acronym_with_place(self, part, hints)) is not None:
                lone.append(acro)
        for part in pieces:
            for start, end, key in spans(self, part.tokens):
                if all(self._generic(t) for t in key.split()):
                    continue  # "... Research and Engineering Laboratory": a common name cut out of a longer one
                name_hit(self, part, start, end, key, hints=hints, found=found, rejected=rejected)
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
        placed_apart(self, found, rejected, hints)
        named = {f.part for f in found.values()} | {f.part for f in rejected.values()}
        rest = tuple(p.text for p in orgs if p.text not in named and not p.subunit and len(p.tokens) > 1)
        return Reading(choose(self, text, found, rejected), rest, hints, len(parts))

    def _abbreviated(
        self, part: Part, text: str, hints: Hints, found: dict[int, Found], rejected: dict[int, Found]
    ) -> bool:
        """Read ``part`` again with its abbreviated words written out (see ``_abbreviations``)."""
        got = expanded(self, part, text)
        if got is None:
            return False
        full, read = got
        before = {i: f.reasons for i, f in found.items()}
        hit = False
        for start, end, key in spans(self, full.tokens):
            hit = name_hit(self, full, start, end, key, hints=hints, found=found, rejected=rejected) or hit
        why = ", ".join(f"{a!r} as {w!r}" for a, w in read)
        _note(found, part, before, ("abbreviation", f"abbreviated words read: {why}"))
        return hit

    def _initialled(self, part: Part, hints: Hints, found: dict[int, Found], rejected: dict[int, Found]) -> bool:
        """Read ``part`` again with a person's dotted initials as one word ("M.D. Anderson" as the
        registered "MD Anderson"); only names that carry such a word count."""
        written = initials_as_word(part.text)
        if written == part.text:
            return False
        full = Part(part.text, part.start, tuple(tokens(written)), part.subunit)
        joined = set(full.tokens) - set(part.tokens)
        before = {i: f.reasons for i, f in found.items()}
        hit = False
        for start, end, key in spans(self, full.tokens):
            if joined & set(key.split()):
                hit = name_hit(self, full, start, end, key, hints=hints, found=found, rejected=rejected) or hit
        _note(found, part, before, ("initials", f"initials read as one word: {written!r}"))
        return hit

    def _descriptive(self, words: Sequence[str]) -> bool:
        """Every word is a common one or a subject's."""
        return all(self._generic(t) or self._subject(t) for t in words)

    def written_for(self, n: int, text: str, hints: Hints) -> bool:
        """Registered name ``n`` may be what ``text`` writes (see :func:`._namesakes.written_for`)."""
        return written_for(self, n, text, hints)

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
        acronyms, owner, hints = index.acronyms, index.name_inst, reading.hints
        # (:meth:`placed` for each name: its city if the string names one, else its country)
        at: Sequence[str | None]
        if hints.cities:
            at, where = self._city_of, hints.cities
        else:
            at, where = self._country, (hints.countries | hints.soft) - {""}  # (no country is no place)
        post = index.posting("t:" + rarest)
        return list(islice((name for name in post if not acronyms[name] and at[owner[name]] in where), limit))


def _note(found: dict[int, Found], part: Part, before: dict[int, list[tuple[str, str]]], why: tuple[str, str]) -> None:
    """Add ``why`` to the findings of ``part`` made since ``before`` (a second reading's)."""
    for i, f in found.items():
        if f.part == part.text and before.get(i) is not f.reasons:
            f.reasons.insert(1, why)
