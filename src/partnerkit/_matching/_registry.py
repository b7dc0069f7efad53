"""Registry: an immutable, indexed set of institutions that names are matched against."""

from __future__ import annotations

import gc
import hashlib
import io
import logging
import os
import pickle
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, BinaryIO

from partnerkit._errors import ConfigError, RecordError
from partnerkit._matching._index import FORMAT_VERSION, Index
from partnerkit._matching._inflect import skeleton_table
from partnerkit._matching._inputs import CountryHints, NoNames, institutions_of, missing, not_a_single_name
from partnerkit._matching._match import Match, match_one
from partnerkit._model import Institution, country_code
from partnerkit.rules import RuleSet, default_rules

__all__ = ["Registry", "is_registry_file"]

log = logging.getLogger("partnerkit")
_MAGIC = b"partnerkit-registry\n"


def is_registry_file(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is a file :meth:`Registry.save` wrote (by its first bytes)."""
    try:
        with Path(path).open("rb") as f:
            return f.read(len(_MAGIC)) == _MAGIC
    except OSError:
        return False


def _header(path: Path, line: bytes) -> str:
    """The checksum on a registry file's second line (``format 7 sha256 HEX``), once its format is this one's.

    A file of another format version is refused here, before unpickling (another version's
    classes may not exist here), with an error naming both versions.
    """
    words = line.decode("ascii", errors="replace").split()
    if len(words) != 4 or words[2] != "sha256" or not words[1].isdigit():
        raise ConfigError(f"{path}: damaged registry file (its header line is not readable); rebuild it")
    version = int(words[1])
    if version != FORMAT_VERSION:
        raise ConfigError(
            f"{path}: a registry of format {version}, this partnerkit reads format {FORMAT_VERSION}; "
            "rebuild it (Registry.from_source(...).save(...))"
        )
    return words[3]


class _Hashing:
    """A binary file read through, hashing what is read (the pickle is read in frames of 64 KiB)."""

    def __init__(self, f: BinaryIO) -> None:
        self.f, self.sha256 = f, hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        data = self.f.read(size)
        self.sha256.update(data)
        return data

    def readline(self, size: int = -1) -> bytes:
        data = self.f.readline(size)
        self.sha256.update(data)
        return data


class _Prefixed(io.RawIOBase):
    """``head`` then the rest of ``f``: the earlier layout, whose pickle starts on the line read as header."""

    def __init__(self, head: bytes, f: BinaryIO) -> None:
        self.head, self.f = head, f

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        view = memoryview(buffer).cast("B")
        if self.head:
            n = min(len(view), len(self.head))
            view[:n], self.head = self.head[:n], self.head[n:]
            return n
        data = self.f.read(len(view))
        view[: len(data)] = data
        return len(data)


def _unpickle(path: Path, f: Any, damaged: str) -> Any:
    """The pickled ``(version, index)`` read from ``f``; a ConfigError saying ``damaged`` (what the
    file may be) for anything unpickling raises."""
    enabled = gc.isenabled()
    gc.disable()  # unpickling makes millions of objects: no collector passes over them
    try:
        return pickle.load(f)
    except Exception as exc:  # a damaged pickle raises almost anything
        # ModuleNotFoundError / AttributeError: classes another partnerkit version had
        raise ConfigError(
            f"{path}: {damaged} ({type(exc).__name__}); rebuild it (Registry.from_source(...).save(...))"
        ) from None
    finally:
        if enabled:
            gc.enable()


def _country(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    try:
        return country_code(value)
    except RecordError as exc:
        raise ConfigError(exc.reason, path="country") from None


class Registry:
    """The institutions names are matched against: indexed once, immutable.

    Threads may share one registry for :meth:`match`, :meth:`match_many` and
    :func:`partnerkit.dedupe`; it pickles, for processes (docs: "Threads, processes and pickling").

    Args:
        institutions: the institutions (ids must be unique).
        rules: the rule set used by :meth:`match` (default: :func:`partnerkit.rules.default_rules`).

    Raises:
        TypeError: an item is not an :class:`~partnerkit.Institution` (the message gives its position).

    Example:
        >>> import partnerkit as pk
        >>> reg = pk.Registry([pk.Institution(id="itmo", name="ITMO University", country="RU")])
        >>> best = reg.match("Univ. ITMO")[0]
        >>> best.institution.id, best.decision.value
        ('itmo', 'match')
    """

    __slots__ = ("_index", "_rules")

    def __init__(self, institutions: Iterable[Institution] = (), *, rules: RuleSet | None = None) -> None:
        self._index = Index(institutions_of(institutions))
        skeleton_table(self._index)  # saved with the index: no query pays for it
        self._rules = rules or default_rules()

    @classmethod
    def _wrap(cls, index: Index, rules: RuleSet | None) -> Registry:
        reg = cls.__new__(cls)
        reg._index = index
        reg._rules = rules or default_rules()
        return reg

    # --- the collection --------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._index.institutions)

    def __iter__(self) -> Iterator[Institution]:
        return iter(self._index.institutions)

    def __contains__(self, id: object) -> bool:
        return id in self._index.ids

    def __repr__(self) -> str:
        return f"<Registry of {len(self)} institutions>"

    def get(self, id: str, default: Institution | None = None) -> Institution | None:
        """The institution with this id, or ``default``."""
        i = self._index.ids.get(id)
        return default if i is None else self._index.institutions[i]

    @property
    def rules(self) -> RuleSet:
        """The rule set :meth:`match` uses."""
        return self._rules

    @property
    def index(self) -> Index:
        """The compiled, picklable index (for :func:`partnerkit._matching.match_batch` on workers)."""
        return self._index

    def with_rules(self, rules: RuleSet) -> Registry:
        """The same registry (sharing its index) matching with other rules."""
        return Registry._wrap(self._index, rules)

    # --- matching --------------------------------------------------------------------

    def match(
        self,
        name: str,
        country: str | None = None,
        limit: int = 5,
        *,
        city: str | None = None,
        identifiers: Mapping[str, str] | None = None,
        domains: Sequence[str] = (),
    ) -> list[Match]:
        """Candidate institutions for a written name or affiliation string, best first.

        A name that fits several institutions equally ("MSU", "HUST" without a country)
        comes back POSSIBLE with all of them; at most one result carries MATCH. Affiliation
        strings ("Dept. of X, Y Univ., City 123, Country") are read by the same call: the
        parts that are registered names are found, sub-units and addresses are set apart,
        the places named are hints (a country conflict is NON_MATCH), and a unit and its
        parent are never two answers; ``Match.query`` is the part that matched. See the
        docs page "Matching affiliation strings".

        Args:
            name: the name as written.
            country: a country hint (code or name): institutions elsewhere are NON_MATCH.
            limit: how many candidates to return at most.
            city: a city hint (adds evidence when it agrees).
            identifiers: identifiers known for the name (``{"ror": ...}``): decisive.
            domains: web domains known for the name.

        Returns:
            Up to ``limit`` :class:`Match` values; empty when nothing shares a word.

        Raises:
            ConfigError: ``country`` is not a country.
        """
        if not isinstance(name, str):
            raise TypeError(f"name must be a str, not {type(name).__name__}")
        return match_one(
            self._index,
            name,
            country=_country(country),
            limit=limit,
            rules=self._rules,
            city=city,
            identifiers=identifiers,
            domains=domains,
        )

    def match_many(
        self,
        names: Iterable[str | None],
        countries: Iterable[str | None] | None = None,
        limit: int = 5,
    ) -> Iterator[list[Match]]:
        """Match names one after another, lazily (for millions of strings).

        Made for long runs over columns of data: a missing name (``None``, a NaN of pandas), a
        blank one or a spreadsheet error value (``"#N/A"``, ``"#REF!"``...: a failed formula
        exported to CSV; one warning at the end counts them) gives an empty list, and a country
        hint that names no country ("EU", "n/a") is no hint for its row, with one warning on the
        ``partnerkit`` logger per such value naming its first item, where :meth:`match` would raise.

        Args:
            names: any iterable of names (read lazily).
            countries: an iterable of country hints, parallel to ``names`` (or None).
            limit: candidates per name.

        Yields:
            One list of :class:`Match` per name, in order.

        Raises:
            TypeError: ``names`` (or ``countries``) is a single ``str`` or ``bytes`` (raised at the
                call); an item is neither a str nor missing (the message names the item).
            ValueError: ``countries`` is shorter or longer than ``names``.
        """
        not_a_single_name(names)
        if countries is not None:
            not_a_single_name(countries, "countries")
        return self._match_many(names, countries, limit)

    def _match_many(
        self, names: Iterable[str | None], countries: Iterable[str | None] | None, limit: int
    ) -> Iterator[list[Match]]:
        hints = CountryHints("countries")
        nothing = NoNames()
        pairs: Iterable[tuple[str | None, str | None]] = (
            ((name, None) for name in names) if countries is None else zip(names, countries, strict=True)
        )
        for row, (name, country) in enumerate(pairs):
            if missing(name):
                yield []
                continue
            if not isinstance(name, str):
                raise TypeError(f"names item {row}: expected a name (str) or None, got {type(name).__name__}")
            yield [] if nothing.nothing(name) else self.match(name, hints.of(country, row), limit)
        nothing.warn("names", "no match")

    # --- persistence -------------------------------------------------------------------

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the compiled registry to a file that :meth:`load` reads back quickly.

        The institutions and their index are saved, not the rule set: pass the same
        ``rules`` to :meth:`load`. The file starts with its format version and a SHA-256
        checksum of the rest, so a truncated or altered file, or one another partnerkit
        version wrote, is refused by :meth:`load` with a clear error rather than read as
        something else.

        Args:
            path: the file to write (replaced whole, never left half-written).
        """
        p = Path(path)
        tmp = p.with_name(p.name + ".tmp")
        payload = pickle.dumps((FORMAT_VERSION, self._index), protocol=pickle.HIGHEST_PROTOCOL)
        try:
            with tmp.open("wb") as f:
                f.write(_MAGIC)
                f.write(f"format {FORMAT_VERSION} sha256 {hashlib.sha256(payload).hexdigest()}\n".encode())
                f.write(payload)
            tmp.replace(p)
        except BaseException:  # a full disk, Ctrl-C: no half-written file is left beside it
            tmp.unlink(missing_ok=True)
            raise

    @classmethod
    def load(cls, path: str | os.PathLike[str], *, rules: RuleSet | None = None) -> Registry:
        """Read a registry written by :meth:`save`.

        Only load files you wrote yourself: the format is pickle.

        Args:
            path: the file :meth:`save` wrote.
            rules: the rule set to match with (not saved in the file); the default rules
                when ``None``.

        Raises:
            ConfigError: the file is missing, not a registry, truncated or altered (its
                checksum does not match), or written by another partnerkit version; the
                message names the file and says to rebuild it.
        """
        p = Path(path)
        try:
            with p.open("rb") as f:
                if f.read(len(_MAGIC)) != _MAGIC:
                    raise ConfigError(f"{p}: not a partnerkit registry file (Registry.save writes them)")
                header = f.readline(200)
                if header.startswith(b"format "):  # since format 7: version and checksum first
                    digest = _header(p, header)
                    hashing = _Hashing(f)
                    loaded = _unpickle(p, hashing, "damaged registry file: truncated or altered")
                    hashing.read()  # anything after the pickle counts too
                    if hashing.sha256.hexdigest() != digest:
                        raise ConfigError(
                            f"{p}: damaged registry file (its checksum does not match: truncated or altered); "
                            "rebuild it"
                        )
                else:  # the layout of earlier releases: the pickle right after the magic line
                    loaded = _unpickle(
                        p,
                        io.BufferedReader(_Prefixed(header, f)),
                        "damaged registry file, or one an older partnerkit wrote",
                    )
        except OSError as exc:
            raise ConfigError(f"{p}: cannot read ({exc.strerror})") from None
        found = loaded[0] if isinstance(loaded, tuple) and len(loaded) == 2 else None
        if found == FORMAT_VERSION and not isinstance(loaded[1], Index):
            raise ConfigError(f"{p}: damaged registry file (it holds no registry index); rebuild it")
        if found != FORMAT_VERSION:
            raise ConfigError(
                f"{p}: a registry of format {found if isinstance(found, int) else 'unknown'}, this partnerkit "
                f"reads format {FORMAT_VERSION}; rebuild it (Registry.from_source(...).save(...))"
            )
        return cls._wrap(loaded[1], rules)

    @classmethod
    def from_source(cls, name: str, *, rules: RuleSet | None = None, strict: bool = False, **config: Any) -> Registry:
        """Build a registry from the institutions of a source (``"ror"``, ``"jsonl"``, ``"csv"``...).

        Records of the source that are not institutions are skipped (one warning when
        nothing but such records was read: the registry is then empty); bad records are left
        out with one warning on the ``partnerkit`` logger naming them, unless ``strict``,
        where the first bad record raises.

        Args:
            name: the source's registered name (see :func:`partnerkit.sources`).
            rules: the rule set for matching.
            strict: stop at the first bad record.
            **config: the source's configuration (``path=...``).

        Raises:
            RecordError: a bad record, with ``strict``.
            ConfigError: the source gives no institutions at all (its ``record_types``), or
                its configuration is wrong.
            SourceError, PluginError: from the source.
        """
        import importlib

        sources = importlib.import_module("partnerkit.sources")  # the sources layer is below matching
        source = sources.open_source(name, strict=strict, **config)
        kinds = tuple(getattr(source, "record_types", ()) or ())
        if kinds and not any(isinstance(k, type) and issubclass(k, Institution) for k in kinds):
            gives = ", ".join(getattr(k, "__name__", str(k)) for k in kinds)
            raise ConfigError(
                f"source {name!r} gives {gives} records, no institutions: build a registry from a source of "
                "institutions (csv, jsonl, ror)"
            )
        institutions: dict[str, Institution] = {}
        skipped = 0
        for item in source.read():
            record = getattr(item, "record", item)
            if not isinstance(record, Institution):
                skipped += 1
                continue
            if record.id in institutions:
                if strict:
                    raise RecordError(f"duplicate institution id {record.id[:60]!r}", field="id")
                log.warning("source %s: duplicate institution id %r skipped", name, record.id[:60])
                continue
            institutions[record.id] = record
        errors = source.summary.errors
        if errors:
            shown = "; ".join(str(e) for e in errors[:3])
            more = f" (and {len(errors) - 3} more)" if len(errors) > 3 else ""
            log.warning("source %s: %d bad record(s) left out of the registry: %s%s", name, len(errors), shown, more)
        if skipped and not institutions:
            log.warning(
                "source %s: no institutions read (%d other records skipped): the registry is empty", name, skipped
            )
        return cls(institutions.values(), rules=rules)
