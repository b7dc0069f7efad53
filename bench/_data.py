"""Shared helpers for the bench scripts: ROR records from ../shared and a synthetic registry."""

from __future__ import annotations

import random
import resource
import sys
from pathlib import Path

import partnerkit as pk

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
ROR = SHARED / "ror-records"

FIELDS = [
    "Technology",
    "Medicine",
    "Agriculture",
    "Economics",
    "Engineering",
    "Pedagogy",
    "Arts",
    "Law",
    "Physics",
    "Chemistry",
    "Mining",
    "Forestry",
    "Music",
    "Sport",
    "Transport",
    "Oceanography",
]
TYPES = ["University", "Institute", "Academy", "College", "Polytechnic", "Research Centre"]
PATTERNS = ["{city} {type} of {field}", "{city} State {type}", "{type} of {field} {city}", "{city} National {type}",
            "{person} {city} {type}", "{city} {type}", "{type} of {city}", "{city} {field} {type}"]  # fmt: skip


def rss_mb() -> float:
    """Peak resident memory of this process in MB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def ror_institutions() -> list[pk.Institution]:
    if not ROR.exists():
        return []
    from partnerkit_ror import read_institutions

    return list(read_institutions(ROR))


def synthetic_institutions(n: int, seed: int = 1, base: list[pk.Institution] | None = None) -> list[pk.Institution]:
    """``n`` institutions: the ROR ones (if given) and generated ones built from ROR city/person words."""
    rng = random.Random(seed)
    base = base or []
    cities = sorted({i.city for i in base if i.city}) or [f"City{k}" for k in range(3000)]
    persons = sorted({w for i in base for w in i.name.split() if w.istitle() and len(w) > 5})[:5000] or ["Lomonosov"]
    out = list(base[:n])
    seen = {pk.normalize_name(i.name) for i in out}
    k = 0
    while len(out) < n:
        k += 1
        city = rng.choice(cities)
        name = rng.choice(PATTERNS).format(city=city, type=rng.choice(TYPES), field=rng.choice(FIELDS),
                                           person=rng.choice(persons))  # fmt: skip
        key = pk.normalize_name(name)
        if key in seen:
            continue
        seen.add(key)
        acr = "".join(w[0] for w in name.split() if w[0].isupper())
        country = rng.choice(["RU", "CN", "US", "DE", "FR", "IN", "BR", "JP"])
        acronyms = (acr,) if len(acr) >= 3 else ()
        out.append(pk.Institution(id=f"syn{k}", name=name, acronyms=acronyms, country=country, city=city))
    return out


def variants(inst: pk.Institution, rng: random.Random) -> str:
    """A name as people write it: abbreviations, lower case, an affiliation string, a typo."""
    name = rng.choice([n.value for n in inst.names()])
    roll = rng.random()
    if roll < 0.2:
        return name.replace("University", "Univ.").replace("Institute", "Inst.")
    if roll < 0.35:
        return name.lower()
    if roll < 0.5:
        return f"Department of {rng.choice(FIELDS)}, {name}, {inst.city or 'X'}, {inst.country or ''}"
    if roll < 0.6 and len(name) > 8:
        i = rng.randrange(1, len(name) - 2)
        return name[:i] + name[i + 1] + name[i] + name[i + 2 :]
    return name
