"""The files the docs show with ``--8<--`` exist, so the plugin page always shows real code."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SNIPPET = re.compile(r'^--8<-- "([^"]+)"$', re.M)


def test_every_snippet_names_a_file_of_the_repository() -> None:
    included = [
        (page.name, path)
        for page in sorted((ROOT / "docs").rglob("*.md"))
        for path in SNIPPET.findall(page.read_text())
    ]
    assert ("plugins.md", "plugins/partnerkit-example/src/partnerkit_example/__init__.py") in included
    for page, path in included:
        assert (ROOT / path).is_file(), f"{page} includes {path}, which does not exist"
