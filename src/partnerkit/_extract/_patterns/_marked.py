"""Names with no organisation word that the text itself marks as an organisation.

"Vexa Open Science Cloud (VOSC)": a capitalised run followed by its own acronym;
"the European alliance Orbit U.", "Vexa – The Northern Campus, a cross-border alliance":
a network noun right before the name or in an apposition right after it;
"Lorentz-Gemeinschaft", "Norvik-Stiftung": a German compound whose last part is a body;
"signed with Vexacorp a memorandum", "run jointly by A, B and Vexa-Royce": a company named in a
deal's partner slot, right after a signing verb and its "with" or as the last of a list of names.
"""

from __future__ import annotations

import re

from partnerkit._extract._patterns._words import (
    _CONNECTORS,
    _TITLES,
    CALENDAR,
    EVENT,
    ROMANCE_MONTHS,
    Span,
    _head_of,
    _tokens,
)
from partnerkit._extract._places import gazetteer
from partnerkit._model._countries import _key

__all__ = ["companies", "find_marked", "with_marked"]

_NETWORK = (
    r"(?i:alliance|network|association|league|guild|federation|verbund|allianz|netzwerk"
    r"|alianza|red|r[ée]seau|f[ée]d[ée]ration|альянс|alleanza|alian[çc]a|rete|rede)"
)
# The noun right before the name, lower case ("the alliance Orbit U."; a capitalised one is part of
# a name: "the Russian Federation and ...", "la Red Universitaria ..."), or a German noun after a
# lower-case article ("im Netzwerk T.I.M.E."); between them only Romance adjectives ("l'alliance
# européenne X", "la red universitaria X"), never "of" (the tail of a longer name) or a verb.
_ADJECTIVE = r"[a-zà-ÿ]+(?:enne|ène|éen|ienne|aire|ale|al|ano|ana|ico|ica|ario|aria|ais|aise|ique|ista|ino|ina|ea|eo)s?"
# (Each word's first letter comes before its look-behind, "a(?<![\w-]a)lliance" for
# "(?<![\w-])alliance": a pattern opening with letters lets ``re`` skip in C to the next one
# of them, where one opening with a look-behind is tried at every character of the sentence.)
_BEFORE = re.compile(
    r"(?:a(?<![\w-]a)(?:lliance|ssociation|lianza)|n(?<![\w-]n)etwork|l(?<![\w-]l)eague|g(?<![\w-]g)uild"
    r"|f(?<![\w-]f)(?:ederation|[ée]d[ée]ration)|r(?<![\w-]r)(?:ed|[ée]seau|ete|ede)"
    r"|a(?<![\w-]a)(?:lleanza|lian[çc]a)"
    r"|V(?<=[a-zà-ÿ] V)erbund|A(?<=[a-zà-ÿ] A)llianz|N(?<=[a-zà-ÿ] N)etzwerk)"
    rf"(?: {_ADJECTIVE}){{0,2}} (?=[A-ZÀ-Ý])"
)
_ARTICLE = r"(?i:a|an|the|dem|der|die|den|la|el|une|un|l['’])"
# (matched at a comma with ``endpos`` 80 characters on: as on those 80 characters cut out)
_APPOSITION = re.compile(rf", {_ARTICLE} ?(?:[a-zà-ÿ][\w-]* ){{0,3}}?{_NETWORK}(?![\w])")
# the commas an apposition may start at (its first words): most commas are followed by none
_APPOSITION_START = re.compile(rf", {_ARTICLE}")
# "Lorentz-Gemeinschaft": (?<![\w-])(?:[A-ZÄÖÜ]\w+-)+ with the look-behind after the first capital
_COMPOUND = re.compile(
    r"[A-ZÄÖÜ](?<![\w-][A-ZÄÖÜ])\w+-(?:[A-ZÄÖÜ]\w+-)*(?:Gemeinschaft|Gesellschaft|Verbund|Allianz|Netzwerk|Stiftung"
    r"|Konsortium|Rektorenkonferenz|Hochschulkonferenz)(?![\w-])"
)
# one closed compound: "Donaurektorenkonferenz", "Ostseehochschulallianz"
_CLOSED_COMPOUND = re.compile(
    r"[A-ZÄÖÜ](?<![\w-][A-ZÄÖÜ])[a-zäöüß]+(?:rektorenkonferenz|hochschulkonferenz|hochschulallianz|hochschulverbund"
    r"|hochschulnetzwerk|universitätsverbund|universitätsnetzwerk|universitätsallianz)(?![\w-])"
)
_CLOSED_TAILS = ("konferenz", "allianz", "verbund", "netzwerk")  # (a literal check before the scan)
_LEAD = frozenset(["the", "The", "la", "La", "le", "Le", "el", "El", "die", "Die", "der", "Der", "dem", "l'", "L'"])
_OF_BEFORE = re.compile(r"(?<![\w-])(?:of|de|del|des|du|der|di|da) $")  # the run is the tail of a longer name
_DASHES = ("–", "—", "-")
_MAX_WORDS = 6


