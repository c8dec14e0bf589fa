"""The broker register screen played with Pilot on a small register in a fresh data dir."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList, Static

from isassist.register import NewCompany, NewStream, Pipeline, Register
from isassist.tui.app import make_app
from isassist.tui.screens.register import RegisterScreen

SIZE = (120, 36)


def small_register() -> None:
    """A brewery with spent grain and a feed maker who wants it, 40 km apart."""
    register = Register()
    register.add_company_with_streams(
        NewCompany(name="Brouwerij De Klok", nace="11.05", postcode="9000"),
        [
            NewStream(
                side="have",
                name="bostel",
                families=("spent_grain",),
                amount_per_year=800,
                current_route="landfill",
                disposal_cost_eur_per_t=60,
            )
        ],
    )
    register.add_company_with_streams(
        NewCompany(name="Veevoeders Vanneste", nace="10.91", postcode="8500"),
        [NewStream(side="want", name="veevoergrondstof", families=("spent_grain",))],
    )
    register.close()


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ISASSIST_DATA_DIR", str(tmp_path))
    small_register()
    return tmp_path


async def open_register(pilot: Pilot[None], key: str = "m") -> RegisterScreen:
    await pilot.pause()
    await pilot.press(key)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, RegisterScreen)
    return screen


def rows(screen: RegisterScreen, selector: str) -> list[str]:
    options = screen.query_one(selector, OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


@pytest.mark.slow
@pytest.mark.asyncio
async def test_broker_picks_a_company_opens_a_match_and_moves_it_with_a_note() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_register(pilot)
        companies = rows(screen, "#companies")
        assert any("Brouwerij De Klok" in r and "heeft bostel" in r for r in companies)
        assert any("zoekt veevoergrondstof" in r for r in companies)
        brewery = next(i for i, r in enumerate(companies) if "Brouwerij" in r)
        screen.query_one("#companies", OptionList).highlighted = brewery
        await pilot.press("enter")
        await pilot.app.workers.wait_for_complete()  # matching runs in a worker
        await pilot.pause()
        [match] = rows(screen, "#matches")
        assert "Veevoeders Vanneste" in match and " km" in match
        assert screen.matches[0].reason["nl"] in match  # the reason in the UI language
        network = str(screen.query_one("#network", Static).render())
        assert "Veevoeders Vanneste" in network
        await pilot.press("enter")  # open the match as an opportunity
        await pilot.pause()
        assert rows(screen, "#pipeline") == ["#1 bostel -> veevoergrondstof [idee]"]
        await pilot.press(*"onzin", "enter")
        await pilot.pause()
        assert rows(screen, "#pipeline")[0].endswith("[idee]"), "a wrong stage moves nothing"
        assert screen.query_one("#move").has_focus
        screen.query_one("#move").value = ""  # type: ignore[attr-defined]
        await pilot.press(*"gecontacteerd belde Jan", "enter")
        await pilot.pause()
        assert rows(screen, "#pipeline") == ["#1 bostel -> veevoergrondstof [gecontacteerd]"]
        impact = str(screen.query_one("#impact", Static).render())
        assert "potentieel" in impact and "gerealiseerd: 0 t" in impact  # Dutch figures (R83)
        await pilot.press("f6")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert rows(screen, "#pipeline") == ["#1 bostel -> veevoergrondstof [contacted]"]
        assert "potential" in str(screen.query_one("#impact", Static).render())
    register = Register()
    pipeline = Pipeline(register)
    [event] = [e for e in pipeline.history(1) if e.stage == "contacted"]
    assert event.note == "belde Jan"
    register.close()


@pytest.mark.asyncio
async def test_search_filters_companies_and_matches() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_register(pilot)
        screen.query_one("#search").value = "vanneste"  # type: ignore[attr-defined]
        await pilot.pause()
        [company] = rows(screen, "#companies")
        assert "Veevoeders Vanneste" in company
        screen.query_one("#companies", OptionList).focus()
        await pilot.press("enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        [match] = rows(screen, "#matches")
        assert "Brouwerij De Klok" in match
        screen.query_one("#search").value = "geen-zo-bedrijf"  # type: ignore[attr-defined]
        await pilot.pause()
        assert screen.company_ids == [] and screen.matches == []


@pytest.mark.asyncio
async def test_search_is_reached_from_the_keyboard_and_f1_explains_the_register() -> None:
    """A broker without a mouse: Shift+Tab and Ctrl+F reach the search box, typed letters
    filter the list, and F1 shows the register's keys rather than the interview's help."""
    from isassist.tui.screens.reading import ReadingScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_register(pilot)
        assert app.focused is screen.query_one("#companies")
        await pilot.press("shift+tab", *"klok")
        await pilot.pause()
        [company] = rows(screen, "#companies")
        assert "Brouwerij De Klok" in company
        await pilot.press("enter")  # back to the list
        assert app.focused is screen.query_one("#companies")
        await pilot.press("tab")
        assert app.focused is screen.query_one("#matches")
        await pilot.press("ctrl+f")
        assert app.focused is screen.query_one("#search")
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, ReadingScreen)
        assert "makelaarsregister" in app.screen.body and "Ctrl+F" in app.screen.body
        assert "isassist stelt vragen" not in app.screen.body


@pytest.mark.asyncio
async def test_register_is_in_the_command_palette_in_english() -> None:
    app = make_app(lang="en")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"broker register")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RegisterScreen)
        assert screen.query_one("#companies", OptionList).border_title == (
            "Companies (haves and wants)"
        )
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, RegisterScreen)


def test_register_screen_snapshot(snap_compare: object) -> None:
    async def before(pilot: Pilot[None]) -> None:
        screen = await open_register(pilot)
        await pilot.press("enter")  # the first company's matches and network
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        screen.query_one("#move").focus()
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=before)  # type: ignore[operator]


@pytest.mark.asyncio
async def test_a_register_that_keeps_loading_says_so_and_what_to_do(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Loading the register takes seconds; one that takes far longer (review4 R136: stuck on
    "Kennisbank laden..." for minutes) says it is still loading and how to get out."""
    import asyncio
    import threading

    import isassist.session.register as session_register
    from isassist.tui.screens import register as register_screen

    release = threading.Event()
    opened = session_register.open_register

    def slow_open(url: str | None, lang: str) -> Register:
        release.wait(timeout=30)
        return opened(url, lang)

    monkeypatch.setattr(session_register, "open_register", slow_open)
    monkeypatch.setattr(register_screen, "STILL_LOADING_S", 0.2)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("m")
        await asyncio.sleep(0.5)
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, RegisterScreen)
        [shown] = rows(screen, "#companies")
        assert "laadt nog" in shown and "Esc" in shown
        release.set()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert any("Brouwerij De Klok" in row for row in rows(screen, "#companies"))
