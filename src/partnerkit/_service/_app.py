"""The reconciliation service as a WSGI application (standard library only).

Routes (relative to the service root, which is also the reconciliation endpoint)::

    GET  /                      the manifest
    GET  /?queries={...}        reconcile a batch (POST: form field ``queries``)
    GET  /suggest/entity?prefix=    institutions whose names start with the prefix
    GET  /suggest/property?prefix=  the properties a query may carry (country, city)
    GET  /preview?id=           a small static HTML card of one institution
    GET  /view/<id>             the same card as a page (``view.url`` when not ROR)

``/reconcile`` is an alias of ``/``. Every response carries
``Access-Control-Allow-Origin: *``, errors included; OPTIONS is answered for CORS
preflights; a valid JSONP ``callback`` wraps JSON answers. Errors are JSON
``{"error": message, "status": code}``; an unexpected failure is logged with its
traceback and answered with a plain 500, never the traceback.
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Iterable
from http import HTTPStatus
from importlib.metadata import PackageNotFoundError, version
from typing import Any
from urllib.parse import parse_qs
from wsgiref.types import StartResponse, WSGIApplication, WSGIEnvironment
from wsgiref.util import application_uri

import attrs

from partnerkit._errors import ConfigError
from partnerkit._model import country_code
from partnerkit._service._entities import Catalogue, describe, looks_like_ror
from partnerkit._service._html import PREVIEW_HEIGHT, PREVIEW_WIDTH, not_found_page, preview_page
from partnerkit._service._protocol import RegistryLike
from partnerkit._service._reconcile import ORGANIZATION, PROPERTIES, QueryError, reconcile_batch

__all__ = ["ROR_IDENTIFIER_SPACE", "ROR_SCHEMA_SPACE", "reconciliation_app"]

log = logging.getLogger("partnerkit.service")

#: ROR ids are ``https://ror.org/`` + the nine-character id; the service uses the short id.
ROR_IDENTIFIER_SPACE = "https://ror.org/"
#: The schema space of ROR's own reconciler, so types line up with projects reconciled there.
ROR_SCHEMA_SPACE = "http://ror.org/ns/type.object.id"

_CALLBACK = re.compile(r"[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*", re.ASCII)
_CORS = [
    ("Access-Control-Allow-Origin", "*"),
    ("Access-Control-Allow-Methods", "GET, POST, OPTIONS"),
    ("Access-Control-Allow-Headers", "Content-Type"),
    ("Access-Control-Max-Age", "86400"),
]
_FORM_FIELDS = 20


class _HTTPError(Exception):
    def __init__(self, status: int, message: str, headers: Iterable[tuple[str, str]] = ()) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = list(headers)


@attrs.frozen
class _Response:
    status: int
    body: bytes
    content_type: str
    headers: tuple[tuple[str, str], ...] = ()


def _json_bytes(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _json(data: Any, status: int = 200) -> _Response:
    return _Response(status, _json_bytes(data), "application/json; charset=utf-8")


def _html(page: str, status: int = 200) -> _Response:
    return _Response(status, page.encode("utf-8"), "text/html; charset=utf-8")


def _service_version() -> str:
    try:
        return version("partnerkit")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "0.0.0"


class ReconciliationApp:
    """The WSGI callable; see :func:`reconciliation_app` for the options."""

    def __init__(
        self,
        registry: RegistryLike,
        *,
        base_url: str | None,
        name: str,
        identifier_space: str | None,
        schema_space: str | None,
        view_url: str | None,
        ror: bool | None,
        batch_size: int,
        default_limit: int,
        max_limit: int,
        max_body: int,
    ) -> None:
        if batch_size < 1 or default_limit < 1 or max_limit < default_limit or max_body < 1024:
            raise ConfigError(
                "need batch_size >= 1, 1 <= default_limit <= max_limit and max_body >= 1024", path="reconciliation_app"
            )
        if view_url is not None and "{{id}}" not in view_url:
            raise ConfigError("must contain {{id}}", path="view_url")
        if base_url is not None and not re.match(r"https?://[^/\s]+", base_url):
            raise ConfigError("must be an absolute http(s) URL such as http://127.0.0.1:8000", path="base_url")
        self.registry = registry
        self.ror = looks_like_ror(registry) if ror is None else ror
        self.catalogue = Catalogue(registry, use_ror_ids=self.ror)
        self.base_url = base_url.rstrip("/") if base_url is not None else None
        self.name = name
        self.identifier_space = identifier_space
        self.schema_space = schema_space
        self.view_url = view_url
        self.batch_size = batch_size
        self.default_limit = default_limit
        self.max_limit = max_limit
        self.max_body = max_body
        self._version = _service_version()
        self._warm_up()

    def _warm_up(self) -> None:
        """Build lazy tables (country names in every language, the matcher's caches) now,
        so that the first user's request does not pay for them (over a second for ROR)."""
        started = time.perf_counter()
        country_code("Deutschland")
        try:
            self.registry.match("University of Example, Deutschland", limit=1)
        except Exception:  # a registry that fails here fails on requests too, with a 500 and a log
            log.warning("reconciliation service: warm-up match failed", exc_info=True)
        log.debug("reconciliation service: warm-up in %.2f s", time.perf_counter() - started)

    # --- WSGI -------------------------------------------------------------------------

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        started = time.perf_counter()
        method = str(environ.get("REQUEST_METHOD", "GET")).upper()
        callback: str | None = None
        try:
            if method == "OPTIONS":
                response = _Response(204, b"", "text/plain", (("Allow", "GET, HEAD, POST, OPTIONS"),))
            elif method not in ("GET", "HEAD", "POST"):
                raise _HTTPError(405, f"method {method[:10]} not allowed", [("Allow", "GET, HEAD, POST, OPTIONS")])
            else:
                params = self._params(environ, method)
                callback = self._callback(params)
                response = self._dispatch(environ, method, params)
        except _HTTPError as exc:
            body = _json_bytes({"error": exc.message, "status": exc.status})
            response = _Response(exc.status, body, "application/json; charset=utf-8", tuple(exc.headers))
        except Exception:
            log.exception("reconciliation service: %s %s failed", method, environ.get("PATH_INFO", "/"))
            response = _json({"error": "internal error (logged by the service)", "status": 500}, 500)
        body = response.body
        content_type = response.content_type
        if callback is not None and content_type.startswith("application/json"):
            body = callback.encode("ascii") + b"(" + body + b");"
            content_type = "application/javascript; charset=utf-8"
        headers = [
            *([("Content-Type", content_type)] if response.status != 204 else []),
            ("Content-Length", str(len(body))),
            *_CORS,
            ("Cache-Control", "no-store"),
            *response.headers,
        ]
        start_response(f"{response.status} {HTTPStatus(response.status).phrase}", headers)
        log.debug("%s %s -> %d in %.1f ms", method, environ.get("PATH_INFO", "/"), response.status,
                  1000 * (time.perf_counter() - started))  # fmt: skip
        return [] if method == "HEAD" else [body]

    def _dispatch(self, environ: WSGIEnvironment, method: str, params: dict[str, str]) -> _Response:
        # PEP 3333: PATH_INFO is already percent-decoded, as bytes in a latin-1 str
        path_info = str(environ.get("PATH_INFO", "")).encode("latin-1", "replace").decode("utf-8", "replace")
        path = "/" + path_info.strip("/")
        base = self.base_url or application_uri(environ).rstrip("/")
        if path in ("/", "/reconcile"):
            if "extend" in params:
                raise _HTTPError(400, "data extension is not offered by this service")
            if "queries" not in params:
                if method == "POST":
                    raise _HTTPError(400, "send the query batch as the form field 'queries'")
                return _json(self._manifest(base))
            return _json(self._reconcile(params["queries"]))
        if path == "/suggest/entity":
            return _json(self._suggest_entity(params))
        if path == "/suggest/property":
            return _json(self._suggest_property(params))
        if path == "/preview":
            return self._preview(params.get("id", ""))
        if path.startswith("/view/"):
            return self._preview(path[len("/view/") :])
        raise _HTTPError(404, f"no such endpoint: {path[:80]}")

    def _params(self, environ: WSGIEnvironment, method: str) -> dict[str, str]:
        """Query-string parameters, overlaid by form fields of a POST body (UTF-8)."""
        try:
            params = {
                k: v[0]
                for k, v in parse_qs(
                    str(environ.get("QUERY_STRING", "")),
                    keep_blank_values=True,
                    errors="strict",
                    max_num_fields=_FORM_FIELDS,
                ).items()
            }
            if method == "POST":
                params.update(self._form(environ))
        except UnicodeDecodeError:
            raise _HTTPError(400, "parameters must be UTF-8") from None
        except ValueError as exc:  # too many fields
            raise _HTTPError(400, f"bad parameters: {str(exc)[:100]}") from None
        return params

    def _form(self, environ: WSGIEnvironment) -> dict[str, str]:
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            raise _HTTPError(400, "bad Content-Length") from None
        if length > self.max_body:
            raise _HTTPError(413, f"request body over {self.max_body} bytes; send smaller batches")
        if length <= 0:
            return {}
        raw = environ["wsgi.input"].read(length)
        content_type = str(environ.get("CONTENT_TYPE", "")).split(";")[0].strip().lower()
        if content_type not in ("", "application/x-www-form-urlencoded"):
            raise _HTTPError(415, "send an application/x-www-form-urlencoded body with the field 'queries'")
        text = raw.decode("utf-8")  # UnicodeDecodeError -> 400 in _params
        fields = parse_qs(text, keep_blank_values=True, errors="strict", max_num_fields=_FORM_FIELDS)
        return {k: v[0] for k, v in fields.items()}

    @staticmethod
    def _callback(params: dict[str, str]) -> str | None:
        callback = params.get("callback")
        if callback is None or callback == "":
            return None
        if len(callback) > 100 or not _CALLBACK.fullmatch(callback):
            raise _HTTPError(400, "callback must be a JavaScript identifier such as jQuery123_456")
        return callback

    # --- endpoints ----------------------------------------------------------------------

    def _manifest(self, base: str) -> dict[str, Any]:
        if self.ror:
            identifier_space = self.identifier_space or ROR_IDENTIFIER_SPACE
            schema_space = self.schema_space or ROR_SCHEMA_SPACE
            view_url = self.view_url or ROR_IDENTIFIER_SPACE + "{{id}}"
        else:
            identifier_space = self.identifier_space or f"{base}/view/"
            schema_space = self.schema_space or "http://schema.org/"
            view_url = self.view_url or f"{base}/view/{{{{id}}}}"
        return {
            "versions": ["0.2"],
            "name": self.name,
            "identifierSpace": identifier_space,
            "schemaSpace": schema_space,
            "serviceVersion": self._version,
            "defaultTypes": [dict(ORGANIZATION)],
            "view": {"url": view_url},
            "preview": {"url": f"{base}/preview?id={{{{id}}}}", "width": PREVIEW_WIDTH, "height": PREVIEW_HEIGHT},
            "suggest": {
                "entity": {"service_url": base, "service_path": "/suggest/entity"},
                "property": {"service_url": base, "service_path": "/suggest/property"},
            },
            "batchSize": self.batch_size,
        }

    def _reconcile(self, raw: str) -> dict[str, Any]:
        try:
            queries = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise _HTTPError(400, f"'queries' is not valid JSON: {exc.msg} at position {exc.pos}") from None
        if isinstance(queries, dict) and len(queries) > self.batch_size:
            raise _HTTPError(413, f"{len(queries)} queries in one batch; at most {self.batch_size} (see batchSize)")
        try:
            return reconcile_batch(
                queries, self.registry, self.catalogue, default_limit=self.default_limit, max_limit=self.max_limit
            )
        except QueryError as exc:
            raise _HTTPError(400, str(exc)[:300]) from None

    def _suggest_limit(self, params: dict[str, str]) -> int:
        try:
            return min(max(int(params.get("limit") or 10), 1), self.max_limit)
        except ValueError:
            raise _HTTPError(400, "limit must be an integer") from None

    def _suggest_entity(self, params: dict[str, str]) -> dict[str, Any]:
        prefix = params.get("prefix", "").strip()
        limit = self._suggest_limit(params)
        if not prefix:
            return {"result": []}
        sids = self.catalogue.prefix(prefix, limit)
        if len(sids) < limit and len(prefix) >= 3:
            for m in self.registry.match(prefix, limit=limit):
                sid = self.catalogue.sid(m.institution)
                if sid not in sids:
                    sids.append(sid)
        result = []
        for sid in sids[:limit]:
            inst = self.catalogue.get(sid)
            if inst is None:
                continue
            item: dict[str, Any] = {"id": sid, "name": inst.name, "notable": [dict(ORGANIZATION)]}
            description = describe(inst)
            if description:
                item["description"] = description
            result.append(item)
        return {"result": result}

    def _suggest_property(self, params: dict[str, str]) -> dict[str, Any]:
        prefix = params.get("prefix", "").strip().casefold()
        result = [
            {"id": pid, "name": label, "description": description}
            for pid, (label, description, _) in PROPERTIES.items()
            if pid.startswith(prefix) or label.casefold().startswith(prefix)
        ]
        return {"result": result[: self._suggest_limit(params)]}

    def _preview(self, sid: str) -> _Response:
        inst = self.catalogue.get(sid)
        if inst is None:
            return _html(not_found_page(sid), 404)
        return _html(preview_page(inst, sid))


def reconciliation_app(
    registry: RegistryLike,
    *,
    base_url: str | None = None,
    name: str = "partnerkit",
    identifier_space: str | None = None,
    schema_space: str | None = None,
    view_url: str | None = None,
    ror: bool | None = None,
    batch_size: int = 50,
    default_limit: int = 5,
    max_limit: int = 25,
    max_body: int = 1 << 20,
) -> WSGIApplication:
    """A WSGI app that serves ``registry`` as an OpenRefine reconciliation service (API 0.2).

    Any WSGI server runs it (``wsgiref``, gunicorn, waitress); ``partnerkit serve`` runs it
    with a threading server from the standard library. The app only reads the registry, so
    it is safe to call from many threads.

    Args:
        registry: a :class:`partnerkit.Registry`, or any object with ``match(name,
            country=None, limit=5, *, city=None)``, iteration over its institutions and ``len``.
        base_url: the public URL of the service (``https://example.org/reconcile``); every
            URL in the manifest is built from it. ``None`` builds them from each request's
            ``Host`` and script name.
        name: the service name OpenRefine shows.
        identifier_space: the ``identifierSpace`` of the manifest. Default: ROR's
            (``https://ror.org/``) when every institution has a ROR id, else
            ``<base_url>/view/``.
        schema_space: the ``schemaSpace``. Default: ROR's reconciler's for a ROR registry,
            else ``http://schema.org/`` (the type is schema.org's Organization).
        view_url: the ``view.url`` template with ``{{id}}``. Default:
            ``https://ror.org/{{id}}`` for ROR, else ``<base_url>/view/{{id}}``.
        ror: use ROR ids (``04txgxn49``) as entity ids; default: when every institution
            has one.
        batch_size: most queries in one batch (``batchSize``); larger batches get 413.
        default_limit: candidates per query when the query gives no ``limit``.
        max_limit: the most candidates per query, whatever the ``limit``.
        max_body: the largest request body in bytes; larger ones get 413.

    Returns:
        The WSGI application.

    Raises:
        ConfigError: an option is out of range.

    Examples:
        >>> import json, partnerkit as pk
        >>> from wsgiref.util import setup_testing_defaults
        >>> registry = pk.Registry([pk.Institution(id="itmo", name="ITMO University", country="RU")])
        >>> app = pk.reconciliation_app(registry, base_url="https://reconcile.example.org")
        >>> environ = {"QUERY_STRING": "queries=" + json.dumps({"q0": {"query": "ITMO University"}})}
        >>> setup_testing_defaults(environ)
        >>> answer = json.loads(b"".join(app(environ, lambda status, headers: None)))
        >>> [(c["id"], c["name"], c["match"]) for c in answer["q0"]["result"]]
        [('itmo', 'ITMO University', True)]
    """
    return ReconciliationApp(
        registry,
        base_url=base_url,
        name=name,
        identifier_space=identifier_space,
        schema_space=schema_space,
        view_url=view_url,
        ror=ror,
        batch_size=batch_size,
        default_limit=default_limit,
        max_limit=max_limit,
        max_body=max_body,
    )
