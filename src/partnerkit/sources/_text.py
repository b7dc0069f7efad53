"""The built-in ``text`` source: plain-text and HTML news files as Articles.

Each file becomes one :class:`partnerkit.Article`: HTML is reduced to text, and its
``<title>``, ``lang`` and publication-date meta tags fill ``title``, ``language`` and
``published``; for a plain-text file whose first line is followed by a blank line, that
first line is the title. The source is incremental: its state holds a digest of every file
read, so a second read yields only new or changed files.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Generator
from pathlib import Path
from typing import Any

import attrs

from partnerkit._errors import ConfigError, RecordError, SourceError
from partnerkit._model import Article, PartialDate
from partnerkit.sources._contract import Source, SourceItem, State
from partnerkit.sources._html import parse_html
from partnerkit.sources._textfile import check_encoding, decode_error, known_encoding

__all__ = ["TextSource"]

_HTML = (".html", ".htm", ".xhtml")
_MAX_TITLE = 200


def _non_empty(_instance: Any, attribute: attrs.Attribute[Any], value: tuple[str, ...]) -> None:
    if not value:
        raise ConfigError("expected at least one file or folder", path=attribute.name)


class TextSource(Source):
    """News files (plain text or HTML) from folders or a list of files, as Articles."""

    name = "text"
    capabilities = frozenset({"files", "incremental"})
    record_types = (Article,)

    @attrs.frozen
    class Config:
        """Options of the text source.

        Attributes:
            paths: files and folders (folders are read recursively, in name order).
            patterns: the file-name patterns read from folders.
            encoding: the text encoding; UTF-8 by default (a byte-order mark decides).
            publisher: who published the texts (extraction resolves "the university" to it).
            language: the language of the texts, if known and not stated in the HTML.
        """

        paths: tuple[str, ...] = attrs.field(validator=_non_empty)
        patterns: tuple[str, ...] = ("*.txt", "*.text", "*.md", "*.html", "*.htm")
        encoding: str | None = attrs.field(default=None, validator=known_encoding)
        publisher: str | None = None
        language: str | None = None

    def _files(self) -> list[Path]:
        files: list[Path] = []
        for given in self.config.paths:
            p = Path(given)
            if p.is_dir():
                found = {f for pattern in self.config.patterns for f in p.rglob(pattern) if f.is_file()}
                files.extend(sorted(found))
            elif p.is_file():
                files.append(p)
            else:
                raise SourceError(f"{p}: no such file or folder", source=self.name, locator=str(p))
        return files

    def items(self, state: State | None) -> Generator[SourceItem | RecordError, None, State | None]:
        seen: dict[str, str] = dict((state or {}).get("seen", {}))
        for path in self._files():
            locator = str(path)
            try:
                data = path.read_bytes()
            except OSError as exc:
                yield RecordError(f"cannot read ({exc.strerror or exc})", locator=locator)
                continue
            digest = hashlib.sha256(data).hexdigest()
            key = os.path.abspath(path)
            if seen.get(key) == digest:
                continue
            try:
                encoding = check_encoding(data[: 64 * 1024], self.config.encoding, locator, self.name)
                content = data.decode(encoding)
            except SourceError as exc:
                yield RecordError(str(exc).removeprefix(f"{locator}: "), locator=locator)
                continue
            except UnicodeDecodeError as exc:
                error = decode_error(exc, locator, encoding, None, self.name)
                yield RecordError(str(error).removeprefix(f"{locator}: "), locator=locator)
                continue
            if "\x00" in content:
                yield RecordError(
                    "holds NUL characters: a binary file (PDF, image, archive?), not text", locator=locator
                )
                continue
            try:
                article = self._article(path, content)
            except RecordError as exc:
                yield exc.at(locator=locator)
                continue
            seen[key] = digest
            yield SourceItem(article, self.provenance(locator, path.resolve().as_uri()))
        return {"seen": seen}

    def _article(self, path: Path, content: str) -> Article:
        title: str | None
        published: PartialDate | None = None
        language = self.config.language
        if path.suffix.lower() in _HTML or content.lstrip()[:15].lower().startswith(("<!doctype html", "<html")):
            page = parse_html(content)
            text, title, language = page.text, page.title, page.language or language
            if page.published:
                try:
                    published = PartialDate.parse(page.published[:10])
                except (RecordError, ValueError):
                    published = None  # an unreadable date in a meta tag: the article stays
        else:
            text = content.replace("\r\n", "\n").replace("\r", "\n").strip()
            first, sep, rest = text.partition("\n")
            title = first.strip() if sep and rest.startswith("\n") and len(first) <= _MAX_TITLE else None
        if not text.strip():
            raise RecordError("the file holds no text")
        return Article(
            title=title,
            text=text,
            url=path.resolve().as_uri(),
            published=published,
            publisher=self.config.publisher,
            language=language,
        )
