"""Matching: the registry and its compiled index, match/match_many, compare and dedupe.

``match_batch(index, names, countries)`` is a pure function over a picklable
:class:`Index`, for running on Dask or Spark partitions.
"""

from partnerkit._matching._compare import compare
from partnerkit._matching._dedupe import Cluster, Link, dedupe
from partnerkit._matching._index import FORMAT_VERSION, Index
from partnerkit._matching._match import Match, match_batch, match_one
from partnerkit._matching._registry import Registry

__all__ = [
    "FORMAT_VERSION",
    "Cluster",
    "Index",
    "Link",
    "Match",
    "Registry",
    "compare",
    "dedupe",
    "match_batch",
    "match_one",
]
