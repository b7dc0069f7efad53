"""Text preparation: HTML remnants, mojibake, odd spacing, and sentence splitting.

Cleaning keeps a map from every cleaned character back to the original text, so a span
found in the cleaned text is reported at its place in the text the caller passed.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Sequence

import attrs

__all__ = ["CJK", "CleanText", "Sentence", "clean", "split_sentences"]

#: One Chinese/Japanese ideograph (CJK Unified Ideographs and Extension A): texts holding one
#: are read without spaces between words.
CJK = re.compile(r"[\u3400-\u9fff]")

_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>|<!--.*?-->", re.S)
_BLOCK_TAGS = frozenset({"p", "br", "div", "li", "ul", "ol", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table"})
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});")
# Characters that single-byte mojibake of Cyrillic/typographic text produces (box drawing,
# Polish letters from cp852 where cp1251 was meant).
_MOJIBAKE_RUN = re.compile(r"[\u2500-\u257f\u0179\u017a\u0104\u0105\u0118\u0119\u00b5\u0102\u0103]")
# From the symbols before such a character to the end of its word: the piece repaired as one.
_MOJIBAKE_WORD = re.compile(r"[^\sA-Za-z0-9]*" + _MOJIBAKE_RUN.pattern + r"[^\s]*")
# A box-drawing character touching a letter or a stop is mojibake, not a drawing.
_BOX_IN_WORD = re.compile(r"[\w.,;:!?][\u2500-\u257f]|[\u2500-\u257f][\w]")
# Characters that need no repair: everything but "&", the lead bytes of UTF-8 mojibake,
# control and format characters and whitespace other than " " and "\n".
# (A lead byte not followed by a continuation character is an ordinary accented letter.)
_CONTINUATION = r"[\u0080-\u00bf\u2018-\u203a\u0152\u0153\u0160\u0161\u0178\u017d\u017e]"
# (One character class, so the engine scans it in a tight loop: every whitespace character
# but " " and "\n" is listed, as ``str.isspace`` knows them; none lies above U+3000.)
_OTHER_SPACE = "".join(re.escape(chr(c)) for c in range(0x3001) if chr(c).isspace() and chr(c) not in " \n")
_PLAIN_RUN = re.compile(
    rf"(?:[^&\u00c2-\u00f4{_OTHER_SPACE}\x00-\x09\x0b-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]+"
    rf"|[\u00c2-\u00f4](?!{_CONTINUATION}))+"
)
_BOX = re.compile(r"[\u2500-\u257f]")
_SINGLE_BYTE = ("cp852", "cp866", "cp437", "cp1250", "latin-1")
_UTF8_MOJIBAKE = re.compile(rf"[\u00c2-\u00f4]{_CONTINUATION}")


@attrs.frozen
class CleanText:
    """A cleaned text and, for each of its characters, the index in the original text."""

    text: str
    origin: Sequence[int]  # (a ``range`` when every character stayed where it was)
    original: str

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the cleaned span ``start:end``."""
        if end <= start:
            pos = self.origin[start] if start < len(self.origin) else len(self.original)
            return pos, pos
        return self.origin[start], self.origin[end - 1] + 1


class _Builder:
    def __init__(self) -> None:
        self.chars: list[str] = []
        self.origin: list[int] | None = None  # None while every character is at its own index
        self.size = 0

    def _offsets(self) -> list[int]:
        if self.origin is None:
            self.origin = list(range(self.size))
        return self.origin

    def add(self, text: str, pos: int) -> None:
        origin = self._offsets()
        for ch in text:
            self.chars.append(ch)
            origin.append(pos)

    def add_run(self, text: str, pos: int) -> None:
        """Characters kept as they are, each at its own offset."""
        self.chars.append(text)
        if self.origin is None and pos == self.size:
            self.size += len(text)  # (most texts: one offset list never made)
            return
        self._offsets().extend(range(pos, pos + len(text)))

    def offsets(self) -> Sequence[int]:
        return range(self.size) if self.origin is None else tuple(self.origin)


