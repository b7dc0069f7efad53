"""Match and deduplicate names on Spark: ``partnerkit.spark.match`` and ``partnerkit.spark.dedupe``.

Needs the ``spark`` extra (``pip install 'partnerkit[spark]'``) and a Java runtime (17 or
newer) for a local Spark; ``import partnerkit`` never imports PySpark. A thin adapter: the
compiled registry is broadcast once, rows go through ``mapInPandas``, pure Python (no JVM jar
of ours). Results are identical to the single-process run. See docs/scale.md.
"""

from __future__ import annotations

try:
    import pandas  # noqa: F401
    import pyarrow  # noqa: F401
    import pyspark  # noqa: F401
except ImportError as exc:  # pragma: no cover - exercised without the extra
    raise ImportError(
        f"partnerkit.spark needs the optional 'spark' extra ({exc.name} is missing): pip install 'partnerkit[spark]'",
        name=exc.name,
    ) from exc

from partnerkit.spark._adapter import dedupe, local_session, match

__all__ = ["dedupe", "local_session", "match"]
