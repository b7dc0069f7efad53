"""HTML reduced to readable text, with the standard library's tolerant parser.

Scripts, styles, navigation menus and other non-content elements are dropped; block elements become line
breaks so sentences of different paragraphs never run together; entities are decoded;
whitespace inside a line is collapsed. The page's title, language and publication date
(from the usual meta tags) are picked up on the way.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import attrs

__all__ = ["HtmlPage", "html_to_text", "parse_html"]

_SKIP = frozenset(("script", "style", "noscript", "template", "svg", "iframe", "nav", "object", "canvas", "select"))
_BLOCK = frozenset(
    (
        "p", "div", "br", "hr", "li", "ul", "ol", "dl", "dt", "dd", "tr", "table", "section", "article",
        "header", "footer", "aside", "nav", "main", "blockquote", "pre", "figure", "figcaption", "form",
        "h1", "h2", "h3", "h4", "h5", "h6", "address", "details", "summary", "td", "th", "caption",
    )
)  # fmt: skip
_VOID = frozenset(("br", "hr", "img", "meta", "link", "input", "area", "base", "col", "embed", "source", "wbr"))
_DATE_META = ("article:published_time", "datepublished", "date", "dc.date", "dc.date.issued", "pubdate")
_WHITESPACE = re.compile(r"\s+")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_BLANKS = re.compile(r"\n\s*\n+")


@attrs.frozen
class HtmlPage:
    """What :func:`parse_html` found: the text and, if the page says so, title, language, date."""

    text: str
    title: str | None = None
    language: str | None = None
    published: str | None = None


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.skip_stack: list[str] = []
        self.in_title = False
        self.pre_depth = 0
        self.title: list[str] = []
        self.language: str | None = None
        self.published: str | None = None

    def handle_starttag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): (v or "") for k, v in attrs_}
        if tag == "html" and values.get("lang"):
            self.language = values["lang"].strip() or None
        elif tag == "title":
            self.in_title = True
        elif tag == "meta":
            key = (values.get("property") or values.get("name") or values.get("itemprop") or "").lower()
            if key in _DATE_META and values.get("content") and self.published is None:
                self.published = values["content"].strip()
        elif tag == "time" and values.get("datetime") and self.published is None:
            self.published = values["datetime"].strip()
        if tag in _SKIP and tag not in _VOID:
            self.skip_stack.append(tag)
            self.skip_depth += 1
        if tag == "pre":
            self.pre_depth += 1
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs_)
        if tag in self.skip_stack and tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag == "pre" and self.pre_depth:
            self.pre_depth -= 1
        if tag in self.skip_stack:
            while self.skip_stack:  # close unclosed inner skipped elements too
                self.skip_depth -= 1
                if self.skip_stack.pop() == tag:
                    break
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif self.skip_depth == 0:
            self.parts.append(data if self.pre_depth else _WHITESPACE.sub(" ", data))


def parse_html(html: str) -> HtmlPage:
    """The text of an HTML page or fragment, with its title, language and date if present.

    Example:
        >>> page = parse_html('<html lang="en"><head><title>News</title></head>'
        ...                   '<body><p>ITMO &amp; HUST signed.</p><script>x()</script><p>More.</p></body></html>')
        >>> page.title, page.language, page.text
        ('News', 'en', 'ITMO & HUST signed.\\n\\nMore.')
    """
    parser = _Parser()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    text = _BLANKS.sub("\n\n", "\n".join(lines)).strip()
    title = _SPACES.sub(" ", "".join(parser.title)).strip() or None
    return HtmlPage(text=text, title=title, language=parser.language, published=parser.published)


def html_to_text(html: str) -> str:
    """Reduce HTML (a page or a fragment such as a feed summary) to readable text.

    Paragraphs are separated by a blank line; entities are decoded; scripts and styles
    are dropped.

    Example:
        >>> html_to_text("<p>Joint lab with <b>Tsinghua</b>&nbsp;University</p><p>Since 2020.</p>")
        'Joint lab with Tsinghua University\\n\\nSince 2020.'
    """
    return parse_html(html).text
