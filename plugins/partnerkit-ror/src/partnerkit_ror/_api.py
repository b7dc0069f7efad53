"""A small client for the ROR REST API (v2): one organization by id, and search.

It fetches through :class:`partnerkit.sources.HttpClient` (timeouts, retries honouring
Retry-After, size limit, a User-Agent naming partnerkit) and returns
:class:`partnerkit.Institution` s converted like the dump records.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from partnerkit import Institution, SourceError
from partnerkit.sources import HttpClient
from partnerkit_ror._convert import ror_id, to_institution

__all__ = ["DEFAULT_API_URL", "RorClient"]

DEFAULT_API_URL = "https://api.ror.org/v2"
_PAGE_SIZE = 20  # what the ROR API returns per page


class RorClient:
    """The ROR REST API.

    Args:
        api_url: the base URL of the v2 API.
        client_id: a ROR client id (sent as the ``Client-Id`` header for higher rate
            limits; never shown in messages).
        http: the HTTP client to use; by default one with partnerkit's defaults.

    Example:
        >>> client = RorClient("http://localhost:1/v2")  # no request is made until asked
        >>> client.api_url
        'http://localhost:1/v2'
    """

    def __init__(
        self, api_url: str = DEFAULT_API_URL, *, client_id: str | None = None, http: HttpClient | None = None
    ) -> None:
        self.api_url = api_url.rstrip("/")
        self._headers = {"Accept": "application/json"}
        if client_id:
            self._headers["Client-Id"] = client_id
        self.http = http or HttpClient(source="ror")

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> RorClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _json(self, url: str, params: dict[str, str] | None = None) -> Any:
        response = self.http.get(url, params=params, headers=self._headers)
        try:
            return json.loads(response.content)
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise SourceError(f"{url}: the ROR API did not answer with JSON", source="ror", locator=url) from None

    def organization_record(self, ror: str) -> dict[str, Any]:
        """The raw v2 record of one organization.

        Raises:
            RecordError: ``ror`` is not a ROR id.
            SourceError: the API cannot be reached, or has no such organization (HTTP 404).
        """
        _full, short = ror_id(ror)
        data = self._json(f"{self.api_url}/organizations/{short}")
        if not isinstance(data, dict):
            raise SourceError(f"{self.api_url}: unexpected answer for {short}", source="ror")
        return data

    def organization(self, ror: str) -> Institution:
        """One organization by its ROR id (short or full form), as an Institution."""
        return to_institution(self.organization_record(ror))

    def search_records(self, query: str, *, limit: int = 20, filters: str | None = None) -> Iterator[dict[str, Any]]:
        """Raw v2 records matching ``query`` (ROR's ``query`` parameter), best first, paging as needed.

        Args:
            query: the search text.
            limit: the most records to return.
            filters: ROR's ``filter`` parameter (e.g. ``"types:education,country.country_code:RU"``).
        """
        page, returned = 1, 0
        while returned < limit:
            params = {"query": query, "page": str(page)}
            if filters:
                params["filter"] = filters
            data = self._json(f"{self.api_url}/organizations", params)
            items = data.get("items") if isinstance(data, dict) else None
            if not isinstance(items, list):
                raise SourceError(f"{self.api_url}/organizations: unexpected answer (no items)", source="ror")
            for item in items[: limit - returned]:
                yield item
                returned += 1
            total = data.get("number_of_results")
            if len(items) < _PAGE_SIZE or (isinstance(total, int) and page * _PAGE_SIZE >= total):
                return
            page += 1

    def search(self, query: str, *, limit: int = 20, filters: str | None = None) -> Iterator[Institution]:
        """Institutions matching ``query``, best first (records that do not convert raise RecordError)."""
        for record in self.search_records(query, limit=limit, filters=filters):
            yield to_institution(record)
