"""The register commands as a broker types them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from isassist.cli import cli
from isassist.register.texts import family_label


@pytest.fixture
def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'r.sqlite3'}"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def test_demo_register_fills_a_register_that_lists_and_matches(db: str) -> None:
    code, out = run("demo-register", "--companies", "60", "--db", db)
    assert code == 0 and "Added 60 companies" in out
    code, out = run("register", "list", "--db", db)
    assert out.startswith("60 companies")
    code, out = run("match", "--all", "--json", "--db", db)
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]  # JSON Lines, streamed
    found = [line for line in lines if line["type"] == "opportunity"]
    assert found and all(m["reason"]["nl"] and m["reason"]["en"] for m in found)
    assert lines[-1]["type"] == "summary" and lines[-1]["opportunities"] == len(found)
    pairs = [
        (m["supply"]["company_id"], m["demand"]["company_id"], m["supply"]["stream_id"])
        for m in found
    ]
    assert len(pairs) == len(set(pairs))  # one line per opportunity


def test_add_want_creates_the_company_and_network_finds_it(db: str) -> None:
    code, out = run(
        "register",
        "add-want",
        "Serre Lochristi",
        "warmte",
        "--kind",
        "heat",
        "--temperature",
        "60",
        "--postcode",
        "9080",
        "--nace",
        "01.13",
        "--db",
        db,
    )
    assert code == 0, out
    assert "[heat]" in out
    code, out = run("network", "serre lochristi", "--json", "--db", db)
    assert code == 0 and json.loads(out)["company"] == "Serre Lochristi"


def test_import_csv_refuses_a_bad_row_with_line_and_column(db: str, tmp_path: Path) -> None:
    sheet = tmp_path / "register.csv"
    sheet.write_text(
        "company,postcode,side,name,families,amount_per_year\n"
        "Brouwerij Gent,9000,have,bostel,spent_grain,800\n"
        "Veevoeder Eeklo,9900,wnt,voeder,spent_grain,500\n",
        encoding="utf-8",
    )
    code, out = run("register", "import", str(sheet), "--db", db)
    assert code != 0
    assert "register.csv:3: column side" in out
    code, out = run("register", "list", "--db", db)
    assert out.startswith("0 companies")
    sheet.write_text(sheet.read_text(encoding="utf-8").replace(",wnt,", ",want,"), "utf-8")
    code, out = run("register", "import", str(sheet), "--db", db)
    assert code == 0 and "2 companies and 2 streams" in out
    code, out = run("match", "Brouwerij Gent", "--lang", "en", "--db", db)
    grain = family_label("spent_grain", "en")
    assert "Veevoeder Eeklo" in out and f"Same material: {grain}." in out
    assert "direct use" not in out and "spent_grain" not in out


def test_match_needs_a_company_or_all(db: str) -> None:
    code, out = run("match", "--db", db)
    assert code == 2 and "--all" in out
    code, out = run("match", "Nobody", "--db", db)
    assert code == 1 and "no company 'Nobody'" in out


def test_a_bad_database_url_is_explained() -> None:
    code, out = run("register", "list", "--db", "not a url")
    assert code == 1 and "is not a database URL" in out


def test_pipeline_commands_track_an_opportunity(db: str, tmp_path: Path) -> None:
    sheet = tmp_path / "r.csv"
    sheet.write_text(
        "company,postcode,side,name,families,amount_per_year,current_route,disposal_cost_eur_per_t\n"
        "Brouwerij Gent,9000,have,bostel,spent_grain,800,incineration,70\n"
        "Veevoeder Eeklo,9900,want,voeder,spent_grain,500,,\n",
        encoding="utf-8",
    )
    assert run("register", "import", str(sheet), "--db", db)[0] == 0
    code, out = run("register", "open", "1", "2", "--note", "gezien", "--db", db)
    assert code == 0 and "Opportunity 1" in out
    code, out = run("register", "move", "1", "implemented", "--on", "2026-05-01", "--db", db)
    assert code == 0
    code, out = run("register", "move", "1", "idea", "--db", db)
    assert code == 1 and "final" in out
    code, out = run("register", "impact", "--json", "--db", db)
    assert json.loads(out)["realised"]["tonnes_diverted"] == 500


def test_opening_a_pair_the_matcher_refuses_says_why(db: str, tmp_path: Path) -> None:
    """A broker who opens a pair the matcher left out reads the reason: tannery sludge with
    chromium does not go to a digester whose digestate is spread on land (review R100)."""
    sheet = tmp_path / "r.csv"
    sheet.write_text(
        "company,nace,postcode,side,name\n"
        "Looierij,15.11,8790,have,chroomhoudend slib van de waterzuivering\n"
        "Biogas,35.21,8800,want,organisch slib voor vergisting\n",
        encoding="utf-8",
    )
    assert run("register", "import", str(sheet), "--db", db)[0] == 0
    code, out = run("register", "open", "1", "2", "--db", db)
    assert code == 0 and "Opportunity 1" in out
    assert "does not see these two streams as a match: " in out
    assert "chromium" in out
