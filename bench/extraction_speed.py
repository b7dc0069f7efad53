"""Throughput of pk.extract on 3-5 KB news articles with a 100,000-institution registry.

Usage: python bench/extraction_speed.py [--institutions N] [--articles N] [--no-registry]
       [--distinct] [--cold] [--freeze]

Articles are built from the news-dev excerpts in ../shared/data/news-dev (paragraphs joined
until each text is 3-5 KB). The registry is synthetic: N institutions with generated names,
acronyms, aliases, cities and countries, plus a few real names that occur in the texts.
It is a ``pk.Registry`` when that class exists, else a plain list of ``pk.Institution``.
Prints the automaton build time and the registry's first-query time (the one-time
structures ``Registry.match`` builds on first use), neither counted in the throughput,
then articles/s and KB/s for a single process, by the wall clock and by CPU time (the
latter is the fair figure on a machine that other jobs share). Before timing, a warm-up
extracts 60 articles and one article of each language the articles hold, so the lexicon of
every language (compiled once per process, ~0.3 s each) is not counted in the figure.

The news-dev excerpts hold only ~43 KB, so by default the 400 articles repeat each paragraph
many times, and any cache keyed by a sentence or a name makes the figure look better than it
would on real news. ``--distinct`` rewrites every article so that (almost) no sentence repeats:
about one lower-case word in five is replaced by another lower-case word of the same script
from the corpus, and one CJK character in eight by another; names, capitalised words and
digits are kept. Institution names still recur across articles (as they do in a stream of
real news) and the answers of ``registry.match`` are kept per registry across calls;
``--cold`` forgets them before each article (as if no name ever recurred). The
``--distinct`` figure is the honest one for a news stream, ``--distinct --cold`` the floor.
The 100k registry keeps ~185k objects the garbage collector tracks (~700k before the
automaton became one flat dict); each full collection walks them all, and the time those take
inside the timed loop is printed. The full collection the build leaves due (its objects outgrow
a quarter of what the collector last walked) is run, and timed, before the loop: it belongs to
the build, and where it fell used to depend on allocation details. ``--freeze`` calls
``gc.freeze()`` after the registry is built, as
``partnerkit serve`` does and as a long-running extractor should, so full collections skip it.
"""

from __future__ import annotations

import argparse
import gc
import random
import re
import time
from pathlib import Path

import partnerkit as pk
from partnerkit._extract._automaton import automaton_for
from partnerkit._extract._lexicon import detect_language
from partnerkit._extract._resolve import plain as _plain
from partnerkit._extract._text import clean

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT.parent / "shared" / "data" / "news-dev"
HEADS = ["University", "Institute of Technology", "State University", "Polytechnic University", "Academy"]
FIELDS = ["Science", "Technology", "Economics", "Medicine", "Agriculture", "Arts", "Engineering", "Law"]
COUNTRIES = ["RU", "CN", "US", "DE", "FR", "ES", "KZ", "IN", "BR", "MX", "GB", "IT", "JP", "TR", "EG"]
REAL = [
    ("ITMO University", ("ITMO",), "RU", "Saint Petersburg"),
    ("Huazhong University of Science and Technology", ("HUST",), "CN", "Wuhan"),
    ("Hanoi University of Science and Technology", ("HUST",), "VN", "Hanoi"),
    ("University of Saskatchewan", ("USask",), "CA", "Saskatoon"),
    ("Beijing Institute of Technology", ("BIT",), "CN", "Beijing"),
    ("Kazan Federal University", ("KFU",), "RU", "Kazan"),
    ("University of Oviedo", (), "ES", "Oviedo"),
    ("Peking University", ("PKU",), "CN", "Beijing"),
]


def _word(rng: random.Random) -> str:
    syll = ["ka", "lo", "mi", "ra", "ten", "vor", "sa", "del", "bri", "no", "za", "gor", "lin", "ve", "sta", "ru"]
    return "".join(rng.choice(syll) for _ in range(rng.randint(2, 4))).capitalize()


def registry(n: int) -> object:
    rng = random.Random(7)
    insts = [
        pk.Institution(id=f"real{i}", name=name, acronyms=acr, country=cc, city=city)
        for i, (name, acr, cc, city) in enumerate(REAL)
    ]
    seen = {i.name for i in insts}
    while len(insts) < n:
        place = _word(rng)
        form = rng.randrange(4)
        head = rng.choice(HEADS)
        if form == 0:
            name = f"{place} {head}"
        elif form == 1:
            name = f"{head} of {place}"
        elif form == 2:
            name = f"{place} {head} of {rng.choice(FIELDS)}"
        else:
            name = f"{place} {_word(rng)} {head}"
        if name in seen:
            continue
        seen.add(name)
        acr = "".join(w[0] for w in name.split() if w[0].isupper())
        insts.append(
            pk.Institution(
                id=f"syn{len(insts)}",
                name=name,
                acronyms=(acr,) if len(acr) >= 3 and rng.random() < 0.5 else (),
                aliases=(f"{place} Univ.",) if rng.random() < 0.2 else (),
                country=rng.choice(COUNTRIES),
                city=place,
            )
        )
    make = getattr(pk, "Registry", None)
    return make(insts) if make is not None else insts


def articles(count: int) -> list[str]:
    paras: list[str] = []
    for path in sorted(NEWS.glob("*.txt")):
        text = "\n".join(line for line in path.read_text("utf-8").split("\n") if not line.startswith("# source:"))
        paras.extend(p for p in text.split("\n") if p.strip())
    out: list[str] = []
    i = 0
    while len(out) < count:
        parts: list[str] = []
        size = 0
        target = 3000 + (len(out) * 397) % 2000
        while size < target:
            p = paras[i % len(paras)]
            parts.append(p)
            size += len(p.encode("utf-8")) + 1
            i += 1
        out.append("\n".join(parts))
    return out


