"""Opening text files in a stated encoding without ever producing mojibake.

- A byte-order mark decides (UTF-8, UTF-16 LE/BE): that is not a guess.
- Otherwise the stated encoding is used (UTF-8 by default) with strict decoding: bytes
  that are not valid in it are an error that names the row and suggests the option.
- A stated single-byte encoding (cp1251, latin-1...) for a file whose non-ASCII bytes are
  valid UTF-8 is refused: cp1251 would decode them without complaint, into mojibake.
- A stated UTF-16 for a file without NUL bytes (so not UTF-16) is refused too, and so is
  a stated ``utf-16`` / ``utf-32`` without a byte-order mark (say ``utf-16-le`` or ``-be``).
- :func:`open_text` reads a file that is in the encoding but for a stray byte here and there
  (one corrupt row in a big export): each such byte comes through as one character of
  U+DC80..U+DCFF (``surrogateescape``), which :func:`bad_byte` finds, so the reader rejects
  that row alone. Stray bytes on several lines of the first 64 KiB mean another encoding:
  that is a :class:`SourceError` up front.
"""

from __future__ import annotations

import codecs
import io
import os
import re
from typing import IO, Any

from partnerkit._errors import ConfigError, SourceError

__all__ = [
    "bad_byte",
    "check_encoding",
    "code_page_hint",
    "decode_error",
    "known_encoding",
    "not_a_file",
    "open_text",
    "windows_code_page",
]

_SAMPLE = 64 * 1024
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16"),
)
#: What surrogateescape makes of a byte that is not valid in the encoding.
_ESCAPED = re.compile("[\udc80-\udcff]")


def bad_byte(text: str) -> str | None:
    """The first byte of ``text`` (read by :func:`open_text`) that was not valid in its encoding.

    Returns:
        The byte as Python writes it (``'\\xff'``), or None when every character was decoded.
    """
    if text.isascii():
        return None
    found = _ESCAPED.search(text)
    return None if found is None else f"\\x{ord(found.group()) - 0xDC00:02x}"


#: The Windows code pages a spreadsheet is most often saved in, and what they write.
_PAGES = {"cp1252": "Western European", "cp1251": "Cyrillic"}
_OTHER_PAGE = {"cp1252": "cp1251", "cp1251": "cp1252"}


def windows_code_page(data: bytes) -> str:
    """``cp1251`` or ``cp1252``: which Windows code page the bytes that are not UTF-8 more likely are.

    Both code pages put letters at bytes 0xC0-0xFF, so either decodes the other's text without
    an error, into mojibake ("Universitй" read as cp1251): the advice must not guess blindly.
    Cyrillic is written in runs of such bytes (whole words); a Western European text has an
    accented letter here and there between ASCII letters.

    >>> windows_code_page("Université Paris Cité".encode("cp1252"))
    'cp1252'
    >>> windows_code_page("Университет ИТМО".encode("cp1251"))
    'cp1251'
    """
    data = data[:_SAMPLE]
    high = [i for i, b in enumerate(data) if b >= 0x80]
    if not high:
        return "cp1252"
    paired = sum(1 for i in high if _in_run(data, i))
    return "cp1251" if 2 * paired > len(high) else "cp1252"


def code_page_hint(data: bytes) -> tuple[str, str]:
    """The Windows code page the bytes more likely are, and a word on it and on the other one.

    >>> code_page_hint("Université".encode("cp1252"))
    ('cp1252', 'Western European; cp1251 for Cyrillic')
    """
    page = windows_code_page(data)
    other = _OTHER_PAGE[page]
    return page, f"{_PAGES[page]}; {other} for {_PAGES[other]}"


def _in_run(data: bytes, i: int) -> bool:
    return (i > 0 and data[i - 1] >= 0x80) or (i + 1 < len(data) and data[i + 1] >= 0x80)


def not_a_file(path: str, source: str | None) -> SourceError:
    """The error for a ``path`` option that names no file to read: a folder, or nothing."""
    what = "a folder, not a file" if os.path.isdir(path) else "no such file"
    return SourceError(f"{path}: {what}", source=source, locator=path)


def known_encoding(_instance: Any, attribute: Any, value: str | None) -> None:
    """An attrs validator: the ``encoding`` option names a codec Python has (checked on open)."""
    if value is None:
        return
    try:
        codecs.lookup(value)
    except LookupError:
        raise ConfigError("unknown encoding (try utf-8, cp1251, utf-16, latin-1)", path=attribute.name) from None


def _normal(encoding: str, path: str, source: str | None) -> str:
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise SourceError(f"{path}: unknown encoding {encoding[:30]!r}", source=source, locator=path) from None


