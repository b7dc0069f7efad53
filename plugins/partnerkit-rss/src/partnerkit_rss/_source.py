"""The ``rss`` source: news items of RSS and Atom feeds as Articles, incrementally.

Fetching is done by :class:`partnerkit.sources.HttpClient` (timeouts, retries honouring
Retry-After, size limit also after decompression, conditional GET); feedparser only
parses the bytes, with the response headers so the encoding is right. A feed that
declares external or nested XML entities (XXE, "billion laughs") is refused before
parsing.

State (JSON): ``{"feeds": {url: {"etag": ..., "last_modified": ..., "seen": [ids]}}}``;
a second read sends the ETag / Last-Modified (a 304 means nothing new) and skips the
entries already seen.
"""

from __future__ import annotations

import calendar
import datetime as _dt
import email.utils
import hashlib
import io
import logging
import re
import urllib.parse
from collections.abc import Generator, Mapping
from typing import Any

import attrs

from partnerkit import Article, ConfigError, PartialDate, RecordError, SourceError
from partnerkit.sources import HttpClient, Source, SourceItem, State, html_to_text, http_url

__all__ = ["Feed", "RssSource"]

log = logging.getLogger("partnerkit")

#: The end tag of an RSS (0.9x, 1.0, 2.0) or Atom entry: where a feed cut at max_bytes is cut back to.
_ENTRY_END = re.compile(rb"</(?:[\w.-]+:)?(?:item|entry)\s*>")

#: How many entry ids per feed the state remembers (feeds show their latest entries).
MAX_SEEN = 2000

_DOCTYPE = re.compile(rb"<!DOCTYPE[^\[>]*\[(.*?)\]\s*>", re.S | re.I)
_ENTITY = re.compile(rb"<!ENTITY\s+(%\s*)?[^\s>]+\s+(SYSTEM|PUBLIC|\"[^\"]*\"|'[^']*')", re.S | re.I)
_ENTITY_REF = re.compile(rb"&[A-Za-z_:][\w.:-]*;|%[A-Za-z_:][\w.:-]*;")


def _check_entities(content: bytes) -> str | None:
    """Why the feed must not be parsed (external, parameter or nested entities), or None."""
    head = content[:65536]
    if b"\x00" in head[:4]:  # UTF-16 / UTF-32: look at the ASCII view of the prolog
        head = head.replace(b"\x00", b"")
    match = _DOCTYPE.search(head)
    if match is None:
        return None
    for decl in _ENTITY.finditer(match.group(1)):
        parameter, value = decl.group(1), decl.group(2)
        if parameter:
            return "it declares parameter entities"
        if value.upper() in (b"SYSTEM", b"PUBLIC"):
            return "it declares external entities (XXE)"
        if _ENTITY_REF.search(value):
            return "it declares entities that expand other entities (entity-expansion attack)"
    return None


@attrs.frozen
class Feed:
    """One feed and who publishes it.

    Attributes:
        url: the feed URL.
        publisher: the institution that publishes the feed (extraction resolves "the
            university" in its news to it).
        language: the language of the feed's items; when given it is used even where the feed
            declares another (many feeds declare their CMS's default, ``en-us``), else the
            feed's own declaration is.
    """

    url: str = attrs.field(validator=http_url)
    publisher: str | None = None
    language: str | None = None


def _non_negative(_instance: Any, attribute: attrs.Attribute[Any], value: float) -> None:
    if value < 0:
        raise ConfigError("must not be negative", path=attribute.name)


def _positive(_instance: Any, attribute: attrs.Attribute[Any], value: float) -> None:
    if value <= 0:
        raise ConfigError("must be positive", path=attribute.name)


def _feed_date(entry: dict[str, Any]) -> PartialDate | None:
    """The day the entry was published (else updated) as the feed writes it, in the feed's own
    time zone: "Tue, 27 Apr 2021 01:30 +0300" is the 27th, the day its readers saw, and the day
    "today" in its text means. A date feedparser reads but Python cannot is taken in UTC."""
    for key in ("published", "updated"):  # dict.get: feedparser's .get maps one to the other, warning
        raw, parsed = dict.get(entry, key), dict.get(entry, f"{key}_parsed")
        if not raw and not parsed:
            continue
        return _written_date(raw) or _utc_date(parsed)
    return None


def _written_date(raw: Any) -> PartialDate | None:
    """The date of an RFC 822 ("Tue, 27 Apr 2021 01:30:00 +0300") or ISO 8601 date-time, as written."""
    if not isinstance(raw, str) or not raw.strip():
        return None
    text = raw.strip()
    moment: _dt.datetime | _dt.date | None = None
    try:
        moment = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        try:
            moment = _dt.datetime.fromisoformat(text)
        except ValueError:
            return None
    if moment is None or not 1 <= moment.year <= 9999:
        return None
    day = moment.date() if isinstance(moment, _dt.datetime) else moment
    return PartialDate.parse(day.isoformat())