def _fix_single_byte(segment: str) -> str:
    """Repair text decoded with the wrong single-byte code page (cp852 read of cp1251 etc.)."""
    best, best_bad = segment, len(_MOJIBAKE_RUN.findall(segment))
    for enc in _SINGLE_BYTE:
        try:
            raw = segment.encode(enc)
        except UnicodeEncodeError:
            continue
        for target in ("cp1251", "cp1252"):
            fixed = raw.decode(target, errors="replace")
            if "\ufffd" in fixed or len(fixed) != len(segment):
                continue
            bad = len(_MOJIBAKE_RUN.findall(fixed))
            if bad < best_bad:
                best, best_bad = fixed, bad
    return best


def clean(text: str) -> CleanText:
    """Strip HTML tags and entities, repair common mojibake, normalise spaces; keep offsets."""
    out = _Builder()
    pos = 0
    has_markup = "<" in text or "&" in text
    for m in _TAG.finditer(text) if has_markup and _TAG.search(text) else ():
        _add_plain(out, text, pos, m.start())
        if m.group(2) and m.group(2).lower() in _BLOCK_TAGS:
            out.add("\n", m.start())
        else:
            out.add(" ", m.start())
        pos = m.end()
    _add_plain(out, text, pos, len(text))
    return CleanText("".join(out.chars), out.offsets(), text)


def _add_plain(out: _Builder, text: str, start: int, end: int) -> None:
    segment = text[start:end]
    if not segment:
        return
    if _BOX.search(segment) and _BOX_IN_WORD.search(segment):
        segment = _fix_single_byte_runs(segment)
    pos = start
    i = 0
    while i < len(segment):
        run = _PLAIN_RUN.match(segment, i)
        if run is not None:
            out.add_run(run.group(0), pos + i)
            i = run.end()
            continue
        ch = segment[i]
        if ch == "&":
            m = _ENTITY.match(segment, i)
            if m:  # "3&nbsp;May" reads as "3 May": what an entity stands for is cleaned as if written
                decoded = html.unescape(m.group(0))
                out.add("".join(_plain(c, "") for c in decoded), pos + i)
                i = m.end()
                continue
        if _UTF8_MOJIBAKE.match(segment, i):
            pair = segment[i : i + 2]
            try:
                fixed = pair.encode("cp1252").decode("utf-8")
            except (UnicodeEncodeError, UnicodeDecodeError):
                fixed = ""
            if len(fixed) == 1:
                out.add(fixed, pos + i)
                i += 2
                continue
        out.add(_plain(ch, segment[i + 1 : i + 2]), pos + i)
        i += 1


def _plain(ch: str, following: str) -> str:
    """What one character becomes in the cleaned text: other spaces are " ", "\\r" ends a line
    (nothing before "\\n"), control and format characters go."""
    cat = unicodedata.category(ch)
    if ch in "\r\t\f\v\u00a0\u2007\u202f\u3000" or (cat == "Zs" and ch != " "):
        return "\n" if ch == "\r" and following != "\n" else " " if ch != "\r" else ""
    if cat in ("Cc", "Cf") and ch != "\n":
        return ""
    return ch


def _fix_single_byte_runs(segment: str) -> str:
    # Repair word by word around the suspicious characters (each run keeps its length).
    def repl(m: re.Match[str]) -> str:
        return _fix_single_byte(m.group(0))

    return _MOJIBAKE_WORD.sub(repl, segment)


@attrs.frozen
class Sentence:
    """A sentence (or a title line, or a list item) of the cleaned text."""

    start: int
    end: int
    text: str
    index: int
    bullet: bool = False

    @property
    def ends_with_colon(self) -> bool:
        return self.text.rstrip().endswith(":")


