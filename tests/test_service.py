"""The reconciliation service: what OpenRefine sends, and answers it (and the 0.2 schemas) accept.

Requests are replayed as OpenRefine sends them (form-encoded UTF-8 bodies with the field
``queries``); every JSON answer is validated against the Reconciliation Service API 0.2
schemas from ``../shared/specs``, and then checked for what the schemas cannot say.
"""

from __future__ import annotations

import json
import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
import requests
from hypothesis import given
from hypothesis import strategies as st

import partnerkit as pk
from partnerkit._service._reconcile import is_match
from partnerkit._service._server import make_server
from tests.recon_helpers import (
    GERMAN_NAMES,
    MIXED_NAMES,
    NON_LATIN_NAMES,
    URL_SAFE,
    TokenRegistry,
    assert_cors,
    batch,
    call,
    check_batch,
    institutions,
    reconcile,
    validate,
)

BASE = "https://reconcile.example.org/pk"

pytestmark = pytest.mark.shared  # the 0.2 schemas live in ../shared/specs


@pytest.fixture(scope="module")
def registry() -> pk.Registry:
    return pk.Registry(institutions())


@pytest.fixture(scope="module")
def app(registry: Any) -> Any:
    return pk.reconciliation_app(registry, base_url=BASE, batch_size=20)


# --- manifest -------------------------------------------------------------------------


def test_manifest_is_valid_and_every_url_comes_from_base_url(app: Any) -> None:
    reply = call(app)
    assert reply.status == 200
    assert_cors(reply)
    manifest = reply.json()
    validate(manifest, "manifest.json")
    assert manifest["versions"] == ["0.2"]
    assert manifest["defaultTypes"] == [{"id": "Organization", "name": "Organization"}]
    assert manifest["batchSize"] == 20
    assert manifest["view"]["url"] == f"{BASE}/view/{{{{id}}}}"
    assert manifest["preview"]["url"] == f"{BASE}/preview?id={{{{id}}}}"
    assert manifest["suggest"]["entity"] == {"service_url": BASE, "service_path": "/suggest/entity"}
    assert manifest["suggest"]["property"] == {"service_url": BASE, "service_path": "/suggest/property"}
    assert "localhost" not in json.dumps(manifest)
    assert "127.0.0.1" not in json.dumps(manifest)
    assert call(app, path="/reconcile").json() == manifest


def test_manifest_without_base_url_uses_the_request_host(registry: Any) -> None:
    app = pk.reconciliation_app(registry)
    manifest = call(app, host="10.1.2.3:9000").json()
    validate(manifest, "manifest.json")
    assert manifest["preview"]["url"] == "http://10.1.2.3:9000/preview?id={{id}}"


def test_ror_registry_gets_ror_identifier_space_and_ror_ids() -> None:
    """When every institution has a ROR id, ids are ROR ids and links go to ror.org."""
    items = [
        pk.Institution(
            id="itmo", name="ITMO University", country="RU", identifiers={"ror": "https://ror.org/04txgxn49"}
        ),
        pk.Institution(id="x", name="Heidelberg University", country="DE", identifiers={"ror": "038t36y30"}),
    ]
    app = pk.reconciliation_app(TokenRegistry(items), base_url=BASE)
    manifest = call(app).json()
    validate(manifest, "manifest.json")
    assert manifest["identifierSpace"] == "https://ror.org/"
    assert manifest["view"]["url"] == "https://ror.org/{{id}}"
    answer = reconcile(app, {"q0": {"query": "ITMO University"}}).json()
    assert answer["q0"]["result"][0]["id"] == "04txgxn49"
    assert "ITMO University" in call(app, path="/preview", query={"id": "04txgxn49"}).body.decode()


def test_bad_options_are_config_errors(registry: Any) -> None:
    with pytest.raises(pk.ConfigError, match="base_url"):
        pk.reconciliation_app(registry, base_url="example.org")
    with pytest.raises(pk.ConfigError, match="view_url"):
        pk.reconciliation_app(registry, view_url="https://example.org/x")
    with pytest.raises(pk.ConfigError):
        pk.reconciliation_app(registry, batch_size=0)


# --- replayed OpenRefine requests -----------------------------------------------------


def test_type_guess_batch(app: Any) -> None:
    """OpenRefine guesses the type with 10 queries, limit 3, no type."""
    queries = batch(MIXED_NAMES, limit=3)
    reply = reconcile(app, queries)
    assert reply.status == 200
    assert_cors(reply)
    answer = reply.json()
    check_batch(queries, answer)
    assert answer["q0"]["result"][0]["name"] == "ITMO University"
    assert answer["q9"]["result"] == [] or not answer["q9"]["result"][0]["match"]


