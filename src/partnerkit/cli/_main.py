"""Entry point and shared plumbing of the ``partnerkit`` command."""

from __future__ import annotations

import collections
import json
import logging
from typing import Any

import click

import partnerkit as pk
from partnerkit.cli._serve import serve

log = logging.getLogger("partnerkit")


class _Group(click.Group):
    """A click group that turns partnerkit errors into one clear line and an exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except pk.PartnerkitError as exc:
            if ctx.meta.get("partnerkit.debug"):
                raise
            click.echo(f"partnerkit: error: {exc}", err=True)
            ctx.exit(2)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(pk.__version__, prog_name="partnerkit")
@click.option("--debug", is_flag=True, help="Show tracebacks and debug logging.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """partnerkit: institutions, partnerships and the evidence behind them."""
    ctx.meta["partnerkit.debug"] = debug
    logging.basicConfig(level=logging.DEBUG if debug else logging.WARNING, format="%(levelname)s %(message)s")


_RECORD_TYPES: dict[str, type[Any]] = {"Institution": pk.Institution, "Partnership": pk.Partnership}


def _read_any(path: str) -> list[Any]:
    """Read a JSON Lines file of institutions or partnerships, guessing the type from its header."""
    with open(path, encoding="utf-8") as fh:
        first = fh.readline()
    try:
        header = json.loads(first) if first.strip() else {}
    except json.JSONDecodeError:
        raise pk.RecordError("not valid JSON", row=1, locator=path) from None
    cls = _RECORD_TYPES.get(header.get("type", "") if isinstance(header, dict) else "")
    if cls is None:
        raise pk.RecordError(
            "no header line naming the record type; write it with partnerkit.dump_jsonl", row=1, locator=path
        )
    return list(pk.load_jsonl(cls, path))


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
def summary(files: tuple[str, ...]) -> None:
    """Summarise JSON Lines files of institutions and partnerships.

    Example: partnerkit summary examples/institutions.jsonl examples/partnerships.jsonl
    """
    institutions: list[pk.Institution] = []
    partnerships: list[pk.Partnership] = []
    for path in files:
        for record in _read_any(path):
            (institutions if isinstance(record, pk.Institution) else partnerships).append(record)
    by_id = {i.id: i for i in institutions}
    click.echo(f"{len(institutions)} institutions in {len({i.country for i in institutions})} countries")
    for inst in sorted(institutions, key=lambda i: (i.country or "", i.name)):
        acr = f" ({', '.join(inst.acronyms)})" if inst.acronyms else ""
        click.echo(f"  {inst.country or '--'}  {inst.name}{acr}")
    kinds = collections.Counter(p.kind.value for p in partnerships)
    click.echo(f"{len(partnerships)} partnerships: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
    for p in sorted(partnerships, key=lambda p: (p.date is None, p.date or pk.PartialDate(1))):
        names = " + ".join(by_id[x.institution_id].name if x.institution_id in by_id else x.name for x in p.parties)
        where = f" in {p.location}" if p.location else ""
        click.echo(f"  {p.date or '----'!s:<10}  {p.kind.value:<22} {p.status.value:<11} {names}{where}")


cli.add_command(serve)


def main(argv: list[str] | None = None) -> None:
    """Run the command line (the ``partnerkit`` console script)."""
    cli.main(args=argv, prog_name="partnerkit")


if __name__ == "__main__":  # pragma: no cover
    main()