def _utc_date(parsed: Any) -> PartialDate | None:
    """feedparser's parsed date (a UTC struct_time) as a date."""
    if not parsed:
        return None
    try:
        moment = _dt.datetime.fromtimestamp(calendar.timegm(parsed), _dt.UTC)
    except (OverflowError, ValueError, TypeError):
        return None
    return PartialDate.parse(moment.date().isoformat())


def _text(detail: Mapping[str, Any] | None, value: str | None) -> str:
    if not value:
        return ""
    kind = (detail or {}).get("type", "text/html")
    return html_to_text(value) if "html" in kind else " ".join(value.split())


class RssSource(Source):
    """News items of RSS 0.9x/1.0/2.0 and Atom feeds as Articles, with their publisher."""

    name = "rss"
    capabilities = frozenset({"incremental", "network"})
    record_types = (Article,)

    @attrs.frozen
    class Config:
        """Options of the rss source.

        Attributes:
            url: one feed (a shorthand for ``feeds=[{"url": ...}]``).
            publisher: the publisher of the feed given by ``url``.
            feeds: several feeds, each a table with ``url``, ``publisher``, ``language``.
            timeout: seconds to connect and of silence while reading.
            total_timeout: seconds a whole response may take.
            retries: retries after connection errors, timeouts, 429 and 5xx.
            backoff: the first wait between retries (doubled each time).
            max_bytes: the most of a feed read (after decompression). A longer feed is read up
                to its last whole entry within the limit (a feed lists its newest entries
                first), with a warning naming the feed and the limit; the entries after it
                are not read (nor remembered as seen) until the limit is raised.
            user_agent: the User-Agent sent; by default one naming partnerkit.
        """

        url: str | None = attrs.field(default=None, validator=http_url)
        publisher: str | None = None
        feeds: tuple[Feed, ...] = ()
        timeout: float = attrs.field(default=10.0, validator=_positive)
        total_timeout: float = attrs.field(default=60.0, validator=_positive)
        retries: int = attrs.field(default=3, validator=_non_negative)
        backoff: float = attrs.field(default=1.0, validator=_non_negative)
        max_bytes: int = attrs.field(default=10 * 2**20, validator=_positive)
        user_agent: str | None = None

        def __attrs_post_init__(self) -> None:
            if self.url is None and not self.feeds:
                raise ConfigError("give a feed: url, or feeds", path="url")

        def all_feeds(self) -> tuple[Feed, ...]:
            single = (Feed(self.url, self.publisher),) if self.url else ()
            return single + self.feeds

    def client(self) -> HttpClient:
        """The HTTP client used for a read (tests may replace it)."""
        c = self.config
        return HttpClient(
            timeout=c.timeout,
            total_timeout=c.total_timeout,
            retries=c.retries,
            backoff=c.backoff,
            max_bytes=c.max_bytes,
            user_agent=c.user_agent,
            source=self.name,
        )

    def items(self, state: State | None) -> Generator[SourceItem | RecordError, None, State | None]:
        old: dict[str, Any] = dict((state or {}).get("feeds", {}))
        new: dict[str, Any] = {}
        failures: list[SourceError] = []
        feeds = self.config.all_feeds()
        seen_in_read: set[str] = set()
        with self.client() as client:
            for feed in feeds:
                feed_state = old.get(feed.url, {})
                try:
                    response = client.get(
                        feed.url,
                        etag=feed_state.get("etag"),
                        last_modified=feed_state.get("last_modified"),
                        partial=True,
                    )
                except SourceError as exc:
                    if self.strict:  # a feed that cannot be fetched is a source error, not a bad record
                        raise
                    failures.append(exc)
                    new[feed.url] = feed_state  # keep what we knew
                    yield RecordError(str(exc).removeprefix(f"{exc.locator}: "), locator=exc.locator)
                    continue
                finally:
                    self.summary.notices.extend(client.notices)
                    client.notices.clear()
                if response.not_modified:
                    self.summary.notices.append(f"{feed.url}: not modified since the last read")
                    new[feed.url] = feed_state
                    continue
                seen = list(feed_state.get("seen", []))
                seen_set = set(seen)
                content = (
                    _whole_entries(response.content, feed.url, self.config.max_bytes)
                    if response.truncated
                    else response.content
                )
                result: list[str] | RecordError
                if content is None:
                    result = RecordError(
                        f"the feed is larger than max_bytes ({self.config.max_bytes} bytes) and no entry ends "
                        "within it; raise the rss option max_bytes",
                        locator=feed.url,
                    )
                else:
                    result = yield from self._entries(
                        feed,
                        content,
                        cut=response.truncated,
                        headers=response.headers,
                        seen=seen_set,
                        seen_in_read=seen_in_read,
                        fetched=response.fetched,
                    )
                if isinstance(result, RecordError):
                    failure = SourceError(str(result), source=self.name, locator=feed.url)
                    if self.strict:
                        raise failure
                    failures.append(failure)
                    new[feed.url] = feed_state
                    yield result
                    continue
                seen.extend(i for i in result if i not in seen_set)
                new[feed.url] = {  # a feed read in part is fetched whole again next time
                    "etag": None if response.truncated else response.etag,
                    "last_modified": None if response.truncated else response.last_modified,
                    "seen": seen[-MAX_SEEN:],
                }
        if failures and len(failures) == len(feeds):
            raise SourceError(
                f"no feed could be read: {failures[0]}"
                + (f" (and {len(failures) - 1} more)" if len(failures) > 1 else ""),
                source=self.name,
                locator=failures[0].locator,
            )
        return {"feeds": new}

    def _entries(
        self,
        feed: Feed,
        content: bytes,
        *,
        headers: Mapping[str, str],
        seen: set[str],
        seen_in_read: set[str],
        fetched: _dt.datetime,
        cut: bool = False,
    ) -> Generator[SourceItem | RecordError, None, list[str] | RecordError]:
        import feedparser

        refused = _check_entities(content)
        if refused:
            return RecordError(f"feed refused: {refused}", locator=feed.url)
        parsed = feedparser.parse(
            io.BytesIO(content), response_headers=dict(headers), resolve_relative_uris=True, sanitize_html=True
        )
        if parsed.get("bozo"):
            problem = type(parsed.get("bozo_exception")).__name__
            if not parsed.entries:
                return RecordError(f"not a readable RSS or Atom feed ({problem})", locator=feed.url)
            if not cut:  # a feed cut at max_bytes lacks its closing tags: no news
                self.summary.notices.append(f"{feed.url}: the feed is malformed ({problem}); read leniently")
        elif not parsed.entries and not parsed.get("version"):  # an empty body, a page that is no feed
            what = "an empty response" if not content.strip() else "no RSS or Atom element"
            return RecordError(f"not a readable RSS or Atom feed ({what})", locator=feed.url)
        channel = parsed.get("feed", {})
        language = feed.language or channel.get("language") or None
        ids: list[str] = []
        for n, entry in enumerate(parsed.entries, start=1):
            locator = f"{feed.url} entry {n}"
            native = _entry_id(entry)  # the feed's own id: what its state remembers
            if native in seen:
                ids.append(native)
                continue
            known = _global_id(native, feed.url)  # unique across feeds: "1" of two feeds are two entries
            if known in seen_in_read:
                self.summary.notices.append(f"{locator}: the same entry again ({native[:80]}); skipped")
                continue
            try:
                article = self._article(entry, feed, language)
            except RecordError as exc:
                yield exc.at(locator=locator)
                continue
            if article.published is None:
                written = dict.get(entry, "published") or dict.get(entry, "updated")
                if isinstance(written, str) and written.strip():
                    self.summary.notices.append(
                        f"{locator}: date {written.strip()[:40]!r} not understood; read undated"
                    )
            seen_in_read.add(known)
            ids.append(native)
            yield SourceItem(article, self.provenance(locator, known, fetched=fetched))
        return ids

    def _article(self, entry: Any, feed: Feed, language: str | None) -> Article:
        title = _text(entry.get("title_detail"), entry.get("title")) or None
        body = ""
        for content in entry.get("content") or ():
            body = _text(content, content.get("value"))
            if body:
                break
        if not body:
            body = _text(entry.get("summary_detail"), entry.get("summary"))
        if not title and not body:
            raise RecordError("the entry has neither a title nor any text")
        published = _feed_date(entry)
        link = entry.get("link")
        return Article(
            title=title,
            text=body,
            url=urllib.parse.urljoin(feed.url, link.strip()) if isinstance(link, str) and link.strip() else None,
            published=published,
            publisher=feed.publisher,
            language=language,
        )


