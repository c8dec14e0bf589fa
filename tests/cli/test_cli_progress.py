"""Long commands show progress on a terminal and nothing extra when their output is piped."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from isassist.cli import cli
from isassist.cli.progress import on_terminal, progress


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_piped_batch_output_is_exactly_one_json_line_per_stream(tmp_path: Path) -> None:
    batch = tmp_path / "streams.jsonl"
    batch.write_text('{"text": "houtafval van paletten"}\n{"text": "betonpuin"}\n')
    result = CliRunner().invoke(cli, ["classify", "--batch", str(batch)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert all(json.loads(line) for line in lines)
    assert result.stderr == ""


def test_a_bar_is_drawn_on_a_terminal_and_not_when_piped(monkeypatch: pytest.MonkeyPatch) -> None:
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    monkeypatch.setattr("sys.stdout", io.StringIO())  # results go to a file
    assert on_terminal(output_streams=True)
    with progress(range(5), "Companies", length=5) as shown:
        assert list(shown) == [0, 1, 2, 3, 4]
    assert "Companies" in terminal.getvalue()
    monkeypatch.setattr("sys.stdout", _Terminal())  # results on the same terminal: no bar
    assert not on_terminal(output_streams=True)
    monkeypatch.setattr("sys.stderr", io.StringIO())
    assert not on_terminal()
