"""The public API is a contract: a change to ``partnerkit.__all__`` must be deliberate."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import partnerkit as pk

CHECKED_IN = Path(__file__).with_name("public_api.txt")


def test_all_matches_the_checked_in_list() -> None:
    """Adding or removing a public name means editing tests/public_api.txt in the same change."""
    expected = [line.strip() for line in CHECKED_IN.read_text().splitlines() if line.strip()]
    assert sorted(pk.__all__) == expected
    assert pk.__all__ == sorted(pk.__all__), "keep __all__ sorted"
    for name in pk.__all__:
        assert hasattr(pk, name), name


def test_import_is_light() -> None:
    """``import partnerkit`` loads no optional dependency and no plugin."""
    optional = ("feedparser", "dask", "pyspark", "click")
    code = f"import sys, partnerkit; print(sorted(m for m in {optional!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
