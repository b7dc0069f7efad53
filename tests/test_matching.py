"""Registry, match, compare and dedupe (partnerkit._matching): what users rely on."""

from __future__ import annotations

import csv
import pickle
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import partnerkit as pk
from partnerkit._matching import match_batch
from partnerkit._matching._index import FORMAT_VERSION
from tests import strategies as pst

INSTITUTIONS = [
    pk.Institution(id="itmo", name="ITMO University", acronyms=("ITMO",), labels={"ru": "Университет ИТМО"},
                   aliases=("Saint Petersburg National Research University of Information Technologies, "
                            "Mechanics and Optics",), country="RU", city="Saint Petersburg", domains=("itmo.ru",)),
    pk.Institution(id="hust-cn", name="Huazhong University of Science and Technology", acronyms=("HUST",),
                   country="CN", city="Wuhan"),
    pk.Institution(id="hust-vn", name="Hanoi University of Science and Technology", acronyms=("HUST",),
                   country="VN", city="Hanoi"),
    pk.Institution(id="msu", name="Lomonosov Moscow State University", aliases=("Moscow State University",),
                   acronyms=("MSU",), country="RU", city="Moscow"),
    pk.Institution(id="msu-us", name="Michigan State University", acronyms=("MSU",), country="US",
                   city="East Lansing"),
    pk.Institution(id="whu", name="Wuhan University", country="CN", city="Wuhan"),
    pk.Institution(id="whut", name="Wuhan University of Technology", country="CN", city="Wuhan"),
    pk.Institution(id="tsu", name="Tomsk State University", country="RU", city="Tomsk"),
    pk.Institution(id="tusur", name="Tomsk State University of Control Systems and Radioelectronics",
                   acronyms=("TUSUR",), country="RU", city="Tomsk"),
    pk.Institution(id="iitd", name="Indian Institute of Technology Delhi", country="IN", city="Delhi"),
    pk.Institution(id="iitb", name="Indian Institute of Technology Bombay", country="IN", city="Bombay"),
    pk.Institution(id="tum", name="Technical University of Munich", acronyms=("TUM",),
                   labels={"de": "Technische Universität München"}, country="DE", city="Munich"),
]  # fmt: skip


@pytest.fixture(scope="module")
def registry() -> pk.Registry:
    return pk.Registry(INSTITUTIONS)


def test_registry_is_a_collection(registry: pk.Registry) -> None:
    assert len(registry) == len(INSTITUTIONS)
    assert [i.id for i in registry] == [i.id for i in INSTITUTIONS]
    assert registry.get("itmo") is INSTITUTIONS[0]
    assert registry.get("nope") is None
    assert "itmo" in registry


def test_duplicate_ids_are_rejected() -> None:
    with pytest.raises(pk.RecordError, match="duplicate"):
        pk.Registry([INSTITUTIONS[0], INSTITUTIONS[0]])


TABLE = [
    {"description": "abbreviation", "query": "Univ. ITMO", "country": None, "expected": ("itmo", "match")},
    {"description": "other script", "query": "Университет ИТМО", "country": None, "expected": ("itmo", "match")},
    {"description": "affiliation string", "query": "Dept. of Photonics, ITMO University, St. Petersburg 197101, Russia",
     "country": None, "expected": ("itmo", "match")},
    {"description": "affiliation with faculty", "query": "Moscow State Univ., Faculty of Physics, Moscow, Russia",
     "country": None, "expected": ("msu", "match")},
    {"description": "acronym with country hint", "query": "HUST", "country": "CN", "expected": ("hust-cn", "match")},
    {"description": "country hint by name", "query": "MSU", "country": "Russia", "expected": ("msu", "match")},
    {"description": "name with its acronym", "query": "Huazhong University of Science and Technology (HUST)",
     "country": None, "expected": ("hust-cn", "match")},
    {"description": "umlaut spelled ue", "query": "Technische Universitaet Muenchen", "country": None,
     "expected": ("tum", "match")},
    {"description": "shorter name is not the longer one", "query": "Wuhan University", "country": None,
     "expected": ("whu", "match")},
    {"description": "Tomsk", "query": "Tomsk State University", "country": None, "expected": ("tsu", "match")},
]  # fmt: skip


@pytest.mark.parametrize("case", TABLE, ids=[c["description"] for c in TABLE])
def test_match_table(registry: pk.Registry, case: dict[str, object]) -> None:
    found = registry.match(str(case["query"]), case["country"])  # type: ignore[arg-type]
    assert (found[0].institution.id, found[0].decision.value) == case["expected"], str(found[0].explanation)


@pytest.mark.parametrize(("query", "ids"), [("HUST", {"hust-cn", "hust-vn"}), ("MSU", {"msu", "msu-us"})])
def test_ambiguous_names_are_possible_with_all_candidates(registry: pk.Registry, query: str, ids: set[str]) -> None:
    """Without a deciding hint an ambiguous acronym is never a confident MATCH."""
    found = registry.match(query)
    assert {m.institution.id for m in found if m.decision is pk.Decision.POSSIBLE} == ids
    assert not [m for m in found if m.decision is pk.Decision.MATCH]


def test_generic_name_lists_every_campus(registry: pk.Registry) -> None:
    found = registry.match("Indian Institute of Technology")
    assert {m.institution.id for m in found if m.decision is pk.Decision.POSSIBLE} == {"iitd", "iitb"}


def test_unknown_names_are_not_matched(registry: pk.Registry) -> None:
    """Precision first: a name not in the registry is never a MATCH."""
    for query in ("Harvard University", "Wuhan Institute of Technology", "Tomsk Polytechnic University",
                  "Moscow Institute of Physics and Technology", "ITMO Lyceum of Moscow"):  # fmt: skip
        assert all(m.decision is not pk.Decision.MATCH for m in registry.match(query)), query


