"""Where a run of capitalised words holding two names is cut in two ("X University and the
University of Y", "del Grupo X y de la Asociación Y", "Glasgow and Nanyang Technological University").
"""

from __future__ import annotations

from partnerkit._extract._patterns._words import (
    _DETERMINERS,
    _HEADS_HEAD_FIRST,
    _KEEP_AFTER,
    _PLURAL_HEADS,
    _SPLITTERS,
    _UNIT_HEADS,
    _head_of,
    _is_cap,
    is_acronym_token,
)
from partnerkit._extract._places import gazetteer
from partnerkit._model._countries import _key

__all__ = ["split_run"]


def split_run(run: list[tuple[int, int, str]]) -> list[list[tuple[int, int, str]]]:
    # A cut falls only at a splitter or an "of" word inside the run: most runs have none.
    if not any(w.lower() in _CUT_WORDS for _s, _e, w in run[1:-1]):
        return [run]
    parts = [run]
    changed = True
    while changed:
        changed = False
        new: list[list[tuple[int, int, str]]] = []
        for part in parts:
            cut = None
            for i, (_s, _e, w) in enumerate(part):
                if w.lower() in _SPLITTERS and 0 < i < len(part) - 1:
                    left, right = part[:i], part[i + 1 :]
                    if _has_head(left) and _has_head(right) and not _head_then_of(left):
                        cut = i
                        break
                    if right[0][2].lower() in _DETERMINERS and _is_cap(right[-1][2]) and _has_head(left):
                        cut = i
                        break
                    if _has_head(right) and (
                        _starts_new_name(right) or _has_acronym(left) or (_has_head(left) and _ends_in_head(right))
                    ):
                        cut = i
                        break
                    if _has_acronym(left) and not _has_head(left) and _has_head(right):
                        cut = i
                        break
                    if _city_then_name(left, right):
                        cut = i
                        break
                    if _has_head(left) and _of_then_head(right):
                        # "del Grupo X y de la Asociación Y", "of the X Group and of the Y Network"
                        cut = i
                        break
                if w.lower() in _KEEP_AFTER and 0 < i < len(part) - 1:
                    left, right = part[:i], part[i + 1 :]
                    left_words = [x for _, _, x in left if x.lower() not in _DETERMINERS]
                    left_heads = [_head_of(x) for x in left_words if _head_of(x)]
                    if (
                        _has_head(right)
                        and _starts_name_after_of(right)
                        and (not left_heads or (_head_of(left_words[0]) in _UNIT_HEADS))
                    ):
                        cut = i
                        break
            if cut is None:
                new.append(part)
            else:
                new.extend([part[:cut], part[cut + 1 :]])
                changed = True
        parts = new
    return parts


_CUT_WORDS = _SPLITTERS | _KEEP_AFTER


def _of_then_head(part: list[tuple[int, int, str]]) -> bool:
    """The part opens with "of (the)" and a capitalised head ("de la Asociación ...", "of the Network ...")."""
    words = [w for _s, _e, w in part]
    if len(words) < 2 or words[0].lower() not in _KEEP_AFTER:
        return False
    nxt = words[2] if words[1].lower() in _DETERMINERS and len(words) > 2 else words[1]
    return _is_cap(nxt) and _head_of(nxt) is not None


def _has_head(part: list[tuple[int, int, str]]) -> bool:
    return any(_head_of(w) is not None for _, _, w in part)


def _head_then_of(part: list[tuple[int, int, str]]) -> bool:
    # "Ministry of Education and Vocational Training": the left side ends inside an "of" phrase.
    words = [w.lower() for _, _, w in part]
    for i, w in enumerate(words):
        if _head_of(w) is not None and i + 1 < len(words) and words[i + 1] in _KEEP_AFTER:
            return not any(_head_of(x) for x in words[i + 1 :])
    return False


def _city_then_name(left: list[tuple[int, int, str]], right: list[tuple[int, int, str]]) -> bool:
    """ "Glasgow and Nanyang Technological University": a lone city before "and" is a university
    named by its city, not the first half of a name whose head comes later; the right side is a
    whole name of its own (two words or more before a singular head: shared heads are plural,
    "the Hainan and Sanya universities")."""
    if len(left) != 1 or _key(left[0][2]) not in gazetteer():
        return False
    words = [w for _, _, w in right]
    heads = [i for i, w in enumerate(words) if _head_of(w) is not None]
    return bool(heads) and heads[0] >= 2 and words[heads[0]].lower() not in _PLURAL_HEADS


def _starts_new_name(part: list[tuple[int, int, str]]) -> bool:
    first = part[0][2].lower()
    return first in _DETERMINERS or _head_of(first) is not None or is_acronym_token(part[0][2])


def _ends_in_head(part: list[tuple[int, int, str]]) -> bool:
    words = [w for _, _, w in part]
    heads = [i for i, w in enumerate(words) if _head_of(w) is not None and w.lower() not in _PLURAL_HEADS]
    return bool(heads) and heads[0] > 0 and _is_cap(words[0])


def _has_acronym(part: list[tuple[int, int, str]]) -> bool:
    return any(is_acronym_token(w) for _, _, w in part)


def _starts_name_after_of(part: list[tuple[int, int, str]]) -> bool:
    words = [w for _, _, w in part if w.lower() not in _DETERMINERS]
    if not words:
        return False
    if _head_of(words[0]) is not None and _head_of(words[0]) not in _UNIT_HEADS:
        return words[0].lower() in _HEADS_HEAD_FIRST or len(words) > 1
    heads = [i for i, w in enumerate(words) if _head_of(w)]
    return bool(heads) and _is_cap(words[0]) and heads[0] > 0
