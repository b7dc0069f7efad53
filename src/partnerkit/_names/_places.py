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
from importlib import resources

__all__ = ["place_names"]


@functools.cache
def place_names() -> dict[str, str]:
    """The city-name table: folded variant -> English form (a form that is a key maps to nothing).

    >>> place_names()["wien"], place_names()["moskovsk"]
    ('vienna', 'moscow')
    """
    text = resources.files("partnerkit").joinpath("data/place_names.tsv").read_text("utf-8")
    table: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, _, variants = line.partition("\t")
        for written in variants.split(","):
            variant = written.strip()
            if variant and variant != key.strip():
                table.setdefault(variant, key.strip())
    return table
