"""Ministries named only through their minister: "the Minister of Science and Higher Education".

A minister acts for a ministry, so "the Kazakh Minister of Education and Science signed an
agreement with X" names the ministry as a party. The span is the title with its field ("Minister
of Education and Science", with a nationality adjective before it when there is one); a person's
name after it is left out (only the words of a ministry's field continue it). A minister who
only speaks ("..., the Minister of Education said") names no party.

A city is a party (its government) when a deal is made *with* it: "firmado por el Ayuntamiento
de Gijón con la ciudad de Yantai", "an agreement with the City of Riverton"; a city named
otherwise ("in the city of Boston") is a place.
"""

from __future__ import annotations

import re

from partnerkit._extract._patterns._words import Span

__all__ = ["find_cities", "find_ministers"]

# Words of a ministry's field: they may follow one another without "and" ("Higher Education").
_FIELD = (
    r"(?:Higher|Secondary|Vocational|Professional|General|Public|National|Foreign|Internal|Home|International|"
    r"Education|Science|Sciences|Scientific|Research|Technology|Technologies|Innovation|Innovations|Culture|"
    r"Health|Economy|Economic|Development|Digital|Youth|Sports?|Labou?r|Social|Protection|Industry|Trade|Finance|"
    r"Agriculture|Environment|Energy|Affairs|Justice|Defen[cs]e|Information|Communications?|Tourism|Training|"
    r"Enlightenment|Cooperation|Relations|Investment|Transport|Family|Women|Learning|Schools?|Universities)"
)
_FIELDS = rf"{_FIELD}(?: {_FIELD})*(?:(?:,| and| &) {_FIELD}(?: {_FIELD})*)*"
_ADJ = r"(?:supérieure?|superior|nationale?|publique|pública|scientifique|científica|professionnelle|profesional)"
_MINISTER = re.compile(
    r"(?:\b(?!The\b|A\b|Prime\b|Deputy\b|Vice\b|Former\b|Acting\b|First\b)([A-Z][a-z]+(?:-[A-Z][a-z]+)?) )?"
    r"(?:(?:First )?(?:Deputy|Vice)[- ])?Minister (?:of|for) (?:the )?"
    + _FIELDS
    + r"|\b(?:ministr[oa]|ministre) (?:de la |de l['’]|del |de |des |d['’])(?:[A-ZÉ][\w-]+)(?: "
    + _ADJ
    + ")?"
    r"(?:,? (?:y|et|e) (?:de la |de l['’]|del |de |des |d['’])?[A-ZÉ][\w-]+(?: " + _ADJ + ")?)*"
)
# Russian: "Министр науки и высшего образования России", "министр просвещения РФ" (genitive fields).
_RU_FIELD = (
    r"(?:науки|высшего|среднего|профессионального|образования|просвещения|культуры|здравоохранения|"
    r"иностранных|дел|экономического|цифрового|развития|труда|социальной|защиты|сельского|хозяйства|"
    r"промышленности|торговли|финансов|спорта|молод[её]жной|политики)"
)
_RU_PLACE = r"(?: (?:России|РФ|Российской Федерации|Республики [А-ЯЁ][а-яё]+|[А-ЯЁ][а-яё]+(?:ии|ана|ии)))?"
# German: "Bundesministerin für Bildung und Forschung" (the field named with "für").
_DE_FIELD = (
    r"(?:Bildung|Forschung|Wissenschaft|Kunst|Kultur|Wirtschaft|Technologie|Digitales|Gesundheit|Arbeit|"
    r"Soziales|Jugend|Familie|Umwelt|Energie|Verkehr|Finanzen|Auswärtiges|Innovation|Europa|Entwicklung)"
)
_MINISTER_OTHER = re.compile(
    r"\b[Мм]инистр[аоуем]? "
    + _RU_FIELD
    + r"(?:,? (?:и )?"
    + _RU_FIELD
    + r")*"
    + _RU_PLACE
    + r"|\b(?:Bundes|Landes|Staats)?[Mm]inister(?:in)? für "
    + _DE_FIELD
    + r"(?:,? (?:und )?"
    + _DE_FIELD
    + r")*"
)
_RU_DE_SPEECH = re.compile(
    r"(?:,? (?:[A-ZА-ЯЁ][\w.'’-]* ){0,3}[A-ZА-ЯЁ][\w'’-]*)?,? (?:заявил\w*|сказал\w*|сообщил\w*|отметил\w*|"
    r"подчеркнул\w*|sagte|erklärte|betonte)\b"
)
_PERSON_AND_SPEECH = re.compile(
    r"(?:,? (?:[A-Z][\w.'’-]* ){0,3}[A-Z][\w'’-]*)?,? (?:said|says|announced|noted|stated|told|added|stressed|"
    r"emphasi[sz]ed|explained|declared|a (?:dit|déclaré|annoncé|souligné)|dijo|señaló|afirmó|declaró|anunció)\b"
)


def find_ministers(text: str, offset: int = 0) -> list[Span]:
    """Minister titles in one sentence, each naming the minister's ministry.

    Example:
        >>> [s.text for s in find_ministers("The Kazakh Minister of Science and Higher Education Ivan Petrov "
        ...                                 "signed an agreement with Riverton University.")]
        ['Kazakh Minister of Science and Higher Education']
        >>> find_ministers("Minister of Education John Smith said the agreement was signed.")
        []
        >>> [s.text for s in find_ministers("Министр науки и высшего образования России Иван Петров подписал")]
        ['Министр науки и высшего образования России']
        >>> [s.text for s in find_ministers("Bundesministerin für Bildung und Forschung Anna Weber unterzeichnete")]
        ['Bundesministerin für Bildung und Forschung']
    """
    out: list[Span] = []
    for m in _MINISTER.finditer(text):
        if _PERSON_AND_SPEECH.match(text, m.end()):
            continue
        s, e = m.start(), m.end()
        out.append(Span(s + offset, e + offset, text[s:e], "name", "ministry"))
    if "инистр" in text or "inister" in text:
        for m in _MINISTER_OTHER.finditer(text):
            if _RU_DE_SPEECH.match(text, m.end()):
                continue
            s, e = m.start(), m.end()
            out.append(Span(s + offset, e + offset, text[s:e], "name", "ministry"))
    return out


_CITY = re.compile(
    r"\b(?:with|together with|con|junto con|avec|mit) (?:the |la |el |der |dem )?"
    r"((?:[Cc]ity|[Cc]iudad|[Vv]ille|Stadt|[Mm]unicipality|[Mm]unicipio) (?:of |de |d['’])?"
    r"[A-ZÀ-Ý][\w-]+(?: [A-ZÀ-Ý][\w-]+)?)"
)


def find_cities(text: str, offset: int = 0) -> list[Span]:
    """Cities a deal is made with, as organisations.

    Example:
        >>> [s.text for s in find_cities("el acuerdo firmado por el Ayuntamiento de Gijón con la ciudad de Yantai")]
        ['ciudad de Yantai']
        >>> find_cities("the office in the city of Boston")
        []
    """
    return [Span(m.start(1) + offset, m.end(1) + offset, m.group(1), "name", "city") for m in _CITY.finditer(text)]
