"""Two company visits played through the Textual face, in Dutch and in English (issue 12).

A brewery and a small metal workshop are walked from the first question to the end as a
broker would answer them; one visit is closed half-way and resumed, and the conversation must
be back on screen. On every Dutch screen (chat, dossier panel, footer, command palette, why
dialog, report preview) no English interface word may appear.

Answers are looked up by question id (``id@stream`` first), so the walk follows whatever
order the interview asks in; a question without a prepared answer gets a neutral one of its
type ("weet niet", the first option), as a hurried broker would give.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static

from isassist.tui.app import IsAssistApp, make_app
from isassist.tui.screens.interview import InterviewScreen
from isassist.tui.screens.reading import ReadingScreen
from isassist.tui.screens.report import ReportScreen
from isassist.tui.widgets.bubble import AnswerBubble, Bubble

SIZE = (100, 32)
MAX_STEPS = 400

# Interface words that must never show on a Dutch screen (case-sensitive, whole words).
ENGLISH = (
    "Quit",
    "Keys",
    "Search for commands",
    "palette",
    "Theme",
    "Noted",
    "Genoteerd: no",
    "Genoteerd: yes",
    "confirmed",
    "edited",
    "rejected",
    "EUR/year",
    "per year",
    "(material)",
    "Progress",
    "Conclusions",
    "Streams",
    "Skip",
    "Close",
    "Screenshot",
    "Maximize",
    "Why",
    "Draft",
    "Rule:",
    "Source:",
    "Based on",
)
_ENGLISH = re.compile("|".join(rf"(?<![\w/]){re.escape(w)}(?!\w)" for w in ENGLISH))

BREWERY_NL = {
    "company_name": "Brouwerij De Klok",
    "activity": "bier brouwen",
    "nace": "11.05",
    "location": "9000 Gent",
    "boundary": "de brouwzaal",
    "value_captured": "bier voor 40 klanten",
    "value_destroyed": "bostel die afgevoerd wordt",
    "value_missed": "warm koelwater",
    "value_opportunity": "bostel als veevoer",
    "streams": "bostel, ca. 3000 ton per jaar; warm koelwater 35 °C; CO2 uit de gisting",
    "kind@s3": "gas",
    "quantity@s3": "een paar honderd ton per jaar",
    "heat_energy": "ca. 900 MWh per jaar",
    "feasibility@s1": "4 4",
    "feasibility@s2": "3 3",
    "feasibility@s3": "2 2",
    "description": "natte bostel uit de filterkuip",
    "ewc": "02 07 02",
    "cas": "nee",
    "current_route": "gaat gratis naar een boer",
    "current_cost": "-2000 euro",
    "market_price": "40 euro per ton",
    "receiver_known": "ja",
    "distance": "1,4 km",
    "canvas_review": "ok",
}
BREWERY_EN = {
    **BREWERY_NL,
    "company_name": "De Klok Brewery",
    "activity": "brewing beer",
    "location": "9000 Ghent",
    "streams": "spent grain, about 3000 tonnes a year; warm cooling water 35 °C; "
    "CO2 from fermentation",
    "quantity@s3": "several hundred t/year",
    "heat_energy": "about 900 MWh a year",
    "description": "wet spent grain from the lauter tun",
    "cas": "no",
    "current_route": "a farmer collects it for free",
    "current_cost": "we get 2000 euro a year",
    "market_price": "40 euro per tonne",
    "receiver_known": "yes",
    "distance": "1.4 km",
}
WORKSHOP_NL = {
    "company_name": "Metaalwerken Vandamme",
    "activity": "draaien en frezen van metalen onderdelen",
    "nace": "25.62",
    "location": "8500 Kortrijk",
    "boundary": "de draaierij",
    "value_captured": "onderdelen voor machinebouwers",
    "value_destroyed": "metaalkrullen en afgewerkte snijolie",
    "value_missed": "warmte van de compressor",
    "value_opportunity": "krullen naar een schroothandelaar",
    "streams": "metaalkrullen, 12 ton per jaar; afgewerkte snijolie, 8 m3 per maand; "
    "restwarmte van de compressor",
    "heat_energy": "30 kW, 2000 uur per jaar",
    "feasibility@s1": "4 4",
    "feasibility@s2": "3 4",
    "feasibility@s3": "2 2",
    "description@s1": "stalen draaikrullen met wat snijolie",
    "description@s2": "emulsie uit de draaibanken",
    "ewc@s1": "12 01 01",
    "ewc@s2": "12 01 09",
    "cas@s1": "ijzer",
    "cas@s2": "minerale olie",
    "current_route@s1": "verkocht",
    "current_route@s2": "verbrand",
    "current_cost@s1": "we krijgen 150 euro per ton",
    "current_cost@s2": "3000 euro",
    "market_price": "weet niet",
    "canvas_review": "ok",
}
WORKSHOP_EN = {
    **WORKSHOP_NL,
    "company_name": "Vandamme Metalworks",
    "activity": "turning and milling metal parts",
    "streams": "metal shavings, 12 tonnes a year; used cutting fluid, 8 m3 a month; "
    "compressor waste heat",
    "heat_energy": "30 kW, 2000 hours a year",
    "description@s1": "steel turnings with some cutting oil",
    "description@s2": "emulsion from the lathes",
    "cas@s1": "iron",
    "cas@s2": "mineral oil",
    "current_route@s1": "sold",
    "current_route@s2": "incinerated",
    "current_cost@s1": "we get 150 euro per tonne",
    "current_cost@s2": "3000 euro",
}
FALLBACK = {
    "nl": {"yesno": "nee", "score": "3", "text": "weet niet", "choice": "1", "multi": "geen"},
    "en": {"yesno": "no", "score": "3", "text": "unknown", "choice": "1", "multi": "none"},
}


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ISASSIST_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("ISASSIST_EXPORT_DIR", str(tmp_path / "exports"))
    return tmp_path


def chat(app: IsAssistApp) -> InterviewScreen:
    screen = app.screen
    assert isinstance(screen, InterviewScreen)
    return screen


def shown_text(app: IsAssistApp) -> str:
    """What the interface says on the screen on top: assistant bubbles (the first line of a
    question: the lines under it are case-library data), panel, hint, footer labels."""
    screen = app.screen
    parts: list[str] = []
    for bubble in screen.query(Bubble):
        if bubble.has_class("-user"):
            continue  # the user's own words
        text = bubble.plain.splitlines()[0] if bubble.has_class("-question") else bubble.plain
        parts.append(text)
    for static in screen.query(Static):
        if static.id in ("progress", "counts", "streams", "hint", "export-status", "canvas-title"):
            parts.append(str(static.render()))
    for options in screen.query(OptionList):
        parts += [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
    parts += [b.binding.description for b in screen.active_bindings.values() if b.binding.show]
    parts += [str(line.placeholder) for line in screen.query(Input)]
    if isinstance(screen, ReadingScreen | ReportScreen):
        parts.append(screen.body)
    return "\n".join(parts)


def assert_dutch(app: IsAssistApp, where: str) -> None:
    found = _ENGLISH.findall(shown_text(app))
    assert not found, f"English on a Dutch screen ({where}): {sorted(set(found))}"


async def walk(
    pilot: Pilot[None], answers: dict[str, str], lang: str, stop_after: int | None = None
) -> list[str]:
    """Answer until the interview is done (or ``stop_after`` answers); return the questions
    asked, as ``id@stream``."""
    app = pilot.app
    assert isinstance(app, IsAssistApp)
    asked: list[str] = []
    refused_once: set[str] = set()
    for _ in range(MAX_STEPS):
        screen = chat(app)
        view = screen.conversation.interview.current_question()
        if view is None or (stop_after is not None and len(asked) >= stop_after):
            break
        key = f"{view.id}@{view.stream}"
        line = answers.get(key) or answers.get(view.id) or _fallback(view.type, lang)
        if key in refused_once:
            line = _fallback(view.type, lang)  # asked again after a refusal: give up on it
        if view.type == "canvas_review":
            # typed as a broker types it: with the review table on screen the keys still go
            # to the answer line, not to the table's one-letter actions (review R25)
            await pilot.pause()
            await pilot.press(*line, "enter")
            await app.workers.wait_for_complete()
            await pilot.pause()
            after = screen.conversation.interview.current_question()
            assert after is None or after.slot != view.slot, f"{key}: typed line lost"
            assert isinstance(app.focused, Input) and app.focused.id == "line", app.focused
            asked.append(key)
            continue
        reply = screen.run_line(line)
        if reply.turn is not None and not reply.turn.accepted:
            refused_once.add(key)
        asked.append(key)
        await pilot.pause()
        if lang == "nl" and len(asked) % 10 == 0:
            assert_dutch(app, f"after {key}")
    return asked


def _fallback(kind: str, lang: str) -> str:
    if kind == "canvas_review":
        return "ok"
    return FALLBACK[lang].get(kind, "weet niet" if lang == "nl" else "unknown")


async def open_new(pilot: Pilot[None], lang: str) -> InterviewScreen:
    await pilot.pause()
    app = pilot.app
    assert isinstance(app, IsAssistApp)
    await app.new_interview("broker", lang)
    await app.workers.wait_for_complete()
    await pilot.pause()
    return chat(app)


async def look_around_in_dutch(pilot: Pilot[None]) -> None:
    """Footer, palette, why dialog and report preview of a Dutch interview."""
    app = pilot.app
    assert isinstance(app, IsAssistApp)
    assert_dutch(app, "interview screen")
    await pilot.press("ctrl+p")
    await pilot.pause()
    palette = app.screen
    assert isinstance(palette, CommandPalette)
    await pilot.press(*"scherm")
    await pilot.pause(0.3)
    hits = "\n".join(
        str(palette.query_one(OptionList).get_option_at_index(i).prompt)
        for i in range(palette.query_one(OptionList).option_count)
    )
    prompt = palette.query_one(Input).placeholder
    assert not _ENGLISH.findall(hits + "\n" + prompt), hits + prompt
    assert "Schermafbeelding" in hits
    await pilot.press("escape")
    await pilot.pause()
    await pilot.press("f2")
    await pilot.pause()
    if isinstance(app.screen, ReadingScreen):
        assert_dutch(app, "why dialog")
        await pilot.press("escape")
        await pilot.pause()
    await pilot.press("f3")
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert isinstance(app.screen, ReportScreen)
    assert_dutch(app, "report preview")
    await pilot.press("escape")
    await pilot.pause()


@pytest.mark.slow
@pytest.mark.asyncio
async def test_brewery_visit_in_dutch_speaks_dutch_throughout() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_new(pilot, "nl")
        await pilot.press(*"Brouwerij De Klok", "enter")  # the first answer typed for real
        await pilot.pause()
        asked = await walk(pilot, BREWERY_NL, "nl")
        assert chat(app).conversation.interview.current_question() is None
        assert "description@s1" in asked and "canvas_review@s1" in asked
        said = "\n".join(b.plain for b in screen.query(Bubble))
        assert "Genoteerd: nee." in said  # the CAS question: "nee" means none, never phosgene
        assert "phosgene" not in said.lower()
        await look_around_in_dutch(pilot)
        dossier = screen.conversation.interview.dossier()
        assert [s.name for s in dossier.streams][:1] == ["bostel"]


@pytest.mark.slow
@pytest.mark.asyncio
async def test_brewery_visit_in_english_completes() -> None:
    app = make_app(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_new(pilot, "en")
        asked = await walk(pilot, BREWERY_EN, "en")
        assert screen.conversation.interview.current_question() is None
        assert "canvas_review@s1" in asked
        footer = [b.binding.description for b in screen.active_bindings.values() if b.binding.show]
        assert "Quit" in footer and "Stoppen" not in footer


@pytest.mark.slow
@pytest.mark.asyncio
async def test_workshop_visit_in_dutch_resumed_half_way_shows_the_conversation_again() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_new(pilot, "nl")
        first = await walk(pilot, WORKSHOP_NL, "nl", stop_after=25)
        interview_id = screen.conversation.interview.id
        # "300 kW" is no amount of metal shavings: the question comes back, saying why
        screen.run_line("/wijzig hoeveelheid s1")
        refused = screen.run_line("300 kW")
        assert refused.turn is not None and not refused.turn.accepted
        assert "vermogen" in (refused.turn.problem or "")
        assert screen.run_line("12 ton per jaar").turn is not None
        left_at = screen.conversation.interview.progress()
    counted = f"Voortgang {left_at.done}/{left_at.total}"
    listing = make_app()
    async with listing.run_test(size=SIZE) as pilot:
        await listing.workers.wait_for_complete()
        await pilot.pause()
        line = str(listing.screen.query_one("#saved", OptionList).get_option_at_index(0).prompt)
        assert "Metaalwerken Vandamme" in line and counted in line, line
    resumed = make_app(interview_id=interview_id)
    async with resumed.run_test(size=SIZE) as pilot:
        await resumed.workers.wait_for_complete()
        await pilot.pause()
        again = chat(resumed)
        # the start list, the dossier panel and the CLI say the one progress measure alike
        assert str(again.query_one("#progress", Static).render()).startswith(counted)
        earlier = [b for b in again.query(AnswerBubble)]
        assert len(earlier) >= len(first) // 2, "the earlier answers are back in the chat"
        assert any(b.plain == "Metaalwerken Vandamme" for b in earlier)
        assert any("Verder met een bewaard gesprek" in b.plain for b in again.query(Bubble))
        assert_dutch(resumed, "resumed chat")
        # an earlier answer picked in the chat asks that question again
        name = next(b for b in earlier if b.plain == "Metaalwerken Vandamme")
        name.action_change()
        await pilot.pause()
        view = again.conversation.interview.current_question()
        assert view is not None and view.id == "company_name"
        again.run_line("Metaalwerken Vandamme bv")
        await pilot.pause()
        rest = await walk(pilot, WORKSHOP_NL, "nl")
        assert rest and again.conversation.interview.current_question() is None
        assert again.conversation.interview.dossier().company.name == "Metaalwerken Vandamme bv"
        await look_around_in_dutch(pilot)


@pytest.mark.slow
@pytest.mark.asyncio
async def test_workshop_visit_in_english_completes() -> None:
    app = make_app(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_new(pilot, "en")
        await walk(pilot, WORKSHOP_EN, "en")
        interview = screen.conversation.interview
        assert interview.current_question() is None
        assert [s.name for s in interview.dossier().streams][:1] == ["metal shavings"]


@pytest.mark.asyncio
async def test_at_80_columns_the_chat_keeps_most_of_the_width_and_the_panel_hides() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_new(pilot, "nl")
        chat_width = screen.query_one("#talk").size.width
        assert chat_width >= 54
        await pilot.press("f9")
        await pilot.pause()
        assert screen.query_one("#talk").size.width == 80
        await pilot.press("f9", "alt+left")
        await pilot.pause()
        assert screen.query_one("#talk").size.width < chat_width


@pytest.mark.asyncio
async def test_saved_interviews_and_conclusions_can_be_searched() -> None:
    from isassist.store import InterviewMeta, Store

    with Store() as store:
        for company in ("Brouwerij De Klok", "Zagerij Hout", "Metaalwerken Vandamme"):
            store.create_interview(InterviewMeta(company=company, dialog_version="1"))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        saved = app.screen.query_one("#saved", OptionList)
        assert saved.option_count == 3
        await pilot.press("slash", *"klok")
        await pilot.pause()
        assert saved.option_count == 1
        assert "Brouwerij De Klok" in str(saved.get_option_at_index(0).prompt)
        screen = await open_new(pilot, "nl")
        for line in ["Zagerij Hout", "zagen van hout", "16.10", "8500 Kortrijk", "/stroom zaagsel"]:
            screen.run_line(line)
        await pilot.pause()
        listed = screen.query_one("#conclusions", OptionList)
        everything = listed.option_count
        assert everything > 1
        screen.query_one("#find-conclusion", Input).value = "afnemer"
        await pilot.pause()
        assert 0 < listed.option_count < everything
        screen.query_one("#find-conclusion", Input).value = "zzz-geen-treffer"
        await pilot.pause()
        assert listed.option_count == 1 and listed.get_option_at_index(0).disabled


@pytest.mark.slow
@pytest.mark.asyncio
async def test_ewc_suggestions_follow_what_is_typed_in_the_line() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_new(pilot, "nl")
        for _ in range(60):
            view = screen.conversation.interview.current_question()
            assert view is not None
            if view.id == "ewc":
                break
            screen.run_line(
                BREWERY_NL.get(f"{view.id}@{view.stream}")
                or BREWERY_NL.get(view.id)
                or _fallback(view.type, "nl")
            )
        await pilot.pause()
        picks = screen.query_one("#picks", OptionList)
        before = [str(picks.get_option_at_index(i).prompt) for i in range(picks.option_count)]
        await pilot.press(*"houtafval van paletten")
        await pilot.pause(0.4)
        after = [str(picks.get_option_at_index(i).prompt) for i in range(picks.option_count)]
        assert after and after != before
        assert after[0].startswith(("03", "15", "17", "19", "20"))
