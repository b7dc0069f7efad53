"""A table case for ``Registry.match``: which institution is the MATCH, which are POSSIBLE, and
which note the explanation carries (shared by the table tests of the matching rules)."""

from __future__ import annotations

from collections.abc import Iterable

import partnerkit as pk
from partnerkit.rules import Decision


def check_match_case(registry: pk.Registry, case: dict[str, object], rule_notes: Iterable[str]) -> None:
    """``case`` has "text", "match" (id or None), "possible" (set of ids) and "note" (text or
    None); with no note, none of ``rule_notes`` may appear in the result's explanations."""
    found = registry.match(str(case["text"]))
    got = {m.institution.id: m.decision for m in found}
    matches = [i for i, d in got.items() if d is Decision.MATCH]
    assert matches == ([case["match"]] if case["match"] else [])
    possible = {i for i, d in got.items() if d is Decision.POSSIBLE}
    assert case["possible"] <= possible  # type: ignore[operator]
    notes = " ".join(n for m in found for n in m.explanation.notes)
    if case["note"]:
        assert str(case["note"]) in notes
        assert str(case["note"]) in str(found[0].explanation)
    else:
        for rule in rule_notes:
            assert rule not in notes
