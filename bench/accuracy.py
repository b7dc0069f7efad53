"""Held-out-name accuracy on the ROR records in ../shared/data/ror-records.

For each institution, each alias, label and acronym is a query against a registry in
which that one name is held out (folds: the k-th non-display name of every institution
is held out in fold k). Prints precision and recall of MATCH decisions and top-1 accuracy.

Usage: python bench/accuracy.py [MAX_RECORDS=50000] [--country]   (--country passes the country hint)
"""

from __future__ import annotations

import sys
import time

import attrs
from _data import ror_institutions

import partnerkit as pk


def _without(inst: pk.Institution, value: str) -> pk.Institution:
    return attrs.evolve(
        inst,
        aliases=tuple(a for a in inst.aliases if a != value),
        acronyms=tuple(a for a in inst.acronyms if a != value),
        labels={k: v for k, v in inst.labels.items() if v != value},
    )


def main() -> None:
    limit = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 50_000
    hint = "--country" in sys.argv
    insts = ror_institutions()[:limit]
    if not insts:
        sys.exit("../shared/data/ror-records is absent")
    alternates = {i.id: [n.value for n in i.names() if n.type is not pk.NameType.DISPLAY and n.value != i.name]
                  for i in insts}  # fmt: skip
    folds = max((len(v) for v in alternates.values()), default=0)
    n = tp = fp = top1 = possible = 0
    t0 = time.perf_counter()
    for k in range(folds):
        held = {i.id: alternates[i.id][k] for i in insts if len(alternates[i.id]) > k}
        reg = pk.Registry([_without(i, held[i.id]) if i.id in held else i for i in insts])
        for inst_id, query in held.items():
            country = reg.get(inst_id).country if hint else None  # type: ignore[union-attr]
            found = reg.match(query, country, limit=5)
            n += 1
            if found and found[0].institution.id == inst_id:
                top1 += 1
            for m in found:
                if m.decision is pk.Decision.MATCH:
                    if m.institution.id == inst_id:
                        tp += 1
                    else:
                        fp += 1
            if found and found[0].decision is pk.Decision.POSSIBLE:
                possible += 1
        print(f"fold {k + 1}/{folds}: {len(held)} queries, {time.perf_counter() - t0:.0f}s", flush=True)
    precision = tp / (tp + fp) if tp + fp else 1.0
    print(f"records {len(insts)}, queries {n}, country hint: {hint}")
    print(f"MATCH precision {precision:.3f}  recall {tp / n:.3f}  top-1 accuracy {top1 / n:.3f}"
          f"  (top result POSSIBLE for {possible / n:.3f})")  # fmt: skip


if __name__ == "__main__":
    main()
