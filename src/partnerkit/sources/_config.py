"""Structuring source configurations: dicts, TOML tables and command-line strings -> attrs Config.

Unknown keys are errors; every error names the field path (``config.feeds[0].url``) and
says what is expected, never what was given (a configuration may hold secrets).
Values that come from a command line arrive as strings and are converted to numbers,
booleans and lists where the Config field asks for them.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, TypeVar, get_args, get_origin
from urllib.parse import urlsplit

import attrs
import cattrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError

from partnerkit._errors import ConfigError, RecordError

__all__ = ["config_error", "http_url", "structure_config"]

C = TypeVar("C")

_TRUE = frozenset(("true", "yes", "on", "1"))
_FALSE = frozenset(("false", "no", "off", "0"))


def _str_hook(value: Any, _t: Any) -> str:
    if isinstance(value, os.PathLike):
        return os.fspath(value)  # type: ignore[no-any-return]
    if not isinstance(value, str):
        raise TypeError(f"expected a string, got {type(value).__name__}")
    return value


def _int_hook(value: Any, _t: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise TypeError(f"expected an integer, got {type(value).__name__}")
    try:
        return int(value)
    except ValueError:
        raise TypeError("expected an integer") from None


def _float_hook(value: Any, _t: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise TypeError(f"expected a number, got {type(value).__name__}")
    try:
        return float(value)
    except ValueError:
        raise TypeError("expected a number") from None


def _bool_hook(value: Any, _t: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
        return value.strip().lower() in _TRUE
    raise TypeError("expected true or false")


def _is_tuple(t: Any) -> bool:
    args = get_args(t)
    return get_origin(t) is tuple and len(args) == 2 and args[1] is Ellipsis


def _make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True)
    conv.register_structure_hook(str, _str_hook)
    conv.register_structure_hook(int, _int_hook)
    conv.register_structure_hook(float, _float_hook)
    conv.register_structure_hook(bool, _bool_hook)

    def tuple_factory(t: Any) -> Callable[[Any, Any], tuple[Any, ...]]:
        elem = get_args(t)[0]

        def structure(value: Any, _t: Any) -> tuple[Any, ...]:
            if isinstance(value, (str, os.PathLike)) or (isinstance(value, Mapping) and attrs.has(elem)):
                value = [value]  # one value where a list is expected: a list of one
            if isinstance(value, Mapping) or not isinstance(value, Iterable):
                raise TypeError(f"expected a list, got {type(value).__name__}")
            hook = conv.get_structure_hook(elem)
            out = []
            for i, item in enumerate(value):
                try:
                    out.append(hook(item, elem))
                except Exception as exc:  # re-raised with its index in the path
                    raise _Located(f"[{i}]", exc) from None
            return tuple(out)

        return structure

    conv.register_structure_hook_factory(_is_tuple, tuple_factory)
    return conv


class _Located(Exception):
    """An error inside a list item, carrying the item's ``[i]``."""

    def __init__(self, part: str, error: BaseException) -> None:
        self.part = part
        self.error = error
        super().__init__(part)


_converter = _make_converter()


def _join(path: str, part: str) -> str:
    return f"{path}{part}" if part.startswith("[") else f"{path}.{part}"


def _problems(exc: BaseException, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(exc, _Located):
        yield from _problems(exc.error, _join(path, exc.part))
    elif isinstance(exc, ClassValidationError):
        with_notes, without = exc.group_exceptions()
        for sub, note in with_notes:
            yield from _problems(sub, _join(path, str(note.name)))
        for sub in without:
            yield from _problems(sub, path)
    elif isinstance(exc, IterableValidationError):
        with_inotes, without_i = exc.group_exceptions()
        for sub, inote in with_inotes:
            yield from _problems(sub, _join(path, f"[{inote.index}]"))
        for sub in without_i:
            yield from _problems(sub, path)
    elif isinstance(exc, ForbiddenExtraKeysError):
        for key in sorted(str(k)[:40] for k in exc.extra_fields):
            yield _join(path, key), "unknown option"
    elif isinstance(exc, ConfigError):
        yield (_join(path, exc.path) if exc.path else path), str(exc).removeprefix(f"{exc.path}: ")
    elif isinstance(exc, RecordError):
        yield (_join(path, exc.field) if exc.field else path), exc.reason
    elif isinstance(exc, KeyError):
        yield path, "required option is missing"
    elif isinstance(exc, AttributeError):  # a plain value where a table (mapping) is expected
        yield path, "expected a table of KEY = VALUE pairs (on the command line: -o NAME.KEY=VALUE)"
    elif isinstance(exc, (TypeError, ValueError)):
        message = str(exc)
        if not message or len(message) > 120 or "not a valid" in message:
            message = "invalid value"
        yield path, message
    else:
        yield path, type(exc).__name__


def config_error(exc: BaseException, root: str = "config") -> ConfigError:
    """One :class:`ConfigError` naming the first bad field (and how many more there are)."""
    problems = list(_problems(exc, root))
    if not problems:
        return ConfigError("invalid configuration", path=root)
    path, reason = problems[0]
    if len(problems) > 1:
        reason += "; also " + "; ".join(f"{p}: {r}" for p, r in problems[1:4])
    return ConfigError(reason, path=path)


def structure_config(cls: type[C], data: Mapping[str, Any] | C | None, root: str = "config") -> C:
    """Build the attrs Config ``cls`` of a source from a mapping (or accept an instance).

    Example:
        >>> import attrs
        >>> @attrs.frozen
        ... class Config:
        ...     path: str
        ...     limit: int = 10
        >>> structure_config(Config, {"path": "a.csv", "limit": "5"})
        Config(path='a.csv', limit=5)
        >>> structure_config(Config, {"path": "a.csv", "lmit": 5})
        Traceback (most recent call last):
        ...
        partnerkit._errors.ConfigError: config.lmit: unknown option

    Raises:
        ConfigError: an unknown key, a missing or invalid value; ``.path`` names the field.
    """
    if isinstance(data, cls):
        return data
    if data is None:
        data = {}
    if not isinstance(data, Mapping):
        raise ConfigError(f"expected a mapping of options, got {type(data).__name__}", path=root)
    try:
        return _converter.structure(dict(data), cls)
    except Exception as exc:  # every structuring error becomes one ConfigError with a path
        raise config_error(exc, root) from None


def http_url(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """An attrs validator: the value is an ``http`` or ``https`` URL with a host.

    The error names the field and never the value (a URL may carry a token).
    """
    values = value if isinstance(value, tuple) else (value,)
    for v in values:
        if v is None:
            continue
        parts = urlsplit(v) if isinstance(v, str) else None
        if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
            raise ConfigError("expected an http(s) URL", path=attribute.name)
