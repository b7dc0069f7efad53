"""Match and deduplicate names on Dask: ``partnerkit.dask.match`` and ``partnerkit.dask.dedupe``.

Needs the ``dask`` extra (``pip install 'partnerkit[dask]'``); ``import partnerkit`` never
imports Dask. Results are identical to the single-process :meth:`partnerkit.Registry.match`
and :func:`partnerkit.dedupe`; the same code runs on a laptop's threads, a
``distributed.LocalCluster`` or a real cluster, whichever ``distributed.Client`` is current.
See docs/scale.md.
"""

from __future__ import annotations

try:
    import dask.dataframe  # noqa: F401
    import distributed  # noqa: F401
except ImportError as exc:  # pragma: no cover - exercised without the extra
    raise ImportError(
        f"partnerkit.dask needs the optional 'dask' extra ({exc.name} is missing): pip install 'partnerkit[dask]'",
        name=exc.name,
    ) from exc

from partnerkit.dask._dedupe import dedupe
from partnerkit.dask._match import match, match_csv

__all__ = ["dedupe", "match", "match_csv"]
