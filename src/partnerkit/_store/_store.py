"""``Store``: SQLite persistence of institutions, partnerships, articles, provenance and source state."""

from __future__ import annotations

import datetime as _dt
import json
import logging
import os
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from partnerkit._codec import from_dict, to_dict
from partnerkit._errors import ConfigError, RecordError, reason_key
from partnerkit._matching import Registry
from partnerkit._model import (
    Article,
    Institution,
    PartialDate,
    Partnership,
    PartnershipKind,
    Provenance,
    country_code,
)
from partnerkit._store._keys import encode, name_key, state_key, unpack
from partnerkit._store._paths import busy_error, resolve_path
from partnerkit._store._query import partnership_conditions
from partnerkit._store._registry_file import cached_registry
from partnerkit._store._report import MAX_KEPT_ERRORS, ImportReport
from partnerkit._store._schema import migrate, user_version
from partnerkit._store._writer import KINDS, RecordWriter
from partnerkit.rules import Decision

__all__ = ["Store"]

log = logging.getLogger("partnerkit")

#: A record the store keeps.
Record = Institution | Partnership | Article

_PAGE = 200  # articles per query of Store.articles: memory holds a page of texts, not the store's


class Store:
    """Institutions, partnerships, articles, their provenance and source state in one SQLite file.

    The file is created on first use (with its folder) and upgraded in place when an older
    partnerkit wrote it. Writes go in transactions, one per batch: a crash or Ctrl-C loses
    at most the batch in flight, never corrupts the file, and a re-run picks up where the
    last committed batch ended, because imports are idempotent (re-importing the same
    records adds nothing). Two processes may use one store at once (WAL journal, busy
    timeout), and threads may share one ``Store``: a batch waits for another thread's batch.

    Args:
        path: the database file; default ``$PARTNERKIT_DB``, else a per-user data folder
            (see :func:`default_path`). ``":memory:"`` keeps it in memory.
        timeout: seconds to wait for another process's write lock.

    Example:
        >>> import partnerkit as pk
        >>> with pk.Store(":memory:") as store:
        ...     report = store.add([pk.Institution(id="itmo", name="ITMO University", country="RU")])
        ...     again = store.add([pk.Institution(id="itmo", name="ITMO University", country="RU")])
        ...     (report.added, again.added, again.unchanged)
        (1, 0, 1)
    """

    def __init__(self, path: str | os.PathLike[str] | None = None, *, timeout: float = 30.0) -> None:
        memory = path is not None and os.fspath(path) == ":memory:"
        self.path: Path = Path(":memory:") if memory else resolve_path(path)
        if not memory:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise ConfigError(f"{self.path}: cannot create the store's folder ({exc.strerror})") from None
        try:
            self._conn = sqlite3.connect(
                ":memory:" if memory else self.path, timeout=timeout, isolation_level=None, check_same_thread=False
            )
            self._conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000):d}")
            self._conn.execute("PRAGMA foreign_keys = ON")
            if not memory:
                self._conn.execute("PRAGMA journal_mode = WAL")
                self._conn.execute("PRAGMA synchronous = NORMAL")
            migrate(self._conn, path=str(self.path))
        except sqlite3.OperationalError as exc:
            raise busy_error(self.path, exc) from None
        except sqlite3.DatabaseError as exc:
            raise ConfigError(f"{self.path}: not a usable partnerkit store ({exc})") from None
        self._in_batch = False
        self._lock = threading.RLock()
        self._writer = RecordWriter(self._conn)
        self._registry: tuple[tuple[int, int], Registry] | None = None

    # --- lifecycle -------------------------------------------------------------------

    def close(self) -> None:
        """Close the database connection."""
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({str(self.path)!r})"

    @property
    def schema_version(self) -> int:
        """The schema version of the open file (always the newest after opening)."""
        return user_version(self._conn)

    @contextmanager
    def batch(self) -> Iterator[None]:
        """A transaction: everything written inside is committed together, or not at all.

        The store's one connection is shared by the threads using it: a batch of another
        thread waits until this one is committed or rolled back, instead of writing inside it.
        """
        with self._lock:  # reentrant: a batch inside this thread's batch is part of it
            if self._in_batch:
                yield
                return
            try:
                self._conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                raise busy_error(self.path, exc) from None
            self._in_batch = True
            try:
                yield
                self._writer.flush()
            except BaseException:
                self._writer.discard()
                self._conn.execute("ROLLBACK")
                raise
            else:
                self._conn.execute("COMMIT")
            finally:
                self._in_batch = False

    # --- writing ---------------------------------------------------------------------

    def add(
        self,
        items: Iterable[Any],
        *,
        batch_size: int = 500,
        strict: bool = False,
        progress: Callable[[int], None] | None = None,
    ) -> ImportReport:
        """Store records, idempotently, committing every ``batch_size`` records.

        Args:
            items: records (``Institution``, ``Partnership``, ``Article``), ``(record,
                Provenance)`` pairs, or source items with ``.record`` and ``.provenance``.
            batch_size: records per transaction.
            strict: raise on the first bad record (after committing what came before)
                instead of rejecting it and going on.
            progress: called with the number of records handled after each one.

        Returns:
            The :class:`ImportReport`; bad records are counted in ``.rejected``, with
            where and why in ``.errors``.
        """
        return self._add(items, batch_size=batch_size, strict=strict, progress=progress, unique=False)

    def _add(
        self,
        items: Iterable[Any],
        *,
        batch_size: int,
        strict: bool,
        progress: Callable[[int], None] | None,
        unique: bool,
    ) -> ImportReport:
        """``add``; with ``unique``, a record whose key an earlier, different record of this
        call had is rejected instead of replacing it (one source's read names each once)."""
        report = ImportReport()
        pending: list[tuple[Any, Provenance | None]] = []
        iterator = iter(items)
        seen: dict[tuple[str, str], str] | None = {} if unique else None  # (kind, key) -> digest
        while True:
            try:
                item = next(iterator)
            except StopIteration:
                break
            except BaseException:
                # The input failed (a strict source's bad record, a network error, Ctrl-C):
                # keep the good records read before it, then let the error go on.
                if pending:
                    self._write(pending, report, strict=strict, progress=progress, seen=seen)
                raise
            pending.append(unpack(item))
            if len(pending) >= batch_size:
                self._write(pending, report, strict=strict, progress=progress, seen=seen)
                pending.clear()
        if pending:
            self._write(pending, report, strict=strict, progress=progress, seen=seen)
        return report

    def import_source(
        self,
        source: Any,
        *,
        batch_size: int = 500,
        progress: Callable[[int], None] | None = None,
    ) -> ImportReport:
        """Read a configured source into the store, resuming from the state it saved last time.

        The source reads from the state the store holds for it (its name and options, see
        :func:`state_key`; so an incremental source fetches only what is new); its records
        are stored in batches; once the read has finished, its new state is saved. An
        import that is interrupted saves no state, and the next one reads again from the
        old state: what was committed is found unchanged, and the rest is added.

        Args:
            source: an opened source (``pk.open_source(...)``); in strict mode it raises at
                the first bad record, after committing the records before it. A record
                whose id an earlier record of the same read already had, with other values,
                is rejected (the first is kept), never silently replaced.
            batch_size: records per transaction.
            progress: called with the number of records handled so far.

        Returns:
            The :class:`ImportReport`: ``read`` and ``rejected`` include the records the
            source itself rejected, with their reasons.
        """
        name = str(source.name)
        key = state_key(source)
        report = self._add(
            source.read(self.state(key)), batch_size=batch_size, strict=False, progress=progress, unique=True
        )
        summary = source.summary
        report.read += summary.rejected
        report.rejected += summary.rejected
        report.by_reason.update(summary.by_reason)
        room = MAX_KEPT_ERRORS - len(report.errors)
        report.errors.extend((error.locator or name, str(error)) for error in summary.errors[:room])
        if source.state is not None:
            self.set_state(key, source.state)
            report.state_saved = True
        return report

    def _write(
        self,
        pending: Sequence[tuple[Any, Provenance | None]],
        report: ImportReport,
        *,
        strict: bool,
        progress: Callable[[int], None] | None,
        seen: dict[tuple[str, str], str] | None,
    ) -> None:
        with self.batch():
            for record, provenance in pending:
                report.read += 1
                try:
                    outcome = self._writer.put(record, provenance, seen)
                except (RecordError, TypeError) as exc:
                    where = (provenance.locator if provenance and provenance.locator else None) or f"item {report.read}"
                    if strict:
                        raise RecordError(str(exc), locator=where) from None
                    reason = reason_key(exc) if isinstance(exc, RecordError) else str(exc)
                    report.reject(where, str(exc), key=reason)
                    log.info("rejected %s: %s", where, exc)
                else:
                    if outcome == "added":
                        report.added += 1
                    elif outcome == "updated":
                        report.updated += 1
                    else:
                        report.unchanged += 1
                if progress is not None:
                    progress(report.read)

    # --- source state ----------------------------------------------------------------

    def state(self, source: str) -> Any:
        """The opaque state last saved for ``source`` (``None`` if never)."""
        row = self._conn.execute("SELECT state FROM source_state WHERE source = ?", (source,)).fetchone()
        return None if row is None else json.loads(row[0])

    def set_state(self, source: str, state: Any) -> None:
        """Save the opaque, JSON-serialisable state of ``source`` (``None`` forgets it)."""
        with self.batch():
            if state is None:
                self._conn.execute("DELETE FROM source_state WHERE source = ?", (source,))
                return
            try:
                text = json.dumps(state, sort_keys=True)
            except (TypeError, ValueError):
                raise ConfigError(f"the state of source {source!r} is not JSON-serialisable") from None
            now = _dt.datetime.now(_dt.UTC).isoformat()
            self._conn.execute(
                "INSERT INTO source_state VALUES (?, ?, ?) ON CONFLICT(source) DO UPDATE"
                " SET state = excluded.state, updated = excluded.updated",
                (source, text, now),
            )

    # --- reading ---------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """How many institutions, partnerships, articles and provenance entries are stored."""
        tables = {"institutions": "institution", "partnerships": "partnership", "articles": "article"}
        out = {k: int(self._conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for k, t in tables.items()}
        out["provenance"] = int(self._conn.execute("SELECT count(*) FROM provenance").fetchone()[0])
        return out

    def institution(self, id: str) -> Institution | None:
        """The institution with this id, or ``None``."""
        row = self._conn.execute("SELECT data FROM institution WHERE id = ?", (id,)).fetchone()
        return None if row is None else from_dict(Institution, json.loads(row[0]))

    def institutions(self, *, country: str | None = None) -> Iterator[Institution]:
        """Every institution (of one country if given), by id."""
        if country is None:
            rows = self._conn.execute("SELECT data FROM institution ORDER BY id")
        else:
            rows = self._conn.execute(
                "SELECT data FROM institution WHERE country = ? ORDER BY id", (country_code(country),)
            )
        for (data,) in rows.fetchall():
            yield from_dict(Institution, json.loads(data))

    def articles(self, *, publisher: str | None = None) -> Iterator[Article]:
        """Every stored article (of one publisher if given), in the order stored, read a page at a time."""
        where = "" if publisher is None else " AND publisher = ? COLLATE NOCASE"
        last = -1
        while True:
            rows = self._conn.execute(
                f"SELECT rowid, data FROM article WHERE rowid > ?{where} ORDER BY rowid LIMIT {_PAGE}",
                (last,) if publisher is None else (last, publisher),
            ).fetchall()
            for last, data in rows:  # noqa: B007 - the last rowid is where the next page starts
                yield from_dict(Article, json.loads(data))
            if len(rows) < _PAGE:
                return

    def resolve(self, institution: str) -> list[str]:
        """Institution ids that ``institution`` denotes: an id, or a name, acronym or label.

        Names are looked up exactly (case and spacing aside) among the stored institutions'
        names first; a name not found so is matched with the registry of the stored
        institutions (:meth:`registry`): its MATCH, else every POSSIBLE candidate. An
        empty list means no stored institution has that id or name; more than one id
        means the name is ambiguous ("MSU": Moscow's or Michigan's).
        """
        if self._conn.execute("SELECT 1 FROM institution WHERE id = ?", (institution,)).fetchone():
            return [institution]
        rows = self._conn.execute(
            "SELECT DISTINCT institution_id FROM institution_name WHERE key = ? ORDER BY institution_id",
            (name_key(institution),),
        ).fetchall()
        if rows:
            return [r[0] for r in rows]
        found = self.registry().match(institution, limit=5)
        matched = [m.institution.id for m in found if m.decision is Decision.MATCH]
        return matched or [m.institution.id for m in found if m.decision is Decision.POSSIBLE]

    def registry(self) -> Registry:
        """A :class:`partnerkit.Registry` of the stored institutions, kept until they change.

        Building a registry of many institutions takes a while, so a file-backed store
        keeps the compiled registry in a file beside it (``<store>.registry-<stamp>``,
        rebuilt when the institutions change). For other rules:
        ``pk.Registry(store.institutions(), rules=...)``.
        """
        quick = (int(self._conn.execute("PRAGMA data_version").fetchone()[0]), self._writer.institution_writes)
        if self._registry is not None and self._registry[0] == quick:
            return self._registry[1]
        registry = self._cached_registry()
        self._registry = (quick, registry)
        return registry

    def _cached_registry(self) -> Registry:
        if str(self.path) == ":memory:":
            return Registry(self.institutions())
        return cached_registry(self._conn, self.path, self.institutions)

    def _name_of(self, id: str) -> str:
        row = self._conn.execute("SELECT name FROM institution WHERE id = ?", (id,)).fetchone()
        return str(row[0]) if row else id

    def _resolve_one(self, institution: str) -> list[str]:
        """:meth:`resolve`, with an error when the name denotes several institutions."""
        ids = self.resolve(institution)
        if len(ids) > 1:
            shown = ", ".join(f"{i} ({self._name_of(i)})" for i in ids[:5])
            raise ConfigError(f"{institution[:80]!r} is ambiguous: it names {shown}; give one id instead")
        return ids

    def partnerships(
        self,
        *,
        institution: str | None = None,
        partner: str | None = None,
        kind: PartnershipKind | str | Iterable[PartnershipKind | str] | None = None,
        since: PartialDate | str | int | None = None,
        until: PartialDate | str | int | None = None,
        country: str | None = None,
    ) -> Iterator[Partnership]:
        """Stored partnerships that meet every condition given, oldest first (undated last).

        Args:
            institution: a party is this institution: its id, or a name, acronym or label of
                it (parties not linked to an id count when their stated name is one of those).
                A name that several stored institutions share is an error naming them.
            partner: another party is this institution (with ``institution``: partnerships
                *between* the two).
            kind: one kind or several.
            since: the partnership's dates (date, started, ended) reach this date or later;
                a partial date counts from its first day (``"2021"`` is 2021-01-01).
            until: the partnership's dates begin by this date; a partial date counts to its
                last day (``"2021"`` is 2021-12-31). Undated partnerships never meet a range.
            country: a party is an institution of this country (code or name).

        Raises:
            RecordError: a kind, date or country is not valid (``.field`` names the argument).
            ConfigError: ``institution`` or ``partner`` is ambiguous.
        """
        resolved = {who: self._resolve_one(who) for who in (institution, partner) if who is not None}
        where, args = partnership_conditions(
            resolved, institution=institution, partner=partner, kind=kind, since=since, until=until, country=country
        )
        sql = "SELECT data FROM partnership"
        if where:
            sql += " WHERE " + " AND ".join(f"({w})" for w in where)
        sql += " ORDER BY first_day IS NULL, first_day, rowid"
        for (data,) in self._conn.execute(sql, args).fetchall():
            yield from_dict(Partnership, json.loads(data))

    def provenance(self, record: Record) -> list[Provenance]:
        """Where a stored record came from: one entry per source and place it was read at."""
        kind = KINDS.get(type(record))
        if kind is None:
            raise TypeError(f"the store keeps no {type(record).__name__}")
        if isinstance(record, Institution):
            keys = [record.id]
        else:
            table = "partnership" if kind == "partnership" else "article"
            digest = encode(to_dict(record))[1]
            keys = [r[0] for r in self._conn.execute(f"SELECT key FROM {table} WHERE digest = ?", (digest,))]
        out: list[Provenance] = []
        for key in keys:
            rows = self._conn.execute(
                "SELECT source, plugin_version, locator, fetched, native_id FROM provenance"
                " WHERE record_type = ? AND record_key = ? ORDER BY source, locator",
                (kind, key),
            )
            for source, version, locator, fetched, native in rows.fetchall():
                out.append(
                    Provenance(
                        source=source,
                        plugin_version=version,
                        locator=locator or None,
                        fetched=fetched,
                        native_id=native or None,
                    )
                )
        return out

    def network_rows(self) -> Iterator[tuple[str, int, list[tuple[str, str | None]]]]:
        """Partnerships for export: ``(data JSON, evidence count, [(party name, institution id)])``."""
        parties: dict[int, list[tuple[str, str | None]]] = {}
        for rowid, name, inst in self._conn.execute(
            "SELECT partnership, name, institution_id FROM party ORDER BY partnership, position"
        ).fetchall():
            parties.setdefault(rowid, []).append((name, inst))
        for rowid, data, count in self._conn.execute(
            "SELECT rowid, data, evidence_count FROM partnership ORDER BY first_day IS NULL, first_day, rowid"
        ).fetchall():
            yield data, count, parties.get(rowid, [])

    def export(self, path_or_file: str | os.PathLike[str] | IO[str], *, format: str = "jsonl") -> None:
        """Write the partnership network: ``jsonl``, ``csv``, ``graphml`` or ``dot``.

        Nodes are institutions with their country, edges partnerships with kind, status,
        date and evidence count (see the "Command line" docs for the layouts).
        """
        from partnerkit._store._network import network, write_network

        net = network(self)
        if isinstance(path_or_file, (str, os.PathLike)):
            with open(path_or_file, "w", encoding="utf-8", newline="") as fh:
                write_network(net, format, fh)
        else:
            write_network(net, format, path_or_file)

    def integrity_check(self) -> str:
        """SQLite's own check of the file: ``"ok"`` when it is sound."""
        return str(self._conn.execute("PRAGMA integrity_check").fetchone()[0])