UNIQUE = [
    pk.Institution(id="hl", name="Hamm-Lippstadt University of Applied Sciences", country="DE", city="Hamm"),
    pk.Institution(id="whut", name="Wuhan University of Technology", country="CN", city="Wuhan"),
    pk.Institution(id="reunion", name="University of Reunion Island", country="RE", city="Saint-Denis"),
    pk.Institution(id="ca", name="University of Cagliari", country="IT", city="Cagliari"),
    pk.Institution(id="kobe", name="Kobe University", country="JP", city="Kobe"),
    pk.Institution(id="kobe-gakuin", name="Kobe Gakuin University", country="JP", city="Kobe"),
    pk.Institution(id="imust", name="Inner Mongolia University of Science and Technology",
                   labels={"zh": "内蒙古科技大学"}, country="CN"),
    pk.Institution(id="geely", name="Geely University of China", labels={"zh": "吉利学院"}, country="CN"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("query", "country", "expected"),
    [
        ("Hochschule Hamm-Lippstadt", None, "hl"),  # extra words: the qualifier "applied sciences"
        ("Università degli Studi di Cagliari", None, "ca"),
        ("Wuhan University", None, None),  # "technology" is a field word: Wuhan rule
        ("Cagliari University Hospital", None, None),  # a hospital is another kind of body
        ("Kobe College", None, None),  # two institutions carry "kobe"
        ("Hamm-Lippstadt Lyceum", None, None),  # a word the registry does not have
        ("Inner Mongolia University of Technology", None, None),  # "science" alone is no qualifier
        ("内蒙古工业大学", None, None),  # the same, in Chinese
        ("吉利学院", None, "geely"),  # its very label
        ("吉利", None, None),  # one transliterated word without a hint (Geely is a car maker too)
        ("吉利", "CN", "geely"),  # ... with a hint
    ],
)
def test_a_name_only_one_institution_can_carry_is_a_match(
    query: str, country: str | None, expected: str | None
) -> None:
    """All the query's distinctive words in one institution's name and no other's: MATCH, with the reason."""
    found = pk.Registry(UNIQUE).match(query, country)
    matched = [m for m in found if m.decision is pk.Decision.MATCH]
    assert [m.institution.id for m in matched] == ([expected] if expected else [])
    if expected and "Unique" not in str(matched[0].explanation):
        assert any(r.rule == "same_name" for r in matched[0].explanation)


def test_tu_berlin_is_its_acronym() -> None:
    reg = pk.Registry([pk.Institution(id="tub", name="Technische Universität Berlin", country="DE", city="Berlin"),
                       pk.Institution(id="tum", name="Technische Universität München", country="DE")])  # fmt: skip
    best = reg.match("TU Berlin", country="DE")[0]
    assert (best.institution.id, best.decision) == ("tub", pk.Decision.MATCH)
    assert "inline_acronym" in [r.rule for r in best.explanation]


def test_same_name_in_two_institutions_is_ambiguous() -> None:
    reg = pk.Registry([pk.Institution(id="a", name="Institute of Physics", country="CZ"),
                       pk.Institution(id="b", name="Institute of Physics", country="HR")])  # fmt: skip
    found = reg.match("Institute of Physics")
    assert [m.decision for m in found] == [pk.Decision.POSSIBLE] * 2
    assert "Ambiguous" in str(found[0].explanation)
    assert reg.match("Institute of Physics", "Croatia")[0].decision is pk.Decision.MATCH


@settings(deadline=None, max_examples=30)
@given(st.text(max_size=60), st.none() | pst.countries)
def test_at_most_one_match_and_scores_in_range(text: str, country: str | None) -> None:
    found = pk.Registry(INSTITUTIONS).match(text, country, limit=10)
    assert sum(m.decision is pk.Decision.MATCH for m in found) <= 1
    assert all(0.0 <= m.score <= 1.0 for m in found)
    assert [m.score for m in found] == sorted((m.score for m in found), reverse=True)


def test_match_explains_itself(registry: pk.Registry) -> None:
    best = registry.match("ITMO Univ.")[0]
    assert best.name == "ITMO University"
    assert best.query == "ITMO Univ."
    assert "same_name" in [r.rule for r in best.explanation]
    assert best.to_dict()["institution_id"] == "itmo"


def test_bad_country_hint_is_a_config_error(registry: pk.Registry) -> None:
    with pytest.raises(pk.ConfigError):
        registry.match("ITMO", country="Atlantis")


def test_match_many_streams(registry: pk.Registry) -> None:
    names = iter(["ITMO University", "HUST", "Wuhan University"])
    results = registry.match_many(names, countries=iter([None, "VN", None]), limit=1)
    assert [r[0].institution.id for r in results] == ["itmo", "hust-vn", "whu"]


def test_match_many_reads_a_column_with_gaps_and_bad_hints(
    registry: pk.Registry, caplog: pytest.LogCaptureFixture
) -> None:
    """A data column of a million rows holds NaNs and cells such as "EU": match_many gives [] for a
    missing name and matches a row whose hint names no country without it (one warning naming the
    item), instead of stopping the run there; a wrong type names its item."""
    names = ["ITMO University", None, float("nan"), "ITMO University", "ITMO University"]
    with caplog.at_level("WARNING", logger="partnerkit"):
        out = list(registry.match_many(names, ["RU", "RU", None, "EU", "EU"], limit=1))
    assert [[m.institution.id for m in r] for r in out] == [["itmo"], [], [], ["itmo"], ["itmo"]]
    assert [r.getMessage() for r in caplog.records] == [
        "countries item 3: 'EU' is not a country; matched without a country hint (each such value is reported once)"
    ]
    with pytest.raises(TypeError, match="names item 1: expected a name"):
        list(registry.match_many(["ITMO University", 42]))
    with pytest.raises(TypeError, match="countries item 0: expected a country"):
        list(registry.match_many(["ITMO University"], [7]))


def test_match_many_gives_spreadsheet_error_values_no_match(caplog: pytest.LogCaptureFixture) -> None:
    """A "#N/A" cell (a failed formula exported to CSV) is no name: [] as for a missing one (it matched
    "N/A University"), with one warning at the end of the run counting such cells."""
    reg = pk.Registry(
        [pk.Institution(id="na", name="N/A University"), pk.Institution(id="itmo", name="ITMO University")]
    )
    with caplog.at_level("WARNING", logger="partnerkit"):
        out = list(reg.match_many(["#N/A", "ITMO University", " #N/A", "#DIV/0!", "  "], limit=1))
    assert [[m.institution.id for m in r] for r in out] == [[], ["itmo"], [], [], []]
    assert [r.getMessage() for r in caplog.records] == [
        "names: 3 spreadsheet error values (#N/A x2, #DIV/0! x1) name no institution: no match"
    ]


def test_save_and_load_round_trip(registry: pk.Registry, tmp_path: Path) -> None:
    path = tmp_path / "reg.pkreg"
    registry.save(path)
    loaded = pk.Registry.load(path)
    assert list(loaded) == list(registry)
    assert loaded.match("Univ. ITMO")[0].institution.id == "itmo"


def test_load_refuses_other_files(tmp_path: Path) -> None:
    bad = tmp_path / "x.pkreg"
    bad.write_bytes(b"hello")
    with pytest.raises(pk.ConfigError, match="not a partnerkit registry"):
        pk.Registry.load(bad)
    with pytest.raises(pk.ConfigError, match="cannot read"):
        pk.Registry.load(tmp_path / "missing")
    old = tmp_path / "old.pkreg"
    old.write_bytes(b"partnerkit-registry\n" + pickle.dumps((0, None)))
    with pytest.raises(pk.ConfigError, match="rebuild"):
        pk.Registry.load(old)


def _saved(registry: pk.Registry, tmp_path: Path) -> bytes:
    registry.save(tmp_path / "reg.pkreg")
    return (tmp_path / "reg.pkreg").read_bytes()


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda b: b[: len(b) // 2], "truncated or altered"),  # a copy cut short
        (lambda b: b[:40], "damaged registry file"),  # cut inside the header line
        (lambda b: b.replace(b"ITMO University", b"ITMO Universitx"), "checksum does not match: truncated or altered"),
        (
            lambda b: b.replace(f"format {FORMAT_VERSION} ".encode(), b"format 99 ", 1),
            f"format 99, this partnerkit reads format {FORMAT_VERSION}; rebuild",
        ),
    ],
)
def test_load_refuses_damaged_files_by_name(registry: pk.Registry, tmp_path: Path, damage: Any, message: str) -> None:
    """A truncated, altered or other-version file is a ConfigError naming the file, never garbage."""
    data = damage(_saved(registry, tmp_path))
    bad = tmp_path / "bad.pkreg"
    bad.write_bytes(data)
    with pytest.raises(pk.ConfigError, match=message) as info:
        pk.Registry.load(bad)
    assert str(bad) in str(info.value)


