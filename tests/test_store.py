"""The store: what a user relies on when partnerkit keeps records between runs.

Records come back as they went in; re-imports add nothing; queries find partnerships by
institution (id or name), pair, kind, partial-date range and country; an old store file
is upgraded in place; a killed import leaves a store that opens and resumes.
"""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import attrs
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import partnerkit as pk
from partnerkit._store import SCHEMA_VERSION, default_path, render_dot
from partnerkit._store._schema import MIGRATIONS
from tests import strategies

ITMO = pk.Institution(
    id="itmo", name="ITMO University", acronyms=("ITMO",), labels={"ru": "Университет ИТМО"}, country="RU"
)
HUST = pk.Institution(id="hust", name="Huazhong University of Science and Technology", acronyms=("HUST",), country="CN")
TSU = pk.Institution(id="tsu", name="Tomsk State University", country="RU")
DEAL = pk.Partnership(
    kind="strategic_partnership",
    parties=(pk.Party("HUST", institution_id="hust"), pk.Party("ITMO University", institution_id="itmo")),
    status="signed",
    date="2021-04-27",
    evidence=(pk.Evidence(quote="HUST and ITMO University signed a key partnership agreement."),),
)
OFFICE = pk.Partnership(kind="office", parties=(pk.Party("ITMO University", institution_id="itmo"),), date="2019")
UNLINKED = pk.Partnership(
    kind="double_degree", parties=(pk.Party("Университет ИТМО"), pk.Party("Tomsk State University")), date="2020-09"
)
UNDATED = pk.Partnership(kind="agreement", parties=(pk.Party("HUST", institution_id="hust"), pk.Party("Somewhere")))


@pytest.fixture
def store(tmp_path: Path) -> pk.Store:
    s = pk.Store(tmp_path / "pk.db")
    s.add([ITMO, HUST, TSU, DEAL, OFFICE, UNLINKED, UNDATED])
    yield s
    s.close()


