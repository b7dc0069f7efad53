"""Names: normalisation, transliteration, acronyms, organisation words, affiliation strings.

The stable helpers other layers import (keep these names):

- :func:`normalize_name` (str -> normal form), :func:`name_keys` (all normal forms, with
  umlaut variants), :func:`tokens` (normalised tokens), :func:`fold` (plain ASCII form),
  :func:`words` (tokens as written, with case and full-stop flags);
- :func:`is_acronym`, :func:`acronym_key`, :func:`acronym_fits`, :func:`derive_acronyms`, :func:`parse_name`
  (:class:`ParsedName`);
- :func:`parse_affiliation` (:class:`Affiliation`), :func:`looks_like_affiliation`,
  :func:`split_affiliation` (:class:`Part`), :func:`country_of`, :func:`is_postcode`,
  :func:`subdivision_countries`, ``SUBUNIT_WORDS``, ``STREET_WORDS``;
- :func:`org_words` (variant -> English key), ``ORG_KEYS``, ``STOP_WORDS``;
- :func:`script_of` (the non-Latin script of a text), ``SCRIPT_COUNTRIES``.

Everything here is a pure function of its ``str`` argument and never raises on one.
"""

from partnerkit._names._acronyms import ParsedName, acronym_fits, acronym_key, derive_acronyms, is_acronym, parse_name
from partnerkit._names._affiliation import (
    STREET_WORDS,
    SUBUNIT_WORDS,
    Affiliation,
    Part,
    country_code,
    country_of,
    is_postcode,
    looks_like_affiliation,
    parse_affiliation,
    split_affiliation,
    subdivision_countries,
)
from partnerkit._names._memo import call_memo, memoized
from partnerkit._names._normalize import (
    Word,
    cjk_org_spans,
    fold,
    initials_as_word,
    name_keys,
    normalize_name,
    prepare,
    tokens,
    words,
)
from partnerkit._names._places import place_names
from partnerkit._names._scripts import SCRIPT_COUNTRIES, script_of
from partnerkit._names._vocabulary import ORG_KEYS, STOP_WORDS, cjk_org_words, org_words

__all__ = [
    "ORG_KEYS",
    "SCRIPT_COUNTRIES",
    "STOP_WORDS",
    "STREET_WORDS",
    "SUBUNIT_WORDS",
    "Affiliation",
    "ParsedName",
    "Part",
    "Word",
    "acronym_fits",
    "acronym_key",
    "call_memo",
    "cjk_org_spans",
    "cjk_org_words",
    "country_code",
    "country_of",
    "derive_acronyms",
    "fold",
    "initials_as_word",
    "is_acronym",
    "is_postcode",
    "looks_like_affiliation",
    "memoized",
    "name_keys",
    "normalize_name",
    "org_words",
    "parse_affiliation",
    "parse_name",
    "place_names",
    "prepare",
    "script_of",
    "split_affiliation",
    "subdivision_countries",
    "tokens",
    "words",
]