@pytest.mark.parametrize(
    ("old", "new"),
    [(b"partnerkit._matching._index", b"partnerkit._matching._indx_"), (b"\x8c\x05Index", b"\x8c\x05Indey")],
)
def test_load_of_a_file_naming_classes_this_version_lacks_is_a_config_error(
    registry: pk.Registry, tmp_path: Path, old: bytes, new: bytes
) -> None:
    """A file of the earlier layout (no checksum) whose classes moved in this version: ConfigError, not
    ModuleNotFoundError / AttributeError from deep inside pickle."""
    payload = pickle.dumps((FORMAT_VERSION, registry.index), protocol=pickle.HIGHEST_PROTOCOL)
    assert old in payload
    bad = tmp_path / "old.pkreg"
    bad.write_bytes(b"partnerkit-registry\n" + payload.replace(old, new, 1))
    with pytest.raises(
        pk.ConfigError, match=r"one an older partnerkit wrote \((ModuleNotFoundError|AttributeError)\); rebuild it"
    ):
        pk.Registry.load(bad)


def test_a_failed_save_leaves_no_partial_file(
    registry: pk.Registry, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A save that fails (a full disk) leaves the folder as it was: no ``.tmp`` file beside it."""

    def full_disk(self: Path, target: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "replace", full_disk)
    with pytest.raises(OSError, match="No space left"):
        registry.save(tmp_path / "reg.pkreg")
    assert list(tmp_path.iterdir()) == []


def test_load_reads_the_earlier_layout(registry: pk.Registry, tmp_path: Path) -> None:
    """Files saved before the checksum line was added still load."""
    old = tmp_path / "old.pkreg"
    old.write_bytes(
        b"partnerkit-registry\n" + pickle.dumps((FORMAT_VERSION, registry.index), protocol=pickle.HIGHEST_PROTOCOL)
    )
    assert list(pk.Registry.load(old)) == list(registry)


@settings(max_examples=40, deadline=None)
@given(st.lists(pst.institutions, min_size=1, max_size=4, unique_by=lambda i: i.id))
def test_index_profiles_hold_each_names_own_sets_and_share_the_empty_ones(insts: list[pk.Institution]) -> None:
    """The rules see the same profile of a registered name whatever the index shares between profiles.

    The profiles an index keeps for its names live as long as the registry (the cyclic
    collector walks each of their sets at every full collection), so equal sets are one object.
    """
    from partnerkit.rules import WEAK_TOKENS

    index = pk.Registry(insts).index
    got = [index.profile(n) for n in range(len(index.keys))]
    for n, p in enumerate(got):
        inst = index.name_inst[n]
        acr = index.acronyms[n] or None
        tokens = frozenset(index.keys[n].split())
        assert (p.text, p.key, p.tokens) == (index.texts[n], index.keys[n], tokens)
        assert p.distinctive == frozenset(t for t in tokens if t not in WEAK_TOKENS)
        assert p.acronyms == frozenset(index.inst_acronyms[inst]) | ({acr} if acr else frozenset())
        assert p.derived == frozenset(index.derived[n].split())
        assert (p.institution_id, p.country) == (insts[inst].id, insts[inst].country)
        assert index.profile(n) is p
    empty = [s for p in got for s in (p.distinctive, p.acronyms, p.derived) if not s]
    assert all(s is empty[0] for s in empty)


def test_match_batch_is_a_pure_function_of_a_picklable_index(registry: pk.Registry) -> None:
    """The compiled index survives pickling: batches can run on other processes."""
    index = pickle.loads(pickle.dumps(registry.index))
    out = match_batch(index, ["ITMO University", "HUST"], ["RU", "CN"], limit=1)
    assert [r[0].institution.id for r in out] == ["itmo", "hust-cn"]


def test_compare_names_and_institutions() -> None:
    assert pk.compare("ITMO University", "Университет ИТМО").decision is pk.Decision.MATCH
    assert pk.compare(INSTITUTIONS[0], INSTITUTIONS[3]).decision is pk.Decision.NON_MATCH
    twin = pk.Institution(id="x", name="Университет ИТМО", country="RU")
    assert pk.compare(INSTITUTIONS[0], twin).decision is pk.Decision.MATCH
    with pytest.raises(TypeError):
        pk.compare("a", 3)  # type: ignore[arg-type]


@settings(deadline=None, max_examples=30)
@given(pst.clean_names(), pst.clean_names())
def test_compare_is_symmetric(a: str, b: str) -> None:
    assert pk.compare(a, b).decision == pk.compare(b, a).decision


def test_dedupe_clusters_with_explanations() -> None:
    names = ["ITMO University", "ITMO Univ.", "Университет ИТМО", "ITMO University", "Wuhan University",
             "Wuhan University of Technology", "Wuhan Univ."]  # fmt: skip
    clusters = pk.dedupe(names)
    assert [(c.canonical, c.count) for c in clusters] == [
        ("ITMO University", 4), ("Wuhan University", 2), ("Wuhan University of Technology", 1)]  # fmt: skip
    assert set(clusters[0].members) == {"ITMO University", "ITMO Univ.", "Университет ИТМО"}
    assert len(clusters[0].links) == 2
    assert all(e.decision is pk.Decision.MATCH for e in clusters[0].explanations)


def test_dedupe_does_not_chain_through_ambiguous_names() -> None:
    """Acronyms alone never join clusters; distinct institutions stay apart."""
    clusters = pk.dedupe(["MSU", "Moscow State University", "Michigan State University", "MSU"])
    assert len(clusters) == 3


def test_dedupe_with_registry_attaches_institutions(registry: pk.Registry) -> None:
    clusters = pk.dedupe(["ITMO University", "Университет ИТМО", "Saint Petersburg National Research University of "
                          "Information Technologies, Mechanics and Optics", "Nowhere College"], registry)  # fmt: skip
    by_canon = {c.canonical: c for c in clusters}
    itmo = next(c for c in clusters if c.institution is not None)
    assert itmo.institution is not None
    assert itmo.institution.id == "itmo"
    assert len(itmo.members) == 3
    assert by_canon["Nowhere College"].institution is None


def test_dedupe_rejects_non_strings() -> None:
    with pytest.raises(pk.RecordError, match="item 1"):
        pk.dedupe(["a", 3])  # type: ignore[list-item]


def test_an_acronym_matches_only_when_it_stands_out() -> None:
    """An acronym that is also the initials of another candidate in the hinted country stays POSSIBLE."""
    mcc = pk.Institution(id="mcc", name="Manchester Community College", acronyms=("MCC",), country="US")
    mott = pk.Institution(id="mott", name="Mott Community College", country="US")
    other = pk.Institution(id="mcc-ca", name="Mohawk Community College", country="CA")
    alone = pk.Registry([mcc, other])
    assert [(m.institution.id, m.decision) for m in alone.match("MCC", country="US")] == [("mcc", pk.Decision.MATCH)]
    found = pk.Registry([mcc, mott, other]).match("MCC", country="US")
    assert [m.decision for m in found] == [pk.Decision.POSSIBLE, pk.Decision.POSSIBLE]
    assert "Ambiguous" in str(found[0].explanation)
    assert all(m.decision is pk.Decision.POSSIBLE for m in pk.Registry([mcc, mott, other]).match("MCC"))


_DEDUPE_REGISTRY = [
    pk.Institution(id="itmo", name="ITMO University", acronyms=("ITMO",), labels={"ru": "Университет ИТМО"},
                   country="RU"),
    pk.Institution(id="hust-cn", name="Huazhong University of Science and Technology", acronyms=("HUST",),
                   labels={"zh": "华中科技大学"}, country="CN"),
    pk.Institution(id="hust-vn", name="Hanoi University of Science and Technology", acronyms=("HUST",), country="VN"),
    pk.Institution(id="thu", name="Tsinghua University", labels={"zh": "清华大学"}, country="CN"),
    pk.Institution(id="mgu-in", name="Mahatma Gandhi University", acronyms=("MGU",), country="IN"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("description", "names", "countries", "name", "expected"),
    [
        ("an acronym only one institution carries joins it", ["ITMO University", "ITMO"], None, "ITMO",
         ("itmo", "ITMO University", "match")),
        ("a label in another script joins its institution", ["Tsinghua Univ", "清华大学"], None, "清华大学",
         ("thu", "Tsinghua University", "match")),
        ("a shared acronym stays apart, POSSIBLE", ["Huazhong University of Science and Technology", "HUST"], None,
         "HUST", (None, "HUST", "possible")),
        ("a country hint settles a shared acronym", ["Huazhong University of Science and Technology", "HUST"],
         [None, "China"], "HUST", ("hust-cn", "Huazhong University of Science and Technology", "match")),
        ("a Cyrillic acronym does not join a transliterated one", ["Mahatma Gandhi University", "МГУ"], None, "МГУ",
         (None, "МГУ", "possible")),
        ("a name the registry lacks stays unattached", ["Nowhere College"], None, "Nowhere College",
         (None, "Nowhere College", "non_match")),
    ],
)  # fmt: skip
def test_dedupe_attaches_members_to_registry_institutions(
    description: str, names: list[str], countries: list[str | None] | None, name: str, expected: tuple[object, ...]
) -> None:
    """With a registry, names resolving to one institution share its cluster, named after it."""
    clusters = pk.dedupe(names, pk.Registry(_DEDUPE_REGISTRY), countries=countries)
    cluster = next(c for c in clusters if name in c.members)
    decision = cluster.decision.value if cluster.decision else None
    assert (cluster.institution.id if cluster.institution else None, cluster.canonical, decision) == expected, (
        description
    )


def test_dedupe_country_hints() -> None:
    """Names with different country hints never join; a bad hint is an error naming its position."""
    clusters = pk.dedupe(["Tomsk State University", "Tomsk State University"], countries=["RU", None])
    assert len(clusters) == 1
    assert clusters[0].decision is None
    assert len(pk.dedupe(["Institute of Physics", "Institute of Physics (HR)"], countries=["HR", "DE"])) == 2
    with pytest.raises(pk.RecordError, match="countries item 1"):
        pk.dedupe(["a", "b"], countries=["RU", "Atlantis"])
    with pytest.raises(pk.RecordError, match="one hint"):
        pk.dedupe(["a", "b"], countries=["RU"])


def test_one_name_given_two_countries_makes_one_cluster_per_country() -> None:
    """The same text with two country hints is two institutions' name: clustered per (name, country)."""
    reg = pk.Registry(_DEDUPE_REGISTRY)
    got = pk.dedupe(["HUST", "HUST"], reg, countries=["CN", "VN"])
    assert sorted((c.members, c.count, c.institution.id if c.institution else None) for c in got) == [
        (("HUST",), 1, "hust-cn"),
        (("HUST",), 1, "hust-vn"),
    ]
    # rows without a hint beside two countries stay apart (POSSIBLE), beside one country they join it
    got = pk.dedupe(["HUST", "HUST", "HUST"], reg, countries=["China", "VN", None])
    assert sorted(c.decision.value for c in got if c.decision) == ["match", "match", "possible"]
    got = pk.dedupe(["HUST", "HUST"], reg, countries=["CN", None])
    assert [(c.count, c.institution.id if c.institution else None) for c in got] == [(2, "hust-cn")]
    assert len(pk.dedupe(["HUST", "HUST"], countries=["CN", "VN"])) == 2  # without a registry too


@pytest.mark.parametrize(
    "nothing", ["", "   ", "\t\u00a0", "#N/A", " #REF! ", "#VALUE!", "#NAME?", "#DIV/0!", "#SPILL!"]
)
def test_names_naming_nothing_join_no_cluster(nothing: str, caplog: pytest.LogCaptureFixture) -> None:
    """An empty or blank name, or a spreadsheet error value (a CSV export of a failed formula), made one
    cluster of its own that joined every such row; it now joins no cluster, and its row's cluster is None."""
    from partnerkit._matching._dedupe import dedupe_rows

    names = ["ITMO University", nothing, "ITMO Univ.", nothing, "Wuhan University"]
    with caplog.at_level("WARNING", logger="partnerkit"):
        clusters = pk.dedupe(names)
        got, where = dedupe_rows(names, countries=["RU", None, "RU", "DE", None])
    assert [(c.canonical, c.count) for c in clusters] == [("ITMO University", 2), ("Wuhan University", 1)]
    assert [got[i].canonical if i is not None else None for i in where] == [
        "ITMO University",
        None,
        "ITMO University",
        None,
        "Wuhan University",
    ]
    warned = [r.getMessage() for r in caplog.records]
    if nothing.strip():  # an error value is counted in one warning per call; a blank name is no mistake
        assert (
            warned
            == [
                f"names: 2 spreadsheet error values ({nothing.strip()} x2) name no institution: "
                "left out of the clusters"
            ]
            * 2
        )
    else:
        assert warned == []
    assert pk.dedupe([nothing, nothing]) == []
    assert [c.canonical for c in pk.dedupe(["#1 University", "#1 University"])] == ["#1 University"]  # not an error


def test_dedupe_rows_join_each_row_to_its_cluster_by_position() -> None:
    """A row is joined back to its cluster by position: its text alone can be in two clusters."""
    from partnerkit._matching._dedupe import dedupe_rows

    names = ["HUST", "ITMO University", "HUST", "ITMO Univ."]
    clusters, where = dedupe_rows(names, pk.Registry(_DEDUPE_REGISTRY), countries=["VN", "RU", "CN", None])
    assert [clusters[i].institution.id for i in where if clusters[i].institution] == [
        "hust-vn",
        "itmo",
        "hust-cn",
        "itmo",
    ]
    assert dedupe_rows(names, rows=False)[1] == []


@pytest.mark.parametrize("names", ["ITMO University", b"ITMO University", bytearray(b"ITMO")])
def test_a_single_string_is_not_a_list_of_names(names: str | bytes) -> None:
    """A str where names are expected would be clustered (or matched) character by character: a TypeError."""
    with pytest.raises(TypeError, match="expected an iterable of names"):
        pk.dedupe(names)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="expected an iterable of names"):
        pk.Registry([]).match_many(names)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"countries: expected an iterable of countries .*\['RU'\]"):
        pk.dedupe(["a"], countries="RU")


