"""References to organisations named before (``_extract/_references.py``).

A user relies on: "the Network" naming the last organisation before it whose name holds that
word; and on ``pk.extract`` over a long text with many such references doing work in proportion
to the text (each reference once re-read every mention before it: 4x the text was 15x the work).
"""

from __future__ import annotations

import partnerkit as pk
from tests.work import lines_executed


def test_a_definite_reference_names_the_last_organisation_of_its_kind() -> None:
    text = (
        "The Baltic University Network met in Riga. ITMO University signed an agreement with the Baltic "
        "Sea Network in May. Later the Network said it will grow. The Nordic Network joined. Since then "
        "the Network has ten members."
    )
    refs = [(m.text, m.name) for m in pk.extract(text).mentions if m.kind == "definite"]
    assert refs == [("the Network", "Baltic Sea Network"), ("the Network", "Nordic Network")]


def _lines(text: str) -> int:
    """Lines executed in ``_references.py`` while extracting ``text`` (work that load cannot change)."""
    return lines_executed(lambda: pk.extract(text), "_references.py")


def test_definite_references_cost_work_in_proportion_to_the_text() -> None:
    base = "ITMO University and the University of Hamburg signed an agreement on 3 May 2024. Both joined the Network. "
    pk.extract(base)  # (lexicons loaded)
    ratio = _lines(base * 400) / _lines(base * 100)
    assert ratio < 5, ratio  # 4x the text: 4x the work (the first version: 15x)
