"""Queries whose words are the registered name's in another language or form
(partnerkit._matching._match._cognate).

What a user relies on: a name written with cognates of the registered name's words
("Geografski inštitut Antona Melika" for the Anton Melik Geographical Institute, "Museum of
Prehistory of Valencia" for the Museu de Prehistòria de València) is a MATCH whose
explanation names each word read, but only when the reading names that institution alone:
a rival carrying the words as written or as read, a brand of one word, or a different word
that merely starts alike ("Nationalbibliothek" / "Nationalbank") leave it undecided.
"""

from __future__ import annotations

import pytest

import partnerkit as pk


def _inst(i: str, name: str, **kw: object) -> pk.Institution:
    return pk.Institution(id=i, name=name, **kw)  # type: ignore[arg-type]


FILLER = [
    _inst("f1", "University of Kent", country="GB"),
    _inst("f2", "Wuhan University", country="CN"),
    _inst("f3", "Swiss Federal Institute of Technology", country="CH"),
]


def _top(reg: pk.Registry, query: str) -> tuple[str, pk.Decision, str]:
    best = reg.match(query)[0]
    return best.institution.id, best.decision, str(best.explanation)


@pytest.mark.parametrize(
    ("query", "name", "read"),
    [
        ("Geografski inštitut Antona Melika", "Anton Melik Geographical Institute", "geografski = geographical"),
        ("Museum of Prehistory of Valencia", "Museu de Prehistòria de València", "prehistory = prehistoria"),
        ("Harbin Commercial University", "Harbin University of Commerce", "commercial = commerce"),
        ("Teravix Pharmaceutical Services", "Teravix Servicos Farmaceuticos", "pharmaceutical = farmaceuticos"),
    ],
)
def test_cognates_of_the_registered_words_match(query: str, name: str, read: str) -> None:
    reg = pk.Registry([_inst("x", name), *FILLER])
    inst, decision, why = _top(reg, query)
    assert (inst, decision) == ("x", pk.Decision.MATCH)
    assert read in why


def test_a_rival_carrying_the_words_as_written_keeps_it_undecided() -> None:
    reg = pk.Registry(
        [
            _inst("x", "Harbin University of Commerce"),
            _inst("y", "Harbin Commercial Vocational College"),
            *FILLER,
        ]
    )
    assert _top(reg, "Harbin Commercial University")[1] is not pk.Decision.MATCH


def test_a_one_word_name_is_not_read_as_another() -> None:
    reg = pk.Registry([_inst("x", "Unifor"), *FILLER])
    found = reg.match("Unicor")
    assert not found or found[0].decision is not pk.Decision.MATCH


def test_a_word_that_only_starts_alike_is_not_read() -> None:
    reg = pk.Registry([_inst("x", "Schweizerische Nationalbank"), *FILLER])
    found = reg.match("Schweizerische Nationalbibliothek")
    assert not found or found[0].decision is not pk.Decision.MATCH
