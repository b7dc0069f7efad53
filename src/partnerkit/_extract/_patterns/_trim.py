"""A run of name-like words trimmed to the name it holds: leading fillers and a country's possessive
dropped, the words after an English head kept only when they continue the name, venues, rankings
and bare heads refused, and the span's kind (a name, or a unit of one) told.
"""

from __future__ import annotations

import re

from partnerkit._extract._patterns._words import (
    _CONNECTORS,
    _DETERMINERS,
    _FIELD_WORDS,
    _HEADS_HEAD_FIRST,
    _KEEP_AFTER,
    _ROMANCE_ADJECTIVE,
    _TITLES,
    _UNIT_HEADS,
    CALENDAR,
    Span,
    _adjective_tail,
    _head_of,
    _is_cap,
)
from partnerkit._extract._places import find_places, gazetteer
from partnerkit._model._countries import _key

__all__ = ["trim"]


# Sentence adverbs a capitalised run may start with ("Now Riverton University and ...").
_ADVERBS = frozenset(
    """now today yesterday also meanwhile recently earlier later then however moreover furthermore
    additionally currently previously subsequently finally thus hence still already next both either neither
    hoy ayer además actualmente también aujourd'hui hier également actuellement heute gestern auch""".split()  # noqa: SIM905
)
# a German compound of a proper word and a head: "Shandong-Universität", "Tsinghua-Universität"
# (not a common noun before the hyphen: "Partner-Universität", "Exzellenz-Universität")
_HYPHEN_NAME = re.compile(
    r"^(?!(?:Partner|Exzellenz|Elite|Volks|Hoch|Fach|Gast|Heimat|Mutter|Schwester)-)[A-Z][a-z]+(?:-[A-Z][a-z]+)*-"
    r"(?:Universität|Hochschule|Akademie|Institut)$"
)
_LEADING_FILLERS = _CONNECTORS | _DETERMINERS | _ADVERBS | CALENDAR  # words a name does not start with
_OF_AFTER = re.compile(r"\s+(?:of|de|des|du|der)\s")
_PLURAL_HEADS_EN = frozenset(["universities", "institutes"])
# rooms and buildings: a head word followed by one names a venue ("the Council Hall", "the Senate
# Building"), not an organisation
_VENUE_WORDS = frozenset(
    "hall building auditorium theatre theater room chamber house tower square library campus".split()  # noqa: SIM905
)
# the title of a ranking ("the QS World University Rankings 2025") names no organisation
_RANKING_AFTER = re.compile(r"['’]?s?\s+Rankings?\b")


def _place_possessive(words: list[str]) -> bool:
    """The words are a country with a possessive ending ("Kenya's", "South Africa's"; not a city:
    "Glasgow's School of ..." is often the university's)."""
    name = " ".join(words)[:-2]
    if not words[-1].endswith(("'s", "’s")) or not name[:1].isupper():
        return False
    places = find_places(name)
    return len(places) == 1 and places[0].start == 0 and places[0].end == len(name) and places[0].city is None


def trim(text: str, part: list[tuple[int, int, str]]) -> Span | None:
    while part and part[0][2].lower() in _LEADING_FILLERS:
        part = part[1:]
    # "Kenya's Moi University", "South Africa's University of X": the place is not part of the name
    for k in (1, 2, 3):
        if len(part) > k and _place_possessive([w for _, _, w in part[:k]]):
            part = part[k:]
            break
    heads = [i for i, (_, _, w) in enumerate(part) if _head_of(w) is not None]
    if not heads:
        return None
    last = heads[-1]
    head = _head_of(part[last][2]) or ""
    head_first = head in _HEADS_HEAD_FIRST or head == "hochschule" or _romance_order(part, last, head)
    # After an English head only "of/for ..." continues the name.
    if not head_first and last + 1 < len(part) and part[last + 1][2].lower() not in _KEEP_AFTER:
        keep = last + 1
        # A name of heads only goes on with the capitalised word after it: "University College London".
        after = part[keep][2]
        if (
            _is_cap(after)
            and after.lower().rstrip(".,") not in _VENUE_WORDS
            and after.lower() not in _CONNECTORS
            and after.lower() not in _DETERMINERS
            and after.lower().rstrip(".") not in _TITLES
            and all(_head_of(w) is not None or w.lower() in _CONNECTORS for _, _, w in part[:keep])
        ):
            keep += 1
        elif head == "college" and _is_cap(after) and _key(after) in gazetteer():
            keep += 1  # "Imperial College London", "Trinity College Dublin": the city is part of the name
        part = part[:keep]
    tail = _adjective_tail(text, part, last, head)  # "l'École normale supérieure": lower-case words of the name
    while len(part) > tail and (
        part[-1][2].lower() in _CONNECTORS or part[-1][2].lower() in _DETERMINERS or not _is_cap(part[-1][2])
    ):
        if _head_of(part[-1][2]) is not None and len(part) > 1:
            break
        part = part[:-1]
    if not part:
        return None
    words = [w for _, _, w in part]
    compound = len(words) == 1 and _HYPHEN_NAME.match(words[0].rstrip(".")) is not None
    if len(words) == 1 and not compound:
        return None  # a bare head is a reference, not a name ("Shandong-Universität" is one)
    if not compound and all(_head_of(w) is not None or w.lower() in _CONNECTORS for w in words):
        return None
    first_head = next(_head_of(w) for w in words if _head_of(w) is not None)
    if first_head in _PLURAL_HEADS_EN and _head_of(words[-1]) == first_head:
        return None  # "South Korean Universities", "Leading Institutes": a category, not a name
    kind = "unit" if first_head in _UNIT_HEADS and _head_of(words[0]) is not None else "name"
    if first_head in _UNIT_HEADS and all(_of_a_unit(w) for w in words[: _first_head_at(words)]):
        kind = "unit"  # "The Business School", "die Heidelberger Fakultät für Physik": a part, no parent named
    start, end = part[0][0], part[-1][1]
    if _RANKING_AFTER.match(text, end):
        return None  # "the QS World University Rankings": a ranking's title
    if _head_of(words[-1]) in _UNIT_HEADS and _OF_AFTER.match(text, end):
        kind = "unit"  # "the International Relations Office of the two universities": a part of them
    if text[end - 1 : end] == "." and not _INITIAL_DOT.search(text[start:end]):
        end -= 1
    return Span(start, end, text[start:end], kind, first_head)


# heads spelt alike in English and French: "Association Européenne des Conservatoires" is French
_SHARED_HEADS = frozenset(["association", "union", "organisation", "commission"])
_ROMANCE_OF = frozenset(["des", "du", "de", "d'", "d’"])


def _romance_order(part: list[tuple[int, int, str]], last: int, head: str) -> bool:
    """True when a head spelt alike in English and French is followed by a French adjective and
    "des/du/de": the name goes on in French order ("Union Internationale des Universités")."""
    return (
        head in _SHARED_HEADS
        and last + 3 < len(part)
        and _ROMANCE_ADJECTIVE.match(part[last + 1][2].lower()) is not None
        and part[last + 2][2].lower() in _ROMANCE_OF
    )


def _first_head_at(words: list[str]) -> int:
    return next(i for i, w in enumerate(words) if _head_of(w) is not None)


def _of_a_unit(word: str) -> bool:
    """A word before a unit head that names no organisation of its own: a field ("Business") or a
    German city adjective ("Heidelberger", "Kölner": the city's university)."""
    low = word.lower()
    return low in _FIELD_WORDS or (low.endswith("er") and len(low) > 5 and _key(word[:-2]) in gazetteer())


_INITIAL_DOT = re.compile(r"\b\w\.$")
