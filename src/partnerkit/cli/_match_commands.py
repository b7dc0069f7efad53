"""Commands over the matching engine: ``match`` and ``dedupe``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import click

import partnerkit as pk
from partnerkit._matching._dedupe import dedupe_rows, text_of
from partnerkit.cli._app import App, cell, cli, format_option, pass_app, table, write_csv, write_json_lines
from partnerkit.cli._inputs import header_columns, load_registry, read_table

_REGISTRY_HELP = "Institutions to match against: 'store' (default), a ROR dump, or a CSV/JSONL file of institutions."
_ENCODING_HELP = "The encoding of the names file (cp1251, latin-1...; default UTF-8, a UTF-16 byte-order mark decides)."


def _indent(text: str, prefix: str = "       ") -> str:
    return "\n".join(prefix + line for line in text.splitlines())


@cli.command()
@click.argument("names", nargs=-1)
@click.option("--file", "-f", "file", type=click.Path(exists=True, dir_okay=False), help="Names from a CSV file.")
@click.option("--column", metavar="COL", help="The column of --file that holds the names.")
@click.option("--country", metavar="CC", help="A country hint for every name (code or name).")
@click.option(
    "--country-column",
    metavar="COL",
    help="The column of --file that holds a country hint per name (default: a column named 'country', if any).",
)
@click.option("--encoding", metavar="NAME", help=_ENCODING_HELP)
@click.option("--registry", "registry_spec", metavar="SPEC", help=_REGISTRY_HELP)
@click.option("--limit", default=3, show_default=True, type=click.IntRange(1), help="Candidates per name.")
@click.option("--explain", is_flag=True, help="Show the rules that fired for each candidate.")
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="dask: match --file on a Dask cluster, best match per row, as CSV (or --format json); needs "
    "partnerkit[dask]; docs/scale.md.",
)
@click.option("--workers", type=click.IntRange(1), help="With --engine dask: worker processes of the local cluster.")
@format_option()
@pass_app
def match(  # noqa: PLR0917 - one parameter per option
    app: App,
    names: tuple[str, ...],
    file: str | None,
    column: str | None,
    country: str | None,
    country_column: str | None,
    encoding: str | None,
    registry_spec: str | None,
    limit: int,
    explain: bool,
    engine: str,
    workers: int | None,
    fmt: str,
) -> None:
    """Find the institutions that names denote, best first, with score and decision.

    A decision is MATCH (at most one per name), POSSIBLE (an ambiguous name such as
    "MSU" comes back with every candidate) or NON_MATCH.

    \b
    Examples:
      partnerkit match "ITMO Univ." "Университет ИТМО" --registry examples/institutions.jsonl
      partnerkit match MSU --country US --explain --registry examples/institutions.jsonl
      partnerkit match --file examples/names.csv --column name --country-column country --format csv
      partnerkit match --file big.csv --column affiliation --engine dask --workers 2 --format csv > matched.csv
    """
    if bool(names) == bool(file):
        raise click.UsageError("give NAMEs or --file FILE (not both)")
    if workers is not None and engine != "dask":
        raise click.UsageError("--workers needs --engine dask")
    if engine == "dask":
        if file is None:
            raise click.UsageError("--engine dask needs --file")
        if encoding is not None:
            raise click.UsageError("--engine dask reads UTF-8 files only (leave --encoding out)")
        given = click.get_current_context().get_parameter_source
        ignored = [
            option
            for option, name in (("--country", "country"), ("--limit", "limit"), ("--explain", "explain"))
            if given(name) is click.core.ParameterSource.COMMANDLINE
        ]
        if fmt == "table" and given("fmt") is click.core.ParameterSource.COMMANDLINE:
            ignored.append("--format table")
        if ignored:  # options the Dask run cannot honour must not be dropped silently
            raise click.UsageError(
                f"--engine dask does not take {', '.join(ignored)}: it writes the best match of each row with its "
                "explanation, row by row, as CSV (or --format json)"
                + ("; give a country per row with --country-column" if "--country" in ignored else "")
            )
        name_column, country_column, delimiter = header_columns(file, column, country_column)  # as the local engine
        registry = load_registry(registry_spec, app)
        _match_on_dask(file, name_column, country_column, registry, workers=workers, fmt=fmt, delimiter=delimiter)
        return
    if file is not None:
        rows = read_table(file, column, encoding)
        queries = rows.names()
        named = set(rows.named("no match"))  # an empty cell or a spreadsheet error value ("#N/A") names nothing
        hints = rows.country_hints(country_column)
    else:
        if country_column or encoding:
            raise click.UsageError(f"{'--country-column' if country_column else '--encoding'} needs --file")
        queries = list(names)
        named = set(range(len(queries)))
        hints = None
    registry = load_registry(registry_spec, app)
    countries = hints if hints is not None else [country] * len(queries)
    # Lazily, so csv and json stream out as names are matched (a table needs them all).
    results = (
        (q, c, registry.match(q, c or country, limit) if i in named else [])
        for i, (q, c) in enumerate(zip(queries, countries, strict=True))
    )
    if fmt == "json":
        write_json_lines(
            {"query": q, "country": c, "matches": [_match_dict(m, explain) for m in found]} for q, c, found in results
        )
        return
    header = ("query", "rank", "institution_id", "institution", "country", "score", "decision")
    if fmt == "csv":
        write_csv(_match_rows(results, explain), (*header, "explanation") if explain else header)
    elif not explain:
        table(list(_match_rows(results, explain)), header)
    else:
        for q, _c, found in results:
            click.echo(cell(q))
            if not found:
                click.echo("  no candidate shares a word with this name")
            for rank, m in enumerate(found, start=1):
                where = f", {m.institution.country}" if m.institution.country else ""
                click.echo(
                    f"  {rank}. {cell(m.institution.name)} [{cell(m.institution.id)}{where}]"
                    f"  score {m.score:.2f}  {m.decision.value.upper()}"
                )
                click.echo(_indent(str(m.explanation)))


def _match_on_dask(
    file: str,
    column: str,
    country_column: str | None,
    registry: pk.Registry,
    *,
    workers: int | None,
    fmt: str,
    delimiter: str,
) -> None:
    """The rows of ``file`` with their best match, as CSV (or JSON Lines), partition by partition."""
    import sys

    try:
        import partnerkit.dask as pkd
    except ImportError as exc:
        raise click.UsageError(str(exc)) from None
    parts = pkd.match_csv(
        file, registry, column=column, country_column=country_column, workers=workers, delimiter=delimiter
    )
    from pandas.errors import ParserError

    try:
        for frame, done, total in parts:
            if fmt == "json":
                click.echo(frame.to_json(orient="records", lines=True, force_ascii=False).rstrip("\n"))
            else:
                frame.to_csv(sys.stdout, header=done == 1, index=False)
            click.echo(f"\rpartnerkit: matched {done}/{total} partitions", err=True, nl=done == total)
    except ParserError as exc:  # a row pandas cannot split: bad input, not a bug
        reason = " ".join(str(exc).split()).removeprefix("Error tokenizing data. C error: ")
        raise pk.RecordError(
            f"not readable as CSV ({reason}; a quote inside a value must be doubled)", locator=file
        ) from None


def _match_rows(results: Iterable[tuple[str, str | None, list[pk.Match]]], explain: bool) -> Iterator[list[Any]]:
    """One row per candidate (a row with decision ``none`` for a name without any)."""
    for q, _c, found in results:
        if not found:
            yield [q, "", "", "", "", "", "none", *([""] if explain else [])]
        for rank, m in enumerate(found, start=1):
            cells = [q, rank, m.institution.id, m.institution.name, m.institution.country, f"{m.score:.2f}"]
            yield [*cells, m.decision.value, *([str(m.explanation)] if explain else [])]


def _match_dict(m: pk.Match, explain: bool) -> dict[str, Any]:
    data = m.to_dict()
    if not explain:
        data.pop("explanation", None)
    data["country"] = m.institution.country
    return data


@cli.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--column",
    metavar="COL",
    help="The column that holds the names (default: name, institution, organization or affiliation, or the only one).",
)
@click.option(
    "--registry",
    "registry_spec",
    metavar="SPEC",
    help="Attach clusters to institutions: 'store', a ROR dump, or a CSV/JSONL file of institutions.",
)
@click.option(
    "--country-column",
    metavar="COL",
    help="The column that holds a country hint per name (default: a column named 'country', if any).",
)
@click.option("--encoding", metavar="NAME", help=_ENCODING_HELP)
@click.option("--explain", is_flag=True, help="With --format json: why the members of each cluster were joined.")
@format_option()
@pass_app
def dedupe(  # noqa: PLR0917 - one parameter per option
    app: App,
    file: str,
    column: str | None,
    registry_spec: str | None,
    country_column: str | None,
    encoding: str | None,
    explain: bool,
    fmt: str,
) -> None:
    """Group the names of FILE into clusters of the same institution.

    table: one line per cluster. csv: every input row, in order, with four columns
    added (cluster_id, canonical_name, institution_id, decision) to join back on.
    json: one object per cluster (JSON Lines).

    \b
    Examples:
      partnerkit dedupe examples/names.csv --column name
      partnerkit dedupe examples/names.csv --format csv > names-clustered.csv
      partnerkit dedupe names.txt --registry ror-dump.zip --format json
    """
    if explain and fmt != "json":
        raise click.UsageError("--explain needs --format json (the links that joined each cluster)")
    rows = read_table(file, column, encoding)
    registry = load_registry(registry_spec, app) if registry_spec else None
    hints = rows.country_hints(country_column)
    # a row whose name cell is empty or a spreadsheet error value ("#N/A") joins no cluster (nor every other such row)
    named = rows.named("left out of the clusters (kept without one in --format csv)")
    clusters, where = dedupe_rows(
        [rows.rows[i][rows.column] for i in named],
        registry,
        countries=None if hints is None else [hints[i] for i in named],
        rows=fmt == "csv",
    )
    if fmt == "json":
        write_json_lines(_cluster_dict(i, c, explain) for i, c in enumerate(clusters, start=1))
        return
    if fmt == "table":
        table(
            [
                (i, c.count, c.canonical, c.institution.id if c.institution else "", " | ".join(c.members[1:]))
                for i, c in enumerate(clusters, start=1)
            ],
            ("cluster", "rows", "canonical", "institution_id", "other names"),
        )
        return
    decisions = [_member_decisions(c) for c in clusters]
    out: list[list[object]] = []
    cluster_of = dict(zip(named, where, strict=True))
    added = ("cluster_id", "canonical_name", "institution_id", "decision")
    # a file this command wrote (run again, with a registry say): its four columns are replaced, not doubled
    kept = [i for i, h in enumerate(rows.header) if h not in added] if set(added) <= set(rows.header) else None
    for n, row in enumerate(rows.rows):  # by row: one text can be in two clusters (two countries)
        cells = list(row) if kept is None else [row[k] for k in kept]
        if (i := cluster_of.get(n)) is None:
            out.append([*cells, "", "", "", ""])  # no name: kept, in no cluster
            continue
        cluster = clusters[i]
        decision = decisions[i][text_of(row[rows.column])]  # members are texts as dedupe cleaned them
        out.append([*cells, i + 1, cluster.canonical, cluster.institution.id if cluster.institution else "", decision])
    header = rows.header if kept is None else tuple(rows.header[k] for k in kept)
    write_csv(out, (*header, *added))


def _member_decisions(cluster: pk.Cluster) -> dict[str, str]:
    """How each member of a cluster joined it: "canonical", or the decision of the link that brought it."""
    joined = {link.right: link.explanation.decision.value for link in cluster.links}
    joined.update({link.left: link.explanation.decision.value for link in cluster.links if link.left not in joined})
    out = {}
    for member in cluster.members:
        decision = "canonical" if member == cluster.canonical else joined.get(member, pk.Decision.MATCH.value)
        if cluster.decision is pk.Decision.POSSIBLE and len(cluster.members) == 1:
            decision = pk.Decision.POSSIBLE.value  # fits several institutions of the registry
        out[member] = decision
    return out


def _cluster_dict(i: int, cluster: pk.Cluster, explain: bool) -> dict[str, Any]:
    data: dict[str, Any] = {"cluster_id": i, **cluster.to_dict()}
    if not explain:
        data.pop("links", None)
    return data
