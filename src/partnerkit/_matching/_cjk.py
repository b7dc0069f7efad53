"""Chinese, Japanese and Korean segment translations mined from the registry itself.

Han characters transliterate as Mandarin pinyin, so "東京大学" reads "dongjing
university" and never meets "University of Tokyo"; Korean "고려대학교" reads "goryeo
university", not "Korea University". Many institutions carry a CJK label beside their
Latin names, so the registry teaches the translation: a run of two to four Han or Hangul
characters that, across institutions, comes with one English word more than with any
other (by the Dice coefficient of the institutions carrying each) is that word's
translation, when at least :data:`MIN_INSTITUTIONS` institutions show the pair, more
than half of the institutions writing the segment carry the word, and no longer or
shorter segment overlapping it reads as the same word better ("東京" = tokyo, not
"東京大"). A pair that turns one institution's label into another institution's name
(and never into its own) is dropped.

A name is then read by cutting each Han or Hangul run into known segments (the cut that
leaves the fewest characters unknown, then the fewest pieces); unknown characters stay
as written and transliterate as before. Nothing is hard-coded; the table is a plain
``dict`` that travels with the index.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence

from anyascii import anyascii

from partnerkit._names import (
    ORG_KEYS,
    STOP_WORDS,
    cjk_org_spans,
    cjk_org_words,
    country_of,
    normalize_name,
    prepare,
    script_of,
)
from partnerkit.rules import WEAK_TOKENS

__all__ = ["MIN_INSTITUTIONS", "has_cjk", "mine_segments", "read_segments", "segment_note"]

#: A segment/word pair must be seen in the names of at least this many institutions.
MIN_INSTITUTIONS = 2
#: Dice coefficient of the institutions carrying the segment and the word, at least.
MIN_DICE = 0.3
#: An organisation word's other reading must be seen in this many institutions...
MIN_ORG_READING = 3
#: ... and in this share of the institutions whose Latin name does not say the built-in reading.
MIN_ORG_SHARE = 0.2
#: Pinyin spellings shorter than this are not read (syllables spell too many words).
MIN_PINYIN = 4
_SHORTEST, _LONGEST = 2, 4
#: Han (CJK unified, extension A, compatibility) and Hangul syllables.
_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]+")


def has_cjk(text: str) -> bool:
    """Whether ``text`` carries a Han or Hangul character.

    >>> has_cjk("東京大学"), has_cjk("University of Tokyo")
    (True, False)
    """
    return not text.isascii() and _RUN.search(text) is not None


def _runs(text: str) -> list[str]:
    """The Han/Hangul runs of ``text`` left once the built-in organisation words ("大学") are read."""
    return _RUN.findall(prepare(text))


def _segments(text: str) -> set[str]:
    out: set[str] = set()
    for run in _runs(text):
        n = len(run)
        for i in range(n):
            for j in range(i + _SHORTEST, min(n, i + _LONGEST) + 1):
                out.add(run[i:j])
    return out


def mine_segments(
    institution_names: Iterable[Sequence[str]],
    owners: Callable[[str], frozenset[int]] | None = None,
) -> dict[str, str]:
    """Segment -> English word, learned from institutions with both CJK and Latin names.

    Args:
        institution_names: per institution, all its names as written, its display name first.
        owners: the institutions with a name of exactly these sorted normalised words
            (``"tokyo university"``); used to drop pairs that read one institution's
            label as another's name.
    """
    seg_count: Counter[str] = Counter()
    word_count: Counter[str] = Counter()
    pair_count: Counter[tuple[str, str]] = Counter()
    labelled: list[tuple[int, list[str]]] = []
    for inst, names in enumerate(institution_names):
        cjk = [n for n in names if has_cjk(n)]
        if not cjk:
            continue
        latin = names[0]  # the display name: aliases are often romanised ("Tokyo Kogyo Daigaku")
        if script_of(latin) is not None:
            continue
        segs: set[str] = set()
        for n in cjk:
            segs |= _segments(n)
        said = {w for n in cjk for w in normalize_name(n).split()}  # what the label already says ("university")
        words = {w for w in normalize_name(latin).split() if w not in STOP_WORDS and w not in said and not w.isdigit()}
        if not segs or not words:
            continue
        labelled.append((inst, cjk))
        seg_count.update(segs)
        word_count.update(words)
        pair_count.update((s, w) for s in segs for w in words)
    best: dict[str, tuple[float, str]] = {}
    for (s, w), c in pair_count.items():
        if c < MIN_INSTITUTIONS or 2 * c <= seg_count[s]:
            continue
        dice = 2 * c / (seg_count[s] + word_count[w])
        if dice < MIN_DICE:
            continue
        old = best.get(s)
        if old is None or (dice, w) > old:  # (ties: the later word in order, fixed)
            best[s] = (dice, w)
    table = _unbeaten(best, labelled)
    if owners is not None:
        table = _own_names_only(table, labelled, owners)
    return dict(sorted(table.items()))


def _unbeaten(best: Mapping[str, tuple[float, str]], labelled: list[tuple[int, list[str]]]) -> dict[str, str]:
    """The segments that, where they occur, are mostly not overlapped by a better segment of the same word.

    "京工" reads "tokyo" as often as "東京" does, but wherever it occurs "東京" overlaps
    it with a better score: it is a piece of "東京工業", not a word.
    """
    kept: Counter[str] = Counter()
    beaten: Counter[str] = Counter()
    for _, names in labelled:
        for name in names:
            for run in _runs(name):
                spans = [
                    (i, j, run[i:j], *best[run[i:j]])
                    for i in range(len(run))
                    for j in range(i + _SHORTEST, min(len(run), i + _LONGEST) + 1)
                    if run[i:j] in best
                ]
                for i, j, s, dice, w in spans:
                    lost = any(w2 == w and a < j and i < b and (d2, b - a) > (dice, j - i) for a, b, _, d2, w2 in spans)
                    (beaten if lost else kept)[s] += 1
    return {s: w for s, (_, w) in best.items() if kept[s] > beaten[s]}


def _own_names_only(
    table: dict[str, str],
    labelled: list[tuple[int, list[str]]],
    owners: Callable[[str], frozenset[int]],
) -> dict[str, str]:
    good: Counter[str] = Counter()
    bad: Counter[str] = Counter()
    for inst, names in labelled:
        for name in names:
            read, used = read_segments(name, table)
            if not used:
                continue
            key = " ".join(sorted(set(normalize_name(read).split())))
            who = owners(key)
            if not who:
                continue
            tally = good if inst in who else bad
            tally.update(set(used))
    return {s: w for s, w in table.items() if bad[s] <= good[s]}


def read_segments(text: str, table: Mapping[str, str]) -> tuple[str, list[str]]:
    """``text`` with known Han/Hangul segments replaced by their word, and the segments used.

    >>> read_segments("東京工業大学", {"東京": "tokyo"})
    ('tokyo technology university', ['東京'])
    >>> read_segments("東北大学", {"東京": "tokyo"})
    ('東北 university', [])
    """
    if not table or not has_cjk(text):
        return text, []
    used: list[str] = []

    def cut(m: re.Match[str]) -> str:
        run = m.group(0)
        pieces = _cut(run, table)
        out: list[str] = []
        for piece, known in pieces:
            if known:
                used.append(piece)
                out.append(f" {table[piece]} ")
            else:
                out.append(piece)
        return "".join(out)

    read = _RUN.sub(cut, prepare(text))
    return " ".join(read.split()), used


def _cut(run: str, table: Mapping[str, str]) -> list[tuple[str, bool]]:
    """The cut of ``run`` into known segments leaving the fewest characters unknown, then the fewest pieces."""
    n = len(run)
    # cost[i]: (unknown characters, pieces) of the best cut of run[i:]
    cost: list[tuple[int, int]] = [(0, 0)] * (n + 1)
    step: list[int] = [1] * (n + 1)
    for i in range(n - 1, -1, -1):
        u, p = cost[i + 1]
        best, at = (u + 1, p + 1), 1
        for j in range(i + _SHORTEST, min(n, i + _LONGEST) + 1):
            if run[i:j] in table:
                u, p = cost[j]
                if (u, p + 1) < best:
                    best, at = (u, p + 1), j - i
        cost[i], step[i] = best, at
    pieces: list[tuple[str, bool]] = []
    i = 0
    while i < n:
        j = i + step[i]
        piece = run[i:j]
        known = j - i > 1 or piece in table
        if not known and pieces and not pieces[-1][1]:
            pieces[-1] = (pieces[-1][0] + piece, False)  # unknown characters stay one word
        else:
            pieces.append((piece, known))
        i = j
    return pieces


def segment_note(used: Sequence[str], table: Mapping[str, str]) -> str:
    """The explanation's sentence for a name read with segment translations."""
    pairs = ", ".join(f"{s} = {table[s]}" for s in dict.fromkeys(used))
    return f"Read with CJK segment translations learned from the registry's own names: {pairs}."


