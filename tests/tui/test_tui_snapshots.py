"""One snapshot per screen at a fixed 80x24 terminal, and the user guide's images.

The SVGs under tests/tui/__snapshots__ are the screens as a user sees them; the user guide shows
the same files (docs/img/). Run ``pytest --snapshot-update`` after checking the report by
eye, then ``ISASSIST_UPDATE_DOCS=1 pytest tests/tui/test_tui_snapshots.py`` to copy them over.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from isassist.dossier import Dossier
from isassist.interview.engine import Interview
from isassist.store import InterviewMeta, Store
from isassist.tui.app import make_app
from isassist.tui.screens import start

SIZE = (80, 24)
ROOT = Path(__file__).resolve().parents[2]
SNAPSHOTS = Path(__file__).resolve().parent / "__snapshots__" / "test_tui_snapshots"
DOCS_IMG = ROOT / "docs" / "img"
SnapCompare = Callable[..., bool]


@pytest.fixture(autouse=True)
def fixed_world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ISASSIST_DATA_DIR", str(tmp_path))
    # shown on the summary screen; nothing is written there by these tests
    monkeypatch.setenv("ISASSIST_EXPORT_DIR", "/data/makelaar/Documenten/isassist")
    monkeypatch.setattr(start, "when_text", lambda summary: "2026-01-15 10:30")
    return tmp_path


async def settle(pilot: Pilot[Any]) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    for line in pilot.app.screen.query(Input):
        line.cursor_blink = False
    await pilot.pause()


async def new_interview(pilot: Pilot[Any], lines: list[str]) -> None:
    await pilot.pause()
    await pilot.press("n")
    await settle(pilot)
    for line in lines:
        await pilot.press(*line, "enter")
        await pilot.pause()
    await settle(pilot)


SAWMILL = ["Zagerij Hout", "zagen van hout", "16.10", "8500 Kortrijk"]


def run(lines: list[str], *keys: str) -> Callable[[Pilot[Any]], Awaitable[None]]:
    async def before(pilot: Pilot[Any]) -> None:
        await new_interview(pilot, lines)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)

    return before


def test_start_screen(snap_compare: SnapCompare) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=settle)


def test_confirm_delete(snap_compare: SnapCompare) -> None:
    with Store() as store:
        made = store.create_interview(
            InterviewMeta(company="Brouwerij De Klok", dialog_version="1")
        )
        store.set_progress(made, 6, 14)  # as the engine saves it: the one progress measure

    async def before(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        pilot.app.screen.query_one("#saved", OptionList).highlighted = 0
        await pilot.press("d")
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=before)


def test_interview_screen(snap_compare: SnapCompare) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run(SAWMILL))


def test_glossary_answer(snap_compare: SnapCompare) -> None:
    lines = ["Zagerij Hout", "wat is einde-afval?"]
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run(lines))


@pytest.mark.slow
def test_why_screen(snap_compare: SnapCompare) -> None:
    lines = SAWMILL + ["/skip"] * 5 + ["zaagsel", "materiaal", "zaagsel van de lintzaag"]
    lines += ["verloren", "3", "4", "ja", "03 01 04"]
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run(lines, "f2"))


def test_start_screen_light_theme(snap_compare: SnapCompare) -> None:
    async def light(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("f5")
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=light)


def test_help_screen(snap_compare: SnapCompare) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run([], "f1"))


@pytest.mark.slow
def test_summary_screen(snap_compare: SnapCompare, monkeypatch: pytest.MonkeyPatch) -> None:
    """The report preview; its interview id and dates are pinned as the start screen's are."""
    built = Interview.dossier
    pinned = datetime(2026, 1, 15, 10, 30, tzinfo=UTC)

    def dossier(interview: Interview) -> Dossier:
        fixed = {"interview_id": "iv-0001", "created": pinned, "updated": pinned}
        return built(interview).model_copy(update=fixed)

    monkeypatch.setattr(Interview, "dossier", dossier)
    lines = [*SAWMILL, "/stream zaagsel", "/report"]
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run(lines))


@pytest.mark.slow
def test_jump_screen(snap_compare: SnapCompare) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run(SAWMILL, "f4"))


DOC_IMAGES = {
    "start.svg": "test_start_screen.svg",
    "interview.svg": "test_interview_screen.svg",
    "glossary.svg": "test_glossary_answer.svg",
    "why.svg": "test_why_screen.svg",
    "summary.svg": "test_summary_screen.svg",
    "jump.svg": "test_jump_screen.svg",
    "register.svg": "../test_tui_register/test_register_screen_snapshot.svg",
}


def test_user_guide_images_are_the_snapshots() -> None:
    """The guide shows the screens as they are; ISASSIST_UPDATE_DOCS=1 copies them over."""
    for image, snapshot in DOC_IMAGES.items():
        source = SNAPSHOTS / snapshot
        if not source.exists():
            pytest.skip(f"no snapshot {snapshot} yet: run pytest --snapshot-update first")
        target = DOCS_IMG / image
        if os.environ.get("ISASSIST_UPDATE_DOCS") == "1":
            DOCS_IMG.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
        assert target.exists() and target.read_bytes() == source.read_bytes(), (
            f"docs/img/{image} differs from the snapshot {snapshot}; "
            "run ISASSIST_UPDATE_DOCS=1 pytest tests/tui/test_tui_snapshots.py"
        )
