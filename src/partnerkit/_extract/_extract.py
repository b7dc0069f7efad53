"""``extract``: one text in, its mentions and partnerships out."""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from partnerkit._extract._dates import find_dateline
from partnerkit._extract._document import read_document
from partnerkit._extract._groups import read_groups
from partnerkit._extract._lexicon import detect_language, lexicon
from partnerkit._extract._statements import find_partnerships
from partnerkit._extract._text import clean, split_sentences
from partnerkit._model import Mention, PartialDate, Partnership, to_partial_date_or_none

__all__ = ["Extraction", "extract"]


@attrs.frozen(kw_only=True)
class Extraction:
    """What :func:`extract` found in one text.

    Attributes:
        mentions: every institution mention, in text order (``Mention.text == text[start:end]``).
        partnerships: the partnerships the text states, each with the sentence that states it.
        language: the main language detected (``en``, ``ru``, ``es``, ``de``, ``fr``, ``zh``).
        published: the publication date used for relative dates (given, or read from a dateline).
    """

    mentions: tuple[Mention, ...] = ()
    partnerships: tuple[Partnership, ...] = ()
    language: str = "en"
    published: PartialDate | None = None


def extract(
    text: str,
    published: PartialDate | dt.date | str | None = None,
    publisher: str | None = None,
    registry: Any | None = None,
) -> Extraction:
    """Find institution mentions and partnership statements in a news text.

    Args:
        text: the article (plain text; HTML remnants and common mojibake are tolerated).
        published: the publication date (ISO string, date or PartialDate); relative dates
            ("today", "on Wednesday", "last year") are resolved against it. When None, a
            dateline in the text ("May 3, 2021" on a line of its own) is used if there is one.
        publisher: the name of the publishing institution; "the university" and sentences
            that name only one side refer to it. When None, the institution the text is
            mostly about is used.
        registry: a ``pk.Registry``; its names are found by an automaton built once per
            registry, and mentions are resolved with the text's places as hints.

    Returns:
        An :class:`Extraction`.

    Examples:
        >>> ex = extract("Alpha University and Beta University signed a memorandum of understanding "
        ...              "on 27.04.2021.")
        >>> [(p.kind.value, [x.name for x in p.parties], str(p.date)) for p in ex.partnerships]
        [('mou', ['Alpha University', 'Beta University'], '2021-04-27')]
    """
    if not isinstance(text, str):
        raise TypeError(f"extract() needs a str, got {type(text).__name__}")
    pub = to_partial_date_or_none(published)
    ct = clean(text)
    sentences = split_sentences(ct.text)
    lang = detect_language(ct.text)
    lex = lexicon((lang, "en") if lang != "en" else ("en",))
    if pub is None:
        pub = find_dateline(ct.text.split("\n"), lex)
    doc = read_document(ct, sentences, lex, publisher, registry)
    read_groups(doc)
    mentions = []
    for m in doc.mentions:
        if m.entity is None:
            continue
        ent = doc.entities[m.entity]
        start, end = ct.span(m.start, m.end)
        inst = ent.institution
        mentions.append(
            Mention(
                text=text[start:end],
                start=start,
                end=end,
                institution_id=inst.id if inst is not None else None,
                kind=m.kind,
                name=ent.best,
            )
        )
    partnerships = find_partnerships(doc, pub)
    return Extraction(mentions=tuple(mentions), partnerships=tuple(partnerships), language=lang, published=pub)