def _proper(word: str) -> bool:
    return word[:1].isupper() and word not in _LEAD and _head_of(word) is None


# words of states and regions ("Arab Republic of Egypt (ARE)", "Eastern Europe and Central Asia (EECA)")
_STATE_WORDS = frozenset(
    "republic kingdom federation emirates states state europe asia africa america oceania region province".split()  # noqa: SIM905
)


def _place_word(word: str) -> bool:
    return word.lower() in _STATE_WORDS or _key(word) in gazetteer()


def _accept(words: list[str]) -> bool:
    """A run names a body unless it is only places, holds its own head word (found by its
    shape) or is a sentence-opening determiner."""
    if not words or any(_head_of(w) is not None for w in words):
        return False
    return not all(_key(w.rstrip(".")) in gazetteer() for w in words if w[:1].isupper())


def _run_after(text: str, pos: int) -> tuple[int, int] | None:
    """The capitalised run starting at ``pos`` (words, "U."-like initials, inner "of")."""
    end = None
    count = 0
    last = pos
    for s, e, w in _tokens(text[pos : pos + 120]):
        if text[last : pos + s] not in ("", " "):
            break
        if _proper(w) or (end is not None and (w.isdigit() or w.lower() in ("of", "for", "de"))):
            count += 1
            end = pos + e
            last = end
            if count >= _MAX_WORDS:
                break
            continue
        break
    if end is None:
        return None
    run = text[pos:end]
    while run.split()[-1].lower() in _CONNECTORS:
        if " " not in run:
            return None  # only a connector ("signed with Y an agreement"): no name (and no endless loop)
        run = run.rsplit(" ", 1)[0]
    tail = run.split()[-1]
    if tail.endswith(".") and len(tail) > 2 and "." not in tail[:-1]:
        run = run[:-1]  # "the alliance EUGLOH.": the full stop ends the sentence ("Orbit U." keeps its own)
    return pos, pos + len(run)


def _run_before(text: str, end: int) -> int | None:
    """Where the capitalised run ending at ``end`` starts ("Eucor – The European Campus")."""
    toks = _tokens(text[:end])
    start = None
    count = 0
    i = len(toks) - 1
    while i >= 0 and count < _MAX_WORDS:
        s, e, w = toks[i]
        gap = text[e : (start if start is not None else end)]
        if gap.strip() and gap.strip() not in _DASHES:
            break
        if gap.strip() in _DASHES and start is None:
            break
        if _proper(w) or (w in _LEAD and start is not None and i and text[toks[i - 1][1] : s].strip() in _DASHES):
            start = s
            count += 1
        elif start is not None and w.lower() in ("of", "for") and i and _proper(toks[i - 1][2]):
            start = s
        else:
            break
        i -= 1
    return start


