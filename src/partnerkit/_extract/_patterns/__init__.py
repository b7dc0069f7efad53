"""Organisation names found by their shape, in English, Romance languages, German, Russian and Chinese.

A name is a run of capitalised words and connectors that holds a head noun ("University",
"Institute", "Universidad", "Hochschule", "университет", "大学"...), split where two names
meet ("X University and the University of Y"), plus quoted names, acronyms and names that
share one plural head ("Les universités Mohammed V de Rabat et Cheikh Anta Diop de Dakar").
Where a run is cut lives in ``_splits``; how a cut part is trimmed to its name, in ``_trim``.
"""

from __future__ import annotations

import functools
import re

from partnerkit._extract._patterns._acronyms import find_acronyms
from partnerkit._extract._patterns._keys import _CYRILLIC_CHAR, name_key
from partnerkit._extract._patterns._marked import with_marked
from partnerkit._extract._patterns._officials import find_cities, find_ministers
from partnerkit._extract._patterns._scripts import _find_ru, _find_zh
from partnerkit._extract._patterns._splits import split_run
from partnerkit._extract._patterns._trim import trim
from partnerkit._extract._patterns._units import ru_units, units_at, units_of_parents
from partnerkit._extract._patterns._words import (
    _ACRONYM_STOP,
    _CONNECTORS,
    _CONNECTORS_AFTER_HEAD,
    _HEAD_STEMS,
    _HEADS_HEAD_FIRST,
    _NORDIC_HEADS,
    _PLURAL_HEADS,
    _ROLE_NOUNS,
    _RU_HEADS,
    _TITLES,
    Span,
    _head_of,
    _is_cap,
    _tokens,
    is_acronym_token,
    without_possessive,
)
from partnerkit._extract._places import gazetteer
from partnerkit._extract._text import CJK
from partnerkit._extract._trie import literal_trie
from partnerkit._model._countries import _key

__all__ = ["Span", "bare_name", "find_acronyms", "find_names", "is_acronym_token", "name_key"]


def find_names(text: str, offset: int = 0) -> list[Span]:
    """Organisation names in one sentence, by shape (no registry needed).

    Example:
        >>> [s.text for s in find_names("HUST and the Saint-Petersburg State University of Information Technologies, "
        ...                            "Mechanics and Optics (ITMO University) signed it.")]
        ['Saint-Petersburg State University of Information Technologies, Mechanics and Optics', 'ITMO University']
        >>> [s.text for s in find_names("the Hainan University, Hainan Normal University and Sanya University")]
        ['Hainan University', 'Hainan Normal University', 'Sanya University']
    """
    out: list[Span] = []
    plain = text.isascii()
    if not plain and CJK.search(text):
        out.extend(_find_zh(text, offset))
    toks = _tokens(text)
    out.extend(_find_latin(text, toks, offset))
    if not plain and _CYRILLIC_CHAR.search(text):
        out.extend(_find_ru(text, toks, offset))
    out.extend(_find_quoted(text, offset, out))
    if _KIND_AFTER.search(text):
        out.extend(_kind_named(text, offset))
    out = with_marked(out, text, offset)
    if "inist" in text or "инистр" in text:
        out.extend(find_ministers(text, offset))
    if _CITY_WORDS.search(text):
        out.extend(find_cities(text, offset))
    if any(_PROGRAMME_NAME.search(s.text) for s in out):
        out = _without_programmes(text, out, offset)
    out.sort(key=lambda s: (s.start, -s.end))
    kept: list[Span] = []
    for span in map(without_possessive, out):
        if kept and span.start < kept[-1].end:
            continue
        kept.append(span)
    if not plain and len(kept) > 1 and _CYRILLIC_CHAR.search(text):
        kept = ru_units(text, kept, offset)
    return kept


def _without_programmes(text: str, spans: list[Span], offset: int) -> list[Span]:
    """The spans but programme names ("the Andes Summer School": a programme partners run, not an
    organisation); the organisation a programme name ends in ("Summer School of X University") is kept."""
    out: list[Span] = []
    for span in spans:
        m = _PROGRAMME_NAME.search(span.text)
        if m is None:
            out.append(span)
            continue
        of = _PROGRAMME_OF.search(span.text, m.end())
        if of is not None:
            at = span.start - offset + of.end()
            out.extend(s for s in find_names(text[at : span.end - offset], offset + at) if s.end <= span.end)
    return out