def mine_org_readings(
    institution_names: Iterable[Sequence[str]], table: Mapping[str, str]
) -> dict[str, tuple[str, ...]]:
    """Built-in CJK organisation word -> the other English words the registry writes for it.

    The built-in table reads one word one way (学院 = college, 师范 = pedagogical), but
    institutions name themselves otherwise ("晋中学院" is Jinzhong University, "遵义师范学院"
    Zunyi Normal College). In each institution whose CJK label carries exactly one
    organisation word that its Latin display name does not say, the Latin words the label's
    reading leaves unsaid are evidence for that word; a word seen so for at least
    :data:`MIN_ORG_READING` institutions and in at least :data:`MIN_ORG_SHARE` of the
    institutions where the organisation word is not said is kept. Likewise a label whose one
    organisation word is said may leave a weak organisation word unsaid ("제주대학교" is
    Jeju National University): seen so often enough, "national university" is a reading too.
    """
    unsaid: Counter[str] = Counter()
    alone: Counter[str] = Counter()  # the institutions whose label's one organisation word is said
    pairs: Counter[tuple[str, str]] = Counter()
    for names in institution_names:
        cjk = [n for n in names if has_cjk(n)]
        if not cjk or script_of(names[0]) is not None:
            continue
        latin = {w for w in normalize_name(names[0]).split() if w not in STOP_WORDS and not w.isdigit()}
        if not latin:
            continue
        here: dict[str, set[str]] = {}
        more: dict[str, set[str]] = defaultdict(set)
        for n in cjk:
            spans = cjk_org_spans(n)
            text = unicodedata.normalize("NFKC", n)
            missing = [(a, b, key) for a, b, key in spans if not set(key.split()) <= latin]
            for a, b, _ in spans:
                here.setdefault(text[a:b], set())
            if len(spans) == 1 and not missing:
                # the one organisation word is said, with an organisation word more ("Jeju National University")
                a, b, key = spans[0]
                said = set(normalize_name(read_segments(n, table)[0]).split())
                more[text[a:b]] |= {f"{w} {key}" for w in latin - said if w in WEAK_TOKENS}
                more[text[a:b]].add("")
            if len(missing) != 1:
                continue
            a, b, _ = missing[0]
            said = set(normalize_name(read_segments(n, table)[0]).split())
            here[text[a:b]] |= {w for w in latin - said if len(w) > 2}
            here[text[a:b]].add("")  # marks: not said
        for tally, evidence in ((unsaid, here), (alone, more)):
            for word, left in evidence.items():
                if "" in left:
                    tally[word] += 1
                    pairs.update((word, w) for w in left if w)
    out: dict[str, list[str]] = {}
    for (word, w), c in sorted(pairs.items()):
        among = alone[word] if " " in w else unsaid[word]
        if c < MIN_ORG_READING or c < MIN_ORG_SHARE * among or country_of(w) is not None:
            continue
        # an organisation word of the built-in table ("university"), or what most such names say ("normal")
        if w in ORG_KEYS or 2 * c >= among or " " in w:
            out.setdefault(word, []).append(w)
    return {word: tuple(ws) for word, ws in sorted(out.items())}


