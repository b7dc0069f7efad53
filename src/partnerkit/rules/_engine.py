"""The rule engine: Decision, Comparison, Rule, RuleSet, Explanation."""

from __future__ import annotations

import enum
import math
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, ClassVar, TypeVar

import attrs

from partnerkit._errors import ConfigError
from partnerkit.rules._profile import Profile

__all__ = [
    "COMPARISONS",
    "Comparison",
    "Decision",
    "Explanation",
    "Rule",
    "RuleResult",
    "RuleSet",
    "Value",
    "comparison",
    "comparison_from_dict",
]

#: What a comparison returns: a similarity, a flag, a label, or None (does not apply).
Value = float | bool | str | None


class Decision(enum.StrEnum):
    """The outcome of comparing two names: the same institution, maybe, or not."""

    MATCH = "match"
    POSSIBLE = "possible"
    NON_MATCH = "non_match"


class Comparison:
    """A test on a pair of :class:`Profile` values. Subclasses are small frozen attrs classes.

    ``value(a, b)`` must be symmetric and return ``None`` when the test does not apply
    (e.g. no country on one side). ``describe(value)`` says in words what was found.
    """

    kind: ClassVar[str] = ""

    def value(self, a: Profile, b: Profile) -> Value:
        raise NotImplementedError

    def describe(self, value: Value) -> str:
        return f"{self.kind} = {value}"

    def to_dict(self) -> dict[str, Any]:
        """A plain dict: ``{"type": kind, **parameters}``; nested comparisons become dicts."""
        out: dict[str, Any] = {"type": self.kind}
        for f in attrs.fields(type(self)):  # type: ignore[arg-type]
            v = getattr(self, f.name)
            if isinstance(v, Comparison):
                out[f.name] = v.to_dict()
            elif isinstance(v, tuple):
                out[f.name] = [c.to_dict() if isinstance(c, Comparison) else c for c in v]
            elif v is not None:
                out[f.name] = v
        return out


C = TypeVar("C", bound=type[Comparison])

#: Every comparison type by its ``kind`` (the ``type`` in dicts and TOML).
COMPARISONS: dict[str, type[Comparison]] = {}


def comparison(kind: str) -> Callable[[C], C]:
    """Class decorator: register a comparison class under ``kind`` for dicts and TOML."""

    def register(cls: C) -> C:
        cls.kind = kind
        COMPARISONS[kind] = cls
        return cls

    return register


def comparison_from_dict(data: Mapping[str, Any], path: str = "comparison") -> Comparison:
    """Build a comparison from ``{"type": ..., **parameters}``.

    Raises:
        ConfigError: unknown type or parameter (``.path`` names it).
    """
    if not isinstance(data, Mapping) or "type" not in data:
        raise ConfigError("expected a table with a 'type'", path=path)
    kind = data["type"]
    cls = COMPARISONS.get(kind)
    if cls is None:
        known = ", ".join(sorted(COMPARISONS))
        raise ConfigError(f"unknown comparison {str(kind)[:40]!r} (known: {known})", path=f"{path}.type")
    params: dict[str, Any] = {}
    fields = {f.name: f for f in attrs.fields(cls)}  # type: ignore[arg-type]
    for key, given in data.items():
        if key == "type":
            continue
        if key not in fields:
            raise ConfigError(f"unknown parameter of {kind!r}", path=f"{path}.{key}")
        v: Any = given
        if isinstance(given, Mapping):
            v = comparison_from_dict(given, f"{path}.{key}")
        elif isinstance(given, list):
            v = tuple(
                comparison_from_dict(x, f"{path}.{key}[{i}]") if isinstance(x, Mapping) else x
                for i, x in enumerate(given)
            )
        params[key] = v
    try:
        return cls(**params)
    except (TypeError, ValueError) as exc:
        raise ConfigError(str(exc), path=path) from None


def _opt_decision(value: Decision | str | None) -> Decision | None:
    if value is None or isinstance(value, Decision):
        return value
    try:
        return Decision(value)
    except ValueError:
        raise ConfigError(f"decision {str(value)[:30]!r} is not one of match, possible, non_match") from None