_ABBREVIATIONS = frozenset(
    """univ prof dr mr mrs ms jr sr st ste mt inc ltd co corp dept acad inst vs etc e.g i.e eg ie approx ca
    cf fig no nr vol ave rd jan feb mar apr jun jul aug sep sept oct nov dec assoc assist gen gov sen
    rep rev hon intl natl dir pres vice ph.d phd m.sc b.sc tel им г гг ул проф акад д т.е англ пр
    обл р-н в.т.ч тыс млн млрд руб др sr sra dra lic ing av núm pág bzw ca usw z.b hr fr nr m mme mlle""".split()  # noqa: SIM905
)
# [.!?。！？]+[\"'”»)\]]*|[;；](?=\s*\n), opening with the one class of every mark (``re`` skips to
# the next mark in C; a pattern opening with two branches is tried at every character)
_END = re.compile(r"[.!?。！？;；](?:(?<=[.!?。！？])[.!?。！？]*[\"'”»)\]]*|(?=\s*\n))")
_BULLET = re.compile(r"^\s*(?:[•·▪◦‣●○■□\-–—*]|\d{1,2}[.)])\s+")
_INITIAL = re.compile(r"(?:^|[\s(])[A-ZА-ЯЁ]$")
_NEXT_CHAR = re.compile(r"\s*(\S?)")
_LAST_WORD = re.compile(r"([\w.\-]+)$")
# the same word read from the reversed text (a search for the one above tries every position)
_LAST_WORD_REVERSED = re.compile(r"[\w.\-]+")
_WINDOW = 64


def split_sentences(text: str) -> list[Sentence]:
    """Split cleaned text into sentences; lines (titles, list items) are sentences too.

    Example:
        >>> [s.text for s in split_sentences("Prof. V. A. Ivanov of St. Petersburg Univ. spoke. It ended.")]
        ['Prof. V. A. Ivanov of St. Petersburg Univ. spoke.', 'It ended.']
    """
    out: list[Sentence] = []
    line_start = 0
    for line in text.split("\n"):
        _split_line(text, line, line_start, out)
        line_start += len(line) + 1
    return out


def _split_line(text: str, line: str, offset: int, out: list[Sentence]) -> None:
    bullet = bool(_BULLET.match(line))
    if " | " in line:  # a table row ("UNITE! | 2019") is one sentence
        _emit(text, offset, offset + len(line), out, bullet)
        return
    start = 0
    for m in _END.finditer(line):
        end = m.end()
        if not _is_boundary(line, m.start(), end):
            continue
        _emit(text, offset + start, offset + end, out, bullet)
        start = end
    _emit(text, offset + start, offset + len(line), out, bullet)


_GERMAN_MONTH = re.compile(
    r"\s*(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\b"
)


_DOTTED = re.compile(r"(?:\w\.)+\w")


def _is_boundary(line: str, punct: int, end: int) -> bool:
    mark = line[punct]
    if mark in "。！？;；":
        return True
    if end < len(line) and not line[end].isspace():
        return False
    nm = _NEXT_CHAR.match(line, end)
    nxt = nm.group(1) if nm is not None else ""
    if mark == "." and nxt and (nxt.islower() or nxt.isdigit() or nxt in ",;:"):
        return False
    if mark != ".":
        return True
    # Only the end of the line before the mark matters (a bounded window: no quadratic scan
    # of long lines; a word longer than the window is no abbreviation either way).
    before = line[max(0, punct - _WINDOW) : punct]
    if before.endswith("\n"):  # ("$" also matches before a final newline; a line holds none)
        last = _LAST_WORD.search(before)
        token = last.group(1) if last is not None else ""
    else:
        rev = _LAST_WORD_REVERSED.match(before[::-1])
        token = rev.group(0)[::-1] if rev is not None else ""
    if not token:
        return True
    if token.isdigit() and len(token) <= 2 and _GERMAN_MONTH.match(line, end):
        return False  # "am 8. November 2021": a German day number, not a sentence end
    if token.lower().rstrip(".") in _ABBREVIATIONS or token.lower() in _ABBREVIATIONS:
        return False
    if len(token) == 1 and token.islower():  # "am 3. d. M.", "u. a.", "v. a.": no sentence ends in one small letter
        return False
    if _INITIAL.search(line[max(0, punct - 2) : punct]):  # "V. A. Sadovnichy", "М. В. Ломоносова"
        return False
    if "." in token and token.replace(".", "").isalpha() and (len(token) <= 6 or _DOTTED.fullmatch(token)):
        # "U.S.", "e.g", "T.I.M.E. (Top Industrial Managers for Europe)"
        return bool(nxt) and nxt.isupper() and len(token.replace(".", "")) > 3
    return True


def _emit(text: str, start: int, end: int, out: list[Sentence], bullet: bool) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, text[start:end], len(out), bullet))
