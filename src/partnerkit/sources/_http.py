"""HTTP GET with the care a source owes the servers it reads and the host it runs in.

- timeouts on connect and on every read, plus a deadline for the whole body (a server
  that drips one byte a second cannot hold a read forever);
- retries with exponential backoff on connection errors, timeouts, 429 and 5xx,
  honouring ``Retry-After`` (seconds or an HTTP date) up to a limit;
- a User-Agent naming partnerkit;
- a size limit on the body, enforced while streaming and *after* decompression, so a
  gzip bomb stops at the limit (the body is decompressed here, chunk by chunk, with
  ``zlib``'s ``max_length``, never by urllib3 in one go);
- conditional GET (``If-None-Match`` / ``If-Modified-Since``); a 304 is a response with
  ``not_modified`` set, not an error;
- error messages name the URL without its query string or credentials (they may hold
  tokens).

requests is imported when the first request is made, so ``import partnerkit`` stays light.
"""

from __future__ import annotations

import datetime as _dt
import email.utils
import functools
import importlib.metadata
import logging
import time
import zlib
from collections.abc import Callable, Iterator, Mapping
from types import TracebackType
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

import attrs

from partnerkit._errors import SourceError

if TYPE_CHECKING:
    import requests

__all__ = ["HttpClient", "HttpResponse", "redact_url"]

log = logging.getLogger("partnerkit")

_RETRY_STATUSES = frozenset((429, 500, 502, 503, 504))
_CHUNK = 64 * 1024


def redact_url(url: str) -> str:
    """The URL without credentials and query (which may carry tokens), for messages.

    Example:
        >>> redact_url("https://user:secret@api.example.org/v2/orgs?query=x&key=SECRET")
        'https://api.example.org/v2/orgs?…'
    """
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        if parts.port:
            host = f"{host}:{parts.port}"
        return urlunsplit((parts.scheme, host, parts.path, "…" if parts.query else "", ""))
    except ValueError:
        return "<invalid URL>"


@functools.cache
def _default_user_agent() -> str:
    try:
        version = importlib.metadata.version("partnerkit")
    except importlib.metadata.PackageNotFoundError:  # pragma: no cover - source tree
        version = "0"
    return f"partnerkit/{version} (+https://pypi.org/project/partnerkit/)"


@attrs.frozen
class HttpResponse:
    """A fetched response: status, final URL, headers (lower-case names) and the whole body."""

    url: str
    status: int
    headers: Mapping[str, str]
    content: bytes
    fetched: _dt.datetime
    #: The body was longer than ``max_bytes`` and ``content`` is its first ``max_bytes``
    #: (only when ``get(..., partial=True)`` asked for that).
    truncated: bool = False

    @property
    def not_modified(self) -> bool:
        """True for a 304: nothing changed since the ETag / Last-Modified sent."""
        return self.status == 304

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag")

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified")


def _retry_after(value: str | None, now: float) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=_dt.UTC)
    return max(0.0, when.timestamp() - now)


def _chunks(raw: Any) -> Iterator[bytes]:
    """The raw (still compressed) body as it arrives: read1 returns what is there, not a full chunk."""
    read1 = getattr(raw, "read1", None)  # urllib3 >= 2.3
    if read1 is None:  # pragma: no cover - older urllib3
        yield from raw.stream(8192, decode_content=False)
        return
    while True:
        data = read1(_CHUNK, decode_content=False)
        if not data:
            return
        yield data


