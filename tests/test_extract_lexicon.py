"""Language detection of news texts (``_lexicon.detect_language``).

A user relies on: a one- or two-sentence German text with capitalised nouns and few function
words ("Universität Norrland schließt ihr Büro in Lagos.") being read as German, so German
trigger and status words apply; an English text naming German institutions staying English.
"""

from __future__ import annotations

import pytest

import partnerkit as pk
from partnerkit._extract._lexicon import detect_language


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Universität Norrland schließt ihr Büro in Lagos.", "de"),
        ("Universität Norrland tritt Verbund Nordischer Universitäten bei.", "de"),
        ("Neues Büro in Nairobi: Universität Karsten eröffnet Vertretung in Kenia.", "de"),
        ("Universität Karsten eröffnet Büro in Nairobi. Hochschule Norrland plant Kooperation.", "de"),
        ("Universität Göttingen and Universität Würzburg sign an MoU in Berlin.", "en"),
        ("TU Norrland opens an office in Singapore.", "en"),
        ("Norrland University opened an office in Lagos in 2020.", "en"),
        ("La Universidad de Norrland abrió una oficina en Lagos.", "es"),
    ],
)
def test_short_texts(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_a_short_german_text_reads_german_status_words() -> None:
    ex = pk.extract("Universität Karsten schließt ihr Büro in Nairobi.", published="2024-05-01")
    assert {(p.kind.value, p.status.value) for p in ex.partnerships} == {("office", "ended")}
