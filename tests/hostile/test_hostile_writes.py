"""Every -o keeps the old file unless --force, and a failed write leaves it intact with no
partial file (issue 15 point 3); a full stdout or disk is a message (point 9)."""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from isassist.cli import cli
from isassist.paths import data_dir
from isassist.safefile import OutputError, write_file

BREWERY = data_dir("dialogs") / "replays" / "01_brewery_spent_grain_nl.yaml"


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """A data folder with one saved interview, and its id."""
    home = tmp_path_factory.mktemp("home")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ISASSIST_DATA_DIR", str(home))
        runner = CliRunner()
        assert runner.invoke(cli, ["replay", "--save", str(BREWERY)]).exit_code == 0
        listed = json.loads(runner.invoke(cli, ["interviews", "list", "--json"]).output)
        yield home, listed[0]["id"]


def _limited(megabytes: float) -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    limit = int(megabytes * 1_000_000)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def _full_disk_run(home: Path, *args: str, limit_mb: float) -> subprocess.CompletedProcess[str]:
    """Run isassist with files limited to ``limit_mb`` (a full disk for everything it
    writes beyond that)."""
    return subprocess.run(
        [sys.executable, "-m", "isassist", *args],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "ISASSIST_DATA_DIR": str(home)},
        preexec_fn=lambda: _limited(limit_mb),
    )


@pytest.mark.parametrize(
    "command", [["report", "{id}", "-o", "{out}"], ["interviews", "export", "{id}", "-o", "{out}"]]
)
def test_an_existing_output_is_kept_without_force(
    saved: tuple[Path, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    home, interview_id = saved
    monkeypatch.setenv("ISASSIST_DATA_DIR", str(home))
    out = tmp_path / "out.md"
    out.write_text("the broker's earlier report")
    args = [a.format(id=interview_id, out=out) for a in command]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1 and "--force" in result.output
    assert out.read_text() == "the broker's earlier report"
    assert CliRunner().invoke(cli, [*args, "--force"]).exit_code == 0
    assert out.read_text() != "the broker's earlier report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.md"]


def test_a_full_disk_keeps_the_old_report_and_leaves_no_partial_file(
    saved: tuple[Path, str], tmp_path: Path
) -> None:
    home, interview_id = saved
    out = tmp_path / "export.json"
    out.write_text("old export")
    # room for the store's own files (SQLite's 32 KB shared-memory file), not for the export
    done = _full_disk_run(
        home, "interviews", "export", interview_id, "-o", str(out), "--force", limit_mb=0.04
    )
    assert done.returncode == 1, done.stdout
    assert "cannot write" in done.stderr and "Traceback" not in done.stderr
    assert out.read_text() == "old export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.json"]


def test_report_to_a_full_stdout_is_a_message(saved: tuple[Path, str]) -> None:
    home, interview_id = saved
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "isassist", "report", interview_id],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=300,
            env={**os.environ, "ISASSIST_DATA_DIR": str(home)},
        )
    assert done.returncode == 1
    assert "cannot write the output" in done.stderr and "Traceback" not in done.stderr


def test_replay_save_on_a_full_disk_is_a_message(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    assert CliRunner().invoke(cli, ["interviews", "list"], env={"ISASSIST_DATA_DIR": str(home)})
    done = _full_disk_run(home, "replay", "--save", str(BREWERY), limit_mb=0.2)
    assert done.returncode == 1
    assert "disk may be full" in done.stderr and "Traceback" not in done.stderr


def test_write_file_refuses_and_replaces_as_asked(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    write_file(target, "one")
    with pytest.raises(OutputError, match="already exists"):
        write_file(target, "two")
    write_file(target, b"three", force=True)
    assert target.read_text() == "three"
    with pytest.raises(OutputError, match="is a folder"):
        write_file(tmp_path, "x", force=True)
