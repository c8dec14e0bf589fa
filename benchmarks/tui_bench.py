"""Benchmark of the Textual assistant: start to first question, answer to dossier, memory.

    uv run python benchmarks/tui_bench.py [--runs 5]

Start times are wall-clock from launching a fresh Python process to the moment the screen
shows (a bare Textual app's first paint, measured in the same run for comparison, and
isassist's first interview question after "new interview" is chosen at once; question 1 is the
preview read from the intake file, so the time until the engine has taken over (the
interview screen asks and takes answers) and until the interview is in the store are
printed too). Answer time is from sending a line to the dossier panel
being redrawn, in one process, over a short interview that starts once the background warm-up
has finished (it ends well before anyone has typed an answer; its length is printed).
Memory is the peak resident set of the isassist process.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from typing import Any, NamedTuple


def child_bare(t0: float) -> None:
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("hello")

        def on_mount(self) -> None:
            self.call_after_refresh(self._shown)

        def _shown(self) -> None:
            print(f"{time.time() - t0:.4f} 0 0 0 {time.process_time():.4f}")
            self.exit()

    Bare().run(headless=True, size=(80, 24))


def child_app(t0: float) -> None:
    from textual.widgets import Static

    from isassist.tui.app import make_app

    app = make_app()
    shown: list[float] = []
    ready: list[float] = []
    cpu: list[float] = []  # the process's CPU seconds when the engine was ready

    def question_visible(screen: str) -> bool:
        """A question bubble is on the active screen (the opening preview or the engine's).
        The screen's name is compared first: the probe runs every 2 ms and must cost the
        app next to nothing while other screens show."""
        if type(app.screen).__name__ != screen:
            return False
        return any(w.has_class("-question") for w in app.screen.query(Static))

    def watch() -> None:
        timer = timers[0]
        if not shown:  # polled every 2 ms: at most 2 ms late, never early
            if question_visible("OpeningScreen") or question_visible("InterviewScreen"):
                app.call_after_refresh(lambda: shown.append(time.time() - t0))
                timer.stop()  # poll less often now: polling competes with the loading thread
                timers[0] = app.set_interval(0.02, watch)
        elif not ready:
            if question_visible("InterviewScreen"):
                app.call_after_refresh(
                    lambda: ready.append(time.time() - t0) or cpu.append(time.process_time())
                )
        elif cpu:
            timer.stop()
            timers[0] = app.set_interval(0.02, saved)

    def saved() -> None:
        from isassist.session.saved import is_saved  # imported after the figures are taken

        if app.conversation is not None and is_saved(app.conversation.interview):
            timers[0].stop()
            app.call_after_refresh(done)

    def done() -> None:
        rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{shown[0]:.4f} {rss_mb:.1f} {ready[0]:.4f} {time.time() - t0:.4f} {cpu[0]:.4f}")
        app.exit()

    timers: list[Any] = []

    def begin() -> None:
        timers.append(app.set_interval(0.002, watch))
        app.run_worker(app.new_interview("broker", "nl"))

    app.call_later(begin)
    app.run(headless=True, size=(80, 24))


class Run(NamedTuple):
    """One child's figures, in seconds from its launch (``cpu``: the process's CPU time at
    the bare app's first paint or at isassist's engine ready, which machine load distorts
    far less than wall time)."""

    shown: float
    rss_mb: float
    ready: float
    saved: float
    cpu: float


def spawn(kind: str, data_dir: str | None = None) -> Run:
    """Run one child; ``data_dir`` (default: a new, empty one) holds its interview store."""
    folder = data_dir or tempfile.mkdtemp(prefix="isassist-bench-")
    env = dict(os.environ, ISASSIST_DATA_DIR=folder)
    t0 = time.time()
    out = subprocess.run(
        [sys.executable, __file__, "--child", kind, "--t0", repr(t0)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    fields = [*out.stdout.strip().splitlines()[-1].split(), "0", "0", "0", "0"][:5]
    return Run(*(float(f) for f in fields))


ANSWERS = [
    "Zagerij Hout",
    "zagen van hout",
    "16.10",
    "8500 Kortrijk",
    "de zaaglijn",
    "planken",
    "zaagsel",
    "warmte van de droogoven",
    "pellets",
    "zaagsel",
    "materiaal",
    "zaagsel van de lintzaag",
    "verloren",
    "3",
    "4",
    "ja",
    "03 01 05",
    "nee",
    "?",
    "weet niet",
    "vast",
    "300 ton per jaar",
]


warm_s: list[float] = []


async def answer_times() -> list[float]:
    os.environ["ISASSIST_DATA_DIR"] = tempfile.mkdtemp(prefix="isassist-bench-")
    from isassist.tui.app import make_app
    from isassist.tui.screens.interview import InterviewScreen

    app = make_app()
    times: list[float] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await app.new_interview("broker", "nl")
        opened = time.perf_counter()
        await app.workers.wait_for_complete()
        warm_s.append(time.perf_counter() - opened)
        await pilot.pause()
        screen: Any = app.screen
        assert isinstance(screen, InterviewScreen)
        for line in ANSWERS:
            start = time.perf_counter()
            screen.run_line(line)  # answer -> engine -> rules -> dossier panel redrawn
            times.append(time.perf_counter() - start)
            await pilot.pause()
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--child", choices=["bare", "app"])
    parser.add_argument("--t0", type=float, default=0.0)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if args.child == "bare":
        child_bare(args.t0)
        return
    if args.child == "app":
        child_app(args.t0)
        return
    bare = [spawn("bare").shown for _ in range(args.runs)]
    runs = [spawn("app") for _ in range(args.runs)]
    app_s = [r[0] for r in runs]
    rss = max(r[1] for r in runs)
    ready = [r[2] for r in runs]
    saved = [r[3] for r in runs]
    answers = asyncio.run(answer_times())
    ratio = statistics.median(app_s) / statistics.median(bare)
    print(f"bare Textual app, first paint:   median {statistics.median(bare) * 1000:.0f} ms")
    print(f"isassist, first question:        median {statistics.median(app_s) * 1000:.0f} ms")
    print(f"ratio (target <= 1.5):           {ratio:.2f}")
    print(f"isassist, engine ready:          median {statistics.median(ready) * 1000:.0f} ms")
    print(f"isassist, interview saved:       median {statistics.median(saved) * 1000:.0f} ms")
    print(
        f"answer -> dossier panel:         median {statistics.median(answers) * 1000:.1f} ms, "
        f"max {max(answers) * 1000:.1f} ms over {len(answers)} answers (target <= 100 ms)"
    )
    print(f"warm-up after the engine is ready: {warm_s[0] * 1000:.0f} ms")
    print(f"peak resident memory:            {rss:.0f} MB (target <= 200 MB)")


if __name__ == "__main__":
    main()
