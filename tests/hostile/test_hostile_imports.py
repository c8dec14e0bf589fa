"""Imports are all or nothing and bounded (issue 15 points 1 and 4): a refused or interrupted
import leaves the store as it was, and hostile files are refused early with a message."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hostile_inputs import big_sheet, inventory_sheet, latin1_csv, zip_bomb

from isassist.cli import cli
from isassist.intake import inventory as importer
from isassist.store import Store


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "data"
    monkeypatch.setenv("ISASSIST_DATA_DIR", str(home))
    return home


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def _interviews() -> int:
    with Store() as store:
        return len(store.list_interviews())


def test_duplicate_stream_names_are_refused_with_both_rows(data_home: Path, tmp_path: Path) -> None:
    sheet = inventory_sheet(tmp_path / "dup.xlsx", 5, duplicate=True)
    code, output = _run("import-inventory", str(sheet))
    assert code == 1
    assert "rijen 2 en 6" in output and "stroom 1" in output
    assert _interviews() == 0  # no empty "inventory dup.xlsx" interview


def test_a_valid_sheet_goes_in_whole(data_home: Path, tmp_path: Path) -> None:
    sheet = inventory_sheet(tmp_path / "inv.xlsx", 40)
    code, output = _run("import-inventory", str(sheet))
    assert code == 0, output
    assert "40 new stream(s)" in output
    listed = json.loads(_run("interviews", "list", "--json")[1])
    shown = json.loads(_run("interviews", "show", listed[0]["id"])[1])
    assert len(shown["streams"]) == 40


def test_an_interrupted_import_leaves_nothing(
    data_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sheet = inventory_sheet(tmp_path / "inv.xlsx", 20)
    original = Store._insert_events

    def interrupted(self: Store, conn: object, *args: object) -> None:
        original(self, conn, *args)  # type: ignore[arg-type]
        raise KeyboardInterrupt  # Ctrl-C after the rows were written, before the commit

    monkeypatch.setattr(Store, "_insert_events", interrupted)
    result = CliRunner().invoke(cli, ["import-inventory", str(sheet)])
    assert result.exit_code == 1 and "Aborted" in result.output  # click's answer to Ctrl-C
    monkeypatch.undo()
    monkeypatch.setenv("ISASSIST_DATA_DIR", str(data_home))
    assert _interviews() == 0


def test_a_zip_bomb_is_refused_before_it_is_unpacked(data_home: Path, tmp_path: Path) -> None:
    template = inventory_sheet(tmp_path / "template.xlsx", 1)
    bomb = zip_bomb(tmp_path / "bomb.xlsx", template, megabytes=200)
    assert bomb.stat().st_size < 2_000_000
    code, output = _run("import-inventory", str(bomb))
    assert code == 1
    assert f"{importer.MAX_UNCOMPRESSED_BYTES:,}" in output
    assert _interviews() == 0


def test_a_sheet_over_the_row_limit_is_refused_while_streaming(
    data_home: Path, tmp_path: Path
) -> None:
    template = inventory_sheet(tmp_path / "template.xlsx", 1)
    big = big_sheet(tmp_path / "big.xlsx", template, importer.MAX_ROWS + 50)
    code, output = _run("import-inventory", str(big))
    assert code == 1
    assert f"{importer.MAX_ROWS:,}" in output
    assert _interviews() == 0


def test_a_windows_1252_csv_is_read_with_a_note(data_home: Path, tmp_path: Path) -> None:
    code, output = _run("register", "import", str(latin1_csv(tmp_path / "excel.csv")))
    assert code == 0, output
    assert "Windows-1252" in output
    listed = _run("register", "list")[1]
    assert "Brasserie Café" in listed and "drêf" in listed


@pytest.mark.parametrize("amount", ["inf", "nan", "1e999", "-inf"])
def test_infinite_amounts_are_refused_at_the_door(
    data_home: Path, tmp_path: Path, amount: str
) -> None:
    csv = tmp_path / "inf.csv"
    csv.write_text(f"company,side,name,families,amount_per_year\nX,have,hout,wood,{amount}\n")
    code, output = _run("register", "import", str(csv))
    assert code == 1 and "finite" in output
    code, output = _run("register", "add-want", "Y", "hout", "--family", "wood", "--amount", amount)
    assert code == 1 and "finite" in output
    assert "] Y (" not in _run("register", "list")[1]


def test_match_json_is_strict_json(data_home: Path, tmp_path: Path) -> None:
    csv = tmp_path / "ok.csv"
    csv.write_text(
        "company,nace,postcode,side,name,families,amount_per_year,market_price_eur_per_t\n"
        "A,11.05,9000,have,bostel,spent_grain,3000,\n"
        "B,01.41,9800,want,voeder,spent_grain,500,120\n"
    )
    assert _run("register", "import", str(csv))[0] == 0
    code, output = _run("match", "A", "--json")
    assert code == 0, output
    json.loads(output, parse_constant=lambda c: (_ for _ in ()).throw(AssertionError(c)))


@pytest.mark.parametrize(
    "document",
    [
        {"format": "isassist.register", "companies": {"a": 1}},
        {"format": "isassist.register", "companies": [1, 2]},
        {"format": "isassist.register", "companies": [{"name": "Q", "streams": "x"}]},
        [1, 2, 3],
    ],
)
def test_register_json_of_the_wrong_shape_gets_a_message(
    data_home: Path, tmp_path: Path, document: object
) -> None:
    path = tmp_path / "register.json"
    path.write_text(json.dumps(document))
    code, output = _run("register", "import", str(path))
    assert code == 1
    assert "Traceback" not in output and ("must be" in output or "unknown JSON" in output)


def test_codes_must_exist(data_home: Path, tmp_path: Path) -> None:
    csv = tmp_path / "codes.csv"
    csv.write_text(
        "company,nace,postcode,side,name,ewc\n"
        "A,99.99,9000,have,x,170101\nB,11.05,0000,have,y,170101\nC,11.05,9000,have,z,999999\n"
    )
    code, output = _run("register", "import", str(csv))
    assert code == 1
    assert "99.99" in output and "0000" in output and "999999" in output
    assert "0 companies" in _run("register", "list")[1]


def test_a_refused_want_creates_no_company(data_home: Path) -> None:
    code, output = _run(
        "register", "add-want", "NewCo", "zand", "--ewc", "999999", "--nace", "10.91"
    )
    assert code == 1 and "999999" in output
    assert "NewCo" not in _run("register", "list")[1]


def test_an_opportunity_cannot_be_opened_twice(data_home: Path, tmp_path: Path) -> None:
    csv = tmp_path / "ok.csv"
    csv.write_text(
        "company,nace,postcode,side,name,families,amount_per_year\n"
        "A,11.05,9000,have,bostel,spent_grain,3000\nB,01.41,9800,want,voeder,spent_grain,500\n"
    )
    assert _run("register", "import", str(csv))[0] == 0
    assert _run("register", "open", "1", "2")[0] == 0
    code, output = _run("register", "open", "1", "2")
    assert code == 1 and "already" in output
    assert "1 opportunities" in _run("register", "list")[1]
