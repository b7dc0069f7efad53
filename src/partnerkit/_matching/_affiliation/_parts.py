"""Parts of an affiliation string: words run together, names split by commas or "and", the
runs of registered names in a part and what the words around a run say about it."""

from __future__ import annotations

import functools
import html
import re
from typing import TYPE_CHECKING

from partnerkit._matching._affiliation._model import Found
from partnerkit._names import (
    SUBUNIT_WORDS,
    Part,
    acronym_key,
    country_of,
    fold,
    is_acronym,
    normalize_name,
    tokens,
)

if TYPE_CHECKING:
    from partnerkit._matching._affiliation._reader import AffiliationReader

__all__ = [
    "acronym_words",
    "and_pieces",
    "connector_before",
    "join_parts",
    "organisations",
    "relations",
    "run_context",
    "spans",
    "unglue",
]

_MAX_SPAN = 14
_AND = re.compile(r"\s+(?:and|&|und|et|y|e)\s+|(?<=[^\W\d])\s*\\?/\s*(?=[^\W\d]{2})", re.I)
_DIGITS = re.compile(r"^[\d\W]+$")
_WORDS = re.compile(r"[\s/]+")
#: A unit code: "U1234", "UMR-7534", "EA 4506" written as one word.
_CODE = re.compile(r"^[A-Z]{1,6}-?\d{2,5}$")
#: Words that, after a registered name, start a unit of it ("X University School of Medicine").
_UNIT_AFTER = frozenset(
    ("school", "faculty", "department", "college", "graduate", "division", "laboratory", "institute", "centre")
)
#: Words anywhere after a registered name that make the rest a unit of it ("X University Whiting School of ...").
_UNIT_LATER = _UNIT_AFTER | SUBUNIT_WORDS | frozenset(("institute", "centre"))
#: A lower-case letter then a capital, or capitals then a capitalised word: words run together.
_GLUED = re.compile(r"(?<=[a-zß-ÿ])(?=[A-ZÀ-Þ])|(?<=[A-Z])(?=[A-Z][a-zß-ÿ]{2,})")
_GLUED_WORD = re.compile(r"\S*(?:[a-zß-ÿ][A-ZÀ-Þ]|[A-Z]{2}[a-zß-ÿ]{2})\S*")
#: Where :data:`_GLUED_WORD` matches (the same letters without the rest of the word: found faster).
_GLUED_AT = re.compile(r"[a-zß-ÿ][A-ZÀ-Þ]|[A-Z]{2}[a-zß-ÿ]{2}")
#: Footnote lead-ins before an address: "Current address:", "Present address", "now at", "also at",
#: "Permanent address", "Author's address", "Address for correspondence", "On leave from".
_LEAD_IN = re.compile(
    r"\b(?:(?:current(?:ly)?|present|permanent)\s+(?:address(?:\s+is)?|at|with)|now\s+(?:at|with)|also\s+(?:at|with)"
    r"|(?:the\s+)?authors?['’]?s?['’]?\s+address(?:es)?|address\s+for\s+correspondence|correspondence\s+address"
    r"|on\s+leave\s+(?:from|at)|visiting\s+from)\s*:?\s*",
    re.I,
)
#: Line breaks and tabs written as text by some exports ("#N#", "#R#", "#TAB#"; MAG/OpenAlex strings).
_MARKUP = re.compile(r"#(?:N|R|TAB)#")
#: A part that names what the organisation before it belongs to: "corporate member of X and Y".
_RELATION = re.compile(
    r"^\s*(?:(?:a|an|the)\s+)?(?:(?:corporate|full|associate)\s+)?(?:member|part)\s+of\b\s*"
    r"|^\s*(?:affiliated|associated)\s+(?:with|to)\b\s*|^\s*in\s+(?:collaboration|partnership|affiliation)\s+with\b\s*",
    re.I,
)
_RELATION_WORDS = frozenset(("member", "part", "affiliated", "associated"))
_RELATION_KINDS = frozenset(("corporate", "full", "associate"))
#: Words that, before a registered name, make the start a unit of it ("Institute X of <name>").
_UNIT_OF = frozenset(("school", "faculty", "college", "institute", "centre", "hospital", "laboratory"))
#: Words of a company's legal form after its name, as normalised ("Corp." -> "company"; Ltd,
#: GmbH, AG, S.A. leave no word): "Honeywell International Inc", "ZTE Corporation Ltd".
_LEGAL = frozenset(("company", "incorporated", "holdings", "group", "international", "kg"))
#: A registered association's "e. V." written without its dots leaves this word.
_EV = "v"
#: Words of a name that makes the words around it its campus ("... Medellin Campus").
_CAMPUS = "campus"
#: Words that head the name of an organisation or a unit of one ("... Hospital", "Institute of ...").
_HEAD_WORDS = frozenset(
    (
        "university", "academy", "polytechnic", "college", "institute", "hospital", "centre", "foundation",
        "society", "department", "faculty", "laboratory", "school", "division", "clinic", "museum",
        "library", "agency", "ministry", "council", "company", "observatory", "association", "station",
    )
)  # fmt: skip
#: "Institute of ...", "Centre for ...": a head word and the subject it is of.
_OF_SUBJECT = re.compile(r"^\s*(?:the\s+)?\S+\s+(?:of|for|on|de|d'|für|fuer|di|del|des|du|voor|per)\s", re.I)


