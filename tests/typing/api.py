"""Public usage that must type-check under ``mypy --strict`` (checked in CI, not run).

If a change to the public API breaks a line here, users' type-checked code breaks too.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

import partnerkit as pk
from partnerkit.rules import RuleSet, default_rules


def model_and_codec() -> pk.Partnership:
    inst: pk.Institution = pk.Institution(id="itmo", name="ITMO University", country="RU", acronyms=("ITMO",))
    names: list[pk.Name] = list(inst.names())
    assert names[0].type is pk.NameType.DISPLAY
    deal = pk.Partnership(
        kind=pk.PartnershipKind.MOU,
        parties=(pk.Party("HUST"), pk.Party("ITMO University", institution_id=inst.id)),
        status=pk.Status.SIGNED,
        date="2021-04-27",
        location=pk.Location(city="Brussels", country="BE"),
        evidence=(pk.Evidence(quote="They signed an MoU."),),
    )
    when: pk.PartialDate | None = deal.date
    assert when is not None
    assert when.precision == "day"
    data: dict[str, object] = pk.to_dict(deal)
    again: pk.Partnership = pk.from_dict(pk.Partnership, data)
    buf = io.StringIO()
    count: int = pk.dump_jsonl([again], buf)
    buf.seek(0)
    loaded: Iterator[pk.Partnership] = pk.load_jsonl(pk.Partnership, buf)
    assert count == len(list(loaded))
    code: str = pk.country_code("Россия")
    assert code == "RU"
    return again


def matching(institutions: list[pk.Institution]) -> None:
    reg = pk.Registry(institutions)
    results: list[pk.Match] = reg.match("Univ. ITMO", country=None, limit=5)
    for m in results:
        inst: pk.Institution = m.institution
        score: float = m.score
        decision: pk.Decision = m.decision
        why: str = str(m.explanation)
        assert inst.id
        assert 0 <= score <= 1
        assert decision in pk.Decision
        assert why
    batches: Iterator[list[pk.Match]] = reg.match_many(["ITMO", "HUST"], limit=3)
    assert next(batches) is not None
    explanation: pk.Explanation = pk.compare("ITMO University", "Университет ИТМО")
    assert explanation.decision in pk.Decision
    clusters: list[pk.Cluster] = pk.dedupe(["ITMO University", "ITMO Univ."], registry=reg)
    for c in clusters:
        canonical: str = c.canonical
        members: tuple[str, ...] | list[str] = c.members
        assert canonical
        assert members
    rules: RuleSet = default_rules()
    assert reg.with_rules(rules) is not reg
    normal: str = pk.normalize_name("St. Petersburg State Univ.")
    assert normal


def extraction(reg: pk.Registry) -> list[pk.Partnership]:
    result: pk.Extraction = pk.extract(
        "ITMO University and HUST signed an agreement.", published="2021-05-03", registry=reg
    )
    mentions: tuple[pk.Mention, ...] | list[pk.Mention] = result.mentions
    assert all(m.end >= m.start for m in mentions)
    return pk.merge_partnerships(list(result.partnerships), registry=reg)


def sources() -> None:
    infos = pk.sources()
    for name, info in infos.items():
        status: str = info.status
        assert name
        assert status in ("loaded", "failed")
    src = pk.open_source("jsonl", path="examples/institutions.jsonl")
    for item in src.read(state=None):
        provenance: pk.Provenance = item.provenance
        assert provenance.source
    assert src.state is None or isinstance(src.state, dict)


def errors() -> None:
    try:
        pk.from_dict(pk.Institution, {"id": "x", "name": "X", "country": "Atlantis"})
    except pk.RecordError as exc:
        field: str | None = exc.field
        assert field == "country"
    except pk.PartnerkitError:
        raise


def store() -> None:
    with pk.Store(":memory:") as db:
        report = db.add(pk.load_jsonl(pk.Institution, "examples/institutions.jsonl"), batch_size=100)
        added: int = report.added
        assert added >= 0
        found: list[pk.Partnership] = list(
            db.partnerships(institution="itmo", partner="hust", kind="mou", since="2020", until="2021-04", country="RU")
        )
        assert not found
        registry: pk.Registry = db.registry()
        assert len(registry) == db.counts()["institutions"]
        db.set_state("rss", {"etag": "x"})
        state: object = db.state("rss")
        assert state == {"etag": "x"}
        db.export(io.StringIO(), format="graphml")