_LOWER = re.compile(r"(?<![\w-])[^\W\d_A-ZА-ЯЁ\u3400-\u9fff][^\W\d_\u3400-\u9fff]{3,}(?![\w-])")
_HAN = re.compile(r"[\u3400-\u9fff]")


def distinct(texts: list[str]) -> list[str]:
    """Each text with ~20% of its lower-case words (and ~12% of its CJK characters) swapped."""
    words = sorted({w for t in texts for w in _LOWER.findall(t) if w.islower()})
    cyr = [w for w in words if re.match("[а-яё]", w)]
    lat = [w for w in words if not re.match("[а-яё]", w)]
    han = sorted({c for t in texts for c in _HAN.findall(t)})
    out = []
    for k, text in enumerate(texts):
        rng = random.Random(k)

        def swap(m: re.Match[str], rng: random.Random = rng) -> str:
            w = m.group(0)
            if not w.islower() or rng.random() >= 0.2:
                return w
            return rng.choice(cyr if re.match("[а-яё]", w) else lat)

        def swap_han(m: re.Match[str], rng: random.Random = rng) -> str:
            return rng.choice(han) if rng.random() < 0.12 else m.group(0)

        out.append(_HAN.sub(swap_han, _LOWER.sub(swap, text)))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--institutions", type=int, default=100_000)
    ap.add_argument("--articles", type=int, default=400)
    ap.add_argument("--no-registry", action="store_true")
    ap.add_argument("--distinct", action="store_true", help="rewrite the articles so that sentences do not repeat")
    ap.add_argument("--cold", action="store_true", help="forget the registry's match answers before each article")
    ap.add_argument(
        "--freeze",
        action="store_true",
        help="gc.freeze() after building the registry, as `partnerkit serve` does (full collections skip it)",
    )
    args = ap.parse_args()
    texts = articles(args.articles)
    if args.distinct:
        texts = distinct(texts)
        print("articles rewritten: no sentence repeats (--distinct, the honest figure)")
    kb = sum(len(t.encode("utf-8")) for t in texts) / 1024
    t0 = time.perf_counter()
    # warm: the lexicon of every language met, gazetteer, country names (built once per process)
    first_of_language = {detect_language(clean(t).text): t for t in reversed(texts)}
    for text in [*texts[:60], *first_of_language.values()]:
        pk.extract(text)
    print(f"warm-up (lexicons of all languages, no registry): {time.perf_counter() - t0:.2f} s")
    reg = None
    if not args.no_registry:
        t0 = time.perf_counter()
        reg = registry(args.institutions)
        print(f"registry: {args.institutions} institutions ({type(reg).__name__}), {time.perf_counter() - t0:.2f} s")
        t0 = time.perf_counter()
        c0 = time.process_time()
        auto = automaton_for(reg if hasattr(reg, "get") else _plain(reg))
        took, cpu = time.perf_counter() - t0, time.process_time() - c0
        print(f"automaton build: {took:.2f} s wall, {cpu:.2f} s CPU ({auto.size} institutions)")
        match = getattr(reg, "match", None)
        if match is not None:  # the registry's own one-time structures (built on its first query)
            t0, c0 = time.perf_counter(), time.process_time()
            match("Warm-up University", limit=1)
            took, cpu = time.perf_counter() - t0, time.process_time() - c0
            print(f"registry first query (its one-time indexes): {took:.2f} s wall, {cpu:.2f} s CPU")
    memo = auto.matches if reg is not None and args.cold else None
    # The full collection the registry build leaves due (its objects outgrow a quarter of the
    # heap the collector last walked) is part of the build: run it now, timed, not in the loop.
    t0, c0 = time.perf_counter(), time.process_time()
    gc.collect()
    took, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(
        f"full collection after the build: {took:.2f} s wall, {cpu:.2f} s CPU ({len(gc.get_objects())} tracked objects)"
    )
    if args.freeze:
        gc.freeze()
        print(f"gc.freeze(): {gc.get_freeze_count()} objects left out of the collector's passes")
    full: list[float] = []  # the time of each full (generation 2) collection in the timed loop
    full_cpu: list[float] = []  # (and its CPU time: the wall time swings with the machine's load)

    def on_gc(phase: str, info: dict[str, int]) -> None:
        if info["generation"] == 2:
            full.append(time.perf_counter() if phase == "start" else time.perf_counter() - full.pop())
            full_cpu.append(time.process_time() if phase == "start" else time.process_time() - full_cpu.pop())

    gc.callbacks.append(on_gc)
    t0, c0 = time.perf_counter(), time.process_time()
    found = 0
    for text in texts:
        if memo is not None:
            memo.clear()
        found += len(pk.extract(text, published="2021-05-03", registry=reg).partnerships)
    dt, dc = time.perf_counter() - t0, time.process_time() - c0
    gc.callbacks.remove(on_gc)
    print(f"articles: {len(texts)} of {kb / len(texts):.1f} KB on average, {found} partnerships")
    print(f"throughput: {len(texts) / dt:.0f} articles/s, {kb / dt:.0f} KB/s (wall clock, single process)")
    print(f"cpu:        {len(texts) / dc:.0f} articles/s of CPU time ({dc / len(texts) * 1000:.1f} ms per article)")
    print(f"of which full garbage collections: {len(full)}, {sum(full):.2f} s wall, {sum(full_cpu):.2f} s CPU")


if __name__ == "__main__":
    main()
