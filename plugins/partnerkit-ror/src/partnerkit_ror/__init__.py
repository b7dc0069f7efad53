"""partnerkit-ror: the ROR registry as a partnerkit source.

:func:`read_institutions` streams a ROR data dump into :class:`partnerkit.Institution`\\ s;
:func:`to_institution` converts one decoded ROR record (schema v2 or v1).
"""

from partnerkit_ror._convert import ror_id, to_institution
from partnerkit_ror._dump import read_institutions

__all__ = ["read_institutions", "ror_id", "to_institution"]
