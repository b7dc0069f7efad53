"""Writing systems: which script a name is written in, and the countries that write in it.

An acronym only means something in the script it was written in: "МГУ" is Moscow State
University, and its transliteration "MGU" is also Mahatma Gandhi University. Matching
uses these helpers to ask for corroboration in the same script.
"""

from __future__ import annotations

import functools
import unicodedata

__all__ = ["SCRIPT_COUNTRIES", "script_of"]

#: Unicode script (the first word of a letter's character name) -> ISO alpha-2 codes of
#: countries where it is a national script. Han is written in China, Taiwan, Hong Kong,
#: Macao, Singapore and Japan; kana only in Japan.
SCRIPT_COUNTRIES: dict[str, frozenset[str]] = {
    "CYRILLIC": frozenset({"RU", "UA", "BY", "BG", "RS", "MK", "ME", "BA", "KZ", "KG", "TJ", "MN", "UZ", "TM", "MD"}),
    "GREEK": frozenset({"GR", "CY"}),
    "ARABIC": frozenset(
        {"SA", "EG", "DZ", "MA", "TN", "LY", "IQ", "SY", "JO", "LB", "PS", "KW", "QA", "BH", "AE", "OM", "YE"}
        | {"SD", "MR", "IR", "AF", "PK"}
    ),
    "HEBREW": frozenset({"IL"}),
    "CJK": frozenset({"CN", "TW", "HK", "MO", "SG", "JP"}),
    "HIRAGANA": frozenset({"JP"}),
    "KATAKANA": frozenset({"JP"}),
    "HANGUL": frozenset({"KR", "KP"}),
    "THAI": frozenset({"TH"}),
    "GEORGIAN": frozenset({"GE"}),
    "ARMENIAN": frozenset({"AM"}),
    "DEVANAGARI": frozenset({"IN", "NP"}),
    "BENGALI": frozenset({"BD", "IN"}),
    "TAMIL": frozenset({"IN", "LK"}),
    "SINHALA": frozenset({"LK"}),
    "KHMER": frozenset({"KH"}),
    "LAO": frozenset({"LA"}),
    "MYANMAR": frozenset({"MM"}),
    "ETHIOPIC": frozenset({"ET", "ER"}),
}


@functools.lru_cache(maxsize=4096)
def _letter_script(char: str) -> str:
    name = unicodedata.name(char, "")
    first = name.split(" ", 1)[0]
    return "CJK" if first in {"CJK", "IDEOGRAPHIC"} else first


def script_of(text: str) -> str | None:
    """The non-Latin script most letters of ``text`` are written in, or ``None`` for Latin (or no letters).

    >>> script_of("МГУ"), script_of("MGU"), script_of("清华大学"), script_of("Université"), script_of("42")
    ('CYRILLIC', None, 'CJK', None, None)
    """
    if text.isascii():
        return None  # every letter (if any) is Latin
    counts: dict[str, int] = {}
    for char in text:
        if char.isalpha():
            script = "LATIN" if char.isascii() else _letter_script(char)
            counts[script] = counts.get(script, 0) + 1
    if not counts:
        return None
    best = max(counts, key=lambda s: (counts[s], s))
    return None if best == "LATIN" else best
