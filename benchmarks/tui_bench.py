"""Benchmark of the Textual assistant: start to first question, answer to dossier, memory.

    uv run python benchmarks/tui_bench.py [--runs 5]

Start times are wall-clock from launching a fresh Python process to the moment the screen
shows (a bare Textual app's first paint, measured in the same run for comparison, and
isassist's first interview question after "new interview" is chosen at once). Answer time is
from sending a line to the dossier panel being redrawn, in one process, over a short
interview. Memory is the peak resident set of the isassist process.
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
from typing import Any


def child_bare(t0: float) -> None:
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("hello")

        def on_mount(self) -> None:
            self.call_after_refresh(self._shown)

        def _shown(self) -> None:
            print(f"{time.time() - t0:.4f} 0")
            self.exit()

    Bare().run(headless=True, size=(80, 24))


def child_app(t0: float) -> None:
    from isassist.tui.app import make_app
    from isassist.tui.screens.interview import InterviewScreen

    app = make_app()

    async def first_question() -> None:
        await app.new_interview("broker", "nl")
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        app.call_after_refresh(done)

    def done() -> None:
        rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"{time.time() - t0:.4f} {rss_mb:.1f}")
        app.exit()

    app.call_later(app.run_worker, first_question())
    app.run(headless=True, size=(80, 24))


def spawn(kind: str) -> tuple[float, float]:
    env = dict(os.environ, ISASSIST_DATA_DIR=tempfile.mkdtemp(prefix="isassist-bench-"))
    t0 = time.time()
    out = subprocess.run(
        [sys.executable, __file__, "--child", kind, "--t0", repr(t0)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    seconds, rss = out.stdout.strip().splitlines()[-1].split()
    return float(seconds), float(rss)


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


async def answer_times() -> list[float]:
    os.environ["ISASSIST_DATA_DIR"] = tempfile.mkdtemp(prefix="isassist-bench-")
    from isassist.tui.app import make_app
    from isassist.tui.screens.interview import InterviewScreen

    app = make_app()
    times: list[float] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await app.new_interview("broker", "nl")
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
    bare = [spawn("bare")[0] for _ in range(args.runs)]
    runs = [spawn("app") for _ in range(args.runs)]
    app_s = [r[0] for r in runs]
    rss = max(r[1] for r in runs)
    answers = asyncio.run(answer_times())
    ratio = statistics.median(app_s) / statistics.median(bare)
    print(f"bare Textual app, first paint:   median {statistics.median(bare) * 1000:.0f} ms")
    print(f"isassist, first question:        median {statistics.median(app_s) * 1000:.0f} ms")
    print(f"ratio (target <= 1.5):           {ratio:.2f}")
    print(
        f"answer -> dossier panel:         median {statistics.median(answers) * 1000:.1f} ms, "
        f"max {max(answers) * 1000:.1f} ms over {len(answers)} answers (target <= 100 ms)"
    )
    print(f"peak resident memory:            {rss:.0f} MB (target <= 200 MB)")


if __name__ == "__main__":
    main()
