"""Progress of a long report: steps on a terminal's stderr, nothing when piped."""

from __future__ import annotations

import sys

import pytest

from isassist.cli.progress import Steps


def _run_steps(output_streams: bool) -> None:
    steps = Steps(3, output_streams=output_streams)
    for label in ("Reading the answers", "Deriving the dossier", "Writing the md report"):
        steps.step(label)
    steps.finish()


def test_steps_show_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: False)
    _run_steps(output_streams=True)
    shown = capsys.readouterr()
    assert "[2/3] Deriving the dossier" in shown.err and shown.out == ""


def test_steps_are_quiet_when_piped_or_when_the_report_goes_to_the_same_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False)
    _run_steps(output_streams=False)
    assert capsys.readouterr().err == ""
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    _run_steps(output_streams=True)  # the report itself is printed there
    assert capsys.readouterr().err == ""
