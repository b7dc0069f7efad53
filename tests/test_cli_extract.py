"""``partnerkit extract``: partnerships from texts or stored articles, merged across inputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import partnerkit as pk
from partnerkit.cli._main import cli

ONE = "Alpha University and Beta University signed a memorandum of understanding on 27.04.2021."
TWO = "On 27 April 2021 Beta University and Alpha University signed a memorandum of understanding in Oslo."


@pytest.fixture
def texts(tmp_path: Path) -> list[str]:
    paths = []
    for i, text in enumerate((ONE, TWO)):
        path = tmp_path / f"news{i}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def test_two_reports_of_one_deal_come_out_once_with_both_sentences(texts: list[str], tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "pk.db"), "extract", *texts])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert json.loads(lines[0]) == {"schema_version": 1, "type": "Partnership"}
    (deal,) = [pk.from_dict(pk.Partnership, json.loads(line)) for line in lines[1:]]
    assert (deal.kind.value, str(deal.date)) == ("mou", "2021-04-27")
    assert {p.name for p in deal.parties} == {"Alpha University", "Beta University"}
    assert sorted(e.locator or "" for e in deal.evidence) == texts
    assert not (tmp_path / "pk.db").exists(), "without --save or --from-store the store is not touched"


def test_table_and_save_then_query(texts: list[str], tmp_path: Path) -> None:
    db = str(tmp_path / "pk.db")
    result = CliRunner().invoke(cli, ["--db", db, "extract", *texts, "--format", "table", "--save"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0].split() == ["date", "kind", "status", "parties", "location", "evidence"]
    assert "saved to" in result.stderr
    assert "imported 1" in result.stderr
    with pk.Store(db) as store:
        (saved,) = store.partnerships(institution="Alpha University")
        assert saved.kind is pk.PartnershipKind.MOU
        assert [p.source for p in store.provenance(saved)] == ["extract"]
    again = CliRunner().invoke(cli, ["--db", db, "extract", *texts, "--save"])
    assert "unchanged 1" in again.stderr


def test_saving_again_with_more_evidence_keeps_one_partnership(texts: list[str], tmp_path: Path) -> None:
    """The daily run (extract --save after new articles) must not store the same deal twice: the
    deal saved from one text and again from two is one partnership with both sentences, and a
    partnership another source gave is left alone."""
    db = str(tmp_path / "pk.db")
    other = pk.Partnership(kind="mou", parties=[pk.Party("Gamma University"), pk.Party("Delta University")])
    with pk.Store(db) as store:
        store.add([(other, pk.Provenance(source="jsonl", locator="deals.jsonl row 1"))])
    first = CliRunner().invoke(cli, ["--db", db, "extract", texts[0], "--save"])
    assert first.exit_code == 0, first.output
    second = CliRunner().invoke(cli, ["--db", db, "extract", texts[1], texts[0], "--save"])
    assert second.exit_code == 0, second.output
    assert "1 saved before merged into these" in second.stderr
    with pk.Store(db) as store:
        (saved,) = store.partnerships(institution="Alpha University")
        assert len(saved.evidence) == 2
        assert store.counts()["partnerships"] == 2
        assert list(store.partnerships(institution="Gamma University")) == [other]
    third = CliRunner().invoke(cli, ["--db", db, "extract", texts[0], "--save"])
    assert "unchanged 1" in third.stderr
    with pk.Store(db) as store:
        assert store.counts()["partnerships"] == 2


def test_from_store_reads_articles_of_a_publisher(tmp_path: Path) -> None:
    db = str(tmp_path / "pk.db")
    with pk.Store(db) as store:
        store.add(
            [
                pk.Article(text=ONE, url="https://alpha.example/1", publisher="Alpha University"),
                pk.Article(
                    text="Gamma University and Delta University signed an agreement.", url="https://x.example/2"
                ),
            ]
        )
    result = CliRunner().invoke(cli, ["--db", db, "extract", "--from-store", "--publisher", "Alpha University"])
    assert result.exit_code == 0, result.output
    deals = [json.loads(line) for line in result.stdout.splitlines()[1:]]
    assert [d["evidence"][0]["locator"] for d in deals] == ["https://alpha.example/1"]
    everything = CliRunner().invoke(cli, ["--db", db, "extract", "--from-store"])
    assert len(everything.stdout.splitlines()) == 3


def test_articles_from_json_lines_and_stdin(tmp_path: Path) -> None:
    path = tmp_path / "articles.jsonl"
    pk.dump_jsonl([pk.Article(text=ONE, url="https://alpha.example/1")], path)
    result = CliRunner().invoke(cli, ["extract", str(path), "-"], input=TWO)
    assert result.exit_code == 0, result.output
    (deal,) = [json.loads(line) for line in result.stdout.splitlines()[1:]]
    assert sorted(e["locator"] for e in deal["evidence"]) == ["<stdin>", "https://alpha.example/1"]


def test_input_errors(tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(cli, ["extract"]).exit_code == 2
    assert "give FILEs or --from-store" in runner.invoke(cli, ["extract"]).stderr
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"schema_version": 1, "type": "Article"}\n{"text": 5}\n')
    result = runner.invoke(cli, ["extract", str(bad)])  # the bad line is left out, with a warning
    assert (result.exit_code, result.stdout) == (0, '{"schema_version": 1}\n')
    assert result.stderr == f"partnerkit: warning: {bad} row 2: text: expected str, got int (left out)\n"
    result = runner.invoke(cli, ["extract", str(bad), "--published", "yesterday"])
    assert result.exit_code == 2
    assert "'yesterday' is not a date" in result.stderr


def test_a_registry_links_parties_to_institutions(tmp_path: Path) -> None:
    registry = tmp_path / "unis.jsonl"
    pk.dump_jsonl(
        [
            pk.Institution(id="alpha", name="Alpha University", country="NO"),
            pk.Institution(id="beta", name="Beta University", country="SE"),
        ],
        registry,
    )
    text = tmp_path / "a.txt"
    text.write_text(ONE)
    db = str(tmp_path / "pk.db")
    result = CliRunner().invoke(cli, ["--db", db, "extract", str(text), "--registry", str(registry), "--save"])
    assert result.exit_code == 0, result.output
    (deal,) = [json.loads(line) for line in result.stdout.splitlines()[1:]]
    assert sorted(p.get("institution_id") for p in deal["parties"]) == ["alpha", "beta"]
    with pk.Store(db) as store:
        store.add(pk.load_jsonl(pk.Institution, registry))
        assert [p.kind.value for p in store.partnerships(country="SE")] == ["mou"]


def test_a_text_that_is_not_utf8_is_refused_not_garbled(tmp_path: Path) -> None:
    """A cp1251 news file read as UTF-8 would lose every letter and state nothing: it is an error."""
    news = tmp_path / "news.txt"
    news.write_bytes("ТГУ и МГУ подписали соглашение о сотрудничестве.\n".encode("cp1251"))
    result = CliRunner().invoke(cli, ["extract", str(news)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"partnerkit: error: {news} row 1: not valid UTF-8 text (invalid")
    assert result.stderr.count("\n") == 1
    bom = tmp_path / "bom.txt"
    bom.write_bytes("\ufeffHUST and ITMO University signed a strategic partnership agreement.".encode())
    result = CliRunner().invoke(cli, ["extract", str(bom)])
    assert result.exit_code == 0
    assert '"kind":"strategic_partnership"' in result.stdout


PAGE = """<!doctype html><html lang="en"><head><title>Alpha and Beta sign a memorandum</title>
<meta property="article:published_time" content="2021-05-03T10:00:00Z">
<script>var teaser = "Gamma University and Delta University signed an agreement";</script></head>
<body><nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<p><b>Alpha University</b> and Beta&nbsp;University signed a memorandum of understanding on April 27.</p>
</body></html>"""


def test_an_html_page_is_read_as_its_text(tmp_path: Path) -> None:
    """Tags, scripts and menus are not text: a page gives the deal it states, dated from its meta tag."""
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(page)])
    assert result.exit_code == 0, result.output
    deals = [pk.from_dict(pk.Partnership, json.loads(line)) for line in result.stdout.splitlines()[1:]]
    assert [({p.name for p in d.parties}, d.kind.value, str(d.date)) for d in deals] == [
        ({"Alpha University", "Beta University"}, "mou", "2021-04-27")
    ]
    assert all("<" not in e.quote for e in deals[0].evidence)


def test_a_file_without_text_is_left_out_with_a_warning(tmp_path: Path, texts: list[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(empty), *texts])
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 2  # the header and the one deal of the other texts
    assert result.stderr == f"partnerkit: warning: {empty}: the file holds no text (left out)\n"


def test_a_bad_published_date_names_the_option(texts: list[str]) -> None:
    result = CliRunner().invoke(cli, ["extract", *texts, "--published", "yesterday"])
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "partnerkit: error: Invalid value for '--published': 'yesterday' is not a date of the form YYYY"
    )


def test_a_bad_article_line_is_left_out_with_a_warning(tmp_path: Path) -> None:
    """One bad line of a JSON Lines file of articles: a warning naming it, the other articles are read
    (the whole command stopped)."""
    path = tmp_path / "articles.jsonl"
    lines = ['{"schema_version": 1, "type": "Article"}', json.dumps({"text": ONE}), '{"text": 5}']
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(path)])
    assert result.exit_code == 0, result.output
    assert result.stderr == f"partnerkit: warning: {path} row 3: text: expected str, got int (left out)\n"
    (deal,) = [pk.from_dict(pk.Partnership, json.loads(line)) for line in result.stdout.splitlines()[1:]]
    assert {p.name for p in deal.parties} == {"Alpha University", "Beta University"}
