"""``partnerkit serve``: the reconciliation service for OpenRefine over a registry."""

from __future__ import annotations

import gc
import signal
from types import FrameType

import click

import partnerkit as pk
from partnerkit._service._server import make_server
from partnerkit.cli._app import App, cli, pass_app
from partnerkit.cli._inputs import load_registry

_REGISTRY_HELP = "Institutions to serve: 'store' (default), a ROR dump, or a CSV/JSONL file of institutions."


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


@cli.command()
@click.option("--registry", "registry_spec", metavar="SPEC", help=_REGISTRY_HELP)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (keep it loopback).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="0 picks a free port.")
@click.option("--base-url", default=None, metavar="URL", help="Public URL of the service. [default: http://HOST:PORT]")
@click.option("--name", default="partnerkit", show_default=True, help="Service name shown in OpenRefine.")
@pass_app
def serve(  # noqa: PLR0917 - one parameter per option
    app: App, registry_spec: str | None, host: str, port: int, base_url: str | None, name: str
) -> None:
    """Serve a registry as an OpenRefine reconciliation service (API 0.2).

    Add the printed URL in OpenRefine: Reconcile > Start reconciling > Add standard service.

    \b
    Examples:
      partnerkit serve --registry examples/institutions.jsonl
      partnerkit serve --registry ror-dump.zip --port 8001 --base-url https://reconcile.example.org/ror
    """
    registry = load_registry(registry_spec, app)
    try:
        server = make_server(None, host, port)
    except OSError as exc:
        raise pk.ConfigError(
            f"cannot listen on {host} port {port} ({exc.strerror or exc}); give another --port (0 picks a free "
            "one) or --host"
        ) from None
    shown_host = f"[{host.strip('[]')}]" if ":" in host else host
    bound = f"http://{shown_host}:{server.server_port}"
    base = (base_url or bound).rstrip("/")
    server.set_app(pk.reconciliation_app(registry, base_url=base, name=name))
    public = f"; base URL {base}/" if base != bound else ""
    click.echo(f"partnerkit: serving {len(registry)} institutions at {bound}/ (Ctrl+C to stop{public})", err=True)
    # the registry lives as long as the process: keep the garbage collector from walking it
    gc.collect()
    gc.freeze()
    signal.signal(signal.SIGTERM, _interrupt)  # stop as cleanly on SIGTERM as on Ctrl+C
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("partnerkit: stopped", err=True)
    finally:
        server.server_close()
