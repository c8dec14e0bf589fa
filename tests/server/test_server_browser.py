"""The team server in a real browser: Debian's Chromium driven by Playwright.

Skipped (with the reason) where /usr/bin/chromium is missing; .ci/run installs it. The app's
screen is read from the terminal stream the page receives (xterm.js paints into a canvas),
with the escape sequences taken out.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from teamserver import PASSWORD

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip(
        "Debian's chromium is not installed (/usr/bin/chromium); .ci/run installs it "
        "with apt-get install -y chromium",
        allow_module_level=True,
    )

from playwright.sync_api import Browser, Page, sync_playwright  # noqa: E402

from isassist.server.accounts import Accounts  # noqa: E402
from isassist.server.local import local_server, log_in  # noqa: E402
from isassist.session.opening import opening_question  # noqa: E402
from isassist.store import InterviewMeta, NewEvent, Store  # noqa: E402

pytestmark = pytest.mark.slow
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
ANSI = re.compile(
    rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[()][0-9A-B]|\x1b[=>]"
)
SECRET_COMPANY = "Geheim Bedrijf NV"
WAIT = 120.0  # seconds: app processes start slowly on a loaded 2-core machine


def _question(mode: str, lang: str) -> str:
    found = opening_question(mode, lang)
    assert found is not None
    return found.text


@pytest.fixture(scope="module")
def team(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """A running `isassist serve` on a SQLite team database with a broker, a broker's
    interview of another company, and invitation links (open, expired, revoked)."""
    home = tmp_path_factory.mktemp("serve")
    url = f"sqlite:///{home / 'team.sqlite3'}"
    accounts = Accounts(url)
    accounts.add_user("jan", PASSWORD)
    with Store(url) as store:
        secret = store.create_interview(
            InterviewMeta(dialog_version="1", company=SECRET_COMPANY, title=SECRET_COMPANY)
        )
        store.append(secret, NewEvent(kind="note", raw_text="price talk: 40 EUR/t"))
    _, invite = accounts.invite("Brouwerij De Klok", language="en", expires=timedelta(7), by="jan")
    _, expired = accounts.invite("Oud BV", language="nl", expires=timedelta(seconds=1), by=None)
    revoked_id, revoked = accounts.invite("Weg BV", language="nl", expires=timedelta(7), by=None)
    accounts.revoke_invite(revoked_id)
    accounts.close()
    with local_server(url, home, wait=WAIT) as server:
        time.sleep(1.5)  # the expired link expires
        yield {
            "base": server.base,
            "invite": invite,
            "expired": expired,
            "revoked": revoked,
            "secret": secret,
            "url": url,
        }


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


class Screen:
    """What the app has written to the page's terminal, as plain text."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.raw = bytearray()
        page.on("websocket", lambda ws: ws.on("framereceived", self._frame))

    def _frame(self, payload: str | bytes) -> None:
        if isinstance(payload, bytes):
            self.raw.extend(payload)

    def text(self) -> str:
        return ANSI.sub(b"", bytes(self.raw)).decode("utf-8", "replace")

    def wait_for(self, wanted: str, timeout: float = WAIT) -> None:
        deadline = time.monotonic() + timeout
        while wanted not in self.text():
            if time.monotonic() > deadline:
                raise AssertionError(f"{wanted!r} never appeared; last: {self.text()[-600:]!r}")
            self.page.wait_for_timeout(250)

    def since(self) -> Callable[[], str]:
        mark = len(self.raw)
        return lambda: ANSI.sub(b"", bytes(self.raw[mark:])).decode("utf-8", "replace")

    def type(self, text: str) -> None:
        self.page.focus(".xterm-helper-textarea")
        self.page.keyboard.type(text)


def _wait_for_answer(url: str, answer: str) -> None:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        with Store(url) as store:
            for summary in store.list_interviews():
                if any(event.raw_text == answer for event in store.events(summary.id)):
                    return
        time.sleep(0.5)
    raise AssertionError(f"the answer {answer!r} never reached the team's database")


