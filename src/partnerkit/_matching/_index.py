"""The compiled index: names, blocking keys and posting lists as plain picklable data.

Matching is a pure function of an :class:`Index`, a rule set and a batch of queries
(:func:`partnerkit._matching.match_batch`), so the index can be shipped to Dask or Spark
workers unchanged. A query is only scored against names that share a blocking key with
it: its exact normalised words, a rare distinctive word, or an acronym.
"""

from __future__ import annotations

import bisect
import functools
import gc
import math
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from rapidfuzz.distance import OSA

from partnerkit._matching._cjk import mine_org_readings, mine_segments, pinyin_readings
from partnerkit._matching._rows import Institutions
from partnerkit._matching._translate import mine_org_swaps, mine_translations, translate_key
from partnerkit._model import Institution, NameType
from partnerkit._names import acronym_key, derive_acronyms, fold, is_acronym, name_keys, normalize_name, parse_name
from partnerkit.rules import WEAK_TOKENS, Profile

__all__ = ["FORMAT_VERSION", "Index", "Reading", "read_name"]

#: Bump when the pickled layout changes; :meth:`Registry.load` refuses other versions.
FORMAT_VERSION = 8

_TYPE_CODES = {NameType.DISPLAY: 0, NameType.ALIAS: 1, NameType.ACRONYM: 2, NameType.LABEL: 3}
_TYPES = {v: k for k, v in _TYPE_CODES.items()}
_PROFILE_CACHE = 300_000
# registry files of this format written before the rows moved to _rows name the class here
_Institutions = Institutions
_EMPTY: Sequence[int] = ()


def _sorted_key(key: str) -> str:
    return " ".join(sorted(set(key.split())))


#: How the index reads one written name: ``(acronym key, None, None)``-like for a name
#: written as an acronym, else ``(None, its normal forms, its derived acronyms space-joined)``.
Reading = tuple[str | None, tuple[str, ...], str]


def read_name(text: str, acronym: bool = False) -> Reading:
    """The per-name work of indexing ``text`` (``acronym``: it is listed as an acronym).

    >>> read_name("HUST")
    ('hust', (), '')
    >>> read_name("Huazhong University of Science and Technology")
    (None, ('huazhong university science technology',), 'huosat hust')
    """
    if acronym or is_acronym(text):
        return acronym_key(text), (), ""
    base = parse_name(text).base if ("(" in text or '"' in text or "«" in text) else text
    # not through derive_acronyms' cache: a registry's names would fill it with frozensets
    # (one per name, kept for the process) that no query asks for again
    derived = derive_acronyms.__wrapped__(base)
    return None, tuple(k for k in name_keys(base) if k), " ".join(sorted(derived))


def _starting(words: list[str], start: str) -> list[str]:
    """The words of sorted ``words`` that start with ``start``.

    >>> _starting(["ab", "b", "ba", "bz", "c"], "b")
    ['b', 'ba', 'bz']
    >>> _starting(["a", "a\\U0010ffff", "a\\U0010ffffz", "b"], "a\\U0010ffff") == ["a\\U0010ffff", "a\\U0010ffffz"]
    True
    """
    lo = bisect.bisect_left(words, start)
    if start and start[-1] != "\U0010ffff":  # the words before the first one past all those
        return words[lo : bisect.bisect_left(words, start[:-1] + chr(ord(start[-1]) + 1), lo)]
    hi = lo
    while hi < len(words) and words[hi].startswith(start):
        hi += 1
    return words[lo:hi]


_NO_WORDS: frozenset[str] = frozenset()


@functools.lru_cache(maxsize=_PROFILE_CACHE)
def _sets(words: str | tuple[str, ...]) -> frozenset[str]:
    """The set of space-separated ``words`` (or of a tuple of words), one object per distinct value.

    >>> _sets("hust huosat") == frozenset({"hust", "huosat"}) and _sets("a b") is _sets("a b")
    True
    """
    return frozenset(words.split() if isinstance(words, str) else words)


