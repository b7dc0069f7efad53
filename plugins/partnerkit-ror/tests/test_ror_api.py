"""The ROR REST API client and the ``ror`` source's API mode, against a local server.

The v2 JSON below is written by hand after ROR's schema (not copied from ROR data).
"""

from __future__ import annotations

from typing import Any

import pytest
from pytest_httpserver import HTTPServer

import partnerkit as pk
from partnerkit.sources import HttpClient
from partnerkit_ror import RorClient


def org(short: str, name: str, country: str, acronym: str | None = None) -> dict[str, Any]:
    names = [{"value": name, "types": ["ror_display", "label"], "lang": "en"}]
    if acronym:
        names.append({"value": acronym, "types": ["acronym"], "lang": None})
    return {
        "id": f"https://ror.org/{short}",
        "names": names,
        "status": "active",
        "types": ["education"],
        "locations": [{"geonames_id": 1, "geonames_details": {"country_code": country, "name": "City"}}],
        "external_ids": [],
        "links": [],
        "domains": [],
        "relationships": [],
        "established": None,
        "admin": {"created": {"date": "2020-01-01", "schema_version": "1.0"}},
    }


ITMO = org("04txgxn49", "ITMO University", "RU", "ITMO")
HUST = org("00p991c53", "Huazhong University of Science and Technology", "CN", "HUST")
HUST_VN = org("04nyv3z04", "Hanoi University of Science and Technology", "VN", "HUST")


def api(httpserver: HTTPServer, **kwargs: Any) -> RorClient:
    return RorClient(httpserver.url_for("/v2"), http=HttpClient(retries=0, timeout=2), **kwargs)


def test_organization_by_short_or_full_id(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/v2/organizations/04txgxn49").respond_with_json(ITMO)
    client = api(httpserver)
    for given in ("04txgxn49", "https://ror.org/04txgxn49"):
        inst = client.organization(given)
        assert (inst.id, inst.name, inst.acronyms, inst.country) == (
            "https://ror.org/04txgxn49",
            "ITMO University",
            ("ITMO",),
            "RU",
        )


def test_unknown_organization_is_a_source_error(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/v2/organizations/000000000").respond_with_json({"errors": ["not found"]}, status=404)
    with pytest.raises(pk.SourceError, match="HTTP 404"):
        api(httpserver).organization("000000000")  # a well-formed id the server does not know
    with pytest.raises(pk.RecordError, match="is not a ROR id"):
        api(httpserver).organization("itmo")


def test_search_pages_until_the_limit(httpserver: HTTPServer) -> None:
    page1 = {"number_of_results": 25, "items": [HUST, HUST_VN] + [ITMO] * 18}
    page2 = {"number_of_results": 25, "items": [ITMO] * 5}
    httpserver.expect_request("/v2/organizations", query_string={"query": "HUST", "page": "1"}).respond_with_json(page1)
    httpserver.expect_request("/v2/organizations", query_string={"query": "HUST", "page": "2"}).respond_with_json(page2)
    client = api(httpserver)
    assert [i.country for i in client.search("HUST", limit=2)] == ["CN", "VN"]
    assert len(list(client.search("HUST", limit=100))) == 25


def test_client_id_header_is_sent_and_never_shown(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/v2/organizations/04txgxn49", headers={"Client-Id": "my-client-id"}).respond_with_json(
        ITMO
    )
    assert api(httpserver, client_id="my-client-id").organization("04txgxn49").name == "ITMO University"
    httpserver.clear()
    httpserver.expect_request("/v2/organizations/04txgxn49").respond_with_data("oops", status=500)
    with pytest.raises(pk.SourceError) as info:
        api(httpserver, client_id="my-client-id").organization("04txgxn49")
    assert "my-client-id" not in str(info.value)


def test_not_json_is_a_source_error(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/v2/organizations/04txgxn49").respond_with_data("<html>maintenance</html>")
    with pytest.raises(pk.SourceError, match="did not answer with JSON"):
        api(httpserver).organization("04txgxn49")


def test_source_by_ids_reports_failures_and_keeps_the_rest(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/v2/organizations/04txgxn49").respond_with_json(ITMO)
    httpserver.expect_request("/v2/organizations/00p991c53").respond_with_json({"errors": []}, status=404)
    source = pk.open_source(
        "ror", ids=["04txgxn49", "00p991c53", "nonsense"], api_url=httpserver.url_for("/v2"), retries=0
    )
    items = list(source.read())
    assert [i.record.name for i in items] == ["ITMO University"]
    assert items[0].provenance.locator == httpserver.url_for("/v2/organizations/04txgxn49")
    assert source.summary.rejected == 2
    assert "HTTP 404" in str(source.summary.errors[0])
    assert "is not a ROR id" in str(source.summary.errors[1])


def test_strict_source_by_ids_stops_at_an_api_failure_with_a_source_error(httpserver: HTTPServer) -> None:
    """Under strict an id the API cannot give is a SourceError (exit 2 on the command line), not a
    rejected record (exit 1); the records before it were yielded."""
    httpserver.expect_request("/v2/organizations/04txgxn49").respond_with_json(ITMO)
    httpserver.expect_request("/v2/organizations/00p991c53").respond_with_data("down", status=503)
    source = pk.open_source(
        "ror", ids=["04txgxn49", "00p991c53", "04txgxn49"], api_url=httpserver.url_for("/v2"), retries=0, strict=True
    )
    read = []
    with pytest.raises(pk.SourceError, match="HTTP 503") as caught:
        read.extend(i.record.name for i in source.read())
    assert not isinstance(caught.value, pk.RecordError)
    assert read == ["ITMO University"]


def test_source_by_query(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/v2/organizations").respond_with_json({"number_of_results": 2, "items": [HUST, HUST_VN]})
    source = pk.open_source("ror", query="HUST", api_url=httpserver.url_for("/v2"))
    assert [i.record.country for i in source.read()] == ["CN", "VN"]


@pytest.mark.parametrize(
    ("options", "path"),
    [
        ({}, "config.path"),
        ({"path": "x.zip", "query": "HUST"}, "config.query"),
        ({"ids": ["04txgxn49"], "api_url": "gopher://x"}, "config.api_url"),
        ({"query": "x", "limit": 0}, "config.limit"),
    ],
)
def test_config_errors(options: dict[str, Any], path: str) -> None:
    with pytest.raises(pk.ConfigError) as info:
        pk.open_source("ror", **options)
    assert info.value.path == path
