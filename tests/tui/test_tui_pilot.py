"""Whole short interviews played through the Textual face with Pilot.

Each test types, picks and navigates as a user would and then checks what a user would
notice: the bubbles, the dossier panel, the screens opened, and the interview saved in the
store (a fresh data directory per test via ISASSIST_DATA_DIR).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList

from isassist.store import Store
from isassist.tui.app import IsAssistApp, make_app
from isassist.tui.screens.confirm import ConfirmScreen
from isassist.tui.screens.interview import InterviewScreen
from isassist.tui.screens.reading import ReadingScreen
from isassist.tui.screens.report import ReportScreen
from isassist.tui.screens.start import StartScreen
from isassist.tui.widgets.bubble import Bubble

SIZE = (100, 32)


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ISASSIST_DATA_DIR", str(tmp_path))
    return tmp_path


async def type_line(pilot: Pilot[None], text: str) -> None:
    await pilot.press(*text, "enter")
    await pilot.pause()


async def open_new(pilot: Pilot[None], key: str = "n") -> InterviewScreen:
    await pilot.pause()
    await pilot.press(key)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, InterviewScreen)
    return screen


async def settle(pilot: Pilot[None]) -> None:
    """Let background workers (report preview, export) finish and their results paint."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


def bubbles(screen: InterviewScreen, role: str) -> list[str]:
    return [b.plain for b in screen.query(Bubble) if b.has_class(f"-{role}")]


def conversation(app: IsAssistApp) -> InterviewScreen:
    assert isinstance(app.screen, InterviewScreen)
    return app.screen


@pytest.mark.slow
@pytest.mark.asyncio
async def test_interview_with_typing_picking_revising_glossary_and_why() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_new(pilot)
        await type_line(pilot, "Zagerij [bold]x[/] <script>")
        assert "Zagerij [bold]x[/] <script>" in bubbles(screen, "user")
        await type_line(pilot, "wat is een spiegelcode?")
        assert any("sterretje" in b for b in bubbles(screen, "glossary"))
        assert screen.conversation.interview.current_question().id == "activity"  # type: ignore[union-attr]
        await type_line(pilot, "zagen van hout")
        # the NACE question lists suggestions; pick the first with the keyboard
        await pilot.press("down", "enter")
        await pilot.pause()
        interview = screen.conversation.interview
        assert interview.facts.company.nace is not None
        picked = interview.facts.company.nace
        # revise it by typing a code instead
        await type_line(pilot, "/revise nace")
        assert screen.conversation.interview.current_question().id == "nace"  # type: ignore[union-attr]
        await type_line(pilot, "16.10")
        assert interview.facts.company.nace == "16.10"
        await type_line(pilot, "8500 Kortrijk")
        for _ in range(5):
            await type_line(pilot, "/skip")
        # step 1 sketches the stream; the deep-dive describes and classifies it
        for line in ["zaagsel", "materiaal", "300 ton per jaar", "3", "4"]:
            await type_line(pilot, line)
        for line in ["zaagsel van de lintzaag", "verloren"]:
            await type_line(pilot, line)
        await type_line(pilot, "03 01 04")
        assert bubbles(screen, "conclusion"), "a conclusion bubble shows as soon as rules fire"
        listed = screen.query_one("#conclusions", OptionList)
        assert listed.option_count == len(screen.conversation.recent()) > 0
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
        assert app.screen.body.startswith("Waarom:") and "Bron:" in app.screen.body
        await pilot.press("escape")
        await pilot.pause()
        dossier = interview.dossier()
        assert dossier.company.name == "Zagerij [bold]x[/] <script>"
        assert dossier.streams[0].ewc == ["030104"]
        iv_id = interview.id
        assert picked  # the keyboard pick was a real code
    with Store() as store:
        events = store.events(iv_id)
        header = store.get(iv_id)
    assert header.company == "Zagerij [bold]x[/] <script>"
    assert [e.raw_text for e in events if e.question_id == "nace" and e.kind == "answer"][-1] == (
        "16.10"
    )
    assert any(e.kind == "revise" and e.question_id == "nace" for e in events)