def org_variants(text: str, readings: Mapping[str, Sequence[str]], limit: int = 8) -> list[tuple[str, str]]:
    """``text`` with its CJK organisation words read otherwise, as the registry writes them, and a note.

    Each organisation word with other readings is a slot; every combination of readings
    but the built-in one is a variant (at most ``limit``, fewest slots changed first).

    >>> org_variants("晋中学院", {"学院": ("institute", "university")})[0]
    ('晋中 institute ', 'Read 学院 as institute (the registry writes 学院 as college, institute or university).')
    """
    if not readings:
        return []
    nfkc = unicodedata.normalize("NFKC", text)
    spans = cjk_org_spans(text)
    slots = []
    for a, b, key in spans:
        # a reading another organisation word of the name already says would only drop this one
        # ("서울대학교병원": 병원 read as "university" would be the university, not its hospital)
        elsewhere = {w for a2, _, k2 in spans if a2 != a for w in k2.split()}
        alts = [r for r in readings.get(nfkc[a:b], ()) if not set(r.split()) <= elsewhere]
        if alts:
            slots.append((a, b, key, alts))
    if not slots:
        return []
    options = [[None, *alts] for *_, alts in slots]
    combos = [c for c in _product(options) if any(x is not None for x in c)]
    combos.sort(key=lambda c: sum(x is not None for x in c))  # (stable: the table's order within)
    out: list[tuple[str, str]] = []
    for combo in combos[:limit]:
        pieces, said, end = [], [], 0
        for (a, b, key, alts), read in zip(slots, combo, strict=True):
            if read is None:
                continue
            word = nfkc[a:b]
            pieces += [nfkc[end:a], f" {read} "]
            end = b
            others = ", ".join(sorted({key, *alts}))
            others = " or ".join(others.rsplit(", ", 1))
            said.append(f"{word} as {read} (the registry writes {word} as {others})")
        pieces.append(nfkc[end:])
        out.append(("".join(pieces), "Read " + "; ".join(said) + "."))
    return out


