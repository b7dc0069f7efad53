"""Acronyms found by their shape (``HUST``, ``EUA``, ``КФУ``), alliance names with digits
("4EU+", "Universitas 21") and an acronym with its city ("RWTH Aachen")."""

from __future__ import annotations

import functools
import itertools
import operator
import re

from partnerkit._extract._patterns._keys import _SHORT_WORD
from partnerkit._extract._patterns._words import _PLURAL_HEADS, _TITLES, Span, _head_of, _tokens, is_acronym_token
from partnerkit._extract._places import gazetteer
from partnerkit._model._countries import _key

__all__ = ["find_acronyms"]

_TITLE_AFTER = re.compile(r",? (?:president|rector|head|dean|the president)\b", re.IGNORECASE)
_NUMBER_AFTER = re.compile(r"\s?[-–:]?\s?\d")
_LABEL_AFTER = re.compile(r"\s*[:–—-]\s")


def find_acronyms(text: str, offset: int = 0) -> list[Span]:
    """Acronym-like tokens that may name an organisation (``HUST``, ``EUA``, ``КФУ``), and the
    names an acronym or number makes with its neighbour ("RWTH Aachen", "Universitas 21")."""
    out: list[Span] = []
    toks = _tokens(text)
    all_caps_line: bool | None = None  # worked out at the first candidate
    joined_to = -1  # the token a slashed acronym took in ("(AUN/SEED-Net)")
    # only the tokens that may yield a span are read (a few per sentence), picked out in C
    for i in itertools.compress(range(len(toks)), map(_may_yield, map(_WORD_OF, toks))):
        if i == joined_to:
            continue
        s, e, w = toks[i]
        slashed = _slashed(text, toks, i)
        if slashed is not None:  # "(AUN/SEED-Net)": one short form in parentheses, not two
            out.append(Span(s + offset, slashed + offset, text[s:slashed], "acronym", None))
            joined_to = i + 1
            continue
        core = w.rstrip(".")
        if core[-2:] in ("'s", "’s") and core[:-2].isupper():
            core = core[:-2]  # "ARUA's centre": the possessive is no part of the acronym
        if any(c.isdigit() for c in core):
            if core.isdigit() and _word_and_number(toks, i):  # "the Universitas 21 network", "la red Universitas 21"
                end = s + len(core)
                out.append(Span(toks[i - 1][0] + offset, end + offset, text[toks[i - 1][0] : end], "name", None))
                continue
            if _alliance_name(toks, i):  # "the 4EU+ alliance", "l'alliance européenne 4EU+", "EC2U"
                end = e + (text[e : e + 1] == "+")
                out.append(Span(s + offset, end + offset, text[s:end], "acronym", None))
            continue
        if not is_acronym_token(core) or "." in core:
            continue
        if all_caps_line is None:
            all_caps_line = sum(map(str.isupper, (t[2] for t in toks))) > 0.6 * max(1, len(toks)) and len(toks) > 3
        if all_caps_line:
            continue
        nxt_word = toks[i + 1][2] if i + 1 < len(toks) else ""
        if (
            core.isupper()
            and nxt_word[:1].isupper()
            and text[e : e + 1] == " "
            and (
                _key(nxt_word) in gazetteer()
                # "TU Liberec", "FU Vexburg": a short form of a name's first words and its place,
                # also where the place is not in the gazetteer
                or (core.lower() in _SHORT_WORD and nxt_word[1:2].islower() and _head_of(nxt_word) is None)
            )
        ):
            end = toks[i + 1][1]  # "RWTH Aachen", "TU Delft": an acronym and its city
            out.append(Span(s + offset, end + offset, text[s:end], "name", "university"))
            continue
        if len(core) < 3:
            continue
        if (
            core.isupper()
            and nxt_word[:1].isupper()
            and nxt_word[1:2].islower()
            and _head_of(nxt_word) is None
            and text[e : e + 1] == " "
        ):
            continue  # "WANG Fei", "LI Jung": a surname in capitals
        if nxt_word.lower() in _PLURAL_HEADS and core.isupper():
            continue  # "three ASEAN universities": an adjective, not a name
        e = s + len(core)
        prev = toks[i - 1][2].lower().rstrip(".") if i else ""
        after = text[e : e + 16]
        if prev in _TITLES or _TITLE_AFTER.match(after):
            continue
        if _NUMBER_AFTER.match(after) or (i == 0 and _LABEL_AFTER.match(after)):
            continue
        if (
            len(core) > 5
            and core.isupper()
            and core.isalpha()
            and i + 1 < len(toks)
            and toks[i + 1][2][:1].isupper()
            and toks[i + 1][2].isupper()
        ):
            continue
        out.append(Span(s + offset, e + offset, core, "acronym", None))
    return out