class HttpClient:
    """A small, careful HTTP GET client for sources (one ``requests.Session``).

    Args:
        timeout: seconds to connect, and seconds of silence allowed while reading.
        total_timeout: seconds the whole response (with its body) may take.
        retries: how many times to retry after a connection error, timeout, 429 or 5xx.
        backoff: the first wait between retries, doubled each time.
        max_wait: the longest wait (also for ``Retry-After``); a server asking for more
            makes the request fail instead.
        max_bytes: the largest body accepted, after decompression.
        user_agent: the User-Agent; by default ``partnerkit/<version> (+...)``.
        source: the source name, for error messages.
        sleep: the function that waits (tests pass a fake one).
    """

    def __init__(
        self,
        *,
        timeout: float = 10.0,
        total_timeout: float = 60.0,
        retries: int = 3,
        backoff: float = 1.0,
        max_wait: float = 60.0,
        max_bytes: int = 20 * 2**20,
        user_agent: str | None = None,
        source: str | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.timeout = timeout
        self.total_timeout = total_timeout
        self.retries = retries
        self.backoff = backoff
        self.max_wait = max_wait
        self.max_bytes = max_bytes
        self.user_agent = user_agent or _default_user_agent()
        self.source = source
        self.sleep = sleep
        self.notices: list[str] = []
        self._session: requests.Session | None = None

    def __enter__(self) -> HttpClient:
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection pool."""
        if self._session is not None:
            self._session.close()
            self._session = None

    def _error(self, url: str, message: str) -> SourceError:
        shown = redact_url(url)
        return SourceError(f"{shown}: {message}", source=self.source, locator=shown)

    def get(
        self,
        url: str,
        *,
        params: Mapping[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
        partial: bool = False,
    ) -> HttpResponse:
        """GET ``url``; conditional when ``etag`` or ``last_modified`` is given.

        With ``partial``, a body longer than ``max_bytes`` (once decompressed) is cut there
        instead of refused: the response holds its first ``max_bytes`` and ``.truncated`` is
        true (for a format read in order, such as a feed whose first entries are whole).

        Returns:
            The response; ``.not_modified`` is true for a 304 (with an empty body).

        Raises:
            SourceError: the URL is invalid, the server cannot be reached or keeps failing
                after the retries, answers 4xx (except 429) or 5xx, asks to wait longer than
                ``max_wait``, is too slow, or sends more than ``max_bytes`` (unless ``partial``).
        """
        import requests

        if self._session is None:
            self._session = requests.Session()
        request_headers = {"User-Agent": self.user_agent, "Accept-Encoding": "gzip, deflate"}
        if etag:
            request_headers["If-None-Match"] = etag
        if last_modified:
            request_headers["If-Modified-Since"] = last_modified
        request_headers.update(headers or {})
        attempt = 0
        while True:
            problem: str
            wait: float | None = None
            try:
                response = self._session.get(
                    url,
                    params=params,
                    headers=request_headers,
                    timeout=(self.timeout, self.timeout),
                    stream=True,
                    allow_redirects=True,
                )
            except requests.Timeout:
                problem = f"timed out after {self.timeout:g} s"
            except requests.ConnectionError:
                problem = "cannot connect"
            except (
                requests.exceptions.InvalidURL,
                requests.exceptions.MissingSchema,
                requests.exceptions.InvalidSchema,
            ):
                raise self._error(url, "not a valid http(s) URL") from None
            except requests.RequestException as exc:
                raise self._error(url, f"request failed ({type(exc).__name__})") from None
            else:
                with response:
                    status = response.status_code
                    if status not in _RETRY_STATUSES:
                        return self._finish(url, response, partial)
                    problem = f"HTTP {status} {response.reason or ''}".rstrip()
                    wait = _retry_after(response.headers.get("Retry-After"), time.time())
            if attempt >= self.retries:
                raise self._error(url, f"{problem} (after {attempt + 1} attempt{'s' if attempt else ''})")
            if wait is None:
                wait = self.backoff * 2**attempt
            elif wait > self.max_wait:
                raise self._error(url, f"{problem}; the server asks to retry in {wait:.0f} s, more than max_wait")
            wait = min(wait, self.max_wait)
            attempt += 1
            notice = f"{redact_url(url)}: {problem}; retry {attempt} of {self.retries} in {wait:g} s"
            log.info(notice)
            self.notices.append(notice)
            self.sleep(wait)

    def _finish(self, url: str, response: requests.Response, partial: bool = False) -> HttpResponse:
        headers = {k.lower(): v for k, v in response.headers.items()}
        fetched = _dt.datetime.now(_dt.UTC)
        if response.status_code == 304:
            return HttpResponse(response.url, 304, headers, b"", fetched)
        if response.status_code >= 400:
            raise self._error(url, f"HTTP {response.status_code} {response.reason or ''}".rstrip())
        content, truncated = self._body(url, response, headers, partial)
        return HttpResponse(response.url, response.status_code, headers, content, fetched, truncated)

    def _body(
        self, url: str, response: requests.Response, headers: Mapping[str, str], partial: bool
    ) -> tuple[bytes, bool]:
        """The body, at most ``max_bytes`` of it, and whether it was cut there (``partial``)."""
        import requests

        limit = self.max_bytes
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit and not partial:
            raise self._error(url, f"the response is larger than max_bytes ({limit} bytes)")
        coding = headers.get("content-encoding", "identity").strip().lower()
        decompressor: Any
        if coding in ("gzip", "x-gzip", "deflate"):
            decompressor = zlib.decompressobj(zlib.MAX_WBITS | 32)  # gzip or zlib header, detected
        elif coding in ("identity", ""):
            decompressor = None
        else:
            raise self._error(url, f"unsupported Content-Encoding {coding[:20]!r}")
        deadline = time.monotonic() + self.total_timeout
        parts: list[bytes] = []
        raw_total = total = 0
        try:
            for chunk in _chunks(response.raw):
                if time.monotonic() > deadline:
                    raise self._error(url, f"the response took longer than {self.total_timeout:g} s")
                raw_total += len(chunk)
                if raw_total > limit and not partial:
                    raise self._error(url, f"the response is larger than max_bytes ({limit} bytes)")
                data = chunk
                while data:
                    out = decompressor.decompress(data, limit - total + 1) if decompressor else data
                    total += len(out)
                    if total > limit and partial:
                        parts.append(out[: len(out) - (total - limit)])
                        return b"".join(parts), True
                    if total > limit:
                        raise self._error(
                            url, f"the response is larger than max_bytes ({limit} bytes) once decompressed"
                        )
                    parts.append(out)
                    data = decompressor.unconsumed_tail if decompressor else b""
        except zlib.error:
            raise self._error(url, f"the {coding} body is corrupt") from None
        except (requests.RequestException, OSError) as exc:
            text = "timed out while reading" if "timed out" in str(exc).lower() else "the connection broke"
            raise self._error(url, f"{text} ({type(exc).__name__})") from None
        except Exception as exc:  # urllib3's own errors (ReadTimeoutError, ProtocolError...)
            if type(exc).__module__.startswith("urllib3"):
                text = "timed out while reading" if "timed out" in str(exc).lower() else "the connection broke"
                raise self._error(url, f"{text} ({type(exc).__name__})") from None
            raise
        if decompressor is not None:
            tail = decompressor.flush()
            if total + len(tail) > limit and partial:
                parts.append(tail[: limit - total])
                return b"".join(parts), True
            if total + len(tail) > limit:
                raise self._error(url, f"the response is larger than max_bytes ({limit} bytes) once decompressed")
            parts.append(tail)
        return b"".join(parts), False
