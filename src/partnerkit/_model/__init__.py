"""The model layer: attrs classes, enums, partial dates and country codes.

Imports nothing of partnerkit's but the error hierarchy.
"""

from partnerkit._model._countries import country_code, country_name, country_names, is_country_code
from partnerkit._model._dates import PartialDate, to_partial_date, to_partial_date_or_none
from partnerkit._model._kinds import institution_kind
from partnerkit._model._records import (
    Article,
    Evidence,
    Institution,
    InstitutionKind,
    Location,
    Mention,
    Name,
    NameType,
    Partnership,
    PartnershipKind,
    Party,
    Provenance,
    Relationship,
    RelationType,
    Status,
    clean_text,
)

__all__ = [
    "Article",
    "Evidence",
    "Institution",
    "InstitutionKind",
    "Location",
    "Mention",
    "Name",
    "NameType",
    "PartialDate",
    "Partnership",
    "PartnershipKind",
    "Party",
    "Provenance",
    "RelationType",
    "Relationship",
    "Status",
    "clean_text",
    "country_code",
    "country_name",
    "country_names",
    "institution_kind",
    "is_country_code",
    "to_partial_date",
    "to_partial_date_or_none",
]
