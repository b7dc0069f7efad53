"""Which words of a registry's names are common or descriptive rather than proper names.

One notion shared by :meth:`partnerkit.Registry.match` and the affiliation reader: a word
is *generic* when it is an organisation word ("university", "institute") or sits on many
names; it is a *subject* word when organisations in many countries carry it, none of them
holding most ("physics", "molecular", "national"), unlike a proper name ("Oxford",
"Planck", "German"). A name made of such words only ("Institute of Physics", "Faculty of
Medicine") is *descriptive*: it denotes many bodies in the world, even when a partial
registry holds one of them.
"""

from __future__ import annotations

from collections.abc import Iterable

from partnerkit._matching._index import Index, kept
from partnerkit._names import ORG_KEYS, normalize_name

__all__ = ["WordSpread", "word_spread"]

#: A word found in names of organisations in this many countries, none holding most of them, is a
#: subject word ("molecular", "energy"), not a proper name ("Oxford", "Planck", "German").
SPREAD = 12
SPREAD_TOP = 0.6
#: A descriptive name whose words together are on names in this many countries denotes many bodies.
NAMESAKE_COUNTRIES = 3
_CACHE = 200_000


def word_spread(index: Index) -> WordSpread:
    """The word statistics of ``index``, built on first use and kept with the index."""
    return kept(index, "word_spread", WordSpread, WordSpread)


class WordSpread:
    """Generic and subject words of an index's names (computed per word on demand, cached)."""

    def __init__(self, index: Index) -> None:
        self.index = index
        # a word on more names than this (about 0.4% of them) is generic ("university", "physics")
        self.generic_names = max(30, len(index.keys) // 250)
        self._generic: dict[str, bool] = {}
        self._subject: dict[str, bool] = {}
        self._cities: dict[str, frozenset[str]] | None = None

    def generic(self, token: str) -> bool:
        """An organisation word or a word on many names."""
        g = self._generic.get(token)
        if g is None:
            g = token in ORG_KEYS or self.index.count("t:" + token) > self.generic_names
            if len(self._generic) < _CACHE:
                self._generic[token] = g
        return g

    def cities(self) -> dict[str, frozenset[str]]:
        """The normalised cities of the registry's institutions ("saint louis", "victoria"), each with
        the countries its institutions are in; built on first use.

        A city whose words are all organisation words or words on many names ("university",
        "college") is left out: such a word names no place.
        """
        if self._cities is None:
            found: dict[str, set[str]] = {}
            # plain field values: a loaded registry makes no Institution objects for this
            keys: dict[str, str] = {}  # each city as written, normalised once
            for city, country in self.index.institutions.plain("city", "country"):
                if city and country:
                    key = keys.get(city)
                    if key is None:
                        key = keys[city] = normalize_name(city)
                    found.setdefault(key, set()).add(country)
            self._cities = {
                k: frozenset(v) for k, v in found.items() if k and not all(self.generic(w) for w in k.split())
            }
        return self._cities

    def subject(self, token: str) -> bool:
        """A word that organisations in several countries carry ("molecular", "aging"): no proper name."""
        got = self._subject.get(token)
        if got is None:
            index = self.index
            seen: dict[str, int] = {}
            for n in index.posting("t:" + token):
                country = index.countries[index.name_inst[n]]
                seen[country] = seen.get(country, 0) + 1
            total = sum(seen.values())
            got = len(seen) >= SPREAD and max(seen.values()) < SPREAD_TOP * total
            if len(self._subject) < _CACHE:
                self._subject[token] = got
        return got

    def descriptive(self, words: Iterable[str]) -> bool:
        """Every word an organisation word or a subject word (and there is a word).

        A frequent word that one country holds ("japan", "beijing", "california") is a place,
        not a subject: it keeps the name from being descriptive.
        """
        any_word = False
        for t in words:
            if not (t in ORG_KEYS or self.subject(t)):
                return False
            any_word = True
        return any_word

    def countries_carrying(self, words: Iterable[str], enough: int = NAMESAKE_COUNTRIES) -> int:
        """In how many countries registered names carry every one of ``words`` (counted up to ``enough``)."""
        index = self.index
        wanted = set(words)
        if not wanted:
            return 0
        rarest = min(wanted, key=lambda w: index.count("t:" + w))
        seen: set[str] = set()
        for n in index.posting("t:" + rarest):
            country = index.countries[index.name_inst[n]]
            if country not in seen and wanted.issubset(index.keys[n].split()):
                seen.add(country)
                if len(seen) >= enough:
                    break
        return len(seen)
