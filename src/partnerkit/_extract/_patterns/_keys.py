"""The distinctive words of a name, to group the forms of one name in a text."""

from __future__ import annotations

import functools
import re

from partnerkit._extract._text import CJK
from partnerkit._names import fold

__all__ = ["name_key"]

_CYRILLIC_CHAR = re.compile(r"[\u0400-\u04ff]")
_GENERIC_KEY = frozenset(
    """university universities universidad université universite universität universitaet college the of
    universiteit universitat zu università universita universidade uniwersytet univerzita
    and for de del la las los el le les des du d l di da der die das und y et state national federal
    research technical technological public autonomous nacional autónoma national nationale staatliche
    государственный государственного государственным государственном национальный федеральный
    федерального исследовательский научно университет университета университету университетом
    университете им имени""".split()  # noqa: SIM905
)
# Short forms that stand for the first words of a name ("TU Dresden" is "Technische Universität
# Dresden", "FU Berlin" is "Freie Universität Berlin", "TH Köln" is "Technische Hochschule Köln",
# "KU Leuven" is "Katholieke Universiteit Leuven"); "TU Delft" is also "Delft University of
# Technology": "technology" has the key of "technische".
_SHORT_WORD = {"tu": ("techni",), "fu": ("freie",), "th": ("techni", "hochsc"), "ku": ("kathol",)}
_TECHNOLOGY = ("technology", "technologie", "technologies")


@functools.lru_cache(maxsize=65536)
def name_key(name: str) -> frozenset[str]:
    """The distinctive words of a name, for grouping forms of one name in a text.

    Example:
        >>> name_key("University of Turbat") == name_key("Turbat University")
        True
        >>> name_key("Казанский университет") == name_key("Казанского федерального университета")
        True
        >>> name_key("TU Dresden") == name_key("Technische Universität Dresden")
        True
        >>> name_key("TU Delft") == name_key("Delft University of Technology")
        True
        >>> name_key("KU Leuven") == name_key("Katholieke Universiteit Leuven")
        True
    """
    words = re.findall(r"[^\W_]+", name.casefold())
    out: set[str] = set()
    for w in words:
        if w in _GENERIC_KEY:
            continue
        if w in _SHORT_WORD:
            out.update(_SHORT_WORD[w])
            continue
        if w in _TECHNOLOGY:
            out.add("techni")
            continue
        if CJK.match(w):
            out.add(w)
            continue
        if not w.isascii() and not _CYRILLIC_CHAR.match(w):
            w = fold(w).replace(" ", "")  # noqa: PLW2901
        if _CYRILLIC_CHAR.match(w):
            if w.startswith(("государствен", "федеральн", "национальн", "университет", "исследовательск")):
                continue
            w = w[:5]  # noqa: PLW2901
        elif len(w) > 6 and w.isalpha():
            w = w[:6]  # noqa: PLW2901
        out.add(w)
    if _STATE_UNIVERSITY.search(name):
        out.add("state")  # "Arizona State University" is not "the University of Arizona"
    return frozenset(out)


_STATE_UNIVERSITY = re.compile(r"\b[A-Z][a-z]+ State University\b")