@pytest.mark.parametrize("with_limit", [True, False])
@pytest.mark.parametrize("v", ["DE", {"id": "Q183", "name": "Germany"}, "Deutschland", "Германия"])
def test_typed_batch_with_country_property(app: Any, v: Any, with_limit: bool) -> None:
    """Type Organization, type_strict "should", country as a code, an {id, name} or a name in any language."""
    extra: dict[str, Any] = {"limit": 4} if with_limit else {}
    queries = batch(
        GERMAN_NAMES,
        type="Organization",
        type_strict="should",
        properties=[{"pid": "country", "v": v}],
        **extra,
    )
    answer = reconcile(app, queries).json()
    check_batch(queries, answer)
    if not with_limit:
        assert all(len(a["result"]) <= 5 for a in answer.values())  # the default limit
    by_id = {i.id: i for i in institutions()}
    for a in answer.values():
        for candidate in a["result"]:
            assert by_id[candidate["id"]].country == "DE"
            assert "Germany" in candidate["description"]
    assert answer["q0"]["result"][0]["id"] == "tum"


def test_the_country_hint_changes_the_answer(app: Any) -> None:
    """An ambiguous acronym gets no match alone; a country property decides between namesakes."""
    alone = reconcile(app, {"q0": {"query": "MSU"}}).json()["q0"]["result"]
    assert {c["id"] for c in alone} >= {"msu", "msu-us"}
    assert not any(c["match"] for c in alone)
    for country, expected in (("RU", "msu"), ("United States", "msu-us")):
        query = {"q0": {"query": "MSU", "properties": [{"pid": "country", "v": country}]}}
        result = reconcile(app, query).json()["q0"]["result"]
        assert result[0]["id"] == expected


def test_match_flag_follows_the_matchers_decisions(app: Any, registry: Any) -> None:
    """match is true exactly when the matcher decided MATCH for one candidate, and it is first."""
    names = MIXED_NAMES + GERMAN_NAMES + NON_LATIN_NAMES
    seen_match = False
    for name in names:
        decisions = [is_match(m.decision) for m in registry.match(name, limit=3)]
        expected = decisions.count(True) == 1 and decisions[0]
        result = reconcile(app, {"q0": {"query": name, "limit": 3}}).json()["q0"]["result"]
        assert bool(result and result[0]["match"]) == expected, name
        seen_match |= expected
    assert seen_match


def test_non_latin_names(app: Any) -> None:
    queries = batch(NON_LATIN_NAMES, limit=3)
    answer = reconcile(app, queries).json()
    check_batch(queries, answer)
    assert answer["q0"]["result"][0]["id"] == "itmo"
    assert answer["q4"]["result"][0]["id"] == "hust"


def test_features_are_the_fired_rules(app: Any, registry: Any) -> None:
    result = reconcile(app, {"q0": {"query": "Moscow State University", "limit": 2}}).json()["q0"]["result"]
    top = registry.match("Moscow State University", limit=2)[0]
    rules = {(r.rule if isinstance(r.rule, str) else r.rule.name) for r in top.explanation}
    assert {f["id"] for f in result[0]["features"]} == rules
    assert all(isinstance(f["value"], bool | int | float) for f in result[0]["features"])


def test_get_with_queries_parameter_equals_post(app: Any) -> None:
    queries = batch(MIXED_NAMES[:4], limit=3)
    got = call(app, query={"queries": json.dumps(queries)})
    assert got.status == 200
    assert got.json() == reconcile(app, queries).json()


def test_query_with_properties_only_is_answered_empty(app: Any) -> None:
    queries = {"q0": {"properties": [{"pid": "country", "v": "DE"}]}}
    answer = reconcile(app, queries).json()
    check_batch(queries, answer)
    assert answer == {"q0": {"result": []}}


@pytest.mark.parametrize(("city", "expected"), [("Moscow", "msu"), ({"id": "Q1", "name": "East Lansing"}, "msu-us")])
def test_city_property_is_a_hint(app: Any, city: Any, expected: str) -> None:
    """A city (plain or as {id, name}) puts the namesake in that city first and shows why."""
    queries = {"q0": {"query": "MSU", "properties": [{"pid": "city", "v": city}]}}
    result = reconcile(app, queries).json()["q0"]["result"]
    assert result[0]["id"] == expected
    assert result[0]["score"] > result[1]["score"]
    assert "same_city" in {f["id"] for f in result[0]["features"]}