@attrs.frozen(kw_only=True)
class Rule:
    """A named test that either decides or adds evidence.

    The rule *fires* when its comparison applies (value not ``None``) and the value
    passes the condition: ``equals`` (the value must equal it), ``at_least`` (a number
    at least this), or neither (the value is true). A firing rule with a ``decision``
    ends the comparison with that decision; otherwise it adds ``weight`` (log-odds) to
    the score. Of the rules sharing a ``group``, only the first that fires counts, so
    levels of one similarity (0.95, 0.9, 0.8) are written as ordered rules of a group.

    Example:
        >>> from partnerkit.rules import Rule, TokenSort
        >>> Rule(name="similar", comparison=TokenSort(), at_least=0.9, weight=3.0).name
        'similar'
    """

    name: str
    comparison: Comparison
    description: str = ""
    equals: bool | str | None = None
    at_least: float | None = None
    decision: Decision | None = attrs.field(default=None, converter=_opt_decision)
    weight: float | None = None
    group: str | None = None

    def __attrs_post_init__(self) -> None:
        if (self.decision is None) == (self.weight is None):
            raise ConfigError(f"rule {self.name!r}: give exactly one of decision or weight")
        if self.decision is Decision.POSSIBLE:
            raise ConfigError(f"rule {self.name!r}: a rule decides match or non_match, not possible")

    def fires(self, value: Value) -> bool:
        """Whether ``value`` (of this rule's comparison) makes the rule fire."""
        if value is None:
            return False
        if self.equals is not None:
            return value == self.equals
        if self.at_least is not None:
            return not isinstance(value, str) and float(value) >= self.at_least
        return bool(value)

    def to_dict(self) -> dict[str, Any]:
        """A plain, TOML-ready dict (``None`` fields left out)."""
        out: dict[str, Any] = {"name": self.name}
        if self.description:
            out["description"] = self.description
        out["comparison"] = self.comparison.to_dict()
        for key in ("equals", "at_least", "weight", "group"):
            v = getattr(self, key)
            if v is not None:
                out[key] = v
        if self.decision is not None:
            out["decision"] = self.decision.value
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], path: str = "rule") -> Rule:
        """The inverse of :meth:`to_dict`.

        Raises:
            ConfigError: a missing or unknown field (``.path`` names it).
        """
        if not isinstance(data, Mapping):
            raise ConfigError("expected a table", path=path)
        allowed = {"name", "description", "comparison", "equals", "at_least", "decision", "weight", "group"}
        for key in data:
            if key not in allowed:
                raise ConfigError("unknown field of a rule", path=f"{path}.{key}")
        for key in ("name", "comparison"):
            if key not in data:
                raise ConfigError("missing", path=f"{path}.{key}")
        fields = {k: v for k, v in data.items() if k != "comparison"}
        try:
            return cls(comparison=comparison_from_dict(data["comparison"], f"{path}.comparison"), **fields)
        except ConfigError as exc:
            if exc.path is None:
                raise ConfigError(str(exc), path=path) from None
            raise
        except (TypeError, ValueError) as exc:
            raise ConfigError(str(exc), path=path) from None


@attrs.frozen
class RuleResult:
    """One rule that fired: its name, the comparison's value, and what it did.

    Attributes:
        rule: the rule's name.
        value: the comparison's value.
        weight: the weight added to the score (``None`` for a deciding rule).
        decision: the decision it made (``None`` for a weighing rule).
        text: the comparison's description of the value, in words.
    """

    rule: str
    value: float | bool | str
    weight: float | None
    decision: Decision | None
    text: str

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"rule": self.rule, "value": self.value, "text": self.text}
        if self.weight is not None:
            out["weight"] = self.weight
        if self.decision is not None:
            out["decision"] = self.decision.value
        return out


