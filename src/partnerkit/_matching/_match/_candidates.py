"""Blocking: the indexed names a query is scored against, and their scores."""

from __future__ import annotations

import heapq

from partnerkit._matching._index import Index
from partnerkit._matching._match._result import CANDIDATES, MAX_POSTING, POOL, RARE, TYPO_LENGTH
from partnerkit._names import (
    script_of,
)
from partnerkit.rules import Profile, RuleSet


def _unknown(index: Index, token: str, own: int | None) -> bool:
    """No indexed name carries ``token`` (but names of institution ``own``, the query's own)."""
    n = index.count("t:" + token)
    if n == 0:
        return True
    return own is not None and n <= RARE and all(index.name_inst[i] == own for i in index.posting("t:" + token))


def _candidates(index: Index, q: Profile, country: str | None = None, own: int | None = None) -> list[int]:
    """Indexed names that share a blocking key with ``q``, the most promising first.

    A full name is only compared with full names (an institution's acronyms are in their
    profiles); with a ``country`` hint, names of institutions known to be elsewhere are left
    out (the rules would call them NON_MATCH). A distinctive word of at least
    :data:`TYPO_LENGTH` letters that no indexed name carries (but those of institution
    ``own``, the query's own) is also looked up one edit away ("michgan" finds "michigan"),
    in queries written in the Latin script.
    """
    scores: dict[int, float] = {}
    acronyms = index.acronyms
    countries = index.countries
    name_inst = index.name_inst

    def elsewhere(i: int) -> bool:
        c = countries[name_inst[i]]
        return bool(c) and c != country

    if q.acronym is not None:
        for key, bonus in (("a:", 3.0), ("k:", 3.0), ("d:", 1.5), ("t:", 1.0)):
            for i in index.posting(key + q.acronym):
                if scores.get(i, 0.0) < bonus:
                    scores[i] = bonus
        if country is not None:
            scores = {i: s for i, s in scores.items() if not elsewhere(i)}
    else:
        for i in index.posting("k:" + q.sorted_key):
            if not acronyms[i]:
                scores[i] = 10.0
        for acr in sorted(q.acronyms):  # sorted: the same candidates under any PYTHONHASHSEED
            for i in index.posting("a:" + acr):
                if not acronyms[i]:
                    scores[i] = scores.get(i, 0.0) + 3.0
        words = sorted(q.distinctive or q.tokens)
        weights = {t: index.idf(t) for t in words}
        total = sum(weights.values()) or 1.0
        ordered = sorted(words, key=lambda t: (index.count("t:" + t), t))
        common: list[str] = []
        for token in ordered:
            n = index.count("t:" + token)
            if n > RARE and scores:
                common.append(token)  # read only for the candidates the rare words found
                continue
            if n > MAX_POSTING:
                common.append(token)
                continue
            w = weights[token]
            for i in index.posting("t:" + token):
                scores[i] = scores.get(i, 0.0) + w
        # a transliterated word (a query in another script) is spelt by a table, not typed by hand
        for token in words if q.distinctive and script_of(q.text) is None else ():
            if len(token) >= TYPO_LENGTH and not token.isdigit() and _unknown(index, token, own):
                for near in index.near_words(token, RARE):
                    w = min(weights[token], index.idf(near))
                    for i in index.posting("t:" + near):
                        scores[i] = scores.get(i, 0.0) + w
        if country is not None:
            scores = {i: s for i, s in scores.items() if not elsewhere(i)}
        if not scores:
            return []
        if len(scores) > POOL:
            pool = heapq.nlargest(POOL, scores, key=scores.__getitem__)
            scores = {i: scores[i] for i in pool}
        if common:
            for i in scores:
                key_tokens = index.keys[i].split()
                scores[i] += sum(weights[t] for t in common if t in key_tokens)
        # weighted Jaccard-like normalisation so long names do not win by length
        for i, s in scores.items():
            if s < 10.0:
                scores[i] = s / (total + float(index.name_weight[i]) - min(s, total) + 1e-9)
    if len(scores) <= CANDIDATES:
        return sorted(scores, key=scores.__getitem__, reverse=True)
    return heapq.nlargest(CANDIDATES, scores, key=scores.__getitem__)


def _score(index: Index, rules: RuleSet, q: Profile, country: str | None = None) -> dict[int, tuple[float, int]]:
    """Best (score, name) per institution among the candidates (no explanations yet)."""
    best: dict[int, tuple[float, int]] = {}
    for name in _candidates(index, q, country):
        inst = index.name_inst[name]
        score = rules.score(q, index.profile(name))
        old = best.get(inst)
        if old is None or score > old[0]:
            best[inst] = (score, name)
    return best
