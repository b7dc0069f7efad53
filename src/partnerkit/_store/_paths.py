"""Where the store lives when no path is given, and what to say when its file cannot be used."""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path

from partnerkit._errors import ConfigError

__all__ = ["DB_ENV", "busy_error", "default_path", "resolve_path"]

#: The environment variable that names the store file.
DB_ENV = "PARTNERKIT_DB"


def _data_dir() -> Path:
    """The per-user data directory of the platform (no extra dependency)."""
    home = Path.home()
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or os.environ.get("APPDATA")
        return Path(base) if base else home / "AppData" / "Local"
    if sys.platform == "darwin":
        return home / "Library" / "Application Support"
    xdg = os.environ.get("XDG_DATA_HOME")
    return Path(xdg) if xdg and os.path.isabs(xdg) else home / ".local" / "share"


def default_path() -> Path:
    """The per-user store file: ``$XDG_DATA_HOME/partnerkit/partnerkit.db`` on Linux,
    ``~/Library/Application Support/partnerkit/partnerkit.db`` on macOS,
    ``%LOCALAPPDATA%\\partnerkit\\partnerkit.db`` on Windows."""
    return _data_dir() / "partnerkit" / "partnerkit.db"


def resolve_path(path: str | os.PathLike[str] | None) -> Path:
    """The store file: the given path, else ``$PARTNERKIT_DB``, else :func:`default_path`."""
    if path is not None:
        return Path(path).expanduser()
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser()
    return default_path()


def busy_error(path: Path, exc: sqlite3.OperationalError) -> ConfigError:
    """The error for SQLite's ``database is locked`` (another process kept writing the store past
    the busy timeout) or another operational failure of the store file, naming the file."""
    reason = str(exc)
    if "locked" in reason or "busy" in reason:
        return ConfigError(
            f"{path}: the store is busy: another partnerkit process has been writing to it longer than "
            "the wait allowed (Store(timeout=...)); run this again when that one has finished"
        )
    return ConfigError(f"{path}: cannot use the store file ({reason})")
