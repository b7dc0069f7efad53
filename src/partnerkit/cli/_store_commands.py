"""Commands over the store: ``export`` and ``partnerships``."""

from __future__ import annotations

import io
import sys

import click

import partnerkit as pk
from partnerkit._store import FORMATS as NETWORK_FORMATS
from partnerkit._store import RENDER_FORMATS, network, render_dot, write_network
from partnerkit.cli._app import App, cli, format_option, pass_app, table, write_csv, write_json_lines


@cli.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(NETWORK_FORMATS),
    default="jsonl",
    show_default=True,
    help="jsonl: node and edge objects; csv: one row per edge; graphml; dot (Graphviz).",
)
@click.option(
    "--render",
    type=click.Choice(RENDER_FORMATS),
    help="With --format dot: draw the network as an image with Graphviz (needs the 'dot' program).",
)
@click.option(
    "--output",
    type=click.Path(dir_okay=False, writable=True),
    help="Write here instead of stdout; a .svg/.png/.pdf name with --format dot renders it.",
)
@pass_app
def export(app: App, fmt: str, render: str | None, output: str | None) -> None:
    """Export the partnership network of the store.

    Nodes are institutions (id, name, country); a party that names no stored institution
    is a node of its own. Edges are partnerships, with kind, status, date and evidence
    count; a partnership of three parties gives three edges.

    \b
    Examples:
      partnerkit export --format graphml --output network.graphml
      partnerkit export --format dot --output network.svg
    """
    if render is None and output is not None and fmt == "dot":
        suffix = output.rpartition(".")[2].lower()
        render = suffix if suffix in RENDER_FORMATS else None
    if render is not None and fmt != "dot":
        raise click.UsageError("--render needs --format dot")
    buf = io.StringIO()
    write_network(network(app.store()), fmt, buf)
    if render is not None:
        image = render_dot(buf.getvalue(), render)
        if output is None:
            sys.stdout.buffer.write(image)
        else:
            with open(output, "wb") as fh:
                fh.write(image)
    elif output is None:
        click.echo(buf.getvalue(), nl=False)
    else:
        with open(output, "w", encoding="utf-8", newline="") as fh:
            fh.write(buf.getvalue())


def _party_names(p: pk.Partnership) -> str:
    return " + ".join(f"{x.name} [{x.institution_id}]" if x.institution_id else x.name for x in p.parties)


@cli.command()
@click.option("--institution", "-i", metavar="NAME", help="A party is this institution (id, name, acronym, label).")
@click.option("--partner", "-p", metavar="NAME", help="Another party is this institution.")
@click.option("--kind", "-k", multiple=True, type=click.Choice([k.value for k in pk.PartnershipKind]))
@click.option(
    "--since", metavar="DATE", help="A date (signed, started, ended) on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)."
)
@click.option(
    "--until", metavar="DATE", help="A date (signed, started, ended) on or before DATE (YYYY, YYYY-MM or YYYY-MM-DD)."
)
@click.option("--country", "-c", metavar="CC", help="A party is an institution of this country.")
@format_option()
@pass_app
def partnerships(  # noqa: PLR0917 - one parameter per option
    app: App,
    institution: str | None,
    partner: str | None,
    kind: tuple[str, ...],
    since: str | None,
    until: str | None,
    country: str | None,
    fmt: str,
) -> None:
    """List the partnerships in the store, filtered.

    \b
    Examples:
      partnerkit partnerships --institution "ITMO University" --since 2020
      partnerkit partnerships -i itmo -p hust --format json
    """
    found = app.store().partnerships(
        institution=institution,
        partner=partner,
        kind=kind or None,
        since=since,
        until=until,
        country=country,
    )
    if fmt == "json":
        write_json_lines(pk.to_dict(p) for p in found)
        return
    rows = [
        (str(p.date or p.started or ""), p.kind.value, p.status.value, _party_names(p), len(p.evidence)) for p in found
    ]
    header = ("date", "kind", "status", "parties", "evidence")
    if fmt == "csv":
        write_csv(rows, header)
    else:
        table(rows, header)
