"""The source plugin contract: what a source is, how partnerkit finds and opens one.

For users, :func:`partnerkit.sources` (the function) lists the sources and
:func:`partnerkit.open_source` opens one. For plugin authors, this module holds the
contract::

    from partnerkit.sources import Source, SourceItem

(``partnerkit.sources``, the attribute of the package, is the *function*; the module is
reached with ``from partnerkit.sources import ...``, see docs/plugins.md.)

Names:
    Source: the base class of every source.
    SourceItem: a record with its provenance, as :meth:`Source.read` yields it.
    ReadSummary: counts and per-record errors of one read.
    SourceInfo: what discovery found about a source (status, error, distribution, version).
    API_VERSION: the plugin API version of this partnerkit.
    HttpClient: HTTP GET with timeouts, retries, size limits and conditional requests.
    html_to_text: reduce HTML to readable text.
    structure_config, http_url: building and validating a source's Config.
"""

from partnerkit.sources._config import http_url, structure_config
from partnerkit.sources._contract import API_VERSION, CAPABILITIES, ReadSummary, Record, Source, SourceItem, State
from partnerkit.sources._discovery import GROUP, SourceInfo, open_source, sources
from partnerkit.sources._html import html_to_text
from partnerkit.sources._http import HttpClient, HttpResponse

__all__ = [
    "API_VERSION",
    "CAPABILITIES",
    "GROUP",
    "HttpClient",
    "HttpResponse",
    "ReadSummary",
    "Record",
    "Source",
    "SourceInfo",
    "SourceItem",
    "State",
    "html_to_text",
    "http_url",
    "open_source",
    "sources",
    "structure_config",
]
