"""The footer shows the keys of the screen as they are now, however many changes came at once.

``KeyFooter`` rebuilds once for a burst of binding changes (docs/ARCHITECTURE.md, start-up):
the one rebuild must read the bindings as they are after the last change of the burst.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets._footer import FooterKey

from isassist.tui.app import make_app
from isassist.tui.screens.interview import InterviewScreen
from isassist.tui.screens.start import StartScreen
from isassist.tui.widgets.footer import KeyFooter

SIZE = (100, 32)


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ISASSIST_DATA_DIR", str(tmp_path))
    return tmp_path


def footer_labels(screen: object) -> set[str]:
    assert isinstance(screen, InterviewScreen | StartScreen)
    footer = screen.query_one(KeyFooter)
    return {key.description for key in footer.query(FooterKey)}


@pytest.mark.asyncio
async def test_the_footer_follows_a_language_switch_on_every_screen() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Hulp" in footer_labels(app.screen)
        await pilot.press("l")  # the start screen in English: all its keys relabelled at once
        await pilot.pause()
        assert "Help" in footer_labels(app.screen) and "Hulp" not in footer_labels(app.screen)
        await pilot.press("l")
        await pilot.pause()
        await pilot.press("n")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        assert "Hulp" in footer_labels(screen)
        await pilot.press(*"/lang en", "enter")
        await pilot.pause()
        assert "Help" in footer_labels(screen) and "Hulp" not in footer_labels(screen)
