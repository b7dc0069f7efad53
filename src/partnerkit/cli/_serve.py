"""``partnerkit serve``: the reconciliation service for OpenRefine over a registry."""

from __future__ import annotations

import os
import signal
from types import FrameType

import click

import partnerkit as pk
from partnerkit._service._server import make_server


def _load_registry(spec: str) -> pk.Registry:
    """The registry named by ``--registry``: for now a JSON Lines file of institutions."""
    if not os.path.isfile(spec):
        raise pk.ConfigError(f"{spec}: no such file", path="--registry")
    return pk.Registry(list(pk.load_jsonl(pk.Institution, spec)))


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


@click.command()
@click.option(
    "--registry",
    "spec",
    required=True,
    metavar="SPEC",
    help="The institutions to serve: a JSON Lines file of institutions (written by partnerkit.dump_jsonl).",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (keep it loopback).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="0 picks a free port.")
@click.option("--base-url", default=None, metavar="URL", help="Public URL of the service. [default: http://HOST:PORT]")
@click.option("--name", default="partnerkit", show_default=True, help="Service name shown in OpenRefine.")
def serve(spec: str, host: str, port: int, base_url: str | None, name: str) -> None:
    """Serve a registry as an OpenRefine reconciliation service (API 0.2).

    Add the printed URL in OpenRefine: Reconcile > Start reconciling > Add standard service.

    Example: partnerkit serve --registry examples/institutions.jsonl --port 8000
    """
    registry = _load_registry(spec)
    server = make_server(None, host, port)
    shown_host = f"[{host.strip('[]')}]" if ":" in host else host
    bound = f"http://{shown_host}:{server.server_port}"
    base = (base_url or bound).rstrip("/")
    server.set_app(pk.reconciliation_app(registry, base_url=base, name=name))
    public = f"; base URL {base}/" if base != bound else ""
    click.echo(f"partnerkit: serving {len(registry)} institutions at {bound}/ (Ctrl+C to stop{public})", err=True)
    signal.signal(signal.SIGTERM, _interrupt)  # stop as cleanly on SIGTERM as on Ctrl+C
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("partnerkit: stopped", err=True)
    finally:
        server.server_close()
