"""The ``partnerkit`` group and what its commands share: errors, the store, output formats."""

from __future__ import annotations

import csv
import json
import logging
import os
import sys
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import IO, TYPE_CHECKING, Any, TypeVar

import click

import partnerkit as pk

if TYPE_CHECKING:
    from click._termui_impl import ProgressBar

log = logging.getLogger("partnerkit")

F = TypeVar("F", bound=Callable[..., Any])

#: Exit codes: 0 done; 1 records were rejected under --strict, or every record read was; 2 an error;
#: 130 interrupted; 141 the reader of the output went away (as a shell reports SIGPIPE).
EXIT_REJECTED = 1
EXIT_ERROR = 2
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141


#: click >= 8.2 shows the help for a bare ``partnerkit`` by raising this usage error: let it.
_SHOW_HELP: tuple[type[Exception], ...] = tuple(
    t for t in (getattr(click.exceptions, "NoArgsIsHelpError", None),) if isinstance(t, type)
)


def _usage_line(exc: click.UsageError) -> str:
    """A usage error as one line: what is wrong, and where the help is."""
    command = exc.ctx.command_path if exc.ctx is not None else "partnerkit"
    message = " ".join(exc.format_message().split())
    return f"partnerkit: error: {message} (see '{command} --help')"


class _Group(click.Group):
    """A click group that turns errors into one clear line on stderr and an exit code."""

    def make_context(
        self, info_name: str | None, args: list[str], parent: click.Context | None = None, **extra: Any
    ) -> click.Context:
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click.UsageError as exc:  # an unknown option of the group itself
            if isinstance(exc, _SHOW_HELP):
                raise
            click.echo(_usage_line(exc), err=True)
            raise click.exceptions.Exit(exc.exit_code) from None

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError as exc:  # a missing file, a bad option value, an unknown command
            if ctx.meta.get("partnerkit.debug") or isinstance(exc, _SHOW_HELP):
                raise
            click.echo(_usage_line(exc), err=True)
            ctx.exit(exc.exit_code)
        except BrokenPipeError:
            # The reader went away (``partnerkit ... | head``): stop quietly, as cat does.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            ctx.exit(EXIT_BROKEN_PIPE)
        except (pk.PartnerkitError, OSError) as exc:
            if ctx.meta.get("partnerkit.debug"):
                raise
            click.echo(f"partnerkit: error: {_one_line(exc)}", err=True)
            ctx.exit(EXIT_ERROR)
        except KeyboardInterrupt:
            if ctx.meta.get("partnerkit.debug"):
                raise
            wrote = isinstance(ctx.obj, App) and ctx.obj.opened  # said only where a store was in use
            click.echo(
                "partnerkit: interrupted" + (" (everything committed to the store before is kept)" if wrote else ""),
                err=True,
            )
            ctx.exit(EXIT_INTERRUPTED)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as exc:  # a bug: still one line, the traceback with --debug
            if ctx.meta.get("partnerkit.debug"):
                raise
            click.echo(
                f"partnerkit: internal error: {type(exc).__name__}: {_one_line(exc)} "
                "(a bug: run again with --debug for the traceback and report it)",
                err=True,
            )
            ctx.exit(EXIT_ERROR)


