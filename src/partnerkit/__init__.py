"""partnerkit: data about international cooperation between universities.

Typed records for institutions and partnerships, a rule-based matching engine that
explains its decisions, source plugins, and extraction of partnerships from news text.
Everything public is importable from here and listed in ``__all__``.
"""

from importlib.metadata import PackageNotFoundError, version

from partnerkit._codec import dump_jsonl, from_dict, load_jsonl, to_dict
from partnerkit._errors import ConfigError, PartnerkitError, PluginError, RecordError, SourceError
from partnerkit._extract import Extraction, extract, merge_partnerships
from partnerkit._matching import Cluster, Match, Registry, compare, dedupe
from partnerkit._model import (
    Article,
    Evidence,
    Institution,
    InstitutionKind,
    Location,
    Mention,
    Name,
    NameType,
    PartialDate,
    Partnership,
    PartnershipKind,
    Party,
    Provenance,
    Relationship,
    RelationType,
    Status,
    country_code,
)
from partnerkit._names import normalize_name
from partnerkit._service import reconciliation_app
from partnerkit._store import Store
from partnerkit.rules import Decision, Explanation

# The public submodule ``partnerkit.sources`` holds the plugin contract; importing it makes
# it available as ``from partnerkit.sources import Source``. The package attribute
# ``partnerkit.sources`` is then rebound to the *function* that lists sources, as DESIGN.md
# asks (``pk.sources()``); the module stays reachable through ``from ... import`` (which
# goes through sys.modules). See docs/plugins.md.
from partnerkit.sources import SourceInfo, open_source
from partnerkit.sources import sources as sources

try:
    __version__ = version("partnerkit")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"

__all__ = [
    "Article",
    "Cluster",
    "ConfigError",
    "Decision",
    "Evidence",
    "Explanation",
    "Extraction",
    "Institution",
    "InstitutionKind",
    "Location",
    "Match",
    "Mention",
    "Name",
    "NameType",
    "PartialDate",
    "PartnerkitError",
    "Partnership",
    "PartnershipKind",
    "Party",
    "PluginError",
    "Provenance",
    "RecordError",
    "Registry",
    "RelationType",
    "Relationship",
    "SourceError",
    "SourceInfo",
    "Status",
    "Store",
    "__version__",
    "compare",
    "country_code",
    "dedupe",
    "dump_jsonl",
    "extract",
    "from_dict",
    "load_jsonl",
    "merge_partnerships",
    "normalize_name",
    "open_source",
    "reconciliation_app",
    "sources",
    "to_dict",
]
