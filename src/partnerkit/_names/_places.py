"""Cities written differently in other languages: one English form for each (``data/place_names.tsv``).

"Universität Wien" and "University of Vienna", "Technische Universität München" and
"Technical University of Munich", "Московский государственный университет" and "Moscow
State University" name their city in two languages. The normaliser reads every listed
form of a city as its English form, so such names agree word for word. The table is our
own short list of common exonyms; a registry teaches more (its own names in several
languages, see ``partnerkit._matching._translate``).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from importlib import resources

__all__ = ["place_names", "word_table"]


def word_table(name: str) -> Iterator[tuple[str, list[str]]]:
    """The lines ``key<TAB>variant, variant, ...`` of ``partnerkit/data/<name>`` (comments and blanks skipped)."""
    text = resources.files("partnerkit").joinpath("data", name).read_text("utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            key, _, variants = line.partition("\t")
            yield key.strip(), [v for v in (w.strip() for w in variants.split(",")) if v]


@functools.cache
def place_names() -> dict[str, str]:
    """The city-name table: folded variant -> English form (a form that is a key maps to nothing).

    >>> place_names()["wien"], place_names()["moskovsk"]
    ('vienna', 'moscow')
    """
    table: dict[str, str] = {}
    for key, variants in word_table("place_names.tsv"):
        for variant in variants:
            if variant != key:
                table.setdefault(variant, key)
    return table
