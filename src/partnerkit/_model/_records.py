"""The domain classes: institutions, partnerships, their parties and evidence."""

from __future__ import annotations

import datetime as _dt
import enum
import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Literal, TypeVar

import attrs

from partnerkit._errors import RecordError
from partnerkit._model._countries import country_code
from partnerkit._model._dates import PartialDate, to_partial_date_or_none

__all__ = [
    "Article",
    "Evidence",
    "Institution",
    "InstitutionKind",
    "Location",
    "Mention",
    "Name",
    "NameType",
    "Partnership",
    "PartnershipKind",
    "Party",
    "Provenance",
    "RelationType",
    "Relationship",
    "Status",
    "clean_text",
]

T = TypeVar("T")
E = TypeVar("E", bound=enum.Enum)
C = TypeVar("C")

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u2028\u2029\ufeff]")
_SPACE = re.compile(r"\s+")


def clean_text(value: str) -> str:
    """Strip control characters, collapse whitespace and trim; keep everything else."""
    value = unicodedata.normalize("NFC", value)
    if value.isprintable() and "  " not in value:
        # (no control character, and no white space but single spaces: nothing to strip or collapse)
        return value.strip()
    return _SPACE.sub(" ", _CONTROL.sub("", value)).strip()


# --- converters and validators that name the field they fail on ---------------------


def _field_errors(cls: type[C]) -> type[C]:
    """Make errors raised by the converters of ``cls`` name the field they failed on.

    Converters raise :class:`RecordError` without a field; on that (rare) path the
    arguments are converted again one by one to find the field, so the common path
    costs nothing.
    """
    init = cls.__init__
    fields = attrs.fields(cls)  # type: ignore[arg-type]
    positional = [f.name for f in fields if not f.kw_only]

    @functools.wraps(init)
    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        try:
            init(self, *args, **kwargs)
        except RecordError as exc:
            if exc.field is not None:
                raise
            given = dict(zip(positional, args, strict=False)) | kwargs
            for f in fields:
                if f.converter is not None and f.name in given:
                    try:
                        f.converter(given[f.name])
                    except RecordError as inner:
                        raise RecordError(inner.reason, field=f.name) from None
            raise

    cls.__init__ = __init__  # type: ignore[method-assign]
    return cls


def _name(value: str) -> str:
    if not isinstance(value, str):
        raise RecordError(f"expected a string, got {type(value).__name__}")
    cleaned = clean_text(value)
    if not cleaned:
        raise RecordError("must not be empty")
    return cleaned


def _opt_name(value: str | None) -> str | None:
    return None if value is None else _name(value)


def _opt_text(value: str | None) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise RecordError(f"expected a string, got {type(value).__name__}")
    cleaned = clean_text(value)
    return cleaned or None