def check_encoding(sample: bytes, encoding: str | None, path: str, source: str | None = None) -> str:
    """The encoding to read a file with, from its first bytes and the encoding stated (if any).

    Raises:
        SourceError: the stated encoding cannot be right for these bytes.
    """
    for bom, name, family in _BOMS:
        if sample.startswith(bom):
            stated = _normal(encoding, path, source) if encoding else None
            if stated is not None and not stated.startswith(family):
                raise SourceError(
                    f"{path}: the file starts with a {family.upper()} byte-order mark, "
                    f"but encoding {encoding!r} was given; leave the encoding option out",
                    source=source,
                    locator=path,
                )
            return name
    if encoding is None:
        return "utf-8"
    name = _normal(encoding, path, source)
    if name.startswith("utf-16") or name.startswith("utf-32"):
        if len(sample) >= 32 and b"\x00" not in sample:
            raise SourceError(
                f"{path}: encoding {encoding!r} was given but the file has no NUL bytes, so it is not {name}",
                source=source,
                locator=path,
            )
        if name in ("utf-16", "utf-32"):  # these need a byte-order mark to know the byte order
            raise SourceError(
                f"{path}: encoding {encoding!r} was given but the file has no byte-order mark; "
                f"give {name}-le or {name}-be",
                source=source,
                locator=path,
            )
        return name
    if name in ("utf-8", "utf-8-sig"):
        return "utf-8"
    single_byte = len(bytes(range(0x80, 0x100)).decode(name, errors="replace")) == 0x80
    if single_byte and any(b > 0x7F for b in sample):
        try:
            sample.decode("utf-8")
            looks_utf8 = True
        except UnicodeDecodeError as exc:
            # a sample cut in the middle of a character is still UTF-8
            looks_utf8 = exc.start >= len(sample) - 3 and exc.reason == "unexpected end of data"
        if looks_utf8:
            raise SourceError(
                f"{path}: encoding {encoding!r} was given but the file is valid UTF-8; reading it as "
                f"{encoding} would garble every non-ASCII letter. Leave the encoding option out",
                source=source,
                locator=path,
            )
    return name


def open_text(path: str, encoding: str | None, source: str | None = None) -> tuple[IO[str], str]:
    """Open ``path`` for reading text (universal newlines kept for csv) and the encoding used.

    A byte that is not valid in the encoding comes through as a lone surrogate (see
    :func:`bad_byte`), so one bad row does not stop the file.

    Raises:
        SourceError: the file cannot be opened or the encoding is wrong for it (bad bytes on
            more than one line of its first 64 KiB).
    """
    try:
        raw = open(path, "rb")  # noqa: SIM115 - returned wrapped in a text stream
    except OSError as exc:
        raise SourceError(f"{path}: cannot open ({exc.strerror or exc})", source=source, locator=path) from None
    try:
        sample = raw.read(_SAMPLE)
        raw.seek(0)
        used = check_encoding(sample, encoding, path, source)
        _check_sample(sample, used, path, source)
    except BaseException:
        raw.close()
        raise
    return io.TextIOWrapper(raw, encoding=used, errors="surrogateescape", newline=""), used


def _check_sample(sample: bytes, encoding: str, path: str, source: str | None) -> None:
    """Refuse a file whose first bytes have invalid bytes on two or more lines: another encoding."""
    try:
        text = sample.decode(encoding, errors="surrogateescape")
    except UnicodeDecodeError:
        return  # bytes surrogateescape cannot carry (UTF-16): the read reports them
    if len(sample) == _SAMPLE:
        text = text[:-4]  # the sample may end inside a character
    bad_lines = sorted({text.count("\n", 0, m.start()) + 1 for m in _ESCAPED.finditer(text)})
    if len(bad_lines) >= 2:
        try:
            sample.decode(encoding)
        except UnicodeDecodeError as exc:
            raise decode_error(exc, path, encoding, None, source, lines=bad_lines) from None


def decode_error(
    exc: UnicodeDecodeError,
    path: str,
    encoding: str,
    row: int | None,
    source: str | None,
    *,
    lines: list[int] | None = None,
) -> SourceError:
    """A SourceError for bytes that are not valid in ``encoding``, suggesting the option."""
    where = f" near row {row}" if row is not None else ""
    if lines:
        shown = ", ".join(map(str, lines[:5])) + (", ..." if len(lines) > 5 else "")
        where = f" lines {shown}"
    hint = ""
    if encoding.startswith("utf-8"):
        page, what = code_page_hint(exc.object)
        hint = f"; if it was saved by Excel or another Windows program, try encoding='{page}' ({what}) or 'utf-16'"
    return SourceError(
        f"{path}{where}: not valid {encoding} text ({exc.reason}); set the encoding option{hint}",
        source=source,
        locator=path,
    )
