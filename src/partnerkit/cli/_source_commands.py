"""Commands over source plugins: ``sources`` and ``import``."""

from __future__ import annotations

import json
import os
import re
import tomllib
from typing import Any

import click

import partnerkit as pk
from partnerkit.cli._app import (
    EXIT_REJECTED,
    App,
    cli,
    format_option,
    pass_app,
    progress,
    table,
    write_csv,
    write_json_lines,
)

#: How many rejected records ``import`` lists one by one (all are counted by reason).
_SHOWN_ERRORS = 10


@cli.command()
@click.option("--strict", is_flag=True, help="Fail if any plugin cannot be loaded (for plugin authors).")
@format_option()
def sources(strict: bool, fmt: str) -> None:
    """List the sources partnerkit can read, with version and status.

    A plugin that failed to load is listed as FAILED with the reason; it never stops
    the others (with --strict it is an error).

    \b
    Examples:
      partnerkit sources
      partnerkit sources --strict --format json
    """
    found = pk.sources(strict=strict)
    rows = [
        (
            info.name,
            info.status if info.status == "loaded" else "FAILED",
            info.version or "",
            info.distribution or "",
            ",".join(sorted(info.capabilities)),
            info.description if info.status == "loaded" else info.error,
        )
        for info in found.values()
    ]
    header = ("name", "status", "version", "distribution", "capabilities", "description")
    if fmt == "json":
        write_json_lines(dict(zip(header, row, strict=True)) for row in rows)
    elif fmt == "csv":
        write_csv(rows, header)
    else:
        table(rows, header)


def _parse_options(options: tuple[str, ...]) -> dict[str, Any]:
    """``KEY=VALUE`` strings as a config mapping; a repeated key builds a list (``paths=a paths=b``),
    and ``NAME.KEY=VALUE`` an entry of the table option NAME (``columns.Название=name``)."""
    config: dict[str, Any] = {}
    for number, option in enumerate(options, start=1):
        key, sep, value = option.partition("=")
        if not sep or not key.strip():
            raise pk.ConfigError("expected KEY=VALUE", path=f"option {number}")
        key = key.strip()
        table, dot, entry = key.partition(".")
        if dot and table and entry:
            if not isinstance(config.setdefault(table, {}), dict):
                raise pk.ConfigError("given both as a value and as a table", path=f"config.{table}")
            config[table][entry] = value
            continue
        if key in config:
            previous = config[key]
            config[key] = [*previous, value] if isinstance(previous, list) else [previous, value]
        else:
            config[key] = value
    return config


_OPTION = click.option(
    "-o", "--option", "options", multiple=True, metavar="KEY=VALUE", help="A source option (repeatable)."
)


@cli.command("read")
@click.argument("source")
@_OPTION
@click.option("--output", type=click.Path(dir_okay=False), help="Write records as JSON Lines here (default: stdout).")
@click.option("--state", "state_path", type=click.Path(dir_okay=False), help="Read and update this state file.")
@click.option(
    "--strict", is_flag=True, help="Stop at the first bad record (exit status 1; a source that cannot be read: 2)."
)
def read_command(
    source: str, options: tuple[str, ...], output: str | None, state_path: str | None, strict: bool
) -> None:
    """Read SOURCE (csv, jsonl, text, rss, ror, ...) and write its records as JSON Lines, without a store.

    \b
    Example:
      partnerkit read csv -o path=unis.csv -o encoding=cp1251 --output unis.jsonl
    """
    src = pk.open_source(source, strict=strict, **_parse_options(options))
    state = _read_state(state_path) if state_path else None
    records = (item.record for item in src.read(state=state))
    try:
        if output:
            count = pk.dump_jsonl(records, output)
        else:
            count = 0
            for record in records:
                click.echo(json.dumps(pk.to_dict(record), ensure_ascii=False))
                count += 1
    except pk.RecordError as exc:
        if not strict:
            raise
        click.echo(f"partnerkit: rejected: {exc}", err=True)
        raise SystemExit(EXIT_REJECTED) from None
    if state_path and src.state is not None:
        temporary = f"{state_path}.partial"
        with open(temporary, "w", encoding="utf-8") as fh:
            json.dump(src.state, fh)
        os.replace(temporary, state_path)  # never a half-written state file
    click.echo(str(src.summary), err=True)
    for error in src.summary.errors[:20]:
        click.echo(f"  {error}", err=True)
    if count == 0 and src.summary.rejected:
        raise SystemExit(EXIT_REJECTED)


