"""Extraction: news text -> institution mentions -> partnership records (and merging them).

The public faces are :func:`extract`, :class:`Extraction` and :func:`merge_partnerships`,
re-exported by ``partnerkit``.
"""

from partnerkit._extract._extract import Extraction, extract
from partnerkit._extract._merge import merge_partnerships

__all__ = ["Extraction", "extract", "merge_partnerships"]