_NEAR_MEMO = 65_536  # words whose one-edit neighbours are kept (a query word recurs across names)


class Index:
    """Every name of every institution, normalised once, with posting lists for blocking.

    Plain lists, arrays and dicts only: cheap to pickle, safe to share between processes.
    """

    __slots__ = (
        "_by_length",
        "_near",
        "_profiles",
        "_view",
        "_vocabulary",
        "acronyms",
        "affiliation_reader",
        "aligned",
        "countries",
        "data",
        "derived",
        "ids",
        "inflections",
        "inst_acronyms",
        "institutions",
        "keys",
        "name_inst",
        "name_weight",
        "offsets",
        "org_readings",
        "org_swaps",
        "pinyin",
        "postings",
        "segments",
        "skeletons",
        "texts",
        "translated_from",
        "translations",
        "types",
        "version",
        "word_spread",
    )

    def __init__(self, institutions: Iterable[Institution], readings: Sequence[Reading] | None = None) -> None:
        """Index ``institutions``; ``readings[i]``, when given, is :func:`read_name` of the i-th one's display name.

        The readings are the per-name part of the work: they can be computed elsewhere (on
        other processes, in parallel) and give the very index computed here without them.
        """
        enabled = gc.isenabled()
        gc.disable()  # millions of small objects: the cyclic collector would rescan them all, often
        try:
            self._build(institutions, readings)
        finally:
            if enabled:
                gc.enable()

    def _build(self, institutions: Iterable[Institution], readings: Sequence[Reading] | None) -> None:
        self.version = FORMAT_VERSION
        self.institutions = Institutions(institutions)
        self.ids: dict[str, int] = {}
        self.name_inst = array("i")
        self.texts: list[str] = []
        self.keys: list[str] = []
        self.types = bytearray()
        self.acronyms: list[str] = []  # acronym key of a name written as an acronym, else ""
        self.derived: list[str] = []  # derived acronym keys, space-joined
        self.inst_acronyms: list[tuple[str, ...]] = []
        self.countries: list[str] = []  # per institution: ISO code or ""
        postings: dict[str, list[int]] = defaultdict(list)
        for i, inst in enumerate(self.institutions):
            if inst.id in self.ids:
                from partnerkit._errors import RecordError

                raise RecordError(f"duplicate institution id {inst.id[:60]!r}", field="id")
            self.ids[inst.id] = i
            written = tuple(dict.fromkeys(k for k in map(acronym_key, inst.acronyms) if k)) if inst.acronyms else ()
            self.inst_acronyms.append(written)
            self.countries.append(inst.country or "")
            seen: set[str] = set()
            first_name = len(self.texts)
            self._add_name(i, inst.name, NameType.DISPLAY, postings, seen, reading=readings[i] if readings else None)
            for alias in inst.aliases:
                self._add_name(i, alias, NameType.ALIAS, postings, seen)
            for acronym in inst.acronyms:
                self._add_name(i, acronym, NameType.ACRONYM, postings, seen)
            for label in inst.labels.values():
                self._add_name(i, label, NameType.LABEL, postings, seen)
            for acr in written:  # "HUST" finds the institution through its display name too
                postings["a:" + acr].append(first_name)
        #: names from this id on are keys read with mined translations, not names as written
        self.translated_from = len(self.texts)
        self.translations = self._translate(postings)
        self.segments = self._segments(postings)
        names = ([inst.name, *inst.aliases, *inst.labels.values()] for inst in self.institutions)
        #: built-in CJK organisation word -> the other words the registry writes for it (学院 -> university)
        self.org_readings = mine_org_readings(names, self.segments)
        #: pinyin spelling of a Han word read above -> (the word, its readings): "shifan" -> 师范
        self.pinyin = pinyin_readings(self.segments, self.org_readings)
        # one flat array of name ids; key -> (start, end) into it: fast to pickle and load
        self.postings: dict[str, int] = {}
        offsets = [0]
        data: list[int] = []
        for k, v in postings.items():
            self.postings[k] = len(offsets) - 1
            data.extend(dict.fromkeys(v) if len(v) > 1 else v)
            offsets.append(len(data))
        self.offsets = array("q", offsets)
        self.data = array("i", data)
        total = max(1, len(self.institutions))
        idf: dict[str, float] = {}
        weights = []
        for key in self.keys:
            w = 0.0
            for t in key.split():
                if t in WEAK_TOKENS:
                    continue
                x = idf.get(t)
                if x is None:
                    x = idf[t] = math.log((total + 1) / (len(postings.get("t:" + t, ())) + 1)) + 1.0
                w += x
            weights.append(w)
        self.name_weight = array("f", weights)
        self._profiles: dict[int, Profile] = {}
        self._view: memoryview | None = None
        self._vocabulary: list[str] | None = None
        #: the vocabulary's words by length, sorted as written and as read backwards (near_words)
        self._by_length: tuple[dict[int, list[str]], dict[int, list[str]]] | None = None
        self._near: dict[tuple[str, int], list[str]] = {}
        self.affiliation_reader: object | None = None  # built by _affiliation.reader on first use
        self.word_spread: object | None = None  # built by _spread.word_spread on first use
        self.inflections: object | None = None  # built by _inflect.inflections on first use
        #: consonant skeleton -> indexed words (see ``_inflect.skeleton_table``): built by a Registry, pickled
        self.skeletons: dict[str, str] | None = None

    def _add_name(
        self,
        inst: int,
        text: str,
        type_: NameType,
        postings: dict[str, list[int]],
        seen: set[str],
        *,
        reading: Reading | None = None,
    ) -> None:
        if text in seen:
            return
        seen.add(text)
        code = _TYPE_CODES[type_]
        acronym, keys, joined = reading if reading is not None else read_name(text, type_ is NameType.ACRONYM)
        if acronym is not None:
            key = acronym
            if not key:
                return
            idx = len(self.texts)
            self.name_inst.append(inst)
            self.texts.append(text)
            self.keys.append(key)
            self.types.append(code)
            self.acronyms.append(key)
            self.derived.append("")
            postings["a:" + key].append(idx)
            postings["k:" + key].append(idx)
            return
        derived = joined.split()
        for key in keys:
            idx = len(self.texts)
            self.name_inst.append(inst)
            self.texts.append(text)
            self.keys.append(key)
            self.types.append(code)
            self.acronyms.append("")
            self.derived.append(joined)
            toks = set(key.split())
            postings["k:" + " ".join(sorted(toks))].append(idx)
            for token in toks:
                postings["t:" + token].append(idx)
            for acr in derived:
                postings["d:" + acr].append(idx)

    def _translate(self, postings: dict[str, list[int]]) -> dict[str, str]:
        """Mine word translations from the names (see ``_translate``) and index each name's translated key too."""
        own: dict[int, list[str]] = defaultdict(list)
        owners: dict[str, set[int]] = defaultdict(set)
        count = len(self.keys)
        for n in range(count):
            if self.acronyms[n]:
                continue
            inst = self.name_inst[n]
            owners[_sorted_key(self.keys[n])].add(inst)
            if n == 0 or self.texts[n] != self.texts[n - 1] or self.name_inst[n - 1] != inst:  # not an umlaut variant
                own[inst].append(self.keys[n])
        #: organisation words one institution's names swap ("college" / "university"), both orders
        self.org_swaps = mine_org_swaps(own)
        #: word pairs (sorted) that several institutions' names align, translations or not (see ``_translate``)
        self.aligned: frozenset[tuple[str, str]] = frozenset()
        if not any(len(v) > 1 for v in own.values()):
            return {}
        frozen = {k: frozenset(v) for k, v in owners.items()}
        keys = self.keys
        aligned: set[tuple[str, str]] = set()
        table = mine_translations(
            own,
            count=lambda w: len(postings.get("t:" + w, ())),
            holders=lambda w: [keys[i] for i in postings.get("t:" + w, ())],
            owners=frozen,
            aligned=aligned,
        )
        self.aligned = frozenset(aligned)
        if not table:
            return table
        for n in range(count):
            if self.acronyms[n]:
                continue
            key = translate_key(self.keys[n], table)
            if key is None:
                continue
            inst = self.name_inst[n]
            sorted_key = _sorted_key(key)
            if inst in owners.get(sorted_key, ()):
                continue  # the institution already has a name of these words
            owners[sorted_key].add(inst)
            idx = len(self.texts)
            self.name_inst.append(inst)
            self.texts.append(self.texts[n])
            self.keys.append(key)
            self.types.append(self.types[n])
            self.acronyms.append("")
            self.derived.append(self.derived[n])
            postings["k:" + sorted_key].append(idx)
            for token in set(key.split()):
                postings["t:" + token].append(idx)
            for acr in self.derived[n].split():
                postings["d:" + acr].append(idx)
        return table

    def _segments(self, postings: dict[str, list[int]]) -> dict[str, str]:
        """Mine CJK segment translations from the institutions' names (see ``_cjk``)."""
        name_inst = self.name_inst

        def owners(key: str) -> frozenset[int]:
            return frozenset(name_inst[n] for n in postings.get("k:" + key, ()))

        names = ([inst.name, *inst.aliases, *inst.labels.values()] for inst in self.institutions)
        return mine_segments(names, owners)

    # --- reading -------------------------------------------------------------------

    def idf(self, token: str, n: int | None = None) -> float:
        """Inverse document frequency (over names) of a normalised token."""
        total = n or max(1, len(self.institutions))
        return math.log((total + 1) / (self.count("t:" + token) + 1)) + 1.0

    def count(self, key: str) -> int:
        """How many names carry a blocking key."""
        p = self.postings.get(key)
        return 0 if p is None else self.offsets[p + 1] - self.offsets[p]

    def vocabulary(self) -> list[str]:
        """Every word of an indexed name, sorted (computed once, on first use; never pickled)."""
        if self._vocabulary is None:
            self._vocabulary = sorted(k[2:] for k in self.postings if k.startswith("t:"))
        return self._vocabulary

    def near_table(self) -> tuple[dict[int, list[str]], dict[int, list[str]]]:
        """The vocabulary's words by length, sorted as written and as read backwards (built once,
        never pickled; :meth:`near_words` reads it)."""
        if self._by_length is None:
            forward: dict[int, list[str]] = {}
            backward: dict[int, list[str]] = {}
            for w in self.vocabulary():
                forward.setdefault(len(w), []).append(w)  # sorted, as the vocabulary is
                backward.setdefault(len(w), []).append(w[::-1])
            for turned_words in backward.values():
                turned_words.sort()
            self._by_length = (forward, backward)
        return self._by_length

    def near_words(self, word: str, limit: int) -> list[str]:
        """Indexed words one edit from ``word`` (a letter deleted, inserted, replaced or two swapped).

        Only words carried by at most ``limit`` names, sorted. The index does not grow: the
        words are looked up in its vocabulary. A word one edit away keeps the first
        ``(len(word) - 1) // 2`` letters of ``word`` (the edit comes later) or else its
        letters after that many plus one (the edit comes earlier), so only the indexed words
        of a length one apart that share that start, or that end, are compared, by the
        optimal string alignment distance (whatever the number of letters the registry uses).
        """
        got = self._near.get((word, limit))
        if got is not None:
            return list(got)  # (the index never changes: an answer stays right)
        forward, backward = self.near_table()
        size = len(word)
        cut = (size - 1) // 2
        head, tail = word[:cut], word[cut + 1 :][::-1]
        same: list[str] = []  # the words sharing the start, or the end
        for n in (size - 1, size, size + 1):
            for table, start, turned in ((forward, head, False), (backward, tail, True)):
                words = table.get(n)
                if not words:
                    continue
                shared = _starting(words, start)
                same.extend([w[::-1] for w in shared] if turned else shared)
        distance = OSA.distance
        found = {w for w in same if distance(word, w, score_cutoff=1) == 1}
        near = sorted(w for w in found if self.count("t:" + w) <= limit)
        if len(self._near) >= _NEAR_MEMO:
            self._near.clear()
        self._near[word, limit] = near
        return list(near)

    def with_words(self, words: Iterable[str]) -> Sequence[int]:
        """The names (ids) whose words, taken as a set, are exactly ``words`` (any order)."""
        return self.posting("k:" + " ".join(sorted(set(words))))

    def own_name(self, inst: int) -> int:
        """The id of institution ``inst``'s own (display) name in the index; -1 if it has none."""
        for n in self.with_words(normalize_name(self.institutions[inst].name).split()):
            if self.name_inst[n] == inst:
                return n
        return -1

    def posting(self, key: str) -> Sequence[int]:
        """The names (ids) carrying a blocking key."""
        p = self.postings.get(key)
        if p is None:
            return _EMPTY
        view = self._view
        if view is None:
            view = self._view = memoryview(self.data)
        return view[self.offsets[p] : self.offsets[p + 1]]

    def profile(self, name: int) -> Profile:
        """The :class:`Profile` of indexed name ``name`` (cached)."""
        cached = self._profiles.get(name)
        if cached is not None:
            return cached
        inst = self.name_inst[name]
        inst_id, country, city, identifiers, domains = self.institutions.profiled(inst)
        key = self.keys[name]
        acr = self.acronyms[name] or None
        tokens = frozenset(key.split())
        distinctive = tokens if tokens.isdisjoint(WEAK_TOKENS) else tokens - WEAK_TOKENS
        written = self.inst_acronyms[inst]
        derived = self.derived[name]
        # Empty and repeated sets are one object: every cached profile stays until the cache is
        # cleared, and the cyclic collector walks each of its sets at every full collection.
        profile = Profile(
            text=self.texts[name],
            key=key,
            tokens=tokens,
            distinctive=distinctive or _NO_WORDS,
            acronym=acr,
            acronyms=_sets(written) | {acr} if acr else _sets(written) if written else _NO_WORDS,
            derived=_sets(derived) if derived else _NO_WORDS,
            country=country,
            city=fold(city) if city else None,
            identifiers=identifiers,
            domains=domains,
            institution_id=inst_id,
            name_type=_TYPES[self.types[name]],
        )
        if len(self._profiles) >= _PROFILE_CACHE:
            self._profiles.clear()
        self._profiles[name] = profile
        return profile

    def __getstate__(self) -> dict[str, object]:
        return {
            s: getattr(self, s)
            for s in self.__slots__
            if s
            not in (
                "_by_length",
                "_near",
                "_profiles",
                "_view",
                "_vocabulary",
                "affiliation_reader",
                "word_spread",
                "inflections",
            )
        }

    def __setstate__(self, state: dict[str, object]) -> None:
        for k, v in state.items():
            object.__setattr__(self, k, v)
        self._profiles = {}
        self._view = None
        self._vocabulary = None
        self._by_length = None
        self._near = {}
        self.affiliation_reader = None
        self.word_spread = None
        self.inflections = None


_T = TypeVar("_T")


def kept(index: Index, slot: str, make: Callable[[Index], _T], kind: type[_T]) -> _T:
    """What ``index`` keeps in ``slot`` (``affiliation_reader``, ``word_spread``, ``inflections``), made by
    ``make(index)`` on first use: built once per index, never pickled."""
    made = getattr(index, slot)
    if made is None:
        made = make(index)
        setattr(index, slot, made)
    assert isinstance(made, kind)
    return made
