"""Generate realistic affiliation strings (or institution names) with known ROR answers.

Usage::

    python bench/make_affiliations.py --n 1000000 --out bench/out/affiliations.csv
    python bench/make_affiliations.py --n 1000000 --mode names --out bench/out/names.csv

Reads the ROR records in ``../shared/data/ror-records/`` (through the ``partnerkit-ror``
plugin when it is installed, else straight from the JSON Lines files) and writes a CSV with
columns ``row,text,country,ror_id,variant``:

- ``text``: the string a user would have, one of these variants (often combined): the display
  name, an alias or a label in another language, an acronym with the place, a sub-unit
  ("Department of Physics, ..."), a postal address, abbreviations ("Univ.", "Inst."), typos,
  a transliteration of a label in another script, upper/lower case, an e-mail address.
- ``country``: an ISO code hint for about half of the rows (as affiliation metadata often has
  it), empty otherwise.
- ``ror_id``: the known answer; rows with the same ``ror_id`` form the known clusters.

``--mode affiliations`` (default) writes full affiliation strings (sub-units, addresses);
``--mode names`` writes institution names only (the input of a deduplication).
The output is deterministic for a given ``--seed``. Never write it into the repository:
``bench/out/`` is git-ignored.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from anyascii import anyascii

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_ROR = ROOT.parent / "shared" / "data" / "ror-records"


@dataclass(slots=True)
class Org:
    ror_id: str
    name: str
    country: str | None
    country_name: str | None
    city: str | None
    education: bool
    acronyms: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    labels: list[tuple[str, str]] = field(default_factory=list)  # (lang, value)
    domains: list[str] = field(default_factory=list)


def _orgs_from_json(folder: Path) -> Iterator[Org]:
    for path in sorted(folder.glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                if rec.get("status") == "withdrawn":
                    continue
                display = None
                org = Org(
                    ror_id=rec["id"].rsplit("/", 1)[-1],
                    name="",
                    country=None,
                    country_name=None,
                    city=None,
                    education="education" in rec.get("types", []),
                    domains=list(rec.get("domains") or []),
                )
                for nm in rec.get("names", []):
                    types, value, lang = nm["types"], nm["value"], nm.get("lang")
                    if "ror_display" in types:
                        display = value
                    elif "acronym" in types:
                        org.acronyms.append(value)
                    elif "alias" in types:
                        org.aliases.append(value)
                    elif "label" in types:
                        org.labels.append((lang or "", value))
                if not display:
                    continue
                org.name = display
                locs = rec.get("locations") or []
                if locs:
                    geo = locs[0].get("geonames_details") or {}
                    org.country = geo.get("country_code")
                    org.country_name = geo.get("country_name")
                    org.city = geo.get("name")
                yield org


def org_from_institution(inst: Any) -> Org:
    """An :class:`Org` from a ``partnerkit.Institution`` (as the ROR plugin reads it)."""
    import pycountry

    country_name = None
    if inst.country:
        c = pycountry.countries.get(alpha_2=inst.country)
        country_name = getattr(c, "common_name", None) or getattr(c, "name", None)
    return Org(
        ror_id=inst.identifiers.get("ror", inst.id).rsplit("/", 1)[-1],
        name=inst.name,
        country=inst.country,
        country_name=country_name,
        city=inst.city,
        education=inst.kind.value == "education",
        acronyms=list(inst.acronyms),
        aliases=list(inst.aliases),
        labels=list(inst.labels.items()),
        domains=list(inst.domains),
    )


def _orgs_from_plugin(folder: Path) -> Iterator[Org]:
    import partnerkit_ror  # type: ignore[import-not-found]

    for path in sorted(folder.glob("*.jsonl")):
        for inst in partnerkit_ror.read_institutions(path):
            if inst.status != "withdrawn":
                yield org_from_institution(inst)


def load_orgs(folder: Path) -> list[Org]:
    """Every non-withdrawn ROR record of ``folder`` with a display name."""
    try:
        import partnerkit_ror  # type: ignore[import-not-found]  # noqa: F401
    except ImportError:
        return list(_orgs_from_json(folder))
    return list(_orgs_from_plugin(folder))


# --- the pieces of a realistic affiliation ------------------------------------------------

SUBJECTS = (
    "Physics", "Chemistry", "Mathematics", "Computer Science", "Biology", "Medicine", "Economics",
    "Civil Engineering", "Electrical Engineering", "Mechanical Engineering", "Psychology", "History",
    "Molecular Biology", "Biochemistry", "Materials Science", "Earth Sciences", "Public Health",
    "Pharmacology", "Internal Medicine", "Pediatrics", "Surgery", "Neurology", "Linguistics",
    "Environmental Science", "Statistics", "Information Technology", "Agronomy", "Veterinary Medicine",
)  # fmt: skip
UNITS = (
    "Department of {}", "Dept. of {}", "Faculty of {}", "School of {}", "Institute of {}",
    "Laboratory of {}", "Centre for {}", "Center for {}", "Division of {}", "Graduate School of {}",
    "Key Laboratory of {}", "College of {}",
)  # fmt: skip
FOREIGN_UNITS = (
    "Departamento de Física", "Institut für Physik", "Laboratoire de Chimie", "Dipartimento di Fisica",
    "Faculté des Sciences", "Fachbereich Informatik", "Facultad de Medicina", "Instituto de Química",
    "Lehrstuhl für Mathematik", "Departament de Biologia",
)  # fmt: skip
STREETS = (
    "Main Street", "University Avenue", "Campus Road", "Science Park", "Rue de la Paix", "Hauptstraße",
    "Avenida Universitaria", "Via Roma", "College Road", "Station Road", "Lenin Avenue", "Park Lane",
)  # fmt: skip
COUNTRY_STYLES = {"US": ("USA", "U.S.A."), "GB": ("UK", "U.K."), "CN": ("P.R. China", "PR China"), "RU": ("Russia",)}
ABBREVIATIONS = (
    ("University", "Univ."), ("Universität", "Univ."), ("Université", "Univ."), ("Universidad", "Univ."),
    ("Institute", "Inst."), ("Institut", "Inst."), ("National", "Natl."), ("Department", "Dept."),
    ("College", "Coll."), ("School", "Sch."), ("Hospital", "Hosp."), ("Center", "Ctr."), ("Centre", "Ctr."),
    ("Laboratory", "Lab."), ("Technology", "Technol."), ("Sciences", "Sci."), ("Science", "Sci."),
    ("Research", "Res."), ("International", "Int."), ("Medical", "Med."), ("Academy", "Acad."),
    ("Saint", "St."), ("Polytechnic", "Polytech."), ("State", "St."),
)  # fmt: skip
KEYBOARD = "abcdefghijklmnopqrstuvwxyz"
SURNAMES = ("smith", "wang", "garcia", "mueller", "ivanov", "kim", "rossi", "nguyen", "silva", "tanaka", "kowalski")


def typo(rng: random.Random, text: str, edits: int) -> str:
    """``edits`` random character edits (swap, delete, insert, replace) away from spaces."""
    chars = list(text)
    for _ in range(edits):
        letters = [i for i, c in enumerate(chars) if c.isalpha()]
        if len(letters) < 4:
            break
        i = rng.choice(letters[1:-1])
        op = rng.randrange(4)
        if op == 0 and i + 1 < len(chars) and chars[i + 1].isalpha():
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
        elif op == 1:
            del chars[i]
        elif op == 2:
            chars.insert(i, rng.choice(KEYBOARD))
        else:
            chars[i] = rng.choice(KEYBOARD)
    return "".join(chars)


def abbreviate(rng: random.Random, text: str) -> str:
    out = text
    for long, short in ABBREVIATIONS:
        if long in out and rng.random() < 0.8:
            out = out.replace(long, short)
    return out


def country_text(rng: random.Random, org: Org) -> str | None:
    if not org.country_name:
        return None
    styles = COUNTRY_STYLES.get(org.country or "", ())
    if styles and rng.random() < 0.5:
        return rng.choice(styles)
    return org.country_name


def place(rng: random.Random, org: Org) -> str:
    parts = [p for p in (org.city, country_text(rng, org)) if p]
    if len(parts) == 2 and rng.random() < 0.3:
        parts = parts[1:]
    return ", ".join(parts)


def base_name(rng: random.Random, org: Org) -> tuple[str, str]:
    """A name of ``org`` and the variant that made it."""
    roll = rng.random()
    if roll < 0.12 and org.aliases:
        return rng.choice(org.aliases), "alias"
    if roll < 0.22 and org.labels:
        _lang, label = rng.choice(org.labels)
        if not label.isascii() and rng.random() < 0.6:
            return anyascii(label), "translit"
        return label, "label"
    if roll < 0.30 and org.acronyms:
        return rng.choice(org.acronyms), "acronym"
    if roll < 0.34 and not org.name.isascii():
        return anyascii(org.name), "translit"
    return org.name, "display"


def make_name(rng: random.Random, org: Org) -> tuple[str, list[str]]:
    """An institution name as a list of names would have it (for deduplication)."""
    name, variant = base_name(rng, org)
    tags = [variant]
    if variant == "acronym" and rng.random() < 0.5:
        name = f"{name} ({org.city or org.country_name or ''})".replace(" ()", "")
    roll = rng.random()
    if roll < 0.15:
        name, tags = abbreviate(rng, name), [*tags, "abbrev"]
    elif roll < 0.27 and len(name) > 8:
        name, tags = typo(rng, name, 1 + (rng.random() < 0.3)), [*tags, "typo"]
    if rng.random() < 0.06:
        name, tags = (name.upper() if rng.random() < 0.5 else name.lower()), [*tags, "case"]
    if rng.random() < 0.08 and org.city and org.city not in name:
        name, tags = f"{name}, {org.city}", [*tags, "city"]
    return name, tags


def make_affiliation(rng: random.Random, org: Org) -> tuple[str, list[str]]:
    """A full affiliation string as a paper's author line would have it."""
    name, tags = make_name(rng, org)
    parts = [name]
    roll = rng.random()
    if roll < 0.35:
        unit = rng.choice(UNITS).format(rng.choice(SUBJECTS)) if rng.random() < 0.85 else rng.choice(FOREIGN_UNITS)
        parts.insert(0, unit)
        tags.append("subunit")
    if rng.random() < 0.25:
        street = f"{rng.randrange(1, 400)} {rng.choice(STREETS)}"
        postcode = f"{rng.randrange(10000, 99999)}"
        city = org.city or ""
        parts.append(f"{street}, {postcode} {city}".strip())
        tags.append("address")
        country = country_text(rng, org)
        if country:
            parts.append(country)
    elif rng.random() < 0.7:
        where = place(rng, org)
        if org.city and org.city in name:
            where = country_text(rng, org) or ""
        if where and where not in name:
            parts.append(where)
            tags.append("place")
    text = ", ".join(p for p in parts if p)
    if rng.random() < 0.04 and org.domains:
        who = f"{rng.choice('abcdefghijklmnoprstw')}.{rng.choice(SURNAMES)}"
        text = f"{text}. Electronic address: {who}@{org.domains[0]}"
        tags.append("email")
    return text, tags


