"""Relative dates read against the publication date: a user relies on a deal dated "the day
before yesterday", "on 3rd inst.", "上周二", "ab Oktober" or "в марте прошлого года" getting the
day or month those words name, in every language with a lexicon."""

from __future__ import annotations

import pytest

import partnerkit as pk
from partnerkit._extract._dates import find_dates
from partnerkit._extract._lexicon import lexicon
from partnerkit._model import PartialDate


@pytest.mark.parametrize(
    ("text", "published", "date"),
    [
        # the day before yesterday
        ("Позавчера Университет Ривертона и Университет Бастии подписали соглашение.", "2024-03-15", "2024-03-13"),
        ("L'Université de Riverton et l'Université de Bastia ont signé un accord avant-hier.", "2024-05-15",
         "2024-05-13"),
        ("Die Universität Riverton und die Universität Bastia unterzeichneten vorgestern einen Vertrag.", "2024-05-15",
         "2024-05-13"),
        ("河源大学与白沙大学前天签署合作协议。", "2024-05-15", "2024-05-13"),
        # a day of the publication month
        ("Omega University announced on the 15th that it had signed an MOU with Sigma University on the 14th.",
         "2025-04-16", "2025-04-14"),
        ("Omega University signed an MOU with Sigma University on the 20th at its main campus.", "2025-04-16",
         "2025-03-20"),
        ("Omega University and Sigma University signed an agreement on 3rd inst.", "2025-03-14", "2025-03-03"),
        ("La Universidad de Montoro y la Universidad de Lund firmaron un convenio el 3 del corriente.", "2025-06-27",
         "2025-06-03"),
        ("Am 3. d. M. unterzeichneten die Universität Riverton und die Universität Bastia einen Vertrag.", "2024-05-08",
         "2024-05-03"),
        # a weekday of the calendar week before: published on a Friday, "上周二" is not this week's Tuesday
        ("河源大学与白沙大学上周二签署合作协议。", "2024-04-12", "2024-04-02"),
        ("Omega University and Sigma University signed an agreement on Tuesday last week.", "2024-04-12", "2024-04-02"),
        # a month named with its year word
        ("Университет Ривертона и Университет Бастии подписали соглашение в марте прошлого года.", "2024-05-15",
         "2023-03"),
        ("河源大学与白沙大学计划今年9月签署合作协议。", "2024-04-12", "2024-09"),
        ("Университет Ривертона и Университет Бастии откроют совместную магистерскую программу с сентября этого года.",
         "2024-03-15", "2024-09"),
        # a start to come: "ab Oktober" said in May is this October, not last year's
        ("Die Universität Riverton und die Universität Bastia werden ab Oktober einen gemeinsamen Masterstudiengang "
         "anbieten.", "2024-05-08", "2024-10"),
    ],
)  # fmt: skip
def test_relative_dates_are_resolved_from_the_publication_date(text: str, published: str, date: str) -> None:
    ex = pk.extract(text, published=published)
    assert [str(p.date) for p in ex.partnerships] == [date]
    assert all(len(p.parties) == 2 for p in ex.partnerships)


def test_a_day_number_needs_its_month_word_and_a_publication_month() -> None:
    """ "inst." after no number is no date; without a publication date nothing relative is filled in."""
    lex = lexicon(("en",))
    assert [str(h.date) for h in find_dates("see the inst. rules", lex, PartialDate(2025, 3, 14))] == []
    assert find_dates("signed on 3rd inst.", lex, None) == []
    assert find_dates("signed on 3rd inst.", lex, PartialDate(2025)) == []


def test_a_month_without_a_start_word_stays_at_or_before_the_publication() -> None:
    """ "in October" said in May is last October (news tells what has happened)."""
    lex = lexicon(("de", "en"))
    hits = find_dates("Die Vereinbarung wurde im Oktober unterzeichnet.", lex, PartialDate(2024, 5, 8))
    assert [str(h.date) for h in hits] == ["2023-10"]


def test_a_report_on_a_past_year_dates_its_bare_months_in_that_year() -> None:
    """An annual report "for calendar year 2024" posted in March 2025: "in February" is
    February 2024, not 2025; a text without such a phrase keeps the publication's year."""
    body = "Varenna University signed an agreement with Norrland University in February."
    report = "This section lists the partners Varenna University added during calendar year 2024. " + body
    got = {str(p.date) for p in pk.extract(report, published="2025-03-04").partnerships}
    assert got == {"2024-02"}
    got = {str(p.date) for p in pk.extract(body, published="2025-03-04").partnerships}
    assert got == {"2025-02"}


@pytest.mark.parametrize(
    "heading",
    [
        "PARTNERS ADDED DURING THE CALENDAR YEAR 2024.",
        "Annual Report 2024.",
        "The 2024 ANNUAL REPORT.",
        "Jahresbericht 2024.",
        "Informe Anual de 2024.",
        "Rapport annuel 2024.",
        "Годовой отчёт за 2024.",
    ],
)
def test_every_report_heading_in_any_case_dates_bare_months_in_its_year(heading: str) -> None:
    """Each way of saying the text reports on one past year counts whatever its letter case."""
    body = "Varenna University signed an agreement with Norrland University in February."
    got = {str(p.date) for p in pk.extract(heading + " " + body, published="2025-03-04").partnerships}
    assert got == {"2024-02"}


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("In May, Varenna University signed an MoU with Norrland University.", "2024-05"),
        ("Varenna University joined the Nordic Alliance in March.", "2024-03"),
        ("Varenna University may sign an MoU with Norrland University.", "None"),
    ],
)
def test_may_and_march_after_a_preposition_are_months(text: str, date: str) -> None:
    """ "In May", "in March" (capitalised, after a preposition) are months; "may" the verb is not."""
    got = {str(p.date) for p in pk.extract(text, published="2024-11-01").partnerships}
    assert got == {date}


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Varenna University and Norrland University signed an agreement on the twentieth of February this year.",
         "2024-02-20"),
        ("Varenna University and Norrland University signed an MoU on the twenty-first of May 2023.", "2023-05-21"),
        ("Varenna University signed the first of its agreements with Norrland University in May 2023.", "2023-05"),
    ],
)  # fmt: skip
def test_an_ordinal_day_word_before_of_and_a_month_is_the_day(text: str, date: str) -> None:
    """ "the twentieth of February", "the twenty-first of May": the day; "the first of its
    agreements" is no day."""
    assert {str(p.date) for p in pk.extract(text, published="2024-09-18").partnerships} == {date}


def test_a_year_filled_from_the_publication_date_is_marked() -> None:
    """A bare month takes its year from the publication date and says so (``filled``); a stated year does not."""
    lex = lexicon(("en",))
    hits = find_dates("signed in March and renewed in March 2021", lex, PartialDate(2023, 11, 20))
    assert [(str(h.date), h.filled) for h in hits] == [("2023-03", True), ("2021-03", False)]