def _names(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise RecordError(f"expected a list of strings, got {type(value).__name__}")
    out: list[str] = []
    for i, item in enumerate(value):
        try:
            name = _name(item)
        except RecordError as exc:
            raise RecordError(f"item {i}: {exc.reason}") from None
        if name not in out:
            out.append(name)
    return tuple(out)


def _str_map(value: Mapping[str, str]) -> dict[str, str]:
    if not isinstance(value, Mapping):
        raise RecordError(f"expected a mapping of strings, got {type(value).__name__}")
    out: dict[str, str] = {}
    for k, v in value.items():
        if not isinstance(k, str) or not k.strip():
            raise RecordError(f"key {k!r} must be a non-empty string")
        try:
            out[k.strip()] = _name(v)
        except RecordError as exc:
            raise RecordError(f"[{k!r}]: {exc.reason}") from None
    return out


def _country(value: str | None) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return country_code(value)


def _enum(cls: type[E], value: Any) -> E:
    if isinstance(value, cls):
        return value
    try:
        return cls(value)
    except ValueError:
        allowed = ", ".join(str(m.value) for m in cls)
        raise RecordError(f"{str(value)[:40]!r} is not one of: {allowed}") from None


def _tuple_of(cls: type[T], value: Any) -> tuple[T, ...]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise RecordError(f"expected a list of {cls.__name__}, got {type(value).__name__}")
    items = tuple(value)
    for i, item in enumerate(items):
        if not isinstance(item, cls):
            raise RecordError(f"item {i}: expected {cls.__name__}, got {type(item).__name__}")
    return items


def _datetime(value: _dt.datetime | str | None) -> _dt.datetime | None:
    if value is None:
        return None
    if isinstance(value, str):
        text = value
        try:
            value = _dt.datetime.fromisoformat(text)
        except ValueError:
            raise RecordError(f"{text[:40]!r} is not an ISO date-time") from None
    if not isinstance(value, _dt.datetime):
        raise RecordError(f"expected a date-time, got {type(value).__name__}")
    if value.tzinfo is None:
        value = value.replace(tzinfo=_dt.UTC)
    return value.astimezone(_dt.UTC)


def _domain(value: Iterable[str]) -> tuple[str, ...]:
    names = _names(value)
    return tuple(dict.fromkeys(n.lower().removeprefix("www.") for n in names))


# --- enums ---------------------------------------------------------------------------


class InstitutionKind(enum.StrEnum):
    """What kind of organisation an institution is (ROR's types, plus association)."""

    EDUCATION = "education"
    RESEARCH = "research"
    ASSOCIATION = "association"
    GOVERNMENT = "government"
    COMPANY = "company"
    FUNDER = "funder"
    HEALTHCARE = "healthcare"
    NONPROFIT = "nonprofit"
    FACILITY = "facility"
    ARCHIVE = "archive"
    OTHER = "other"


class PartnershipKind(enum.StrEnum):
    """How two or more institutions cooperate.

    ``AGREEMENT`` a cooperation agreement of no more specific kind; ``STRATEGIC_PARTNERSHIP``
    one called strategic; ``MOU`` a memorandum of understanding (or letter of intent);
    ``DOUBLE_DEGREE`` double or joint degrees; ``JOINT_PROGRAMME`` a joint study programme or
    school; ``EXCHANGE`` student or staff exchange (Erasmus+ agreements); ``JOINT_LAB`` a joint
    laboratory, centre or institute; ``RESEARCH_PROJECT`` a joint research project or grant;
    ``MEMBERSHIP`` a member of a network, alliance or association (the network is a party);
    ``OFFICE`` an office, branch or campus of one institution at or near another (see
    ``Partnership.location``); ``CONSORTIUM`` several bodies in one consortium;
    ``OTHER`` anything else. Strings convert: ``Partnership(kind="mou", ...)``.
    """

    AGREEMENT = "agreement"
    STRATEGIC_PARTNERSHIP = "strategic_partnership"
    MOU = "mou"
    DOUBLE_DEGREE = "double_degree"
    JOINT_PROGRAMME = "joint_programme"
    EXCHANGE = "exchange"
    JOINT_LAB = "joint_lab"
    RESEARCH_PROJECT = "research_project"
    MEMBERSHIP = "membership"
    OFFICE = "office"
    CONSORTIUM = "consortium"
    OTHER = "other"


class Status(enum.StrEnum):
    """Where a partnership stands.

    ``PLANNED`` announced, intended or set up by a document but not yet in force (a signing
    to come, a lab an agreement establishes); ``NEGOTIATING`` talks are named but nothing is
    signed; ``SIGNED`` a document was signed; ``ACTIVE`` said to be running (an office that
    operates, students exchanged); ``ENDED`` ended, terminated or suspended. Strings convert.
    """

    PLANNED = "planned"
    NEGOTIATING = "negotiating"
    SIGNED = "signed"
    ACTIVE = "active"
    ENDED = "ended"


class NameType(enum.StrEnum):
    """The type of one name of an institution (see ``Institution.names()``).

    ``DISPLAY`` its ``name``; ``ALIAS`` another full name (former or informal); ``ACRONYM``
    an abbreviation; ``LABEL`` its name in a language (``Institution.labels``).
    """

    DISPLAY = "display"
    ALIAS = "alias"
    ACRONYM = "acronym"
    LABEL = "label"


class RelationType(enum.StrEnum):
    """How one institution relates to another (``Relationship.type``, as ROR lists them).

    ``PARENT`` the other is the one this belongs to; ``CHILD`` the other belongs to this;
    ``RELATED`` otherwise linked (a university hospital); ``PREDECESSOR`` / ``SUCCESSOR`` the
    other is what this was before / became after a merger or renaming.
    """

    PARENT = "parent"
    CHILD = "child"
    RELATED = "related"
    PREDECESSOR = "predecessor"
    SUCCESSOR = "successor"


def _to_relationtype(value: RelationType | str) -> RelationType:
    return _enum(RelationType, value)


def _to_institutionkind(value: InstitutionKind | str) -> InstitutionKind:
    return _enum(InstitutionKind, value)


def _to_partnershipkind(value: PartnershipKind | str) -> PartnershipKind:
    return _enum(PartnershipKind, value)


def _to_status(value: Status | str) -> Status:
    return _enum(Status, value)


def _parties(value: Iterable[Party]) -> tuple[Party, ...]:
    return _tuple_of(Party, value)


def _evidence(value: Iterable[Evidence]) -> tuple[Evidence, ...]:
    return _tuple_of(Evidence, value)


def _relationships(value: Iterable[Relationship]) -> tuple[Relationship, ...]:
    return _tuple_of(Relationship, value)


def _date(value: PartialDate | _dt.date | str | int | None) -> PartialDate | None:
    return to_partial_date_or_none(value)


# --- classes -------------------------------------------------------------------------


@attrs.frozen
class Name:
    """One name of an institution with its type, and its language for labels."""

    value: str
    type: NameType
    lang: str | None = None


@_field_errors
@attrs.frozen
class Relationship:
    """A link from an institution to another one, by id."""

    type: RelationType = attrs.field(converter=_to_relationtype)
    id: str = attrs.field(converter=_name)
    label: str | None = attrs.field(default=None, converter=_opt_text)


@_field_errors
@attrs.frozen(kw_only=True)
class Institution:
    """A university, research organisation, network or other body.

    Every string is cleaned of control characters and surrounding space; names must not be
    empty; ``country`` takes an ISO 3166-1 code or a country name in any language and keeps
    the alpha-2 code.

    Examples:
        >>> itmo = Institution(id="itmo", name="ITMO University", acronyms=("ITMO",),
        ...                    labels={"ru": "Университет ИТМО"}, country="Russia")
        >>> itmo.country
        'RU'
        >>> [(n.value, n.type.value, n.lang) for n in itmo.names()]
        [('ITMO University', 'display', None), ('ITMO', 'acronym', None), ('Университет ИТМО', 'label', 'ru')]
    """

    id: str = attrs.field(converter=_name)
    name: str = attrs.field(converter=_name)
    acronyms: tuple[str, ...] = attrs.field(default=(), converter=_names)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_names)
    labels: dict[str, str] = attrs.field(factory=dict, converter=_str_map, hash=False)
    country: str | None = attrs.field(default=None, converter=_country)
    city: str | None = attrs.field(default=None, converter=_opt_text)
    kind: InstitutionKind = attrs.field(default=InstitutionKind.OTHER, converter=_to_institutionkind)
    identifiers: dict[str, str] = attrs.field(factory=dict, converter=_str_map, hash=False)
    domains: tuple[str, ...] = attrs.field(default=(), converter=_domain)
    relationships: tuple[Relationship, ...] = attrs.field(default=(), converter=_relationships)
    status: Literal["active", "inactive", "withdrawn"] = attrs.field(default="active")

    @status.validator
    def _check_status(self, _attr: attrs.Attribute[str], value: str) -> None:
        if value not in ("active", "inactive", "withdrawn"):
            raise RecordError(f"{str(value)[:40]!r} is not one of: active, inactive, withdrawn", field="status")

    def names(self) -> Iterator[Name]:
        """Every name of the institution with its type: display, aliases, acronyms, labels."""
        yield Name(self.name, NameType.DISPLAY)
        for alias in self.aliases:
            yield Name(alias, NameType.ALIAS)
        for acronym in self.acronyms:
            yield Name(acronym, NameType.ACRONYM)
        for lang, label in self.labels.items():
            yield Name(label, NameType.LABEL, lang)