def generate(orgs: list[Org], n: int, seed: int, mode: str) -> Iterator[tuple[int, str, str, str, str]]:
    """``n`` rows ``(row, text, country hint, ror_id, variant)``; Zipf-like popularity."""
    rng = random.Random(seed)
    order = list(range(len(orgs)))
    rng.shuffle(order)
    weights = [0.0] * len(orgs)
    for rank, i in enumerate(order, start=1):
        weights[i] = (3.0 if orgs[i].education else 1.0) / rank**0.6
    chosen = rng.choices(range(len(orgs)), weights=weights, k=n)
    make = make_affiliation if mode == "affiliations" else make_name
    for row, i in enumerate(chosen):
        org = orgs[i]
        text, tags = make(rng, org)
        hint = org.country if (org.country and rng.random() < 0.5) else ""
        yield row, text, hint or "", org.ror_id, "+".join(tags)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--mode", choices=("affiliations", "names"), default="affiliations")
    ap.add_argument("--seed", type=int, default=8)
    ap.add_argument("--ror", type=Path, default=DEFAULT_ROR, help="folder of ROR JSON Lines files")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "affiliations.csv")
    args = ap.parse_args(argv)
    start = time.perf_counter()
    orgs = load_orgs(args.ror)
    if not orgs:
        print(f"no ROR records under {args.ror}", file=sys.stderr)
        return 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(("row", "text", "country", "ror_id", "variant"))
        writer.writerows(generate(orgs, args.n, args.seed, args.mode))
    took = time.perf_counter() - start
    print(f"{args.n:,} {args.mode} from {len(orgs):,} ROR records -> {args.out} in {took:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