_GLOBAL_ID = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://|(?:urn|tag):", re.I)


def _global_id(native: str, feed_url: str) -> str:
    """The entry's id in the store: a URL, ``urn:`` or ``tag:`` id as it is, any other id
    ("1234", a relative link, a hash) prefixed with its feed's URL, since another feed may
    use the same one (two feeds numbering their items from 1 must not overwrite each other)."""
    return native if _GLOBAL_ID.match(native) else f"{feed_url}#{native}"


def _entry_id(entry: dict[str, Any]) -> str:
    """The entry's guid/id, else its link, else a hash of its title and date (stable across reads)."""
    for key in ("id", "link"):
        value = entry.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    # dict.get: feedparser's own .get maps "updated" to "published" with a DeprecationWarning
    date = dict.get(entry, "published") or dict.get(entry, "updated") or ""
    basis = f"{dict.get(entry, 'title', '')}\x1f{date}"
    return "sha256:" + hashlib.sha256(basis.encode("utf-8")).hexdigest()[:32]


def _whole_entries(content: bytes, url: str, limit: int) -> bytes | None:
    """A feed cut at ``limit`` bytes, cut back to the end of its last whole entry (with a
    warning); None if not one entry ends within the limit."""
    ends = [m.end() for m in _ENTRY_END.finditer(content)]
    if not ends:
        return None
    log.warning(
        "%s: the feed is larger than max_bytes (%d bytes): read its %d entries within the limit, not the"
        " rest; raise the rss option max_bytes to read them",
        url,
        limit,
        len(ends),
    )
    return content[: ends[-1]]
