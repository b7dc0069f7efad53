"""The ``rss`` source against a local HTTP server: every hostile case a real feed can be.

A user relies on: news items as Articles with their publisher, the dates the feed writes, absolute
links, ids that do not collide across feeds, and text without
HTML; a second read with the state fetching conditionally and yielding only new items;
404s, 5xx, slow servers, oversized or compressed-bomb bodies, entity-expansion feeds and
malformed feeds all giving a clear error or a notice, never a hang or lost good items.
"""

from __future__ import annotations

import gzip
import time
from typing import Any

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

import partnerkit as pk
from partnerkit.sources import HttpClient
from partnerkit.testing import SourceConformance
from partnerkit_rss import RssSource

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>ITMO News</title><language>en</language>
<item><guid>news-1</guid><title>HUST and ITMO sign agreement</title>
<link>https://news.itmo.example/1</link><pubDate>Tue, 27 Apr 2021 01:30:00 +0300</pubDate>
<description>&lt;p&gt;HUST and &lt;b&gt;ITMO University&lt;/b&gt; signed a key partnership
agreement.&lt;/p&gt;</description></item>
<item><title>Office opens in Wuhan</title><link>https://news.itmo.example/2</link>
<description>ITMO opened an office at HUST.</description></item>
<item><title>No link, no guid</title><pubDate>Wed, 28 Apr 2021 10:00:00 GMT</pubDate>
<description>Text only.</description></item>
{extra}
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>HUST</title><id>urn:hust</id><updated>2021-04-27T00:00:00Z</updated>
<entry><id>urn:hust:1</id><title type="html">Joint lab &lt;b&gt;opens&lt;/b&gt;</title>
<link href="https://hust.example/a"/><updated>2021-04-26T23:30:00-02:00</updated>
<content type="html">&lt;p&gt;A joint lab with ITMO.&lt;/p&gt;</content></entry></feed>"""

RDF = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="https://x.example/"><title>X</title><link>https://x.example/</link><description>d</description></channel>
<item rdf:about="https://x.example/1"><title>RSS 1.0 item</title><link>https://x.example/1</link><description>Body</description></item>
</rdf:RDF>"""


def rss(extra: str = "") -> str:
    return RSS.replace("{extra}", extra)


def one_item(inner: str) -> str:
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item>{inner}</item></channel></rss>'


def open_rss(url: str, **options: Any) -> pk.sources:  # type: ignore[valid-type]
    options.setdefault("retries", 0)
    options.setdefault("backoff", 0)
    return pk.open_source("rss", url=url, publisher="ITMO University", **options)


def conditional(body: str, etag: str = '"v1"') -> Any:
    def handler(request: Request) -> Response:
        if request.headers.get("If-None-Match") == etag:
            return Response(status=304)
        return Response(body, content_type="application/rss+xml", headers={"ETag": etag})

    return handler


class TestRssConformance(SourceConformance):
    source_class = RssSource
    bad_config = ({"url": "ftp://files.example/feed-with-token"}, "config.url")

    @pytest.fixture
    def source_config(self, httpserver: HTTPServer) -> dict[str, Any]:
        httpserver.expect_request("/feed.xml").respond_with_handler(conditional(rss()))
        return {"url": httpserver.url_for("/feed.xml"), "publisher": "ITMO University", "retries": 0}


