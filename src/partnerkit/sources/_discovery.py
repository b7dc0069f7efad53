"""Finding source plugins through entry points, each loaded in isolation.

We use the standard library's :mod:`importlib.metadata` (Python >= 3.11 has the
``entry_points(group=...)`` selection API and de-duplicates distributions), so the
``importlib-metadata`` backport would add a dependency for nothing.
"""

from __future__ import annotations

import importlib.metadata
import logging
import threading
from collections.abc import Mapping
from typing import Any, Literal

import attrs

from partnerkit._errors import PluginError
from partnerkit.sources._contract import API_VERSION, CAPABILITIES, RECORD_TYPES, Source

__all__ = ["GROUP", "SourceInfo", "open_source", "sources"]

log = logging.getLogger("partnerkit")

#: The entry-point group source plugins register in.
GROUP = "partnerkit.sources"

_lock = threading.Lock()
_cache: dict[str, SourceInfo] | None = None


@attrs.frozen
class SourceInfo:
    """What discovery found about one source.

    Attributes:
        name: the entry-point name (``"rss"``).
        status: ``"loaded"`` or ``"failed"``.
        error: why it failed (import error, unsupported ``api_version``, not a Source...).
        distribution: the distribution that provides it (``"partnerkit-rss"``).
        version: that distribution's version.
        target: the entry point's ``module:Class``.
        description: the first line of the class docstring.
        capabilities: what it declares (``{"incremental", "network"}``).
        record_types: the names of the record classes it yields.
        api_version: the plugin API version it declares.
        source_class: the class itself, for a loaded source.
    """

    name: str
    status: Literal["loaded", "failed"]
    error: str | None = None
    distribution: str | None = None
    version: str | None = None
    target: str = ""
    description: str = ""
    capabilities: frozenset[str] = frozenset()
    record_types: tuple[str, ...] = ()
    api_version: tuple[int, int] | None = None
    source_class: type[Source] | None = attrs.field(default=None, eq=False, repr=False)


def _check_class(obj: Any) -> type[Source]:
    """The class an entry point names, if it is a usable Source; else a PluginError's reason."""
    if not (isinstance(obj, type) and issubclass(obj, Source)):
        raise PluginError(f"{obj!r} is not a subclass of partnerkit.sources.Source")
    version = getattr(obj, "api_version", None)
    if not (isinstance(version, tuple) and len(version) == 2 and all(isinstance(v, int) and v >= 0 for v in version)):
        raise PluginError("api_version must be a (major, minor) tuple of integers")
    host = ".".join(map(str, API_VERSION))
    if version[0] != API_VERSION[0]:
        raise PluginError(
            f"declares plugin API {version[0]}.{version[1]}; this partnerkit supports {API_VERSION[0]}.x "
            f"({host}): use a version of the plugin made for it"
        )
    if version[1] > API_VERSION[1]:
        raise PluginError(f"needs plugin API {version[0]}.{version[1]}; this partnerkit has {host}: upgrade partnerkit")
    config = getattr(obj, "Config", None)
    if not (isinstance(config, type) and attrs.has(config)):
        raise PluginError("Config must be an attrs class")
    kinds = getattr(obj, "record_types", None)
    if (
        not isinstance(kinds, (tuple, list, frozenset, set))
        or not kinds
        or not all(isinstance(k, type) and issubclass(k, RECORD_TYPES) for k in kinds)
    ):
        raise PluginError(
            "record_types must be a tuple of the record classes it yields (Institution, Partnership, Article)"
        )
    unknown = set(obj.capabilities) - CAPABILITIES
    if unknown:
        raise PluginError(f"unknown capabilities: {', '.join(sorted(unknown))}")
    return obj


