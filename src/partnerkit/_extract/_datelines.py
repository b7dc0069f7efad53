"""Datelines: the place and date a news text opens with ("KUALA LUMPUR, Jan 28 —", "New Delhi,
July 6 (IANS) ..."). Their place is no organisation and their date is the news's, not a deal's.
"""

from __future__ import annotations

import re

from partnerkit._extract._dates import DateHit

__all__ = ["dateline_date", "dateline_places"]

# A dateline opens a line with its place in capitals, then the date, a dash, a colon or an agency:
# "SHEFFIELD, 14 March 2024 —", "ASTANA – ", "KUALA LUMPUR, Jan 28 —", "SÃO PAULO:", "HONG KONG
# (Reuters) -", or with its state or country between: "WEST LAFAYETTE, Ind. —", "OTA, Nigeria, 3 March".
_PLACE_RUN = re.compile(r"(?m)^[^\W\d_]+(?:[ -][^\W\d_]+){0,3}")  # one to four words opening a line
_DATE_TAIL = r",\s*(?:\d|[^\W\d_]+\.?\s+\d)"
_DATELINE_TAIL = re.compile(rf"{_DATE_TAIL}|\s+[–—-]\s")
# (a colon or an agency follows a city of several words: one word before them is as often a label
# or an organisation's acronym, "UPDATE:", "ITMO (TASS) -")
_NAMED_TAIL = re.compile(r":\s|\s*\([^()]{1,20}\)\s*[–—-]\s")
_DATELINE_REGION = re.compile(rf",\s*[A-Z][^\W\d_]+(?:\s[A-Z][^\W\d_]+)?(?:{_DATE_TAIL}|\.?\s+[–—-]\s)")


def dateline_places(text: str) -> list[tuple[int, int]]:
    """The spans of the capitalised places that open a dateline ("KUALA LUMPUR", "ASTANA", "OTA"):
    a name or acronym found inside one is no organisation. A place of one word has four letters
    or more unless its region follows ("OTA, Nigeria, 3 March")."""
    spans: list[tuple[int, int]] = []
    for m in _PLACE_RUN.finditer(text):
        run, end = m.group(), m.end()
        if not run.isupper():
            continue
        if (
            (len(run) >= 4 and _DATELINE_TAIL.match(text, end))
            or (" " in run and _NAMED_TAIL.match(text, end))
            or _DATELINE_REGION.match(text, end)
        ):
            spans.append((m.start(), end))
    return spans


_DATELINE_HEAD = re.compile(r"(?:[^\W\d_][\w .'’-]{0,30},\s*)?")
_DATELINE_END = re.compile(r"\s*(?:\([^()]{1,20}\)\s*)?[–—-]\s|\s*\([^()]{1,20}\)\s")


def dateline_date(text: str, hit: DateHit) -> bool:
    """ "SHEFFIELD, 14 March 2024 — ...", "New Delhi, July 6 (IANS) ...": the date of the news."""
    return _DATELINE_HEAD.fullmatch(text, 0, hit.start) is not None and _DATELINE_END.match(text, hit.end) is not None
