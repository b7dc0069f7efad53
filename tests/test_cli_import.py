"""``partnerkit sources`` and ``partnerkit import``: records into the store, idempotent and resumable."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import IO

import pytest
from click.testing import CliRunner

import partnerkit as pk
from partnerkit._store import state_key
from partnerkit.cli import cli


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_sources_lists_the_built_in_ones(tmp_path: Path) -> None:
    code, out, _ = run("sources")
    assert code == 0
    assert out.splitlines()[0].split()[:3] == ["name", "status", "version"]
    assert any(line.split()[:2] == ["jsonl", "loaded"] for line in out.splitlines())
    code, out, _ = run("sources", "--format", "json")
    rows = {r["name"]: r for r in map(json.loads, out.splitlines())}
    assert rows["jsonl"]["status"] == "loaded"


def test_import_then_reimport_adds_nothing(tmp_path: Path, examples: Path) -> None:
    db = str(tmp_path / "pk.db")
    path = str(examples / "partnerships.jsonl")
    code, out, err = run("--db", db, "import", "jsonl", "--option", f"path={path}")
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == "jsonl: read 7, imported 7 (new 7, updated 0), unchanged 0, rejected 0"
    code, out, _ = run("--db", db, "import", "jsonl", "--option", f"path={path}")
    assert out.splitlines()[0] == "jsonl: read 7, imported 0 (new 0, updated 0), unchanged 7, rejected 0"
    with pk.Store(db) as store:
        assert store.counts()["partnerships"] == 7
        (first, *_) = store.partnerships(kind="strategic_partnership")
        assert store.provenance(first)[0].source == "jsonl"


def _bad_file(tmp_path: Path) -> Path:
    path = tmp_path / "unis.jsonl"
    lines = [
        {"schema_version": 1, "type": "Institution"},
        {"id": "itmo", "name": "ITMO University", "country": "RU"},
        {"id": "x", "name": "X", "country": "Rusia"},
        {"id": "tsu", "name": "Tomsk State University", "country": "RU"},
    ]
    path.write_text("".join(json.dumps(x) + "\n" for x in lines))
    return path


def test_bad_records_are_reported_with_row_and_reason(tmp_path: Path) -> None:
    db = str(tmp_path / "pk.db")
    path = _bad_file(tmp_path)
    code, out, _ = run("--db", db, "import", "jsonl", "--option", f"path={path}")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "jsonl: read 3, imported 2 (new 2, updated 0), unchanged 0, rejected 1"
    assert any(f"{path} row 3: country: 'Rusia' is not an ISO 3166 country" in line for line in lines[1:])


def test_strict_stops_at_the_first_bad_record_with_status_1(tmp_path: Path) -> None:
    db = str(tmp_path / "pk.db")
    path = _bad_file(tmp_path)
    code, _, err = run("--db", db, "import", "jsonl", "--strict", "--option", f"path={path}")
    assert code == 1
    assert f"{path} row 3: country" in err.splitlines()[0]
    with pk.Store(db) as store:
        assert [i.id for i in store.institutions()] == ["itmo"], "what came before is kept"


def test_config_file_and_option_errors(tmp_path: Path, examples: Path) -> None:
    db = str(tmp_path / "pk.db")
    config = tmp_path / "sources.toml"
    config.write_text(f'[sources.jsonl]\npath = "{examples / "institutions.jsonl"}"\n')
    code, out, _ = run("--db", db, "import", "jsonl", "--config", str(config))
    assert code == 0
    assert "imported 8" in out
    code, _, err = run("--db", db, "import", "jsonl", "--config", str(config), "--option", "colour=red")
    assert code == 2
    assert err.startswith("partnerkit: error: ")
    assert "colour" in err
    assert err.count("\n") == 1
    code, _, err = run("--db", db, "import", "nonesuch")
    assert code == 2
    assert "nonesuch" in err
    code, _, err = run("--db", db, "import", "jsonl", "--option", "path")
    assert code == 2
    assert "KEY=VALUE" in err
    config.write_text("[other]\n")
    code, _, err = run("--db", db, "import", "jsonl", "--config", str(config))
    assert "no [jsonl] or [sources.jsonl] table" in err
    config.write_text(f'[jsonl]\npath = "{examples / "institutions.jsonl"}"\ntype = 5\n')
    code, _, err = run("--db", db, "import", "jsonl", "--config", str(config))
    assert code == 2
    assert f"{config}: [jsonl] config.type: " in err  # a bad value in the file names the file
    code, _, err = run("--db", db, "import", "jsonl", "--config", str(config), "-o", "type=Nothing")
    assert code == 2
    assert str(config) not in err  # ... and one given with -o does not


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs a named pipe")
def test_killed_import_command_resumes(tmp_path: Path) -> None:
    """Kill ``partnerkit import`` mid-run: the store opens, and the next run completes it."""
    n = 8_000
    records = [pk.Partnership(kind="mou", parties=(pk.Party(f"U{i}"), pk.Party("Hub")), id=f"p{i}") for i in range(n)]
    full = tmp_path / "full.jsonl"
    pk.dump_jsonl(records, full)
    lines = full.read_text(encoding="utf-8").splitlines(keepends=True)
    # The first run reads part of the file through a named pipe that stays open, so it is still
    # running when it is killed, however fast the machine; the second reads the whole file at
    # the same path (the same source options).
    path = tmp_path / "big.jsonl"
    os.mkfifo(path)
    db = tmp_path / "pk.db"
    args = [sys.executable, "-m", "partnerkit", "--db", str(db), "import", "jsonl", "--option", f"path={path}"]
    with (
        subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as child,
        _open_writer(path, child) as feed,
    ):
        feed.writelines(lines[: n // 2])
        feed.flush()
        deadline = time.monotonic() + 60
        done = 0
        while done == 0 and time.monotonic() < deadline:
            time.sleep(0.05)
            if db.exists():
                with pk.Store(db) as store:
                    done = store.counts()["partnerships"]
        assert done > 0, "the import committed nothing within 60 s"
        assert child.poll() is None
        child.send_signal(signal.SIGKILL)
        child.communicate(timeout=60)
    with pk.Store(db) as store:
        assert store.integrity_check() == "ok"
        assert 0 < store.counts()["partnerships"] < n
    path.unlink()
    full.rename(path)
    finished = subprocess.run(args, capture_output=True, text=True, check=True, env=os.environ)
    assert f"read {n}," in finished.stdout
    with pk.Store(db) as store:
        assert store.counts()["partnerships"] == n


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs a pseudo-terminal")
def test_progress_bar_on_a_terminal_only(tmp_path: Path, examples: Path) -> None:
    import pty

    args = [sys.executable, "-m", "partnerkit", "--db", str(tmp_path / "pk.db"), "import", "jsonl"]
    args += ["-o", f"path={examples / 'partnerships.jsonl'}"]
    pid, fd = pty.fork()
    if pid == 0:  # pragma: no cover - the child
        os.execv(sys.executable, args)
    out = b""
    while True:
        try:
            data = os.read(fd, 4096)
        except OSError:
            break
        if not data:
            break
        out += data
    os.close(fd)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
    text = out.decode()
    assert "importing jsonl  [" in text
    assert text.rstrip().endswith("jsonl: read 7, imported 7 (new 7, updated 0), unchanged 0, rejected 0")
    piped = subprocess.run(
        [*args[:4], str(tmp_path / "other.db"), *args[5:]], capture_output=True, text=True, check=True
    )
    assert piped.stderr == ""


def test_incremental_source_resumes_from_its_saved_state(tmp_path: Path) -> None:
    """A second import of a folder of texts reads only the new file; the state is in the store,
    one per source and options (another folder starts afresh)."""
    db = str(tmp_path / "pk.db")
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text("Alpha news\n\nAlpha University and Beta University signed an agreement.")
    args = ["--db", db, "import", "text", "-o", f"paths={news}", "-o", "publisher=Alpha University"]
    assert run(*args)[1].startswith("text: read 1, imported 1")
    assert run(*args)[1].startswith("text: read 0, imported 0")
    (news / "b.txt").write_text("More news\n\nAlpha University opened an office in Oslo.")
    assert run(*args)[1].startswith("text: read 1, imported 1")
    other = tmp_path / "other"
    other.mkdir()
    (other / "a.txt").write_text((news / "a.txt").read_text())
    assert run("--db", db, "import", "text", "-o", f"paths={other}")[1].startswith("text: read 1, imported 1")
    with pk.Store(db) as store:
        assert store.counts()["articles"] == 3
        assert store.state(state_key(pk.open_source("text", paths=str(news), publisher="Alpha University")))
    code, out, _ = run("--db", db, "extract", "--from-store", "--publisher", "Alpha University")
    assert code == 0
    assert json.loads(out.splitlines()[1])["kind"] == "agreement"


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child")
def _open_writer(pipe: Path, child: subprocess.Popen[str]) -> IO[str]:
    """The writing end of ``pipe`` once ``child`` has opened it (fails if the child exits first)."""
    deadline = time.monotonic() + 60
    while True:
        try:
            fd = os.open(pipe, os.O_WRONLY | os.O_NONBLOCK)
        except OSError as exc:  # ENXIO: nobody reads the pipe yet
            if child.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"the import did not open the pipe: {child.communicate()}") from exc
            time.sleep(0.02)
        else:
            os.set_blocking(fd, True)
            return os.fdopen(fd, "w", encoding="utf-8")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs a named pipe")
def test_ctrl_c_is_one_line_exit_130_and_keeps_what_was_read(tmp_path: Path) -> None:
    # The records arrive through a named pipe that stays open, so the import is still
    # running (waiting for more) when Ctrl-C comes, however slow or fast the machine is.
    header = tmp_path / "header.jsonl"
    pk.dump_jsonl([pk.Partnership(kind="mou", parties=(pk.Party("A"), pk.Party("Hub")), id="p")], header)
    first, record = header.read_text(encoding="utf-8").splitlines()
    pipe = tmp_path / "feed.jsonl"
    os.mkfifo(pipe)
    db = tmp_path / "pk.db"
    args = [sys.executable, "-m", "partnerkit", "--db", str(db), "import", "jsonl", "-o", f"path={pipe}"]
    with subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as child:
        with _open_writer(pipe, child) as feed:
            feed.write(first + "\n")
            for i in range(5_000):
                feed.write(record.replace('"id":"p"', f'"id":"p{i}"').replace('"A"', f'"U{i}"') + "\n")
            feed.flush()
            deadline = time.monotonic() + 60
            done = 0
            while done == 0 and time.monotonic() < deadline:
                time.sleep(0.05)
                if db.exists():
                    with pk.Store(db) as store:
                        done = store.counts()["partnerships"]
            assert done > 0, "the import committed nothing within 60 s"
            assert child.poll() is None
            child.send_signal(signal.SIGINT)
            out, err = child.communicate(timeout=60)
        assert child.returncode == 130, (out, err)
    assert err == "partnerkit: interrupted (everything committed to the store before is kept)\n"
    with pk.Store(db) as store:
        assert store.integrity_check() == "ok"
        assert store.counts()["partnerships"] >= done
