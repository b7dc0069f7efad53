"""The affiliation reader: parts, places and registered names of a string."""

from __future__ import annotations

import re
from collections.abc import Sequence

from partnerkit._matching._affiliation._choose import choose, units_of_others
from partnerkit._matching._affiliation._model import Found, Hints, Hit, Reading
from partnerkit._matching._affiliation._schools import schools
from partnerkit._matching._index import _TYPES, Index
from partnerkit._matching._spread import word_spread
from partnerkit._model import NameType, RelationType
from partnerkit._names import (
    ORG_KEYS,
    STREET_WORDS,
    SUBUNIT_WORDS,
    Part,
    acronym_key,
    country_code,
    country_of,
    fold,
    is_acronym,
    is_postcode,
    normalize_name,
    split_affiliation,
    subdivision_countries,
    tokens,
)

__all__ = ["AffiliationReader", "reader"]

_MAX_SPAN = 14
#: A registered organisation with this many members of its kind that carry its name is a system.
_MEMBERS = 3
#: A part's rarest word must be on at most this many names for the rules to look at it.
_FUZZY_POSTING = 5_000
_AND = re.compile(r"\s+(?:and|&|und|et|y|e)\s+", re.I)
_DIGITS = re.compile(r"^[\d\W]+$")
#: Words that, after a registered name, start a unit of it ("X University School of Medicine").
_UNIT_AFTER = frozenset(("school", "faculty", "department", "college", "graduate", "division", "laboratory"))
#: Words anywhere after a registered name that make the rest a unit of it ("X University Whiting School of ...").
_UNIT_LATER = _UNIT_AFTER | SUBUNIT_WORDS | frozenset(("institute", "centre"))
#: A lower-case letter then a capital, or capitals then a capitalised word: words run together.
_GLUED = re.compile(r"(?<=[a-zß-ÿ])(?=[A-ZÀ-Þ])|(?<=[A-Z])(?=[A-Z][a-zß-ÿ]{2,})")
_GLUED_WORD = re.compile(r"\S*(?:[a-zß-ÿ][A-ZÀ-Þ]|[A-Z]{2}[a-zß-ÿ]{2})\S*")
#: Footnote lead-ins before an address: "Current address:", "Present address", "now at", "also at".
_LEAD_IN = re.compile(
    r"\b(?:(?:current(?:ly)?|present)\s+(?:address(?:\s+is)?|at|with)|now\s+(?:at|with)|also\s+(?:at|with))\s*:?\s*",
    re.I,
)
#: A part that names what the organisation before it belongs to: "corporate member of X and Y".
_RELATION = re.compile(
    r"^\s*(?:(?:a|an|the)\s+)?(?:(?:corporate|full|associate)\s+)?(?:member|part)\s+of\b\s*"
    r"|^\s*(?:affiliated|associated)\s+(?:with|to)\b\s*|^\s*in\s+(?:collaboration|partnership|affiliation)\s+with\b\s*",
    re.I,
)
_RELATION_WORDS = frozenset(("member", "part", "affiliated", "associated"))
_RELATION_KINDS = frozenset(("corporate", "full", "associate"))
#: Words that, before a registered name, make the start a unit of it ("Institute X of <name>").
_UNIT_OF = frozenset(("school", "faculty", "college", "institute", "centre", "hospital", "laboratory"))
#: Words of a company's legal form after its name, as normalised ("Corp." -> "company"; Ltd,
#: GmbH, AG, S.A. leave no word): "Honeywell International Inc", "ZTE Corporation Ltd".
_LEGAL = frozenset(("company", "incorporated", "holdings", "group", "international", "kg"))
#: A registered association's "e. V." written without its dots leaves this word.
_EV = "v"
#: Words of a name that makes the words around it its campus ("... Medellin Campus").
_CAMPUS = "campus"
#: Words that make a name a university's own rather than a short form of it.
_OWN = frozenset(("university", "college"))