_WORD_OF = operator.itemgetter(2)


@functools.lru_cache(maxsize=65536)
def _may_yield(w: str) -> bool:
    """False for a token that makes no span, whatever its neighbours: every span is made from a
    token with a digit ("4EU", "21") or with two capitals at least (every other one fails
    :func:`is_acronym_token`, which the slashed form asks of both its tokens too); the
    possessive or dot taken off a token only removes letters. Skipping such a token changes
    nothing else: only a slashed form's second token is skipped for what came before."""
    if w.islower() or w[1:].islower():
        return False
    return sum(map(str.isupper, w)) >= 2 or any(map(str.isdigit, w))


def _slashed(text: str, toks: tuple[tuple[int, int, str], ...], i: int) -> int | None:
    """The end of "A/B" when two acronym-like tokens joined by a slash fill a pair of parentheses."""
    s, e, w = toks[i]
    if i + 1 >= len(toks) or text[s - 1 : s] != "(" or text[e : e + 1] != "/":
        return None
    s2, e2, w2 = toks[i + 1]
    if s2 != e + 1 or text[e2 : e2 + 1] != ")":
        return None
    return e2 if is_acronym_token(w) and is_acronym_token(w2.split("-")[0]) else None


_ALLIANCE_WORD = re.compile(
    r"(?:alliance|allianz|alianza|альянс|network|netzwerk|red|r[ée]seau|сеть|consorti|associa|asociaci|verband|ассоциац"
    r"|member|mitglied|miembro|membre|член)",
    re.I,
)


def _alliance_name(toks: tuple[tuple[int, int, str], ...], i: int) -> bool:
    """A token with digits ("4EU", "EC2U") is a name only beside an alliance word: capitals
    and digits alone are too often a model, a grant or a group of states ("G20", "H2020")."""
    w = toks[i][2]
    if sum(c.isupper() for c in w) < 2 or not all(c.isupper() or c.isdigit() for c in w):
        return False
    near = [t[2] for t in toks[max(0, i - 2) : i]] + [t[2] for t in toks[i + 1 : i + 2]]
    if toks[i + 1 : i + 2] and toks[i + 1][2] == ",":  # "der TU9, des Verbands ...": the apposition
        near += [t[2] for t in toks[i + 2 : i + 4]]
    return any(_ALLIANCE_WORD.search(x) for x in near)


def _word_and_number(toks: tuple[tuple[int, int, str], ...], i: int) -> bool:
    """A number after a capitalised word names an alliance when an alliance word is next to the
    pair ("the Universitas 21 network", "la red Universitas 21"), not a date or a count."""
    if i < 2 or len(toks[i][2]) > 3:
        return False
    word = toks[i - 1][2]
    if not (word[:1].isupper() and word[1:].islower() and word.isalpha() and len(word) > 3):
        return False
    near = [toks[i - 2][2]] + [t[2] for t in toks[i + 1 : i + 2]]
    if i >= 3 and toks[i - 2][2].lower() in ("of", "de", "du", "des", "der", "del", "di"):
        near.append(toks[i - 3][2])  # "a member of Universitas 21", "miembro de Universitas 21"
    return any(_ALLIANCE_WORD.fullmatch(x.strip(".,;:")) for x in near)
