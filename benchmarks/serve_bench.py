"""`isassist serve` under 20 concurrent sessions: memory per session, time to first question.

Starts the server on a throw-away SQLite database with one broker account, logs in, and opens
N websocket sessions at once as a browser would (cookie, Origin, terminal size). Each session
waits for the start screen, presses "n" and waits for the first interview question. Prints the
median and worst time to the first question, as a ratio against one single session measured
first in the same run (the machine is shared, so absolute seconds say little), and the RSS
of the app processes (each session's process tree) while all N are open.

    uv run python benchmarks/serve_bench.py [--sessions 20]
"""

from __future__ import annotations

import argparse
import asyncio
import re
import statistics
import tempfile
import time
from pathlib import Path

import aiohttp

from isassist.server.accounts import Accounts
from isassist.server.local import local_server, log_in
from isassist.session.opening import opening_question

ANSI = re.compile(rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)|\x1b[()][0-9A-B]")
PASSWORD = "benchmark password"
START_TEXT = "Welkom"
TIMEOUT = 600.0


def _question() -> str:
    found = opening_question("broker", "nl")
    assert found is not None
    return found.text


def _descendants(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        for child in task.read_text().split():
            found += [int(child), *_descendants(int(child))]
    return found


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


async def _session(base: str, cookie: str) -> float:
    """Seconds from opening the websocket to the first question on screen."""
    seconds, ws, client = await _open_and_hold(base, cookie)
    await ws.close()
    await client.close()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    count = parser.parse_args().sessions
    home = Path(tempfile.mkdtemp(prefix="isassist-serve-bench-"))
    url = f"sqlite:///{home / 'team.sqlite3'}"
    accounts = Accounts(url)
    accounts.add_user("bench", PASSWORD)
    accounts.close()
    log = (home / "serve.log").open("wb")
    with local_server(url, home, log=log, wait=TIMEOUT) as server:
        base = server.base
        cookie = log_in(base, "bench", PASSWORD)
        single = asyncio.run(_session(base, cookie))
        rss: list[float] = []
        failed: list[str] = []

        async def all_at_once() -> list[float]:
            sessions = [asyncio.create_task(_open_and_hold(base, cookie)) for _ in range(count)]
            outcomes = await asyncio.gather(*sessions, return_exceptions=True)
            results = [found for found in outcomes if isinstance(found, tuple)]
            failed.extend(str(found) for found in outcomes if not isinstance(found, tuple))
            await asyncio.sleep(2)
            children = _descendants(server.process.pid)
            rss.extend(_rss_mb(pid) for pid in children if _is_app(pid))
            for _, ws, client in results:
                await ws.close()
                await client.close()
            return [seconds for seconds, _, _ in results]

        times = asyncio.run(all_at_once())
    if failed:
        print(f"{len(failed)} of {count} sessions failed: {sorted(set(failed))}; see {log.name}")
    median = statistics.median(times)
    print(f"single session: first question after {single:.1f} s (baseline)")
    print(
        f"{count} concurrent sessions: first question median {median:.1f} s "
        f"({median / single:.1f}x), worst {max(times):.1f} s ({max(times) / single:.1f}x)"
    )
    if rss:
        print(
            f"app processes: {len(rss)}, RSS per session median {statistics.median(rss):.0f} MB, "
            f"max {max(rss):.0f} MB, total {sum(rss):.0f} MB"
        )


def _is_app(pid: int) -> bool:
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False
    return b"isassist.server.child" in command and not command.startswith(b"/bin/sh")


async def _open_and_hold(
    base: str, cookie: str
) -> tuple[float, aiohttp.ClientWebSocketResponse, aiohttp.ClientSession]:
    """Seconds to the first question, keeping the websocket (and its app process) open."""
    question = _question()
    headers = {"Origin": base, "Cookie": f"isassist_session={cookie}"}
    seen = bytearray()
    client = aiohttp.ClientSession()
    start = time.perf_counter()
    ws = await client.ws_connect(f"{base}/ws?width=100&height=30", headers=headers)
    pressed = False
    while True:
        message = await ws.receive(timeout=TIMEOUT)
        if message.type == aiohttp.WSMsgType.BINARY:
            seen.extend(message.data)
            del seen[:-16384]  # the newest screen is enough (and keeps this loop cheap)
        elif message.type != aiohttp.WSMsgType.TEXT:
            raise RuntimeError(f"session closed: {message.type} {ws.close_code}")
        else:
            continue
        text = ANSI.sub(b"", bytes(seen)).decode("utf-8", "replace")
        if not pressed and START_TEXT in text:
            await ws.send_json(["stdin", "n"])
            pressed = True
            seen.clear()
        elif pressed and question in text:
            return time.perf_counter() - start, ws, client


if __name__ == "__main__":
    main()
