"""The `isassist classify` contract other checks rely on: output shapes and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from isassist.cli import cli


def _run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["classify", *args], input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_readable_output_shows_rank_code_marker_score_text_and_why() -> None:
    code, out, _ = _run("teerhoudend asfalt", "--sector", "42.11")
    assert code == 0
    first = out.splitlines()[1]
    assert first.lstrip().startswith("1.")
    assert "17 03 01*" in first and "GEVAARLIJK" in first
    assert "waarom:" in out
    assert "Spiegelcode" in out


def test_json_output_has_six_digit_codes() -> None:
    code, out, _ = _run("betonpuin van de afbraak", "--json", "--top", "3")
    assert code == 0
    data = json.loads(out)
    assert len(data["suggestions"]) == 3
    for suggestion in data["suggestions"]:
        assert len(suggestion["code"]) == 6 and suggestion["code"].isdigit()
        assert set(suggestion) >= {"code", "hazardous", "score", "description", "why"}


def test_batch_keeps_order_and_reports_broken_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a", "text": "walshuid", "sector": "24.10"}),
        "{not json",
        json.dumps({"id": "b", "text": ""}),
        json.dumps({"id": "c", "text": "betonpuin", "sector": "99.99"}),
        json.dumps({"id": "d", "text": "beton\u0007puin"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": 7}),
        json.dumps({"id": "e", "text": "used engine oil", "lang": "en"}),
    ]
    batch = tmp_path / "batch.jsonl"
    batch.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, _ = _run("--batch", str(batch), "--json", "--top", "2")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in rows] == ["a", None, "b", "c", "d", None, 7, "e"]
    assert rows[0]["suggestions"][0]["code"] == "100210"
    assert len(rows[7]["suggestions"]) == 2
    assert "not valid JSON" in rows[1]["error"] and "line 2" in rows[1]["error"]
    assert "empty" in rows[2]["error"]
    assert "unknown NACE" in rows[3]["error"]
    assert "control characters" in rows[4]["error"]
    assert "JSON object" in rows[5]["error"]
    assert "text" in rows[6]["error"]
    assert rows[7]["suggestions"][0]["code"].startswith("1302")


def test_batch_reads_stdin() -> None:
    code, out, _ = _run("--batch", "-", "--json", stdin='{"id": 1, "text": "frituurvet"}\n')
    assert code == 0
    assert json.loads(out)["suggestions"][0]["code"] == "200125"


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        ((), "missing TEXT"),
        (("",), "empty"),
        (("x" * 100_000,), "characters long"),
        (("beton\x01puin",), "control characters"),
        (("betonpuin", "--sector", "99.99"), "unknown NACE"),
        (("betonpuin", "--top", "0"), "--top"),
        (("betonpuin", "--lang", "fr"), "--lang"),
        (("betonpuin", "--batch", "-"), "not both"),
    ],
)
def test_usage_errors_exit_2_with_one_line(args: tuple[str, ...], fragment: str) -> None:
    code, out, err = _run(*args)
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert fragment in err


def test_batch_line_with_no_recognised_word_still_answers() -> None:
    lines = [
        json.dumps({"id": "x", "text": "grobbelspul", "sector": "11.05"}),
        json.dumps({"id": "y", "text": "grobbelspul"}),
    ]
    code, out, _ = _run("--batch", "-", "--json", stdin="\n".join(lines) + "\n")
    assert code == 0
    with_sector, without = (json.loads(line) for line in out.splitlines())
    assert "error" not in with_sector and "error" not in without
    assert [s["code"][:4] for s in with_sector["suggestions"]] == ["0207"] * 5
    assert without["suggestions"] == []


def test_readable_output_asks_for_more_words_when_nothing_is_recognised() -> None:
    code, out, _ = _run("grobbelspul", "--sector", "11.05", "--lang", "nl")
    assert code == 0
    assert "02 07" in out and "geen woord herkend" in out and "proces" in out


def test_a_dutch_run_says_once_that_cpa_titles_are_english_only() -> None:
    # review R6: "CPA: 10.51.55 Whey" stood in a Dutch run unannounced
    code, out, _ = _run("zure wei van de kaasmakerij", "--sector", "10.51")
    assert code == 0
    cpa = [line for line in out.splitlines() if line.startswith("CPA")]
    assert len(cpa) == 1 and cpa[0].startswith("CPA (omschrijving enkel in het Engels): ")
