"""The canvas review on one screen: nine drafts taken, edited or rejected, sent as one answer
the engine understands (no "aanpassen:" prefix stored, "ok" accepted)."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult

from isassist.interview.canvas_review import BLOCKS, parse_review
from isassist.interview.loader import shipped_dialog
from isassist.interview.parsing import parse_canvas
from isassist.tui.messages import LineSubmitted
from isassist.tui.widgets.canvas_review import CanvasReview, review_line

DRAFTS = {b: f"ontwerp {b}" for b in BLOCKS} | {"revenue_streams": ""}


class ReviewApp(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.sent: list[str] = []

    def compose(self) -> ComposeResult:
        yield CanvasReview("nl", DRAFTS.get)

    def on_line_submitted(self, message: LineSubmitted) -> None:
        self.sent.append(message.text)


@pytest.mark.asyncio
async def test_taking_every_draft_sends_ok_and_the_engine_accepts_it() -> None:
    app = ReviewApp()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("s")
        await pilot.pause()
    assert app.sent == ["ok"]
    parsed = parse_review(app.sent[0], "nl")
    assert parsed.value == "confirmed"


@pytest.mark.asyncio
async def test_an_edit_and_a_rejection_reach_the_engine_as_the_words_typed() -> None:
    app = ReviewApp()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("e", "ctrl+u")  # edit the first block (key partners), clear the line
        await pilot.press(*"boeren uit de regio; via de coop", "enter")
        await pilot.press("down", "down", "down", "down", "down", "v")  # channels: reject
        await pilot.press("s")
        await pilot.pause()
    [line] = app.sent
    parsed = parse_review(line, "nl")
    assert parsed.extra["key_partners"] == "edited"
    assert parsed.extra["key_partners.text"] == "boeren uit de regio, via de coop"
    assert parsed.extra["channels"] == "rejected"
    assert parsed.extra["cost_structure"] == "confirmed"


@pytest.mark.asyncio
async def test_the_highlighted_draft_is_readable_in_full_at_80_columns() -> None:
    """The table cuts a long draft at 80 columns; the block under the cursor is shown whole
    below it, and follows the cursor and an edit (review R106)."""
    from textual.widgets import Static

    long = "een vervoerder die zijn vrachtwagens op de terugrit vult met big bags van de klant"
    drafts = DRAFTS | {"key_partners": long, "channels": f"{long} en de coop"}

    class LongApp(ReviewApp):
        def compose(self) -> ComposeResult:
            yield CanvasReview("nl", drafts.get)

    app = LongApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        full = app.query_one("#canvas-full", Static)
        assert long in str(full.render())
        await pilot.press("down", "down", "down", "down", "down")  # channels
        assert f"{long} en de coop" in str(full.render())
        await pilot.press("e", "ctrl+u", *"via de coop", "enter")
        await pilot.pause()
        assert "via de coop" in str(full.render()) and long not in str(full.render())


def test_review_line_for_every_block_parses_back() -> None:
    choices = {b: ("edited", f"tekst {b}") for b in BLOCKS}
    parsed = parse_review(review_line(choices, "en"), "en")  # type: ignore[arg-type]
    assert all(parsed.extra[b] == "edited" for b in BLOCKS)
    assert all(parsed.extra[f"{b}.text"] == f"tekst {b}" for b in BLOCKS)


@pytest.mark.parametrize(
    "typed", ["aanpassen: boeren uit de regio", "Aanpassen - boeren uit de regio"]
)
def test_a_single_canvas_block_edit_never_stores_the_prefix(typed: str) -> None:
    question = next(
        q for s in shipped_dialog().sections for q in s.questions if q.type in ("canvas", "text")
    )
    parsed = parse_canvas(question, typed, "nl")
    assert parsed.extra["text"] == "boeren uit de regio"
    assert parse_canvas(question, "ok", "nl").value == "confirmed"
