"""Counting work instead of timing it: bound tests that machine load cannot make flaky."""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import FrameType
from typing import Any


def lines_executed(call: Callable[[], object], *files: str) -> int:
    """The lines Python executes in the modules whose file names end with one of ``files``
    while running ``call()``."""
    count = 0

    def local(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return local

    def calls(frame: FrameType, event: str, arg: Any) -> Any:
        return local if frame.f_code.co_filename.endswith(files) else None

    sys.settrace(calls)
    try:
        call()
    finally:
        sys.settrace(None)
    return count
