"""The one exception hierarchy of partnerkit.

Every error partnerkit raises on purpose derives from :class:`PartnerkitError`::

    PartnerkitError
     ├── ConfigError   (also ValueError)  bad configuration; ``.path`` names the field
     ├── RecordError   (also ValueError)  a bad record or field; ``.field``, ``.row``, ``.locator``
     ├── SourceError                      a source cannot be read; ``.source``, ``.locator``
     └── PluginError                      a plugin cannot be loaded or used; ``.plugin``

Messages name *where* the problem is (file, row, field path) and *what* is wrong, and
never echo a whole record or a configuration value (it may be a secret).
"""

from __future__ import annotations

import re

__all__ = ["ConfigError", "PartnerkitError", "PluginError", "RecordError", "SourceError"]


class PartnerkitError(Exception):
    """Root of every error partnerkit raises on purpose."""


class ConfigError(PartnerkitError, ValueError):
    """A configuration (of a source, a rule set, the command line) is invalid.

    Attributes:
        path: the dotted path of the offending field (``"config.feed_url"``), if known.
    """

    def __init__(self, message: str, *, path: str | None = None) -> None:
        self.path = path
        super().__init__(f"{path}: {message}" if path else message)


class RecordError(PartnerkitError, ValueError):
    """A record, or one field of it, is invalid.

    Attributes:
        field: the field path inside the record (``"parties[1].institution_id"``).
        row: the 1-based row or line number in a file, if the record came from one.
        locator: the file, URL or other place the record came from, if known.
        reason: the bare reason, without the location prefix.
    """

    def __init__(
        self,
        reason: str,
        *,
        field: str | None = None,
        row: int | None = None,
        locator: str | None = None,
    ) -> None:
        self.reason = reason
        self.field = field
        self.row = row
        self.locator = locator
        super().__init__(self._format())

    def _format(self) -> str:
        where = []
        if self.locator:
            where.append(self.locator)
        if self.row is not None:
            where.append(f"row {self.row}")
        prefix = " ".join(where)
        body = f"{self.field}: {self.reason}" if self.field else self.reason
        return f"{prefix}: {body}" if prefix else body

    def at(self, *, row: int | None = None, locator: str | None = None, field_prefix: str | None = None) -> RecordError:
        """Return a copy of this error located at a row / file / enclosing field."""
        field = self.field
        if field_prefix:
            field = f"{field_prefix}.{field}" if field else field_prefix
        return RecordError(
            self.reason,
            field=field,
            row=self.row if row is None else row,
            locator=self.locator if locator is None else locator,
        )


class SourceError(PartnerkitError):
    """A source cannot be opened or read (network, file, format).

    Attributes:
        source: the source name (``"rss"``), if known.
        locator: the URL or path involved, if known.
    """

    def __init__(self, message: str, *, source: str | None = None, locator: str | None = None) -> None:
        self.source = source
        self.locator = locator
        super().__init__(message)


class PluginError(PartnerkitError):
    """A source plugin cannot be discovered, loaded or used.

    Attributes:
        plugin: the entry-point name of the plugin, if known.
    """

    def __init__(self, message: str, *, plugin: str | None = None) -> None:
        self.plugin = plugin
        super().__init__(f"plugin {plugin!r}: {message}" if plugin else message)


_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"")


def reason_key(error: RecordError) -> str:
    """A grouping key for an error: its field and reason, without the quoted values, so that
    the same problem with different values counts as one reason in a summary."""
    reason = _QUOTED.sub("…", error.reason)
    return f"{error.field}: {reason}" if error.field else reason