@pytest.mark.slow
@pytest.mark.asyncio
async def test_unknown_answers_and_choices_reach_the_dossier_panel() -> None:
    app = make_app(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_new(pilot, "s")
        await type_line(pilot, "ACME")
        await type_line(pilot, "don't know?")
        gaps = screen.conversation.interview.dossier().knowledge_gaps
        assert [g.question for g in gaps] == ["activity"]
        assert "1 gaps" in str(screen.query_one("#counts").render())
        await type_line(pilot, "/jump value_mapping")
        for _ in range(5):
            await type_line(pilot, "/skip")
        await type_line(pilot, "sawdust")
        # kind is a choice: click-free pick with the arrows
        assert screen.conversation.interview.current_question().type == "choice"  # type: ignore[union-attr]
        await pilot.press("down", "enter")
        await pilot.pause()
        dossier = screen.conversation.interview.dossier()
        assert dossier.streams[0].name == "sawdust"
        assert "sawdust" in str(screen.query_one("#streams").render())


@pytest.mark.asyncio
async def test_a_gap_closed_by_an_answer_is_said_to_no_longer_apply() -> None:
    # R103: a withdrawn gap was printed by its title alone (struck through), as if new
    app = make_app(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_new(pilot, "s")
        await type_line(pilot, "ACME")
        for line in ["/stream sawdust", "/revise quantity s1", "unknown"]:
            await type_line(pilot, line)
        interview = screen.conversation.interview
        gaps = [c for c in interview.conclusions if c.kind == "knowledge_gap"]
        assert gaps, "the unknown quantity is a knowledge gap, said at once"
        await type_line(pilot, "/revise quantity s1")
        await type_line(pilot, "200 tonnes a year")
        titles = [c.title.get("en") for c in gaps if c not in interview.conclusions]
        assert titles and bubbles(screen, "withdrawn") == [
            f"No longer applies: {t}" for t in titles
        ]


@pytest.mark.asyncio
async def test_lang_command_relabels_footer_and_question() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_new(pilot)
        assert screen.active_bindings["f1"].binding.description == "Hulp"
        await type_line(pilot, "/lang en")
        assert screen.active_bindings["f1"].binding.description == "Help"
        assert bubbles(screen, "question")[-1].startswith("What")
        await pilot.press("f6")
        await pilot.pause()
        assert screen.conversation.lang == "nl"


@pytest.mark.slow
@pytest.mark.asyncio
async def test_report_help_and_jump_screens_open_and_close() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_new(pilot)
        await type_line(pilot, "<script>Brouwerij</script>")
        await type_line(pilot, "/report")
        assert isinstance(app.screen, ReportScreen)
        assert "&lt;script>Brouwerij" in app.screen.body
        assert "<script>" not in app.screen.body
        await pilot.press("escape")
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen) and "/why" in app.screen.body
        await pilot.press("escape")
        await pilot.press("f4")
        await pilot.pause()
        jump = app.screen.query_one("#jump", OptionList)
        index = next(
            i for i in range(jump.option_count) if jump.get_option_at_index(i).id == "value_mapping"
        )
        jump.highlighted = index
        await pilot.press("enter")
        await pilot.pause()
        assert conversation(app).conversation.interview.current_question().id == "boundary"  # type: ignore[union-attr]


@pytest.mark.slow
@pytest.mark.asyncio
async def test_resume_latest_and_delete_with_confirmation() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_new(pilot)
        await type_line(pilot, "Eerste BV")
        await pilot.press("escape")
        await pilot.pause()
        await open_new(pilot)
        await type_line(pilot, "Tweede BV")
        await type_line(pilot, "bier brouwen")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        screen = await open_new(pilot, "r")
        assert screen.conversation.interview.facts.company.name == "Tweede BV"
        assert screen.conversation.interview.current_question().id == "nace"  # type: ignore[union-attr]
        await pilot.press("escape")
        await pilot.pause()
        saved = app.screen.query_one("#saved", OptionList)
        assert saved.option_count == 2
        saved.highlighted = 0
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen.query_one("#saved", OptionList).option_count == 2
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert app.screen.query_one("#saved", OptionList).option_count == 1
    with Store() as store:
        assert [s.company for s in store.list_interviews()] == ["Eerste BV"]


@pytest.mark.asyncio
async def test_question_one_shows_before_the_engine_and_an_early_answer_is_kept() -> None:
    from textual.widgets import Input

    from isassist.tui.screens.opening import OpeningScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        if isinstance(app.screen, OpeningScreen):  # the engine is still loading
            assert "naam van het bedrijf" in app.screen.opening.text
            await type_line(pilot, "Brouwerij Vroeg")
            await pilot.press(*"bier")
            assert app.screen.sent == ["Brouwerij Vroeg"]
        else:  # loaded faster than a key press on this machine: type into the engine directly
            await type_line(pilot, "Brouwerij Vroeg")
            await pilot.press(*"bier")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = conversation(app)
        interview = screen.conversation.interview
        assert interview.facts.company.name == "Brouwerij Vroeg"
        assert interview.current_question().id == "activity"  # type: ignore[union-attr]
        assert screen.query_one("#line", Input).value == "bier"


@pytest.mark.asyncio
async def test_an_interview_started_on_a_store_that_cannot_open_says_so_and_returns(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The interview starts before the store is open (start-up); when the store then cannot
    be opened (the data folder is a file), the user is told why and is back on the start
    screen, not left typing answers that are never saved."""
    blocked = data_dir / "not-a-folder"
    blocked.write_text("x", encoding="utf-8")
    monkeypatch.setenv("ISASSIST_DATA_DIR", str(blocked))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        assert app.conversation is None
        told = [n.message for n in app._notifications]
        assert any("not-a-folder" in message for message in told), told


@pytest.mark.asyncio
async def test_barrier_rules_show_in_the_dossier_panel_counts() -> None:
    from textual.widgets import Static

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_new(pilot)
        lines = ["Zagerij Hout", "zagen van hout", "16.10", "8500 Kortrijk", "de zaaglijn"]
        lines += ["planken", "zaagsel", "warmte van de droogoven", "pellets", "zaagsel"]
        lines += ["materiaal", "zaagsel van de lintzaag", "verloren", "3", "4"]
        for line in lines:
            screen.run_line(line)
            await pilot.pause()
        barriers = [c for c in screen.conversation.interview.conclusions if c.kind == "barrier"]
        assert barriers, "a lost stream with low scores draws a barrier"
        counts = str(screen.query_one("#counts", Static).render())
        assert f"{len(barriers)} barrières" in counts


@pytest.mark.slow
@pytest.mark.asyncio
async def test_summary_previews_the_report_anonymised_and_saves_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    exports = tmp_path / "exports"
    monkeypatch.setenv("ISASSIST_EXPORT_DIR", str(exports))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        chat = await open_new(pilot)
        for line in ["Brouwerij Zwanenhals", "bier brouwen", "11.05", "9000 Gent"]:
            await type_line(pilot, line)
        await type_line(pilot, "/stream bostel")
        await pilot.press("f3")
        await pilot.pause()
        preview = app.screen
        assert isinstance(preview, ReportScreen)
        # the summary is there at once; the full report follows from a worker
        assert "Zwanenhals" in preview.body and "bostel" in preview.body
        await settle(pilot)
        assert not preview.writing
        assert "Inventaris" in preview.body
        assert preview.active_bindings["x"].binding.description == "XLSX"
        await pilot.press("a")
        await settle(pilot)
        assert "Zwanenhals" not in preview.body and "bostel" in preview.body
        assert "anoniem" in str(preview.query_one("#report").border_title)
        await pilot.press("h")
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        # the same from the command palette, found by its Dutch name
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"bewaren als JSON")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        written = sorted(p.name for p in exports.iterdir())
        assert len(written) == 3
        html = next(p for p in exports.iterdir() if p.suffix == ".html")
        assert html.name.startswith("isassist-anoniem-")
        assert "Zwanenhals" not in html.read_text(encoding="utf-8")
        xlsx = next(p for p in exports.iterdir() if p.suffix == ".xlsx")
        assert xlsx.name.startswith("brouwerij-zwanenhals-")
        assert xlsx.read_bytes().startswith(b"PK")  # a zip: the workbook container
        saved = next(p for p in exports.iterdir() if p.suffix == ".json")
        assert json.loads(saved.read_text(encoding="utf-8"))["company"]["name"] == (
            "Brouwerij Zwanenhals"
        )
        assert str(saved) in str(preview.query_one("#export-status").render())
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is chat
        said = "\n".join(bubbles(chat, "assistant"))
        assert str(html) in said and str(xlsx) in said


@pytest.mark.asyncio
async def test_export_to_an_unwritable_folder_shows_a_message_and_keeps_running(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("ISASSIST_EXPORT_DIR", str(blocked / "reports"))
    app = make_app(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await open_new(pilot)
        await type_line(pilot, "ACME")
        await pilot.press("f3", "h")
        await settle(pilot)
        status = str(app.screen.query_one("#export-status").render())
        assert "could not be saved" in status and "ISASSIST_EXPORT_DIR" in status
        assert isinstance(app.screen, ReportScreen) and app.screen.written == []
