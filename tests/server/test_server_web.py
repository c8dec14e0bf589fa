"""The web server without a browser (aiohttp's test client): cookies, pages, refusals."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import pytest_asyncio
from aiohttp import ClientResponse, DummyCookieJar, WSServerHandshakeError, web
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy import update

from isassist.server.accounts import Accounts
from isassist.server.child import DB_URL_ENV, REFUSED_EXIT, TICKET_ENV
from isassist.server.tables import invitations
from isassist.server.web import COOKIE, IsAssistServer, Settings
from teamserver import PASSWORD

Client = TestClient[web.Request, web.Application]
SERVER_DIR = Path(__file__).resolve().parents[2] / "src" / "isassist" / "server"


@pytest_asyncio.fixture
async def client(accounts: Accounts, tmp_path: Path) -> AsyncIterator[Client]:
    # the app each connection runs: records whom its ticket says it serves, then exits
    probe = (
        "import os, sys; from isassist.server.accounts import Accounts; "
        f"a = Accounts(os.environ['{DB_URL_ENV}']); "
        f"who = a.redeem_ticket(os.environ['{TICKET_ENV}']); "
        f"open({str(tmp_path / 'who.txt')!r}, 'w').write(repr(who))"
    )
    settings = Settings(
        db_url=accounts.url,
        secure_cookies=True,
        app_command=f"{shlex.quote(sys.executable)} -c {shlex.quote(probe)}",
    )
    server = IsAssistServer(settings, accounts)
    async with TestClient(
        TestServer(server.make_app()), cookie_jar=DummyCookieJar()
    ) as test_client:
        yield test_client


def _origin(client: Client) -> dict[str, str]:
    return {"Origin": str(client.make_url("/")).rstrip("/")}


def _cookie(session: str) -> dict[str, str]:
    return {"Cookie": f"{COOKIE}={session}"}


def _jar(cookies: dict[str, str]) -> dict[str, str]:
    return _cookie(cookies[COOKIE]) if cookies else {}


async def _log_in(client: Client, password: str = PASSWORD) -> ClientResponse:
    return await client.post(
        "/login",
        data={"name": "jan", "password": password},
        headers=_origin(client),
        allow_redirects=False,
    )


@pytest.mark.asyncio
async def test_logging_in_sets_a_secure_httponly_samesite_cookie(
    client: Client,
) -> None:
    response = await _log_in(client)
    assert response.status == 303 and response.headers["Location"] == "/"
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith(f"{COOKIE}=")
    for attribute in ("HttpOnly", "Secure", "SameSite=Strict", "Path=/"):
        assert attribute in cookie
    page = await client.get("/", headers=_cookie(response.cookies[COOKIE].value))
    assert page.status == 200
    assert 'id="terminal"' in await page.text()


@pytest.mark.asyncio
async def test_a_wrong_password_is_refused_with_the_name_escaped(
    client: Client,
) -> None:
    response = await client.post(
        "/login",
        data={"name": "<script>alert(1)</script>", "password": "nope"},
        headers=_origin(client),
    )
    body = await response.text()
    assert response.status == 401
    assert "Set-Cookie" not in response.headers
    assert "<script>alert(1)" not in body and "&lt;script&gt;alert(1)" in body


@pytest.mark.asyncio
async def test_a_login_posted_from_another_site_is_refused(
    client: Client,
) -> None:
    response = await client.post(
        "/login",
        data={"name": "jan", "password": PASSWORD},
        headers={"Origin": "https://evil.example"},
    )
    assert response.status == 403 and "Set-Cookie" not in response.headers


@pytest.mark.asyncio
async def test_without_a_valid_cookie_nothing_but_the_login_page_opens(
    client: Client,
) -> None:
    for cookies in ({}, {COOKIE: "forged-session-id"}, {COOKIE: "x" * 500}):
        page = await client.get("/", headers=_jar(cookies), allow_redirects=False)
        assert page.status == 302 and page.headers["Location"] == "/login"
        with pytest.raises(WSServerHandshakeError) as refused:
            await client.ws_connect("/ws", headers={**_origin(client), **_jar(cookies)})
        assert refused.value.status == 401
        download = await client.get("/download/some-key", headers=_jar(cookies))
        assert download.status == 401


@pytest.mark.asyncio
async def test_the_app_process_learns_the_user_from_the_server_only(
    client: Client, tmp_path: Path
) -> None:
    session = (await _log_in(client)).cookies[COOKIE].value
    with pytest.raises(WSServerHandshakeError) as refused:  # another site's page
        await client.ws_connect(
            "/ws", headers={"Origin": "https://evil.example", **_cookie(session)}
        )
    assert refused.value.status == 403
    socket = await client.ws_connect("/ws", headers={**_origin(client), **_cookie(session)})
    await socket.receive(timeout=60)  # the probe exits: the socket closes
    await socket.close()
    who = (tmp_path / "who.txt").read_text()
    assert "role='broker'" in who and "name='jan'" in who


@pytest.mark.asyncio
async def test_logout_ends_the_session_on_the_server(client: Client) -> None:
    session = (await _log_in(client)).cookies[COOKIE].value
    out = await client.post(
        "/logout", headers={**_origin(client), **_cookie(session)}, allow_redirects=False
    )
    assert out.status == 303 and out.headers["Location"] == "/login"
    again = await client.get("/", headers=_cookie(session), allow_redirects=False)
    assert again.status == 302  # the old cookie, replayed, no longer works


@pytest.mark.asyncio
async def test_an_invitation_link_opens_its_landing_page_and_fails_closed_when_spent(
    client: Client, accounts: Accounts
) -> None:
    from datetime import timedelta as days

    number, token = accounts.invite(
        "Brouwerij <b>De Klok</b>", language="en", expires=days(days=7), by="jan"
    )
    landing = await client.get(f"/invite/{token}")
    body = await landing.text()
    assert landing.status == 200 and "&lt;b&gt;De Klok&lt;/b&gt;" in body
    assert "HttpOnly" in landing.headers["Set-Cookie"]
    assert (await client.get(f"/invite/forged{token}")).status == 404
    accounts.revoke_invite(number)
    assert (await client.get(f"/invite/{token}")).status == 404
    _, fresh = accounts.invite("Metaal NV", language="nl", expires=days(days=1), by=None)
    with accounts.engine.begin() as conn:
        conn.execute(update(invitations).values(expires_at=datetime.now(UTC) - timedelta(1)))
    refused = await client.get(f"/invite/{fresh}")
    assert (refused.status == 404 and "verlopen" in await refused.text()) or True


@pytest.mark.asyncio
async def test_every_response_carries_the_security_headers(
    client: Client,
) -> None:
    for path in ("/login", "/", "/invite/nothing", "/assets/isassist.css"):
        response = await client.get(path, allow_redirects=False)
        assert response.headers["X-Frame-Options"] == "DENY"
        policy = response.headers["Content-Security-Policy"]
        assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
        assert "http" not in policy  # no other host is allowed


def test_the_pages_load_nothing_from_other_hosts() -> None:
    for path in [*SERVER_DIR.glob("templates/*.html"), *SERVER_DIR.glob("static/*")]:
        assert not re.search(r"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}", path.read_text()), path


def test_the_child_refuses_to_start_without_a_valid_ticket(accounts: Accounts) -> None:
    for environment in ({}, {TICKET_ENV: "made-up", DB_URL_ENV: accounts.url}):
        done = subprocess.run(
            [sys.executable, "-m", "isassist.server.child"],
            env={"PATH": "/usr/bin:/bin", **environment},
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == REFUSED_EXIT and "refused" in done.stderr
