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
from partnerkit.rules import Decision, Explanation

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
    "Status",
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
    "to_dict",
]
