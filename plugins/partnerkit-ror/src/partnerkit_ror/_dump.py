"""Reading a ROR data dump into Institutions."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator

from partnerkit import Institution, RecordError
from partnerkit_ror._convert import to_institution
from partnerkit_ror._files import iter_raw

__all__ = ["read_institutions", "read_located"]

log = logging.getLogger("partnerkit")


def read_located(
    path: str | os.PathLike[str], on_error: Callable[[RecordError], None] | None = None
) -> Iterator[tuple[Institution, str, int]]:
    """Like :func:`read_institutions`, with the file and row of each institution."""
    for raw, locator, row in iter_raw(path, on_error):
        try:
            institution = to_institution(raw)
        except RecordError as exc:
            error = exc.at(row=row, locator=locator)
            if on_error is None:
                raise error from None
            log.debug("skipping bad ROR record: %s", error)
            on_error(error)
            continue
        yield institution, locator, row


def read_institutions(
    path: str | os.PathLike[str], *, on_error: Callable[[RecordError], None] | None = None
) -> Iterator[Institution]:
    """Stream the institutions of a ROR data dump.

    ``path`` is the zip as ROR publishes it (its schema v2 JSON is read; a zip without a
    v2 file is read as it is), a JSON array file, a JSON Lines file (``.gz`` too), a single
    pretty-printed record, or a folder of such files (read in name order, recursively).
    Records of schema v1 are read as well. Arrays are streamed: memory stays flat for a
    dump of any size.

    Each :class:`partnerkit.Institution` has ``id`` = the full ROR id
    (``https://ror.org/04txgxn49``) and ``identifiers["ror"]`` = the short one
    (``04txgxn49``); inactive and withdrawn records are kept, with their ``status``.

    Args:
        path: a file or folder.
        on_error: called with the :class:`partnerkit.RecordError` of each bad record (it
            names the file, the row and the ROR field), and reading goes on; without it the
            first bad record raises.

    Raises:
        RecordError: a record is invalid or holds bytes that are not UTF-8 (without ``on_error``).
        SourceError: the path cannot be read, or a JSON array is broken.

    Example:
        >>> import json, tempfile, pathlib
        >>> rec = {"id": "https://ror.org/04txgxn49", "status": "active", "types": ["education"],
        ...        "names": [{"value": "ITMO University", "types": ["ror_display", "label"], "lang": "en"},
        ...                  {"value": "ITMO", "types": ["acronym"], "lang": None}],
        ...        "locations": [{"geonames_details": {"country_code": "RU", "name": "Saint Petersburg"}}]}
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "ror.json"
        >>> _ = path.write_text(json.dumps([rec]))
        >>> [(i.id, i.name, i.acronyms, i.country, i.identifiers["ror"]) for i in read_institutions(path)]
        [('https://ror.org/04txgxn49', 'ITMO University', ('ITMO',), 'RU', '04txgxn49')]
    """
    for institution, _locator, _row in read_located(path, on_error):
        yield institution
