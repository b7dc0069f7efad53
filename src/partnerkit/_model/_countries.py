"""ISO 3166-1 country codes: validation and recognition of country names in many languages."""

from __future__ import annotations

import functools
import gettext
import os
import re
import unicodedata
from importlib import resources

import pycountry

from partnerkit._errors import RecordError

__all__ = ["country_code", "country_name", "country_names", "is_country_code"]

# Codes in ROR and other registries that ISO 3166-1 leaves to users.
_EXTRA_CODES = {"XK": "Kosovo"}

_PUNCT = re.compile(r"[^\w\s]+")
_SPACE = re.compile(r"\s+")


def _key(text: str) -> str:
    text = text.casefold()
    if not text.isascii():  # ASCII has nothing to decompose
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _PUNCT.sub(" ", text)
    return _SPACE.sub(" ", text).strip()


@functools.cache
def _alpha2() -> frozenset[str]:
    return frozenset(c.alpha_2 for c in pycountry.countries) | frozenset(_EXTRA_CODES)


def is_country_code(value: str) -> bool:
    """True if ``value`` is an ISO 3166-1 alpha-2 code (upper case), e.g. ``"RU"``."""
    return value in _alpha2()


@functools.cache
def country_names(languages: tuple[str, ...] | None = None) -> dict[str, str]:
    """Every known name of every country, normalised, mapped to its alpha-2 code.

    English names (short, official and common) win over translations; translations of
    ISO 3166 names into every language pycountry ships come next, then the aliases in
    ``partnerkit/data/country_aliases.tsv``. Two-letter keys are not included (``"in"``
    and ``"de"`` are words); use :func:`country_code` for codes.

    ``languages`` (pycountry locale names such as ``"de"``, ``"zh_CN"``) keeps only the
    translations into those languages: a reader of running text wants the names its
    readers write, not every language's ("Ende" is India in one language and a German noun).
    """
    names: dict[str, str] = {}
    keys: dict[str, str] = {}  # translations repeat many names

    def add(name: str | None, code: str) -> None:
        if name:
            key = keys.get(name)
            if key is None:
                key = keys[name] = _key(name)
            if len(key) > 2 or not key.isascii():
                names.setdefault(key, code)

    countries = list(pycountry.countries)
    for c in countries:
        for attr in ("name", "official_name", "common_name"):
            add(getattr(c, attr, None), c.alpha_2)
        add(c.alpha_3, c.alpha_2)
    for code, name in _EXTRA_CODES.items():
        add(name, code)
    aliases = resources.files("partnerkit").joinpath("data/country_aliases.tsv").read_text("utf-8")
    for line in aliases.splitlines():
        if line and not line.startswith("#"):
            code, _, name = line.partition("\t")
            key = _key(name)
            if key:
                names.setdefault(key, code)
    locales = pycountry.LOCALES_DIR
    for lang in sorted(os.listdir(locales)):
        if languages is not None and lang not in languages:
            continue
        if not os.path.exists(os.path.join(locales, lang, "LC_MESSAGES", "iso3166-1.mo")):
            continue
        tr = gettext.translation("iso3166-1", locales, languages=[lang])
        for c in countries:
            for attr in ("name", "official_name", "common_name"):
                value = getattr(c, attr, None)
                if value:
                    add(tr.gettext(value), c.alpha_2)
    return names


def country_code(value: str) -> str:
    """Turn a country code or name, in any language pycountry knows, into its alpha-2 code.

    Examples:
        >>> [country_code(v) for v in ("RU", "rus", "Russia", "Russian Federation", "Россия")]
        ['RU', 'RU', 'RU', 'RU', 'RU']

    Raises:
        RecordError: the value names no ISO 3166-1 country.
    """
    if not isinstance(value, str):
        raise RecordError(f"expected a country code or name, got {type(value).__name__}")
    text = value.strip()
    upper = text.upper()
    if len(upper) == 2 and upper in _alpha2():
        return upper
    if len(upper) == 3 and upper.isascii():
        found = pycountry.countries.get(alpha_3=upper)
        if found is not None:
            return str(found.alpha_2)
    code = country_names().get(_key(text))
    if code is None:
        raise RecordError(f"{text[:60]!r} is not an ISO 3166 country")
    return code


def country_name(code: str) -> str:
    """The English short name of an alpha-2 code (``"RU"`` -> ``"Russia"``-style common name)."""
    if code in _EXTRA_CODES:
        return _EXTRA_CODES[code]
    found = pycountry.countries.get(alpha_2=code)
    if found is None:
        raise RecordError(f"{code!r} is not an ISO 3166-1 alpha-2 code")
    return str(getattr(found, "common_name", None) or found.name)
