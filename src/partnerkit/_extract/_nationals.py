"""Nationality descriptions of an organisation named earlier: "the Dutch university", "the
Australian university's Deputy Vice-Chancellor", "the South African institution".

News names a partner once and then describes it by its country. The description denotes the
organisation of that country the text has named before it: the country of an organisation is
the registry's when it is resolved, else a place inside its name ("University of Tokyo"), else
a place set right beside its first mentions ("Deakin University, Australia", "Osaka University
(Japan)", "Kenya's Moi University"). When no organisation named before is known to be of that
country, the description denotes the latest organisation of unknown country named before it
outside its own sentence ("Waterloo's President and the Finnish university's President": not
Waterloo), provided there is one such organisation of the described kind; otherwise it names
nothing (a description is no party of its own).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from importlib import resources
from typing import TYPE_CHECKING

from partnerkit._extract._entities import Entity, Found, sentence_of
from partnerkit._extract._places import find_places

if TYPE_CHECKING:
    from partnerkit._extract._document import Document

__all__ = ["national_refs"]

# what the description calls the organisation (a university, or any organisation)
_KINDS = (
    "university|institution|institute|college|school|academy|partner"  # (not "side": "the Iranian side" is a country's)
)
_UNIVERSITY_WORDS = frozenset(["university", "college", "school", "academy", "institute"])
# a name that is a university, college, school, academy or institute (not a network, agency, company)
_UNIVERSITY_NAME = re.compile(
    r"(?i:universit|college|school|academ|institut|polytechn|hochschule|politecnico|technion|\bETH\b|\bTU\b)"
)
# between a place and the name it sets: "Deakin University, Australia", "Osaka University (Japan)"
_PLACE_AFTER = re.compile(r"\s*(?:,|\()\s*$")
# "Kenya's Moi University" (the place finder reads "Kenya's" as one word: the place is read apart)
_PLACE_BEFORE = re.compile(r"(?<![\w-])([A-Z][\w-]*(?: [A-Z][\w-]*){0,2})['’]s\s+(?:the\s+)?$")


@functools.cache
def _demonyms() -> dict[str, str]:
    """Nationality adjective -> ISO country code (data/extract/demonyms.tsv)."""
    out: dict[str, str] = {}
    data = resources.files("partnerkit").joinpath("data/extract/demonyms.tsv").read_text("utf-8")
    for line in data.splitlines():
        if not line or line.startswith("#"):
            continue
        code, forms = line.split("\t")[:2]
        for form in forms.split("|"):
            out[form] = code
    return out


@functools.cache
def _pattern() -> re.Pattern[str]:
    words = sorted(_demonyms(), key=len, reverse=True)  # "South African" before "African"
    alt = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?<![\w-])(?:[Tt]he|[Ii]ts|[Tt]heir|[Oo]ur|[Tt]his|[Tt]hat) ({alt}) ({_KINDS})(?![\w-])")


def _country_of(doc: Document, ent: Entity, cache: dict[int, str | None]) -> str | None:
    """The country the text gives ``ent`` (registry, a place in its name, a place beside a mention)."""
    if ent.id in cache:
        return cache[ent.id]
    found: str | None = None
    if ent.institution is not None and ent.institution.country:
        found = ent.institution.country
    if found is None:
        for name in ent.names:
            places = find_places(name, 0, doc.cities)
            if places:
                found = places[0].country
                break
    if found is None:
        text = doc.clean.text
        for m in doc.mentions:
            if m.entity != ent.id or m.kind not in ("name", "acronym"):
                continue
            for p in doc.places.get(m.sentence, []):
                if p.start >= m.end and _PLACE_AFTER.match(text[m.end : p.start]):
                    found = p.country
                    break
            before = _PLACE_BEFORE.search(text, max(0, m.start - 40), m.start) if found is None else None
            if before is not None:
                places = find_places(before.group(1), 0, doc.cities)
                if len(places) == 1 and places[0].start == 0 and places[0].end == len(before.group(1)):
                    found = places[0].country
            if found is not None:
                break
    cache[ent.id] = found
    return found


def national_refs(doc: Document, free: Callable[[int, int], bool]) -> list[Found]:
    """A mention for each nationality description that denotes an organisation named before it.

    ``free(start, end)`` says whether a span holds no mention yet.
    """
    text = doc.clean.text
    if not any(w in text for w in ("the ", "The ", "its ", "Its ", "their ", "our ", "this ", "that ")):
        return []
    out: list[Found] = []
    cache: dict[int, str | None] = {}
    for m in _pattern().finditer(text):
        start, end = m.start(1), m.end(2)
        if not free(start, end):
            continue
        country = _demonyms()[m.group(1)]
        want_university = m.group(2) in _UNIVERSITY_WORDS
        sent = sentence_of(doc.sentences, start)
        same: list[int] = []  # entities of the described country, by their last mention before
        unknown: list[int] = []  # entities of unknown country, outside the description's sentence
        for ment in doc.mentions:
            if ment.start >= start:
                break
            ent = doc.entities.get(ment.entity) if ment.entity is not None else None
            if ent is None or ent.kind != "org":
                continue
            if want_university and not any(_UNIVERSITY_NAME.search(n) for n in ent.names):
                continue
            got = _country_of(doc, ent, cache)
            if got == country:
                same = [e for e in same if e != ent.id] + [ent.id]
            elif got is None and ment.sentence != sent:
                unknown = [e for e in unknown if e != ent.id] + [ent.id]
        in_sentence = {x.entity for x in doc.mentions if x.sentence == sent and x.start < start}
        unknown = [e for e in unknown if e not in in_sentence]
        target = same[-1] if same else (unknown[-1] if len(unknown) == 1 else None)
        if target is not None:
            cache[target] = cache.get(target) or country  # ("the Finnish university" tells Aalto's country)
            out.append(Found(start, end, text[start:end], "definite", sent, target))
    return out
