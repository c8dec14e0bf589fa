"""`classify --batch` keeps its contract on hostile lines: one strict JSON object per line,
in order, and the batch never stops (issue 15 point 5)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from isassist.cli import cli

HOSTILE_LINES = [
    b'{"id": 1, "text": "betonpuin"}',
    b'{"id": 2, "text": "hout\xff"}',  # invalid UTF-8
    b'{"id": ' + b"9" * 5000 + b', "text": "glas"}',  # 5,000-digit id
    b'{"id": 3, "text": ' + b"[" * 50_000 + b"]" * 50_000 + b"}",  # deep nesting
    b'{"id": "\\ud800", "text": "glas"}',  # lone surrogate
    b'{"id": 1e999, "text": "glas"}',
    b'{"id": NaN, "text": "glas"}',
    b'{"id": 4, "text": "\\udfff glas"}',
    b'{"id": 5, "text": "glas"}',
]


def test_every_hostile_line_becomes_one_valid_json_object(tmp_path: Path) -> None:
    batch = tmp_path / "batch.jsonl"
    batch.write_bytes(b"\n".join(HOSTILE_LINES) + b"\n")
    result = CliRunner().invoke(cli, ["classify", "--batch", str(batch)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert len(lines) == len(HOSTILE_LINES)
    objects = [json.loads(line, parse_constant=lambda c: pytest_fail(c)) for line in lines]
    assert objects[0]["id"] == 1 and objects[0]["suggestions"]
    assert objects[-1]["id"] == 5 and objects[-1]["suggestions"]
    errors = [o for o in objects[1:-1]]
    assert all("error" in o for o in errors), errors
    assert [o["error"].split(":")[0] for o in errors] == [f"line {n}" for n in range(2, 9)]


def pytest_fail(constant: str) -> None:
    raise AssertionError(f"{constant} is not JSON")
