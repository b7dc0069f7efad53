"""The extraction lexicon: trigger phrases, status cues and references, read from data files.

One TOML file per language in ``partnerkit/data/extract/`` (``en.toml``, ``ru.toml``, ...).
Adding a language is adding a file; the docs page shows the tables of every file.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections import Counter
from collections.abc import Mapping
from importlib import resources
from typing import Any

import attrs

from partnerkit._errors import ConfigError
from partnerkit._model import PartnershipKind, Status

__all__ = ["KIND_ORDER", "Lexicon", "detect_language", "languages", "lexicon", "markdown_tables", "raw_tables"]

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
_STATUSES = ("planned", "negotiating", "signed", "ended", "active", "hedge")
_REFERENCES = (
    "publisher",
    "pair",
    "generic",
    "context",
    "anaphora",
    "scope",
    "hosted",
    "partner",
    "countries",
    "setup",
    "people",
    "existing",
)
_DATES = ("months", "weekdays", "today", "yesterday", "last_year", "this_year", "since_then", "reported")
_CJK = re.compile(r"[\u3400-\u9fff]")
_LETTER = re.compile(r"[^\W\d_]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_STOPWORDS = {
    "en": frozenset(
        """the and of with for to was has have is in on by""".split()  # noqa: SIM905
    ),
    "es": frozenset(
        """el la los las de del y con que por para una un se""".split()  # noqa: SIM905
    ),
    "fr": frozenset(
        """le les des et du avec une un est sur dans pour la de""".split()  # noqa: SIM905
    ),
    "de": frozenset(
        """der die das und mit ist ein eine den dem des im zu von""".split()  # noqa: SIM905
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


def _compile(phrases: list[str], lang: str, flags: int = re.IGNORECASE) -> re.Pattern[str] | None:
    phrases = [p for p in phrases if p]
    if not phrases:
        return None
    body = "|".join(f"(?:{p})" for p in phrases)
    if lang == "zh":
        return re.compile(body, flags)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w])", flags)


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
    any_kind: re.Pattern[str] | None = None  # every trigger of every kind, to find the sentences with one


@functools.cache
def lexicon(langs: tuple[str, ...]) -> Lexicon:
    """The lexicon for ``langs`` (their phrases joined), compiled once."""
    tables = raw_tables()
    use = [lang for lang in langs if lang in tables]

    def joined(section: str, key: str) -> re.Pattern[str] | None:
        pats = []
        for lang in use:
            pat = _compile(list(tables[lang].get(section, {}).get(key, [])), lang)
            if pat is not None:
                pats.append(pat.pattern)
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
            weekdays[i].append(w)
    month_pats = tuple(
        re.compile(rf"(?:{'|'.join(m)})\.?$", re.IGNORECASE) if m else re.compile("(?!)") for m in months
    )
    weekday_pats = tuple(
        re.compile(rf"(?<!\w)(?:{'|'.join(w)})(?!\w)", re.IGNORECASE) if w else re.compile("(?!)") for w in weekdays
    )
    # One pattern per language (word-boundary checks once per position, not once per kind).
    any_parts = []
    for lang in use:
        every = [ph for k in KIND_ORDER for ph in tables[lang].get("kinds", {}).get(k.value, [])]
        pat = _compile(every, lang)
        if pat is not None:
            any_parts.append(pat.pattern)
    any_kind = re.compile("|".join(any_parts), re.IGNORECASE) if any_parts else None
    return Lexicon(tuple(use), kinds, status, refs, month_pats, dates, weekday_pats, any_kind)


def status_of(value: str) -> Status:
    return Status(value)


def detect_language(text: str) -> str:
    """A rough guess of the main language of a text: ``en``, ``ru``, ``es``, ``fr``, ``de`` or ``zh``.

    Example:
        >>> detect_language("Университет открыл представительство"), detect_language("La Universidad de Oviedo")
        ('ru', 'es')
    """
    sample = text[:4000]
    cjk = len(_CJK.findall(sample))
    cyr = len(_CYRILLIC.findall(sample))
    letters = len(_LETTER.findall(sample)) or 1
    if cjk / letters > 0.2:
        return "zh"
    if cyr / letters > 0.3:
        return "ru"
    words = re.findall(r"[a-zàâçéèêëîïôûùüÿñæœäöß]+", sample.lower())
    counts = Counter(words)
    scores = {lang: sum(counts[w] for w in stop) for lang, stop in _STOPWORDS.items()}
    return max(scores, key=lambda k: (scores[k], k == "en"))


def _cell(phrases: list[str]) -> str:
    return " · ".join(f"`{p.replace('|', chr(92) + '|')}`" for p in phrases)


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
