"""Start-up of the two front doors, each against a baseline measured in the same run.

    uv run python benchmarks/startup_bench.py [--runs 5]

(a) `isassist classify TEXT` from a cold process (knowledge cache warm, as after the first
    use) against a bare `python -c "import pydantic, rapidfuzz, click"`: what the command
    costs beyond the libraries it cannot do without (target <= 3x).
(b) The TUI's engine ready (the interview started and saved, after "new interview" is chosen
    at once) against a bare Textual app's first paint (target <= 2.5x), on a first start (the
    interview store is created) and on a later start (the store exists); the children are
    those of benchmarks/tui_bench.py.
Runs alternate between the command and its baseline so machine load hits both alike; the
medians and their ratio are printed. Use `python -X importtime -m isassist classify x` to see
what a slow start imports.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tui_bench import spawn

TEXT = "houtafval van paletten"


# A cache folder of this run's own: the per-user one is shared by every checkout on the
# machine, and each checkout's knowledge folder replaces the others' cache file.
# The TUI children (benchmarks/tui_bench.py) inherit it from os.environ.
os.environ["ISASSIST_CACHE_DIR"] = tempfile.mkdtemp(prefix="isassist-startup-")
ENV = dict(os.environ)


def wall(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, capture_output=True, check=True, env=ENV)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", choices=["classify", "tui"])
    args = parser.parse_args()
    if args.only != "tui":
        bare_cmd = [sys.executable, "-c", "import pydantic, rapidfuzz, click"]
        classify_cmd = [sys.executable, "-m", "isassist", "classify", TEXT]
        wall(classify_cmd)  # the first run builds the knowledge cache; not counted
        bare: list[float] = []
        classify: list[float] = []
        for _ in range(args.runs):
            bare.append(wall(bare_cmd))
            classify.append(wall(classify_cmd))
        b, c = statistics.median(bare), statistics.median(classify)
        print(f"bare import pydantic, rapidfuzz, click: median {b * 1000:.0f} ms")
        print(f"isassist classify TEXT (cold process):  median {c * 1000:.0f} ms")
        print(f"ratio (target <= 3.0):                  {c / b:.2f}")
    if args.only != "classify":
        # "first start": a new, empty data folder each run, so the interview store is created
        # (Alembic migrations) as on the very first start; "later start": one store that
        # already exists, as on every start after that (the first such run is not counted)
        store = tempfile.mkdtemp(prefix="isassist-startup-store-")
        spawn("app", store)
        paint: list[float] = []
        first: list[float] = []
        later: list[float] = []
        for _ in range(args.runs):
            paint.append(spawn("bare")[0])
            first.append(spawn("app")[2])
            later.append(spawn("app", store)[2])
        p, f, r = (statistics.median(x) for x in (paint, first, later))
        print(f"bare Textual app, first paint:          median {p * 1000:.0f} ms")
        print(f"isassist TUI, engine ready, first start: median {f * 1000:.0f} ms")
        print(f"ratio (target <= 2.5):                  {f / p:.2f}")
        print(f"isassist TUI, engine ready, later start: median {r * 1000:.0f} ms")
        print(f"ratio (target <= 2.5):                  {r / p:.2f}")


if __name__ == "__main__":
    main()
