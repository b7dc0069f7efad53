"""The extraction lexicon: trigger phrases, status cues and references, read from data files.

One TOML file per language in ``partnerkit/data/extract/`` (``en.toml``, ``ru.toml``, ...).
Adding a language is adding a file; the docs page shows the tables of every file.
"""

from __future__ import annotations

import functools
import importlib
import re
import tomllib
from collections import Counter
from collections.abc import Callable, Mapping
from importlib import resources
from typing import Any

import attrs

from partnerkit._errors import ConfigError
from partnerkit._extract._trie import literal_trie
from partnerkit._model import PartnershipKind

__all__ = [
    "KIND_ORDER",
    "UNSPACED",
    "Lexicon",
    "detect_language",
    "finditer_near",
    "languages",
    "lexicon",
    "literal_needles",
    "lowered",
    "markdown_tables",
    "may_match",
    "phrases_source",
    "raw_tables",
]

# The order in which kinds are tried: specific objects before the documents that set them up.
KIND_ORDER: tuple[PartnershipKind, ...] = (
    PartnershipKind.MEMBERSHIP,
    PartnershipKind.OFFICE,
    PartnershipKind.DOUBLE_DEGREE,
    PartnershipKind.JOINT_PROGRAMME,
    PartnershipKind.JOINT_LAB,
    PartnershipKind.RESEARCH_PROJECT,
    PartnershipKind.EXCHANGE,
    PartnershipKind.CONSORTIUM,
    PartnershipKind.OTHER,
    PartnershipKind.STRATEGIC_PARTNERSHIP,
    PartnershipKind.MOU,
    PartnershipKind.AGREEMENT,
)
_STATUSES = ("planned", "negotiating", "signed", "ended", "active", "hedge", "unsigned", "unreached", "negated", "yet")
_REFERENCES = (
    "creation",
    "publisher",
    "pair",
    "group",
    "generic",
    "context",
    "context_after",
    "anaphora",
    "scope",
    "hosted",
    "partner",
    "countries",
    "setup",
    "people",
    "existing",
    "ceremony",
    "official",
    "envoy",
    "located",
    "also",
    "welcome",
    "listing",
    "own",
    "prior",
    "founded",
    "joined_last",
    "pronoun",
    "consortium_members",
    "about",
    "partners_listed",
)
_DATES = (
    "months",
    "weekdays",
    "today",
    "yesterday",
    "last_year",
    "this_year",
    "since_then",
    "same_day",
    "reported",
    "last_month",
    "last_weekday",
    "day_before_yesterday",
    "week_before",
    "of_this_month",
    "from_month",
    "last_year_of",
    "starts",
    "original",
    "renewed",
    "future",
    "future_after",
    "intent",
)
#: Languages written without spaces between words: their phrases carry no word boundaries.
UNSPACED = frozenset({"zh", "ja"})
_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")
# hiragana and katakana (not the prolonged sound mark or the middle dot, which Chinese text may hold)
_KANA_RUN = re.compile(r"[\u3041-\u3096\u30a1-\u30fa]+")
_LETTER_RUN = re.compile(r"[^\W\d_]+")
_CYRILLIC_RUN = re.compile(r"[\u0400-\u04ff]+")
_CJK_OR_CYRILLIC = re.compile(r"[\u0400-\u04ff\u3400-\u9fff]")
_LATIN_WORD = re.compile(r"[a-zàâçéèêëîïôûùüÿñæœäöãõß]+")
_GERMAN_WORD = re.compile(r"(?<![^\W\d_])[a-zäöüß]*[äöüß][a-zäöüß]*(?![^\W\d_])")
_PORTUGUESE_WORD = re.compile(r"\w*[ãõ]\w*")
_STOPWORDS = {
    "en": frozenset(
        """the and of with for to was has have is on by""".split()  # noqa: SIM905  ("in" is German too)
    ),
    "es": frozenset(
        """el la los las de del y con que por para una un se""".split()  # noqa: SIM905
    ),
    "fr": frozenset(
        """le les des et du avec une un est sur dans pour la de l d au aux à ont""".split()  # noqa: SIM905
    ),
    "it": frozenset(
        """il l e ha per che della dei delle degli è gli nel nella alla dalla sono hanno anche dell""".split()  # noqa: SIM905
    ),
    "pt": frozenset(
        # with the words it shares with Spanish (de que se para por), which would otherwise read it as Spanish
        """do da dos das na nas nos ao aos pelo pela um uma com em é também não de que se para por""".split()  # noqa: SIM905
    ),
    "de": frozenset(
        """der die das und mit ist ein eine den dem des im zu von zum zur bei auf für über ihr ihre ihren sich
        nicht wird hat sind auch wurde einen einem""".split()  # noqa: SIM905
    ),
}