# "signed (an MoU) with X", "a signé avec X", "firmó con X", "assinou com X", "unterzeichnete mit X",
# "partnered with X": the capitalised run after it is the other party (a word start checked after:
# a pattern opening with letters lets ``re`` skip ahead in C)
_SIGNED_WITH = re.compile(
    r"(?:signed|signs|partnered|teamed up|sign[ée]|signent|firm(?:ó|aron|ado|an)|suscribi(?:ó|eron)"
    r"|assin(?:ou|aram)|firmat[oaie]|unterzeichnete[n]?|unterzeichnet)(?: (?:an?|une?|el|la|uno?|una)? ?[\w'’-]+)?"
    r" (?:with|avec|con|com|mit) (?=[A-ZÀ-Ý])"
)
# the last of a list of names ("A, B in Sendai and X", "A et X"): an organisation too
_LAST_CONJUNCT = re.compile(r"(?: (?:in|at|en|à|in) [A-ZÀ-Ý][\w-]+)?,? (?:and|et|y|e|und) (?=[A-ZÀ-Ý])")
# a company named in two or three words ends in a word of trade ("Schneider Electric"); one of
# two words without one is as likely a person ("John Smith")
_TRADE = frozenset(
    """electric electrics electronics energy technologies technology systems group motors airlines aerospace
    pharma pharmaceuticals labs solutions semiconductor semiconductors instruments industries chemicals steel
    software networks holdings telecom automotive healthcare health biotech therapeutics robotics""".split()  # noqa: SIM905
)
# the word after a company in a partner slot: a function word, a verb or punctuation, not a noun
# it qualifies ("with Chinese universities", "and Korean partners")
_AFTER_COMPANY = re.compile(
    r"\s*(?:[,.;:)]|$|(?:a|an|the|to|on|in|at|for|and|which|who|that|un|une|le|la|les|el|los|las|en|y|et|qui|que"
    r"|um|uma|o|os|as|e|einen|eine|ein|die|den|das|und|[a-z]+ed|will|have|has|are|is|open|opens|agreed)\b)"
)


def _company(text: str, run: tuple[int, int]) -> bool:
    """A run in a partner slot that names a company: one word ("Vexacorp", "Vexa-Royce") or two
    or three ending in a word of trade, not a place, an event, a title, a month or a day, and no noun
    after it."""
    words = text[run[0] : run[1]].split()
    if not 1 <= len(words) <= 3 or not _accept(words) or any(_place_word(w) for w in words):
        return False
    if EVENT.search(text, run[0], run[1]):
        return False  # an event, not a company: "signed with Vexa-Forum"
    if len(words) > 1 and words[-1].lower() not in _TRADE:
        return False
    first = words[0].lower().rstrip(".")
    if first in _TITLES or first in _DATE_FIRST or len(words[0]) < 3 or words[0].isupper():
        return False  # (an acronym is read as one already)
    return _AFTER_COMPANY.match(text, run[1]) is not None


# a company's name opens with no month or weekday (a date before it: "in March Vexacorp")
_DATE_FIRST = CALENDAR | ROMANCE_MONTHS


def companies(found: list[Span], text: str, offset: int) -> list[Span]:
    """Companies named without an organisation word in a deal's partner slot: after a signing verb
    and its "with" ("signed with Vexacorp a memorandum"), or as the last of a list whose other
    members are names ("run jointly by A, B in Sendai and Vexa-Royce").

    Example:
        >>> [s.text for s in companies([], "Norvale University signed with Vexacorp an agreement.", 0)]
        ['Vexacorp']
        >>> names = [Span(0, 18, "Norvale University", "name")]
        >>> [s.text for s in companies(names, "Norvale University and Vexa Electric will open a lab.", 0)]
        ['Vexa Electric']
        >>> [s.text for s in companies(names, "Norvale University and John Smith signed it.", 0)]
        []
    """
    out: list[Span] = []
    starts = [m.end() for m in _SIGNED_WITH.finditer(text) if not m.start() or not text[m.start() - 1].isalnum()]
    for s in found:
        if s.kind == "name" and s.end - offset < len(text) and (m := _LAST_CONJUNCT.match(text, s.end - offset)):
            starts.append(m.end())
    taken = [(s.start - offset, s.end - offset) for s in found]
    for pos in starts:
        run = _run_after(text, pos)
        if run is None or any(a < run[1] and run[0] < b for a, b in taken) or not _company(text, run):
            continue
        out.append(Span(run[0] + offset, run[1] + offset, text[run[0] : run[1]], "name", "company"))
        taken.append(run)
    return out


