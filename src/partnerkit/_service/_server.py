"""A threading WSGI server from the standard library, for ``partnerkit serve``.

``wsgiref``'s server handles one request at a time; mixed with
:class:`socketserver.ThreadingMixIn` it serves each connection in its own thread, enough
for OpenRefine and a handful of users. Behind a public address, put a production WSGI
server (gunicorn, waitress) or a reverse proxy in front of :func:`reconciliation_app`.
"""

from __future__ import annotations

import logging
import socket
import socketserver
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer
from wsgiref.types import WSGIApplication

__all__ = ["ThreadingWSGIServer", "make_server"]

log = logging.getLogger("partnerkit.service")


class ThreadingWSGIServer(socketserver.ThreadingMixIn, WSGIServer):
    """``wsgiref``'s server with a thread per connection."""

    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 64


class _ThreadingWSGIServer6(ThreadingWSGIServer):
    address_family = socket.AF_INET6


class _QuietHandler(WSGIRequestHandler):
    """Access lines go to the ``partnerkit.service`` logger (INFO), not to stderr."""

    def log_message(self, format: str, *args: Any) -> None:
        log.info("%s %s", self.address_string(), format % args)


def make_server(app: WSGIApplication | None, host: str = "127.0.0.1", port: int = 8000) -> ThreadingWSGIServer:
    """A bound threading server for ``app`` (port 0 picks a free port: see ``server_port``).

    ``app`` may be ``None`` and set later with ``set_app`` (to build URLs from the bound
    port). Call ``serve_forever()`` on it, and ``shutdown()`` from another thread to stop it.
    """
    cls = _ThreadingWSGIServer6 if ":" in host else ThreadingWSGIServer
    server = cls((host.strip("[]"), port), _QuietHandler)
    if app is not None:
        server.set_app(app)
    return server
