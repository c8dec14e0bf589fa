"""Benchmark of the report preview (F3): key press to summary shown, and to the full report.

    uv run python benchmarks/preview_bench.py [--runs 5]

One process, the brewery replay loaded as an interview in a headless app of 100x32. For each
run F3 is pressed and the clock stops when the preview screen has painted its summary
(target: <= 300 ms after the key), and again when the full report, written by a thread
worker, is on screen. As a same-run baseline, F1 (the help page, static Markdown) is timed the
same way; the ratio preview/help is printed so machines of different speed compare.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

REPLAY = (
    Path(__file__).resolve().parent.parent
    / "dialogs"
    / "replays"
    / "01_brewery_spent_grain_nl.yaml"
)


async def measure(runs: int) -> tuple[list[float], list[float], list[float]]:
    os.environ["ISASSIST_DATA_DIR"] = tempfile.mkdtemp(prefix="isassist-bench-")
    from isassist.interview.adapters import live_services
    from isassist.interview.loader import shipped_dialog
    from isassist.interview.persistence import start_saved
    from isassist.interview.replay import run_replay
    from isassist.store import Store
    from isassist.tui.app import make_app
    from isassist.tui.screens.reading import ReadingScreen
    from isassist.tui.screens.report import ReportScreen

    store = Store(None)
    outcome = run_replay(
        REPLAY,
        lambda spec: start_saved(
            store, live_services(), spec.mode, spec.language, spec.title, shipped_dialog()
        ),
    )
    assert outcome.interview_id is not None
    app = make_app(interview_id=outcome.interview_id)
    summary_s: list[float] = []
    full_s: list[float] = []
    help_s: list[float] = []
    async with app.run_test(size=(100, 32)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        for _ in range(runs):
            start = time.perf_counter()
            app.simulate_key("f1")  # not pilot.press: that waits for every worker to finish
            while not isinstance(app.screen, ReadingScreen):
                await asyncio.sleep(0.001)
            await app.painted()
            help_s.append(time.perf_counter() - start)
            await pilot.press("escape")
            await pilot.pause()

            start = time.perf_counter()
            app.simulate_key("f3")
            while not isinstance(app.screen, ReportScreen):
                await asyncio.sleep(0.001)
            screen: Any = app.screen
            await app.painted()
            summary_s.append(time.perf_counter() - start)
            while screen.loading:
                await asyncio.sleep(0.005)
            await pilot.pause()
            full_s.append(time.perf_counter() - start)
            await pilot.press("escape")
            await pilot.pause()
    return summary_s, full_s, help_s


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    summary, full, help_page = asyncio.run(measure(args.runs))
    ms = 1000.0
    print(f"F1 help page shown (baseline):  median {statistics.median(help_page) * ms:.0f} ms")
    print(
        f"F3 summary shown:               median {statistics.median(summary) * ms:.0f} ms, "
        f"max {max(summary) * ms:.0f} ms (target <= 300 ms)"
    )
    print(f"F3 full report filled in:       median {statistics.median(full) * ms:.0f} ms")
    ratio = statistics.median(summary) / statistics.median(help_page)
    print(f"ratio summary / help page:      {ratio:.2f}")


if __name__ == "__main__":
    main()
