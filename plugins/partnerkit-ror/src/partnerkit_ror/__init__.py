"""partnerkit-ror: the ROR registry as a partnerkit source.

:func:`read_institutions` streams a ROR data dump into :class:`partnerkit.Institution`\\ s;
:func:`to_institution` converts one decoded ROR record (schema v2 or v1);
:class:`RorClient` reads the ROR REST API; :class:`RorSource` is the ``ror`` source.
"""

from partnerkit_ror._api import RorClient
from partnerkit_ror._convert import ror_id, to_institution
from partnerkit_ror._dump import read_institutions
from partnerkit_ror._source import RorSource

__all__ = ["RorClient", "RorSource", "read_institutions", "ror_id", "to_institution"]
