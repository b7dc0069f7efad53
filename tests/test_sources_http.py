"""HttpClient: the HTTP care every network source gets (tested against a local server).

A user relies on: retries that honour Retry-After, bounded waits, size limits enforced
after decompression, a deadline for slow-drip bodies, conditional GET, and error
messages that never show credentials or query strings.
"""

from __future__ import annotations

import email.utils
import time
import zlib
from collections.abc import Iterator

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Response

import partnerkit as pk
from partnerkit.sources import HttpClient
from partnerkit.sources._http import _retry_after, redact_url


def client(**kwargs: object) -> tuple[HttpClient, list[float]]:
    waits: list[float] = []
    kwargs.setdefault("timeout", 2.0)
    return HttpClient(sleep=waits.append, **kwargs), waits  # type: ignore[arg-type]


def test_retry_after_seconds_is_honoured(httpserver: HTTPServer) -> None:
    httpserver.expect_ordered_request("/r").respond_with_data("busy", status=429, headers={"Retry-After": "7"})
    httpserver.expect_ordered_request("/r").respond_with_data("busy", status=503)
    httpserver.expect_ordered_request("/r").respond_with_data("ok")
    c, waits = client(backoff=0.5)
    assert c.get(httpserver.url_for("/r")).content == b"ok"
    assert waits == [7.0, 1.0]  # Retry-After, then backoff * 2**1
    assert len(c.notices) == 2


def test_retry_after_http_date() -> None:
    now = time.time()
    assert _retry_after(email.utils.formatdate(now + 30, usegmt=True), now) == pytest.approx(30, abs=1)
    assert _retry_after("soon", now) is None


def test_a_server_asking_to_wait_too_long_fails_clearly(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/r").respond_with_data("busy", status=503, headers={"Retry-After": "86400"})
    c, waits = client(max_wait=60)
    with pytest.raises(pk.SourceError, match="retry in 86400 s, more than max_wait"):
        c.get(httpserver.url_for("/r"))
    assert waits == []


def test_gives_up_after_the_retries(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/r").respond_with_data("down", status=502)
    c, waits = client(retries=2, backoff=1)
    with pytest.raises(pk.SourceError, match=r"HTTP 502 BAD GATEWAY \(after 3 attempts\)"):
        c.get(httpserver.url_for("/r"))
    assert waits == [1, 2]


def test_connection_refused_is_retried_then_an_error() -> None:
    c, waits = client(retries=1, backoff=0)
    with pytest.raises(pk.SourceError, match="cannot connect"):
        c.get("http://127.0.0.1:9/feed")
    assert waits == [0]


def test_conditional_get(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/r", headers={"If-None-Match": '"abc"'}).respond_with_data("", status=304)
    httpserver.expect_request("/r").respond_with_data(
        "body", headers={"ETag": '"abc"', "Last-Modified": "Tue, 27 Apr 2021 10:00:00 GMT"}
    )
    c, _ = client()
    first = c.get(httpserver.url_for("/r"))
    assert (first.etag, first.last_modified, first.not_modified) == ('"abc"', "Tue, 27 Apr 2021 10:00:00 GMT", False)
    second = c.get(httpserver.url_for("/r"), etag=first.etag)
    assert second.not_modified
    assert second.content == b""


def test_deflate_body_is_decoded(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/r").respond_with_data(
        zlib.compress(b"x" * 1000), headers={"Content-Encoding": "deflate"}
    )
    c, _ = client()
    assert c.get(httpserver.url_for("/r")).content == b"x" * 1000


@pytest.mark.parametrize(
    ("body", "encoding", "match"),
    [(b"\x1f\x8b\x08garbage", "gzip", "body is corrupt"), (b"xx", "br", "unsupported Content-Encoding")],
)
def test_bad_encodings(httpserver: HTTPServer, body: bytes, encoding: str, match: str) -> None:
    httpserver.expect_request("/r").respond_with_data(body, headers={"Content-Encoding": encoding})
    c, _ = client()
    with pytest.raises(pk.SourceError, match=match):
        c.get(httpserver.url_for("/r"))


def test_declared_length_over_the_limit_is_refused_before_reading(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/r").respond_with_data(b"x" * 5000)
    c, _ = client(max_bytes=100)
    with pytest.raises(pk.SourceError, match="larger than max_bytes"):
        c.get(httpserver.url_for("/r"))


def test_slow_drip_body_hits_the_deadline(httpserver: HTTPServer) -> None:
    def drip() -> Iterator[bytes]:
        for _ in range(20):
            time.sleep(0.1)
            yield b"x" * 10

    httpserver.expect_request("/r").respond_with_response(Response(drip(), direct_passthrough=True))
    c, _ = client(total_timeout=0.5)
    started = time.monotonic()
    with pytest.raises(pk.SourceError, match=r"took longer than 0\.5 s"):
        c.get(httpserver.url_for("/r"))
    assert time.monotonic() - started < 1.5


def test_errors_never_show_credentials_or_query(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/r").respond_with_data("no", status=403)
    url = httpserver.url_for("/r").replace("http://", "http://user:pa55word@") + "?api_key=SECRET123"
    c, _ = client()
    with pytest.raises(pk.SourceError) as info:
        c.get(url)
    assert "SECRET123" not in str(info.value)
    assert "pa55word" not in str(info.value)
    assert "HTTP 403" in str(info.value)


def test_invalid_url() -> None:
    c, _ = client()
    with pytest.raises(pk.SourceError, match="not a valid http"):
        c.get("notaurl")
    assert redact_url("http://[::1") == "<invalid URL>"


def test_requests_is_imported_only_when_a_request_is_made() -> None:
    """``import partnerkit`` stays light: the HTTP stack loads on the first GET."""
    import subprocess
    import sys

    code = "import sys, partnerkit; print('requests' in sys.modules, 'urllib3' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]