def reader(index: Index) -> AffiliationReader:
    """The affiliation reader of ``index``, built on first use and kept with the index."""
    made = index.affiliation_reader
    if made is None:
        made = index.affiliation_reader = AffiliationReader(index)
    assert isinstance(made, AffiliationReader)
    return made


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
        self._ancestors_cache: dict[int, frozenset[int]] = {}
        self._short: dict[str, set[tuple[int, int]]] | None = None
        subdivision_countries()  # build the gazetteers now, not on the first string
        country_of("")

    # --- the index's names -------------------------------------------------------------------

    def entries(self, key: str) -> list[tuple[int, NameType, str, int]]:
        """(institution, name type, name as written, name id) of every full name whose normal form is ``key``."""
        got = self._entry_cache.get(key)
        if got is not None:
            return got
        index = self.index
        out: list[tuple[int, NameType, str, int]] = []
        seen: set[int] = set()
        for n in index.posting("k:" + " ".join(sorted(set(key.split())))):
            if index.keys[n] == key and not index.acronyms[n] and n < index.translated_from:
                inst = index.name_inst[n]
                if inst not in seen:
                    seen.add(inst)
                    out.append((inst, _TYPES[index.types[n]], index.texts[n], n))
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

    def _acronym_insts(self, key: str) -> list[int]:
        index = self.index
        return list(dict.fromkeys(index.name_inst[n] for n in index.posting("a:" + key)))

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

    # --- hints -----------------------------------------------------------------------------

    def _place(self, part: Part, hints: Hints, deep: bool = True) -> bool:
        """Record the place a part names; True if the part is an address (never a candidate)."""
        folded = fold(part.text)
        code = country_of(folded)
        states = subdivision_countries().get(folded)
        if code is not None:
            city = normalize_name(part.text)
            if code not in self._cities.get(city, {code}):  # "Columbia" (SC), a misspelt country: soft
                hints.cities.add(city)
                hints.soft.update({code, *self._cities[city]})
            else:
                hints.countries.add(code)
                if states:
                    hints.countries.update(states)
            hints.texts.append(part.text)
            return True
        if states:
            hints.soft.update(states)
            hints.texts.append(part.text)
            return True
        code = country_code(part.text)
        if code is not None:  # "CN" after a name: a hint for ties, not a filter ("IT" may be a unit)
            hints.soft.add(code)
            hints.texts.append(part.text)
            return True
        words = folded.split()
        rest = [w for w in words if not (w in STREET_WORDS or _DIGITS.match(w) or is_postcode(w))]
        if not rest:
            return True
        if len(rest) < len(words) and any(w in STREET_WORDS for w in words) and any(w.isdigit() for w in words):
            return True  # "Blindern 12 Street"
        city = normalize_name(" ".join(rest))
        if city in self._cities:
            hints.cities.add(city)
            hints.soft.update(self._cities[city])
            hints.texts.append(part.text)
            return True
        if deep and self._places_in(folded) == 0 and not self.entries(" ".join(part.tokens)):
            self._places_in(folded, hints)
            return True  # "Brookings SD 57007 USA", "India 632014": places only
        # "0316 Blindern": a post code and a place not in the registry (not "University X 2900")
        return (
            len(rest) < len(words)
            and is_postcode(" ".join(w for w in words if w not in rest))
            and not set(city.split()) & ORG_KEYS
        )

    def _places_in(self, folded: str, hints: Hints | None = None) -> int:
        """How many leading words of ``folded`` are not its trailing address (cities, states,
        countries, post codes: "... University Brookings SD 57007 USA"); the address's places
        go to ``hints``. The whole text (no address) when the tail is only numbers or codes."""
        words = folded.split()
        i = len(words)
        chunks: list[str] = []
        while i > 0:
            for j in range(max(0, i - 5), i):  # the longest chunk first
                chunk = " ".join(words[j:i])
                if _DIGITS.match(chunk) or is_postcode(chunk) or self._place_word(chunk):
                    break
            else:
                break
            chunks.append(chunk)
            i = j
        named = [c for c in chunks if not (_DIGITS.match(c) or is_postcode(c))]
        # one place word alone may be a word of the name ("... Research on Pain"): two, or a post code
        # and codes alone ("US 41", "ESH 7009") are no address: one place written out
        if not any(len(c) > 3 for c in named) or (len(chunks) < 2 and not any(is_postcode(c) for c in chunks)):
            return len(words)
        if hints is not None:
            for chunk in chunks:
                if not (_DIGITS.match(chunk) or is_postcode(chunk)):
                    self._place(Part(chunk, 0, tuple(tokens(chunk)), False), hints, deep=False)
        return i

    def _place_word(self, chunk: str) -> bool:
        if len(chunk) < 2 or not tokens(chunk):
            return False  # "on", "de": words of a name, not Ontario or Delaware
        if country_of(chunk) or chunk in subdivision_countries():
            return True
        return normalize_name(chunk) in self._cities and not set(chunk.split()) & ORG_KEYS

    def _tail(self, part: Part, hints: Hints) -> None:
        """Record the trailing address of an organisation part as hints, when no registered
        name runs into it ("Vellore Institute of Technology Vellore": yes; "University of Georgia": no)."""
        folded = fold(part.text)
        words = folded.split()
        keep = self._places_in(folded)
        if keep == len(words) or keep == 0:
            return
        cut = len(part.tokens) - len(tokens(" ".join(words[keep:])))
        if cut <= 0 or any(s < cut < e for s, e, _ in self._spans(part.tokens)):
            return
        self._places_in(folded, hints)
        hints.tails[part.text] = cut

    # --- the reading -----------------------------------------------------------------------

    def find(self, text: str, country: str | None = None, city: str | None = None) -> list[Hit]:
        """The organisations ``text`` names, best first (see the module docstring).

        ``country`` (an ISO code) and ``city`` are hints given by the caller; they count as
        if the string named them.
        """
        return self.read(text, country, city).hits

    def read(self, text: str, country: str | None = None, city: str | None = None) -> Reading:
        """Like :meth:`find`, with the parts that named nothing and the string's places."""
        text = self._unglue(text)
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
        orgs: list[Part] = [p for p in self._join(parts, text) if not self._place(p, hints)]
        for part in orgs:
            self._tail(part, hints)
        found: dict[int, Found] = {}
        rejected: dict[int, Found] = {}
        pieces: list[Part] = []
        for part in orgs:
            hit = False
            for start, end, key in self._spans(part.tokens):
                hit = self._name_hit(part, start, end, key, hints=hints, found=found, rejected=rejected) or hit
            if not hit and _AND.search(part.text):
                pieces.extend(self._and_pieces(part))
        for part in pieces:
            for start, end, key in self._spans(part.tokens):
                if all(self._generic(t) for t in key.split()):
                    continue  # "... Research and Engineering Laboratory": a common name cut out of a longer one
                self._name_hit(part, start, end, key, hints=hints, found=found, rejected=rejected)
        if any(_RELATION.match(p.text) for p in orgs):
            self._relations(orgs, pieces, found)
        for part in orgs:
            if len(part.tokens) == 1 and len(parts) > 1 and is_acronym(part.text):  # a lone acronym: the rules
                self._acronym_hit(part, hints, found)
        if not any(f.decided == "match" for f in found.values()):
            schools(self, orgs, pieces, hints, found)
        units_of_others(self, orgs, found)
        named = {f.part for f in found.values()} | {f.part for f in rejected.values()}
        rest = tuple(p.text for p in orgs if p.text not in named and not p.subunit and len(p.tokens) > 1)
        return Reading(choose(self, text, found, rejected), rest, hints, len(parts))

    def _relations(self, orgs: list[Part], pieces: list[Part], found: dict[int, Found]) -> None:
        """ "X, corporate member of Y and Z": Y and Z are what X belongs to, not answers, when
        the string names X (or anything else) outside that relation."""
        marked: set[str] = set()
        inside = seen_and = False
        for p in orgs:
            low = p.text.lower()
            if _RELATION.match(p.text):
                inside, seen_and = True, " and " in low
            elif not inside:
                continue
            elif low.startswith("and "):
                inside = False
            elif seen_and:
                inside = False
                continue
            else:
                seen_and = " and " in low
            marked.add(p.text)
        marked.update(q.text for q in pieces if any(q.text in m for m in marked))
        if not any(f.decided == "match" and f.part not in marked for f in found.values()):
            return
        for f in found.values():
            if f.decided == "match" and f.part in marked:
                f.decided = "possible"
                f.score = min(f.score, 0.75)
                f.reasons.append(("relation", f"named as what the string's organisation belongs to ({f.part!r})"))

    def _unglue(self, text: str) -> str:
        """Separate words run together ("Peking UniversityShenzhen", "CONICETUniversidad") and
        footnote lead-ins ("Current address:") from the names around them.

        A glued word is split only when it is no registered word itself and every piece is
        one ("McGill", "ShanghaiTech" stay whole).
        """
        if _GLUED_WORD.search(text):

            def split(m: re.Match[str]) -> str:
                word = m.group(0)
                if self._known_word(word):
                    return word
                pieces = _GLUED.sub(" ", word).split()
                if all(self._known_word(w) for w in pieces):
                    return " ".join(pieces)
                return word

            text = _GLUED_WORD.sub(split, text)
        if _LEAD_IN.search(text):
            text = _LEAD_IN.sub(", ", text).strip(" ,")
        return text

    def _known_word(self, word: str) -> bool:
        """A word of a registered name, a registered acronym, a registry city or a country."""
        count = self.index.count
        if count("a:" + acronym_key(word)) or normalize_name(word) in self._cities or country_of(fold(word)):
            return True
        toks = tokens(word)
        return bool(toks) and all(count("t:" + t) for t in toks)

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

    @staticmethod
    def _and_pieces(part: Part) -> list[Part]:
        """ "University of A and B Hospital": two organisations joined by "and" (read when the whole is none)."""
        out: list[Part] = []
        pos = 0
        text = part.text
        for m in [*_AND.finditer(text), None]:
            end = m.start() if m else len(text)
            piece = text[pos:end].strip()
            toks = tuple(tokens(piece))
            if toks:
                out.append(Part(piece, part.start + pos, toks, part.subunit and not out))
            pos = m.end() if m else len(text)
        return out if len(out) > 1 else []

    def _join(self, parts: list[Part], text: str) -> list[Part]:
        """Rejoin a name that commas or a number split ("University of California, San Diego",
        "Université Paris 1 Panthéon-Sorbonne")."""
        out: list[Part] = []
        i = 0
        while i < len(parts):
            for k in (3, 2):
                group = parts[i : i + k]
                if len(group) == k and not group[0].subunit:
                    toks = tuple(t for p in group for t in p.tokens)
                    while toks and toks[-1].isdigit():
                        toks = toks[:-1]  # a footnote mark: "San Diego 3"
                    joined = ", ".join(p.text for p in group)
                    if not self.entries(" ".join(toks)):
                        # a number between the parts is part of the name, not a footnote mark
                        joined = text[group[0].start : group[-1].start + len(group[-1].text)]
                        key = normalize_name(joined) if any(c.isdigit() for c in joined) else ""
                        toks = tuple(key.split()) if key and self.entries(key) else ()
                    if toks:
                        out.append(Part(joined, group[0].start, toks, False))
                        i += k
                        break
            else:
                out.append(parts[i])
                i += 1
        return out

    def _spans(self, toks: tuple[str, ...]) -> list[tuple[int, int, str]]:
        """Longest runs of ``toks`` that are registered names (none inside another)."""
        out: list[tuple[int, int, str]] = []
        n = len(toks)
        known = [self.index.count("t:" + t) > 0 for t in toks]
        i = 0
        while i < n:
            best = None
            stop = i
            while stop < min(n, i + _MAX_SPAN) and known[stop]:
                stop += 1
            for j in range(stop, i, -1):
                key = " ".join(toks[i:j])
                if self.entries(key):
                    best = (i, j, key)
                    break
            if best is None:
                i += 1
                continue
            if not out or best[1] > out[-1][1]:
                out.append(best)
            i += 1
        # drop runs inside a longer one
        return [s for s in out if not any(o is not s and o[0] <= s[0] and s[1] <= o[1] for o in out)]

    def _context(self, toks: tuple[str, ...], start: int, end: int, tail: int) -> str | None:
        """Why the rest of a part does not stop a name found in it, or None if it does.

        ``tail``: where the part's trailing address starts (its length if it has none)."""
        before, after = toks[:start], toks[end:]
        if not before and not after:
            return "whole part"

        def placeish(ws: tuple[str, ...]) -> bool:
            return (ws is after and end >= tail) or all(
                _DIGITS.match(w) or w in self._cities or country_of(w) or (w == _CAMPUS and len(ws) > 1) for w in ws
            )

        if after and not before and (after == (_EV,) or set(after) <= _LEGAL):
            return f"followed by a legal form ({' '.join(after)})"

        if before and not after and before[-1] in _RELATION_WORDS and set(before) <= _RELATION_WORDS | _RELATION_KINDS:
            return f"after a relation ({' '.join(before)})"  # "Member of the X"
        if before and not placeish(before) and not set(before) & (SUBUNIT_WORDS | _UNIT_OF):
            return None
        if after and not placeish(after) and not (after[0] in _UNIT_AFTER or set(after[1:4]) & _UNIT_LATER):
            return None
        if after and not placeish(after):
            return f"followed by a unit ({' '.join(after)})"
        if before and not placeish(before):
            return f"after a unit ({' '.join(before)})"
        return "with a place"

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
        context = self._context(part.tokens, start, end, hints.tails.get(part.text, len(part.tokens)))
        entries = self.entries(key)
        cands = sorted({e[0] for e in entries})
        if context is None and start == 0 and 0 < len(part.tokens) - end <= 3 and " " in key:
            # "Instituto de Física ... Complejos IFISC", "Universidad de Antioquia U de A": a name
            # followed by its own acronym (or initials written apart)
            words = part.text.split()
            for k in (1, 2, 3):
                last = " ".join(words[-k:])
                if len(tokens(last)) != len(part.tokens) - end or not (
                    is_acronym(last) and end == len(part.tokens) - 1
                    if k == 1
                    else all(len(w) <= 3 for w in words[-k:]) and last[0].isupper()
                ):
                    continue
                own = set(self._acronym_insts(acronym_key(last))) & set(cands)
                if own:
                    cands = sorted(own)
                    context = f"followed by its acronym ({last})"
                    break
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
        places = [w for w in (*part.tokens[:start], *part.tokens[end:]) if not _DIGITS.match(w)]
        if "acronym" in context or "relation" in context or "legal form" in context:
            places = []
        beside = bool(places) and "unit" not in context
        if beside:
            # "Jiaxing Center for Disease Control", "University of North Carolina": a place
            # beside the name must be the organisation's, else the run is not that name.
            cands = [c for c in cands if self._place_agrees(c, places)]
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
        located = bool(hints.countries or hints.cities or hints.soft)
        words = key.split()
        generic = all(self._generic(t) for t in words)
        descriptive = all(self._generic(t) or self._subject(t) for t in words)
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
                others = ", ".join(self.institutions[o].name for o in cands[:5])
                reasons.append(
                    ("ambiguous", f"Ambiguous: {len(cands)} organisations have this name ({others}); give a place")
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

            elif part.subunit and not located:
                decided = "possible"
                score = 0.7
                reasons.append(("unit-like", "the part reads as a sub-unit and no place agrees"))
            mine = [e for e in entries if e[0] == c]
            entry = next((e for e in mine if e[1] is not NameType.ALIAS), mine[0])
            loose = decided == "match" and descriptive and not beside and not self._placed(c, hints)
            self._put(found, Found(c, score, reasons, decided, entry[2], part.text, entry[3], loose))
        return True

    @staticmethod
    def _put(found: dict[int, Found], new: Found) -> None:
        old = found.get(new.index)
        if old is None or (old.decided != "match" and new.decided == "match") or old.score < new.score:
            found[new.index] = new

    def _place_agrees(self, c: int, words: list[str]) -> bool:
        """A place word written beside a name (a country or a registry city) is institution ``c``'s."""
        inst = self.institutions[c]
        for w in words:
            code = country_of(w)
            if code is not None and code == inst.country:
                return True
            if w == self._city_of[c] or (inst.country and inst.country in self._cities.get(w, ())):
                return True
        return False

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

    def _spelt_out(self, c: int, words: set[str]) -> str | None:
        """A name of institution ``c`` whose distinctive words are all in the string, if any."""
        inst = self.institutions[c]
        for name in (inst.name, *inst.aliases, *inst.labels.values()):
            toks = tokens(name)
            rare = [t for t in toks if not self._generic(t)]
            if rare and all(t in words for t in rare):
                return name
        return None

    def _acronym_hit(self, part: Part, hints: Hints, found: dict[int, Found]) -> None:
        cands = self._acronym_insts(acronym_key(part.text))
        if not cands:
            return
        support: list[tuple[int, str]] = []
        for c in cands:
            inst = self.institutions[c]
            if hints.countries and inst.country and inst.country not in hints.countries:
                continue  # the string names another country: a conflict, never support
            named = [f for f in found.values() if f.decided == "match" and self.related(c, f.index)]
            if named:
                support.append(
                    (c, f"its name or a relative's is in the string ({self.institutions[named[0].index].name})")
                )
            elif inst.country and inst.country in hints.countries:
                support.append((c, f"the string names its country {inst.country}"))
            elif inst.city and self._city_of[c] in hints.cities:
                support.append((c, f"the string names its city {inst.city}"))
            elif spelt := self._spelt_out(c, hints.words):
                support.append((c, f"its name is spelt out in the string ({spelt})"))
        if len(support) != 1:
            return
        c, why = support[0]
        reasons = [("acronym", f"{part.text!r} is its acronym"), ("corroborated", why)]
        old = found.get(c)
        if old is None:
            found[c] = Found(c, 0.9, reasons, "match", part.text, part.text)
        else:
            old.reasons.extend(reasons)
