"""Every shipped replay runs headless through the engine and its expectations hold."""

from __future__ import annotations

import contextlib
import io
import json
import re
import subprocess
from pathlib import Path

import pytest

from isassist.cli import main
from isassist.interview.adapters import live_services
from isassist.interview.engine import Interview
from isassist.interview.loader import shipped_dialog
from isassist.interview.replay import Replay, run_replay
from isassist.paths import data_dir

REPLAYS = sorted((data_dir("dialogs") / "replays").glob("*.yaml"))


def make(spec: Replay) -> Interview:
    return Interview.start(shipped_dialog(), live_services(), spec.mode, spec.language)


def test_at_least_twelve_replays_ship() -> None:
    assert len(REPLAYS) >= 12


@pytest.mark.parametrize("path", REPLAYS, ids=lambda p: p.stem)
def test_replay(path: Path) -> None:
    result = run_replay(path, make)
    assert result.passed, "\n".join(result.failures)


def test_replays_together_cover_the_required_situations() -> None:
    specs = [run_replay(p, make) for p in REPLAYS]
    dossiers = [r.dossier for r in specs if r.dossier is not None]
    modes = {d.mode for d in dossiers}
    languages = {d.language for d in dossiers}
    kinds = {s.kind for d in dossiers for s in d.streams}
    hazardous = {s.hazardous for d in dossiers for s in d.streams}
    assert modes == {"broker", "self"} and languages == {"nl", "en"}
    assert {"material", "heat"} <= kinds and {"yes", "no"} <= hazardous
    assert any(s.mirror for d in dossiers for s in d.streams)
    assert any(
        s.properties.get("destination_country") not in (None, "BE")
        for d in dossiers
        for s in d.streams
    )
    assert any(
        s.properties.get("legal_status") == "by_product" for d in dossiers for s in d.streams
    )
    texts = "\n".join(p.read_text(encoding="utf-8") for p in REPLAYS)
    assert "/revise" in texts or "command: revise" in texts
    assert "withdraw" in texts or "intrekken" in texts


def test_a_failing_expectation_is_reported_with_a_readable_diff(tmp_path: Path) -> None:
    path = tmp_path / "wrong.yaml"
    path.write_text(
        "title: wrong\nsteps:\n  - say: Brouwerij X\n"
        "expect:\n  asked: ewc\n  conclusions: [{rule_id: no.such.rule}]\n",
        encoding="utf-8",
    )
    result = run_replay(path, make)
    assert not result.passed
    assert any("expected to be asked ewc, was asked activity@None" in f for f in result.failures)
    assert any("expected to find conclusion rule_id=no.such.rule" in f for f in result.failures)


def test_a_broken_replay_names_file_item_and_problem(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("title: x\nsteps:\n  - say: a\n    command: back\n", encoding="utf-8")
    result = run_replay(path, make)
    assert not result.passed
    assert "broken.yaml, line 3, steps[0]: Value error, a step does one of" in result.failures[0]


def _cli(*args: str, data_home: Path) -> subprocess.CompletedProcess[str]:
    """``isassist ARGS`` through the console script's entry point, in this process (what
    ``python -m isassist`` runs, without starting an interpreter and loading the knowledge and
    rules again for each command): its exit status and what it wrote to stdout and stderr. The
    command opens the store ISASSIST_DATA_DIR names when it runs; a crash fails the test."""
    out, err = io.StringIO(), io.StringIO()
    code: int | str | None = 0
    with (
        pytest.MonkeyPatch.context() as env,
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        env.setenv("ISASSIST_DATA_DIR", str(data_home))
        try:
            main(list(args))
        except SystemExit as stop:
            code = stop.code
    if isinstance(code, str):  # sys.exit("message"): printed, status 1, as a process does
        err.write(code + "\n")
    status = 0 if code is None else code if isinstance(code, int) else 1
    return subprocess.CompletedProcess(["isassist", *args], status, out.getvalue(), err.getvalue())


@pytest.mark.slow
def test_cli_replay_json_save_then_interviews_commands(tmp_path: Path) -> None:
    done = _cli("replay", "--json", "--save", str(REPLAYS[0]), data_home=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    line = json.loads(done.stdout.splitlines()[0])
    assert line["passed"] is True and line["failures"] == []
    assert line["dossier"]["schema_version"] == 1 and line["dossier"]["streams"]
    interview_id = line["interview_id"]
    listing = _cli("interviews", "list", data_home=tmp_path)
    assert interview_id in listing.stdout
    # the one progress measure, as the dossier has it: a finished replay is fully answered
    assert re.search(r"\bProgress (\d+)/\1\b", listing.stdout), listing.stdout
    export_path = tmp_path / "out.json"
    assert (
        _cli(
            "interviews", "export", interview_id, "-o", str(export_path), data_home=tmp_path
        ).returncode
        == 0
    )
    exported = json.loads(export_path.read_text(encoding="utf-8"))
    assert exported["dossier"]["company"]["name"]
    assert _cli("interviews", "delete", interview_id, data_home=tmp_path).returncode == 0
    unknown = _cli("interviews", "show", interview_id, data_home=tmp_path)
    assert unknown.returncode == 1 and "Traceback" not in unknown.stderr
    back = _cli("interviews", "import", str(export_path), data_home=tmp_path)
    assert back.returncode == 0 and interview_id in back.stdout


def test_cli_replay_exits_one_on_failure(tmp_path: Path) -> None:
    path = tmp_path / "wrong.yaml"
    path.write_text("title: wrong\nsteps:\n  - say: X\nexpect: {asked: ewc}\n", encoding="utf-8")
    done = _cli("replay", str(path), data_home=tmp_path)
    assert done.returncode == 1
    assert "FAIL" in done.stdout and "expected to be asked ewc" in done.stdout
