"""The example plugin passes partnerkit's conformance kit (this is how a plugin tests itself)."""

from __future__ import annotations

from pathlib import Path

import pytest

import partnerkit as pk
from partnerkit.testing import SourceConformance
from partnerkit_example import AgreementRegister

REGISTER = """# date | kind | parties
2021-04-27 | agreement | HUST ; ITMO University
2022-01 | double_degree | Tsinghua University ; Saint Petersburg State University
2023-02-30 | mou | A ; B
"""


@pytest.fixture
def register(tmp_path: Path) -> Path:
    path = tmp_path / "register.txt"
    path.write_text(REGISTER, encoding="utf-8")
    return path


class TestAgreementRegister(SourceConformance):
    source_class = AgreementRegister
    bad_config = ({"path": "register.csv"}, "config.path")

    @pytest.fixture
    def source_config(self, register: Path) -> dict[str, str]:
        return {"path": str(register)}


def test_reads_the_register_and_reports_bad_lines(register: Path) -> None:
    source = pk.open_source("example", path=str(register))
    deals = [item.record for item in source.read()]
    assert [(str(d.date), d.kind.value, [p.name for p in d.parties]) for d in deals] == [
        ("2021-04-27", "agreement", ["HUST", "ITMO University"]),
        ("2022-01", "double_degree", ["Tsinghua University", "Saint Petersburg State University"]),
    ]
    (error,) = source.summary.errors
    assert (error.row, error.field) == (4, "date")


def test_second_read_yields_only_new_lines(register: Path) -> None:
    first = pk.open_source("example", path=str(register))
    list(first.read())
    with register.open("a", encoding="utf-8") as fh:
        fh.write("2024-05-01 | exchange | ITMO University ; KTH\n")
    second = pk.open_source("example", path=str(register))
    assert [str(i.record.date) for i in second.read(state=first.state)] == ["2024-05-01"]
    assert second.state == {"lines": 5}


def test_a_line_that_is_not_utf8_is_one_bad_line(register: Path) -> None:
    with register.open("ab") as fh:
        fh.write("2024-05-01 | exchange | Universität Wien ; KTH\n".encode("latin-1"))
        fh.write(b"2024-06-01 | exchange | ITMO University ; KTH\n")
    source = pk.open_source("example", path=str(register))
    assert [str(i.record.date) for i in source.read()] == ["2021-04-27", "2022-01", "2024-06-01"]
    assert [(e.row, e.reason) for e in source.summary.errors][-1] == (
        5,
        "not valid UTF-8 (invalid continuation byte); save the register as UTF-8",
    )
