"""The reconciliation service: partnerkit's matcher behind the OpenRefine reconciliation API 0.2."""

from partnerkit._service._app import reconciliation_app
from partnerkit._service._protocol import MatchLike, RegistryLike

__all__ = ["MatchLike", "RegistryLike", "reconciliation_app"]
