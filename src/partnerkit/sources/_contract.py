"""The source contract: what a source plugin declares, yields and reports.

A source is a class with a name, an ``api_version``, ``capabilities``, the record types
it yields and an attrs ``Config``. Its author writes one generator, :meth:`Source.items`;
the host-facing :meth:`Source.read` wraps it: it counts, collects per-record errors (or
stops at the first when ``strict``), and keeps the new state once the loop has finished.
"""

from __future__ import annotations

import collections
import datetime as _dt
import functools
import importlib.metadata
import json
import logging
import re
from collections.abc import Generator, Iterator, Mapping
from typing import Any, ClassVar

import attrs

from partnerkit._errors import PartnerkitError, PluginError, RecordError, SourceError, reason_key
from partnerkit._model import Article, Institution, Partnership, Provenance
from partnerkit.sources._config import structure_config

__all__ = [
    "API_VERSION",
    "CAPABILITIES",
    "ReadSummary",
    "Record",
    "Source",
    "SourceItem",
    "State",
]

log = logging.getLogger("partnerkit")

#: The version of the plugin API this partnerkit implements. A plugin declaring another
#: major version, or a newer minor one, is refused at discovery.
API_VERSION: tuple[int, int] = (1, 0)

#: The capabilities a source may declare.
CAPABILITIES: frozenset[str] = frozenset(("incremental", "network", "files"))

Record = Institution | Partnership | Article
State = dict[str, Any]

_MAX_KEPT_ERRORS = 1000


@attrs.frozen
class SourceItem:
    """One record read from a source, with where it came from."""

    record: Record
    provenance: Provenance


@attrs.define
class ReadSummary:
    """What one :meth:`Source.read` did: counts, rejections by reason, the errors themselves.

    Attributes:
        read: records the source read (imported + rejected).
        imported: records yielded.
        rejected: records reported as bad and not yielded.
        by_reason: rejected records counted by reason (values left out, so they group).
        errors: the :class:`RecordError` of each rejected record (the first 1000), each
            naming its locator, row and field.
        notices: source-level remarks that lost nothing (a lenient parse, a 304, a retry).
    """

    read: int = 0
    imported: int = 0
    rejected: int = 0
    by_reason: collections.Counter[str] = attrs.field(factory=collections.Counter)
    errors: list[RecordError] = attrs.field(factory=list)
    notices: list[str] = attrs.field(factory=list)

    def _reject(self, error: RecordError) -> None:
        self.read += 1
        self.rejected += 1
        self.by_reason[reason_key(error)] += 1
        if len(self.errors) < _MAX_KEPT_ERRORS:
            self.errors.append(error)

    def __str__(self) -> str:
        lines = [f"read {self.read}, imported {self.imported}, rejected {self.rejected}"]
        lines += [f"  {n} x {reason}" for reason, n in self.by_reason.most_common()]
        lines += [f"  note: {notice}" for notice in self.notices]
        return "\n".join(lines)


@functools.cache
def _distribution_version(module: str) -> tuple[str | None, str | None]:
    top = module.partition(".")[0]
    dists = importlib.metadata.packages_distributions().get(top, [])
    if not dists:
        return None, None
    try:
        return dists[0], importlib.metadata.version(dists[0])
    except importlib.metadata.PackageNotFoundError:  # pragma: no cover - broken installation
        return dists[0], None


