"""Language detection of news texts (``_lexicon.detect_language``).

A user relies on: an Italian text read with the Italian tables; a one- or two-sentence German
text with capitalised nouns and few function words ("Universität Norrland schließt ihr Büro in
Lagos.") being read as German, so German trigger and status words apply; an English text naming
German institutions staying English.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

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
        ("Il Politecnico di Varenna e l'Università di Norrland hanno firmato un accordo nella sede dell'ateneo.", "it"),
        ("A Universidade de Norrland e o Instituto Politécnico de Varenna assinaram um acordo com a rede.", "pt"),
        # elided articles (l') are Italian as much as French
        ("L'Università di Nordvalle e l'Università di Sudmare rinnovano l'accordo di cooperazione.", "it"),
        # Italian names in an English text leave it English
        ("Politecnico di Varenna takes part in all four networks listed above.", "en"),
    ],
)
def test_short_texts(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_a_short_german_text_reads_german_status_words() -> None:
    ex = pk.extract("Universität Karsten schließt ihr Büro in Nairobi.", published="2024-05-01")
    assert {(p.kind.value, p.status.value) for p in ex.partnerships} == {("office", "ended")}


def test_an_italian_text_reads_italian_triggers_status_words_and_dates() -> None:
    """Agreement "martedì scorso", the double degree it sets up (planned, by its start year), a
    membership "dal 1990" of "Il Politecnico" (the university named before, not a new one)."""
    text = (
        "Politecnico di Varenna e Università di Norrland: firmato l'accordo quadro\n"
        "Varenna, 13 febbraio 2025 – Martedì scorso il Politecnico di Varenna e l'Università di Norrland hanno "
        "firmato un accordo quadro di collaborazione. Sulla base dell'accordo, i due atenei avvieranno una doppia "
        "laurea magistrale a partire dall'anno accademico 2026/27. Il Politecnico, che fa parte della rete "
        "ALPINA dal 1990, conta già oltre quaranta accordi di doppia laurea con università di tutto il mondo."
    )
    ex = pk.extract(text, published="2025-02-13")
    got = {(p.kind.value, frozenset(x.name for x in p.parties), str(p.date), p.status.value) for p in ex.partnerships}
    pair = frozenset({"Politecnico di Varenna", "Università di Norrland"})
    assert got == {
        ("agreement", pair, "2025-02-11", "signed"),
        ("double_degree", pair, "2026", "planned"),
        ("membership", frozenset({"Politecnico di Varenna", "ALPINA"}), "1990", "active"),
    }


def test_a_portuguese_text_reads_portuguese_triggers_status_words_and_dates() -> None:
    """Agreement "na última terça-feira" (the Tuesday before the dateline), an exchange "em 1998" of
    "as duas universidades",
    an office kept "desde 2019" in Rio de Janeiro (a city, not January), a withdrawal as ended."""
    text = (
        "Varenna, 10 de abril de 2025 – A Universidade de Norrland e a Universidade de Varenna assinaram na "
        "última terça-feira um acordo de dupla titulação. "
        "As duas universidades começaram o intercâmbio de alunos em 1998. "
        "A Universidade de Varenna mantém, desde 2019, um escritório de representação no Rio de Janeiro. "
        "A Universidade de Norrland saiu da rede ALPINA em 2023."
    )
    ex = pk.extract(text, published="2025-04-10")
    assert ex.language == "pt"
    got = {(p.kind.value, frozenset(x.name for x in p.parties), str(p.date), p.status.value) for p in ex.partnerships}
    pair = frozenset({"Universidade de Norrland", "Universidade de Varenna"})
    assert ("agreement", pair, "2025-04-08", "signed") in got
    assert ("double_degree", pair, "2025-04-08") in {g[:3] for g in got}
    assert ("exchange", pair, "1998", "active") in got
    assert ("office", frozenset({"Universidade de Varenna"}), "2019", "active") in got
    assert ("membership", frozenset({"Universidade de Norrland", "ALPINA"}), "2023", "ended") in got


@given(st.text(alphabet="aäöüßãõbc \u00e4X-1.", max_size=60))
def test_language_counts_skip_only_texts_without_their_letters(sample: str) -> None:
    """The German and Portuguese letter counts of ``detect_language`` read a text only when it
    holds one of their letters, and then count exactly what the patterns find."""
    from partnerkit._extract._lexicon import _GERMAN_WORD, _PORTUGUESE_WORD, _count

    assert _count(_GERMAN_WORD, "äöüß", sample) == len(_GERMAN_WORD.findall(sample))
    assert _count(_PORTUGUESE_WORD, "ãõ", sample) == len(_PORTUGUESE_WORD.findall(sample))
