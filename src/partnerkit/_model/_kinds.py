"""The kind of institution a free-text "type" names ("University", "Hospital"): one table for every reader."""

from __future__ import annotations

import re

from partnerkit._model._records import InstitutionKind

__all__ = ["institution_kind"]

_SEPARATORS = re.compile(r"[\s_\-/.,;:()]+")

# words a spreadsheet's "type" column uses for each kind (compared case- and separator-insensitively);
# a word that could be two kinds ("institute", "foundation", "public") is in none: it is left out, with a warning
_WORDS: dict[InstitutionKind, tuple[str, ...]] = {
    InstitutionKind.EDUCATION: (
        "university", "universities", "college", "school", "academy", "polytechnic", "higher education",
        "higher education institution", "hei", "educational", "education institution", "educational institution",
    ),
    InstitutionKind.RESEARCH: (
        "research institute", "research institution", "research organisation", "research organization",
        "research centre", "research center", "laboratory", "lab", "research laboratory",
    ),
    InstitutionKind.GOVERNMENT: ("governmental", "ministry", "government agency", "public authority", "agency"),
    InstitutionKind.COMPANY: (
        "business", "corporate", "corporation", "industry", "private company", "enterprise", "firm", "commercial",
    ),
    InstitutionKind.FUNDER: ("funding agency", "funding body", "funding organisation", "funding organization"),
    InstitutionKind.HEALTHCARE: ("health care", "hospital", "clinic", "medical centre", "medical center"),
    InstitutionKind.NONPROFIT: ("non profit", "not for profit", "ngo", "charity"),
    InstitutionKind.FACILITY: ("research facility", "infrastructure", "observatory"),
    InstitutionKind.ARCHIVE: ("archives", "library", "museum"),
    InstitutionKind.ASSOCIATION: ("network", "society", "consortium", "alliance", "federation"),
}  # fmt: skip
_KINDS: dict[str, InstitutionKind] = {kind.value: kind for kind in InstitutionKind}
_KINDS.update({word: kind for kind, words in _WORDS.items() for word in words})


def institution_kind(value: str) -> InstitutionKind | None:
    """The kind a free-text type names (a kind's own name, any case, or a common word for it), else ``None``.

    >>> [institution_kind(t).value for t in ("University", "Research Institute", "HEALTHCARE", "non-profit")]
    ['education', 'research', 'healthcare', 'nonprofit']
    >>> institution_kind("Public") is None
    True
    """
    return _KINDS.get(" ".join(_SEPARATORS.split(value.casefold())).strip())
