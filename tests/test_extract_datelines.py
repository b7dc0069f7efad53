"""Datelines (``_extract/_datelines.py``): what a user relies on is that the place a news text opens
with ("KUALA LUMPUR, Jan 28 —", "SÃO PAULO:", "WEST LAFAYETTE, Ind. —") is read as a place, never
as an organisation, by one mechanism, while an acronym before a colon or a lower-case place is not."""

from __future__ import annotations

import pytest

from partnerkit._extract._datelines import dateline_places


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("KUALA LUMPUR, Jan 28 — Universiti Malaya signed", "KUALA LUMPUR"),
        ("Headline\nSÃO PAULO: A USP assinou", "SÃO PAULO"),
        ("HONG KONG (Reuters) - HKU signed", "HONG KONG"),
        ("WEST LAFAYETTE, Ind. — Purdue University", "WEST LAFAYETTE"),
        ("OTA, Nigeria, 3 March 2025 — Covenant University", "OTA"),
        ("ASTANA – Nazarbayev University", "ASTANA"),
        ("SAINT-DENIS, 3 mars 2026 — L'université", "SAINT-DENIS"),
        ("ITMO: a new office in Brussels", None),  # one word before a colon may be an acronym
        ("OTA, 3 March 2025 — Covenant University", None),  # three letters need their region
        ("Kuala Lumpur, Jan 28 — Universiti Malaya", None),  # a dateline's place is in capitals
        ("ONE TWO THREE FOUR FIVE – the rest", None),  # five words are a headline, not a place
        ("The rector said: KUALA LUMPUR, Jan 28 — x", None),  # it opens a line
    ],
)
def test_a_datelines_place_is_the_capitalised_words_opening_its_line(text: str, place: str | None) -> None:
    """One mechanism says where a dateline's place lies (and no name or acronym inside it is an
    organisation): capitalised words opening a line, then the date, a dash, a colon or an agency."""
    assert [text[a:b] for a, b in dateline_places(text)] == ([place] if place else [])
