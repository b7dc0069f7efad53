"""Hypothesis strategies for every public record class. New classes add theirs here."""

from __future__ import annotations

import datetime as dt
import string

import pycountry
from hypothesis import strategies as st

import partnerkit as pk
from partnerkit._model._records import clean_text

# Names: any printable text in many scripts, with at least one visible character.
_visible = st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp", "Zs", "Cf"))
names = st.text(alphabet=st.one_of(_visible, st.sampled_from(" -.,'()&")), min_size=1, max_size=40).filter(
    lambda s: bool(s.strip())
)


@st.composite
def clean_names(draw: st.DrawFn) -> str:
    """A name as partnerkit keeps it (already cleaned)."""
    return pk.Party(draw(names)).name


countries = st.sampled_from(sorted(c.alpha_2 for c in pycountry.countries))
idents = st.text(alphabet=string.ascii_lowercase + string.digits + "-_", min_size=1, max_size=12)


@st.composite
def partial_dates(draw: st.DrawFn) -> pk.PartialDate:
    d = draw(st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))
    precision = draw(st.sampled_from(["year", "month", "day"]))
    if precision == "year":
        return pk.PartialDate(d.year)
    if precision == "month":
        return pk.PartialDate(d.year, d.month)
    return pk.PartialDate(d.year, d.month, d.day)


datetimes = st.datetimes(
    min_value=dt.datetime(1970, 1, 2), max_value=dt.datetime(2100, 1, 1), timezones=st.just(dt.UTC)
)

relationships = st.builds(
    pk.Relationship, type=st.sampled_from(pk.RelationType), id=idents, label=st.none() | clean_names()
)

institutions = st.builds(
    pk.Institution,
    id=idents,
    name=clean_names(),
    acronyms=st.lists(clean_names(), max_size=3, unique=True).map(tuple),
    aliases=st.lists(clean_names(), max_size=3, unique=True).map(tuple),
    labels=st.dictionaries(st.sampled_from(["ru", "zh", "de", "fr", "es"]), clean_names(), max_size=3),
    country=st.none() | countries,
    city=st.none() | clean_names(),
    kind=st.sampled_from(pk.InstitutionKind),
    identifiers=st.dictionaries(st.sampled_from(["ror", "grid", "wikidata", "isni"]), idents, max_size=3),
    domains=st.lists(st.from_regex(r"[a-z]{2,8}\.(edu|ru|cn|org)", fullmatch=True), max_size=2, unique=True).map(tuple),
    relationships=st.lists(relationships, max_size=3).map(tuple),
    status=st.sampled_from(["active", "inactive", "withdrawn"]),
)

parties = st.builds(pk.Party, clean_names(), institution_id=st.none() | idents, role=st.none() | clean_names())

evidence = st.builds(
    pk.Evidence,
    quote=clean_names(),
    source=st.none() | clean_names(),
    locator=st.none() | st.from_regex(r"https://news\.example\.edu/[a-z0-9]{1,10}", fullmatch=True),
    published=st.none() | partial_dates(),
    retrieved=st.none() | datetimes,
)

locations = st.one_of(
    st.builds(pk.Location, city=clean_names(), country=st.none() | countries),
    st.builds(pk.Location, country=countries),
)


@st.composite
def partnerships(draw: st.DrawFn) -> pk.Partnership:
    started = draw(st.none() | partial_dates())
    ended = draw(st.none() | partial_dates())
    if started and ended and ended < started:
        started, ended = ended, started
    return pk.Partnership(
        kind=draw(st.sampled_from(pk.PartnershipKind)),
        parties=tuple(draw(st.lists(parties, min_size=1, max_size=4))),
        status=draw(st.sampled_from(pk.Status)),
        date=draw(st.none() | partial_dates()),
        started=started,
        ended=ended,
        location=draw(st.none() | locations),
        fields=tuple(draw(st.lists(clean_names(), max_size=3, unique=True))),
        evidence=tuple(draw(st.lists(evidence, max_size=3))),
        id=draw(st.none() | idents),
    )


mentions = st.builds(
    lambda text, start, inst: pk.Mention(text=text, start=start, end=start + len(text), institution_id=inst),
    clean_names(),
    st.integers(0, 10_000),
    st.none() | idents,
)

articles = st.builds(
    pk.Article,
    title=st.none() | clean_names(),
    text=st.text(max_size=200),
    url=st.none() | st.from_regex(r"https://news\.example\.edu/[a-z0-9]{1,10}", fullmatch=True),
    published=st.none() | partial_dates(),
    publisher=st.none() | clean_names(),
    language=st.none() | st.sampled_from(["en", "ru", "zh"]),
)

provenances = st.builds(
    pk.Provenance,
    source=st.sampled_from(["csv", "jsonl", "rss", "ror", "text"]),
    plugin_version=st.none() | st.just("1.0"),
    locator=st.none() | st.from_regex(r"[a-z]{1,8}\.csv row [0-9]{1,4}", fullmatch=True),
    fetched=st.none() | datetimes,
    native_id=st.none() | idents,
)

#: Every public record class with its strategy; the codec tests round-trip each.
ALL_RECORDS = {
    pk.Institution: institutions,
    pk.Party: parties,
    pk.Evidence: evidence,
    pk.Location: locations,
    pk.Partnership: partnerships(),
    pk.Mention: mentions,
    pk.Article: articles,
    pk.Provenance: provenances,
    pk.Relationship: relationships,
}


# --- sources ---------------------------------------------------------------------------

_ror_chars = "0123456789abcdefghjkmnpqrstvwxyz"
ror_ids = st.builds(
    lambda middle, tail: f"0{middle}{tail:02d}",
    st.text(alphabet=_ror_chars, min_size=6, max_size=6),
    st.integers(0, 99),
)