class Source:
    """Base class of every source. Subclass it, declare the class attributes, write :meth:`items`.

    Class attributes a plugin declares:
        name: the name users open it by (the entry-point name should be the same).
        api_version: the ``(major, minor)`` plugin API the source was written for.
        capabilities: a subset of ``{"incremental", "network", "files"}``.
        record_types: the record classes it yields.
        Config: an attrs class of its options (structured with unknown keys forbidden).

    A configured source reads with :meth:`read`; afterwards :attr:`state` holds the new
    state (JSON-serialisable) and :attr:`summary` what happened.

    Args:
        config: a ``Config`` instance or a mapping of options.
        strict: stop at the first bad record (raise its :class:`RecordError`) instead of
            reporting it and going on.
        **options: options, merged over ``config``.

    Raises:
        ConfigError: an unknown option, or a missing or invalid one; ``.path`` names it.
    """

    name: ClassVar[str] = ""
    api_version: ClassVar[tuple[int, int]] = API_VERSION
    capabilities: ClassVar[frozenset[str]] = frozenset()
    record_types: ClassVar[tuple[type[Any], ...]] = (Institution,)
    Config: ClassVar[type[Any]]

    def __init__(self, config: Any = None, /, *, strict: bool = False, **options: Any) -> None:
        if options and config is not None and not isinstance(config, Mapping):
            config = attrs.evolve(config, **options)  # a Config instance with some options changed
        elif options:
            config = {**(config or {}), **options}
        self.config: Any = structure_config(self.Config, config)
        self.strict = strict
        self.state: State | None = None
        self.summary = ReadSummary()
        self._started: _dt.datetime | None = None
        self.plugin_version: str | None = _distribution_version(type(self).__module__)[1]

    @classmethod
    def description(cls) -> str:
        """The first line of the class docstring."""
        return (cls.__doc__ or "").strip().partition("\n")[0]

    def items(self, state: State | None) -> Generator[SourceItem | RecordError, None, State | None]:
        """Yield a :class:`SourceItem` per good record and a :class:`RecordError` per bad one.

        ``state`` is what a previous read left (``None`` the first time); yield only what
        is new since then, and ``return`` the new state (or ``None`` if there is none).
        Raise :class:`partnerkit.SourceError` when the source as a whole cannot be read.
        """
        raise NotImplementedError
        yield  # pragma: no cover

    def provenance(
        self,
        locator: str | None,
        native_id: str | None = None,
        *,
        fetched: _dt.datetime | None = None,
    ) -> Provenance:
        """A :class:`partnerkit.Provenance` of this source (name, plugin version) for one record.

        ``fetched`` defaults to the time the current :meth:`read` started.
        """
        return Provenance(
            source=self.name or type(self).__name__,
            plugin_version=self.plugin_version,
            locator=locator,
            fetched=fetched or self._started or _dt.datetime.now(_dt.UTC),
            native_id=native_id,
        )

    def read(self, state: State | None = None) -> Iterator[SourceItem]:
        """Read the source: yield its good records; report, or in strict mode raise, bad ones.

        Args:
            state: the :attr:`state` a previous read left, to read only what is new.

        Raises:
            RecordError: a bad record, in strict mode.
            SourceError: the source cannot be read; also any other exception the source's
                ``items()`` raised (chained as its ``__cause__``), a ``RecordError`` it raised
                instead of yielding it included (the message names the source and the last
                record read before it).
            PluginError: ``items()`` yielded something other than a SourceItem of a
                record or a RecordError, or returned a state that is not a JSON object.

        A record of a type the source does not declare in ``record_types`` is a bad record: a
        :class:`RecordError` naming the source and the record (its native id and locator),
        counted in :attr:`summary` as rejected, or raised in strict mode.
        """
        self.summary = summary = ReadSummary()
        self._started = _dt.datetime.now(_dt.UTC)
        if state is not None and not isinstance(state, Mapping):
            raise PluginError(f"state must be a mapping (JSON object), got {type(state).__name__}", plugin=self.name)
        declared = tuple(type(self).record_types)
        generator = self.items(dict(state) if state is not None else None)
        last: str | None = None  # where the last good record was read, to say where a raised one was
        while True:
            try:
                out = next(generator)
            except StopIteration as stop:
                new_state = stop.value
                break
            except RecordError as exc:  # raised, not yielded: it ends the generator, so the read stops here
                where = f"after {last}" if last else "before its first record"
                raise SourceError(
                    f"source {self.name!r} stopped at a bad record {where}: {exc} (a plugin yields the "
                    "RecordError of a bad record, so that the others are read)",
                    source=self.name,
                ) from exc
            except PartnerkitError:
                raise
            except Exception as exc:  # a plugin's own failure: one error type for every source
                reason = _without_secrets(" ".join(str(exc).split()))[:200]
                raise SourceError(
                    f"source {self.name!r} failed while reading: {type(exc).__name__}: {reason}", source=self.name
                ) from exc
            if (
                isinstance(out, SourceItem)
                and isinstance(out.record, _RECORDS)
                and not isinstance(out.record, declared)
            ):
                out = self._undeclared(out, declared)  # a bad record: reported, or raised when strict
            if isinstance(out, RecordError):
                if self.strict:
                    generator.close()
                    raise out
                log.debug("%s: rejected %s", self.name, out)
                summary._reject(out)
            elif not isinstance(out, SourceItem) or not isinstance(out.record, _RECORDS):
                generator.close()
                raise PluginError(_not_an_item(out), plugin=self.name)
            else:
                summary.read += 1
                summary.imported += 1
                last = getattr(out.provenance, "locator", None) or last
                yield out
        self.state = _checked_state(new_state, self.name) if new_state is not None else state

    def _undeclared(self, item: SourceItem, declared: tuple[type[Any], ...]) -> RecordError:
        """The error of a record of a type the source does not declare in ``record_types``."""
        native = getattr(item.provenance, "native_id", None)
        which = f" {native[:60]!r}" if isinstance(native, str) and native else ""
        return RecordError(
            f"source {self.name!r} gave a {type(item.record).__name__}{which}, a type it does not declare "
            f"(record_types: {', '.join(t.__name__ for t in declared) or 'none'}); left out",
            locator=getattr(item.provenance, "locator", None),
        )


