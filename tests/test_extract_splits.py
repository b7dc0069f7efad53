"""Where extraction cuts a run of capitalised words holding two names (``_patterns/_splits.py``).

A user relies on: "X University and the University of Y" giving two names, "Ministry of Education
and Vocational Training" one; and on ``pk.extract`` over one long line of names joined by "and"
(a pasted list, a scraped table without full stops) doing work in proportion to the line: the cut
once rescanned the rest of the run for each name, so 100k characters took 8 s of CPU. The cut
gives exactly what that first version gave (kept below as the reference).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings

from partnerkit._extract._patterns._splits import split_run
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
from tests.strategies import split_runs
from tests.work import lines_executed

Run = list[tuple[int, int, str]]


def _run(text: str) -> Run:
    out, at = [], 0
    for word in text.split():
        out.append((at, at + len(word), word))
        at += len(word) + 1
    return out


def _names(parts: list[Run]) -> list[str]:
    return [" ".join(w for _s, _e, w in part) for part in parts]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("ITMO University and the University of Hamburg", ["ITMO University", "the University of Hamburg"]),
        ("Ministry of Education and Vocational Training", ["Ministry of Education and Vocational Training"]),
        ("Glasgow and Nanyang Technological University", ["Glasgow", "Nanyang Technological University"]),
        ("del Grupo Santander y de la Asociación Universia", ["del Grupo Santander", "de la Asociación Universia"]),
        ("HUST and Universität Hamburg", ["HUST", "Universität Hamburg"]),
        ("Hamburg and Paris", ["Hamburg and Paris"]),
        ("University of Hamburg", ["University of Hamburg"]),
    ],
)
def test_a_run_is_cut_where_a_second_name_starts(text: str, names: list[str]) -> None:
    assert _names(split_run(_run(text))) == names


@settings(max_examples=600)
@given(split_runs())
def test_the_cut_is_the_reference_cut(run: Run) -> None:
    assert split_run(run) == _reference_split_run(run)


@settings(max_examples=100)
@given(split_runs(max_size=60))
def test_the_cut_is_the_reference_cut_on_long_runs(run: Run) -> None:
    assert split_run(run) == _reference_split_run(run)


def _lines_run(run: Run) -> int:
    """Lines executed in ``_splits.py`` while cutting ``run`` (a count of work that load cannot change)."""
    return lines_executed(lambda: split_run(run), "_splits.py")


def test_cutting_a_long_line_of_names_is_linear() -> None:
    line = "University of Hamburg and ITMO University and the Institute of Physics and HUST and "
    small, big = _run(line * 50 + "ITMO University"), _run(line * 200 + "ITMO University")
    assert len(split_run(big)) == 4 * len(split_run(small)) - 3 == 801
    ratio = _lines_run(big) / _lines_run(small)
    assert ratio < 5, ratio  # 4x the words: 4x the work (the first version: about 16x)


# --- the reference: the first version of the cut, pass after pass over the parts ---------------


def _reference_split_run(run: Run) -> list[Run]:
    if not any(w.lower() in _SPLITTERS | _KEEP_AFTER for _s, _e, w in run[1:-1]):
        return [run]
    parts = [run]
    changed = True
    while changed:
        changed = False
        new: list[Run] = []
        for part in parts:
            cut = _reference_cut(part)
            if cut is None:
                new.append(part)
            else:
                new.extend([part[:cut], part[cut + 1 :]])
                changed = True
        parts = new
    return parts


def _reference_cut(part: Run) -> int | None:
    for i, (_s, _e, w) in enumerate(part):
        if w.lower() in _SPLITTERS and 0 < i < len(part) - 1:
            left, right = part[:i], part[i + 1 :]
            if _has_head(left) and _has_head(right) and not _head_then_of(left):
                return i
            if right[0][2].lower() in _DETERMINERS and _is_cap(right[-1][2]) and _has_head(left):
                return i
            if _has_head(right) and (
                _starts_new_name(right) or _has_acronym(left) or (_has_head(left) and _ends_in_head(right))
            ):
                return i
            if _has_acronym(left) and not _has_head(left) and _has_head(right):
                return i
            if _city_then_name(left, right):
                return i
            if _has_head(left) and _of_then_head(right):
                return i
        if w.lower() in _KEEP_AFTER and 0 < i < len(part) - 1:
            left, right = part[:i], part[i + 1 :]
            left_words = [x for _, _, x in left if x.lower() not in _DETERMINERS]
            left_heads = [_head_of(x) for x in left_words if _head_of(x)]
            if (
                _has_head(right)
                and _starts_name_after_of(right)
                and (not left_heads or (_head_of(left_words[0]) in _UNIT_HEADS))
            ):
                return i
    return None


def _of_then_head(part: Run) -> bool:
    words = [w for _s, _e, w in part]
    if len(words) < 2 or words[0].lower() not in _KEEP_AFTER:
        return False
    nxt = words[2] if words[1].lower() in _DETERMINERS and len(words) > 2 else words[1]
    return _is_cap(nxt) and _head_of(nxt) is not None


def _has_head(part: Run) -> bool:
    return any(_head_of(w) is not None for _, _, w in part)


def _head_then_of(part: Run) -> bool:
    words = [w.lower() for _, _, w in part]
    for i, w in enumerate(words):
        if _head_of(w) is not None and i + 1 < len(words) and words[i + 1] in _KEEP_AFTER:
            return not any(_head_of(x) for x in words[i + 1 :])
    return False


def _city_then_name(left: Run, right: Run) -> bool:
    if len(left) != 1 or _key(left[0][2]) not in gazetteer():
        return False
    words = [w for _, _, w in right]
    heads = [i for i, w in enumerate(words) if _head_of(w) is not None]
    return bool(heads) and heads[0] >= 2 and words[heads[0]].lower() not in _PLURAL_HEADS


def _starts_new_name(part: Run) -> bool:
    first = part[0][2].lower()
    return first in _DETERMINERS or _head_of(first) is not None or is_acronym_token(part[0][2])


def _ends_in_head(part: Run) -> bool:
    words = [w for _, _, w in part]
    heads = [i for i, w in enumerate(words) if _head_of(w) is not None and w.lower() not in _PLURAL_HEADS]
    return bool(heads) and heads[0] > 0 and _is_cap(words[0])


def _has_acronym(part: Run) -> bool:
    return any(is_acronym_token(w) for _, _, w in part)


def _starts_name_after_of(part: Run) -> bool:
    words = [w for _, _, w in part if w.lower() not in _DETERMINERS]
    if not words:
        return False
    if _head_of(words[0]) is not None and _head_of(words[0]) not in _UNIT_HEADS:
        return words[0].lower() in _HEADS_HEAD_FIRST or len(words) > 1
    heads = [i for i, w in enumerate(words) if _head_of(w)]
    return bool(heads) and _is_cap(words[0]) and heads[0] > 0