def test_created_on_first_use_with_its_folder(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "store.db"
    with pk.Store(path) as s:
        assert s.schema_version == SCHEMA_VERSION
        assert s.counts() == {"institutions": 0, "partnerships": 0, "articles": 0, "provenance": 0}
    assert path.exists()


def test_path_from_environment_then_per_user_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PARTNERKIT_DB", str(tmp_path / "env.db"))
    with pk.Store() as s:
        assert s.path == tmp_path / "env.db"
    monkeypatch.delenv("PARTNERKIT_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    if sys.platform.startswith("linux"):
        assert default_path() == tmp_path / "xdg" / "partnerkit" / "partnerkit.db"
    with pk.Store() as s:
        assert s.path == default_path()
        assert s.path.exists()


def test_wal_journal_and_a_second_process_can_write(tmp_path: Path) -> None:
    """Two processes share one store: the second writes while the first holds it open."""
    path = tmp_path / "pk.db"
    with pk.Store(path) as first:
        assert first._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        code = f"import partnerkit as pk; pk.Store({str(path)!r}).add([pk.Institution(id='x', name='X')])"
        subprocess.run([sys.executable, "-c", code], check=True)
        first.add([ITMO])
        assert first.counts()["institutions"] == 2


def test_a_store_another_process_keeps_writing_is_a_clear_error(tmp_path: Path) -> None:
    """A cron import while a long import holds the write lock past the timeout: a PartnerkitError
    naming the store and saying to run again (it was "internal error: OperationalError: database
    is locked (a bug ...)" on the command line)."""
    path = tmp_path / "pk.db"
    with pk.Store(path) as first, first.batch():
        first.add([ITMO])
        code = (
            "import partnerkit as pk\n"
            "try:\n"
            f"    pk.Store({str(path)!r}, timeout=0.2).add([pk.Institution(id='x', name='X')])\n"
            "except pk.ConfigError as exc:\n"
            "    print(exc)\n"
        )
        out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert out.startswith(f"{path}: the store is busy: another partnerkit process")
    assert "run this again" in out


def _key(p: pk.Partnership) -> str:
    """The store's identity of a partnership without a source id: its id, else its content
    (retrieval times of evidence aside)."""
    stable = attrs.evolve(p, evidence=tuple(attrs.evolve(e, retrieved=None) for e in p.evidence))
    return p.id if p.id is not None else repr(stable)


def _says_all_of(a: pk.Partnership, b: pk.Partnership) -> bool:
    """``a`` holds every sentence of ``b``'s evidence (retrieval times aside)."""
    said = {attrs.evolve(e, retrieved=None) for e in a.evidence}
    return (
        a.id is None
        and b.id is None
        and bool(b.evidence)
        and all(attrs.evolve(e, retrieved=None) in said for e in b.evidence)
    )


@settings(max_examples=25, deadline=None)
@given(
    records=st.lists(strategies.partnerships(), max_size=5, unique_by=_key),
    institutions=st.lists(strategies.institutions, max_size=5, unique_by=lambda i: i.id),
)
def test_records_come_back_as_they_went_in(records: list[pk.Partnership], institutions: list[pk.Institution]) -> None:
    """Records come back as they went in. A record without an id that says all another one
    said (its evidence among the other's) is that record told again and supersedes it: that
    case is tests/test_store_supersede.py's, so it is left out here."""
    assume(not any(a is not b and _says_all_of(a, b) for a in records for b in records))
    with pk.Store(":memory:") as s:
        s.add([*institutions, *records])
        assert list(s.institutions()) == sorted(institutions, key=lambda i: i.id)
        assert sorted(s.partnerships(), key=_key) == sorted(records, key=_key)
        again = s.add([*institutions, *records])
        assert (again.added, again.updated, again.unchanged) == (0, 0, len(records) + len(institutions))


def test_same_id_twice_keeps_the_last(tmp_path: Path) -> None:
    renamed = attrs.evolve(ITMO, name="ITMO")
    with pk.Store(tmp_path / "pk.db") as s:
        report = s.add([ITMO, renamed])
        assert (report.added, report.updated) == (1, 1)
        assert s.institution("itmo") == renamed


def test_reimport_adds_nothing_and_keeps_one_provenance_per_place(tmp_path: Path) -> None:
    prov = pk.Provenance(source="jsonl", locator="deals.jsonl row 2", fetched="2024-01-01T00:00:00Z")
    with pk.Store(tmp_path / "pk.db") as s:
        first = s.add([(DEAL, prov), (ITMO, prov)])
        later = pk.Provenance(source="jsonl", locator="deals.jsonl row 2", fetched="2024-02-01T00:00:00Z")
        second = s.add([(DEAL, later), (ITMO, later)])
        assert (first.added, second.added, second.unchanged) == (2, 0, 2)
        assert s.counts() == {"institutions": 1, "partnerships": 1, "articles": 0, "provenance": 2}
        assert [p.locator for p in s.provenance(DEAL)] == ["deals.jsonl row 2"]
        other = pk.Provenance(source="rss", locator="https://news.example.edu/1")
        s.add([(DEAL, other)])
        assert sorted(p.source for p in s.provenance(DEAL)) == ["jsonl", "rss"]


def test_retrieval_time_of_evidence_does_not_make_a_new_record(tmp_path: Path) -> None:
    def deal(retrieved: str) -> pk.Partnership:
        return pk.Partnership(
            kind="mou", parties=(pk.Party("A"), pk.Party("B")), evidence=(pk.Evidence(quote="q", retrieved=retrieved),)
        )

    with pk.Store(tmp_path / "pk.db") as s:
        s.add([deal("2024-01-01T00:00:00Z")])
        assert s.add([deal("2024-05-01T00:00:00Z")]).unchanged == 1


def test_native_id_updates_the_record_it_names(tmp_path: Path) -> None:
    """A source's own id identifies its record: a changed record replaces the old one."""
    prov = pk.Provenance(source="csv", native_id="deal-7")
    changed = pk.Partnership(kind="mou", parties=DEAL.parties, status="active", date="2021-04-27")
    with pk.Store(tmp_path / "pk.db") as s:
        s.add([(DEAL, prov)])
        report = s.add([(changed, prov)])
        assert (report.added, report.updated) == (0, 1)
        assert list(s.partnerships()) == [changed]
        assert list(s.partnerships(kind="strategic_partnership")) == []


def test_a_record_changed_within_one_batch_keeps_only_its_last_parties(tmp_path: Path) -> None:
    prov = pk.Provenance(source="csv", native_id="deal-7")
    changed = pk.Partnership(kind="mou", parties=(pk.Party("Tomsk State University", institution_id="tsu"),))
    with pk.Store(tmp_path / "pk.db") as s:
        report = s.add([TSU, (DEAL, prov), (changed, prov)])
        assert (report.added, report.updated) == (2, 1)
        assert list(s.partnerships(institution="tsu")) == [changed]
        assert list(s.partnerships(institution="itmo")) == []
        assert s._conn.execute("SELECT count(*) FROM party").fetchone()[0] == 1


def test_articles_are_kept_once_by_url(tmp_path: Path) -> None:
    a = pk.Article(title="T", text="HUST and ITMO signed.", url="https://x.example/1", publisher="ITMO")
    with pk.Store(tmp_path / "pk.db") as s:
        assert s.add([a, a]).added == 1
        assert list(s.articles(publisher="itmo")) == [a]
        assert list(s.articles(publisher="Other")) == []


def test_articles_are_read_a_page_at_a_time(tmp_path: Path) -> None:
    """`extract --from-store` over a store of news: the first article comes without every text of
    the store in memory, and every article comes, in order, of the publisher asked for."""
    import tracemalloc

    body = "Alpha University and Beta University signed an agreement. " * 300  # ~18 KB
    articles = [
        pk.Article(text=f"{i} {body}", url=f"https://x.example/{i}", publisher="Alpha" if i % 3 else "Beta")
        for i in range(1_000)
    ]
    with pk.Store(tmp_path / "pk.db") as store:
        store.add(articles)
        tracemalloc.start()
        try:
            reading = store.articles()
            first = next(reading)  # the reader is still open, holding what it fetched
            held, _ = tracemalloc.get_traced_memory()
            reading.close()
        finally:
            tracemalloc.stop()
        assert first == articles[0]
        assert held < 6_000_000, f"{held:,} bytes held for one article (the store holds ~18 MB of text)"
        assert [a.url for a in store.articles(publisher="beta")] == [a.url for a in articles if a.publisher == "Beta"]
        assert [a.url for a in store.articles()] == [a.url for a in articles]


def test_bad_records_are_rejected_with_where_and_why(tmp_path: Path) -> None:
    prov = pk.Provenance(source="csv", locator="x.csv row 3")
    with pk.Store(tmp_path / "pk.db") as s:
        report = s.add([ITMO, ("not a record", prov), HUST])
        assert (report.read, report.added) == (3, 2)
        reason = "the store keeps institutions, partnerships and articles, not str"
        assert (report.rejected, report.errors) == (1, [("x.csv row 3", reason)])
        assert report.by_reason == {reason: 1}
        assert "rejected 1" in str(report)
        with pytest.raises(pk.RecordError, match=r"x\.csv row 3"):
            s.add([TSU, ("bad", prov)], strict=True, batch_size=1)
        assert s.institution("tsu") == TSU, "what came before the bad record is committed"


def test_source_state_round_trips(tmp_path: Path) -> None:
    with pk.Store(tmp_path / "pk.db") as s:
        assert s.state("rss") is None
        s.set_state("rss", {"etag": 'W/"1"', "seen": [1, 2]})
        assert s.state("rss") == {"etag": 'W/"1"', "seen": [1, 2]}
        with pytest.raises(pk.ConfigError, match="not JSON"):
            s.set_state("rss", {"x": object()})
        s.set_state("rss", None)
        assert s.state("rss") is None


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"institution": "itmo"}, [OFFICE, UNLINKED, DEAL]),
        ({"institution": "ITMO"}, [OFFICE, UNLINKED, DEAL]),  # an acronym
        ({"institution": "университет итмо"}, [OFFICE, UNLINKED, DEAL]),  # a label; an unlinked party's name
        ({"institution": "Somewhere"}, [UNDATED]),  # no stored institution: the party's stated name
        ({"institution": "nobody"}, []),
        ({"institution": "itmo", "partner": "hust"}, [DEAL]),
        ({"institution": "hust", "partner": "ITMO University"}, [DEAL]),
        ({"institution": "itmo", "partner": "tsu"}, [UNLINKED]),
        ({"institution": "itmo", "partner": "itmo"}, []),
        ({"kind": "office"}, [OFFICE]),
        ({"kind": ["office", pk.PartnershipKind.DOUBLE_DEGREE]}, [OFFICE, UNLINKED]),
        ({"since": "2020"}, [UNLINKED, DEAL]),
        ({"until": "2020-08"}, [OFFICE]),
        ({"since": "2020-09-30", "until": "2021-04"}, [UNLINKED, DEAL]),
        ({"since": 2021, "until": "2021-04-26"}, []),
        ({"country": "CN"}, [DEAL, UNDATED]),
        ({"country": "Russia", "kind": "office"}, [OFFICE]),
        ({}, [OFFICE, UNLINKED, DEAL, UNDATED]),
    ],
)
def test_partnership_queries(store: pk.Store, query: dict[str, object], expected: list[pk.Partnership]) -> None:
    assert list(store.partnerships(**query)) == expected  # type: ignore[arg-type]


