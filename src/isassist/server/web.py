"""The web server of ``isassist serve``: login, invitation links, and the app over a websocket.

textual-serve supplies the pieces that run a Textual app behind a websocket (its
``AppService`` starts one app process per connection and relays the terminal, its
``DownloadManager`` relays files the app delivers, its static folder holds xterm.js and the
Roboto Mono font). Its own ``Server`` is not used: it has no accounts, its page loads a font
from Google, and it would hand any browser an app. Here every request that reaches an app or a
file passes the session cookie check, the websocket also an Origin check (a page on another
site cannot open a connection with the user's cookie), and each app process learns whom it
serves from a one-time launch ticket written to the database (:mod:`isassist.server.child`).

Pages are this package's own Jinja2 templates (autoescaped) and load nothing from other hosts;
every response carries a Content-Security-Policy and X-Frame-Options DENY.
"""

from __future__ import annotations

import asyncio
import logging
import shlex
import shutil
import sys
import tempfile
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
from aiohttp import WSMsgType, web
from aiohttp.helpers import content_disposition_header

from isassist.server.accounts import Accounts, Identity, LoginRefused
from isassist.server.child import DB_URL_ENV, EXPORT_ENV, TICKET_ENV

log = logging.getLogger("isassist.server")

COOKIE = "isassist_session"
PACKAGE = files("isassist.server")
STATIC_TEXTUAL = Path(str(files("textual_serve"))) / "static"
STATIC_OWN = Path(str(PACKAGE / "static"))

# xterm.js draws into canvases and sets element styles itself; everything else is 'self'
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; frame-ancestors 'none'; "
    "base-uri 'none'; form-action 'self'; object-src 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    # an invitation token is in the URL: never send it to another site ("no-referrer" would
    # also make Chrome send "Origin: null" on this site's own form posts)
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}


@dataclass
class Settings:
    """How the server runs; ``secure_cookies`` off only for plain http on localhost."""

    db_url: str
    secure_cookies: bool = True
    same_site: str = "Strict"
    trust_forwarded_for: bool = False
    app_command: str = ""
    title: str = "isassist"


@dataclass
class _Connections:
    """Which session each running app process belongs to (for its file downloads)."""

    owner: dict[str, str] = field(default_factory=dict)  # app_service_id -> session id


def _templates() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(PACKAGE / "templates")),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )


def child_command() -> str:
    """The command each connection runs: this Python, the child module."""
    return f"{shlex.quote(sys.executable)} -m isassist.server.child"


def _lang_of(request: web.Request) -> str:
    wanted = request.headers.get("Accept-Language", "")
    return "en" if wanted.lower().startswith("en") else "nl"


def _client_address(request: web.Request, settings: Settings) -> str:
    if settings.trust_forwarded_for:
        forwarded = request.headers.get("X-Forwarded-For", "")
        last = forwarded.split(",")[-1].strip()
        if last:
            return last
    return request.remote or "unknown"


def _same_origin(request: web.Request) -> bool:
    """Whether the request comes from a page of this server (Origin or Referer matches Host).

    Browsers send Origin on websocket handshakes and form posts; a request without either is
    refused as well, since no page of this server makes one."""
    source = request.headers.get("Origin") or request.headers.get("Referer")
    if not source:
        return False
    return urlsplit(source).netloc.lower() == request.host.lower()


def _decorate(response: web.StreamResponse, request: web.Request) -> None:
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    if not request.path.startswith(("/static/", "/assets/")):
        response.headers.setdefault("Cache-Control", "no-store")


@web.middleware
async def _security_headers(
    request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
) -> web.StreamResponse:
    try:
        response = await handler(request)
    except web.HTTPException as error:  # redirects and aiohttp's own 404/405
        _decorate(error, request)
        raise
    _decorate(response, request)
    return response