def relations(orgs: list[Part], pieces: list[Part], found: dict[int, Found]) -> None:
    """ "X, corporate member of Y and Z": Y and Z are what X belongs to, not answers, when
    the string names X (or anything else) outside that relation."""
    marked: set[str] = set()
    inside = seen_and = False
    for p in orgs:
        low = p.text.lower()
        if _RELATION.match(p.text):
            inside, seen_and = True, " and " in low
        elif not inside:
            continue
        elif low.startswith("and "):
            inside = False
        elif seen_and:
            inside = False
            continue
        else:
            seen_and = " and " in low
        marked.add(p.text)
    marked.update(q.text for q in pieces if any(q.text in m for m in marked))
    if not any(f.decided == "match" and f.part not in marked for f in found.values()):
        return
    for f in found.values():
        if f.decided == "match" and f.part in marked:
            f.decided = "possible"
            f.score = min(f.score, 0.75)
            f.reasons.append(("relation", f"named as what the string's organisation belongs to ({f.part!r})"))


def unglue(r: AffiliationReader, text: str) -> str:
    """Separate words run together ("Peking UniversityShenzhen", "CONICETUniversidad") and
    footnote lead-ins ("Current address:") from the names around them; HTML entities are read,
    and line breaks or tabs written as text ("#N#", "#TAB#") are spaces.

    A glued word is split only when it is no registered word itself and every piece is
    one or a stop word ("McGill", "ShanghaiTech" stay whole; "laUniversidad" is split).
    """
    if "#" in text:
        text = _MARKUP.sub(" ", text)
    if "&" in text and ";" in text:
        text = html.unescape(text)  # "&quot;Irkutsk State University&quot;"
    if _GLUED_AT.search(text):

        def split(m: re.Match[str]) -> str:
            word = m.group(0)
            if _known_word(r, word):
                return word
            pieces = _GLUED.sub(" ", word).split()
            # a stop word glued to a name ("laUniversidad", "ofUniversity") is no word of its own
            if all(_known_word(r, w) or (w.isalpha() and w.islower() and not tokens(w)) for w in pieces) and any(
                tokens(w) for w in pieces
            ):
                return " ".join(pieces)
            return word

        text = _GLUED_WORD.sub(split, text)
    if _LEAD_IN.search(text):
        text = _LEAD_IN.sub(", ", text).strip(" ,")
    return text


def _known_word(r: AffiliationReader, word: str) -> bool:
    """A word of a registered name, a registered acronym, a registry city or a country."""
    count = r.index.count
    if count("a:" + acronym_key(word)) or normalize_name(word) in r._cities or country_of(fold(word)):
        return True
    toks = tokens(word)
    return bool(toks) and all(count("t:" + t) for t in toks)