@st.composite
def ror_v2_records(draw: st.DrawFn) -> tuple[dict[str, object], pk.Institution]:
    """A ROR schema v2 record and the Institution partnerkit-ror must make of it."""
    inst = draw(institutions)
    short = draw(ror_ids)
    aliases = tuple(a for a in inst.aliases if a != inst.name)
    acronyms = inst.acronyms
    labels = {lang: v for lang, v in inst.labels.items() if v != inst.name}
    names: list[dict[str, object]] = [{"value": inst.name, "types": ["ror_display", "label"], "lang": "en"}]
    names += [{"value": a, "types": ["alias"], "lang": None} for a in aliases]
    names += [{"value": a, "types": ["acronym"], "lang": None} for a in acronyms]
    names += [{"value": v, "types": ["label"], "lang": lang} for lang, v in labels.items()]
    location = {"geonames_id": 1, "geonames_details": {"country_code": inst.country, "name": inst.city}}
    ids = {k: v for k, v in inst.identifiers.items() if k != "ror"}
    record: dict[str, object] = {
        "id": f"https://ror.org/{short}",
        "names": draw(st.permutations(names)),
        "status": inst.status,
        "types": [inst.kind.value] if inst.kind.value in ("education", "funder", "company", "other") else ["other"],
        "locations": [location] if inst.country else [],
        "external_ids": [{"type": k, "all": [v], "preferred": v} for k, v in ids.items()],
        "links": [],
        "domains": list(inst.domains),
        "relationships": [],
    }
    expected = pk.Institution(
        id=f"https://ror.org/{short}",
        name=inst.name,
        acronyms=acronyms,
        aliases=aliases,
        labels=labels,
        country=inst.country,
        city=inst.city if inst.country else None,
        kind=record["types"][0],  # type: ignore[index]
        identifiers={"ror": short, **ids},
        domains=inst.domains,
        status=inst.status,
    )
    return record, expected


# --- merging partnership records: names one institution is written with, and odd strings ---

#: Names as news and registries write them: full names, acronyms, abbreviations, other scripts,
#: near-misses (another institution whose acronym or words come close).
merge_name_pool = (
    "ITMO University", "ITMO", "Университет ИТМО", "ITMO Univ.",
    "Huazhong University of Science and Technology", "HUST", "Hanoi University of Science and Technology",
    "Tomsk State University", "Tomsk State Univ.", "TSU", "Tomsk State University of Technology",
    "Siberian Federal University", "SibFU", "Saint Petersburg State University", "SPbU", "СПбГУ",
    "Санкт-Петербургский государственный университет", "Lomonosov Moscow State University", "MSU",
    "Moscow State University", "Massachusetts Institute of Technology", "MIT", "M.I.T.",
    "Universidad Nacional Autónoma de México", "UNAM", "Technische Universität München", "TUM",
    "Technical University of Munich", "University of Tokyo", "Tokyo University", "EUA",
    "European University Association", "Kalashnikov ISTU", "Izhevsk State Technical University",
    "Texas A&M University", "Straße der Universität", "the University",
)  # fmt: skip
merge_names = st.one_of(
    st.sampled_from(merge_name_pool),
    st.text(alphabet="ABSTUabstuß1. -&и()", min_size=1, max_size=12).filter(lambda s: bool(clean_text(s))),
)


#: Dates of one deal and of others, with full dates days apart across a month's and a year's end.
merge_dates = ("2011", "2020", "2021", "2021-04", "2021-04-27", "2021-04-29", "2021-05-20", "2020-12-30", "2021-01-02")


@st.composite
def merge_records(draw: st.DrawFn, names: st.SearchStrategy[str] = merge_names) -> pk.Partnership:
    """A partnership record as extraction and sources report it, drawn so that many pairs are close."""
    kind = draw(st.sampled_from(pk.PartnershipKind))
    location = None
    if kind is pk.PartnershipKind.OFFICE:
        location = draw(
            st.none()
            | st.sampled_from([pk.Location(city="Brussels", country="BE"), pk.Location(country="BE"),
                               pk.Location(city="Beijing", country="CN"), pk.Location(country="CN")])
        )  # fmt: skip
    return pk.Partnership(
        kind=kind,
        parties=tuple(
            draw(
                st.lists(
                    st.builds(pk.Party, names, institution_id=st.none() | st.sampled_from(["itmo", "hust", "x"])),
                    min_size=1,
                    max_size=3,
                )
            )
        ),
        date=draw(st.none() | st.sampled_from(merge_dates)),
        location=location,
        evidence=tuple(draw(st.lists(evidence, max_size=1))),
    )


#: Words of runs of capitalised words as extraction cuts them into names: heads (singular, plural,
#: unit, head-first), determiners, splitters and "of" words of several languages, acronyms, a city,
#: plain capitalised and lower-case words.
split_run_words = (  # noqa: SIM905
    "University Universities Universität Institute Ministry Department Faculty School Hospital Hochschule "
    "Universidad Universidades Academy Centre Hamburg Glasgow Paris Nanyang Technological Education "
    "ITMO HUST UCLouvain NASA Grupo Asociación Network the The la de del des der of Of for and And y et "
    "und & e sur public"
).split()


@st.composite
def split_runs(draw: st.DrawFn, max_size: int = 14) -> list[tuple[int, int, str]]:
    """A run of words with their (start, end) offsets, as ``_extract._patterns._runs`` yields it."""
    words = draw(st.lists(st.sampled_from(split_run_words), min_size=1, max_size=max_size))
    run, at = [], 0
    for word in words:
        run.append((at, at + len(word), word))
        at += len(word) + 1
    return run
