"""Dates in text: absolute forms in several languages, and forms relative to the publication date.

A date that the text gives only in part stays partial ("in 2011" is ``2011``, "in October
2022" is ``2022-10``). A year-less or relative date ("on April 27th", "today", "on
Wednesday", "last year") is filled in from the publication date when that settles it, and
is dropped otherwise.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import attrs

from partnerkit._extract._lexicon import Lexicon, lowered, may_match
from partnerkit._extract._narrow import narrowed
from partnerkit._model import PartialDate

__all__ = ["DateHit", "find_dateline", "find_dates"]

_TOKEN = re.compile(r"\d{1,4}(?:st|nd|rd|th|er|º|°)?|[^\W\d_]+\.?")
_YEAR_TOKEN = re.compile(r"(?:19|20)\d{2}")
_DAY_TOKEN = re.compile(r"(\d{1,2})(?:st|nd|rd|th|er|º|°)?$")
_NUMERIC = re.compile(r"(?<![\d.:/$€£])(\d{1,2})([./-])(\d{1,2})\2((?:19|20)\d{2})(?![\d.]\d)")
_ISO = re.compile(r"(?<![\d.:/])((?:19|20)\d{2})-(\d{2})-(\d{2})(?!\d)")
_YEAR = re.compile(r"(?<![\d.,:/$€£#№-])((?:19|20)\d{2})(?![\d%])(?!-\d)")
_CJK_THIS_MONTH = re.compile(r"(本|上)月(\d{1,2})日")
# "19日" alone (no month or year): the 19th of the publication month, or of the month before when
# the publication day is earlier (news tells what has happened)
_CJK_BARE_DAY = re.compile(r"(?<![\d月./-])(\d{1,2})日(?!\d)")
# a day of the month alone, in the style of Korean and Japanese releases in English ("signed an MOU on
# the 14th", "announced on the 15th that ..."): the publication's month (the one before when it is past)
_BARE_ORDINAL_DAY = re.compile(
    r"\bon (the ([12]?\d|3[01])(?:st|nd|rd|th))\b"
    r"(?=\s*(?:[.,;:)]|$)|\s+(?:at|in|and|that|with|when|during|of this month)\b)"
)
# a year word right before a year-less "9月": this year, last year, next year
_CJK_YEAR_WORD = {"今年": 0, "本年": 0, "去年": -1, "明年": 1, "昨年": -1, "来年": 1}
# a year, or a Japanese era year ("令和6年" is 2024, "平成31年" 2019; 元年 is an era's first year);
# digits may be full-width ("２０２４年５月３日": ``\d`` and ``int`` read them)
_CJK_DATE = re.compile(r"(?:(?:((?:19|20|１９|２０)\d{2})|(令和|平成)(元|\d{1,2}))年)?(?:(\d{1,2})月)?(?:(\d{1,2})日)?")
_ERA_START = {"令和": 2019, "平成": 1989}
_DATELINE_LABEL = re.compile(
    r"^(?:published|publication date|date|posted|опубликовано|дата|publicado|fecha|publié|veröffentlicht)\b",
    re.IGNORECASE,
)


@attrs.frozen
class DateHit:
    """A date found at ``start:end`` of a sentence; ``relative`` when the text did not state it whole;
    ``filled`` when its year was filled in from the publication date (a bare "in March")."""

    start: int
    end: int
    date: PartialDate
    relative: bool = False
    filled: bool = False


def _valid(year: int, month: int | None = None, day: int | None = None) -> PartialDate | None:
    try:
        return PartialDate(year, month, day)
    except Exception:
        return None


_DIGIT = re.compile(r"\d")


def _era_year(era: str, number: str) -> int:
    """The Western year of a Japanese era year.

    Example:
        >>> _era_year("令和", "6"), _era_year("平成", "元")
        (2024, 1989)
    """
    return _ERA_START[era] + (0 if number == "元" else int(number) - 1)


def _may_have_words(text: str, low: str | None, lex: Lexicon, published: PartialDate | None) -> bool:
    """A worded or relative date may be in ``text`` (quick filter before the full reading)."""
    months, weekdays = _any_month_or_weekday(lex)
    if may_match(months, low) and months.search(text):
        return True
    if published is None:
        return False
    if may_match(weekdays, low) and weekdays.search(text) is not None:
        return True
    return any(p.search(text) for _name, p in narrowed(lex, "dates", lex.dates, low))


_ANY: dict[int, tuple[re.Pattern[str], re.Pattern[str]]] = {}


def _any_month_or_weekday(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """One pattern for all month names and one for all weekday names of ``lex`` (a quick filter)."""
    got = _ANY.get(id(lex))
    if got is None:
        months = "|".join(f"(?:{p.pattern[:-1]})" for p in lex.months if p.pattern != "(?!)")
        weekdays = "|".join(f"(?:{p.pattern})" for p in lex.weekdays if p.pattern != "(?!)")
        got = (
            re.compile(rf"(?<!\w)(?:{months or '(?!)'})\.?(?!\w)", re.IGNORECASE),
            re.compile(weekdays or "(?!)", re.IGNORECASE),
        )
        _ANY[id(lex)] = got
    return got


_MONTHS: dict[int, dict[str, int | None]] = {}


def _month_of(word: str, lex: Lexicon) -> int | None:
    known = _MONTHS.setdefault(id(lex), {})  # lexicons live as long as the process (cached)
    try:
        return known[word]
    except KeyError:
        pass
    if len(known) >= 100_000:
        known.clear()
    month = known[word] = _month_of_word(word, lex)
    return month


def _month_of_word(word: str, lex: Lexicon) -> int | None:
    w = word.rstrip(".")
    if len(w) < 3 and not w.isdigit():
        return None
    if _any_month_or_weekday(lex)[0].fullmatch(w) is None:
        return None
    for i, pat in enumerate(lex.months):
        if pat.match(w) and pat.match(w).end() == len(w):  # type: ignore[union-attr]
            return i + 1
    return None


def _month_before(year: int, month: int) -> tuple[int, int]:
    """The year and month of the month before ("last month" of a text published then)."""
    return (year, month - 1) if month > 1 else (year - 1, 12)


def _fill_year(month: int, day: int | None, published: PartialDate | None) -> PartialDate | None:
    """A month (and day) without a year, placed at or before the publication date."""
    if published is None:
        return None
    year = published.year
    if published.month is not None and (month, day or 1) > (published.month, published.day or 31):
        year -= 1
    return _valid(year, month, day)


def find_dates(text: str, lex: Lexicon, published: PartialDate | None, report_year: int | None = None) -> list[DateHit]:
    """Every date in ``text`` with its span, absolute ones as given, relative ones resolved.

    A month without a year falls in ``report_year`` when the text reports on a past year (an
    annual report "for calendar year 2024" posted in 2025), else at or before ``published``.

    Example:
        >>> from partnerkit._extract._lexicon import lexicon
        >>> lex = lexicon(("en", "ru"))
        >>> [str(h.date) for h in find_dates("Signed on April 27th; started in 2011.", lex, PartialDate(2021, 5, 3))]
        ['2021-04-27', '2011']
        >>> [str(h.date) for h in find_dates("подписан 19 ноября 2019 года", lex, None)]
        ['2019-11-19']
    """
    hits: list[DateHit] = []
    taken: list[tuple[int, int]] = []
    digits = _DIGIT.search(text) is not None or "元年" in text  # (an era's first year: "令和元年")
    low = lowered(text)
    words = _may_have_words(text, low, lex, published)
    if not digits and not words:
        return hits

    def add(start: int, end: int, date: PartialDate | None, relative: bool = False, filled: bool = False) -> None:
        if date is None or any(s < end and start < e for s, e in taken):
            return
        hits.append(DateHit(start, end, date, relative, filled))
        taken.append((start, end))

    if digits:  # every numeric form (ISO, 27.04.2021, 2021年4月27日, a year) has a digit
        for m in _ISO.finditer(text):
            add(m.start(), m.end(), _valid(int(m[1]), int(m[2]), int(m[3])))
        for m in _NUMERIC.finditer(text):
            a, b, y = int(m[1]), int(m[3]), int(m[4])
            day, month = (a, b) if b <= 12 else (b, a)
            add(m.start(), m.end(), _valid(y, month, day))
        if "年" in text or "月" in text or "日" in text:
            for m in _CJK_DATE.finditer(text):
                year = int(m[1]) if m[1] else _era_year(m[2], m[3]) if m[2] else None
                if year is not None:
                    mo, dy = int(m[4]) if m[4] else None, int(m[5]) if m[5] else None
                    add(m.start(), m.end(), _valid(year, mo, dy))
                elif m[4]:
                    mo, dy = int(m[4]), int(m[5]) if m[5] else None
                    shift = _CJK_YEAR_WORD.get(text[max(0, m.start() - 2) : m.start()])
                    if shift is not None and published is not None:  # "今年9月", "去年3月", "明年"
                        add(m.start() - 2, m.end(), _valid(published.year + shift, mo, dy), True)
                    else:
                        add(m.start(), m.end(), _fill_year(mo, dy, published), True, True)
            if published is not None and published.month is not None:
                for m in _CJK_THIS_MONTH.finditer(text):  # "本月10日" (this month), "上月10日" (last month)
                    year, month = published.year, published.month
                    if m[1] == "上":
                        year, month = _month_before(year, month)
                    add(m.start(), m.end(), _valid(year, month, int(m[2])), True)
            if published is not None and published.day is not None and published.month is not None:
                for m in _CJK_BARE_DAY.finditer(text):
                    year, month = published.year, published.month
                    if int(m[1]) > published.day:
                        year, month = _month_before(year, month)
                    add(m.start(), m.end(), _valid(year, month, int(m[1])), True)
    if may_match(_any_month_or_weekday(lex)[0], low):
        _worded(text, lex, published, add, report_year)
    if digits and published is not None and published.day is not None and published.month is not None:
        for m in _BARE_ORDINAL_DAY.finditer(text):
            year, month = published.year, published.month
            if int(m[2]) > published.day:
                year, month = _month_before(year, month)
            add(m.start(1), m.end(), _valid(year, month, int(m[2])), True)
    if digits:
        for m in _YEAR.finditer(text):
            add(m.start(), m.end(), _valid(int(m[1])))
    if words:
        _relative(text, low, lex, published, add)
    hits.sort(key=lambda h: h.start)
    return hits


_MONTH_PREPOSITIONS = frozenset(
    ["in", "since", "until", "till", "by", "during", "early", "late", "mid", "of", "im", "seit", "bis"]
)


def _worded(
    text: str, lex: Lexicon, published: PartialDate | None, add: Callable[..., None], report_year: int | None = None
) -> None:
    tokens = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text)]
    for i, (s, e, word) in enumerate(tokens):
        if word[0].isdigit():
            continue
        month = _month_of(word, lex)
        if month is None:
            continue
        if (
            word.rstrip(".").lower() in ("may", "mar", "march", "mai")
            and not _near_number(tokens, i)
            and not (word[0].isupper() and i > 0 and tokens[i - 1][2].lower() in _MONTH_PREPOSITIONS)
        ):
            continue  # "may" the verb, "march" the walk; "In May", "since March", "im Mai" are months
        start, end, day, year = s, e, None, None
        # day before: "27 April", "19 ноября", "21 mai", "27th of April"
        j = i - 1
        if j >= 0 and tokens[j][2].lower() in ("of", "de"):
            j -= 1
        if (
            j >= 0
            and tokens[j][2][0].isdigit()
            and _day(tokens[j][2]) is not None
            and text[tokens[j][1] : s].strip(" ,.ofde") == ""  # "8. November" (German)
        ):
            day, start = _day(tokens[j][2]), tokens[j][0]
        elif j >= 0 and j < i - 1 and (ordinal := _ordinal_day(text, tokens, j)) is not None:
            day, start = ordinal  # "the twentieth of February", "the twenty-first of May"
        k = i + 1
        if day is None and k < len(tokens) and tokens[k][2][0].isdigit() and _day(tokens[k][2]) is not None:
            day, end = _day(tokens[k][2]), tokens[k][1]
            k += 1
        # year after: "April 27th, 2021", "octubre de 2022", "2022 года", "May 2015"
        while k < len(tokens) and tokens[k][2].lower() in ("de", "del", "of", "года", "г", "г."):
            k += 1
        if k < len(tokens) and _YEAR_TOKEN.fullmatch(tokens[k][2]) and tokens[k][0] - end <= 6:
            year, end = int(tokens[k][2]), tokens[k][1]
            while k + 1 < len(tokens) and tokens[k + 1][2].lower() in ("года", "г", "г.", "год"):
                k += 1
                end = tokens[k][1]
        if (
            day is None
            and year is None
            and word[0].isupper()
            and i >= 2
            and tokens[i - 1][2].lower() in ("de", "do", "da", "of")
            and tokens[i - 2][2][0].isupper()
        ):
            continue  # "Rio de Janeiro": a capitalised month after "Name de" is a place's name, no date
        if day is not None and _DAY_RANGE.search(text, max(0, start - 12), start):
            day = None  # "from 10 to 15 October 2023", "с 25 января по 1 февраля": the month only
        if year is not None:
            add(start, end, _valid(year, month, day))
        elif published is not None and (after := _year_word_after(text, end, lex)) is not None:
            # "с сентября этого года", "en marzo del año pasado": the year the words name
            add(start, after[1], _valid(published.year + after[0], month, day), True)
        elif published is not None and published.month is not None and _from_marker_before(text, start, lex):
            # "ab Oktober", "à partir de septembre": the coming one (this year's when it is not past)
            year = published.year + ((month, day or 31) < (published.month, published.day or 1))
            add(start, end, _valid(year, month, day), True)
        elif report_year is not None:
            add(start, end, _valid(report_year, month, day), True)
        else:
            add(start, end, _fill_year(month, day, published), True, True)


# the day number right before an "of this month" word ("3rd inst.", "3 del corriente", "3. d. M.")
_DAY_BEFORE = re.compile(r"(?<![\d.])([12]?\d|3[01])(?:st|nd|rd|th|\.|-?го|er)?\s*\Z")
_DAY_RANGE = re.compile(r"\d{1,2}(?:st|nd|rd|th)?\.?\s*(?:to|till|until|-|–|—|по|al|au|bis)\s*$", re.IGNORECASE)


_SPACES = re.compile(r"\s*")


def _year_word_after(text: str, end: int, lex: Lexicon) -> tuple[int, int] | None:
    """(0, end) for a "this year" phrase right after ``end`` ("сентября этого года"), (-1, end)
    for a "last year" one ("марта прошлого года"), else None."""
    at = _SPACES.match(text, end).end()  # type: ignore[union-attr]
    for key, shift in (("this_year", 0), ("last_year_of", -1)):
        pattern = lex.dates.get(key)
        m = pattern.match(text, at) if pattern is not None else None
        if m is not None:
            return shift, m.end()
    return None


def _from_marker_before(text: str, start: int, lex: Lexicon) -> bool:
    """A "from" word that opens a start to come stands right before ``start`` ("ab", "à partir de")."""
    pattern = lex.dates.get("from_month")
    if pattern is None:
        return False
    window = text[max(0, start - 25) : start]
    return any(not window[m.end() :].strip() for m in pattern.finditer(window))


def _near_number(tokens: list[tuple[int, int, str]], i: int) -> bool:
    around = [tokens[j][2] for j in (i - 1, i + 1, i + 2) if 0 <= j < len(tokens)]
    return any(w[0].isdigit() for w in around)


_ORDINALS = {
    w: n
    for n, w in enumerate(
        """first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth
        fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth""".split(),  # noqa: SIM905
        1,
    )
}
_ORDINALS["thirtieth"] = 30


def _ordinal_day(text: str, tokens: list[tuple[int, int, str]], j: int) -> tuple[int, int] | None:
    """(day, start) of an English ordinal word ending at token ``j`` before "of" and a month:
    "twentieth", "twenty-first", "thirty-first"."""
    day = _ORDINALS.get(tokens[j][2].lower())
    if day is None:
        return None
    start = tokens[j][0]
    if day < 10 and j > 0 and text[tokens[j - 1][1] : start] == "-":
        tens = {"twenty": 20, "thirty": 30}.get(tokens[j - 1][2].lower())
        if tens is not None:
            day, start = tens + day, tokens[j - 1][0]
    return (day, start) if day <= 31 else None


def _day(word: str) -> int | None:
    m = _DAY_TOKEN.match(word)
    if m and 1 <= int(m[1]) <= 31:
        return int(m[1])
    return None


def _relative(
    text: str, low: str | None, lex: Lexicon, published: PartialDate | None, add: Callable[..., None]
) -> None:
    if published is None:
        return
    full = published.precision == "day"
    for name, scan in narrowed(lex, "dates", lex.dates, low):
        for m in scan.finditer(text):
            if name == "today" and full:
                add(m.start(), m.end(), published, True)
            elif name == "yesterday" and full:
                add(m.start(), m.end(), PartialDate.from_date(published.first_day() - dt.timedelta(days=1)), True)
            elif name == "last_year":
                add(m.start(), m.end(), PartialDate(published.year - 1), True)
            elif name == "this_year":
                add(m.start(), m.end(), PartialDate(published.year), True)
            elif name == "last_month" and published.month is not None:
                add(m.start(), m.end(), PartialDate(*_month_before(published.year, published.month)), True)
            elif name == "day_before_yesterday" and full:
                add(m.start(), m.end(), PartialDate.from_date(published.first_day() - dt.timedelta(days=2)), True)
            elif name == "of_this_month" and published.month is not None:
                # "on 3rd inst.", "el 3 del corriente", "am 3. d. M.": a day of the publication month
                day = _DAY_BEFORE.search(text, 0, m.start())
                if day is not None:
                    add(day.start(), m.end(), _valid(published.year, published.month, int(day[1])), True)
    weekdays = _any_month_or_weekday(lex)[1]
    if full and may_match(weekdays, low) and weekdays.search(text):
        pub = published.first_day()
        last = _last_markers(text, lex)
        week = _last_markers(text, lex, "week_before")
        for wd, pattern in enumerate(lex.weekdays):
            for m in pattern.finditer(text):
                # "last Thursday" / "jeudi dernier" said on a Thursday is a week before; a bare
                # "Thursday" on a Thursday is the day itself; "上周二", "Tuesday last week": that
                # day of the calendar week before the publication's.
                if _marked_last(text, m.start(), m.end(), week):
                    back = pub.weekday() - wd + 7
                else:
                    back = (pub.weekday() - wd) % 7 or (7 if _marked_last(text, m.start(), m.end(), last) else 0)
                add(m.start(), m.end(), PartialDate.from_date(pub - dt.timedelta(days=back)), True)


def _last_markers(text: str, lex: Lexicon, key: str = "last_weekday") -> list[tuple[int, int]]:
    """Spans of the words that make a weekday the past one ("last", "dernier", "pasado", "прошлый"),
    or (``week_before``) one of the calendar week before ("上周", "last week")."""
    pattern = lex.dates.get(key)
    return [] if pattern is None else [m.span() for m in pattern.finditer(text)]


def _marked_last(text: str, start: int, end: int, markers: list[tuple[int, int]]) -> bool:
    """Whether a marker stands right before ``start`` or right after ``end`` (spaces between only)."""
    for m_start, m_end in markers:
        if m_end <= start and not text[m_end:start].strip():
            return True
        if m_start >= end and not text[end:m_start].strip():
            return True
    return False


def find_dateline(lines: list[str], lex: Lexicon) -> PartialDate | None:
    """The publication date a page states on a line of its own ("May 3, 2021", "Published: ...")."""
    for line in lines[:40]:
        text = line.strip()
        if not text or len(text) > 60:
            continue
        labelled = bool(_DATELINE_LABEL.match(text)) or text.lower().startswith("published in")
        hits = [h for h in find_dates(text, lex, None) if not h.relative]
        if not hits:
            continue
        best = max(hits, key=lambda h: ("year", "month", "day").index(h.date.precision))
        covered = sum(h.end - h.start for h in hits)
        if labelled or (best.date.precision == "day" and covered >= len(text.strip(" .,")) - 12):
            return best.date
    return None
