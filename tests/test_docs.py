"""Every Python example in README.md and docs/ runs, so the docs stay true.

A fenced ``python`` block is executed in a namespace shared by the blocks of one page, with
the repository root as working directory; lines starting with ``>>>`` are doctests. A block
fenced as ``python no-run`` is shown but not executed.
"""

from __future__ import annotations

import doctest
import os
import re
from pathlib import Path

import pytest

import partnerkit

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
FENCE = re.compile(r"^```python\n(.*?)^```", re.S | re.M)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_examples_in_page_run(page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {"__name__": "__docs__"}
    for block in FENCE.findall(page.read_text(encoding="utf-8")):
        if ">>>" in block:
            parser = doctest.DocTestParser()
            test = parser.get_doctest(block, namespace, page.name, str(page), 0)
            runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
            runner.run(test)
            assert runner.failures == 0, f"doctest in {page.name} failed (see output above)"
            namespace.update(test.globs)
        else:
            exec(compile(block, str(page), "exec"), namespace)


def test_docstring_examples_run() -> None:
    """The ``>>>`` examples in the library's docstrings run."""
    failures = 0
    src = ROOT / "src" / "partnerkit"
    for path in sorted(src.rglob("*.py")):
        module_name = ".".join(path.relative_to(src.parent).with_suffix("").parts).removesuffix(".__init__")
        if "__main__" in module_name:
            continue
        try:
            module = __import__(module_name, fromlist=["_"])
        except ImportError:
            if module_name.startswith(("partnerkit.dask", "partnerkit.spark")):
                continue  # optional extras, tested by tests/test_dask.py and tests/test_spark.py
            raise
        result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
        failures += result.failed
    assert failures == 0
    assert os.path.isdir(src)
    assert partnerkit.__name__ == "partnerkit"