def _load(ep: importlib.metadata.EntryPoint) -> SourceInfo:
    dist = getattr(ep, "dist", None)
    distribution = dist.name if dist is not None else None
    version = dist.version if dist is not None else None
    base: dict[str, Any] = {"name": ep.name, "distribution": distribution, "version": version, "target": ep.value}
    try:
        cls = _check_class(ep.load())
    except PluginError as exc:
        return SourceInfo(status="failed", error=str(exc), **base)
    except (Exception, SystemExit) as exc:  # a plugin may fail on import in any way
        message = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else ""
        return SourceInfo(status="failed", error=f"import failed: {type(exc).__name__}: {message}".rstrip(": "), **base)
    if cls.name and cls.name != ep.name:  # docs/plugins.md: "the entry-point name should be the same"
        log.warning(
            "source plugin %r (%s): its class declares name %r; it is opened, and its records' provenance "
            "is written, as %r (the entry-point name): give the entry point and Source.name one name",
            ep.name,
            ep.value,
            cls.name,
            ep.name,
        )
    return SourceInfo(
        status="loaded",
        description=cls.description(),
        capabilities=frozenset(cls.capabilities),
        record_types=tuple(t.__name__ for t in cls.record_types),
        api_version=cls.api_version,
        source_class=cls,
        **base,
    )


def _discover() -> dict[str, SourceInfo]:
    found: dict[str, SourceInfo] = {}
    for ep in sorted(importlib.metadata.entry_points(group=GROUP), key=lambda e: (e.name, e.value)):
        info = _load(ep)
        previous = found.get(ep.name)
        if previous is not None:
            if (previous.distribution, previous.target) == (info.distribution, info.target):
                continue
            info = attrs.evolve(
                info,
                status="failed",
                source_class=None,
                error=f"the name is provided twice: by {previous.distribution} ({previous.target}) "
                f"and by {info.distribution} ({info.target}); uninstall one",
            )
        if info.status == "failed":
            log.warning("source plugin %r cannot be used: %s", info.name, info.error)
        found[ep.name] = info
    return dict(sorted(found.items()))


def sources(*, strict: bool = False, refresh: bool = False) -> Mapping[str, SourceInfo]:
    """Every source partnerkit can find: name -> :class:`SourceInfo`, failed ones included.

    Each plugin is imported in isolation: one that fails to import, or declares another
    major ``api_version``, is listed with ``status="failed"`` and its ``error``, and never
    stops the others. The result is cached; ``refresh=True`` looks again (after installing
    a plugin in a running process).

    Args:
        strict: raise instead of listing a failed plugin (for plugin authors).
        refresh: discover again instead of using the cached result.

    Raises:
        PluginError: in strict mode, the first plugin that failed, with its reason.

    Example:
        >>> import partnerkit as pk
        >>> info = pk.sources()["jsonl"]
        >>> info.status, info.distribution
        ('loaded', 'partnerkit')
    """
    global _cache  # noqa: PLW0603 - the one process-wide discovery cache
    with _lock:
        if _cache is None or refresh:
            _cache = _discover()
        found = _cache
    if strict:
        for info in found.values():
            if info.status == "failed":
                raise PluginError(info.error or "failed", plugin=info.name)
    return dict(found)


def open_source(name: str, /, *, strict: bool = False, **config: Any) -> Source:
    """Open the source ``name`` with its options: a configured :class:`Source`, ready to read.

    Args:
        name: the source name, as in :func:`sources` (``"csv"``, ``"rss"``...).
        strict: the source raises at the first bad record instead of reporting it.
        **config: the source's options (its ``Config`` fields).

    Raises:
        PluginError: no source has this name, or its plugin failed to load (says why).
        ConfigError: an option is unknown, missing or invalid; ``.path`` names it.

    Example:
        >>> import partnerkit as pk
        >>> pk.open_source("jsonl", path="unis.jsonl", type="Institution").config.type
        'Institution'
    """
    found = sources()
    info = found.get(name)
    if info is None:
        known = ", ".join(n for n, i in found.items() if i.status == "loaded")
        raise PluginError(f"no such source; installed sources: {known or 'none'}", plugin=name)
    if info.source_class is None:
        raise PluginError(f"cannot be used: {info.error}", plugin=name)
    source = info.source_class(config, strict=strict)
    source.name = name  # type: ignore[misc]
    source.plugin_version = info.version
    return source
