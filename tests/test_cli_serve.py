"""``partnerkit serve`` end to end: a real process on a loopback port, driven over HTTP.

What a user relies on: the command starts on the port it says, answers OpenRefine's
requests (manifest, batches, suggest, preview, preflight) with valid 0.2 answers and CORS,
builds every URL from ``--base-url``, and stops cleanly.
"""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

import partnerkit as pk
from tests.conftest import require_shared
from tests.recon_helpers import GERMAN_NAMES, NON_LATIN_NAMES, batch, check_batch, institutions, validate

pytestmark = pytest.mark.shared  # answers are validated with the schemas in ../shared/specs


def _start(*args: str) -> tuple[subprocess.Popen[str], str]:
    cmd = [sys.executable, "-m", "partnerkit", "serve", "--port", "0", *args]
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True, encoding="utf-8")
    assert proc.stderr is not None
    line = proc.stderr.readline()
    found = re.search(r"serving (\d+) institutions at (http://127\.0\.0\.1:\d+)/", line)
    if found is None:
        proc.kill()
        proc.wait(10)
        proc.stderr.close()
        pytest.fail(f"no start-up line: {line!r}")
    return proc, found.group(2)


def _stop(proc: subprocess.Popen[str]) -> None:
    """SIGTERM stops the server cleanly: exit status 0 and a last line saying so."""
    proc.terminate()
    try:
        assert proc.wait(10) == 0
        assert proc.stderr is not None
        assert "partnerkit: stopped" in proc.stderr.read()
    finally:
        if proc.stderr is not None:
            proc.stderr.close()


@pytest.fixture(scope="module")
def registry_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("serve") / "registry.jsonl"
    pk.dump_jsonl(institutions(), path)
    return path


@pytest.fixture(scope="module")
def server(registry_file: Path) -> Iterator[str]:
    proc, url = _start("--registry", str(registry_file))
    try:
        yield url
    finally:
        _stop(proc)


def test_serve_answers_openrefine_over_http(server: str) -> None:
    manifest = requests.get(server + "/", timeout=10)
    assert manifest.headers["Access-Control-Allow-Origin"] == "*"
    validate(manifest.json(), "manifest.json")
    assert manifest.json()["preview"]["url"] == f"{server}/preview?id={{{{id}}}}"

    for queries in (
        batch(GERMAN_NAMES, limit=3),
        batch(GERMAN_NAMES, type="Organization", type_strict="should", properties=[{"pid": "country", "v": "DE"}]),
        batch(NON_LATIN_NAMES, limit=3),
    ):
        # what OpenRefine sends: application/x-www-form-urlencoded; charset=UTF-8
        reply = requests.post(server + "/", data={"queries": json.dumps(queries, ensure_ascii=False)}, timeout=30)
        assert reply.status_code == 200
        assert reply.headers["Access-Control-Allow-Origin"] == "*"
        check_batch(queries, reply.json())

    suggest = requests.get(server + "/suggest/entity", params={"prefix": "Univers"}, timeout=10).json()
    validate(suggest, "suggest-entities-response.json")
    assert suggest["result"]
    preview = requests.get(server + "/preview", params={"id": suggest["result"][0]["id"]}, timeout=10)
    assert preview.status_code == 200
    assert "X-Frame-Options" not in preview.headers

    preflight = requests.options(server + "/", headers={"Access-Control-Request-Method": "POST"}, timeout=10)
    assert preflight.status_code == 204
    assert preflight.headers["Access-Control-Allow-Origin"] == "*"

    bad = requests.post(server + "/", data={"queries": "{oops"}, timeout=10)
    assert bad.status_code == 400
    assert bad.headers["Access-Control-Allow-Origin"] == "*"
    assert "error" in bad.json()


def test_base_url_is_used_for_every_url(registry_file: Path) -> None:
    proc, url = _start("--registry", str(registry_file), "--base-url", "https://reconcile.example.org/pk/")
    try:
        manifest = requests.get(url + "/", timeout=10).json()
    finally:
        _stop(proc)
    assert manifest["preview"]["url"] == "https://reconcile.example.org/pk/preview?id={{id}}"
    assert manifest["suggest"]["entity"]["service_url"] == "https://reconcile.example.org/pk"
    assert "127.0.0.1" not in json.dumps(manifest)


def test_missing_registry_is_one_line(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "partnerkit", "serve", "--registry", str(tmp_path / "nope.jsonl")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert out.returncode != 0
    assert "Traceback" not in out.stderr
    assert "nope.jsonl" in out.stderr


def test_a_port_in_use_is_one_line_naming_it(registry_file: Path) -> None:
    """Another program on the port: one line naming host and port (it was "Address already in use")."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        out = subprocess.run(
            [sys.executable, "-m", "partnerkit", "serve", "--registry", str(registry_file), "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    assert out.returncode == 2
    assert out.stderr.startswith(f"partnerkit: error: cannot listen on 127.0.0.1 port {port} (")
    assert out.stderr.count("\n") == 1


def test_serve_a_ror_dump_with_ror_ids(tmp_path: Path) -> None:
    """A ROR dump (here: 300 records of the shared ROR JSON Lines) is served with ROR ids and links."""
    source = require_shared("data", "ror-records", "ror_records_education.jsonl")
    with source.open(encoding="utf-8") as fh:
        lines = [next(fh) for _ in range(300)]
    dump = tmp_path / "ror-part.jsonl"
    dump.write_text("".join(lines), encoding="utf-8")
    first = json.loads(lines[0])
    display = next(n["value"] for n in first["names"] if "ror_display" in n["types"])
    proc, url = _start("--registry", str(dump))
    try:
        manifest = requests.get(url + "/", timeout=10).json()
        queries = {"q0": {"query": display, "limit": 3}}
        answer = requests.post(url + "/", data={"queries": json.dumps(queries)}, timeout=10).json()
    finally:
        _stop(proc)
    validate(manifest, "manifest.json")
    assert manifest["identifierSpace"] == "https://ror.org/"
    assert manifest["view"]["url"] == "https://ror.org/{{id}}"
    check_batch(queries, answer)
    assert answer["q0"]["result"][0]["id"] == first["id"].removeprefix("https://ror.org/")