def _read_state(path: str) -> dict[str, Any] | None:
    """The state ``read --state FILE`` saved last time (None for a new file).

    Raises:
        ConfigError: the file is not a state file, or its folder does not exist.
    """
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise pk.ConfigError(f"--state {path}: no such folder {folder}")
    if not os.path.exists(path):
        return None
    try:
        with open(path, encoding="utf-8") as fh:
            state = json.load(fh)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        what = f"not JSON ({exc.msg if isinstance(exc, json.JSONDecodeError) else exc.reason})"
    else:
        if isinstance(state, dict):
            return state
        what = f"a JSON {type(state).__name__}, not an object"
    raise pk.ConfigError(
        f"--state {path}: {what}, so not a state file 'partnerkit read' wrote; delete it to read everything again"
    )


def _config_table(path: str, name: str) -> dict[str, Any]:
    """The options of source ``name`` in a TOML file: its ``[name]`` or ``[sources.name]`` table."""
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise pk.ConfigError(f"{path}: not valid TOML ({exc})") from None
    table_ = data.get("sources", {}).get(name, data.get(name))
    if table_ is None:
        raise pk.ConfigError(f"{path}: no [{name}] or [sources.{name}] table")
    if not isinstance(table_, dict):
        raise pk.ConfigError(f"{path}: [{name}] is not a table")
    return table_


@cli.command("import")
@click.argument("source")
@_OPTION
@click.option(
    "--config",
    "config_path",
    type=click.Path(exists=True, dir_okay=False),
    help="A TOML file with a [SOURCE] (or [sources.SOURCE]) table of options.",
)
@click.option(
    "--strict",
    is_flag=True,
    help="Stop at the first bad record and exit with status 1 (a source that cannot be read: 2).",
)
@click.option("--batch-size", default=500, show_default=True, type=click.IntRange(1), help="Records per transaction.")
@pass_app
def import_(  # noqa: PLR0917 - one parameter per option
    app: App, source: str, options: tuple[str, ...], config_path: str | None, strict: bool, batch_size: int
) -> None:
    """Import records from SOURCE into the store, with their provenance.

    Options come from -o KEY=VALUE (repeatable; they override --config). Re-importing
    adds nothing new; an incremental source (a feed) reads only what is new
    since its state was last saved. Bad records are reported and skipped (with --strict,
    the first one stops the import, exit status 1); what was imported before stays.

    \b
    Examples:
      partnerkit import jsonl -o path=examples/partnerships.jsonl
      partnerkit import csv -o path=unis.csv -o delimiter=";"
      partnerkit import rss --config sources.toml
    """
    config: dict[str, Any] = _config_table(config_path, source) if config_path else {}
    given = _parse_options(options)
    config.update(given)
    try:
        opened = pk.open_source(source, strict=strict, **config)
    except pk.ConfigError as exc:
        key = re.split(r"[.\[]", (exc.path or "").removeprefix("config."), maxsplit=1)[0]
        if config_path and key and key not in given:  # the option came from the file: name it
            raise pk.ConfigError(f"{config_path}: [{source}] {exc}") from None
        raise
    store = app.store()
    try:
        with progress(f"importing {source}") as update:
            report = store.import_source(opened, batch_size=batch_size, progress=update)
    except pk.RecordError as exc:
        if not strict:
            raise
        click.echo(f"partnerkit: rejected: {exc}", err=True)
        click.echo("partnerkit: --strict: import stopped; the records before this one are kept", err=True)
        raise SystemExit(EXIT_REJECTED) from None
    click.echo(f"{source}: {report}")
    for reason, count in report.by_reason.most_common():
        click.echo(f"  {count} x {reason}")
    for where, reason in report.errors[:_SHOWN_ERRORS]:
        click.echo(f"  rejected: {reason if reason.startswith(where) else f'{where}: {reason}'}")
    if report.rejected > _SHOWN_ERRORS:
        click.echo(f"  ... and {report.rejected - _SHOWN_ERRORS} more rejected (--debug logs each)")
    for notice in opened.summary.notices:
        click.echo(f"  note: {notice}")
    if report.rejected and not (report.added or report.updated or report.unchanged):
        raise SystemExit(EXIT_REJECTED)  # every record was rejected: as for read