class IsAssistServer:
    """The aiohttp application: routes, cookie checks, app processes."""

    def __init__(self, settings: Settings, accounts: Accounts) -> None:
        self.settings = settings
        self.accounts = accounts
        self.templates = _templates()
        self.connections = _Connections()
        from textual_serve.download_manager import DownloadManager

        self.downloads = DownloadManager()
        self.export_root = Path(tempfile.mkdtemp(prefix="isassist-serve-"))

    def make_app(self) -> web.Application:
        app = web.Application(middlewares=[_security_headers], client_max_size=64 * 1024)
        app.add_routes(
            [
                web.get("/", self.index),
                web.get("/login", self.login_page),
                web.post("/login", self.login),
                web.post("/logout", self.logout),
                web.get("/invite/{token}", self.invite),
                web.get("/ws", self.websocket),
                web.get("/download/{key}", self.download),
                web.get("/favicon.ico", _no_icon),
                web.static("/static", STATIC_TEXTUAL),
                web.static("/assets", STATIC_OWN),
            ]
        )
        return app

    # -- pages ------------------------------------------------------------------------------

    def _page(self, template: str, status: int = 200, **context: Any) -> web.Response:
        text = self.templates.get_template(template).render(title=self.settings.title, **context)
        return web.Response(text=text, status=status, content_type="text/html", charset="utf-8")

    def _error(self, request: web.Request, status: int, key: str) -> web.Response:
        return self._page("error.html", status=status, lang=_lang_of(request), problem=key)

    async def _identity(self, request: web.Request) -> tuple[str, Identity] | None:
        session_id = request.cookies.get(COOKIE)
        if not session_id or len(session_id) > 128:
            return None
        identity = await asyncio.to_thread(self.accounts.identity, session_id)
        return None if identity is None else (session_id, identity)

    def _set_cookie(self, response: web.StreamResponse, session_id: str) -> None:
        response.set_cookie(
            COOKIE,
            session_id,
            httponly=True,
            secure=self.settings.secure_cookies,
            samesite=self.settings.same_site,
            path="/",
        )

    async def index(self, request: web.Request) -> web.StreamResponse:
        found = await self._identity(request)
        if found is None:
            raise web.HTTPFound("/login")
        _, identity = found
        lang = identity.language if identity.role == "invitee" else _lang_of(request)
        return self._page("app.html", lang=lang, who=identity.name, role=identity.role)

    async def login_page(self, request: web.Request) -> web.StreamResponse:
        return self._page("login.html", lang=_lang_of(request), refused=False, name="")

    async def login(self, request: web.Request) -> web.StreamResponse:
        if not _same_origin(request):
            return self._error(request, 403, "origin")
        form = await request.post()
        name, password = str(form.get("name", "")), str(form.get("password", ""))
        address = _client_address(request, self.settings)
        try:
            session_id = await asyncio.to_thread(self.accounts.login, name, password, address)
        except LoginRefused:
            lang = _lang_of(request)
            return self._page("login.html", status=401, lang=lang, refused=True, name=name[:64])
        response = web.HTTPSeeOther("/")
        self._set_cookie(response, session_id)
        raise response

    async def logout(self, request: web.Request) -> web.StreamResponse:
        if not _same_origin(request):
            return self._error(request, 403, "origin")
        session_id = request.cookies.get(COOKIE)
        if session_id:
            await asyncio.to_thread(self.accounts.logout, session_id)
        response = web.HTTPSeeOther("/login")
        response.del_cookie(COOKIE, path="/")
        raise response

    async def invite(self, request: web.Request) -> web.StreamResponse:
        token = request.match_info["token"]
        session_id = None
        if len(token) <= 128:
            session_id = await asyncio.to_thread(self.accounts.open_invite, token)
        if session_id is None:
            return self._error(request, 404, "invite")
        identity = await asyncio.to_thread(self.accounts.identity, session_id)
        assert identity is not None
        # a page, not a redirect: the next request is same-site, so a Strict cookie is sent
        response = self._page("invite.html", lang=identity.language, company=identity.name)
        self._set_cookie(response, session_id)
        return response

    # -- the app ----------------------------------------------------------------------------

    async def websocket(self, request: web.Request) -> web.StreamResponse:
        if not _same_origin(request):
            return self._error(request, 403, "origin")
        found = await self._identity(request)
        if found is None:
            return self._error(request, 401, "session")
        session_id, _ = found
        ticket = await asyncio.to_thread(self.accounts.issue_ticket, session_id)
        if ticket is None:
            return self._error(request, 401, "session")
        width = _bounded(request.query.get("width"), 80)
        height = _bounded(request.query.get("height"), 24)
        socket = web.WebSocketResponse(heartbeat=15, max_msg_size=1024 * 1024)
        await socket.prepare(request)
        export_dir = Path(tempfile.mkdtemp(dir=self.export_root))
        environment = {
            TICKET_ENV: ticket,
            DB_URL_ENV: self.settings.db_url,
            EXPORT_ENV: str(export_dir),
        }
        service = _app_service(
            self.settings.app_command or child_command(), environment, socket, self.downloads
        )
        self.connections.owner[service.app_service_id] = session_id
        try:
            await service.start(width, height)
            await _relay(socket, service)
        except asyncio.CancelledError:
            await socket.close()
        finally:
            await service.stop()
            self.connections.owner.pop(service.app_service_id, None)
            shutil.rmtree(export_dir, ignore_errors=True)
        return socket

    async def download(self, request: web.Request) -> web.StreamResponse:
        found = await self._identity(request)
        if found is None:
            return self._error(request, 401, "session")
        session_id, _ = found
        key = request.match_info["key"]
        try:
            meta = await self.downloads.get_download_metadata(key)
        except KeyError:
            return self._error(request, 404, "download")
        if self.connections.owner.get(meta.app_service.app_service_id) != session_id:
            return self._error(request, 404, "download")  # another session's file
        response = web.StreamResponse()
        charset = f"; charset={meta.encoding}" if meta.encoding else ""
        response.headers["Content-Type"] = meta.mime_type + charset
        disposition = "inline" if meta.open_method == "browser" else "attachment"
        response.headers["Content-Disposition"] = content_disposition_header(
            disposition, filename=meta.file_name
        )
        await response.prepare(request)
        async for chunk in self.downloads.download(key):
            await response.write(chunk)
        await response.write_eof()
        return response