@functools.cache
def raw_tables() -> dict[str, dict[str, Any]]:
    """Every language file, parsed: ``{"en": {...}, "ru": {...}}``."""
    folder = resources.files("partnerkit").joinpath("data/extract")
    out: dict[str, dict[str, Any]] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".toml"):
            continue
        try:
            data = tomllib.loads(entry.read_text("utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"partnerkit/data/extract/{entry.name}: {exc}") from None
        lang = data.get("language")
        if not isinstance(lang, str):
            raise ConfigError(f"partnerkit/data/extract/{entry.name}: 'language' must be a string")
        for kind in data.get("kinds", {}):
            if kind not in {k.value for k in PartnershipKind}:
                raise ConfigError(f"partnerkit/data/extract/{entry.name}: [kinds] {kind!r} is not a partnership kind")
        out[lang] = data
    return out


def languages() -> tuple[str, ...]:
    """The languages that have a lexicon file."""
    return tuple(raw_tables())


def phrases_source(phrases: list[str], lang: str) -> str | None:
    """One expression for the phrases of one language (word bounded, but in Chinese); None for none."""
    phrases = [p for p in phrases if p]
    if not phrases:
        return None
    body = "|".join(f"(?:{p})" for p in phrases)
    if lang in UNSPACED:
        return body
    if lang == "de":  # the last part of a hyphenated compound ("Erasmus-Austauschabkommen") too
        return rf"(?<![\w])(?:{body})(?![\w])"
    if "'" in body or "’" in body:  # a phrase may end in an elided article glued to the next word ("dell'")
        return rf"(?<![\w-])(?:{body})(?:(?<=['’])|(?![\w]))"
    return rf"(?<![\w-])(?:{body})(?![\w])"


@attrs.frozen
class Lexicon:
    """The compiled patterns of one or more languages."""

    langs: tuple[str, ...]
    kinds: Mapping[PartnershipKind, re.Pattern[str]]
    status: Mapping[str, re.Pattern[str]]
    refs: Mapping[str, re.Pattern[str]]
    months: tuple[re.Pattern[str], ...]
    dates: Mapping[str, re.Pattern[str]]
    weekdays: tuple[re.Pattern[str], ...]


@functools.cache
def lexicon(langs: tuple[str, ...]) -> Lexicon:
    """The lexicon for ``langs`` (their phrases joined), compiled once."""
    tables = raw_tables()
    use = [lang for lang in langs if lang in tables]

    def joined(section: str, key: str) -> re.Pattern[str] | None:
        pats = []
        for lang in use:
            pat = phrases_source(list(tables[lang].get(section, {}).get(key, [])), lang)
            if pat is not None:
                pats.append(pat)
        return re.compile("|".join(pats), re.IGNORECASE) if pats else None

    kinds = {k: p for k in KIND_ORDER if (p := joined("kinds", k.value)) is not None}
    status = {s: p for s in _STATUSES if (p := joined("status", s)) is not None}
    refs = {r: p for r in _REFERENCES if (p := joined("references", r)) is not None}
    dates = {d: p for d in _DATES[2:] if (p := joined("dates", d)) is not None}
    months: list[list[str]] = [[] for _ in range(12)]
    weekdays: list[list[str]] = [[] for _ in range(7)]
    for lang in use:
        for i, m in enumerate(tables[lang].get("dates", {}).get("months", [])[:12]):
            months[i].append(m)
        for i, w in enumerate(tables[lang].get("dates", {}).get("weekdays", [])[:7]):
            # Chinese and Japanese write no spaces: their weekdays carry no word boundaries ("上周四").
            weekdays[i].append(w if lang in UNSPACED else rf"(?<!\w)(?:{w})(?!\w)")
    month_pats = tuple(
        re.compile(rf"(?:{'|'.join(m)})\.?$", re.IGNORECASE) if m else re.compile("(?!)") for m in months
    )
    weekday_pats = tuple(re.compile("|".join(w), re.IGNORECASE) if w else re.compile("(?!)") for w in weekdays)
    return Lexicon(tuple(use), kinds, status, refs, month_pats, dates, weekday_pats)


# --- a literal prefilter for the phrase patterns ------------------------------------------
#
# Every phrase pattern is matched case-insensitively at every word boundary, which costs
# one try of every alternative per word. Most sentences hold none of a pattern's phrases:
# each phrase has a literal part that any match must contain ("memorand" in
# "memorand(?:um|a|ums) of understanding"), and a sentence whose lower-cased text contains
# none of a pattern's literals is not scanned with it. The literals are read from the
# parsed pattern; a pattern whose phrases do not all have one is always scanned.


def _equivalent_lower() -> dict[int, int]:
    """Lower-case characters that ``re.IGNORECASE`` takes as one ('s' and 'ſ', 'σ' and 'ς')."""
    try:
        extra: dict[int, tuple[int, ...]] = importlib.import_module("re._casefix")._EXTRA_CASES
    except (ImportError, AttributeError):  # pragma: no cover - those rare letters stay apart
        return {}
    out: dict[int, int] = {}
    for lo, others in extra.items():
        canon = min((lo, *others))
        for c in (lo, *others):
            if c != canon:
                out[c] = canon
    return out


_EQUIVALENT = _equivalent_lower()
_EQUIVALENT_CHARS = re.compile(
    "[" + "".join(re.escape(chr(c)) for c in sorted(_EQUIVALENT)) + "]" if _EQUIVALENT else "(?!)"
)


def lowered(text: str) -> str | None:
    """``text`` lower-cased as ``re.IGNORECASE`` compares letters, or None when that would
    change its length (a letter like 'İ' that lower-cases to two): then nothing is skipped."""
    low = text.lower()
    if len(low) != len(text):
        return None
    if low.isascii() or _EQUIVALENT_CHARS.search(low) is None:
        return low  # (translating is a dictionary look-up per character: only when needed)
    return low.translate(_EQUIVALENT)


def _literals(sub: Any) -> frozenset[str] | None:
    """Strings one of which every match of the parsed pattern ``sub`` contains (None: unknown):
    of the sets :func:`_every_literals` finds, the one whose shortest string is longest (then the
    smallest; the first on a tie)."""
    best: frozenset[str] | None = None
    for cand in _every_literals(sub):
        if best is None or (min(map(len, cand)), -len(cand)) > (min(map(len, best)), -len(best)):
            best = cand
    return best


# By id (hashing a compiled pattern hashes its whole code); the pattern is held, so ids stay unique.
# With many literals, one search of their trie beats a substring search per literal.
_NEEDLES: dict[int, tuple[re.Pattern[str], tuple[str, ...] | None, Callable[[str], object] | None]] = {}
_TRIE_FROM = 20  # literals (measured: 40-70 literals, 1.5-2.5x faster; a handful, slower)


@functools.lru_cache(maxsize=4096)
def _parsed(source: str, flags: int) -> Any:
    """``source`` parsed by ``re`` (read for its literals twice per table phrase: parsed once)."""
    return importlib.import_module("re._parser").parse(source, flags)


def _every_literals(sub: Any) -> list[frozenset[str]]:
    """Every set of strings of which each match of the parsed pattern ``sub`` contains one:
    one set per required part of it, in sequence (:func:`_literals` chooses among them)."""
    c = importlib.import_module("re._constants")
    out: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in sub:
        if op is c.LITERAL:
            run.append(chr(av))
            continue
        if run:
            out.append(frozenset(["".join(run)]))
            run = []
        if op is c.SUBPATTERN:
            out.extend(_every_literals(av[3]))
        elif op is c.ATOMIC_GROUP:
            out.extend(_every_literals(av))
        elif op is c.BRANCH:
            parts = [_literals(b) for b in av[1]]
            if all(p is not None for p in parts):
                out.append(frozenset().union(*(p for p in parts if p is not None)))
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
            out.extend(_every_literals(av[2]))
    if run:
        out.append(frozenset(["".join(run)]))
    return [s for s in out if s and all(s)]


def literal_sets(source: str, flags: int) -> tuple[tuple[str, ...], ...]:
    """Every set of lower-cased literals of which each match of the regular expression ``source``
    holds one, each set shortest first: a match holds a literal of every set ("memorand(?:um|a)
    of understanding" holds "memorand" and " of understanding"). () when none is known.

    Example:
        >>> literal_sets(r"(?:signed|inked) memorand(?:um|a) of understanding", re.IGNORECASE)
        (('inked', 'signed'), (' memorand',), ('a', 'um'), (' of understanding',))
    """
    try:
        found = _every_literals(_parsed(source, flags))
    except Exception:  # pragma: no cover - an unknown parser: no sets, same results
        return ()
    out: list[tuple[str, ...]] = []
    for got in found:
        if (kept := _shortest_first(got)) not in out:
            out.append(kept)
    return tuple(out)


def literal_needles(source: str, flags: int) -> tuple[str, ...] | None:
    """The lower-cased literals, one of which every match of the regular expression ``source``
    holds, shortest first (None: it has none that every match must hold)."""
    try:
        found = _literals(_parsed(source, flags))
    except Exception:  # pragma: no cover - an unknown parser: no prefilter, same results
        return None
    if found is None:
        return None
    return _shortest_first(found)


def _shortest_first(found: frozenset[str]) -> tuple[str, ...]:
    """The literals ``found`` lower-cased, shortest first, without those holding a shorter one."""
    # lower-casing both sides keeps every match (case-sensitive ones too)
    words = sorted({w.lower().translate(_EQUIVALENT) for w in found}, key=lambda w: (len(w), w))
    # a literal that holds a shorter one adds nothing: the shorter one is in the text too
    kept: list[str] = []
    for w in words:
        if not any(k in w for k in kept):
            kept.append(w)
    return tuple(kept)


def _needles(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """The lower-cased literals of ``pattern``, shortest first (None: it cannot be prefiltered)."""
    got = _NEEDLES.get(id(pattern))
    if got is not None and got[0] is pattern:
        return got[1]
    needles = literal_needles(pattern.pattern, pattern.flags)
    if len(_NEEDLES) >= 4096:  # patterns are made once per lexicon; a bound all the same
        _NEEDLES.clear()
    search = literal_trie(needles).search if needles is not None and len(needles) >= _TRIE_FROM else None
    _NEEDLES[id(pattern)] = (pattern, needles, search)
    return needles


def may_match(pattern: re.Pattern[str], low: str | None) -> bool:
    r"""False only when ``pattern`` cannot match the text whose :func:`lowered` form is ``low``.

    Example:
        >>> p = re.compile(r"(?<!\w)(?:memorand(?:um|a) of understanding|mous?)(?!\w)", re.IGNORECASE)
        >>> may_match(p, lowered("They signed an MoU.")), may_match(p, lowered("They met."))
        (True, False)
    """
    if low is None:
        return True
    got = _NEEDLES.get(id(pattern))
    if got is None or got[0] is not pattern:
        _needles(pattern)
        got = _NEEDLES[id(pattern)]
    needles = got[1]
    if needles is None:
        return True
    if got[2] is not None:
        return got[2](low) is not None
    # with a few literals ``in`` (a fast substring search in C) beats one regular expression
    for n in needles:  # noqa: SIM110 (a loop, not ``any`` over a generator: fewer steps per literal)
        if n in low:
            return True
    return False


# Per pattern (by id, held): the longest match and how far its lookaheads and word
# boundaries read past a match's end; None when either is unbounded or unknown.
_REACH: dict[int, tuple[re.Pattern[str], tuple[int, int] | None]] = {}


def _reach(pattern: re.Pattern[str]) -> tuple[int, int] | None:
    got = _REACH.get(id(pattern))
    if got is not None and got[0] is pattern:
        return got[1]
    c = importlib.import_module("re._constants")
    reach: tuple[int, int] | None = None
    try:
        parsed = importlib.import_module("re._parser").parse(pattern.pattern, pattern.flags)
        lo, hi = parsed.getwidth()
        ahead = [1]  # a word boundary or an end reads one character on

        def walk(sub: Any) -> None:
            for op, av in sub:
                if op in (c.ASSERT, c.ASSERT_NOT) and av[0] == 1:
                    ahead.append(av[1].getwidth()[1])
                for arg in av if isinstance(av, (tuple, list)) else ():
                    if isinstance(arg, (tuple, list)):
                        for x in arg:
                            if hasattr(x, "getwidth"):
                                walk(x)
                    elif hasattr(arg, "getwidth"):
                        walk(arg)

        walk(parsed)
        limit = 1 << 16
        if lo > 0 and hi < limit and all(a < limit for a in ahead):
            reach = (hi, sum(ahead))
    except Exception:  # pragma: no cover - an unknown parser: the plain scan
        reach = None
    if len(_REACH) >= 4096:
        _REACH.clear()
    _REACH[id(pattern)] = (pattern, reach)
    return reach


def finditer_near(pattern: re.Pattern[str], text: str, low: str | None) -> list[re.Match[str]]:
    r"""``list(pattern.finditer(text))``, read only around the literals every match holds.

    ``low`` is :func:`lowered` ``text``. Every match contains one of the pattern's literals
    (see :func:`may_match`) and is at most ``width`` long, so a match can only start within
    ``width`` before an occurrence of one; each such stretch is searched with the text cut
    where no attempt starting in it can read (its longest match plus its lookaheads), and a
    match is kept only when it starts in the stretch: the same matches as one scan of the
    whole text, without reading the long stretches between the literals.

    Example:
        >>> p = re.compile(r"(?<![\w-])the (?:university|institute)(?! of)(?!\w)", re.IGNORECASE)
        >>> t = "The University said. " * 3 + "The University of X and the institute agreed."
        >>> [m.span() for m in finditer_near(p, t, lowered(t))] == [m.span() for m in p.finditer(t)]
        True
    """
    needles = _needles(pattern)
    reach = _reach(pattern)
    if low is None or needles is None or reach is None or len(low) != len(text):
        return list(pattern.finditer(text))
    width, ahead = reach
    spots: list[int] = []
    for needle in needles:
        at = low.find(needle)
        while at >= 0:
            spots.append(at)
            at = low.find(needle, at + 1)
    if not spots:
        return []
    spots.sort()
    out: list[re.Match[str]] = []
    done = 0  # where the last match ended: the next one starts there or later
    search = pattern.search
    n = len(text)
    for spot in spots:
        if spot < done:
            continue  # a needle before ``done`` is in no later match
        start = max(done, spot - width)
        cut = min(n, spot + width + ahead)
        while True:
            m = search(text, start, cut)
            if m is None or m.start() > spot:
                break  # no match starts in this stretch (a later one is read with its own literal)
            out.append(m)
            done = start = m.end()
    return out


def _count(pattern: re.Pattern[str], letters: str, sample: str) -> int:
    """``len(pattern.findall(sample))`` for a pattern every match of which holds one of ``letters``
    (case-sensitive): most texts hold none, and ``in`` is a fast scan where the pattern is slow."""
    for c in letters:
        if c in sample:
            return len(pattern.findall(sample))
    return 0


def detect_language(text: str) -> str:
    """A rough guess of the main language of a text: ``en``, ``ru``, ``es``, ``fr``, ``de``, ``it``, ``pt``, ``zh``
    or ``ja``.

    Chinese and Japanese both write Han characters; a text that also holds kana (hiragana or
    katakana) is Japanese.

    Example:
        >>> detect_language("Университет открыл представительство"), detect_language("La Universidad de Oviedo")
        ('ru', 'es')
        >>> detect_language("东北大学与朱拉隆功大学签署协议"), detect_language("東北大学は協定を締結した")
        ('zh', 'ja')
    """
    sample = text[:4000]
    if not sample.isascii() and _CJK_OR_CYRILLIC.search(sample):  # (one scan, no objects, when there is none)
        cjk = sum(map(len, _CJK_RUN.findall(sample)))  # runs, not characters: fewer objects
        cyr = sum(map(len, _CYRILLIC_RUN.findall(sample)))
        if cjk or cyr:  # (no ratio to work out otherwise)
            letters = sum(map(len, _LETTER_RUN.findall(sample))) or 1
            # kana is Japanese only: a text with kana is Japanese, not Chinese
            if (
                cjk
                and (kana := sum(map(len, _KANA_RUN.findall(sample))))
                and (cjk + kana) / letters > 0.2
                and kana / letters > 0.05
            ):
                return "ja"
            if cjk / letters > 0.2:
                return "zh"
            if cyr / letters > 0.3:
                return "ru"
    counts = Counter(_LATIN_WORD.findall(sample.lower()))
    scores = {lang: sum(counts[w] for w in stop) for lang, stop in _STOPWORDS.items()}
    # "schließt", "eröffnet", "künftig": a lowercase word with an umlaut or ß is German (a capitalised
    # one may be a German name in an English text: "Universität Göttingen and ...")
    scores["de"] += _count(_GERMAN_WORD, "äöüß", sample)
    scores["pt"] += _count(_PORTUGUESE_WORD, "ãõ", sample)  # "não", "relações", "São": ã and õ are Portuguese
    return max(scores, key=lambda k: (scores[k], k == "en"))


def _cell(phrases: list[str]) -> str:
    return " · ".join(_code(p) for p in phrases)


_ENTITIES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\\": "&#92;", "*": "&#42;", "_": "&#95;",
                           "`": "&#96;", "|": "&#124;"})  # fmt: skip


def _code(phrase: str) -> str:
    """One phrase as Markdown code; as an HTML ``<code>`` element when it holds ``<!``, which
    Python-Markdown's HTML parser takes for a declaration and stops the docs build on."""
    if "<!" in phrase:
        return f"<code>{phrase.translate(_ENTITIES)}</code>"
    return f"`{phrase.replace('|', chr(92) + '|')}`"


def markdown_tables() -> str:
    """The trigger, status-cue and reference tables of every language file, as Markdown.

    ``docs/extraction.md`` holds this text after its "## Trigger tables" heading
    (``python scripts/sync_trigger_tables.py`` rewrites it; a test checks it is current).
    """
    out: list[str] = []
    for lang, table in raw_tables().items():
        out += [f"### `{lang}`", "", "| kind | trigger phrases (regular expressions) |", "|---|---|"]
        out += [f"| {kind} | {_cell(list(phrases))} |" for kind, phrases in table.get("kinds", {}).items()]
        out += ["", "| status cue | phrases |", "|---|---|"]
        out += [f"| {name} | {_cell(list(phrases))} |" for name, phrases in table.get("status", {}).items()]
        out += ["", "| reference | phrases |", "|---|---|"]
        out += [f"| {name} | {_cell(list(phrases))} |" for name, phrases in table.get("references", {}).items()]
        out.append("")
    return "\n".join(out)