def test_a_registry_of_dicts_is_a_type_error_naming_the_item() -> None:
    """Registry([dict]) says which item is wrong and how to read a dict, instead of an AttributeError."""
    good = pk.Institution(id="itmo", name="ITMO University")
    with pytest.raises(TypeError, match=r"institutions item 1: expected an Institution, got dict; .*from_dict"):
        pk.Registry([good, {"id": "x", "name": "X University"}])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="single str"):
        pk.Registry("ITMO University")  # type: ignore[arg-type]


def test_a_name_in_capitals_finds_the_one_registered_name_it_is_the_word_of() -> None:
    """ "ITMO" against a registry that only knows "ITMO University" (no acronym) is POSSIBLE with it, not NON_MATCH."""
    reg = pk.Registry(
        [pk.Institution(id="itmo", name="ITMO University"), pk.Institution(id="w", name="Wuhan University")]
    )
    best = reg.match("ITMO")[0]
    assert (best.institution.id, best.decision) == ("itmo", pk.Decision.POSSIBLE)
    assert "acronym_word" in str(best.explanation)
    assert reg.match("WUHAN")[0].institution.id == "w"


ORDER = [
    pk.Institution(id="uw", name="University of Washington", country="US", city="Seattle"),
    pk.Institution(id="wustl", name="Washington University in St. Louis", acronyms=("WUSTL",), country="US",
                   city="St. Louis"),
    pk.Institution(id="um", name="University of Miami", country="US", city="Coral Gables"),
    pk.Institution(id="miami-oh", name="Miami University", country="US", city="Oxford"),
    pk.Institution(id="psu", name="Pennsylvania State University", country="US", city="University Park"),
    pk.Institution(id="supa", name="State University of Pennsylvania", country="US", city="Harrisburg"),
    pk.Institution(id="utokyo", name="University of Tokyo", country="JP", city="Tokyo"),
    pk.Institution(id="iop-hr", name="Institute of Physics", country="HR", city="Zagreb"),
    pk.Institution(id="iop-cz", name="Institute of Physics", country="CZ", city="Prague"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("query", "country", "matched", "possible"),
    [
        # the query's word order names one of two institutions with the same words
        # "Washington University in St. Louis" has these words in this order only with its city
        # added: it might be the one meant, so neither is a MATCH
        ("Washington University", None, None, {"uw", "wustl"}),
        ("Washington Univ.", None, None, {"uw", "wustl"}),
        ("University of Washington", None, "uw", set()),
        ("Univ. of Washington", "US", "uw", set()),
        ("Miami University", None, "miami-oh", set()),
        ("University of Miami", None, "um", set()),
        ("Pennsylvania State University", None, "psu", set()),
        ("State University of Pennsylvania", None, "supa", set()),
        # the order written fits neither: POSSIBLE with both, never a MATCH
        ("University of Pennsylvania State", None, None, {"psu", "supa"}),
        ("Pennsylvania University State", None, None, {"psu", "supa"}),
        # one institution with the words: order-free matching keeps its recall
        ("Tokyo University", None, "utokyo", set()),
        # one order only ("Institute of Physics" twice): ordinary ambiguity, a country settles it
        ("Institute of Physics", "HR", "iop-hr", set()),
    ],
)
def test_word_order_decides_between_same_words(
    query: str, country: str | None, matched: str | None, possible: set[str]
) -> None:
    """ "Miami University" is not the University of Miami when the registry holds both."""
    found = pk.Registry(ORDER).match(query, country)
    got = [m.institution.id for m in found if m.decision is pk.Decision.MATCH]
    assert got == ([matched] if matched else []), [str(m.explanation) for m in found]
    assert possible <= {m.institution.id for m in found if m.decision is pk.Decision.POSSIBLE}
    if matched:
        assert found[0].institution.id == matched


def test_word_order_is_explained() -> None:
    for query, ids in (("Pennsylvania University State", {"psu", "supa"}), ("Washington University", {"uw", "wustl"})):
        found = [m for m in pk.Registry(ORDER).match(query) if m.institution.id in ids]
        assert len(found) == 2
        assert all("Word order" in str(m.explanation) for m in found)


def test_word_order_in_dedupe_with_registry() -> None:
    """Names resolving by word order join their own institution's cluster."""
    clusters = pk.dedupe(["Miami University", "University of Miami", "Univ. of Miami", "Washington University"],
                         registry=pk.Registry(ORDER))  # fmt: skip
    assert {c.institution.id: set(c.members) for c in clusters if c.institution} == {
        "miami-oh": {"Miami University"},
        "um": {"University of Miami", "Univ. of Miami"},
    }


@pytest.mark.parametrize(
    ("query", "matched"),
    [
        ("Washington University 3 Department of Chemistry, , Saint Louis, MO, USA", "wustl"),
        ("Washington University, USA", None),
        ("Dept. of Economics, Miami University, Oxford, OH, USA", "miami-oh"),
    ],
)
def test_word_order_with_the_city_of_an_affiliation_string(query: str, matched: str | None) -> None:
    """The city written in the string completes the name that fits the order ("... in St. Louis")."""
    found = pk.Registry(ORDER).match(query)
    assert [m.institution.id for m in found if m.decision is pk.Decision.MATCH] == ([matched] if matched else [])


@pytest.mark.parametrize(
    ("query", "expected", "decision"),
    [
        ("Michgan State University", "msu-us", pk.Decision.MATCH),
        ("Indian Institute of Tecnology Delhi", "iitd", pk.Decision.MATCH),
        ("Tomks State University", "tsu", pk.Decision.POSSIBLE),  # found, but five letters are too few to trust
    ],
)
def test_a_one_letter_typo_finds_its_institution(
    registry: pk.Registry, query: str, expected: str, decision: pk.Decision
) -> None:
    """A misspelt word the registry lacks is looked up one edit away; a typo of six letters or more is a MATCH."""
    found = registry.match(query)
    assert (found[0].institution.id, found[0].decision) == (expected, decision), str(found[0].explanation)


def test_a_typo_does_not_make_a_near_name_match(registry: pk.Registry) -> None:
    """Finding a typo's candidates does not loosen the rules: extra words still conflict."""
    found = registry.match("Tomks State University of Control Systems")
    assert all(m.decision is not pk.Decision.MATCH or m.institution.id != "tsu" for m in found)


def test_near_words_look_up_the_vocabulary_only(registry: pk.Registry) -> None:
    """Edit-distance-1 variants are read from the index; nothing is added to it."""
    index = registry.index
    keys = len(index.postings)
    assert index.near_words("michgan", 400) == ["michigan"]
    assert index.near_words("tosmk", 400) == ["tomsk"]
    assert index.near_words("zzzzzzz", 400) == []
    assert len(index.postings) == keys


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("University of Place2", "University of Place12"),  # a number glued to a word
        ("Place2 University", "Place12 University"),
        ("University of Place 2", "University of Place 12"),  # a number of its own
        ("Université Paris 1", "Université Paris 13"),
        ("Lycee2 Technique", "Lycee Technique"),  # a number on one side only
    ],
)
def test_a_differing_number_keeps_two_names_apart(a: str, b: str) -> None:
    """Names that differ by a number, glued to a word or not, are other institutions, never a typo."""
    assert pk.compare(a, b).decision is not pk.Decision.MATCH
    assert len(pk.dedupe([a, b, a, b])) == 2


