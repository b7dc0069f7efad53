"""HTML reduced to text: what extraction reads from web pages and feed summaries."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from partnerkit.sources import html_to_text
from partnerkit.sources._html import parse_html


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<p>One.</p><p>Two.</p>", "One.\n\nTwo."),
        ("a<br>b", "a\nb"),
        ("<p>one\n  line</p><pre>two\n  lines</pre>", "one line\n\ntwo\nlines"),
        ("<nav>Home | News</nav><p>Body</p>", "Body"),
        ("<div>ITMO&nbsp;University &amp; HUST</div>", "ITMO University & HUST"),
        ("<p>x</p><script>var a = '<p>no</p>';</script><style>p {}</style><p>y</p>", "x\n\ny"),
        ("<ul><li>one</li><li>two</li></ul>", "one\n\ntwo"),
        ("plain text, no tags", "plain text, no tags"),
        ("<p>unclosed <b>bold", "unclosed bold"),
        ("<svg><text>drawn</text></svg>kept", "kept"),
        ("&#1059;&#1085;&#1080;&#1074;&#1077;&#1088;&#1089;&#1080;&#1090;&#1077;&#1090;", "Университет"),
    ],
)
def test_html_to_text(html: str, text: str) -> None:
    assert html_to_text(html) == text


def test_page_metadata() -> None:
    page = parse_html(
        '<html lang="ru"><head><title> Новости  ИТМО </title>'
        '<meta property="article:published_time" content="2021-04-27T10:00:00+03:00"></head>'
        "<body><h1>Соглашение</h1><p>Текст.</p></body></html>"
    )
    assert (page.title, page.language, page.published) == ("Новости ИТМО", "ru", "2021-04-27T10:00:00+03:00")
    assert page.text == "Соглашение\n\nТекст."


@given(st.text())
def test_any_text_survives_escaping_and_parsing(text: str) -> None:
    """No input makes the parser fail, and escaped text comes back word for word."""
    import html

    assert html_to_text(f"<p>{html.escape(text)}</p>").split() == text.split()