_PROGRAMME_OF = re.compile(r" (?:of|of the|de|de la|del|der|des|di|della|da|do|at) (?=[A-ZÀ-Ý])")
# the name of a seasonal school: a programme (what partners run together), never a party
_PROGRAMME_NAME = re.compile(
    r"(?i:\b(?:summer|winter|spring|autumn) schools?\b|\bescuelas? de (?:verano|invierno)\b|"
    r"\bescolas? de (?:ver[ãa]o|inverno)\b|\b[ée]coles? d['’](?:[ée]t[ée]|hiver)\b|\bscuol[ae] (?:estiv|invernal)|"
    r"(?:sommer|winter)(?:schule|akademie|universität|kurs)|летн\w* школ|зимн\w* школ)|暑期学校|冬季学校"
)
# "the Una Europa alliance", "The Coimbra network": a proper name before a lower-case kind word
# (a literal check first, then the shape; the kind word is not part of the name)
_KIND_AFTER = literal_trie([" alliance", " network", " consortium", " association", " league"])
_KIND_NAMED = re.compile(
    r"(?<![\w-])(?:the|The) ((?:[A-Z][\w+'’-]*)(?: [A-Z][\w+'’-]*){0,2})"
    r" (alliance|network|consortium|association|league)(?![\w-])"
)
# capitalised words that describe rather than name ("the European network", "the Nordic alliance")
_DESCRIBING = re.compile(r"(?:an|ish|ese|ic|ch|wide|International|Global|National|Regional|Universities)$")


def _kind_named(text: str, offset: int) -> list[Span]:
    out: list[Span] = []
    for m in _KIND_NAMED.finditer(text):
        words = m.group(1).split()
        if any(_head_of(w) is not None for w in words):
            continue  # a name with its own head is found by its shape
        if all(_DESCRIBING.search(w.rstrip("'’s")) or _key(w) in gazetteer() for w in words):
            continue
        if words[0].lower() in _LEADING_STOP or (words[0].isupper() and len(words) == 1):
            continue  # an acronym ("the TU9 association") is found as an acronym
        s, e = m.start(1), m.end(1)
        out.append(Span(s + offset, e + offset, text[s:e], "name", m.group(2)))
    return out


def bare_name(span: Span) -> bool:
    """A name found before a lower-case kind word (no head word of its own): its later bare uses
    ("Una Europa was founded in 2019") name the same organisation."""
    return (
        span.kind == "name"
        and span.head in _KIND_WORDS
        and span.text[:1].isascii()
        and not any(_head_of(w) is not None for w in span.text.split())
        and _KIND_NAMED.search(f"the {span.text} {span.head}") is not None
    )


_KIND_WORDS = frozenset(["alliance", "network", "consortium", "association", "league"])


# [Cc]ity|[Cc]iudad|[Vv]ille|Stadt|[Mm]unicip, as a trie (only asked whether one is in a sentence)
_CITY_WORDS = literal_trie(["City", "city", "Ciudad", "ciudad", "Ville", "ville", "Stadt", "Municip", "municip"])
_Info = tuple[bool, bool, bool, bool, bool, str | None, bool, bool, bool]


@functools.lru_cache(maxsize=65536)
def _word_info(w: str) -> _Info:
    """What _runs asks of a word: (may join, leading stop, capitalised, connector,
    lower-case Romance word, head, elision, ends with a sentence dot, never in a run)."""
    low = w.lower()
    may = w[0].isalnum() and low.rstrip(".") not in _TITLES and low not in _ROLE_NOUNS
    cap = _is_cap(w)
    conn = low in _CONNECTORS
    romance_word = low.rstrip(".").isalpha() and not low.isupper() and len(low) > 3
    head = _head_of(w)
    elision = w in ("l'", "l’", "L'", "L’", "d'", "d’", "D'", "D’")
    # A word that can never join a run, whatever came before (a comma may, inside a name).
    resets = w != "," and not elision and head is None and (not may or not (cap or conn or romance_word))
    return (
        may,
        low in _LEADING_STOP,
        cap,
        conn,
        romance_word,
        head,
        elision,
        w.endswith(".") and not _ABBREV_DOT.match(w),
        resets,
    )


def _after_head(toks: tuple[tuple[int, int, str], ...], infos: list[_Info], k: int) -> bool:
    """A connector that joins only right after a head ("Associação das Universidades")."""
    return k > 0 and infos[k - 1][5] is not None and toks[k][2].lower() in _CONNECTORS_AFTER_HEAD


def _slashed_places(infos: list[_Info], k: int) -> bool:
    """True when word ``k`` follows a "/" that joins two capitalised words of no head: the places
    of a name ("Hochschule Zittau/Görlitz", "Hochschule Emden/Leer"), not two names."""
    return k > 0 and bool(infos[k][2]) and bool(infos[k - 1][2]) and infos[k][5] is None and infos[k - 1][5] is None