def test_dedupe_joins_one_letter_typos_without_a_registry() -> None:
    """Typos of a rare word cluster with the right spelling, whichever comes first; places do not."""
    names = [
        "Michgan State University",
        "Michigan State University",
        "Tsinghua University",
        "Tsinhua University",
        "Univ. of Cambrige",
        "University of Cambridge",
        "University of Austria",
        "University of Australia",
    ]
    clusters = {frozenset(c.members) for c in pk.dedupe(names)}
    assert frozenset(names[:2]) in clusters
    assert frozenset(names[2:4]) in clusters
    assert frozenset(names[4:6]) in clusters
    assert frozenset(names[6:7]) in clusters
    assert frozenset(names[7:8]) in clusters


def test_with_a_country_hint_the_initials_of_one_institution_there_match() -> None:
    """'TUHH' with the hint Germany is the one German institution whose name it abbreviates.

    Without a hint, or with three letters only (too many acronyms are no one's initials),
    it stays POSSIBLE; a second institution of that country with those initials keeps both POSSIBLE.
    """
    tuhh = pk.Institution(id="tuhh", name="Technische Universität Hamburg Harburg", country="DE")
    other = pk.Institution(id="x", name="Tallinn University Health Hub", country="EE")
    reg = pk.Registry([tuhh, other, pk.Institution(id="tum", name="Technische Universität München", country="DE")])
    best = reg.match("TUHH", country="DE")[0]
    assert (best.institution.id, best.decision) == ("tuhh", pk.Decision.MATCH)
    assert "only institution in that country" in str(best.explanation)
    assert all(m.decision is not pk.Decision.MATCH for m in reg.match("TUHH"))
    assert all(m.decision is not pk.Decision.MATCH for m in reg.match("TUM", country="DE"))
    twin = pk.Institution(id="y", name="Thüringer Universität Halle Hochschule", country="DE")
    assert all(m.decision is not pk.Decision.MATCH for m in pk.Registry([tuhh, twin]).match("TUHH", country="DE"))


