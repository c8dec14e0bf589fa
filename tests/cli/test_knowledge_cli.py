"""The `isassist lookup` and `isassist knowledge stats` contract other tools rely on."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from isassist.cli import cli


@pytest.fixture(autouse=True)
def _cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ISASSIST_CACHE_DIR", str(tmp_path / "cache"))


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_lookup_ewc_json_carries_mirror_fields() -> None:
    code, out, _ = run("lookup", "ewc", "17 05 03*", "--json")
    assert code == 0
    (row,) = json.loads(out)
    assert row["code"] == "170503" and row["hazardous"] is True
    assert row["entry_type"] == "mirror" and row["mirror_partners"] == ["170504"]
    assert row["title_nl"].startswith("grond en stenen") and row["title_en"]


def test_lookup_cas_by_dutch_synonym_as_table() -> None:
    code, out, _ = run("lookup", "cas", "zwavelzuur")
    assert code == 0 and "7664-93-9" in out and "H314" in out


def test_lookup_cas_json_fields_and_top() -> None:
    code, out, _ = run("lookup", "cas", "acid", "--json", "--top", "3")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 3
    assert {"code", "name_en", "name_nl", "ec_number", "hazards"} <= set(rows[0])


def test_lookup_nace_in_dutch() -> None:
    code, out, _ = run("lookup", "nace", "11.05", "--json")
    assert code == 0 and json.loads(out)[0]["title_nl"] == "Vervaardiging van bier"


def test_no_hit_exits_1_with_a_message() -> None:
    code, out, err = run("lookup", "ewc", "99 99 99")
    assert code == 1 and out == "" and "No EWC match" in err


def test_malformed_cas_exits_2_with_the_reason() -> None:
    code, _, err = run("lookup", "cas", "7664-93-8")
    assert code == 2 and "should be 9" in err


def test_usage_error_exits_2() -> None:
    code, _, err = run("lookup", "hs", "1234")
    assert code == 2 and "hs" in err


def test_stats_json_counts_the_loaded_knowledge() -> None:
    code, out, _ = run("knowledge", "stats", "--json")
    stats = json.loads(out)
    assert code == 0
    assert stats["ewc_entries"] == 842 and stats["ewc_hazardous"] == 408
    assert stats["nace_items"] == 996 and stats["cpa_items"] == 5522
    assert stats["cas_substances"] == 8191 and stats["exchanges"] == 425
    assert stats["ewc_mirror_pairs"] > 200 and "terms" in stats


def test_stats_table_without_json() -> None:
    code, out, _ = run("knowledge", "stats")
    assert code == 0 and "ewc_entries" in out and "842" in out


def test_lookup_through_a_real_process(tmp_path: Path) -> None:
    env = {**os.environ, "ISASSIST_CACHE_DIR": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "isassist", "lookup", "ewc", "170605", "--json"]
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)[0]["code"] == "170605"
    bad = subprocess.run(
        [sys.executable, "-m", "isassist", "lookup", "cas", "50-00-1"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert bad.returncode == 2 and "should be 0" in bad.stderr
