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


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_page_has_no_markup_the_docs_build_stops_on(page: Path) -> None:
    """`mkdocs build` reads ``<!`` outside fenced blocks as an HTML declaration and fails
    (it did on the trigger tables); only HTML comments may start so."""
    text = re.sub(r"^```.*?^```", "", page.read_text("utf-8"), flags=re.S | re.M)
    bad = [line for line in text.splitlines() if re.search(r"<!(?!--)", line)]
    assert bad == [], f"{page.name}: write '<!' inside code as <code>&lt;!</code>: {bad[0][:80]}"


def test_docstrings_the_docs_render_name_their_examples_section_examples() -> None:
    """mkdocstrings reads a Google-style "Example:" section as prose, so a ``>>>`` result in
    brackets becomes a broken cross-reference and `mkdocs build --strict` fails; an
    "Examples:" section is read as code. Checked for what the pages render (``::: name``)."""
    import importlib
    import inspect

    targets = {m for page in PAGES for m in re.findall(r"^::: ([\w.]+)", page.read_text("utf-8"), re.M)}
    assert "partnerkit" in targets, "docs/reference.md renders the public API"
    objects: list[object] = []
    for target in sorted(targets):
        module_name, obj = target, None
        while True:
            try:
                module = importlib.import_module(module_name)
                break
            except ModuleNotFoundError:
                module_name, _, attr = module_name.rpartition(".")
                obj = attr
        if obj is not None:
            objects.append(getattr(module, obj))
        else:
            names = getattr(module, "__all__", [n for n in vars(module) if not n.startswith("_")])
            objects += [getattr(module, n) for n in names]
    offenders = []
    for obj in objects:
        section = ""
        for line in (inspect.getdoc(obj) or "").splitlines() if not isinstance(obj, str) else []:
            if re.fullmatch(r"[A-Z][\w ]*:", line):
                section = line
            elif line.strip().startswith("[") and not line.startswith(" " * 12) and section != "Examples:":
                offenders.append(f"{getattr(obj, '__qualname__', obj)} ({section or 'no section'})")
    assert offenders == [], "a doctest whose result is a list belongs in an 'Examples:' section"


_CONFLICT = re.compile(r"^(?:<{7}|={7}|>{7})(?: |$)", re.M)


@pytest.mark.parametrize("page", [ROOT / "CHANGELOG.md", *PAGES], ids=lambda p: str(p.relative_to(ROOT)))
def test_page_holds_no_merge_conflict_markers(page: Path) -> None:
    """A page a user reads never shows a half-resolved merge ("<<<<<<< HEAD" ... ">>>>>>>")."""
    text = page.read_text(encoding="utf-8")
    found = [text.count("\n", 0, m.start()) + 1 for m in _CONFLICT.finditer(text)]
    assert not found, f"{page.name}: merge conflict markers on lines {found}"