@_field_errors
@attrs.frozen
class Party:
    """A party to a partnership: the name as the source states it, and the institution if known."""

    name: str = attrs.field(converter=_name)
    institution_id: str | None = attrs.field(default=None, kw_only=True, converter=_opt_name)
    role: str | None = attrs.field(default=None, kw_only=True, converter=_opt_text)


@_field_errors
@attrs.frozen(kw_only=True)
class Evidence:
    """The sentence of a source that states a fact, and where it comes from."""

    quote: str = attrs.field(converter=_name)
    source: str | None = attrs.field(default=None, converter=_opt_text)
    locator: str | None = attrs.field(default=None, converter=_opt_text)
    published: PartialDate | None = attrs.field(default=None, converter=_date)
    retrieved: _dt.datetime | None = attrs.field(default=None, converter=_datetime)


@_field_errors
@attrs.frozen(kw_only=True)
class Location:
    """A place: a city and/or a country (ISO 3166-1 alpha-2)."""

    city: str | None = attrs.field(default=None, converter=_opt_text)
    country: str | None = attrs.field(default=None, converter=_country)

    def __attrs_post_init__(self) -> None:
        if self.city is None and self.country is None:
            raise RecordError("a location needs a city or a country")

    def __str__(self) -> str:
        return ", ".join(p for p in (self.city, self.country) if p)


