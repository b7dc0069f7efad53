"""The ``extract`` command: partnerships from news texts, merged across inputs."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import attrs
import click

import partnerkit as pk
from partnerkit._store._saved import save_merged
from partnerkit.cli._app import App, cli, pass_app, table
from partnerkit.cli._inputs import load_registry, read_utf8


def _articles(files: tuple[str, ...], publisher: str | None) -> Iterator[tuple[str, pk.Article]]:
    """``(locator, article)`` for each input: a ``.jsonl`` file holds articles, any other file is one text.

    A text file is read by the ``text`` source, so an HTML page is reduced to its text (its
    title and publication date kept) as ``import text`` does; a file with no text in it, and
    a bad line of a JSON Lines file, is left out with a warning.
    """
    for path in files:
        if path.endswith((".jsonl", ".jsonl.gz")):
            for row, article in enumerate(pk.load_jsonl(pk.Article, path, on_error=_left_out), start=1):
                yield article.url or f"{path} article {row}", article
        elif path == "-":
            yield "<stdin>", pk.Article(text=sys.stdin.read(), publisher=publisher)
        else:
            read_utf8(  # never mojibake: a garbled text states no partnership
                path,
                "convert it to UTF-8, or import it with "
                "'partnerkit import text -o paths=FILE -o encoding={page}' ({what}) and use --from-store",
            )
            source = pk.open_source("text", paths=(path,), publisher=publisher)
            for item in source.read():
                if isinstance(item.record, pk.Article):  # the text source reads nothing else
                    yield path, item.record
            for error in source.summary.errors:
                _left_out(error)


def _left_out(error: pk.RecordError) -> None:
    """One bad input (an article line, an empty file) is a warning; the others are still read."""
    click.echo(f"partnerkit: warning: {error} (left out)", err=True)


def _text_of(article: pk.Article) -> str:
    """The text to read partnerships from: the title (unless the text starts with it), then the text."""
    if article.title and not article.text.startswith(article.title):
        return f"{article.title}\n{article.text}"
    return article.text


def _located(p: pk.Partnership, locator: str, source: str | None) -> pk.Partnership:
    """The partnership with each piece of evidence saying which input it was read from."""
    evidence = tuple(attrs.evolve(e, locator=e.locator or locator, source=e.source or source) for e in p.evidence)
    return attrs.evolve(p, evidence=evidence)


@cli.command()
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@click.option("--from-store", is_flag=True, help="Read the articles in the store (imported from feeds or files).")
@click.option(
    "--publisher",
    metavar="NAME",
    help="Who published the texts ('the university' refers to it); with --from-store, only its articles.",
)
@click.option(
    "--published",
    metavar="DATE",
    help="When the texts were published (resolves 'today', 'last year'); used in place of an article's own date.",
)
@click.option(
    "--registry",
    "registry_spec",
    metavar="SPEC",
    help="Resolve mentions to institutions: 'store', a ROR dump, or a CSV/JSONL file of institutions.",
)
@click.option(
    "--save",
    is_flag=True,
    help="Also store the partnerships found, with provenance, merged with those saved before (no duplicates).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "table"]),
    default="jsonl",
    show_default=True,
    help="jsonl: partnerships as JSON Lines (read back with pk.load_jsonl or 'import jsonl'); table: for reading.",
)
@pass_app
def extract(  # noqa: PLR0917 - one parameter per option
    app: App,
    files: tuple[str, ...],
    from_store: bool,
    publisher: str | None,
    published: str | None,
    registry_spec: str | None,
    save: bool,
    fmt: str,
) -> None:
    """Find the partnerships that news texts state, merged across all inputs.

    FILE is a text or HTML file (one article; '-' reads stdin) or a JSON Lines file of
    articles. An HTML page is reduced to its text, as 'import text' does.
    The same deal reported by several texts comes out once, with every sentence that
    states it as evidence.

    \b
    Examples:
      partnerkit extract news/*.txt --publisher "ITMO University" --format table
      partnerkit extract --from-store --publisher "ITMO University" > partnerships.jsonl
      partnerkit extract examples/news/*.txt --registry examples/institutions.jsonl --save
    """
    if bool(files) == from_store:
        raise click.UsageError("give FILEs or --from-store (not both)")
    try:
        when = pk.PartialDate.parse(published) if published else None
    except pk.RecordError as exc:
        raise click.BadParameter(exc.reason, param_hint="'--published'") from None
    registry = load_registry(registry_spec, app) if registry_spec else None
    if from_store:
        inputs: Iterator[tuple[str, pk.Article]] = (
            (a.url or f"store article {i}", a) for i, a in enumerate(app.store().articles(publisher=publisher), 1)
        )
    else:
        inputs = _articles(files, publisher)
    found: list[tuple[str, pk.Partnership]] = []
    for locator, article in inputs:
        by = publisher or article.publisher
        extraction = pk.extract(_text_of(article), published=when or article.published, publisher=by, registry=registry)
        found.extend((locator, _located(p, locator, by)) for p in extraction.partnerships)
    merged = pk.merge_partnerships([p for _, p in found], registry)
    if save:
        report, merged_away = save_merged(
            app.store(), merged, lambda ps: pk.merge_partnerships(ps, registry), source="extract"
        )
        again = f"; {merged_away} saved before merged into these" if merged_away else ""
        click.echo(f"saved to {app.store().path}: {report}{again}", err=True)
    if fmt == "jsonl":
        pk.dump_jsonl(merged, sys.stdout)
        return
    table(
        [
            (
                str(p.date or p.started or ""),
                p.kind.value,
                p.status.value,
                " + ".join(x.name for x in p.parties),
                str(p.location or ""),
                len(p.evidence),
            )
            for p in merged
        ],
        ("date", "kind", "status", "parties", "location", "evidence"),
    )
