"""A sub-unit named together with its parent: the parent is the organisation.

"the Faculty of Law of Riverton University", "l'Ecole supérieure polytechnique de l'Université
de Lomé", "die Fakultät für Physik der Universität Rostock", "the Institute of Physics of the
Polish Academy of Sciences", "Riverton University School of Medicine", "the Davis Center at
Riverton University": one run of name words that holds a unit (a faculty, school, institute,
centre...) and, after a link word ("of", "de", "der", "at"), the name of a university or academy.
The run is cut in two: the unit (kind "unit", never a party) and the parent (a name).
"""

from __future__ import annotations

import re

from partnerkit._extract._patterns._words import _DETERMINERS, _KEEP_AFTER, Span, _head_of, _is_cap, is_acronym_token

__all__ = ["RU_UNIT", "ru_units", "units_at", "units_of_parents"]

_Tok = tuple[int, int, str]

# Heads that may name a part of a university or academy (besides faculty, department, ...).
_UNIT_CAPABLE = frozenset(
    """department faculty laboratory lab division office chair school departamento facultad faculté
    fakultät département laboratorio laboratoire lehrstuhl hospital college institute centre center
    école ecole escuela instituto institut istituto centro zentrum scuola colegio collège
    council consejo conseil senate senado sénat senat board rectorado rectorat""".split()  # noqa: SIM905
)
# Heads of the organisations such units belong to.
_PARENT_HEADS = frozenset(
    """university universidad universidade université universite università universität universitaet
    hochschule academy academia académie akademie""".split()  # noqa: SIM905
)
_LINKS = _KEEP_AFTER | {"der", "at"}
# the units an acronym names the parent of ("TUM School of Management", "UCL Faculty of Laws")
_ACRONYM_UNITS = frozenset(["school", "faculty", "department"])


def _words(part: list[_Tok]) -> list[str]:
    return [w for _, _, w in part if w.lower() not in _DETERMINERS]


def _is_unit(part: list[_Tok]) -> bool:
    """The run starts as a unit: its first word is a unit head and it holds no parent head."""
    words = _words(part)
    if not words or _head_of(words[0]) not in _UNIT_CAPABLE:
        return False
    return not any(_head_of(w) in _PARENT_HEADS for w in words)


def _starts_parent(part: list[_Tok]) -> bool:
    """The run starts with a university's or academy's name ("the Polish Academy of Sciences",
    "Riverton University", "l'Université de Lomé", "University of Oslo")."""
    words = [w for _, _, w in part]
    while words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    if not words:
        return False
    first = _head_of(words[0])
    if first in _PARENT_HEADS:
        if "-" in words[0]:
            return True  # "der Tongji-Universität": a compound naming the university
        return len(words) > 1 and (_is_cap(words[1]) or (len(words) > 2 and words[1].lower() in _KEEP_AFTER))
    for i, w in enumerate(words):
        head = _head_of(w)
        if head is not None:
            return head in _PARENT_HEADS and i > 0
        if not _is_cap(w):
            return False
    return False


def units_of_parents(run: list[_Tok]) -> list[tuple[list[_Tok], bool]]:
    """The run cut into (piece, is_unit) pieces, a unit before or after its parent's name."""
    if len(run) < 3 or not any(_head_of(w) in _UNIT_CAPABLE for _, _, w in run):
        return [(run, False)]
    # "the Faculty of Law of Riverton University": the unit before the parent.
    if _is_unit(run[:1]) or (run[0][2].lower() in _DETERMINERS and _is_unit(run[:2])):
        for i in range(1, len(run) - 1):
            if run[i][2].lower() in _LINKS and _is_unit(run[:i]) and _starts_parent(run[i + 1 :]):
                rest = units_of_parents(run[i + 1 :])
                return [(run[:i], True), *rest]
    # "TUM School of Engineering": the parent's acronym, then the unit.
    a = 1 if run[0][2].lower() in _DETERMINERS else 0
    if is_acronym_token(run[a][2]) and _head_of(run[a + 1][2]) in _ACRONYM_UNITS:
        rest = units_of_parents(run[a + 1 :])  # ("... der Technischen Universität München": its parent named)
        return [(run[a : a + 1], False), *(rest if len(rest) > 1 else [(run[a + 1 :], True)])]
    # "Riverton University School of Medicine": the parent, then the unit.
    for i in range(1, len(run) - 1):
        if _head_of(run[i][2]) not in _PARENT_HEADS or not _is_cap(run[i - 1][2]) or _head_of(run[i - 1][2]):
            continue
        nxt = run[i + 1][2]
        if _head_of(nxt) in _UNIT_CAPABLE and _head_of(nxt) not in _PARENT_HEADS and len(run) > i + 2:
            return [(run[: i + 1], False), (run[i + 1 :], True)]
        if nxt[0].isupper() and _head_of(nxt) is None and i + 2 < len(run) and _head_of(run[i + 2][2]) in _UNIT_CAPABLE:
            return [(run[: i + 1], False), (run[i + 1 :], True)]
    return [(run, False)]


_AT = re.compile(r" (?:at|of|в|при|de|del|de la|an der|der) (?:the |la |l['’])?")


def units_at(text: str, spans: list[Span], offset: int) -> list[Span]:
    """ "the Davis Center at Riverton University": a centre, institute or school named right
    before " at " a university or academy is a unit of it (spans in text order)."""
    out = list(spans)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if a.kind != "name" or a.head not in _UNIT_CAPABLE or a.head in _PARENT_HEADS or b.head not in _PARENT_HEADS:
            continue
        gap = text[a.end - offset : b.start - offset]
        if gap.startswith(" at ") and _AT.fullmatch(gap):
            out[i] = Span(a.start, a.end, a.text, "unit", a.head)
    return out


RU_UNIT = re.compile(
    r"^(?:институт|факультет|центр|школ|высш\w+ школ|лаборатори|кафедр|колледж)\w*(?:\s|$)", re.IGNORECASE
)
_RU_PARENT = re.compile(r"(?:университета|академии)(?:\s|$)", re.IGNORECASE)


def ru_units(text: str, spans: list[Span], offset: int) -> list[Span]:
    """ "Институт востоковедения Российской академии наук": an institute, faculty or school
    followed directly by a university or academy in the genitive is a unit of it."""
    out = list(spans)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if a.kind != "name" or text[a.end - offset : b.start - offset] != " ":
            continue
        if RU_UNIT.match(a.text) and _RU_PARENT.search(b.text) and not _RU_PARENT.search(a.text):
            out[i] = Span(a.start, a.end, a.text, "unit", a.head)
    return out
