"""Resolving one free-text name against a compiled index: blocking, scoring, ambiguity."""

from partnerkit._matching._match._candidates import _candidates
from partnerkit._matching._match._one import match_batch, match_one
from partnerkit._matching._match._result import Match

__all__ = ["Match", "_candidates", "match_batch", "match_one"]
