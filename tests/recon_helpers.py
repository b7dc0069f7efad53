"""Helpers for the reconciliation service tests: the 0.2 schemas, a WSGI client, test data.

The JSON Schemas are read from ``../shared/specs/reconciliation/0.2`` (never copied into
the repository) and loaded as its SOURCE.md says: one ``referencing.Registry`` keyed by
``$id``, with ``openapi.json`` also under ``http://swagger.io/v2/schema.json``.
"""

from __future__ import annotations

import functools
import io
import json
import re
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import urlencode
from wsgiref.types import WSGIApplication
from wsgiref.util import setup_testing_defaults
from wsgiref.validate import validator

import attrs
import jsonschema
import referencing
import referencing.jsonschema

import partnerkit as pk
from tests.conftest import require_shared

SCHEMA_BASE = "https://reconciliation-api.github.io/specs/0.2/schemas/"
URL_SAFE = re.compile(r"[A-Za-z0-9._~-]+")


@functools.cache
def _schemas() -> tuple[referencing.Registry[Any], dict[str, dict[str, Any]]]:
    folder = require_shared("specs", "reconciliation", "0.2")
    resources = []
    by_file: dict[str, dict[str, Any]] = {}
    for path in sorted(folder.glob("*.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        by_file[path.name] = contents
        resource = referencing.Resource.from_contents(contents, default_specification=referencing.jsonschema.DRAFT7)
        resources.append((contents["$id"], resource))
        if path.name == "openapi.json":
            resources.append(("http://swagger.io/v2/schema.json", resource))
    return referencing.Registry().with_resources(resources), by_file


def validate(instance: Any, schema_file: str) -> None:
    """Validate a response (or request) against one of the 0.2 schemas; raise on any error."""
    registry, by_file = _schemas()
    jsonschema.Draft7Validator(by_file[schema_file], registry=registry).validate(instance)


@attrs.frozen
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        assert self.headers["content-type"].startswith("application/json"), self.headers
        return json.loads(self.body)


def call(
    app: WSGIApplication,
    method: str = "GET",
    path: str = "/",
    *,
    query: Mapping[str, str] | str | None = None,
    form: Mapping[str, str] | None = None,
    body: bytes | None = None,
    content_type: str = "application/x-www-form-urlencoded; charset=UTF-8",
    host: str = "127.0.0.1:8000",
) -> Reply:
    """Call a WSGI app as a server would (through ``wsgiref.validate``, so PEP 3333 holds)."""
    if form is not None:
        body = urlencode(form, encoding="utf-8").encode("ascii")
    environ: dict[str, Any] = {
        "REQUEST_METHOD": method,
        "SCRIPT_NAME": "",
        "PATH_INFO": path,
        "QUERY_STRING": query if isinstance(query, str) else urlencode(query or {}, encoding="utf-8"),
        "HTTP_HOST": host,
        "wsgi.input": io.BytesIO(body or b""),
    }
    if body is not None:
        environ["CONTENT_LENGTH"] = str(len(body))
        environ["CONTENT_TYPE"] = content_type
    setup_testing_defaults(environ)
    captured: dict[str, Any] = {}

    def start_response(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
        captured["status"] = status
        captured["headers"] = headers
        return lambda data: None

    result = validator(app)(environ, start_response)
    try:
        data = b"".join(result)
    finally:
        result.close()  # type: ignore[attr-defined]
    names = [k.lower() for k, _ in captured["headers"]]
    assert len(names) == len(set(names)), f"duplicate headers: {names}"
    return Reply(int(captured["status"].split()[0]), {k.lower(): v for k, v in captured["headers"]}, data)


def reconcile(app: WSGIApplication, queries: Mapping[str, Any], **kwargs: Any) -> Reply:
    """POST a batch as OpenRefine does: a form-encoded UTF-8 body with the field ``queries``."""
    return call(app, "POST", "/", form={"queries": json.dumps(queries, ensure_ascii=False)}, **kwargs)


def check_batch(queries: Mapping[str, Any], answer: Mapping[str, Any]) -> None:
    """What the schema cannot say: every key answered, limits, order, one match at most, safe ids."""
    validate(dict(queries), "reconciliation-query-batch.json")
    validate(answer, "reconciliation-result-batch.json")
    assert set(answer) == set(queries)
    for key, query in queries.items():
        result = answer[key]["result"]
        if "limit" in query:
            assert len(result) <= query["limit"], key
        scores = [c["score"] for c in result]
        assert scores == sorted(scores, reverse=True), key
        assert all(0 <= s <= 100 for s in scores), key
        flags = [c["match"] for c in result]
        assert all(isinstance(f, bool) for f in flags), key
        assert sum(flags) <= 1, key
        assert not any(flags) or flags[0], key
        for c in result:
            assert URL_SAFE.fullmatch(c["id"]), c["id"]
            assert c["type"] == [{"id": "Organization", "name": "Organization"}]
            assert len({f["id"] for f in c["features"]}) == len(c["features"])


def assert_cors(reply: Reply) -> None:
    assert reply.headers.get("access-control-allow-origin") == "*", reply.headers


def institutions() -> list[pk.Institution]:
    """German and Russian universities, plus namesakes with the same acronym in other countries."""
    rows: list[dict[str, Any]] = [
        {"id": "tum", "name": "Technical University of Munich", "acronyms": ["TUM"],
         "labels": {"de": "Technische Universität München"}, "country": "DE", "city": "Munich"},
        {"id": "lmu", "name": "Ludwig-Maximilians-Universität München", "acronyms": ["LMU"],
         "aliases": ["LMU Munich", "University of Munich"], "country": "DE", "city": "Munich"},
        {"id": "heidelberg", "name": "Heidelberg University", "labels": {"de": "Universität Heidelberg"},
         "aliases": ["Ruprecht Karl University of Heidelberg"], "country": "DE", "city": "Heidelberg"},
        {"id": "hu-berlin", "name": "Humboldt-Universität zu Berlin", "acronyms": ["HU Berlin"],
         "aliases": ["Humboldt University of Berlin"], "country": "DE", "city": "Berlin"},
        {"id": "fu-berlin", "name": "Freie Universität Berlin", "acronyms": ["FU Berlin"],
         "aliases": ["Free University of Berlin"], "country": "DE", "city": "Berlin"},
        {"id": "tu-berlin", "name": "Technische Universität Berlin", "acronyms": ["TU Berlin"],
         "aliases": ["Technical University of Berlin"], "country": "DE", "city": "Berlin"},
        {"id": "tu-dresden", "name": "Technische Universität Dresden", "acronyms": ["TUD"],
         "aliases": ["TU Dresden", "Dresden University of Technology"], "country": "DE", "city": "Dresden"},
        {"id": "rwth", "name": "RWTH Aachen University", "acronyms": ["RWTH"],
         "labels": {"de": "Rheinisch-Westfälische Technische Hochschule Aachen"}, "country": "DE", "city": "Aachen"},
        {"id": "kit", "name": "Karlsruhe Institute of Technology", "acronyms": ["KIT"],
         "labels": {"de": "Karlsruher Institut für Technologie"}, "country": "DE", "city": "Karlsruhe"},
        {"id": "goettingen", "name": "University of Göttingen", "labels": {"de": "Georg-August-Universität Göttingen"},
         "country": "DE", "city": "Göttingen"},
        {"id": "msu", "name": "Lomonosov Moscow State University", "acronyms": ["MSU"],
         "aliases": ["Moscow State University"],
         "labels": {"ru": "Московский государственный университет имени М. В. Ломоносова"},
         "country": "RU", "city": "Moscow"},
        {"id": "msu-us", "name": "Michigan State University", "acronyms": ["MSU"], "country": "US",
         "city": "East Lansing"},
        {"id": "itmo", "name": "ITMO University", "acronyms": ["ITMO"], "labels": {"ru": "Университет ИТМО"},
         "country": "RU", "city": "Saint Petersburg"},
        {"id": "spbu", "name": "Saint Petersburg State University", "acronyms": ["SPbU"],
         "labels": {"ru": "Санкт-Петербургский государственный университет"}, "country": "RU",
         "city": "Saint Petersburg"},
        {"id": "hse", "name": "HSE University", "acronyms": ["HSE"],
         "aliases": ["National Research University Higher School of Economics"],
         "labels": {"ru": "Высшая школа экономики"}, "country": "RU", "city": "Moscow"},
        {"id": "nsu", "name": "Novosibirsk State University", "acronyms": ["NSU"],
         "labels": {"ru": "Новосибирский государственный университет"}, "country": "RU", "city": "Novosibirsk"},
        {"id": "kfu", "name": "Kazan Federal University", "acronyms": ["KFU"],
         "labels": {"ru": "Казанский федеральный университет"}, "country": "RU", "city": "Kazan"},
        {"id": "bmstu", "name": "Bauman Moscow State Technical University", "acronyms": ["BMSTU"],
         "labels": {"ru": "МГТУ им. Н. Э. Баумана"}, "country": "RU", "city": "Moscow"},
        {"id": "hust", "name": "Huazhong University of Science and Technology", "acronyms": ["HUST"],
         "labels": {"zh": "华中科技大学"}, "country": "CN", "city": "Wuhan"},
        {"id": "hust-vn", "name": "Hanoi University of Science and Technology", "acronyms": ["HUST"],
         "labels": {"vi": "Đại học Bách khoa Hà Nội"}, "country": "VN", "city": "Hanoi"},
    ]  # fmt: skip
    return [pk.Institution(**row, kind=pk.InstitutionKind.EDUCATION) for row in rows]


#: Names as they appear in spreadsheets of partners: German and Russian, some ambiguous.
GERMAN_NAMES = [
    "Technische Universität München",
    "TU Berlin",
    "Humboldt University Berlin",
    "Free University of Berlin",
    "LMU",
    "Universität Heidelberg",
    "RWTH Aachen",
    "Karlsruher Institut für Technologie",
    "TU Dresden",
    "Georg-August-Universität Göttingen",
]
MIXED_NAMES = [
    "ITMO University",
    "MSU",
    "Moscow State University",
    "HUST",
    "Saint Petersburg State University",
    "Higher School of Economics",
    "Novosibirsk State University",
    "Technical University of Munich",
    "Kazan Federal University",
    "Unknown Institute of Nowhere",
]
NON_LATIN_NAMES = [
    "Университет ИТМО",
    "Санкт-Петербургский государственный университет",
    "Новосибирский государственный университет",
    "Казанский федеральный университет",
    "华中科技大学",
    "Московский государственный университет имени М. В. Ломоносова",
    "Высшая школа экономики",
    "Đại học Bách khoa Hà Nội",
]


def batch(names: Iterable[str], **fields: Any) -> dict[str, dict[str, Any]]:
    """A batch keyed q0, q1, ... with the same extra fields in every query."""
    return {f"q{i}": {"query": name, **fields} for i, name in enumerate(names)}


@attrs.frozen
class FiredRule:
    rule: str
    value: float | bool
    weight: float = 1.0


@attrs.frozen
class SimpleMatch:
    institution: pk.Institution
    score: float
    decision: str  # "match" / "possible" / "non_match", as a registry-like object may say it
    explanation: tuple[FiredRule, ...]


class TokenRegistry:
    """A registry-like object of another kind than ``pk.Registry``: the service serves any.

    Exact name (any name, case-folded) -> MATCH unless several institutions share it; else
    token overlap (Jaccard) -> POSSIBLE. A country hint drops other countries.
    """

    def __init__(self, items: Iterable[pk.Institution]) -> None:
        self._items = list(items)

    def __iter__(self) -> Any:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def match(
        self, name: str, country: str | None = None, limit: int = 5, *, city: str | None = None
    ) -> list[SimpleMatch]:
        query = name.casefold()
        q_tokens = set(query.split())
        exact = [i for i in self._items if query in {n.value.casefold() for n in i.names()}]
        out: list[SimpleMatch] = []
        for inst in self._items:
            if country is not None and inst.country != country:
                continue
            if inst in exact:
                decision = "match" if len([e for e in exact if country in (None, e.country)]) == 1 else "possible"
                out.append(SimpleMatch(inst, 0.95, decision, (FiredRule("exact_name", True),)))
                continue
            best = max(
                len(q_tokens & set(n.value.casefold().split())) / len(q_tokens | set(n.value.casefold().split()))
                for n in inst.names()
            )
            if best > 0:
                out.append(SimpleMatch(inst, round(best * 0.8, 3), "possible", (FiredRule("token_jaccard", best),)))
        out.sort(key=lambda m: -m.score)
        return out[:limit]
