"""References to organisations named before: the publisher ("the university", "our university"),
the pair in play ("the two universities"), a definite head ("the Association"), bare short forms
("Lancaster" after "Lancaster University", "la Complutense") and nationality descriptions ("the
Dutch university"); a publisher reference in a paragraph that opens with another organisation of
its kind names that organisation.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import attrs

from partnerkit._extract._entities import Found, sentence_of
from partnerkit._extract._lexicon import finditer_near, lowered
from partnerkit._extract._nationals import national_refs
from partnerkit._extract._places import gazetteer
from partnerkit._extract._spans_index import SpanIndex
from partnerkit._extract._word_search import whole_words
from partnerkit._model._countries import _key

if TYPE_CHECKING:
    from partnerkit._extract._document import Document

__all__ = ["references", "short_form_uses"]

_DEFINITE = re.compile(
    r"(?<![\w-])(?:the|l['’]|la|le|el|die|der|das) (Association|Agence|Agency|Network|Consortium|Alliance|Forum|Union|"
    r"Commission|Ministry|Foundation|Asociación|Red|Réseau|Verband|Netzwerk|Ministerio|Ministère|Fundación)(?!\w)(?! of| de)"  # noqa: E501
)


# "the university", "la universidad", "die Hochschule": a definite reference (not "our university")
_DEFINITE_REF = re.compile(r"(?:the|la|el|le|l['’]|die|der|das)\s*(\w{5})", re.IGNORECASE)
_LEAD_GAP = re.compile(r"\W{0,2}(?:(?:the|la|el|le|l['’]|die|der|das)\s*)?", re.IGNORECASE)


def _paragraph_subject(doc: Document, at: int, ref: str) -> int | None:
    """The organisation a paragraph opens with, when a definite reference at ``at`` in a later
    sentence of that paragraph names its kind ("Lund's interest in Africa is not new. The
    university runs a project ...": Lund University, not the text's publisher)."""
    head = _DEFINITE_REF.match(ref)
    if head is None:
        return None
    text = doc.clean.text
    para = text.rfind("\n", 0, at) + 1
    si = sentence_of(doc.sentences, para)
    first = doc.sentences[si]
    if first.end > at or first.start < para:
        return None  # the reference is in the paragraph's first sentence (or no paragraph start)
    for m in doc.in_sentence(si):
        if m.start < first.start or m.entity is None:
            continue
        if not _LEAD_GAP.fullmatch(text, first.start, m.start):
            return None  # the sentence opens with no organisation
        ent = doc.entities[m.entity]
        word = head.group(1).lower()
        if ent.kind != "org" or not any(word in n.lower() for n in ent.names):
            return None  # "the university" of a paragraph about an institute
        return ent.id
    return None


# "University of X" / "X University" (and the Nordic "X Institutet", "X universitet"): a later bare
# "X" names it ("Lancaster already has ...", "Makerere and Karolinska have worked together")
_SHORTENS = re.compile(
    r"^(?:the )?(?:University of ([A-Z][\w'-]{3,})|([A-Z][\w'-]{3,}) "
    r"(?:University|Institutet|Universitet|Universitetet|yliopisto|AG|GmbH|Inc\.?|Ltd\.?|LLC|PLC))$",
    re.IGNORECASE,
)
_NOT_SHORT = frozenset(
    [
        "state",
        "national",
        "technical",
        "technological",
        "federal",
        "central",
        "international",
        "public",
        "private",
        "open",
        "free",
        "new",
        "catholic",
        "pedagogical",
        "medical",
        "agricultural",
        "polytechnic",
        "american",
        "european",
        "northern",
        "southern",
        "eastern",
        "western",
    ]
)
# a place, not the university: "visited Auckland", "in Cairo and Leeds"
# (and in German, Spanish, French: "aus Heidelberg", "en Bogotá", "à Lyon")
_PLACE_BEFORE = re.compile(
    r"(?:\b(?:in|at|to|from|near|of|visited|visit|around|across|outside|via|and|or|"
    r"im|aus|nach|bei|von|vom|zu|und|oder|en|desde|hacia|a|de|del|y|o|à|au|aux|vers|depuis|du|et|ou)|[-–])"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_AND_BEFORE = re.compile(r"\s+(?:and|or|und|oder|y|o|et|ou)\s+$")
_NAME_AFTER = re.compile(r"\s+(?:[A-Z]|of\b|de\b)")
# a city of two or three words after "University of" ("São Paulo", "Buenos Aires"): a short form
# when the gazetteer knows it as a city (words like "Applied Sciences" never are)
_SHORTENS_CITY = re.compile(r"^(?:the )?University of ([A-ZÀ-Ý][\w'-]+(?: [A-ZÀ-Ý][\w'-]+){1,2})$")
# the distinctive first word of "Trinity College Dublin", "Imperial College London": a short
# form too, unless it is a place ("Boston College": bare "Boston" is the city)
_FIRST_OF = re.compile(r"^(?:the )?([A-Z][\w'-]{3,}) (?:College|Institute)(?: [A-Z][\w'-]+)?$")
# a university named after its one city in any language ("Universität Heidelberg", "Delft University
# of Technology", "Politecnico di Milano", "Universidad de Salamanca"): the bare city names it too,
# in the name's spelling and the gazetteer's ("Milano", "Milan"), unless two names share the city
_UNIVERSITY_HEAD = re.compile(
    r"\b(?:University|Universität|Universitat|Université|Università|Universidad|Universidade|Universiteit|"
    r"Universitet|Uniwersytet|Politecnico|Polytechnic|Hochschule|TU|TH|KU|ETH|EPFL)\b"
)
_CAPITAL_WORD = re.compile(r"(?<![\w'-])[A-ZÀ-Ý][\w'-]{2,}")
# the proper word between the head and the city ("Universidad Complutense de Madrid", "Complutense
# University of Madrid"): a short form only after an article ("la Complutense", "the Complutense")
_NAMED_BY_WORD = re.compile(
    r"^(?:the )?(?:(?:Universidad|Universitat|Université|Università|Universidade) ([A-ZÀ-Ý][\w'-]{3,}) "
    r"(?:de|di|da|do|del|de la|della) |([A-ZÀ-Ý][\w'-]{3,}) University of )[A-ZÀ-Ý][\w'-]+$"
)
_ARTICLE_BEFORE = re.compile(r"(?<![\w-])(?:the|la|el|le|l'|l’)\s*$", re.IGNORECASE)
# adjectives shared by many Romance university names ("la Autónoma" is no one university)
_GENERIC_ROMANCE = re.compile(
    r"(?:aut[oó]nom|polit[eé]cnic|cat[oó]lic|catholiqu|cattolic|nacional|national|nazional|pontifici|libr|liber"
    r"|estatal|t[eé]cnic|tecnol[oó]gic|metropolitan|pedag[oó]gic|popular|abiert|internacional|europe|privad"
    r"|p[uú]blic|federal|central)[aeo]?",
    re.IGNORECASE,
)


def _city_short_forms(name: str) -> list[str]:
    """The bare city forms naming the university ``name`` ([] when it names none or several)."""
    if _UNIVERSITY_HEAD.search(name) is None:
        return []
    places = gazetteer()
    cities = [(w, places[k]) for w in _CAPITAL_WORD.findall(name) if (k := _key(w)) in places]
    if len(cities) != 1:
        return []
    word, (canonical, _country, _capital) = cities[0]
    return [word] if canonical == word or " " in canonical else [word, canonical]


def _short_forms(doc: Document, free: Any) -> list[Found]:
    """Bare head words of names met earlier ("Lancaster" after "Lancaster University")."""
    words: dict[str, int] = {}
    cities: dict[str, int] = {}
    shared: set[str] = set()
    by_word: dict[str, int] = {}  # "Complutense": named only after an article
    for ent in doc.entities.values():
        if ent.kind != "org":
            continue
        for name in ent.names:
            m = _SHORTENS.match(name)
            word = m and (m.group(1) or m.group(2))
            if (
                not word
                and (" College" in name or " Institute" in name)
                and (m := _FIRST_OF.match(name)) is not None
                and m.group(1).casefold() not in gazetteer()
            ):
                word = m.group(1)
            if not word and (m := _SHORTENS_CITY.match(name)) is not None and _key(m.group(1)) in gazetteer():
                word = m.group(1)
            if word and word[0].isupper() and word.casefold() not in _NOT_SHORT:
                words.setdefault(word, ent.id)
            elif not word:
                for city in _city_short_forms(name):
                    if cities.setdefault(city, ent.id) != ent.id:
                        shared.add(city)
            if (
                (m := _NAMED_BY_WORD.match(name)) is not None
                and _GENERIC_ROMANCE.fullmatch(adj := m.group(1) or m.group(2)) is None
                and adj.casefold() not in _NOT_SHORT
                and _key(adj) not in gazetteer()
                and by_word.setdefault(adj, ent.id) != ent.id
            ):
                shared.add(adj)  # (a word of two names names neither)
    for city, ent_id in cities.items():
        if city not in shared:
            words.setdefault(city, ent_id)
    after_article = {w for w, ent_id in by_word.items() if w not in shared and words.setdefault(w, ent_id) == ent_id}
    if not words:
        return []
    text = doc.clean.text
    out: list[Found] = []
    org_ends: set[int] | None = None
    for start, end, word in whole_words(list(words), text):
        ent_id = words[word]
        if word in after_article and _ARTICLE_BEFORE.search(text, max(0, start - 6), start) is None:
            continue
        before = _PLACE_BEFORE.search(text, max(0, start - 20), start)
        conj = _AND_BEFORE.search(text, max(0, start - 8), start) if before is not None else None
        if conj is not None and org_ends is None:
            org_ends = {x.end for x in doc.mentions if x.entity is not None and doc.entities[x.entity].kind == "org"}
        if (
            conj is not None
            and org_ends is not None
            and (conj.start() in org_ends or any(f.end == conj.start() for f in out))
        ):
            before = None  # "KU Leuven and Trinity", "Lisbon and São Paulo": joined to an institution, not to a place
        if (
            start < doc.entities[ent_id].first
            or not free(start, end)
            or _NAME_AFTER.match(text, end)
            or before is not None
        ):
            continue
        out.append(Found(start, end, word, "definite", sentence_of(doc.sentences, start), ent_id))
    return out


def short_form_uses(doc: Document) -> list[Found]:
    """The bare short forms the text uses (for choosing a publisher before the references are read)."""
    taken = [(m.start, m.end) for m in doc.mentions]
    return _short_forms(doc, lambda s, e: not any(a < e and s < b for a, b in taken))


def references(doc: Document) -> None:
    text = doc.clean.text
    refs = doc.lex.refs
    taken: SpanIndex[None] = SpanIndex()  # (a long text has many mentions)
    for x in doc.mentions:
        taken.add(x.start, x.end, None)
    new: list[Found] = []

    def free(s: int, e: int) -> bool:
        return not taken.any_overlap(s, e)

    low = lowered(text)  # literal prefilters (speed only: may_match never skips a match)
    for kind in ("pair", "publisher"):
        pattern = refs.get(kind)
        if pattern is None or (kind == "publisher" and doc.publisher is None):
            continue
        for m in finditer_near(pattern, text, low):
            if not free(m.start(), m.end()):
                continue
            ent = doc.publisher if kind == "publisher" else None
            if kind == "publisher" and ent is None:
                continue
            new.append(Found(m.start(), m.end(), m.group(0), kind, sentence_of(doc.sentences, m.start()), ent))
            taken.add(m.start(), m.end(), None)
    # "the Association": the last organisation named before whose name holds the head. The matches
    # come in text order, so each head reads the mentions once, from where it stopped (the heads
    # are a few words: work in proportion to the text, not to mentions x references).
    read: dict[str, tuple[int, int | None]] = {}  # head -> (mentions read, the last one naming it)
    mentions = doc.mentions
    for m in finditer_near(_DEFINITE, text, low):
        if not free(m.start(), m.end()):
            continue
        head = m.group(1).lower()
        k, target = read.get(head, (0, None))
        while k < len(mentions) and mentions[k].start < m.start():
            ment = mentions[k]
            k += 1
            cand = doc.entities.get(ment.entity) if ment.entity is not None else None
            if cand is not None and any(
                head in n.lower() or (head[:6] == "minist" and "minist" in n.lower()) for n in cand.names
            ):
                target = cand.id
        read[head] = (k, target)
        if target is not None:
            new.append(Found(m.start(), m.end(), m.group(0), "definite", sentence_of(doc.sentences, m.start()), target))
    new.extend(_short_forms(doc, free))
    doc.mentions.extend(new)
    doc.mentions.sort(key=lambda f: f.start)
    for f in new:
        taken.add(f.start, f.end, None)
    # "the Dutch university": the Dutch organisation named before (read once every other form is known)
    doc.mentions.extend(national_refs(doc, free))
    doc.mentions.sort(key=lambda f: f.start)
    doc.by_sentence.clear()
    for i, f in enumerate(doc.mentions):
        if f.kind == "publisher" and (lead := _paragraph_subject(doc, f.start, f.text)) is not None:
            doc.mentions[i] = attrs.evolve(f, entity=lead)  # "Lund's interest ... is not new. The university runs"
    doc.by_sentence.clear()
