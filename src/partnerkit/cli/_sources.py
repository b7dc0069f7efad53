"""``partnerkit sources`` and ``partnerkit read``: list the sources, read one to JSON Lines."""

from __future__ import annotations

import json
import os
from typing import Any

import click

import partnerkit as pk
from partnerkit.cli._main import cli


@cli.command("sources")
@click.option("--strict", is_flag=True, help="Fail if any plugin cannot be loaded (for plugin authors).")
def sources_command(strict: bool) -> None:
    """List the sources partnerkit found, with the reason for any that failed."""
    for name, info in pk.sources(strict=strict).items():
        where = f"{info.distribution or '?'} {info.version or ''}".strip()
        if info.status == "loaded":
            caps = ", ".join(sorted(info.capabilities)) or "-"
            click.echo(f"{name:<10} loaded  {where:<28} [{caps}] {info.description}")
        else:
            click.echo(f"{name:<10} FAILED  {where:<28} {info.error}")


def _parse_options(options: tuple[str, ...]) -> dict[str, Any]:
    config: dict[str, Any] = {}
    for option in options:
        key, sep, value = option.partition("=")
        if not sep or not key.strip():
            raise pk.ConfigError("expected KEY=VALUE", path=f"option {len(config) + 1}")
        key = key.strip()
        if key in config:  # a repeated option builds a list (paths=a paths=b)
            previous = config[key]
            config[key] = [*previous, value] if isinstance(previous, list) else [previous, value]
        else:
            config[key] = value
    return config


@cli.command("read")
@click.argument("source")
@click.option("-o", "--option", "options", multiple=True, metavar="KEY=VALUE", help="A source option (repeatable).")
@click.option("--output", type=click.Path(dir_okay=False), help="Write records as JSON Lines here (default: stdout).")
@click.option("--state", "state_path", type=click.Path(dir_okay=False), help="Read and update the state file.")
@click.option("--strict", is_flag=True, help="Stop at the first bad record.")
def read_command(
    source: str, options: tuple[str, ...], output: str | None, state_path: str | None, strict: bool
) -> None:
    """Read SOURCE (csv, jsonl, text, rss, ror, ...) and write its records as JSON Lines.

    Example: partnerkit read csv -o path=unis.csv -o encoding=cp1251 --output unis.jsonl
    """
    src = pk.open_source(source, strict=strict, **_parse_options(options))
    state = None
    if state_path and os.path.exists(state_path):
        with open(state_path, encoding="utf-8") as fh:
            state = json.load(fh)
    records = (item.record for item in src.read(state=state))
    if output:
        count = pk.dump_jsonl(records, output)
    else:
        count = 0
        for record in records:
            click.echo(json.dumps(pk.to_dict(record), ensure_ascii=False))
            count += 1
    if state_path and src.state is not None:
        with open(state_path, "w", encoding="utf-8") as fh:
            json.dump(src.state, fh)
    click.echo(str(src.summary), err=True)
    for error in src.summary.errors[:20]:
        click.echo(f"  {error}", err=True)
    if count == 0 and src.summary.rejected:
        raise SystemExit(1)