def and_pieces(part: Part) -> list[Part]:
    """ "University of A and B Hospital": two organisations joined by "and" (read when the whole is none)."""
    out: list[Part] = []
    pos = 0
    text = part.text
    for m in [*_AND.finditer(text), None]:
        end = m.start() if m else len(text)
        piece = text[pos:end].strip()
        toks = tuple(tokens(piece))
        if toks:
            out.append(Part(piece, part.start + pos, toks, part.subunit and not out))
        pos = m.end() if m else len(text)
    return out if len(out) > 1 else []


def organisations(r: AffiliationReader, pieces: list[Part]) -> list[Part]:
    """The pieces of a part cut at "and", "&" or "/" (:func:`and_pieces`) that read as
    organisations of their own.

    A piece of common or subject words only, with no word that heads a name ("Life
    Sciences", "Forestry Applications"), is none; nor is a piece ending in such words before
    one ("Centre for Ecological Research and Forestry Applications", "Institute of Anatomy
    and Cell Biology": one name with "and" in it), unless a place ends it ("University of
    Bremen and Life Sciences")."""
    headed = [bool(set(p.tokens) & _HEAD_WORDS) or is_acronym(p.text) for p in pieces]
    own = [h or not r._descriptive(p.tokens) for h, p in zip(headed, pieces, strict=True)]
    return [
        p
        for i, p in enumerate(pieces)
        if own[i]
        and (
            i + 1 == len(pieces)
            or headed[i + 1]
            or (own[i + 1] and not _OF_SUBJECT.match(p.text))
            or p.tokens[-1] in r._cities
        )
    ]


#: A Roman numeral written in capitals: the number of a name ("Université Paris VI").
_ROMAN_PART = re.compile(r"^[IVX]{1,5}$")


def join_parts(r: AffiliationReader, parts: list[Part], text: str) -> list[Part]:
    """Rejoin a name that commas or a number split ("University of California, San Diego",
    "Université Paris 1 Panthéon-Sorbonne", "Université Paris VI": a Roman numeral after a
    name, read apart as an acronym, is its number)."""
    out: list[Part] = []
    i = 0
    while i < len(parts):
        if i + 1 < len(parts) and _ROMAN_PART.match(parts[i + 1].text) and not parts[i].subunit:
            head, number = parts[i], parts[i + 1]
            if not text[head.start + len(head.text) : number.start].strip():
                joined = text[head.start : number.start + len(number.text)]
                out.append(Part(joined, head.start, (*head.tokens, *number.tokens), False))
                i += 2
                continue
        for k in (3, 2):
            group = parts[i : i + k]
            if len(group) == k and not group[0].subunit:
                toks = tuple(t for p in group for t in p.tokens)
                while toks and toks[-1].isdigit():
                    toks = toks[:-1]  # a footnote mark: "San Diego 3"
                if len(toks) <= len(group[0].tokens):
                    toks = ()  # "Bayer AG, 42113": a post code after a name is no part of it
                joined = ", ".join(p.text for p in group)
                if not r.entries(" ".join(toks)):
                    # a number between the parts is part of the name, not a footnote mark
                    joined = text[group[0].start : group[-1].start + len(group[-1].text)]
                    key = normalize_name(joined) if any(map(str.isdigit, joined)) else ""
                    toks = tuple(key.split()) if key and r.entries(key) else ()
                if toks:
                    out.append(Part(joined, group[0].start, toks, False))
                    i += k
                    break
        else:
            out.append(parts[i])
            i += 1
    return out


def spans(r: AffiliationReader, toks: tuple[str, ...]) -> tuple[tuple[int, int, str], ...]:
    """Longest runs of ``toks`` that are registered names (none inside another); found once
    per reader for each run of words (a part's words recur from string to string)."""
    got = r._spans.get(toks)
    if got is None:
        got = _spans(r, toks)
        if len(r._spans) > _KEPT_SPANS:
            r._spans.clear()
        r._spans[toks] = got
    return got


#: Parts' runs kept per reader, at most.
_KEPT_SPANS = 100_000