async def _no_icon(request: web.Request) -> web.StreamResponse:
    return web.Response(status=204)


def _bounded(value: str | None, default: int) -> int:
    try:
        return max(10, min(500, int(value or default)))
    except ValueError:
        return default


def _app_service(
    command: str, extra: dict[str, str], socket: web.WebSocketResponse, downloads: Any
) -> Any:
    """textual-serve's AppService with this connection's ticket, database and export folder
    added to the child's environment (it copies the server's own)."""
    from textual_serve.app_service import AppService

    class _Service(AppService):
        def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
            environment: dict[str, str] = super()._build_environment(width, height)
            environment.update(extra)
            return environment

        async def run(self) -> None:
            try:
                await super().run()
            finally:  # the app ended (or never started: a refused ticket): tell the browser
                await self.remote_close()

        async def stop(self) -> None:
            await super().stop()
            process = self._process
            if process is None or process.returncode is not None:
                return
            try:  # asked to quit: give it a moment, then end it (never leave a zombie)
                await asyncio.wait_for(process.wait(), timeout=10)
            except TimeoutError:
                process.kill()
                await process.wait()

    async def close() -> None:
        await socket.close()

    return _Service(
        command,
        write_bytes=socket.send_bytes,
        write_str=socket.send_str,
        close=close,
        download_manager=downloads,
    )


async def _relay(socket: web.WebSocketResponse, service: Any) -> None:
    """Browser -> app: keys, resizes, focus; the app's output goes back through the service."""
    async for message in socket:
        if message.type != WSMsgType.TEXT:
            continue
        try:
            envelope = message.json()
            kind, data = envelope[0], envelope[1] if len(envelope) > 1 else None
        except (ValueError, TypeError, IndexError, KeyError):
            continue  # not a message the terminal page sends
        if kind == "stdin" and isinstance(data, str):
            await service.send_bytes(data.encode("utf-8"))
        elif kind == "resize" and isinstance(data, dict):
            await service.set_terminal_size(
                _bounded(str(data.get("width")), 80), _bounded(str(data.get("height")), 24)
            )
        elif kind == "ping":
            await socket.send_json(["pong", data])
        elif kind == "blur":
            await service.blur()
        elif kind == "focus":
            await service.focus()


def run(settings: Settings, host: str, port: int) -> None:
    """Serve until interrupted."""
    accounts = Accounts(settings.db_url)
    server = IsAssistServer(settings, accounts)
    try:
        web.run_app(server.make_app(), host=host, port=port, print=None)
    finally:
        accounts.close()
