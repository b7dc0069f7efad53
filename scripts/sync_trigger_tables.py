"""Rewrite the trigger tables of docs/extraction.md from src/partnerkit/data/extract/*.toml.

Usage: python scripts/sync_trigger_tables.py
"""

from __future__ import annotations

from pathlib import Path

from partnerkit._extract._lexicon import markdown_tables

PAGE = Path(__file__).resolve().parent.parent / "docs" / "extraction.md"
MARK = "Add a language by adding a file with the same sections.\n"


def main() -> None:
    text = PAGE.read_text("utf-8")
    head = text[: text.index(MARK) + len(MARK)]
    PAGE.write_text(f"{head}\n{markdown_tables()}", "utf-8")


if __name__ == "__main__":
    main()