def find_marked(text: str, offset: int = 0) -> list[Span]:
    """Names the text marks as organisations though they carry no head word.

    Example:
        >>> [s.text for s in find_marked("Riverton joined the European alliance Orbit U. in 2023.")]
        ['Orbit U.']
        >>> [s.text for s in find_marked("It joined Vexa – The Northern Campus, a cross-border alliance of five.")]
        ['Vexa – The Northern Campus']
        >>> [s.text for s in find_marked("Sie ist Mitglied der Lorentz-Gemeinschaft.")]
        ['Lorentz-Gemeinschaft']
        >>> [s.text for s in find_marked("The Vexa Open Science Cloud (VOSC) opened.")]
        ['Vexa Open Science Cloud']
    """
    out: list[Span] = []
    for m in _BEFORE.finditer(text):
        run = _run_after(text, m.end())
        if run is not None and _accept(text[run[0] : run[1]].split()):
            out.append(Span(run[0] + offset, run[1] + offset, text[run[0] : run[1]], "name", "alliance"))
    for m in _APPOSITION_START.finditer(text):
        if _APPOSITION.match(text, m.start(), m.start() + 80) is None:
            continue
        start = _run_before(text, m.start())
        if start is not None and _OF_BEFORE.search(text, 0, start) is None and _accept(text[start : m.start()].split()):
            out.append(Span(start + offset, m.start() + offset, text[start : m.start()], "name", "alliance"))
    for m in _COMPOUND.finditer(text):
        out.append(Span(m.start() + offset, m.end() + offset, m.group(), "name", "association"))
    for m in _CLOSED_COMPOUND.finditer(text) if any(w in text for w in _CLOSED_TAILS) else ():
        out.append(Span(m.start() + offset, m.end() + offset, m.group(), "name", "association"))
    if "(" in text:
        out.extend(_defined(text, offset))
    return out


def with_marked(found: list[Span], text: str, offset: int) -> list[Span]:
    """``found`` plus the marked names of ``text``; a marked name wins over a run read from a
    lower-case head word into it ("the alliance Orbit U.", not "alliance Orbit")."""
    marked = find_marked(text, offset)
    if marked:
        found = [s for s in found if not (s.text[:1].islower() and any(m.start < s.end <= m.end for m in marked))]
    return found + marked + companies(found + marked, text, offset)


_PAREN_ACRONYM = re.compile(r" \(([A-Z][A-Za-z]{1,9})\)")


def _defined(text: str, offset: int) -> list[Span]:
    """A capitalised run followed by its own acronym: the initials of its last words spell it."""
    out: list[Span] = []
    for m in _PAREN_ACRONYM.finditer(text):
        acronym = m.group(1).upper()
        toks = _tokens(text[: m.start()])
        words: list[tuple[int, str]] = []
        for s, e, w in reversed(toks):
            if e != m.start() and not words:
                break
            if not _proper(w) and w.lower() not in ("of", "for", "and"):
                break
            words.insert(0, (s, w))
        initials = ""
        for k in range(len(words) - 1, -1, -1):
            s, w = words[k]
            if not _proper(w):
                continue
            initials = "".join(p[0] for p in w.split("-") if p).upper() + initials
            if initials == acronym:
                named = [x for _, x in words[k:]]
                if _accept(named) and len(named) >= 2 and not any(_place_word(x) for x in named):
                    out.append(Span(s + offset, m.start() + offset, text[s : m.start()], "name", "association"))
                break
            if len(initials) >= len(acronym):
                break
    return out