def _spans(r: AffiliationReader, toks: tuple[str, ...]) -> tuple[tuple[int, int, str], ...]:
    out: list[tuple[int, int, str]] = []
    n = len(toks)
    known = [r.index.count("t:" + t) > 0 for t in toks]
    heads = r._heads
    i = 0
    while i < n:
        best = None
        stop = i
        while stop < min(n, i + _MAX_SPAN) and known[stop]:
            stop += 1
        most = heads.get(toks[i].split(" ", 1)[0], -1) if stop > i else -1  # no name starts so: none
        for j in range(stop, i, -1):
            key = " ".join(toks[i:j])
            if key.count(" ") <= most and r.entries(key):  # (a longer run is no name starting so)
                best = (i, j, key)
                break
        if best is None:
            i += 1
            continue
        if not out or best[1] > out[-1][1]:
            out.append(best)
        i += 1
    # drop runs inside a longer one
    return tuple(s for s in out if not any(o is not s and o[0] <= s[0] and s[1] <= o[1] for o in out))


def acronym_words(part: Part) -> frozenset[str]:
    """Tokens of the words of ``part`` written as acronyms or unit codes ("INSERM", "CNyN",
    "UMR7534"); none when the part is written in capitals throughout."""
    return _acronym_words(part.text)


@functools.lru_cache(maxsize=8)
def _acronym_words(text: str) -> frozenset[str]:
    # (memoised for the few parts read last: it is asked once per name found in a part, and a
    # long part holds many names; a small cache keeps no long text alive for long)
    if sum(c.isupper() for c in text) * 2 > sum(c.isalpha() for c in text):
        return frozenset()
    out: set[str] = set()
    for written in _WORDS.split(text):
        word = written.strip(".:'\"()")
        if is_acronym(word) or _CODE.match(word):
            out.update(tokens(word))
    return frozenset(out)


#: Words written just before a name that make what precedes it part of it or a role at it:
#: "Professor at X", "Library of the X", "Universitätsbibliothek der X".
_CONNECTORS = frozenset(("at", "of", "der", "des", "du", "de", "di", "del", "della", "dell", "van", "von"))
_ARTICLES = frozenset(("the", "la", "le", "l", "les", "los"))


def connector_before(part: Part, start: int) -> str | None:
    """The connector word ("at", "of", "der"...) written just before token ``start`` of ``part``
    (an article between them allowed: "of the"), if any."""
    words = part.text.split()
    n = 0
    for i, word in enumerate(words):
        if n == start and tokens(word):
            before = [w.lower().strip(".,'’") for w in words[max(0, i - 2) : i]]
            if before and before[-1] in _ARTICLES:
                before = before[:-1]
            if before and before[-1] in _CONNECTORS and i > 1:
                return before[-1]
            return None
        n += len(tokens(word))
        if n > start:
            return None
    return None


def run_context(
    r: AffiliationReader,
    toks: tuple[str, ...],
    start: int,
    end: int,
    tail: int,
    *,
    others: frozenset[str] = frozenset(),
) -> str | None:
    """Why the rest of a part does not stop a name found in it, or None if it does.

    ``tail``: where the part's trailing address starts (its length if it has none);
    ``others``: words of the part written as acronyms, read as other bodies' beside the name."""
    before, after = toks[:start], toks[end:]
    if others:
        before = tuple(w for w in before if w not in others)
        after = tuple(w for w in after if w not in others)
        if not before and not after:
            return "beside acronyms (" + " ".join(sorted(others)) + ")"
        tail = len(toks)
    if not before and not after:
        return "whole part"

    def placeish(ws: tuple[str, ...]) -> bool:
        return (ws is after and end >= tail) or all(
            _DIGITS.match(w) or w in r._cities or country_of(w) or (w == _CAMPUS and len(ws) > 1) for w in ws
        )

    if after and not before and (after == (_EV,) or set(after) <= _LEGAL):
        return f"followed by a legal form ({' '.join(after)})"

    if before and not after and before[-1] in _RELATION_WORDS and set(before) <= _RELATION_WORDS | _RELATION_KINDS:
        return f"after a relation ({' '.join(before)})"  # "Member of the X"
    if before and not placeish(before) and not set(before) & (SUBUNIT_WORDS | _UNIT_OF):
        return None
    if after and not placeish(after) and not (after[0] in _UNIT_AFTER or set(after[1:4]) & _UNIT_LATER):
        return None
    if after and not placeish(after):
        return f"followed by a unit ({' '.join(after)})"
    if before and not placeish(before):
        return f"after a unit ({' '.join(before)})"
    return "with a place"