def test_any_registry_like_object_is_served() -> None:
    """The service needs only match(), iteration and len(): another registry type works too."""
    app = pk.reconciliation_app(TokenRegistry(institutions()), base_url=BASE)
    queries = batch(MIXED_NAMES, limit=3)
    answer = reconcile(app, queries).json()
    check_batch(queries, answer)
    assert answer["q0"]["result"][0] == {
        "id": "itmo",
        "name": "ITMO University",
        "score": 95.0,
        "match": True,
        "type": [{"id": "Organization", "name": "Organization"}],
        "features": [{"id": "exact_name", "value": True}],
        "description": "ITMO · Saint Petersburg, Russian Federation (RU)",
    }


@given(
    name=st.text(max_size=60),
    country=st.one_of(st.none(), st.text(max_size=12), st.sampled_from(["DE", "RU", "Russia", "XX"])),
    limit=st.one_of(st.none(), st.integers(-3, 50)),
)
def test_any_query_gets_a_valid_answer(name: str, country: str | None, limit: int | None) -> None:
    """Whatever the text, country or limit, the answer is valid and never an error."""
    app = _shared_app()
    query: dict[str, Any] = {"query": name}
    if limit is not None:
        query["limit"] = limit
    if country is not None:
        query["properties"] = [{"pid": "country", "v": country}]
    reply = reconcile(app, {"q0": query})
    assert reply.status == 200
    answer = reply.json()
    validate(answer, "reconciliation-result-batch.json")
    if limit is not None and limit > 0:
        assert len(answer["q0"]["result"]) <= limit


_APP: list[Any] = []


def _shared_app() -> Any:
    if not _APP:
        _APP.append(pk.reconciliation_app(pk.Registry(institutions()), base_url=BASE))
    return _APP[0]


# --- suggest and preview --------------------------------------------------------------


def test_suggest_entity_by_prefix(app: Any) -> None:
    reply = call(app, path="/suggest/entity", query={"prefix": "Techn"})
    assert_cors(reply)
    answer = reply.json()
    validate(answer, "suggest-entities-response.json")
    ids = [r["id"] for r in answer["result"]]
    assert {"tum", "tu-berlin", "tu-dresden"} <= set(ids)
    cyrillic = call(app, path="/suggest/entity", query={"prefix": "Новосиб"}).json()
    assert cyrillic["result"][0]["id"] == "nsu"
    assert call(app, path="/suggest/entity", query={"prefix": ""}).json() == {"result": []}
    assert len(call(app, path="/suggest/entity", query={"prefix": "u", "limit": "2"}).json()["result"]) <= 2


def test_suggest_property_offers_country_and_city(app: Any) -> None:
    everything = call(app, path="/suggest/property", query={"prefix": ""}).json()
    validate(everything, "suggest-properties-response.json")
    assert [p["id"] for p in everything["result"]] == ["country", "city"]
    assert [p["id"] for p in call(app, path="/suggest/property", query={"prefix": "cou"}).json()["result"]] == [
        "country"
    ]


def test_preview_is_static_html_that_a_sandboxed_iframe_shows(app: Any) -> None:
    reply = call(app, path="/preview", query={"id": "msu"})
    assert reply.status == 200
    assert reply.headers["content-type"].startswith("text/html")
    assert "x-frame-options" not in reply.headers
    assert_cors(reply)
    page = reply.body.decode("utf-8")
    assert "<script" not in page.lower()
    for text in ("Lomonosov Moscow State University", "MSU", "Московский", "Moscow", "Russia"):
        assert text in page
    assert call(app, path="/view/msu").body == reply.body
    assert call(app, path="/preview", query={"id": "nope"}).status == 404


def test_unsafe_ids_and_markup_are_escaped() -> None:
    """Ids with slashes or non-ASCII become URL-safe; names are HTML-escaped in previews."""
    items = [
        pk.Institution(id="inst/1 ä", name="<script>alert(1)</script> & Co", country="DE"),
        pk.Institution(id="inst~1", name="Tilde Institute", country="DE"),
    ]
    app = pk.reconciliation_app(TokenRegistry(items), base_url=BASE)
    answer = reconcile(app, batch(["<script>alert(1)</script> & Co", "Tilde Institute"])).json()
    ids = [answer[k]["result"][0]["id"] for k in ("q0", "q1")]
    assert all(URL_SAFE.fullmatch(i) for i in ids)
    assert len(set(ids)) == 2
    page = call(app, path="/preview", query={"id": ids[0]}).body.decode()
    assert "<script>" not in page
    assert "&lt;script&gt;" in page


# --- errors, CORS, JSONP --------------------------------------------------------------


