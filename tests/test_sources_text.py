"""The built-in ``text`` source: folders of news files as Articles, incrementally.

A user relies on: HTML reduced to text with title, language and date; plain text with
its first line as title; a second read with the state yields only new or changed files;
an undecodable file reported, the others read.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import partnerkit as pk
from partnerkit.sources._text import TextSource
from partnerkit.testing import SourceConformance

HTML = """<!doctype html><html lang="en"><head><title>HUST and ITMO sign agreement</title>
<meta property="article:published_time" content="2021-04-27T09:00:00Z"></head>
<body><nav>Menu</nav><article><h1>HUST and ITMO</h1><p>HUST and ITMO University signed a key
partnership agreement.</p><script>track()</script></article></body></html>"""
TEXT = "ITMO opens office in Wuhan\n\nITMO University opened a representative office at HUST.\n"


@pytest.fixture
def news(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    (folder / "2021").mkdir(parents=True)
    (folder / "2021" / "hust.html").write_text(HTML, encoding="utf-8")
    (folder / "office.txt").write_text(TEXT, encoding="utf-8")
    (folder / "image.png").write_bytes(b"\x89PNG")
    return folder


class TestTextConformance(SourceConformance):
    source_class = TextSource
    bad_config = ({"paths": []}, "config.paths")

    @pytest.fixture
    def source_config(self, news: Path) -> dict[str, Any]:
        return {"paths": [str(news)], "publisher": "ITMO University"}


def test_html_and_text_become_articles(news: Path) -> None:
    source = pk.open_source("text", paths=str(news), publisher="ITMO University")
    html, text = [item.record for item in source.read()]
    assert html.title == "HUST and ITMO sign agreement"
    assert html.text == "HUST and ITMO\n\nHUST and ITMO University signed a key partnership agreement."
    assert (html.language, str(html.published), html.publisher) == ("en", "2021-04-27", "ITMO University")
    assert text.title == "ITMO opens office in Wuhan"
    assert text.text == TEXT.strip()
    assert text.url == (news / "office.txt").resolve().as_uri()


def test_second_read_yields_only_new_or_changed_files(news: Path) -> None:
    first = pk.open_source("text", paths=[str(news)])
    assert len(list(first.read())) == 2
    state = first.state
    (news / "office.txt").write_text(TEXT + "Updated.\n", encoding="utf-8")
    (news / "new.txt").write_text("A new text.", encoding="utf-8")
    second = pk.open_source("text", paths=[str(news)])
    assert sorted(Path(i.record.url or "").name for i in second.read(state=state)) == ["new.txt", "office.txt"]
    third = pk.open_source("text", paths=[str(news)])
    assert list(third.read(state=second.state)) == []


def test_undecodable_and_empty_files_are_reported_and_others_read(news: Path) -> None:
    (news / "win.txt").write_bytes("Университет ИТМО".encode("cp1251"))
    (news / "empty.txt").write_text("  \n")
    source = pk.open_source("text", paths=[str(news)])
    assert len(list(source.read())) == 2
    reasons = {Path(e.locator or "").name: e.reason for e in source.summary.errors}
    assert reasons["empty.txt"] == "the file holds no text"
    assert reasons["win.txt"].startswith("not valid utf-8 text")
    cp1251 = pk.open_source("text", paths=[str(news / "win.txt")], encoding="cp1251")
    assert [i.record.text for i in cp1251.read()] == ["Университет ИТМО"]


def test_missing_path_is_a_source_error(tmp_path: Path) -> None:
    with pytest.raises(pk.SourceError, match="no such file"):
        list(pk.open_source("text", paths=[str(tmp_path / "nope")]).read())


def test_a_binary_file_given_as_text_is_reported(news: Path) -> None:
    """A PDF or image named like a text file is a bad record naming it, not an article of garbage."""
    (news / "report.txt").write_bytes(b"%PDF-1.4\n\x00\x00\x01binary")
    source = pk.open_source("text", paths=[str(news)])
    assert len(list(source.read())) == 2
    reasons = {Path(e.locator or "").name: e.reason for e in source.summary.errors}
    assert reasons == {"report.txt": "holds NUL characters: a binary file (PDF, image, archive?), not text"}


def test_an_unknown_encoding_is_a_config_error_on_open(news: Path) -> None:
    """Options are checked when the source is opened (it was one error per file, at read time)."""
    with pytest.raises(pk.ConfigError) as info:
        pk.open_source("text", paths=[str(news)], encoding="klingon")
    assert info.value.path == "config.encoding"
    assert "klingon" not in str(info.value)


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=300), st.sampled_from(["a.txt", "a.html"]))
def test_any_bytes_give_an_article_or_a_reported_file(
    tmp_path_factory: pytest.TempPathFactory, data: bytes, name: str
) -> None:
    """Whatever a news file holds, the read gives its article or one error naming it, never a crash."""
    folder = tmp_path_factory.mktemp("t")
    (folder / name).write_bytes(data)
    source = pk.open_source("text", paths=[str(folder)])
    articles = [item.record for item in source.read()]
    assert len(articles) + source.summary.rejected == 1
    assert all(e.locator == str(folder / name) for e in source.summary.errors)
    assert all("\x00" not in a.text for a in articles)