#: The record classes a source may yield (and declare in ``record_types``).
RECORD_TYPES = _RECORDS = (Institution, Partnership, Article)

#: What may carry a secret in an exception's text: a URL's user:password@, and a query ("?key=...";
#: requests writes "Max retries exceeded with url: /v1/orgs?api_key=...").
_USERINFO = re.compile(r"(\w+://)[^/\s@'\"<>]*@")
_QUERY = re.compile(r"\?[^\s'\"<>]*=[^\s'\"<>]*")


def _without_secrets(reason: str) -> str:
    """``reason`` with URL credentials and queries cut out, as ``redact_url`` cuts them.

    >>> _without_secrets("Max retries exceeded with url: /v1/orgs?api_key=S3CRET (Caused by x)")
    'Max retries exceeded with url: /v1/orgs?… (Caused by x)'
    >>> _without_secrets("GET https://bob:pw@api.example.org/x failed; why?")
    'GET https://api.example.org/x failed; why?'
    """
    return _QUERY.sub("?…", _USERINFO.sub(r"\1", reason))


def _not_an_item(out: Any) -> str:
    """Why what ``items()`` yielded breaks the contract, for the plugin's author."""
    if isinstance(out, SourceItem):
        return (
            f"items() yielded a SourceItem whose record is a {type(out.record).__name__}; "
            "expected an Institution, Partnership or Article"
        )
    if isinstance(out, _RECORDS):
        return (
            f"items() yielded a bare {type(out).__name__}; wrap it as "
            "SourceItem(record, self.provenance(locator, native_id))"
        )
    return f"items() yielded a {type(out).__name__}; expected a SourceItem or a RecordError"


def _checked_state(state: Any, name: str) -> State:
    if not isinstance(state, Mapping):
        raise PluginError(f"items() returned a state that is not a mapping: {type(state).__name__}", plugin=name)
    try:
        result: State = json.loads(json.dumps(state))
    except (TypeError, ValueError) as exc:
        raise PluginError(f"the state is not JSON-serialisable ({exc})", plugin=name) from None
    return result
