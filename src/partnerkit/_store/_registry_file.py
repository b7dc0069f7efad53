"""The store's compiled registry, kept in a file beside the store until its institutions change."""

from __future__ import annotations

import hashlib
import logging
import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path

from partnerkit._errors import ConfigError
from partnerkit._matching import Registry
from partnerkit._model import Institution

__all__ = ["cached_registry"]

log = logging.getLogger("partnerkit")


def cached_registry(
    conn: sqlite3.Connection, path: Path, institutions: Callable[[], Iterable[Institution]]
) -> Registry:
    """The registry of the stored institutions, read from ``<store>.registry-<stamp>`` when that
    file is there (the stamp is a digest of the institutions' digests), else built and saved
    there, replacing the files of earlier stamps."""
    digests = conn.execute("SELECT group_concat(digest, '') FROM (SELECT digest FROM institution ORDER BY id)")
    stamp = hashlib.sha256((digests.fetchone()[0] or "").encode()).hexdigest()[:16]
    cache = path.with_name(f"{path.name}.registry-{stamp}")
    if cache.exists():
        try:
            return Registry.load(cache)
        except ConfigError as exc:  # damaged or written by another version: rebuild
            log.info("rebuilding the store's registry: %s", exc)
    registry = Registry(institutions())
    try:
        for old in path.parent.glob(f"{path.name}.registry-*"):
            old.unlink(missing_ok=True)
        registry.save(cache)
    except OSError as exc:  # a read-only folder: go on without the cache
        log.info("cannot keep the store's registry at %s: %s", cache, exc.strerror)
    return registry
