"""Where the store lives when no path is given."""

from __future__ import annotations

import os
import sys
from pathlib import Path

__all__ = ["DB_ENV", "default_path", "resolve_path"]

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