def test_a_peoples_name_finds_the_name_written_with_its_country() -> None:
    """'Kazakh-Russian Medical University' is the one registered 'Kazakhstan-Russian Medical University'."""
    reg = pk.Registry(
        [
            pk.Institution(id="krmu", name="Kazakhstan-Russian Medical University", country="KZ"),
            pk.Institution(id="rnrmu", name="Russian National Research Medical University", country="RU"),
        ]
    )
    best = reg.match("Kazakh-Russian Medical University")[0]
    assert (best.institution.id, best.decision) == ("krmu", pk.Decision.MATCH)
    assert "Unique" in str(best.explanation)


def test_dedupe_clusters_a_russian_name_with_its_english_form() -> None:
    """Without a registry, 'Томский государственный университет' joins 'Tomsk State University' only."""
    clusters = pk.dedupe(
        ["Томский государственный университет", "Tomsk State University", "Tomsk Polytechnic University"]
    )
    members = sorted(sorted(c.members) for c in clusters)
    assert members == [
        ["Tomsk Polytechnic University"],
        ["Tomsk State University", "Томский государственный университет"],
    ]


def test_a_name_with_its_city_defers_to_a_name_of_the_very_same_words() -> None:
    """ "Universidade Lusíada de Lisboa" is not "Universidade Lusíada" (a foundation) in Lisbon:
    another institution's registered name has the string's very words, in another order."""
    reg = pk.Registry(
        [
            pk.Institution(id="fm", name="Fundação Minerva", aliases=("Universidade Lusíada",), city="Lisbon"),
            pk.Institution(id="ull", name="Lusíada University of Lisbon", city="Lisbon"),
            pk.Institution(id="ulp", name="Lusíada University of Porto", city="Porto"),
        ]
    )
    best = reg.match("Universidade Lusíada de Lisboa")[0]
    assert (best.institution.id, best.decision) == ("ull", pk.Decision.MATCH)
    best = reg.match("Universidade Lusíada, Lisboa")[0]  # a name and a place: the reader's reading stands
    assert best.institution.id == "fm"


