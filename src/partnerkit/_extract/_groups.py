"""Group references: "the three universities", "die drei Hochschulen", "les trois partenaires".

A reference that counts its members (three to ten; "the two universities" is the pair in play,
read elsewhere) means the organisations of the last list that named that many: "A, B and C
founded the centre in 2014 ... The three universities renewed the agreement" is a deal of A, B
and C. The reference becomes one mention per member, all at its span, so a statement reads them
as the names they stand for. A reference with no such list before it stays unread.
"""

from __future__ import annotations

import re

from partnerkit._extract._document import Document, Found
from partnerkit._extract._entities import sentence_of
from partnerkit._extract._lexicon import finditer_near, lowered

__all__ = ["read_groups"]

# cardinal words (in every language with a table) -> the number they count
_NUMBERS = {
    **dict.fromkeys(["three", "drei", "trois", "tres", "três", "tre", "три", "трех", "трёх", "三"], 3),
    **dict.fromkeys(["four", "vier", "quatre", "cuatro", "quatro", "quattro", "четыре", "четырех", "четырёх", "四"], 4),
    **dict.fromkeys(["five", "fünf", "cinq", "cinco", "cinque", "пять", "пяти", "五"], 5),
    **dict.fromkeys(["six", "sechs", "seis", "sei", "шесть", "шести", "六"], 6),
    **dict.fromkeys(["seven", "sieben", "sept", "siete", "sete", "sette", "семь", "семи", "七"], 7),
    **dict.fromkeys(["eight", "acht", "huit", "ocho", "oito", "otto", "восемь", "восьми", "八"], 8),
    **dict.fromkeys(["nine", "neun", "neuf", "nueve", "nove", "девять", "девяти", "九"], 9),
    **dict.fromkeys(["ten", "zehn", "dix", "diez", "dez", "dieci", "десять", "десяти", "十"], 10),
}
_NUMBER = re.compile("|".join(sorted(map(re.escape, _NUMBERS), key=len, reverse=True)), re.IGNORECASE)
# what joins the names of one list: commas, "and", articles, an acronym in brackets
_JOIN = re.compile(
    r"(?:\s|,|;|\([^()]{1,40}\)|[、和与及]|\b(?:and|as well as|sowie|и|y|e|et|und|the|la|le|les|el|los|las|die|"
    r"der|das|den|dem|a|o|as|os|il|lo|gli|i)\b|\bl['’])*",
    re.IGNORECASE,
)
_OPENS = re.compile(r"\s*\(\s*")
# how many sentences back the list may lie
_REACH = 6


def _lists(doc: Document, si: int, before: int) -> list[list[int]]:
    """The lists of organisations in sentence ``si`` (mentions before ``before`` only), last first."""
    text = doc.clean.text
    runs: list[list[int]] = []
    last: Found | None = None
    for m in doc.in_sentence(si):
        if m.start >= before:
            break
        if m.entity is None or m.kind == "pair" or doc.entities[m.entity].kind != "org":
            continue
        if last is not None and m.entity == last.entity and _OPENS.fullmatch(text, last.end, m.start) is not None:
            continue  # "A (AA), B and C": the acronym in brackets is A's, the list goes on past it
        if last is not None and _JOIN.fullmatch(text, last.end, m.start) is not None and runs:
            if m.entity not in runs[-1]:
                runs[-1].append(m.entity)
        else:
            runs.append([m.entity])
        last = m
    return runs[::-1]


def _group(doc: Document, si: int, start: int, n: int) -> list[int] | None:
    for back in range(si, max(-1, si - _REACH), -1):
        for run in _lists(doc, back, start if back == si else len(doc.clean.text)):
            if len(run) == n:
                return run
    return None


def read_groups(doc: Document) -> None:
    """Add one mention per member at each group reference whose members a list before names."""
    pattern = doc.lex.refs.get("group")
    if pattern is None:
        return
    text = doc.clean.text
    taken = [(m.start, m.end) for m in doc.mentions]
    new: list[Found] = []
    for hit in finditer_near(pattern, text, lowered(text)):
        if any(a < hit.end() and hit.start() < b for a, b in taken):
            continue
        number = _NUMBER.search(hit.group(0))
        if number is None:
            continue
        si = sentence_of(doc.sentences, hit.start())
        members = _group(doc, si, hit.start(), _NUMBERS[number.group(0).lower()])
        if members is None:
            continue
        new += [Found(hit.start(), hit.end(), hit.group(0), "definite", si, ent) for ent in members]
    if new:
        doc.mentions.extend(new)
        doc.mentions.sort(key=lambda f: f.start)
        doc.by_sentence.clear()
