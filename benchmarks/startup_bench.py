"""Start-up of the two front doors, each against a baseline measured in the same run.

    uv run python benchmarks/startup_bench.py [--runs 5]

(a) `isassist classify TEXT` from a cold process (knowledge cache warm, as after the first
    use) against a bare `python -c "import pydantic, rapidfuzz, click"`: what the command
    costs beyond the libraries it cannot do without (target <= 3x).
(b) The TUI's engine ready (the interview started, its screen asking and taking answers,
    after "new interview" is chosen at once) against a bare Textual app's first paint (target
    <= 2.5x), on a first start (the interview store is created) and on a later start (the
    store exists); the children are those of benchmarks/tui_bench.py. The interview may start
    on the store still opening (every answer waits until it is stored); when the interview is
    in the store is printed beside it.
Runs alternate between the command and its baseline so machine load hits both alike; the
medians and their ratio are printed. For the TUI the process CPU time at the same moments is
printed too: on a loaded machine wall time swings with the scheduler, CPU time far less.
Use `python -X importtime -m isassist classify x` to see
what a slow start imports.

Bytecode: every child, the baselines included, runs with a compiled-bytecode folder of this
run's own (PYTHONPYCACHEPREFIX), filled by the first, uncounted run, as a user's installation
has after its first use. Without it (PYTHONDONTWRITEBYTECODE set, as on some CI machines) each
child compiles every imported module from source on every run, which measures the compiler
rather than the start-up, and weighs the side that imports more three times over.
`--first-ever` instead measures the very first start: no bytecode, no isassist cache, a new
store, against a bare Textual app that has no bytecode either.
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

from tui_bench import Run, spawn

TEXT = "houtafval van paletten"


# A cache folder of this run's own: the per-user one is shared by every checkout on the
# machine, and each checkout's knowledge folder replaces the others' cache file.
# The TUI children (benchmarks/tui_bench.py) inherit it from os.environ.
os.environ["ISASSIST_CACHE_DIR"] = tempfile.mkdtemp(prefix="isassist-startup-")
os.environ["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="isassist-startup-pyc-")
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
ENV = dict(os.environ)


def first_ever(runs: int) -> None:
    """Each child with nothing cached: no bytecode, no knowledge/rules/schema cache."""
    os.environ["PYTHONDONTWRITEBYTECODE"] = "1"
    os.environ.pop("PYTHONPYCACHEPREFIX", None)
    paint: list[float] = []
    first: list[float] = []
    for _ in range(runs):
        os.environ["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="isassist-startup-pyc-")
        paint.append(spawn("bare").shown)
        os.environ["ISASSIST_CACHE_DIR"] = tempfile.mkdtemp(prefix="isassist-startup-")
        os.environ["PYTHONPYCACHEPREFIX"] = tempfile.mkdtemp(prefix="isassist-startup-pyc-")
        first.append(spawn("app").ready)
    p, f = statistics.median(paint), statistics.median(first)
    print(f"bare Textual app, first paint, no bytecode:      median {p * 1000:.0f} ms")
    print(f"isassist TUI, engine ready, nothing cached:      median {f * 1000:.0f} ms")
    print(f"ratio (for information; the target is on later): {f / p:.2f}")


def wall(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, capture_output=True, check=True, env=ENV)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", choices=["classify", "tui"])
    parser.add_argument("--first-ever", action="store_true")
    args = parser.parse_args()
    if args.first_ever:
        first_ever(args.runs)
        return
    if args.only != "tui":
        bare_cmd = [sys.executable, "-c", "import pydantic, rapidfuzz, click"]
        classify_cmd = [sys.executable, "-m", "isassist", "classify", TEXT]
        wall(bare_cmd)  # the first runs compile the bytecode and build the knowledge cache
        wall(classify_cmd)
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
        spawn("bare")  # not counted: compile the bytecode, build the caches
        spawn("app", store)
        paint: list[Run] = []
        first: list[Run] = []
        later: list[Run] = []
        for _ in range(args.runs):
            paint.append(spawn("bare"))
            first.append(spawn("app"))
            later.append(spawn("app", store))
        p = statistics.median(r.shown for r in paint)
        p_cpu = statistics.median(r.cpu for r in paint)
        print(f"bare Textual app, first paint:          median {p * 1000:.0f} ms")
        for name, runs in (("first start", first), ("later start", later)):
            ready = statistics.median(r.ready for r in runs)
            saved = statistics.median(r.saved for r in runs)
            cpu = statistics.median(r.cpu for r in runs)
            print(f"isassist TUI, engine ready, {name}: median {ready * 1000:.0f} ms")
            print(f"ratio (target <= 2.5):                  {ready / p:.2f}")
            print(
                f"  interview saved in the store:         median {saved * 1000:.0f} ms"
                f" ({saved / p:.2f}x)"
            )
            print(
                f"  process CPU at engine ready:          median {cpu * 1000:.0f} ms"
                f" ({cpu / p_cpu:.2f}x the bare app's {p_cpu * 1000:.0f} ms at first paint)"
            )


if __name__ == "__main__":
    main()
