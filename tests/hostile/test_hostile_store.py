"""The store is never silently replaced, and two processes never interleave their answers
(issue 15 points 6 and 7)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from isassist.cli import cli
from isassist.interview.adapters import live_services
from isassist.interview.persistence import resume, start_saved
from isassist.store import StaleInterviewError, Store


def test_an_empty_store_file_is_reported_and_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ISASSIST_DATA_DIR", str(tmp_path))
    store_file = tmp_path / "interviews.sqlite3"
    store_file.write_bytes(b"")
    result = CliRunner().invoke(cli, ["interviews", "list"])
    assert result.exit_code == 1
    assert "empty (0 bytes)" in result.output and "backup" in result.output
    assert store_file.stat().st_size == 0  # not re-initialised


def test_a_damaged_store_file_is_reported_and_left_alone(tmp_path: Path) -> None:
    store_file = tmp_path / "interviews.sqlite3"
    store_file.write_bytes(b"\x00" * 4096)
    with pytest.raises(Exception, match="not an intact isassist interview store"):
        Store(f"sqlite:///{store_file}")
    assert store_file.read_bytes() == b"\x00" * 4096


def test_a_data_dir_that_is_a_file_gets_a_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    not_a_folder = tmp_path / "data"
    not_a_folder.write_text("x")
    monkeypatch.setenv("ISASSIST_DATA_DIR", str(not_a_folder))
    result = CliRunner().invoke(cli, ["interviews", "list"])
    assert result.exit_code == 1
    assert "is a file, not a folder" in result.output


def test_a_stale_window_cannot_save_over_a_newer_answer(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'store.sqlite3'}"
    store, services = Store(url), live_services()
    first = start_saved(store, services)
    second = resume(store, first.id, services)
    assert first.answer("Brouwerij A").accepted
    with pytest.raises(StaleInterviewError, match="NOT saved"):
        second.answer("Brouwerij B")
    assert [e.raw_text for e in store.events(first.id)].count("Brouwerij B") == 0
    first.close()
    second.close()
    store.close()


_ANSWERER = textwrap.dedent(
    """
    import sys
    from isassist.interview.adapters import live_services
    from isassist.interview.persistence import resume
    from isassist.store import Store, StoreError

    store = Store(sys.argv[1])
    interview = resume(store, sys.argv[2], live_services())
    print("opened", flush=True)
    sys.stdin.readline()  # wait until told to answer
    try:
        turn = interview.answer(sys.argv[3])
        print("saved" if turn.accepted else "refused", flush=True)
    except StoreError as error:
        print("stale:", error, flush=True)
    """
)


@pytest.mark.slow
def test_two_processes_on_one_interview(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'store.sqlite3'}"
    with Store(url) as store:
        interview = start_saved(store, live_services())
        interview_id = interview.id
        interview.close()
    script = tmp_path / "answer.py"
    script.write_text(_ANSWERER)
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}

    def start(text: str) -> subprocess.Popen[str]:
        return subprocess.Popen(
            [sys.executable, str(script), url, interview_id, text],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )

    one, two = start("Brouwerij Een"), start("Brouwerij Twee")
    assert one.stdout is not None and two.stdout is not None
    assert one.stdout.readline().strip() == "opened"
    assert two.stdout.readline().strip() == "opened"
    out_one, _ = one.communicate("go\n", timeout=300)
    out_two, _ = two.communicate("go\n", timeout=300)
    assert out_one.strip() == "saved"
    assert out_two.startswith("stale:") and "NOT saved" in out_two
    with Store(url) as store:
        texts = [e.raw_text for e in store.events(interview_id)]
    assert "Brouwerij Een" in texts and "Brouwerij Twee" not in texts
