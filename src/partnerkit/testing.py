"""A conformance kit for source plugins: a pytest base class the plugin author subclasses.

It needs pytest (it is imported by the plugin's tests, never by partnerkit itself).

Example (in the plugin's own tests; plugins/partnerkit-example/tests is the whole of it)::

    import pytest

    from partnerkit.testing import SourceConformance
    from partnerkit_example import AgreementRegister

    class TestAgreementRegister(SourceConformance):
        source_class = AgreementRegister
        bad_config = ({"path": "register.csv"}, "config.path")   # an invalid config, the path its error names

        @pytest.fixture
        def source_config(self, tmp_path):          # a config that reads at least one record
            ...
            return {"path": str(path)}

Each check is a ``test_*`` method; name checks in ``skip_checks`` to skip them (with the
reason in the value). The checks: the class declares the contract; unknown and invalid
options raise :class:`partnerkit.ConfigError` naming the field path and not echoing the
value; a read yields at least one record of a declared type; records round-trip through
the codec; native ids are unique; provenance is complete; the summary adds up; the state
is JSON-serialisable, and for an incremental source a second read with it yields nothing
already seen.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, ClassVar

import attrs
import pytest

from partnerkit._codec import from_dict, to_dict
from partnerkit._errors import ConfigError
from partnerkit.sources import API_VERSION, CAPABILITIES, Source, SourceItem

__all__ = ["SourceConformance"]

_SECRET = "s3cr3t-v4lue-never-echoed"


class SourceConformance:
    """Subclass in a test module; set :attr:`source_class` and provide a ``source_config`` fixture.

    Attributes:
        source_class: the Source class under test.
        bad_config: ``(options, path)``: options that are invalid, and the field path
            (``"config.url"``) the ConfigError must name; ``None`` skips that check.
        skip_checks: ``{"check_name": "reason"}``; check names are the test names without
            ``test_`` (``"state_round_trip"``).
    """

    source_class: ClassVar[type[Source]]
    bad_config: ClassVar[tuple[Mapping[str, Any], str] | None] = None
    skip_checks: ClassVar[Mapping[str, str]] = {}

    @pytest.fixture
    def source_config(self) -> Mapping[str, Any]:
        """Options with which the source reads at least one record (override this fixture)."""
        raise NotImplementedError("override the source_config fixture")

    def _skip(self, check: str) -> None:
        if check in self.skip_checks:
            pytest.skip(self.skip_checks[check])

    def open(self, config: Mapping[str, Any], **kwargs: Any) -> Source:
        """A configured source (override to open it another way)."""
        return self.source_class(dict(config), **kwargs)

    def _read_all(self, source: Source, state: Any = None) -> list[SourceItem]:
        return list(source.read(state))

    # --- the checks -----------------------------------------------------------------

    def test_declares_the_contract(self) -> None:
        self._skip("declares_the_contract")
        cls = self.source_class
        assert issubclass(cls, Source)
        assert cls.name, "declare name"
        assert isinstance(cls.api_version, tuple)
        assert len(cls.api_version) == 2
        assert cls.api_version[0] == API_VERSION[0], f"api_version major must be {API_VERSION[0]}"
        assert cls.api_version[1] <= API_VERSION[1]
        assert set(cls.capabilities) <= CAPABILITIES, f"capabilities must be among {sorted(CAPABILITIES)}"
        assert attrs.has(cls.Config), "Config must be an attrs class"
        assert cls.record_types, "declare record_types"
        assert cls.description(), "give the class a docstring (its first line is the description)"

    def test_unknown_option_names_its_path(self, source_config: Mapping[str, Any]) -> None:
        self._skip("unknown_option_names_its_path")
        with pytest.raises(ConfigError) as info:
            self.open({**source_config, "no_such_option": _SECRET})
        assert info.value.path == "config.no_such_option"
        assert _SECRET not in str(info.value)

    def test_invalid_option_names_its_path(self) -> None:
        self._skip("invalid_option_names_its_path")
        if self.bad_config is None:
            pytest.skip("no bad_config given")
        options, path = self.bad_config
        with pytest.raises(ConfigError) as info:
            self.open(options)
        assert info.value.path == path, str(info.value)
        for value in options.values():
            if isinstance(value, str) and len(value) > 3:
                assert value not in str(info.value), "a ConfigError must not echo the value"

    def test_reads_records_of_declared_types(self, source_config: Mapping[str, Any]) -> None:
        self._skip("reads_records_of_declared_types")
        items = self._read_all(self.open(source_config))
        assert items, "the source_config fixture must give at least one record"
        for item in items:
            assert isinstance(item, SourceItem)
            assert isinstance(item.record, self.source_class.record_types), type(item.record)

    def test_records_round_trip_through_the_codec(self, source_config: Mapping[str, Any]) -> None:
        self._skip("records_round_trip_through_the_codec")
        for item in self._read_all(self.open(source_config)):
            data = json.loads(json.dumps(to_dict(item.record)))
            assert from_dict(type(item.record), data) == item.record
            assert from_dict(type(item.provenance), to_dict(item.provenance)) == item.provenance

    def test_native_ids_are_unique(self, source_config: Mapping[str, Any]) -> None:
        self._skip("native_ids_are_unique")
        ids = [item.provenance.native_id for item in self._read_all(self.open(source_config))]
        assert all(ids), "every record needs a native id"
        assert len(ids) == len(set(ids)), "native ids must be unique within a read"

    def test_provenance_is_complete(self, source_config: Mapping[str, Any]) -> None:
        self._skip("provenance_is_complete")
        source = self.open(source_config)
        for item in self._read_all(source):
            p = item.provenance
            assert p.source == source.name, "provenance.source is the source name"
            assert p.locator, "provenance.locator names the file/URL and row/entry"
            assert p.fetched is not None
            assert p.fetched.tzinfo is not None
            assert p.plugin_version == source.plugin_version

    def test_summary_adds_up(self, source_config: Mapping[str, Any]) -> None:
        self._skip("summary_adds_up")
        source = self.open(source_config)
        items = self._read_all(source)
        summary = source.summary
        assert summary.imported == len(items)
        assert summary.read == summary.imported + summary.rejected
        assert summary.rejected == sum(summary.by_reason.values())

    def test_state_round_trip(self, source_config: Mapping[str, Any]) -> None:
        self._skip("state_round_trip")
        source = self.open(source_config)
        first = self._read_all(source)
        state = source.state
        restored = json.loads(json.dumps(state))  # the state must be JSON-serialisable
        if "incremental" not in self.source_class.capabilities:
            return
        assert isinstance(restored, dict), "an incremental source keeps a state after a read"
        seen = {item.provenance.native_id for item in first}
        again = self.open(source_config)
        second = self._read_all(again, restored)
        duplicates = [i.provenance.native_id for i in second if i.provenance.native_id in seen]
        assert not duplicates, f"a second read with the state yields records again: {duplicates[:3]}"
        assert isinstance(json.loads(json.dumps(again.state)), dict)
