"""The store's SQLite schema and its migrations.

The schema version lives in ``PRAGMA user_version``. Each migration is a list of SQL
statements that takes the database from version ``n - 1`` to ``n``; opening a store
applies the missing ones in one transaction each, so an old store is upgraded in place
and a failed upgrade leaves it at its last good version. A store written by a newer
partnerkit (a version above :data:`SCHEMA_VERSION`) is refused, never downgraded.
"""

from __future__ import annotations

import sqlite3

from partnerkit._errors import ConfigError

__all__ = ["MIGRATIONS", "QUOTE_PREFIX", "SCHEMA_VERSION", "migrate", "user_version"]

#: The indexed start of an evidence quote (a query must write the same expression to use the index).
QUOTE_PREFIX = "substr(quote, 1, 48)"

#: Migrations, in order: ``MIGRATIONS[n - 1]`` takes version ``n - 1`` to ``n``.
MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 1: institutions, partnerships with parties and evidence, provenance, source state.
    (
        """CREATE TABLE institution (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            country TEXT,
            digest TEXT NOT NULL,
            data TEXT NOT NULL
        )""",
        "CREATE INDEX institution_country ON institution(country)",
        """CREATE TABLE institution_name (
            institution_id TEXT NOT NULL REFERENCES institution(id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            PRIMARY KEY (key, institution_id)
        ) WITHOUT ROWID""",
        """CREATE TABLE partnership (
            rowid INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            digest TEXT NOT NULL,
            kind TEXT NOT NULL,
            status TEXT NOT NULL,
            first_day TEXT,
            last_day TEXT,
            evidence_count INTEGER NOT NULL,
            data TEXT NOT NULL
        )""",
        "CREATE INDEX partnership_kind ON partnership(kind, first_day)",
        """CREATE TABLE party (
            partnership INTEGER NOT NULL REFERENCES partnership(rowid) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            name_key TEXT NOT NULL,
            institution_id TEXT,
            role TEXT,
            PRIMARY KEY (partnership, position)
        )""",
        "CREATE INDEX party_institution ON party(institution_id)",
        "CREATE INDEX party_name ON party(name_key)",
        """CREATE TABLE evidence (
            partnership INTEGER NOT NULL REFERENCES partnership(rowid) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            quote TEXT NOT NULL,
            source TEXT,
            locator TEXT,
            published TEXT,
            PRIMARY KEY (partnership, position)
        )""",
        """CREATE TABLE provenance (
            record_type TEXT NOT NULL,
            record_key TEXT NOT NULL,
            source TEXT NOT NULL,
            plugin_version TEXT,
            locator TEXT NOT NULL,
            native_id TEXT NOT NULL,
            fetched TEXT,
            PRIMARY KEY (record_type, record_key, source, locator, native_id)
        ) WITHOUT ROWID""",
        """CREATE TABLE source_state (
            source TEXT PRIMARY KEY,
            state TEXT NOT NULL
        )""",
    ),
    # 2: articles (the texts that extraction reads) and when each source state was saved.
    (
        """CREATE TABLE article (
            rowid INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            digest TEXT NOT NULL,
            publisher TEXT,
            first_day TEXT,
            data TEXT NOT NULL
        )""",
        "CREATE INDEX article_publisher ON article(publisher)",
        "ALTER TABLE source_state ADD COLUMN updated TEXT",
    ),
    # 3: the names of one institution found by its id (re-storing an institution was a scan).
    ("CREATE INDEX institution_name_id ON institution_name(institution_id)",),
    # 4: partnerships found by a sentence of their evidence (storing a deal again rewrites its row).
    (f"CREATE INDEX evidence_quote ON evidence({QUOTE_PREFIX})",),
)

#: The schema version this partnerkit writes.
SCHEMA_VERSION = len(MIGRATIONS)


def user_version(conn: sqlite3.Connection) -> int:
    """The schema version recorded in the database file (0 for a new file)."""
    row = conn.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def migrate(conn: sqlite3.Connection, *, path: str, target: int = SCHEMA_VERSION) -> int:
    """Bring the database up to ``target``, one transaction per migration.

    Returns:
        The version the database had before.

    Raises:
        ConfigError: the database was written by a newer partnerkit.
    """
    before = user_version(conn)
    if before > SCHEMA_VERSION:
        raise ConfigError(
            f"{path}: store schema version {before} is newer than this partnerkit supports "
            f"({SCHEMA_VERSION}); upgrade partnerkit"
        )
    for version in range(before + 1, target + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have migrated while we waited for the lock.
            if user_version(conn) >= version:
                conn.execute("COMMIT")
                continue
            for statement in MIGRATIONS[version - 1]:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version:d}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return before
