"""Where a listed organisation comes from: "A and B from the European Union, and C from Central
Asia". An organisation named right after another one and "from" ("aus", "из") qualifies the one
before it (its origin); it is no party, member or partner of the sentence's deal."""

from __future__ import annotations

import re

import attrs

from partnerkit._extract._entities import Found

__all__ = ["drop_origins"]

# what stands between an organisation and the origin that qualifies it
_FROM = re.compile(r"\s+(?:from|aus|из)\s+(?:the\s+|der\s+|dem\s+)?", re.IGNORECASE)

# "A ist aus B ausgetreten", "A tritt aus B aus": the "aus" of leaving B, not B as A's origin
_LEFT = re.compile(r"\s*(?:ausgetreten|auszutreten|austreten|aus(?![\w-]))", re.IGNORECASE)


def drop_origins(text: str, mentions: list[Found], org: set[int]) -> list[Found]:
    """``mentions`` (sorted by start) with each origin mention unlinked from its entity.

    ``org`` holds the entity ids that are organisations (not units). The mention before must be
    an organisation's too: "researchers from X" keeps X.
    """
    out = list(mentions)
    prev: Found | None = None
    for i, m in enumerate(mentions):
        if (
            prev is not None
            and m.entity in org
            and prev.entity in org
            and m.entity != prev.entity
            and _FROM.fullmatch(text, prev.end, m.start) is not None
            and _LEFT.match(text, m.end) is None
        ):
            out[i] = attrs.evolve(m, entity=None)
            continue  # (a chain "A from B from C" is not read further)
        if m.entity is not None:
            prev = m
    return out