def _one_line(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        where = f"{exc.filename}: " if exc.filename else ""
        return f"{where}{exc.strerror}"
    return " ".join(str(exc).split()) or type(exc).__name__


class App:
    """Per-invocation state: the store path, opened lazily and closed at the end."""

    def __init__(self, db: str | None) -> None:
        self.db = db
        self._store: pk.Store | None = None

    def store(self) -> pk.Store:
        if self._store is None:
            self._store = pk.Store(self.db)
            log.debug("store: %s", self._store.path)
        return self._store

    @property
    def opened(self) -> bool:
        """Whether this command has opened the store."""
        return self._store is not None

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


@click.group(
    cls=_Group,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog="Example: partnerkit dedupe examples/names.csv --column name --format csv > clusters.csv",
)
@click.version_option(pk.__version__, prog_name="partnerkit")
@click.option(
    "--db",
    metavar="PATH",
    help="The store file (default: $PARTNERKIT_DB, else a per-user data folder).",
)
@click.option("--debug", is_flag=True, help="Show tracebacks and debug logging.")
@click.pass_context
def cli(ctx: click.Context, db: str | None, debug: bool) -> None:
    """partnerkit: institutions, partnerships and the evidence behind them.

    Exit codes: 0 done; 1 records were rejected under --strict, or every record read was (read,
    import); 2 an error (one line on stderr; --debug shows the traceback); 130 interrupted;
    141 the output's reader went away.
    """
    ctx.meta["partnerkit.debug"] = debug
    _log_to_stderr(logging.DEBUG if debug else logging.WARNING)
    app = App(db)
    ctx.obj = app
    ctx.call_on_close(app.close)


def _log_to_stderr(level: int) -> None:
    """Log records of ``level`` and above to stderr, as ``basicConfig`` would, with the level on the
    handler too: libraries that set their own loggers to INFO (Dask's ``distributed`` logs some 25
    lines per cluster started) stay quiet unless --debug."""
    root = logging.getLogger()
    if root.handlers:  # configured by whoever runs us (a test, an embedding program)
        return
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    handler.setLevel(level)
    root.addHandler(handler)
    root.setLevel(level)


pass_app = click.make_pass_decorator(App)


# --- output ---------------------------------------------------------------------------

FORMATS = ("table", "csv", "json")


def format_option(default: str = "table", choices: Sequence[str] = FORMATS) -> Callable[[F], F]:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=default,
        show_default=True,
        help="table for reading; csv and json (JSON Lines) for programs.",
    )


def _width(text: str) -> int:
    """Columns a string takes on a terminal: wide (CJK) characters two, combining marks none."""
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def cell(value: Any) -> str:
    r"""A value as one line of a table: line breaks, tabs and other control characters escaped.

    A name read from a spreadsheet cell can hold a line break (Alt+Enter in Excel) or a tab;
    printed as is, it would break the table's rows and columns.

    >>> cell("ITMO\nUniversity\t(RU)")
    'ITMO\\nUniversity\\t(RU)'
    >>> cell("Universität\u2028Wien\x00"), cell(None), cell(0.5)
    ('Universität\\u2028Wien\\x00', '', '0.5')
    """
    text = "" if value is None else str(value)
    if text.isprintable():
        return text
    return "".join(
        _ESCAPES.get(c) or (f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}")
        if unicodedata.category(c) in {"Cc", "Zl", "Zp"}
        else c
        for c in text
    )


def table(rows: Sequence[Sequence[Any]], header: Sequence[str], out: IO[str] | None = None) -> None:
    """Print rows as aligned columns under a header (each cell on one line: :func:`cell`)."""
    text = [[cell(v) for v in row] for row in rows]
    widths = [max([_width(h), *(_width(r[i]) for r in text)]) for i, h in enumerate(header)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(c + " " * (w - _width(c)) for c, w in zip(cells, widths, strict=True)).rstrip()

    click.echo(line(header), file=out)
    click.echo(line(["-" * w for w in widths]), file=out)
    for row in text:
        click.echo(line(row), file=out)


def write_csv(rows: Iterable[Sequence[Any]], header: Sequence[str]) -> None:
    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])


def write_json_lines(objects: Iterable[Any]) -> None:
    for obj in objects:
        click.echo(json.dumps(obj, ensure_ascii=False, separators=(",", ":")))


def _nothing() -> Iterator[int]:
    yield from ()


@contextmanager
def progress(label: str, total: int | None = None) -> Iterator[Any]:
    """A progress bar on a terminal (stderr), nothing when piped: yields ``update(n_done)``."""
    stream = sys.stderr
    if not stream.isatty() or os.environ.get("PARTNERKIT_NO_PROGRESS"):
        yield lambda _done: None
        return
    bar: ProgressBar[int]
    # Without a known total, an empty generator (no length hint) stands in: the bar then
    # shows a count and a pulse.
    steps: Iterator[int] = _nothing()
    with click.progressbar(steps, length=total, label=label, file=stream, show_pos=True) as bar:
        state = {"shown": 0, "done": 0}

        def update(done: int) -> None:
            state["done"] = done
            if done - state["shown"] >= 100:  # redraw every 100 records, not on each
                bar.update(done - state["shown"])
                state["shown"] = done

        try:
            yield update
        finally:
            bar.update(state["done"] - state["shown"])
