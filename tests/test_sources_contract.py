"""The Source contract as a host uses it: read, summary, strict mode, state, and the module's names.

A user relies on: bad records reported with their locator while the good ones flow;
``strict=True`` stopping at the first; ``source.state`` set only after a finished loop;
and both ``pk.sources()`` and ``from partnerkit.sources import Source`` working.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Generator

import attrs
import pytest

import partnerkit as pk
from partnerkit.sources import ReadSummary, Source, SourceItem, State


class Counting(Source):
    """Numbers as institutions; every third one is bad."""

    name = "counting"
    capabilities = frozenset({"incremental"})

    @attrs.frozen
    class Config:
        count: int = 6

    def items(self, state: State | None) -> Generator[SourceItem | pk.RecordError, None, State | None]:
        start = (state or {}).get("next", 0)
        for n in range(start, self.config.count):
            if n % 3 == 2:
                yield pk.RecordError(
                    f"country {'Rusia'!r} is not an ISO 3166 country", field="country", row=n, locator="nums"
                )
                continue
            yield SourceItem(pk.Institution(id=f"n{n}", name=f"Number {n}"), self.provenance(f"nums row {n}", f"n{n}"))
        return {"next": self.config.count}


def test_good_records_flow_and_bad_ones_are_reported() -> None:
    source = Counting(count=6)
    ids = [item.record.id for item in source.read()]
    assert ids == ["n0", "n1", "n3", "n4"]
    summary = source.summary
    assert (summary.read, summary.imported, summary.rejected) == (6, 4, 2)
    assert summary.by_reason == {"country: country … is not an ISO 3166 country": 2}
    assert str(summary.errors[0]) == "nums row 2: country: country 'Rusia' is not an ISO 3166 country"
    assert "rejected 2" in str(summary)


def test_strict_stops_at_the_first_bad_record() -> None:
    source = Counting(strict=True)
    got: list[str] = []
    with pytest.raises(pk.RecordError, match="row 2"):
        got.extend(item.record.id for item in source.read())  # type: ignore[union-attr]
    assert got == ["n0", "n1"]
    assert source.state is None


def test_state_is_set_after_the_loop_and_only_then() -> None:
    source = Counting(count=4)
    iterator = source.read()
    next(iterator)
    assert source.state is None  # not finished: no new state yet
    list(iterator)
    assert source.state == {"next": 4}
    again = Counting(count=7)
    assert [i.record.id for i in again.read(state=source.state)] == ["n4", "n6"]
    assert again.state == {"next": 7}


def test_provenance_carries_source_version_locator_and_time() -> None:
    item = next(Counting().read())
    p = item.provenance
    assert (p.source, p.locator, p.native_id) == ("counting", "nums row 0", "n0")
    assert p.fetched is not None
    assert p.fetched.tzinfo is not None


def test_bad_state_is_refused() -> None:
    class BadState(Counting):
        def items(self, state: State | None) -> Generator[SourceItem | pk.RecordError, None, State | None]:
            yield from ()
            return {"when": object()}

    with pytest.raises(pk.PluginError, match="not JSON-serialisable"):
        list(BadState().read())
    with pytest.raises(pk.PluginError, match="must be a mapping"):
        list(Counting().read(state=["x"]))  # type: ignore[arg-type]


def test_options_and_config_merge_and_are_checked() -> None:
    assert Counting({"count": 2}).config.count == 2
    assert Counting({"count": 2}, count=3).config.count == 3
    assert Counting(Counting.Config(count=2), count=5).config.count == 5
    with pytest.raises(pk.ConfigError) as info:
        Counting(cont=3)
    assert info.value.path == "config.cont"


def test_summary_keeps_a_bounded_number_of_errors() -> None:
    summary = ReadSummary()
    for row in range(1500):
        summary._reject(pk.RecordError("bad", row=row))
    assert summary.rejected == 1500
    assert len(summary.errors) == 1000


def test_sources_is_a_function_and_the_module_is_importable() -> None:
    """``pk.sources()`` lists sources; ``from partnerkit.sources import ...`` reaches the module.

    ``import partnerkit.sources as m`` binds the *function* (Python resolves it as an
    attribute of the package), which is why the docs use the ``from`` form.
    """
    assert callable(pk.sources)
    assert isinstance(pk.sources(), dict)
    module = sys.modules["partnerkit.sources"]
    assert module.Source is Source
    assert importlib.import_module("partnerkit.sources") is module
    from partnerkit.sources import SourceInfo

    assert SourceInfo is pk.SourceInfo
    import partnerkit.sources as bound

    assert bound is pk.sources


class Failing(Source):
    """A plugin whose reading fails in a way it did not plan for (bytes that are not UTF-8)."""

    name = "failing"

    @attrs.frozen
    class Config:
        pass

    def items(self, state: State | None) -> Generator[SourceItem | pk.RecordError, None, State | None]:
        yield SourceItem(pk.Institution(id="a", name="A"), self.provenance("x row 1", "a"))
        b"M\xfcnchen".decode("utf-8")
        return None


def test_an_unplanned_exception_of_a_source_is_a_source_error_naming_it() -> None:
    """Whatever a plugin raises while reading reaches the user as a SourceError naming the source,
    with the original chained, after the records read before it."""
    source = Failing()
    got: list[str] = []
    with pytest.raises(pk.SourceError) as info:
        got.extend(item.record.id for item in source.read())  # type: ignore[union-attr]
    assert got == ["a"]
    assert str(info.value) == (
        "source 'failing' failed while reading: UnicodeDecodeError: "
        "'utf-8' codec can't decode byte 0xfc in position 1: invalid start byte"
    )
    assert isinstance(info.value.__cause__, UnicodeDecodeError)
    assert info.value.source == "failing"


class Leaking(Source):
    """A plugin that calls an API with a token in its URL through requests itself, not HttpClient."""

    name = "leaking"

    @attrs.frozen
    class Config:
        pass

    def items(self, state: State | None) -> Generator[SourceItem | pk.RecordError, None, State | None]:
        raise ConnectionError(
            "HTTPSConnectionPool(host='api.example.org', port=443): Max retries exceeded with url: "
            "/v1/orgs?page=2&api_key=S3CRET (Caused by NewConnectionError) at https://bob:hunter2@api.example.org/"
        )
        yield  # pragma: no cover


def test_the_message_of_an_unplanned_exception_never_echoes_a_token_of_a_url() -> None:
    """A plugin's own exception text is shown to the user: the query and credentials of a URL in it are cut
    (they were echoed to the terminal and logs, token and password included)."""
    with pytest.raises(pk.SourceError) as info:
        list(Leaking().read())
    message = str(info.value)
    assert "S3CRET" not in message
    assert "hunter2" not in message
    assert "url: /v1/orgs?… (Caused by NewConnectionError) at https://api.example.org/" in message
    assert "S3CRET" in str(info.value.__cause__)  # the original stays chained, for --debug


class Raising(Source):
    """A plugin that builds a record inline, and so raises the RecordError of a bad value."""

    name = "raising"

    @attrs.frozen
    class Config:
        pass

    def items(self, state: State | None) -> Generator[SourceItem | pk.RecordError, None, State | None]:
        for row, country in enumerate(["RU", "Rusia"], start=1):
            record = pk.Institution(id=f"u{row}", name=f"University {row}", country=country)
            yield SourceItem(record, self.provenance(f"unis.txt row {row}", f"u{row}"))
        return None


def test_a_record_error_a_plugin_raises_names_the_source_and_where_it_stopped() -> None:
    """It reached the user as "partnerkit: error: country: 'Rusia' is not an ISO 3166 country", naming
    neither the source nor where: now a SourceError saying both, and what the plugin should do."""
    got: list[str] = []
    with pytest.raises(pk.SourceError) as info:
        got.extend(item.record.id for item in Raising().read())  # type: ignore[union-attr]
    assert got == ["u1"]
    assert str(info.value) == (
        "source 'raising' stopped at a bad record after unis.txt row 1: country: 'Rusia' is not an ISO 3166 "
        "country (a plugin yields the RecordError of a bad record, so that the others are read)"
    )
    assert isinstance(info.value.__cause__, pk.RecordError)


class Yielding(Source):
    """Yields one good record, then whatever it is given."""

    name = "yielding"

    @attrs.frozen
    class Config:
        what: str = "bare"

    def items(self, state: State | None) -> Generator[SourceItem | pk.RecordError, None, State | None]:
        record = pk.Institution(id="a", name="Alpha University")
        yield SourceItem(record, self.provenance("here", "a"))
        wrong: object = {
            "bare": record,
            "text": "Beta University",
            "item": SourceItem(pk.Party("Beta University"), self.provenance("here", "b")),  # type: ignore[arg-type]
        }[self.config.what]
        yield wrong  # type: ignore[misc]
        return None


@pytest.mark.parametrize(
    ("what", "message"),
    [
        ("bare", "items() yielded a bare Institution; wrap it as SourceItem(record, self.provenance("),
        ("text", "items() yielded a str; expected a SourceItem or a RecordError"),
        ("item", "items() yielded a SourceItem whose record is a Party; expected an Institution"),
    ],
)
def test_a_source_that_yields_something_else_is_a_plugin_error(what: str, message: str) -> None:
    """A plugin's contract mistake stops the read with a PluginError saying what to yield (it was passed on
    and counted as imported, to fail later in the store or the registry)."""
    source = Yielding(what=what)
    got = []
    with pytest.raises(pk.PluginError) as info:
        got.extend(item.record for item in source.read())
    assert len(got) == 1
    assert str(info.value).startswith(f"plugin 'yielding': {message}")


def test_the_conformance_kits_example_imports_names_that_exist() -> None:
    """help(partnerkit.testing) showed `from partnerkit_example import ExampleSource`, a class the example
    plugin does not have (it is AgreementRegister): a plugin author copying it got an ImportError."""
    import importlib
    import re

    import partnerkit.testing

    imports = re.findall(r"^\s+from ([\w.]+) import (\w+)$", partnerkit.testing.__doc__ or "", re.M)
    assert ("partnerkit_example", "AgreementRegister") in imports
    for module, name in imports:
        assert hasattr(importlib.import_module(module), name), (module, name)


class Lax(Source):
    """Declares institutions, also yields a partnership (a plugin the conformance kit alone used to catch)."""

    name = "lax"

    @attrs.frozen
    class Config:
        pass

    def items(self, state: State | None) -> Generator[SourceItem | pk.RecordError, None, State | None]:
        yield SourceItem(pk.Institution(id="a", name="Alpha University"), self.provenance("deals.csv row 2", "a"))
        deal = pk.Partnership(kind=pk.PartnershipKind.AGREEMENT, parties=(pk.Party("Alpha"), pk.Party("Beta")))
        yield SourceItem(deal, self.provenance("deals.csv row 3", "d1"))
        yield SourceItem(pk.Institution(id="b", name="Beta University"), self.provenance("deals.csv row 4", "b"))
        return None


def test_a_record_of_an_undeclared_type_is_a_bad_record() -> None:
    """A source declaring Institution that yields a Partnership passed it on silently (a registry or store
    built from it got what it did not ask for); it is now a bad record naming the source and the item,
    counted as rejected, and strict mode stops there."""
    source = Lax()
    assert [item.record.id for item in source.read()] == ["a", "b"]  # type: ignore[union-attr]
    summary = source.summary
    assert (summary.read, summary.imported, summary.rejected) == (3, 2, 1)
    assert str(summary.errors[0]) == (
        "deals.csv row 3: source 'lax' gave a Partnership 'd1', a type it does not declare "
        "(record_types: Institution); left out"
    )
    strict = Lax(strict=True)
    got: list[object] = []
    with pytest.raises(pk.RecordError, match="source 'lax' gave a Partnership 'd1'"):
        got.extend(item.record for item in strict.read())
    assert len(got) == 1
