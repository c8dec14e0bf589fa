"""A team server on this machine, for the scripts and tests that drive ``isassist serve``.

The serve benchmark and the browser tests both need the real thing: the command started as a
user starts it, on a free loopback port and a team database of their own, waited for until it
answers, and stopped afterwards, plus a broker's session cookie. One helper does it for both, so
they cannot drift apart in how the server is started.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.cookies import SimpleCookie
from pathlib import Path
from typing import IO

SESSION_COOKIE = "isassist_session"


@dataclass(frozen=True)
class LocalServer:
    """A running ``isassist serve``: where it answers and its process."""

    base: str
    port: int
    process: subprocess.Popen[bytes]


def free_port() -> int:
    """A loopback port nothing listens on (the system's pick)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_until_listening(port: int, process: subprocess.Popen[bytes], wait: float) -> None:
    deadline = time.monotonic() + wait
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"isassist serve ended with exit code {process.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if time.monotonic() > deadline:
                message = f"isassist serve did not listen on port {port} in {wait} s"
                raise TimeoutError(message) from None
            time.sleep(0.3)


@contextmanager
def local_server(
    db_url: str, home: Path, *, log: IO[bytes] | None = None, wait: float = 120.0
) -> Iterator[LocalServer]:
    """Run ``isassist serve`` on ``db_url`` (loopback, a free port, plain-HTTP cookies) with its
    data and configuration under ``home``; yields once it accepts connections (``wait``
    seconds at most) and stops it when the block ends."""
    port = free_port()
    env = dict(
        os.environ, ISASSIST_DATA_DIR=str(home / "data"), ISASSIST_CONFIG=str(home / "c.toml")
    )
    command = [sys.executable, "-m", "isassist", "serve", "--port", str(port), "--db", db_url]
    process = subprocess.Popen(
        [*command, "--insecure-cookies"],
        env=env,
        stdout=log if log is not None else subprocess.DEVNULL,
        stderr=subprocess.STDOUT if log is not None else subprocess.DEVNULL,
    )
    try:
        _wait_until_listening(port, process, wait)
        yield LocalServer(base=f"http://127.0.0.1:{port}", port=port, process=process)
    finally:
        process.terminate()
        try:
            process.wait(timeout=120)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class _Stay(urllib.request.HTTPRedirectHandler):
    """Keep the login's redirect as the answer: its Set-Cookie is what is wanted."""

    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def log_in(base: str, name: str, password: str) -> str:
    """The session cookie a broker gets by logging in at ``base`` (the login form's post)."""
    form = urllib.parse.urlencode({"name": name, "password": password}).encode()
    request = urllib.request.Request(f"{base}/login", data=form, headers={"Origin": base})
    opener = urllib.request.build_opener(_Stay)
    try:
        response = opener.open(request, timeout=60)
        headers = response.headers
    except urllib.error.HTTPError as answer:  # the redirect after a login that worked
        headers = answer.headers
    cookies = SimpleCookie()
    for header in headers.get_all("Set-Cookie") or []:
        cookies.load(header)
    if SESSION_COOKIE not in cookies:
        raise RuntimeError(f"logging in as {name!r} at {base} gave no session cookie")
    return cookies[SESSION_COOKIE].value