def test_registry_from_source_names_the_records_it_leaves_out(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """Bad rows of a registry file are never dropped silently; strict=True stops at the first."""
    path = tmp_path / "unis.csv"
    path.write_text("id,name,country\nitmo,ITMO University,RU\nx,Somewhere,Rusia\n", encoding="utf-8")
    with caplog.at_level("WARNING", logger="partnerkit"):
        registry = pk.Registry.from_source("csv", path=str(path))
    assert [i.id for i in registry] == ["itmo"]
    assert [r.getMessage() for r in caplog.records] == [
        f"source csv: 1 bad record(s) left out of the registry: {path} row 3: "
        "country: 'Rusia' is not an ISO 3166 country"
    ]
    with pytest.raises(pk.RecordError) as info:
        pk.Registry.from_source("csv", path=str(path), strict=True)
    assert info.value.row == 3


def test_registry_from_a_source_of_no_institutions_says_so(
    examples: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A registry built from a source of partnerships would match nothing, silently: a source that
    cannot give institutions is a ConfigError, and a file of other records a warning."""
    register = tmp_path / "register.txt"
    register.write_text("2021-04-27 | agreement | HUST ; ITMO University\n", encoding="utf-8")
    if "example" in pk.sources():
        with pytest.raises(pk.ConfigError, match="source 'example' gives Partnership records, no institutions"):
            pk.Registry.from_source("example", path=str(register))
    with caplog.at_level("WARNING", logger="partnerkit"):
        registry = pk.Registry.from_source("jsonl", path=str(examples / "partnerships.jsonl"))
    assert len(registry) == 0
    assert [r.getMessage() for r in caplog.records] == [
        "source jsonl: no institutions read (7 other records skipped): the registry is empty"
    ]


def _one_edit(word: str, vocabulary: set[str]) -> list[str]:
    """The words of ``vocabulary`` one edit from ``word``, by trying every edit (the reference)."""
    letters = {c for w in vocabulary for c in w}
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    variants = {a + b[1:] for a, b in splits if b}
    variants.update(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1)
    variants.update(a + c + b[1:] for a, b in splits if b for c in letters)
    variants.update(a + c + b for a, b in splits for c in letters)
    variants.discard(word)
    return sorted(variants & vocabulary)


def _edit(word: str, kind: int, at: int, letter: str) -> str:
    at = at % (len(word) + 1)
    if kind == 0:
        return word[:at] + letter + word[at:]  # inserted
    if kind == 1:
        return word[:at] + letter + word[at + 1 :]  # replaced
    if kind == 2:
        return word[:at] + word[at + 1 :]  # deleted
    return word[:at] + word[at + 1 : at + 2] + word[at : at + 1] + word[at + 2 :]  # swapped


@settings(max_examples=80, deadline=None)
@given(
    st.text(alphabet="abcd", min_size=1, max_size=9),
    st.lists(st.tuples(st.integers(0, 3), st.integers(0, 9), st.sampled_from("abcd")), max_size=12),
    st.lists(st.text(alphabet="abcd", min_size=1, max_size=9), max_size=12),
)
def test_near_words_are_every_word_one_edit_away(
    query: str, edits: list[tuple[int, int, str]], others: list[str]
) -> None:
    """Whatever the words and the query, near_words finds exactly the indexed words one edit away."""
    words = [_edit(query, *e) for e in edits] + others
    insts = [pk.Institution(id=f"i{n}", name=f"{w} Zyx{n}") for n, w in enumerate(words) if w]
    index = pk.Registry(insts).index
    vocabulary = set(index.vocabulary())
    assert index.near_words(query, 10_000) == _one_edit(query, vocabulary)
    assert all(index.count("t:" + w) <= 1 for w in index.near_words(query, 1))


def test_the_explanation_of_a_match_states_the_score_and_decision_shown_beside_it(examples: Path) -> None:
    """`partnerkit match --explain` printed "score 0.97" with "MATCH (score 1.00)" under it: a check that
    raised or capped a match (found whole, unique, in doubt) noted why but kept the rules' own score."""
    registry = pk.Registry.from_source("jsonl", path=str(examples / "institutions.jsonl"))
    with (examples / "names.csv").open(encoding="utf-8", newline="") as fh:
        names = [*(row["name"] for row in csv.DictReader(fh)), "HUST", "ITMO"]
    seen = 0
    for name in names:
        for m in registry.match(name) + registry.match(name, country="RU"):
            assert (m.explanation.score, m.explanation.decision) == (m.score, m.decision), (name, m)
            assert str(m.explanation).startswith(f"{m.decision.value.upper()} (score {m.score:.2f})")
            seen += 1
    assert seen > 50
    itmo = registry.match("ITMO Univ.")[0]
    assert itmo.score < 0.99
    assert "Found whole as a registered name" in str(itmo.explanation)


def test_threads_sharing_a_cold_registry_get_the_answers_one_thread_gets(examples: Path) -> None:
    """docs/matching.md says a registry may be shared by threads: what it builds on first use (the
    affiliation reader, word tables) is built while eight threads ask at once, and every answer is
    the one a single thread gets (explanations included)."""
    import sys
    from concurrent.futures import ThreadPoolExecutor

    with (examples / "names.csv").open(encoding="utf-8", newline="") as fh:
        names = [row["name"] for row in csv.DictReader(fh)]
    names += [f"Dept. of Physics, {n}, Moscow, Russia" for n in names[:20]]

    def answers(reg: pk.Registry, name: str) -> list[tuple[str, float, str]]:
        return [(m.institution.id, m.score, str(m.explanation)) for m in reg.match(name)]

    path = str(examples / "institutions.jsonl")
    alone = pk.Registry.from_source("jsonl", path=path)
    expected = [answers(alone, n) for n in names]
    shared = pk.Registry.from_source("jsonl", path=path)  # cold: nothing built on first use yet
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)  # switch threads often, inside the lazy builds
    try:
        with ThreadPoolExecutor(8) as pool:
            got = list(pool.map(lambda n: answers(shared, n), names * 2))
            clusters = list(pool.map(lambda _: pk.dedupe(names, shared), range(3)))
    finally:
        sys.setswitchinterval(interval)
    assert got == expected * 2
    assert clusters[0] == clusters[1] == clusters[2] == pk.dedupe(names, alone)