def test_options_preflight_is_answered_with_cors(app: Any) -> None:
    reply = call(app, "OPTIONS", "/")
    assert reply.status == 204
    assert_cors(reply)
    assert "POST" in reply.headers["access-control-allow-methods"]


def test_head_has_the_headers_of_get_and_no_body(app: Any) -> None:
    head = call(app, "HEAD", "/")
    assert head.status == 200
    assert head.body == b""
    assert head.headers["content-length"] == str(len(call(app).body))
    assert_cors(head)


def test_jsonp_errors_are_wrapped_too(app: Any) -> None:
    """A JSONP client (a script tag) cannot read a status: the error comes through the callback."""
    reply = call(app, query={"queries": "{bad", "callback": "cb"})
    assert reply.status == 400
    body = reply.body.decode()
    assert body.startswith("cb(")
    assert json.loads(body[3:-2])["status"] == 400


def test_very_long_query_is_answered(app: Any) -> None:
    reply = reconcile(app, {"q0": {"query": "Technical University of Munich " * 2000}})
    assert reply.status == 200
    validate(reply.json(), "reconciliation-result-batch.json")


@pytest.mark.parametrize(
    ("request_kwargs", "status"),
    [
        ({"method": "POST", "form": {"queries": "{not json"}}, 400),
        ({"method": "GET", "query": {"queries": "[1, 2"}}, 400),
        ({"method": "POST", "form": {"queries": json.dumps({"q0": {"query": 5}})}}, 400),
        ({"method": "POST", "form": {"queries": json.dumps({"q0": {"query": "x", "limit": "3"}})}}, 400),
        ({"method": "POST", "form": {"queries": json.dumps(batch(["x"] * 21))}}, 413),
        ({"method": "POST", "body": b"queries=" + b"x" * (1 << 20)}, 413),
        ({"method": "POST", "body": b"queries=\xff\xfe"}, 400),
        ({"method": "POST", "body": b"", "content_type": "text/plain"}, 400),
        ({"method": "POST", "form": {"extend": "{}"}}, 400),
        ({"method": "GET", "path": "/nope"}, 404),
        ({"method": "PUT"}, 405),
        ({"method": "GET", "query": {"callback": "alert(1)//"}}, 400),
    ],
)
def test_errors_are_json_with_cors(app: Any, request_kwargs: dict[str, Any], status: int) -> None:
    reply = call(app, **request_kwargs)
    assert reply.status == status
    assert_cors(reply)
    error = reply.json()
    assert error["status"] == status
    assert isinstance(error["error"], str)
    assert "Traceback" not in error["error"]


def test_jsonp_callback_wraps_json(app: Any) -> None:
    reply = call(app, query={"callback": "jQuery123_456"})
    assert reply.headers["content-type"].startswith("application/javascript")
    body = reply.body.decode()
    assert body.startswith("jQuery123_456(")
    assert body.endswith(");")
    validate(json.loads(body[len("jQuery123_456(") : -2]), "manifest.json")
    suggest = call(app, path="/suggest/entity", query={"prefix": "ITMO", "callback": "cb"}).body.decode()
    assert suggest.startswith("cb(")


class _BrokenRegistry(TokenRegistry):
    def match(self, name: str, country: str | None = None, limit: int = 5, *, city: str | None = None) -> Any:
        raise RuntimeError("secret internal detail")


def test_a_failure_is_logged_never_shown(caplog: pytest.LogCaptureFixture) -> None:
    app = pk.reconciliation_app(_BrokenRegistry(institutions()), base_url=BASE)
    with caplog.at_level(logging.ERROR, logger="partnerkit"):
        reply = reconcile(app, {"q0": {"query": "ITMO"}})
    assert reply.status == 500
    assert_cors(reply)
    assert b"secret" not in reply.body
    assert b"Traceback" not in reply.body
    assert "secret internal detail" in caplog.text


# --- over real HTTP -------------------------------------------------------------------


def test_threading_server_serves_concurrent_clients(app: Any) -> None:
    """The stdlib threading server answers real HTTP clients in parallel, CORS included."""
    server = make_server(app, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_port}/"
    try:
        queries = batch(GERMAN_NAMES, limit=3)

        def one(_: int) -> dict[str, Any]:
            reply = requests.post(url, data={"queries": json.dumps(queries)}, timeout=10)
            assert reply.headers["Access-Control-Allow-Origin"] == "*"
            assert reply.status_code == 200
            result: dict[str, Any] = reply.json()
            return result

        with ThreadPoolExecutor(4) as pool:
            answers = list(pool.map(one, range(12)))
        assert all(a == answers[0] for a in answers)
        check_batch(queries, answers[0])
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)