def _product(options: list[list[str | None]]) -> list[tuple[str | None, ...]]:
    out: list[tuple[str | None, ...]] = [()]
    for opts in options:
        out = [(*c, x) for c in out for x in opts]
    return out


def pinyin_readings(
    segments: Mapping[str, str], org_readings: Mapping[str, Sequence[str]]
) -> dict[str, tuple[str, tuple[str, ...]]]:
    """Pinyin spelling of a known Han word -> (the word, its readings): "shifan" -> ("师范", ("pedagogical", "normal")).

    Chinese names are often written in pinyin ("Guǎngxī Shīfàn Dàxué"); the Han words the
    built-in table and the registry's segments read are read in their pinyin spelling too.
    A spelling of fewer than :data:`MIN_PINYIN` letters, one that spells words of
    different readings, or one that is its own reading ("anhui") is left out.
    """
    found: dict[str, tuple[str, tuple[str, ...]]] = {}
    clash: set[str] = set()
    sources = [(w, (k, *org_readings.get(w, ()))) for w, k in cjk_org_words().items()]
    sources += [(s, (w,)) for s, w in segments.items()]
    for word, readings in sources:
        if not all("\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff" for c in word):
            continue  # Han only: Hangul and kana have romanisations of their own
        spelling = anyascii(word).lower()  # (not fold: it reads the organisation words first)
        if len(spelling) < MIN_PINYIN or spelling in readings or not spelling.isalpha():
            continue
        old = found.get(spelling)
        if old is not None and old[1][0] != readings[0]:
            clash.add(spelling)
        elif old is None or len(readings) > len(old[1]):
            found[spelling] = (word, readings)
    return {s: v for s, v in sorted(found.items()) if s not in clash}


def pinyin_variants(key: str, pinyin: Mapping[str, tuple[str, Sequence[str]]], limit: int = 8) -> list[tuple[str, str]]:
    """``key`` (a normalised name) with its pinyin words read as the Han words they spell, and a note.

    >>> pinyin_variants("guangxi shifan university", {"shifan": ("师范", ("pedagogical", "normal"))})[1]
    ('guangxi normal university', 'Read shifan (师范) as normal (the registry writes 师范 as normal or pedagogical).')
    """
    if not pinyin:
        return []
    words = key.split()
    slots = [(i, w, *pinyin[w]) for i, w in enumerate(words) if w in pinyin]
    if not slots:
        return []
    options: list[list[str | None]] = [[*readings, None] for *_, readings in slots]
    combos = [c for c in _product(options) if any(x is not None for x in c)]
    combos.sort(key=lambda c: -sum(x is not None for x in c))  # (stable: every word read first)
    out: list[tuple[str, str]] = []
    for combo in combos[:limit]:
        read = list(words)
        said = []
        for (i, w, han, readings), r in zip(slots, combo, strict=True):
            if r is None:
                continue
            read[i] = r
            others = " or ".join(", ".join(sorted(readings)).rsplit(", ", 1))
            said.append(
                f"{w} ({han}) as {r}" + (f" (the registry writes {han} as {others})" if len(readings) > 1 else "")
            )
        out.append((" ".join(read), "Read " + "; ".join(said) + "."))
    return out