def test_a_broker_logs_in_interviews_sees_the_dossier_and_exports_a_report(
    team: dict[str, Any], browser: Browser
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 860}, accept_downloads=True)
    page = context.new_page()
    screen = Screen(page)
    page.goto(team["base"] + "/")
    assert page.url.endswith("/login")
    page.fill("#name", "jan")
    page.fill("#password", PASSWORD)
    page.click("#login")
    page.wait_for_selector("body.-first-byte", timeout=WAIT * 1000)
    screen.wait_for(SECRET_COMPANY)  # brokers share the team's interviews
    screen.type("n")
    screen.wait_for(_question("broker", "nl"))
    screen.type("Brouwerij Proef\r")
    _wait_for_answer(team["url"], "Brouwerij Proef")  # saved on the team's database
    screen.type("/rapport")  # F3 would be the browser's "find next"
    page.wait_for_timeout(1000)
    page.keyboard.press("Enter")
    screen.wait_for("H/M/X/J")  # the report preview and its export keys
    page.wait_for_timeout(2000)
    delivered: list[Any] = []
    context.on(
        "response",
        lambda response: delivered.append(response) if "/download/" in response.url else None,
    )
    page.keyboard.press("m")  # export Markdown: the file is delivered to the browser
    deadline = time.monotonic() + WAIT
    while not delivered and time.monotonic() < deadline:
        page.wait_for_timeout(250)
    assert delivered, "no report was delivered to the browser"
    response = delivered[0]
    assert response.status == 200
    disposition = response.headers["content-disposition"]
    assert disposition.startswith("attachment") and ".md" in disposition
    assert "brouwerij-proef" in disposition  # the report of this interview
    page.click("#logout")
    page.wait_for_url("**/login")
    context.close()


def test_an_invited_company_reaches_only_its_own_self_assessment(
    team: dict[str, Any], browser: Browser
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 860})
    page = context.new_page()
    screen = Screen(page)
    page.goto(f"{team['base']}/invite/{team['invite']}")
    assert "Brouwerij De Klok" in page.inner_text("#company")
    page.click("#start")
    page.wait_for_selector("body.-first-byte", timeout=WAIT * 1000)
    screen.wait_for(_question("self", "en"))  # in the invitation's language
    after = screen.since()
    page.focus(".xterm-helper-textarea")
    page.keyboard.press("Escape")  # back to the start screen, then the register key
    page.wait_for_timeout(2000)
    page.keyboard.press("m")
    screen.wait_for("not part")  # the door's refusal (short: a notice wraps)
    assert "not part" in after()
    # by URL: there is no address of another interview; a query naming one changes nothing
    page.goto(f"{team['base']}/?interview={team['secret']}")
    page.wait_for_selector("body.-first-byte", timeout=WAIT * 1000)
    page.wait_for_timeout(4000)
    assert SECRET_COMPANY not in screen.text() and "price talk" not in screen.text()
    context.close()


def test_wrong_password_expired_and_revoked_links_and_forged_cookies_fail_closed(
    team: dict[str, Any], browser: Browser
) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(team["base"] + "/login")
    page.fill("#name", "jan")
    page.fill("#password", "not the password")
    page.click("#login")
    assert page.locator("#problem").is_visible()
    for token in (team["expired"], team["revoked"], "made-up-token"):
        response = page.goto(f"{team['base']}/invite/{token}")
        assert response is not None and response.status == 404
        assert page.locator("#problem").is_visible()
    context.add_cookies([{"name": "isassist_session", "value": "forged", "url": team["base"]}])
    page.goto(team["base"] + "/")
    assert page.url.endswith("/login")
    context.close()


def test_a_script_logs_in_over_http_and_a_wrong_password_gets_no_session(
    team: dict[str, Any],
) -> None:
    """The serve benchmark's login (isassist.server.local.log_in), against the same server."""
    cookie = log_in(team["base"], "jan", PASSWORD)
    assert len(cookie) >= 20
    with pytest.raises(RuntimeError, match="no session cookie"):
        log_in(team["base"], "jan", "wrong password")