@_field_errors
@attrs.frozen(kw_only=True)
class Partnership:
    """A cooperation between parties, of some kind, with a status, dates and evidence.

    Example:
        >>> p = Partnership(kind="agreement", parties=(Party("HUST"), Party("ITMO University")),
        ...                 status="signed", date="2021-04-27")
        >>> p.kind, str(p.date)
        (<PartnershipKind.AGREEMENT: 'agreement'>, '2021-04-27')
    """

    kind: PartnershipKind = attrs.field(converter=_to_partnershipkind)
    parties: tuple[Party, ...] = attrs.field(converter=_parties)
    status: Status = attrs.field(default=Status.ACTIVE, converter=_to_status)
    date: PartialDate | None = attrs.field(default=None, converter=_date)
    started: PartialDate | None = attrs.field(default=None, converter=_date)
    ended: PartialDate | None = attrs.field(default=None, converter=_date)
    location: Location | None = None
    fields: tuple[str, ...] = attrs.field(default=(), converter=_names)
    evidence: tuple[Evidence, ...] = attrs.field(default=(), converter=_evidence)
    id: str | None = attrs.field(default=None, converter=_opt_name)

    def __attrs_post_init__(self) -> None:
        if not self.parties:
            raise RecordError("a partnership needs at least one party", field="parties")
        if self.location is not None and not isinstance(self.location, Location):
            raise RecordError(f"expected a Location, got {type(self.location).__name__}", field="location")
        if self.started and self.ended and self.ended < self.started:
            raise RecordError(f"ends ({self.ended}) before it starts ({self.started})", field="ended")


@attrs.frozen(kw_only=True)
class Mention:
    """A span of a text that names an institution (``text == source[start:end]``)."""

    text: str
    start: int
    end: int
    institution_id: str | None = None
    #: How the text names it: ``name``, ``acronym``, ``publisher`` ("our university"),
    #: ``pair`` ("the two universities"), ``definite`` ("the Association").
    kind: str = "name"
    #: The name of the organisation the mention denotes, as extraction settled it.
    name: str | None = None

    def __attrs_post_init__(self) -> None:
        if not (0 <= self.start <= self.end):
            raise RecordError(f"span {self.start}..{self.end} is not a valid span", field="start")


@_field_errors
@attrs.frozen(kw_only=True)
class Article:
    """A news item or page: the text that extraction reads."""

    title: str | None = attrs.field(default=None, converter=_opt_text)
    text: str = attrs.field(default="")
    url: str | None = attrs.field(default=None, converter=_opt_text)
    published: PartialDate | None = attrs.field(default=None, converter=_date)
    publisher: str | None = attrs.field(default=None, converter=_opt_text)
    language: str | None = attrs.field(default=None, converter=_opt_text)

    @text.validator
    def _check_text(self, _attr: attrs.Attribute[str], value: str) -> None:
        if not isinstance(value, str):
            raise RecordError(f"expected a string, got {type(value).__name__}", field="text")


@_field_errors
@attrs.frozen(kw_only=True)
class Provenance:
    """Where a record came from: which source and plugin version, where in it, and when."""

    source: str = attrs.field(converter=_name)
    plugin_version: str | None = attrs.field(default=None, converter=_opt_text)
    locator: str | None = attrs.field(default=None, converter=_opt_text)
    fetched: _dt.datetime | None = attrs.field(default=None, converter=_datetime)
    native_id: str | None = attrs.field(default=None, converter=_opt_text)
