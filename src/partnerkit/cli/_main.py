"""Entry point of the ``partnerkit`` command: the group and every command registered on it."""

from __future__ import annotations

import collections
import json
from typing import Any

import click

import partnerkit as pk
from partnerkit.cli import _extract_commands, _match_commands, _serve, _source_commands, _store_commands
from partnerkit.cli._app import cli

__all__ = ["cli", "main"]

_COMMANDS = (_extract_commands, _match_commands, _serve, _source_commands, _store_commands)

_RECORD_TYPES: dict[str, type[Any]] = {
    "Article": pk.Article,
    "Institution": pk.Institution,
    "Partnership": pk.Partnership,
}


def _read_any(path: str) -> list[Any]:
    """Read a JSON Lines file of institutions, partnerships or articles, the type named by its header."""
    with open(path, "rb") as fh:
        try:
            first = fh.readline().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise pk.RecordError("not valid UTF-8 text; write JSON Lines in UTF-8", row=1, locator=path) from None
    try:
        header = json.loads(first) if first.strip() else {}
    except json.JSONDecodeError:
        raise pk.RecordError("not valid JSON", row=1, locator=path) from None
    cls = _RECORD_TYPES.get(header.get("type", "") if isinstance(header, dict) else "")
    if cls is None and (not first.strip() or (isinstance(header, dict) and set(header) == {"schema_version"})):
        # an empty file, or dump_jsonl's header of no records (no type to name): empty if no record follows
        with open(path, "rb") as fh:
            fh.readline()
            if not any(line.strip() for line in fh):
                return []
    named = header.get("type") if isinstance(header, dict) else None
    if cls is None and isinstance(named, str) and named:
        raise pk.RecordError(
            f"the header names {named[:40]!r} records; summary reads Institution, Partnership and Article files",
            row=1,
            locator=path,
        )
    if cls is None:
        raise pk.RecordError(
            "no header line naming the record type; write it with partnerkit.dump_jsonl", row=1, locator=path
        )
    return list(pk.load_jsonl(cls, path))


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
def summary(files: tuple[str, ...]) -> None:
    """Summarise JSON Lines files of institutions and partnerships (and articles, as 'read' writes them).

    Example: partnerkit summary examples/institutions.jsonl examples/partnerships.jsonl
    """
    institutions: list[pk.Institution] = []
    partnerships: list[pk.Partnership] = []
    articles: list[pk.Article] = []
    for path in files:
        for record in _read_any(path):
            if isinstance(record, pk.Institution):
                institutions.append(record)
            elif isinstance(record, pk.Article):
                articles.append(record)
            else:
                partnerships.append(record)
    by_id = {i.id: i for i in institutions}
    click.echo(f"{len(institutions)} institutions in {len({i.country for i in institutions})} countries")
    for inst in sorted(institutions, key=lambda i: (i.country or "", i.name)):
        acr = f" ({', '.join(inst.acronyms)})" if inst.acronyms else ""
        click.echo(f"  {inst.country or '--'}  {inst.name}{acr}")
    kinds = collections.Counter(p.kind.value for p in partnerships)
    by_kind = ", ".join(f"{k} {n}" for k, n in sorted(kinds.items()))
    click.echo(f"{len(partnerships)} partnerships" + (f": {by_kind}" if by_kind else ""))
    for p in sorted(partnerships, key=lambda p: (p.date is None, p.date or pk.PartialDate(1))):
        names = " + ".join(by_id[x.institution_id].name if x.institution_id in by_id else x.name for x in p.parties)
        where = f" in {p.location}" if p.location else ""
        click.echo(f"  {p.date or '----'!s:<10}  {p.kind.value:<22} {p.status.value:<11} {names}{where}")
    if articles:
        publishers = collections.Counter(a.publisher or "(no publisher)" for a in articles)
        dated = sorted(a.published for a in articles if a.published)
        span = f", {dated[0]} to {dated[-1]}" if dated else ""
        click.echo(
            f"{len(articles)} articles from {len(publishers)} publisher{'s' if len(publishers) > 1 else ''}{span}"
        )
        for publisher, count in publishers.most_common():
            click.echo(f"  {count:>5}  {publisher}")


def main(argv: list[str] | None = None) -> None:
    """Run the command line (the ``partnerkit`` console script)."""
    cli.main(args=argv, prog_name="partnerkit")


if __name__ == "__main__":  # pragma: no cover
    main()
