"""Discovery: every plugin loaded in isolation; broken ones listed with their reasons.

A user relies on: a plugin that fails to import, or declares another major API version,
is listed as failed with why, and never breaks the other sources, ``open_source`` or the
CLI; plugin authors can ask for strict discovery, which raises.
"""

from __future__ import annotations

import importlib.metadata
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import partnerkit as pk
from partnerkit.sources import API_VERSION, GROUP

GOOD = '''
import attrs
from partnerkit.sources import Source

class Good(Source):
    """A good plugin."""
    name = "good"
    capabilities = frozenset({"files"})

    @attrs.frozen
    class Config:
        path: str = "x"

    def items(self, state):
        return None
        yield
'''

PLUGINS = {
    "pk_good_plugin": GOOD,
    "pk_broken_plugin": "import attrs\nraise ImportError('needs libfoo 2.0')\n",
    "pk_future_plugin": GOOD.replace('name = "good"', 'name = "future"\n    api_version = (2, 0)'),
    "pk_newer_minor_plugin": GOOD.replace('name = "good"', f'name = "newer"\n    api_version = ({API_VERSION[0]}, 99)'),
    "pk_exit_plugin": "import sys\nsys.exit(3)\n",
    "pk_not_a_source": "class NotASource:\n    pass\n",
    "pk_bad_caps": GOOD.replace('frozenset({"files"})', 'frozenset({"teleport"})'),
    "pk_bad_types": GOOD.replace('name = "good"', 'name = "types"\n    record_types = (dict,)'),
}

ENTRY_POINTS = {
    "good": "pk_good_plugin:Good",
    "broken": "pk_broken_plugin:Source",
    "future": "pk_future_plugin:Good",
    "newer": "pk_newer_minor_plugin:Good",
    "exits": "pk_exit_plugin:X",
    "notsource": "pk_not_a_source:NotASource",
    "caps": "pk_bad_caps:Good",
    "types": "pk_bad_types:Good",
    "alias": "pk_good_plugin:Good",
    "missing": "pk_no_such_module:Thing",
}


@pytest.fixture
def fake_plugins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for module, code in PLUGINS.items():
        (tmp_path / f"{module}.py").write_text(textwrap.dedent(code))
    monkeypatch.syspath_prepend(str(tmp_path))
    real = importlib.metadata.entry_points

    def entry_points(**kwargs: Any) -> Any:
        found = list(real(**kwargs))
        if kwargs.get("group") == GROUP:
            found += [importlib.metadata.EntryPoint(n, v, GROUP) for n, v in ENTRY_POINTS.items()]
        return importlib.metadata.EntryPoints(found)

    monkeypatch.setattr(importlib.metadata, "entry_points", entry_points)
    pk.sources(refresh=True)
    yield
    monkeypatch.undo()
    pk.sources(refresh=True)


@pytest.mark.usefixtures("fake_plugins")
def test_broken_plugins_are_listed_with_reasons_and_others_work(caplog: pytest.LogCaptureFixture) -> None:
    found = pk.sources()
    status = {name: found[name].status for name in ENTRY_POINTS}
    assert status == {
        "good": "loaded",
        "broken": "failed",
        "future": "failed",
        "newer": "failed",
        "exits": "failed",
        "notsource": "failed",
        "caps": "failed",
        "types": "failed",
        "alias": "loaded",
        "missing": "failed",
    }
    assert found["broken"].error == "import failed: ImportError: needs libfoo 2.0"
    assert "declares plugin API 2.0" in (found["future"].error or "")
    assert "upgrade partnerkit" in (found["newer"].error or "")
    assert "SystemExit" in (found["exits"].error or "")
    assert "not a subclass" in (found["notsource"].error or "")
    assert "teleport" in (found["caps"].error or "")
    assert "record_types must be a tuple of the record classes" in (found["types"].error or "")
    assert "ModuleNotFoundError" in (found["missing"].error or "")
    assert found["good"].description == "A good plugin."
    assert found["good"].capabilities == {"files"}
    assert found["jsonl"].status == "loaded"  # the built-ins are untouched
    assert pk.open_source("good").config.path == "x"


@pytest.mark.usefixtures("fake_plugins")
def test_open_source_on_a_failed_plugin_says_why() -> None:
    with pytest.raises(pk.PluginError, match=r"needs libfoo 2\.0") as info:
        pk.open_source("broken")
    assert info.value.plugin == "broken"


@pytest.mark.usefixtures("fake_plugins")
def test_strict_discovery_raises() -> None:
    with pytest.raises(pk.PluginError, match="plugin '"):
        pk.sources(strict=True)


def test_unknown_source_lists_the_installed_ones() -> None:
    with pytest.raises(pk.PluginError, match=r"installed sources: .*jsonl"):
        pk.open_source("no-such-source")


def test_the_same_name_from_two_distributions_is_a_conflict(monkeypatch: pytest.MonkeyPatch) -> None:
    from partnerkit.sources import _discovery

    infos = iter(
        [
            pk.SourceInfo(name="dup", status="loaded", distribution="a", target="a:S"),
            pk.SourceInfo(name="dup", status="loaded", distribution="b", target="b:S"),
        ]
    )
    eps = [importlib.metadata.EntryPoint("dup", "a:S", GROUP), importlib.metadata.EntryPoint("dup", "b:S", GROUP)]
    monkeypatch.setattr(importlib.metadata, "entry_points", lambda **kw: importlib.metadata.EntryPoints(eps))
    monkeypatch.setattr(_discovery, "_load", lambda ep: next(infos))
    try:
        found = pk.sources(refresh=True)
        assert found["dup"].status == "failed"
        assert "provided twice" in (found["dup"].error or "")
    finally:
        monkeypatch.undo()
        pk.sources(refresh=True)


def test_first_party_sources_are_listed() -> None:
    """After the README's install, the built-in and first-party sources are all loaded."""
    found = pk.sources()
    assert found["jsonl"].status == "loaded"
    assert found["jsonl"].distribution == "partnerkit"
    assert found["jsonl"].version == pk.__version__


@pytest.mark.usefixtures("fake_plugins")
def test_an_entry_point_named_otherwise_than_its_class_is_warned_about_once(caplog: pytest.LogCaptureFixture) -> None:
    """docs/plugins.md says the entry-point name should be Source.name: a plugin registering "alias" for a class
    named "good" loaded silently, and its records said "alias"; discovery now warns once, naming both."""
    with caplog.at_level("WARNING", logger="partnerkit"):
        pk.sources(refresh=True)
        pk.sources()  # cached: no second warning
        source = pk.open_source("alias")
    named = [r.getMessage() for r in caplog.records if "declares name" in r.getMessage()]
    assert named == [
        "source plugin 'alias' (pk_good_plugin:Good): its class declares name 'good'; it is opened, and its "
        "records' provenance is written, as 'alias' (the entry-point name): give the entry point and "
        "Source.name one name"
    ]
    assert source.provenance("x").source == "alias"