def _runs(text: str, toks: tuple[tuple[int, int, str], ...]) -> list[list[tuple[int, int, str]]]:
    """The runs of name-like words that hold a head (runs without one make no name)."""
    runs: list[list[tuple[int, int, str]]] = []
    infos = list(map(_word_info, [t[2] for t in toks]))
    heads = [i for i, info in enumerate(infos) if info[5] is not None]
    if not heads:
        return runs
    # A word that can never join a run ends the one before it and clears all state, so the
    # runs with a head lie between the last such word before the first head and the first
    # such word after the last head.
    resets = [i for i, info in enumerate(infos) if info[8] and not _after_head(toks, infos, i)]
    lo = max((i + 1 for i in resets if i < heads[0]), default=0)
    hi = min((i for i in resets if i > heads[-1]), default=len(toks))
    cur: list[tuple[int, int, str]] = []
    headed = False  # a word of ``cur`` is a head (a run without one is left out: it makes no name)
    prev_head_first = False
    last_end = 0
    last_dot = False
    for k in range(lo, hi):
        tok = toks[k]
        s, e, w = tok
        may, lead_stop, cap, conn, romance_word, head, elision, dot, _resets = infos[k]
        if not conn and cur and _after_head(toks, infos, k):
            conn = True
        if cur:
            gap = s - last_end
            joinable = (
                not last_dot
                and (
                    gap == 0
                    or (gap == 1 and text[last_end] in " -")
                    or (gap == 2 and text[last_end:s] == ", ")
                    or (gap == 1 and text[last_end] == "/" and _slashed_places(infos, k))
                )
                and (gap < 2 or _comma_ok(text, s))
            )
            if w == "," and _comma_ok(text, e + 1):
                continue
        else:
            joinable = True
        ok = elision or (
            may
            and (not lead_stop or bool(cur))
            and (
                cap
                or conn
                or (prev_head_first and romance_word and _romance(cur))
                or (head is not None and _lower_head_ok(text, tok))
            )
        )
        if ok and joinable:
            cur.append(tok)
            last_end, last_dot = e, dot
            headed = headed or head is not None
        else:
            if headed:
                runs.append(cur)
            if ok:
                cur = [tok]
                last_end, last_dot = e, dot
                headed = head is not None
            else:
                cur = []
                headed = False
        if head is not None:
            prev_head_first = head in _HEADS_HEAD_FIRST or head == "hochschule"
        elif not ok or cap:
            prev_head_first = prev_head_first and ok and not cap
    if headed:
        runs.append(cur)
    return runs


_ABBREV_DOT = re.compile(r"^(?:[A-ZА-ЯЁ]|St|Ste|Univ|Inst|Acad|Dr|Mt|[A-Z]\.[A-Z])\.$")
_LEADING_STOP = frozenset(
    """with con in en on at for para im dans avec by par from desde after before during today yesterday
    this last also however meanwhile recently later then thus hoy heute aujourd about über sobre acerca""".split()  # noqa: SIM905
)


def _romance(cur: list[tuple[int, int, str]]) -> bool:
    heads = [_head_of(w) for _, _, w in cur if _head_of(w)]
    return bool(heads) and heads[-1] not in (
        "hochschule",
        "universität",
        "universitaet",
        "fachhochschule",
        "akademie",
        "stiftung",
        "bundesland",
        "bundesstaat",
        "zentrum",
        "ministerium",
        "netzwerk",
    )


def _lower_head_ok(text: str, tok: tuple[int, int, str]) -> bool:
    """A lower-case head is part of a name only before a capitalised word ("université Mohammed V")."""
    s, e, w = tok
    if w[:1].isupper():
        return True
    if w.lower().rstrip(".") in _NORDIC_HEADS:
        return bool(_CAPITAL_WORD_BEFORE.search(text, 0, s))  # "Lunds universitet", "Helsingin yliopisto"
    if w.endswith(("'s", "’s")):
        return False  # "the Australian university's rector": a common noun, not a name's head
    if w.lower() in _PLURAL_HEADS or _DEMONYM_AFTER.match(text, e) or text.startswith(" of ", e):
        return False  # (English capitalises a name's head: "a consortium of KU Leuven, ..." names no consortium)
    return bool(_NAME_AFTER_HEAD.match(text[e : e + 12]))


# "the association of European universities": a demonym and a common noun describe, they name nothing
_DEMONYM_AFTER = re.compile(
    r" (?:of|de|des|du|der) (?:the )?(?:European|Asian|African|American|Arab|Latin|Nordic|Baltic|Chinese|Russian|"
    r"German|French|British|Spanish|Italian|Indian|Japanese|Korean|Australian|Canadian|Brazilian|Mexican|Central|"
    r"Eastern|Western|Northern|Southern|Ibero-American|Iberian)\w* [a-zà-ÿ]"
)


def _comma_ok(text: str, pos: int) -> bool:
    """A comma inside a name: "University of Information Technologies, Mechanics and Optics"."""
    tail = text[pos : pos + 60]
    m = _COMMA_TAIL.match(tail)
    if not m:
        return False
    before = text[max(0, pos - 80) : pos]
    return " of " in before and not any(_head_of(w) for w in m.group(0).split())


