"""The ``ror`` source: a ROR dump opened by name, checked by the conformance kit."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import partnerkit as pk
from partnerkit.testing import SourceConformance
from partnerkit_ror import RorSource

RECORD = {
    "id": "https://ror.org/04txgxn49",
    "status": "active",
    "types": ["education"],
    "names": [{"value": "ITMO University", "types": ["ror_display", "label"], "lang": "en"}],
    "locations": [{"geonames_details": {"country_code": "RU", "name": "Saint Petersburg"}}],
}


@pytest.fixture
def dump(tmp_path: Path) -> Path:
    other = {**RECORD, "id": "https://ror.org/05qrfxd25", "names": [{"value": "HUST", "types": ["ror_display"]}]}
    bad = {**RECORD, "id": "https://ror.org/00xxxxx00", "status": "lost"}
    path = tmp_path / "ror.json"
    path.write_text(json.dumps([RECORD, bad, other]), encoding="utf-8")
    return path


class TestRorConformance(SourceConformance):
    source_class = RorSource
    bad_config = ({"path": 12}, "config.path")

    @pytest.fixture
    def source_config(self, dump: Path) -> dict[str, Any]:
        return {"path": str(dump)}


def test_opened_by_name_reports_bad_records(dump: Path) -> None:
    source = pk.open_source("ror", path=str(dump))
    items = list(source.read())
    assert [i.record.id for i in items] == ["https://ror.org/04txgxn49", "https://ror.org/05qrfxd25"]
    assert items[0].provenance.locator == f"{dump} row 1"
    assert items[0].provenance.native_id == "https://ror.org/04txgxn49"
    assert items[0].provenance.plugin_version == pk.sources()["ror"].version
    assert [str(e) for e in source.summary.errors] == [
        f"{dump} row 2: status: 'lost' is not one of: active, inactive, withdrawn"
    ]