def test_items_become_articles(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/feed.xml").respond_with_data(rss(), content_type="application/rss+xml")
    source = open_rss(httpserver.url_for("/feed.xml"))
    items = list(source.read())
    first, second, third = (i.record for i in items)
    assert first.title == "HUST and ITMO sign agreement"
    assert first.text == "HUST and ITMO University signed a key partnership agreement."
    assert str(first.published) == "2021-04-27"  # 01:30 +03:00: the 27th where it was published
    assert (first.publisher, first.language, first.url) == ("ITMO University", "en", "https://news.itmo.example/1")
    feed = httpserver.url_for("/feed.xml")
    assert [i.provenance.native_id for i in items][:2] == [f"{feed}#news-1", "https://news.itmo.example/2"]
    assert items[2].provenance.native_id.startswith(f"{feed}#sha256:")
    assert str(third.published) == "2021-04-28"
    assert items[0].provenance.locator == f"{httpserver.url_for('/feed.xml')} entry 1"
    assert second.text == "ITMO opened an office at HUST."


def test_ids_without_guid_or_link_are_stable(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/feed.xml").respond_with_data(rss(), content_type="application/rss+xml")
    ids = [[i.provenance.native_id for i in open_rss(httpserver.url_for("/feed.xml")).read()] for _ in range(2)]
    assert ids[0] == ids[1]


@pytest.mark.parametrize(
    ("body", "title", "date"), [(ATOM, "Joint lab opens", "2021-04-26"), (RDF, "RSS 1.0 item", None)]
)
def test_atom_and_rss_1_0(httpserver: HTTPServer, body: str, title: str, date: str | None) -> None:
    httpserver.expect_request("/feed").respond_with_data(body, content_type="application/xml")
    (item,) = list(open_rss(httpserver.url_for("/feed")).read())
    assert item.record.title == title
    assert (str(item.record.published) if item.record.published else None) == date


def test_second_read_is_conditional_and_yields_only_new(httpserver: HTTPServer) -> None:
    url = httpserver.url_for("/feed.xml")
    httpserver.expect_request("/feed.xml").respond_with_handler(conditional(rss()))
    first = open_rss(url)
    assert len(list(first.read())) == 3
    assert first.state["feeds"][url]["etag"] == '"v1"'
    second = open_rss(url)
    assert list(second.read(state=first.state)) == []  # 304
    assert any("not modified" in n for n in second.summary.notices)
    assert second.state == first.state
    httpserver.clear()
    new = "<item><guid>news-9</guid><title>New</title><description>New text.</description></item>"
    httpserver.expect_request("/feed.xml").respond_with_handler(conditional(rss(new), '"v2"'))
    third = open_rss(url)
    assert [i.provenance.native_id for i in third.read(state=second.state)] == [f"{url}#news-9"]
    assert third.state["feeds"][url]["etag"] == '"v2"'


def test_user_agent_names_partnerkit(httpserver: HTTPServer) -> None:
    seen: list[str] = []

    def handler(request: Request) -> Response:
        seen.append(request.headers.get("User-Agent", ""))
        return Response(rss(), content_type="application/rss+xml")

    httpserver.expect_request("/feed.xml").respond_with_handler(handler)
    list(open_rss(httpserver.url_for("/feed.xml")).read())
    assert seen[0].startswith("partnerkit/")


def test_404_is_a_clear_error(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/feed.xml").respond_with_data("nope", status=404)
    with pytest.raises(pk.SourceError, match=r"no feed could be read: .*/feed\.xml: HTTP 404 NOT FOUND"):
        list(open_rss(httpserver.url_for("/feed.xml")).read())


def test_one_failing_feed_does_not_stop_the_others(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/gone.xml").respond_with_data("nope", status=404)
    httpserver.expect_request("/feed.xml").respond_with_data(rss(), content_type="application/rss+xml")
    source = pk.open_source(
        "rss",
        feeds=[{"url": httpserver.url_for("/gone.xml")}, {"url": httpserver.url_for("/feed.xml"), "publisher": "HUST"}],
        retries=0,
    )
    items = list(source.read())
    assert len(items) == 3
    assert {i.record.publisher for i in items} == {"HUST"}
    assert [str(e) for e in source.summary.errors] == [f"{httpserver.url_for('/gone.xml')}: HTTP 404 NOT FOUND"]


@pytest.mark.parametrize(("path", "reason"), [("/gone.xml", "HTTP 404"), ("/page.html", "not a readable RSS")])
def test_strict_stops_at_a_feed_that_cannot_be_read_with_a_source_error(
    httpserver: HTTPServer, path: str, reason: str
) -> None:
    """Under strict a feed that cannot be fetched or parsed is a SourceError (the command line's
    exit 2, as for an unreadable file), not a rejected record (exit 1)."""
    httpserver.expect_request("/gone.xml").respond_with_data("nope", status=404)
    httpserver.expect_request("/page.html").respond_with_data("<html><p>hi</p></html>", content_type="text/html")
    httpserver.expect_request("/feed.xml").respond_with_data(rss(), content_type="application/rss+xml")
    feeds = [{"url": httpserver.url_for(path)}, {"url": httpserver.url_for("/feed.xml")}]
    source = pk.open_source("rss", feeds=feeds, publisher="HUST", retries=0, strict=True)
    with pytest.raises(pk.SourceError, match=reason) as caught:
        list(source.read())
    assert not isinstance(caught.value, pk.RecordError)
    assert httpserver.url_for(path) in str(caught.value)


@pytest.mark.parametrize("command", ["read", "import"])
def test_cli_strict_exits_2_on_a_feed_that_cannot_be_fetched(
    httpserver: HTTPServer, tmp_path: Any, command: str
) -> None:
    """docs/cli.md: exit 1 is for rejected records, 2 for an error such as an unreadable source."""
    from click.testing import CliRunner

    from partnerkit.cli import cli

    httpserver.expect_request("/gone.xml").respond_with_data("nope", status=404)
    url = httpserver.url_for("/gone.xml")
    args = ["--db", str(tmp_path / "s.db"), command, "rss", "-o", f"url={url}", "-o", "retries=0", "--strict"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2, result.output
    assert f"partnerkit: error: {url}: HTTP 404" in result.output


def test_500_then_200_is_retried(httpserver: HTTPServer) -> None:
    httpserver.expect_ordered_request("/feed.xml").respond_with_data("down", status=500)
    httpserver.expect_ordered_request("/feed.xml").respond_with_data(rss(), content_type="application/rss+xml")
    source = open_rss(httpserver.url_for("/feed.xml"), retries=2)
    assert len(list(source.read())) == 3
    assert any("HTTP 500" in n and "retry 1 of 2" in n for n in source.summary.notices)


def test_slow_server_times_out(httpserver: HTTPServer) -> None:
    def slow(_request: Request) -> Response:
        time.sleep(1.0)
        return Response(rss(), content_type="application/rss+xml")

    httpserver.expect_request("/feed.xml").respond_with_handler(slow)
    started = time.monotonic()
    with pytest.raises(pk.SourceError, match="timed out"):
        list(open_rss(httpserver.url_for("/feed.xml"), timeout=0.2).read())
    assert time.monotonic() - started < 1.0


@pytest.mark.parametrize("gzipped", [False, True])
def test_a_feed_over_max_bytes_is_read_up_to_its_last_whole_entry_with_a_warning(
    httpserver: HTTPServer, caplog: pytest.LogCaptureFixture, gzipped: bool
) -> None:
    """A feed longer than max_bytes gives the entries that end within the limit (a feed lists
    its newest first), never a cut one, and a warning naming the feed and the limit; its
    ETag is not kept, so the next read fetches it whole again."""
    big = rss("".join(f"<item><guid>g{i}</guid><title>T{i}</title></item>" for i in range(2000)))
    body = gzip.compress(big.encode()) if gzipped else big.encode()
    headers = {"Content-Encoding": "gzip", "ETag": '"v1"'} if gzipped else {"ETag": '"v1"'}
    httpserver.expect_request("/feed.xml").respond_with_data(body, content_type="application/rss+xml", headers=headers)
    source = open_rss(httpserver.url_for("/feed.xml"), max_bytes=10_000)
    with caplog.at_level("WARNING", logger="partnerkit"):
        items = list(source.read())
    titles = [i.record.title for i in items]
    assert 100 < len(titles) < 2000
    assert titles[3:] == [f"T{i}" for i in range(len(titles) - 3)]  # after the three of rss()
    assert len(big.encode()[:10_000].split(b"</item>")) - 1 == len(titles)  # every whole entry, no cut one
    url = httpserver.url_for("/feed.xml")
    assert any(url in r.getMessage() and "max_bytes (10000 bytes)" in r.getMessage() for r in caplog.records)
    assert not any("malformed" in n for n in source.summary.notices)
    assert source.state["feeds"][url]["etag"] is None


def test_a_feed_over_max_bytes_without_one_whole_entry_is_an_error(httpserver: HTTPServer) -> None:
    big = one_item("<guid>g</guid><title>T</title><description>" + "x" * 20_000 + "</description>")
    httpserver.expect_request("/feed.xml").respond_with_data(big, content_type="application/rss+xml")
    with pytest.raises(pk.SourceError, match=r"larger than max_bytes \(10000 bytes\) and no entry ends within it"):
        list(open_rss(httpserver.url_for("/feed.xml"), max_bytes=10_000).read())


def test_gzip_bomb_stops_at_the_limit(httpserver: HTTPServer) -> None:
    bomb = gzip.compress(rss().encode()[:-20] + b" " * 30_000_000)  # ~30 KB on the wire, 30 MB inflated
    httpserver.expect_request("/feed.xml").respond_with_data(
        bomb, content_type="application/rss+xml", headers={"Content-Encoding": "gzip"}
    )
    source = open_rss(httpserver.url_for("/feed.xml"), max_bytes=1_000_000)
    assert len(list(source.read())) == 2  # the whole entries before the padding (the cut drops the third's end tag)


def test_the_http_client_refuses_a_body_over_max_bytes_unless_partial(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/big").respond_with_data(b"x" * 5000)
    url = httpserver.url_for("/big")
    with HttpClient(max_bytes=1000, retries=0) as client:
        with pytest.raises(pk.SourceError, match=r"larger than max_bytes \(1000 bytes\)"):
            client.get(url)
        cut = client.get(url, partial=True)
    assert (cut.content, cut.truncated) == (b"x" * 1000, True)


def test_gzip_feed_within_the_limit_is_read(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/feed.xml").respond_with_data(
        gzip.compress(rss().encode()), content_type="application/rss+xml", headers={"Content-Encoding": "gzip"}
    )
    assert len(list(open_rss(httpserver.url_for("/feed.xml")).read())) == 3


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rss [
<!ENTITY lol "lol">
<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<rss version="2.0"><channel><title>x</title><item><title>&lol3;</title><guid>1</guid></item></channel></rss>"""

XXE = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>x</title><item><title>&secret;</title><guid>1</guid></item></channel></rss>"""


@pytest.mark.parametrize(("body", "reason"), [(BILLION_LAUGHS, "entity-expansion"), (XXE, "external entities")])
def test_entity_attacks_are_refused(httpserver: HTTPServer, body: str, reason: str) -> None:
    httpserver.expect_request("/feed.xml").respond_with_data(body, content_type="application/rss+xml")
    with pytest.raises(pk.SourceError, match=f"feed refused: .*{reason}"):
        list(open_rss(httpserver.url_for("/feed.xml")).read())


@pytest.mark.parametrize("declared", ["xml", "header"])
def test_cp1251_feed(httpserver: HTTPServer, declared: str) -> None:
    """A Windows-1251 feed is decoded right whether the XML declaration or the HTTP header says so."""
    xml_decl = '<?xml version="1.0" encoding="windows-1251"?>' if declared == "xml" else '<?xml version="1.0"?>'
    body = f"""{xml_decl}<rss version="2.0"><channel><title>Новости</title>
<item><guid>1</guid><title>Университет ИТМО и HUST подписали соглашение</title>
<description>Текст новости.</description></item>
</channel></rss>""".encode("cp1251")
    content_type = "application/rss+xml" if declared == "xml" else "application/rss+xml; charset=windows-1251"
    httpserver.expect_request("/feed.xml").respond_with_data(body, content_type=content_type)
    (item,) = list(open_rss(httpserver.url_for("/feed.xml")).read())
    assert item.record.title == "Университет ИТМО и HUST подписали соглашение"
    assert item.record.text == "Текст новости."


def test_malformed_feed_is_read_leniently_and_reported(httpserver: HTTPServer) -> None:
    body = rss().replace("Office opens in Wuhan", "Office &nbsp; opens in Wuhan").replace("</channel></rss>", "")
    httpserver.expect_request("/feed.xml").respond_with_data(body, content_type="application/rss+xml")
    source = open_rss(httpserver.url_for("/feed.xml"))
    items = list(source.read())
    assert len(items) == 3
    assert any("malformed" in n and "read leniently" in n for n in source.summary.notices)


def test_not_a_feed_is_an_error(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/feed.xml").respond_with_data("<html><body>Login", content_type="text/html")
    with pytest.raises(pk.SourceError, match="not a readable RSS or Atom feed"):
        list(open_rss(httpserver.url_for("/feed.xml")).read())


@pytest.mark.parametrize(
    ("body", "what"), [("", "an empty response"), ("<html><body><p>Login</p></body></html>", "no RSS or Atom element")]
)
def test_an_empty_or_feedless_response_is_an_error_not_nothing_new(
    httpserver: HTTPServer, body: str, what: str
) -> None:
    """A 200 with an empty body or a well-formed page that is no feed read as "no entries" without a word."""
    httpserver.expect_request("/feed.xml").respond_with_data(body, content_type="application/xml")
    with pytest.raises(pk.SourceError, match=f"not a readable RSS or Atom feed \\({what}\\)"):
        list(open_rss(httpserver.url_for("/feed.xml")).read())
    empty = rss().replace("<item>", "<!--").replace("</item>", "-->")
    httpserver.expect_request("/empty.xml").respond_with_data(empty, content_type="application/rss+xml")
    assert list(open_rss(httpserver.url_for("/empty.xml")).read()) == [], "a feed with no items is no error"


def test_entries_without_title_or_text_are_reported(httpserver: HTTPServer) -> None:
    body = rss("<item><guid>empty</guid></item>")
    httpserver.expect_request("/feed.xml").respond_with_data(body, content_type="application/rss+xml")
    source = open_rss(httpserver.url_for("/feed.xml"))
    assert len(list(source.read())) == 3
    assert [e.reason for e in source.summary.errors] == ["the entry has neither a title nor any text"]
    assert source.summary.errors[0].locator == f"{httpserver.url_for('/feed.xml')} entry 4"


@pytest.mark.parametrize(
    ("options", "path"),
    [
        ({}, "config.url"),
        ({"url": "not a url"}, "config.url"),
        ({"feeds": [{"url": "https://ok.example/f"}, {"url": "file:///etc/passwd"}]}, "config.feeds[1].url"),
        ({"url": "https://ok.example/f", "timeout": 0}, "config.timeout"),
        ({"url": "https://ok.example/f", "password": "hunter22"}, "config.password"),
    ],
)
def test_config_errors_name_the_path(options: dict[str, Any], path: str) -> None:
    with pytest.raises(pk.ConfigError) as info:
        pk.open_source("rss", **options)
    assert info.value.path == path
    assert "hunter22" not in str(info.value)
    assert "etc/passwd" not in str(info.value)


def test_items_numbered_alike_in_two_feeds_are_both_stored(httpserver: HTTPServer, tmp_path: Any) -> None:
    """Two feeds whose guids are "1" (or whose links are "/news/1") keep one article each:
    the second import must not overwrite the first feed's article."""
    item = '<item><guid isPermaLink="false">1</guid><title>{0} news</title><link>/news/1</link>'
    item += "<description>{0} University signed an agreement.</description></item>"
    for name in ("a", "b"):
        body = (
            f'<?xml version="1.0"?><rss version="2.0"><channel><title>{name}</title>{item.format(name)}</channel></rss>'
        )
        httpserver.expect_request(f"/{name}/feed.xml").respond_with_data(body, content_type="application/rss+xml")
    store = pk.Store(tmp_path / "news.db")
    reports = [store.import_source(open_rss(httpserver.url_for(f"/{n}/feed.xml"))) for n in ("a", "b")]
    assert [(r.added, r.updated) for r in reports] == [(1, 0), (1, 0)]
    assert sorted((a.title, a.url) for a in store.articles()) == [
        ("a news", httpserver.url_for("/news/1")),
        ("b news", httpserver.url_for("/news/1")),
    ]
    both = open_rss(httpserver.url_for("/a/feed.xml"), feeds=[{"url": httpserver.url_for("/b/feed.xml")}])
    assert sorted(i.record.title for i in both.read()) == ["a news", "b news"]  # one read of both feeds


@pytest.mark.parametrize(
    ("link", "expected"),
    [("/news/2024/mou", "/news/2024/mou"), ("item.html", "/feeds/item.html"), ("  https://x.example/a ", None)],
)
def test_relative_links_become_absolute(httpserver: HTTPServer, link: str, expected: str | None) -> None:
    body = one_item(f"<title>T</title><link>{link}</link>")
    httpserver.expect_request("/feeds/rss.xml").respond_with_data(body, content_type="application/rss+xml")
    (item,) = list(open_rss(httpserver.url_for("/feeds/rss.xml")).read())
    assert item.record.url == (httpserver.url_for(expected) if expected else "https://x.example/a")


@pytest.mark.parametrize(
    ("written", "day"),
    [
        ("<pubDate>Fri, 03 May 2024 23:30:00 -0500</pubDate>", "2024-05-03"),  # the 4th in UTC
        ("<pubDate>Sat, 04 May 2024 00:30:00 +0900</pubDate>", "2024-05-04"),  # the 3rd in UTC
        ('<dc:date xmlns:dc="http://purl.org/dc/elements/1.1/">2024-05-04T07:00:00+09:00</dc:date>', "2024-05-04"),
        ("<pubDate>Mon, 32 Foo 2024</pubDate>", None),
    ],
)
def test_the_date_is_the_day_the_feed_writes(httpserver: HTTPServer, written: str, day: str | None) -> None:
    """ "Today" in a news text means the publisher's day, so the date is read in the feed's own zone."""
    body = one_item(f"<title>T</title>{written}")
    httpserver.expect_request("/rss.xml").respond_with_data(body, content_type="application/rss+xml")
    source = open_rss(httpserver.url_for("/rss.xml"))
    (item,) = list(source.read())
    assert (str(item.record.published) if item.record.published else None) == day
    undated = [n for n in source.summary.notices if "not understood" in n]
    assert undated == (
        []
        if day
        else [f"{httpserver.url_for('/rss.xml')} entry 1: date 'Mon, 32 Foo 2024' not understood; read undated"]
    )


def test_a_configured_language_wins_over_the_feeds_declaration(httpserver: HTTPServer) -> None:
    """As Feed's docstring says: a feed declaring its CMS default ("en") is read in the language given."""
    httpserver.expect_request("/feed.xml").respond_with_data(rss(), content_type="application/rss+xml")
    url = httpserver.url_for("/feed.xml")
    source = pk.open_source("rss", feeds=[{"url": url, "language": "ru"}], retries=0)
    assert {i.record.language for i in source.read()} == {"ru"}
    assert {i.record.language for i in open_rss(url).read()} == {"en"}
