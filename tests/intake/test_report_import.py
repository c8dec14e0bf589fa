"""An inventory sheet goes out as XLSX and comes back in through the engine, cell by cell."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from isassist.cli import cli
from isassist.dossier import Dossier
from isassist.intake.inventory import InventoryImportError, import_inventory
from isassist.interview.adapters import live_services
from isassist.interview.engine import Interview
from isassist.interview.loader import shipped_dialog
from isassist.knowledge import get_knowledge
from isassist.paths import data_dir
from isassist.report import render_report
from isassist.report.inventory import COLUMN_BY_KEY, inventory_row

# what the company filled in; "missing" and "id" depend on the interview, not the sheet
COMPARED = [k for k in COLUMN_BY_KEY if k not in ("id", "missing")]


@pytest.fixture(scope="module")
def dossier(brewery_dossier: Dossier) -> Dossier:
    return brewery_dossier


def _sheet(dossier: Dossier, folder: Path, lang: str = "nl") -> Path:
    data = render_report(dossier, "xlsx", lang)
    assert isinstance(data, bytes)
    path = folder / f"inventory_{lang}.xlsx"
    path.write_bytes(data)
    return path


def _rows(dossier: Dossier) -> list[dict[str, object]]:
    dialog, knowledge = shipped_dialog(), get_knowledge()
    rows = [inventory_row(dossier, s, dialog, knowledge, "nl") for s in dossier.streams]
    return [{k: row[k] for k in COMPARED} for row in rows]


@pytest.mark.parametrize(
    ("sheet_lang", "interview_lang"), [("nl", "nl"), ("en", "nl"), ("en", "en")]
)
def test_round_trip_restores_the_inventory(
    dossier: Dossier, tmp_path: Path, sheet_lang: str, interview_lang: str
) -> None:
    path = _sheet(dossier, tmp_path, sheet_lang)
    interview = Interview.start(shipped_dialog(), live_services(), language=interview_lang)
    result = import_inventory(path, interview)
    assert result.streams_added == ["s1"]
    assert result.answers >= 11  # the gate fee is not asked when the yearly cost is known
    restored = interview.dossier()
    assert _rows(restored) == _rows(dossier)
    assert restored.streams[0].properties["current_cost_eur_per_year"] == 13579
    assert restored.streams[0].tonnes_per_year == 230


def test_import_into_an_existing_interview_updates_its_stream(
    dossier: Dossier, tmp_path: Path
) -> None:
    book = load_workbook(_sheet(dossier, tmp_path))
    sheet = book.active
    assert isinstance(sheet, Worksheet)
    sheet["N2"] = "maandelijks"  # frequency
    book.save(tmp_path / "changed.xlsx")
    interview = Interview.start(shipped_dialog(), live_services())
    import_inventory(tmp_path / "inventory_nl.xlsx", interview)
    result = import_inventory(tmp_path / "changed.xlsx", interview)
    assert result.streams_added == []
    assert [s.name for s in interview.dossier().streams] == ["bostel"]
    assert interview.dossier().streams[0].properties["frequency"] == "monthly"


def test_every_bad_cell_is_named_and_nothing_is_stored(dossier: Dossier, tmp_path: Path) -> None:
    book = load_workbook(_sheet(dossier, tmp_path))
    sheet = book.active
    assert sheet is not None
    sheet["N2"] = "soms"  # frequency: not an option
    sheet["D2"] = "99 99 99"  # EWC: no such code
    sheet["K2"] = "veel"  # quantity: no number
    sheet["C3"] = "warmte"  # a row with a kind but no stream name
    book.save(tmp_path / "bad.xlsx")
    interview = Interview.start(shipped_dialog(), live_services())
    before = len(interview.log)
    with pytest.raises(InventoryImportError) as caught:
        import_inventory(tmp_path / "bad.xlsx", interview)
    problems = caught.value.problems
    assert len(problems) == 4
    where = [p.split(":")[0] for p in problems]
    assert "blad 'Inventaris', rij 2, kolom N (Frequentie)" in where
    assert "blad 'Inventaris', rij 2, kolom D (EWC-code(s))" in where
    assert "blad 'Inventaris', rij 2, kolom K (Hoeveelheid per jaar)" in where
    assert "blad 'Inventaris', rij 3, kolom B (Stroom)" in where
    assert all("Bijvoorbeeld" in p for p in problems)
    assert len(interview.log) == before
    assert interview.dossier().streams == []


def test_a_file_that_is_no_workbook_gets_a_message(tmp_path: Path) -> None:
    path = tmp_path / "inventory.xlsx"
    path.write_text("naam;hoeveelheid\nbostel;200\n", encoding="utf-8")
    interview = Interview.start(shipped_dialog(), live_services(), language="en")
    with pytest.raises(InventoryImportError) as caught:
        import_inventory(path, interview)
    assert "not a readable Excel workbook" in caught.value.problems[0]


def test_cli_report_and_import_round_trip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ISASSIST_DATA_DIR", str(tmp_path / "data"))
    runner = CliRunner()
    replay = data_dir("dialogs") / "replays" / "01_brewery_spent_grain_nl.yaml"
    assert runner.invoke(cli, ["replay", "--save", str(replay)]).exit_code == 0
    listed = json.loads(runner.invoke(cli, ["interviews", "list", "--json"]).output)
    interview_id = listed[0]["id"]

    out = tmp_path / "report.xlsx"
    done = runner.invoke(cli, ["report", interview_id, "-o", str(out)])
    assert done.exit_code == 0, done.output
    html = runner.invoke(cli, ["report", interview_id, "--format", "html", "--lang", "en"])
    assert html.exit_code == 0 and "<svg" in html.output and "Residual stream report" in html.output

    needs_file = runner.invoke(cli, ["report", interview_id, "--format", "xlsx"])
    assert needs_file.exit_code == 1 and "-o report.xlsx" in needs_file.output
    unknown = runner.invoke(cli, ["report", "iv-nope"])
    assert unknown.exit_code == 1 and "iv-nope" in unknown.output

    added = runner.invoke(cli, ["import-inventory", str(out)])
    assert added.exit_code == 0, added.output
    assert "1 new stream(s)" in added.output
    again = runner.invoke(cli, ["import-inventory", str(out), "--interview", interview_id])
    assert again.exit_code == 0 and "0 new stream(s)" in again.output
    missing = runner.invoke(cli, ["import-inventory", str(tmp_path / "nope.xlsx")])
    assert missing.exit_code == 1 and "no such file" in missing.output
