"""The ``ror`` source: a ROR data dump, or organizations from the ROR REST API."""

from __future__ import annotations

from collections.abc import Generator, Iterator
from typing import Any

import attrs

from partnerkit import ConfigError, Institution, RecordError, SourceError
from partnerkit.sources import HttpClient, Source, SourceItem, State, http_url
from partnerkit_ror._api import DEFAULT_API_URL, RorClient
from partnerkit_ror._convert import to_institution
from partnerkit_ror._files import iter_raw

__all__ = ["RorSource"]


def _positive(_instance: Any, attribute: attrs.Attribute[Any], value: float) -> None:
    if value <= 0:
        raise ConfigError("must be positive", path=attribute.name)


class RorSource(Source):
    """Institutions from the ROR registry: a data dump (zip, JSON, JSON Lines, folder) or the ROR API."""

    name = "ror"
    capabilities = frozenset({"files", "network"})
    record_types = (Institution,)

    @attrs.frozen
    class Config:
        """Options of the ror source: give exactly one of ``path``, ``ids`` or ``query``.

        Attributes:
            path: a dump: the zip as ROR publishes it, a JSON array or JSON Lines file
                (``.gz`` too), or a folder of such files; schema v2 or v1.
            ids: ROR ids to fetch from the API (short or full form).
            query: a search in the API; ``filter`` and ``limit`` refine it.
            filter: ROR's filter parameter, e.g. ``types:education,country.country_code:RU``.
            limit: the most search results to read.
            api_url: the base URL of the ROR v2 API.
            client_id: a ROR client id for higher rate limits (never shown in messages).
            timeout: seconds to connect and of silence while reading.
            retries: retries after connection errors, timeouts, 429 and 5xx.
        """

        path: str | None = None
        ids: tuple[str, ...] = ()
        query: str | None = None
        filter: str | None = None
        limit: int = attrs.field(default=100, validator=_positive)
        api_url: str = attrs.field(default=DEFAULT_API_URL, validator=http_url)
        client_id: str | None = None
        timeout: float = attrs.field(default=10.0, validator=_positive)
        retries: int = 3

        def __attrs_post_init__(self) -> None:
            given = [name for name in ("path", "ids", "query") if getattr(self, name)]
            if len(given) != 1:
                raise ConfigError("give exactly one of path, ids or query", path=given[1] if given else "path")

    def api(self) -> RorClient:
        """The API client of this source's options."""
        c = self.config
        http = HttpClient(timeout=c.timeout, retries=c.retries, source=self.name)
        return RorClient(c.api_url, client_id=c.client_id, http=http)

    def items(self, state: State | None) -> Generator[SourceItem | RecordError, None, State | None]:
        if self.config.path:
            yield from self._dump(self.config.path)
        else:
            yield from self._api()
        return None

    def _dump(self, path: str) -> Iterator[SourceItem | RecordError]:
        errors: list[RecordError] = []
        for raw, locator, row in iter_raw(path, errors.append):
            if errors:
                yield from errors
                errors.clear()
            try:
                institution = to_institution(raw)
            except RecordError as exc:
                yield exc.at(row=row, locator=locator)
                continue
            yield SourceItem(institution, self.provenance(f"{locator} row {row}", institution.id))
        yield from errors

    def _api(self) -> Iterator[SourceItem | RecordError]:
        c = self.config
        with self.api() as api:
            if c.ids:
                failures = 0
                for n, given in enumerate(c.ids):
                    locator = f"{api.api_url}/organizations (ids[{n}])"
                    try:
                        institution = api.organization(given)
                    except RecordError as exc:
                        yield exc.at(locator=locator)
                        continue
                    except SourceError as exc:
                        failures += 1
                        if failures == len(c.ids) or self.strict:  # the API failed: an error, not a bad record
                            raise
                        yield RecordError(str(exc), locator=locator)
                        continue
                    url = f"{api.api_url}/organizations/{institution.identifiers['ror']}"
                    yield SourceItem(institution, self.provenance(url, institution.id))
                return
            assert c.query is not None
            for n, record in enumerate(api.search_records(c.query, limit=c.limit, filters=c.filter), start=1):
                locator = f"{api.api_url}/organizations?query result {n}"
                try:
                    institution = to_institution(record)
                except RecordError as exc:
                    yield exc.at(locator=locator)
                    continue
                yield SourceItem(institution, self.provenance(locator, institution.id))