@attrs.frozen
class Explanation:
    """Why a pair got its decision: the rules that fired, in order, and the score.

    Iterate over it for :class:`RuleResult` values; ``str()`` gives a paragraph;
    :meth:`to_dict` a JSON-safe dict.
    """

    decision: Decision
    score: float
    results: tuple[RuleResult, ...] = ()
    left: str = ""
    right: str = ""
    notes: tuple[str, ...] = ()

    def __iter__(self) -> Iterator[RuleResult]:
        return iter(self.results)

    def __len__(self) -> int:
        return len(self.results)

    def with_note(self, note: str, decision: Decision | None = None) -> Explanation:
        """A copy with a note appended (and the decision changed, if given)."""
        return attrs.evolve(self, notes=(*self.notes, note), decision=decision or self.decision)

    def __str__(self) -> str:
        head = f"{self.decision.value.upper()} (score {self.score:.2f})"
        if self.left or self.right:
            head += f" for {self.left!r} vs {self.right!r}"
        parts = []
        for r in self.results:
            if r.decision is not None:
                parts.append(f"{r.rule}: {r.text} -> {r.decision.value}")
            else:
                parts.append(f"{r.rule}: {r.text} ({r.weight:+g})")
        body = "; ".join(parts) if parts else "no rule fired"
        notes = "".join(f" {n}" for n in self.notes)
        return f"{head}: {body}.{notes}"

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe: decision, score, the rules that fired (a list of dicts), and notes."""
        return {
            "decision": self.decision.value,
            "score": round(self.score, 4),
            "left": self.left,
            "right": self.right,
            "rules": [r.to_dict() for r in self.results],
            "notes": list(self.notes),
        }


_UNSET: Any = object()
_PLANS: dict[int, tuple[RuleSet, tuple[list[tuple[Rule, int]], int]]] = {}


def _rules_tuple(rules: Iterable[Rule]) -> tuple[Rule, ...]:
    return tuple(rules)


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, x))))


@attrs.frozen(kw_only=True)
class RuleSet:
    """An ordered list of rules and the thresholds that turn a score into a decision.

    Rules run in order. The first firing rule with a decision ends the run. Otherwise the
    weights of the firing rules are summed with ``bias`` (log-odds) and squashed to a
    score in 0..1: ``score >= match`` is MATCH, ``score >= possible`` POSSIBLE, else
    NON_MATCH.

    Example:
        >>> from partnerkit.rules import default_rules, Profile
        >>> rules = default_rules()
        >>> rules.compare(Profile.from_name("ITMO Univ."), Profile.from_name("ITMO University")).decision
        <Decision.MATCH: 'match'>
    """

    rules: tuple[Rule, ...] = attrs.field(converter=_rules_tuple)
    bias: float = -3.0
    match: float = 0.95
    possible: float = 0.5

    def __attrs_post_init__(self) -> None:
        if not 0.0 < self.possible <= self.match <= 1.0:
            raise ConfigError("thresholds must satisfy 0 < possible <= match <= 1", path="thresholds")
        names = [r.name for r in self.rules]
        if len(set(names)) != len(names):
            raise ConfigError("rule names must be unique", path="rules")

    def decide(self, score: float) -> Decision:
        """The decision for a score."""
        if score >= self.match:
            return Decision.MATCH
        if score >= self.possible:
            return Decision.POSSIBLE
        return Decision.NON_MATCH

    def compare(self, a: Profile, b: Profile) -> Explanation:
        """Run the rules on the pair and explain the outcome."""
        results: list[RuleResult] = []
        decided, total = self._run(a, b, results)
        if decided is not None:
            score = 1.0 if decided is Decision.MATCH else 0.0
            return Explanation(decided, score, tuple(results), a.text, b.text)
        score = _sigmoid(total)
        return Explanation(self.decide(score), score, tuple(results), a.text, b.text)

    def score(self, a: Profile, b: Profile) -> float:
        """The score :meth:`compare` gives the pair (1.0 / 0.0 for a deciding rule), without the explanation.

        The fast path for ranking many candidates; explain only the ones you keep.
        """
        decided, total = self._run(a, b, None)
        if decided is not None:
            return 1.0 if decided is Decision.MATCH else 0.0
        return _sigmoid(total)

    def _run(self, a: Profile, b: Profile, results: list[RuleResult] | None) -> tuple[Decision | None, float]:
        """Apply the rules in order: the deciding rule that fired (or None) and the summed weights.

        With ``results``, each rule that fired is appended to it with its description;
        without, nothing is described (the fast path of :meth:`score`).
        """
        plan, n_comparisons = self._plan
        values: list[Value] = [_UNSET] * n_comparisons
        total = self.bias
        seen_groups: set[str] = set()
        for rule, slot in plan:
            group = rule.group
            if group is not None and group in seen_groups:
                continue
            value = values[slot]
            if value is _UNSET:
                value = values[slot] = rule.comparison.value(a, b)
            if value is None or not rule.fires(value):
                continue
            if rule.decision is not None:
                if results is not None:
                    results.append(RuleResult(rule.name, value, None, rule.decision, rule.comparison.describe(value)))
                return rule.decision, total
            if group is not None:
                seen_groups.add(group)
            weight = rule.weight or 0.0
            total += weight
            if results is not None:
                results.append(RuleResult(rule.name, value, weight, None, rule.comparison.describe(value)))
        return None, total

    @property
    def _plan(self) -> tuple[list[tuple[Rule, int]], int]:
        """Rules with the slot of their comparison (rules sharing a comparison share its value)."""
        cached = _PLANS.get(id(self))
        if cached is not None and cached[0] is self:
            return cached[1]
        slots: dict[int, int] = {}
        plan = [(r, slots.setdefault(id(r.comparison), len(slots))) for r in self.rules]
        if len(_PLANS) > 64:
            _PLANS.clear()
        _PLANS[id(self)] = (self, (plan, len(slots)))
        return plan, len(slots)

    # --- editing: rule sets are values; these return new ones ---------------------

    def replace(self, name: str, rule: Rule) -> RuleSet:
        """A copy with the rule called ``name`` replaced by ``rule``."""
        if name not in self.names():
            raise KeyError(name)
        return attrs.evolve(self, rules=tuple(rule if r.name == name else r for r in self.rules))

    def without(self, *names: str) -> RuleSet:
        """A copy without the named rules."""
        return attrs.evolve(self, rules=tuple(r for r in self.rules if r.name not in names))

    def with_rules(self, *rules: Rule, before: str | None = None) -> RuleSet:
        """A copy with ``rules`` added at the end, or before the rule called ``before``."""
        if before is None:
            return attrs.evolve(self, rules=(*self.rules, *rules))
        i = self.names().index(before)
        return attrs.evolve(self, rules=(*self.rules[:i], *rules, *self.rules[i:]))

    def names(self) -> list[str]:
        return [r.name for r in self.rules]

    def __getitem__(self, name: str) -> Rule:
        for r in self.rules:
            if r.name == name:
                return r
        raise KeyError(name)

    # --- dicts and TOML ------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """A plain dict: thresholds and the list of rules."""
        return {
            "thresholds": {"bias": self.bias, "match": self.match, "possible": self.possible},
            "rules": [r.to_dict() for r in self.rules],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> RuleSet:
        """The inverse of :meth:`to_dict`.

        Raises:
            ConfigError: anything malformed, with ``.path`` naming where.
        """
        if not isinstance(data, Mapping):
            raise ConfigError("a rule set is a table")
        for key in data:
            if key not in ("thresholds", "rules"):
                raise ConfigError("unknown top-level key (expected thresholds, rules)", path=key)
        thresholds = data.get("thresholds", {})
        for key in thresholds:
            if key not in ("bias", "match", "possible"):
                raise ConfigError("unknown threshold", path=f"thresholds.{key}")
        rules = data.get("rules", [])
        if not isinstance(rules, Sequence):
            raise ConfigError("expected a list of tables", path="rules")
        built = [Rule.from_dict(r, f"rules[{i}]") for i, r in enumerate(rules)]
        return cls(rules=built, **{k: float(v) for k, v in thresholds.items()})

    def to_toml(self) -> str:
        """The rule set as TOML text (loadable with :meth:`from_toml`)."""
        from partnerkit.rules._toml import dumps

        return dumps(self.to_dict())

    @classmethod
    def from_toml(cls, text: str) -> RuleSet:
        """Parse TOML text into a rule set.

        Raises:
            ConfigError: invalid TOML or an invalid rule set.
        """
        import tomllib

        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"invalid TOML: {exc}") from None
        return cls.from_dict(data)

    @classmethod
    def load(cls, path: str | Any) -> RuleSet:
        """Read a rule set from a TOML file.

        Raises:
            ConfigError: unreadable file or invalid rule set; the message names the file.
        """
        from pathlib import Path

        p = Path(path)
        try:
            text = p.read_text("utf-8")
        except OSError as exc:
            raise ConfigError(f"{p}: cannot read ({exc.strerror})") from None
        except UnicodeDecodeError as exc:  # a binary file (a saved registry, a zip) given as rules
            raise ConfigError(
                f"{p}: not a TOML rule set (byte {exc.start + 1} is not UTF-8; rule files are UTF-8 TOML)"
            ) from None
        try:
            return cls.from_toml(text)
        except ConfigError as exc:
            raise ConfigError(f"{p}: {exc}") from None

    def save(self, path: str | Any) -> None:
        """Write the rule set to a TOML file."""
        from pathlib import Path

        Path(path).write_text(self.to_toml(), "utf-8")