def test_an_ambiguous_name_is_an_error_naming_the_candidates(tmp_path: Path) -> None:
    """'MSU' is Moscow's and Michigan's: the store does not pick one silently."""
    with pk.Store(tmp_path / "pk.db") as s:
        s.add(
            [
                pk.Institution(id="msu", name="Lomonosov Moscow State University", acronyms=("MSU",), country="RU"),
                pk.Institution(id="msu-us", name="Michigan State University", acronyms=("MSU",), country="US"),
            ]
        )
        with pytest.raises(pk.ConfigError, match=r"'MSU' is ambiguous: it names msu \(Lomonosov .*\), msu-us \(Mich"):
            list(s.partnerships(institution="MSU"))
        assert list(s.partnerships(institution="msu-us")) == []


def test_query_errors_name_the_bad_value(store: pk.Store) -> None:
    with pytest.raises(pk.RecordError, match="not a date"):
        list(store.partnerships(since="April"))
    with pytest.raises(pk.RecordError, match="Atlantis"):
        list(store.partnerships(country="Atlantis"))
    with pytest.raises(ValueError, match="handshake"):
        list(store.partnerships(kind="handshake"))


def test_old_store_is_upgraded_in_place(tmp_path: Path) -> None:
    """A file written at schema version 1 opens, keeps its data and gains what versions 2 to 4 add."""
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    for statement in MIGRATIONS[0]:
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.execute(
        "INSERT INTO institution VALUES ('itmo', 'ITMO University', 'RU', 'x', ?)",
        (json.dumps(pk.to_dict(ITMO)),),
    )
    conn.execute("INSERT INTO source_state VALUES ('rss', '{\"etag\": \"1\"}')")
    conn.commit()
    conn.close()
    with pk.Store(path) as s:
        assert s.schema_version == SCHEMA_VERSION == 4
        assert s.institution("itmo") == ITMO
        assert s.state("rss") == {"etag": "1"}
        assert s.add([pk.Article(text="new table", url="https://x.example/a")]).added == 1
        indexes = {r[0] for r in s._conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert {"institution_name_id", "evidence_quote"} <= indexes


def test_newer_or_foreign_files_are_refused(tmp_path: Path) -> None:
    newer = tmp_path / "newer.db"
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(pk.ConfigError, match="newer than this partnerkit supports"):
        pk.Store(newer)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(pk.ConfigError, match="not a usable partnerkit store"):
        pk.Store(junk)


def test_export_jsonl_and_csv(store: pk.Store) -> None:
    buf = io.StringIO()
    store.export(buf, format="jsonl")
    lines = [json.loads(line) for line in buf.getvalue().splitlines()]
    nodes = {x["id"]: x for x in lines if x["type"] == "node"}
    edges = [x for x in lines if x["type"] == "edge"]
    assert nodes["itmo"] == {
        "type": "node",
        "id": "itmo",
        "name": "ITMO University",
        "country": "RU",
        "institution_id": "itmo",
    }
    assert nodes["name:somewhere"]["institution_id"] is None
    deal = next(e for e in edges if e["kind"] == "strategic_partnership")
    assert (deal["source"], deal["target"], deal["date"], deal["evidence_count"]) == ("hust", "itmo", "2021-04-27", 1)
    assert len(edges) == 3, "the one-party office is a node, not an edge"
    buf = io.StringIO()
    store.export(buf, format="csv")
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert len(rows) == 3
    assert rows[1]["source_country"] == "CN"
    assert rows[1]["target_name"] == "ITMO University"


def test_export_graphml_is_valid_xml_with_typed_keys(store: pk.Store, tmp_path: Path) -> None:
    path = tmp_path / "net.graphml"
    store.export(path, format="graphml")
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    root = ET.parse(path).getroot()
    assert {k.get("id") for k in root.findall("g:key", ns)} >= {"country", "kind", "date", "evidence_count"}
    assert len(root.findall("g:graph/g:node", ns)) == 5
    edge = root.findall("g:graph/g:edge", ns)[1]
    assert {d.get("key"): d.text for d in edge.findall("g:data", ns)}["evidence_count"] == "1"


def test_export_dot_and_rendering(store: pk.Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    buf = io.StringIO()
    store.export(buf, format="dot")
    dot = buf.getvalue()
    assert dot.startswith("graph partnerships {")
    assert '"itmo" [label="ITMO University\\nRU", country="RU"];' in dot
    assert '"hust" -- "itmo" [label="strategic_partnership 2021-04-27"' in dot
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(pk.ConfigError, match="needs Graphviz"):
        render_dot(dot, "svg")
    fake = tmp_path / "dot"
    fake.write_text('#!/bin/sh\necho "<svg>$1</svg>"\n')
    fake.chmod(0o755)
    assert render_dot(dot, "svg") == b"<svg>-Tsvg</svg>\n"
    with pytest.raises(pk.ConfigError, match="cannot render"):
        render_dot(dot, "bmp")


_IMPORTER = textwrap.dedent(
    """
    import sys
    import partnerkit as pk

    def items():
        for i in range(12_000):
            p = pk.Partnership(kind="mou", parties=(pk.Party(f"U{i}"), pk.Party("Hub")), date="2020")
            yield p, pk.Provenance(source="gen", locator=f"row {i}", native_id=str(i))
            if i == 1_000:
                print("committed", flush=True)

    report = pk.Store(sys.argv[1]).add(items(), batch_size=500)
    print(report, flush=True)
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_killed_import_leaves_a_store_that_opens_and_resumes(tmp_path: Path) -> None:
    path = tmp_path / "pk.db"
    script = tmp_path / "importer.py"
    script.write_text(_IMPORTER)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    with subprocess.Popen(
        [sys.executable, str(script), str(path)], stdout=subprocess.PIPE, text=True, env=env
    ) as child:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "committed"
        time.sleep(0.1)
        child.send_signal(signal.SIGKILL)
        child.wait()
    with pk.Store(path) as s:
        assert s.integrity_check() == "ok"
        done = s.counts()["partnerships"]
        assert 1_000 <= done < 12_000
        assert done % 500 == 0, "whole batches only"
    finished = subprocess.run(
        [sys.executable, str(script), str(path)], capture_output=True, text=True, env=env, check=True
    )
    assert f"new {12_000 - done}," in finished.stdout
    assert f"unchanged {done}," in finished.stdout
    with pk.Store(path) as s:
        assert s.counts()["partnerships"] == 12_000


def test_export_escapes_names_in_graphml_and_dot(tmp_path: Path) -> None:
    odd = 'R&D <Lab> "Kuzbass"'
    with pk.Store(":memory:") as s:
        s.add([pk.Partnership(kind="mou", parties=(pk.Party(odd), pk.Party("B")))])
        path = tmp_path / "n.graphml"
        s.export(path, format="graphml")
        ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
        names = [d.text for d in ET.parse(path).getroot().findall("g:graph/g:node/g:data", ns)]
        assert odd in names
        buf = io.StringIO()
        s.export(buf, format="dot")
        assert '[label="R&D <Lab> \\"Kuzbass\\""];' in buf.getvalue()


def test_records_read_before_the_input_fails_are_kept(tmp_path: Path) -> None:
    def items() -> Iterator[pk.Institution]:
        yield ITMO
        raise pk.SourceError("the feed went away")

    with pk.Store(tmp_path / "pk.db") as s:
        with pytest.raises(pk.SourceError):
            s.add(items(), batch_size=100)
        assert s.institution("itmo") == ITMO


def test_names_not_stored_exactly_are_resolved_through_the_registry(store: pk.Store) -> None:
    """A variant spelling finds the institution; the registry follows the stored institutions."""
    assert store.resolve("ITMO Univ.") == ["itmo"]
    assert [p.kind.value for p in store.partnerships(institution="Huazhong Univ. of Sci. & Tech.")] == [
        "strategic_partnership",
        "agreement",
    ]
    assert store.resolve("Novosibirsk State University") == []
    first = store.registry()
    assert store.registry() is first
    store.add([pk.Institution(id="nsu", name="Novosibirsk State University", country="RU")])
    assert store.registry() is not first
    assert store.resolve("Novosibirsk State Univ.") == ["nsu"]


def test_the_compiled_registry_is_kept_beside_the_store(tmp_path: Path) -> None:
    """A second process gets the registry from the file, and a change of institutions rebuilds it."""
    path = tmp_path / "pk.db"
    with pk.Store(path) as s:
        s.add([ITMO, HUST])
        assert s.registry().match("ITMO Univ.")[0].institution.id == "itmo"
    (cache,) = tmp_path.glob("pk.db.registry-*")
    with pk.Store(path) as s:
        assert len(s.registry()) == 2
        s.add([TSU])
        assert len(s.registry()) == 3
    (newer,) = tmp_path.glob("pk.db.registry-*")
    assert newer != cache
    newer.write_bytes(b"damaged")
    with pk.Store(path) as s:
        assert len(s.registry()) == 3


def test_import_rejects_a_second_record_with_the_same_id(tmp_path: Path) -> None:
    """Two rows of one file with one id: the first is kept, the second reported (it silently replaced it)."""
    path = tmp_path / "unis.csv"
    path.write_text("id,name,country\nx,ITMO University,RU\nx,Tomsk State University,RU\nx,ITMO University,RU\n")
    with pk.Store(tmp_path / "pk.db") as s:
        report = s.import_source(pk.open_source("csv", path=str(path)))
        assert (report.added, report.unchanged, report.rejected) == (1, 1, 1)
        assert report.errors == [
            (
                f"{path} row 3",
                "id: 'x' was already imported from another record of this import, with other values; "
                "the first one is kept",
            )
        ]
        assert s.institution("x").name == "ITMO University"
        assert dict(report.by_reason) == {
            "id: … was already imported from another record of this import, with other values; the first one is kept": 1
        }, "grouped without the value, so many repeated ids make one line"
        again = s.import_source(pk.open_source("csv", path=str(path)))
        assert (again.added, again.updated, again.rejected) == (0, 0, 1), "a re-import is not a duplicate"


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"since": "notadate"}, "since: 'notadate' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"),
        ({"until": "2021-13"}, "until: month 13 is out of range 1..12"),
        ({"kind": ["mou", "friendship"]}, "kind: 'friendship' is not a valid PartnershipKind"),
        ({"country": "Narnia"}, "country: 'Narnia' is not an ISO 3166 country"),
    ],
)
def test_a_bad_query_argument_is_a_record_error_naming_it(query: dict[str, Any], message: str) -> None:
    """Which argument is wrong is in the message (a bad kind was a bare ValueError, a date named nothing)."""
    with pk.Store(":memory:") as store, pytest.raises(pk.RecordError) as info:
        list(store.partnerships(**query))
    assert (str(info.value), info.value.field) == (message, next(iter(query)))


def test_saving_again_merges_with_the_neighbourhood_not_the_whole_store(tmp_path: Path) -> None:
    """`extract --save` merges with what it saved before; merging compares every pair, so only
    the saved records with a party the new ones may share (id, words, acronym) take part."""
    from partnerkit._store._saved import save_merged

    def deal(a: str, b: str, quote: str) -> pk.Partnership:
        return pk.Partnership(kind="mou", parties=(pk.Party(a), pk.Party(b)), evidence=(pk.Evidence(quote=quote),))

    seen: list[list[str]] = []

    def merge(records: list[pk.Partnership]) -> list[pk.Partnership]:
        seen.append([r.evidence[0].quote for r in records])
        return pk.merge_partnerships(records)

    with pk.Store(tmp_path / "pk.db") as store:
        first = [deal("Gamma University", "Delta University", "g"), deal("HUST", "Kappa Institute", "h")]
        save_merged(store, first, merge, source="extract")
        found = [deal("Huazhong University of Science and Technology", "Kappa Institute", "h2")]
        report, merged_away = save_merged(store, found, merge, source="extract")
        assert seen[-1] == ["h", "h2"]  # HUST is an acronym of Huazhong...: in; Gamma-Delta: out
        assert (report.added, merged_away) == (1, 1)
        assert sorted(len(p.evidence) for p in store.partnerships()) == [1, 2]
        # Acronyms no rule derives from the names, but that fit them ("SibFU"), either way round:
        polytechnic = "Peter the Great St. Petersburg Polytechnic University"
        save_merged(store, [deal("Siberian Federal University", polytechnic, "s")], merge, source="extract")
        save_merged(store, [deal("SibFU", "SPbPU", "s2")], merge, source="extract")
        save_merged(store, [deal("SPbPU", "SibFU", "p")], merge, source="extract")
        save_merged(store, [deal(polytechnic, "Siberian Federal University", "p2")], merge, source="extract")
        by_quotes = sorted(sorted(e.quote for e in p.evidence) for p in store.partnerships())
        assert ["p", "p2", "s", "s2"] in by_quotes


def test_a_batch_of_another_thread_waits_for_this_ones_commit_or_rollback(tmp_path: Path) -> None:
    """One store shared by threads (a web service, a thread pool): a write of thread B while thread A's
    batch was open went into A's transaction, and A's rollback took B's records with it."""
    import threading

    store = pk.Store(tmp_path / "s.db")
    a_open, b_done = threading.Event(), threading.Event()

    failed: list[str] = []

    def a() -> None:
        try:
            with store.batch():
                store.add([pk.Institution(id="a", name="Alpha University")])
                a_open.set()
                b_done.wait(timeout=1.0)  # B cannot finish while this batch is open: the wait times out
                raise RuntimeError("A fails: its batch is rolled back")
        except RuntimeError as exc:
            failed.append(str(exc))

    def b() -> None:
        a_open.wait(timeout=5)
        store.add([pk.Institution(id="b", name="Beta University")])
        b_done.set()

    threads = [threading.Thread(target=a), threading.Thread(target=b)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=10)
    assert failed == ["A fails: its batch is rolled back"]
    assert [i.id for i in store.institutions()] == ["b"]  # B's record kept, A's rolled back
