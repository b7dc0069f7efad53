"""Shared fixtures: where ../shared is, and the rule for tests that need it; small helpers several test files use."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

import partnerkit as pk

# Speed is measured by bench/ scripts, never by tests: a loaded machine must not fail a test
# through hypothesis's generation-speed check or its per-example deadline.
_NO_TIMING = {"suppress_health_check": [HealthCheck.too_slow], "deadline": None}
settings.register_profile("ci", max_examples=200, **_NO_TIMING)
settings.register_profile("quick", max_examples=30, **_NO_TIMING)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "quick"))

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("PARTNERKIT_SHARED", ROOT.parent / "shared"))


def require_shared(*parts: str) -> Path:
    """The path under ../shared; skip the test when it is absent, fail under CI=true."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        message = f"{path} is absent (tests that read ../shared need it beside the checkout)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture
def shared() -> Path:
    return require_shared()


@pytest.fixture
def examples() -> Path:
    return ROOT / "examples"


def dates_by_kind(text: str, published: str) -> dict[str, tuple[str | None, str]]:
    """Each kind of partnership extracted from ``text``: its date (``None`` if undated) and status."""
    ex = pk.extract(text, published=published)
    return {p.kind.value: (str(p.date) if p.date else None, p.status.value) for p in ex.partnerships}