def _may_have_head(low: str) -> bool:
    """False only when no word of the lower-cased text ``low`` can be a head (a name needs one): a fast prefilter."""
    return _HEAD_STEMS.search(low) is not None


def _find_latin(text: str, toks: tuple[tuple[int, int, str], ...], offset: int) -> list[Span]:
    out: list[Span] = []
    low = text.lower()  # (read by both prefilters)
    if not _may_have_head(low):
        return out  # no run can hold a head, and the shared-head forms need one too
    for run in _runs(text, toks):
        for piece, unit in units_of_parents(run):
            for part in split_run(piece):
                span = trim(text, part)
                if span is not None:
                    kind = "unit" if unit else span.kind
                    out.append(Span(span.start + offset, span.end + offset, span.text, kind, span.head))
    if len(out) > 1:
        out = units_at(text, out, offset)
    out.extend(_shared_heads(text, low, toks, offset))
    return out


_ELLIPTIC = re.compile(r"\b(?:y|et|e) (?:la|le|el|l['’]) (?:de|d['’]) ([A-Z][\w-]+(?: [A-Z][\w-]+)*)")


def _shared_heads(text: str, low: str, toks: tuple[tuple[int, int, str], ...], offset: int) -> list[Span]:
    """ "Les universités Mohammed V de Rabat et Cheikh Anta Diop de Dakar" -> two names."""
    out: list[Span] = []
    # quick literal checks first: " de ", " d'" for the elliptic form, "universit" for a plural head
    for m in _ELLIPTIC.finditer(text) if (" de " in text or " d'" in text or " d’" in text) else ():
        before = text[max(0, m.start() - 80) : m.start()]
        if any(_head_of(w) in _HEADS_HEAD_FIRST for w in before.split()):
            out.append(Span(m.start(1) + offset, m.end(1) + offset, m.group(1), "name", "university"))
    if "universit" not in low or not any(h in low for h in _PLURAL_HEADS):
        return out  # (a token that lower-cases to a plural head is in the lower-cased text)
    for _i, (_s, e, w) in enumerate(toks):
        if w.lower() not in _PLURAL_HEADS or not w[0].islower():
            continue
        sh = re.match(
            r" ((?:[A-Z][\w'’-]*|de|del|du|des|of|d['’]\w+)(?: (?:[A-Z][\w'’-]*|[IVX]+|de|del|du|des|of))*)"
            r" (?:et|and|y|und) ((?:[A-Z][\w'’-]*)(?: (?:[A-Z][\w'’-]*|[IVX]+|de|del|du|des|of))*)",
            text[e:],
        )
        if not sh:
            continue
        for g in (1, 2):
            s0, e0 = e + sh.start(g), e + sh.end(g)
            out.append(Span(s0 + offset, e0 + offset, text[s0:e0], "name", "university"))
    return out


_QUOTED = re.compile(
    r"(?:([A-ZА-ЯЁ]{2,6}|[A-Z][\w-]+ (?:University|Institute)|[А-ЯЁ]\w+ университет\w*) )?[«\"“„]([^«»\"“”„]{2,120})[»\"”“]"  # noqa: E501
)


_QUOTES = ("«", '"', "“", "„")


def _find_quoted(text: str, offset: int, found: list[Span]) -> list[Span]:
    out: list[Span] = []
    if not any(q in text for q in _QUOTES):
        return out  # every quoted name opens with one of them
    for m in _QUOTED.finditer(text):
        inner = m.group(2).strip()
        words = inner.split()
        if m.group(1):
            if m.group(1).upper() in _ACRONYM_STOP or len(words) > 4:
                continue
            s, e = m.start(), m.end()
            out.append(Span(s + offset, e + offset, text[s:e], "name", "university"))
            continue
        if len(words) > 12 or not any(_head_of(w) or _RU_HEADS.match(w) for w in words):
            continue
        if inner[-1:] in (",", ";", ":", "!", "?") or (inner.endswith(".") and len(words) > 4):
            continue  # '"A top university needs students who can afford it," she said': speech, not a name
        s, e = m.start(2), m.end(2)
        out.append(Span(s + offset, e + offset, text[s:e], "name", "university"))
    return out


_CAPITAL_WORD_BEFORE = re.compile(r"(?<![\w-])[A-ZÀ-ÝØÆ][\w-]* $")
_NAME_AFTER_HEAD = re.compile(r" (?:of |de |del |de la |des |du |d['’])?(?:the |la |l['’])?[A-ZÀ-Ý]")
_COMMA_TAIL = re.compile(r"([A-Z]\w+(?: [A-Z]\w+)?) (?:and|y|et|und) ([A-Z]\w+)")
