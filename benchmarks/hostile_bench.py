"""Figures for issue 15: inventory import time and peak memory on hostile workbooks.

    uv run python benchmarks/hostile_bench.py

Prints, each measured in a fresh process (so peak memory is that import's own):
- import time of an 80-row and a 2,000-row inventory sheet through `isassist import-inventory`,
  and their ratio per row (linear work gives about 1);
- peak memory (max RSS) importing a 1-row sheet (the baseline), a 1,000,000-row sheet, a
  100,000-row sheet small enough to pass the size check (refused while streaming) and a zip
  bomb (2 GB of spaces in ~2 MB), with what the command answered.
Inputs are made on the fly by tests/hostile/hostile_inputs.py. Figures only, never asserted.
"""

from __future__ import annotations

import contextlib
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "hostile"))

from hostile_inputs import big_sheet, inventory_sheet, zip_bomb  # noqa: E402


def _child(sheet: str, home: str, warm: str) -> None:
    """Import ``warm`` (a 1-row sheet, so knowledge and rules are loaded), then time the import
    of ``sheet`` in this process; print elapsed seconds, peak RSS (MB) and the exit code."""
    os.environ["ISASSIST_DATA_DIR"] = home
    from isassist.cli import main

    with contextlib.suppress(SystemExit):
        main(["import-inventory", warm])
    start = time.perf_counter()
    code = 0
    try:
        main(["import-inventory", sheet])
    except SystemExit as done:
        code = int(done.code or 0)
    elapsed = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"RESULT {elapsed:.2f} {peak_mb:.0f} {code}", flush=True)


def _measure(sheet: Path, home: Path, warm: Path) -> tuple[float, float, int, str]:
    done = subprocess.run(
        [sys.executable, __file__, "--child", str(sheet), str(home), str(warm)],
        capture_output=True,
        text=True,
        timeout=3600,
    )
    line = next(ln for ln in done.stdout.splitlines() if ln.startswith("RESULT"))
    _, seconds, peak, code = line.split()
    problems = [ln for ln in done.stderr.splitlines() if ln.strip().startswith("- ")]
    message = problems[0].strip() if problems else ""
    return float(seconds), float(peak), int(code), message[:160]


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        warm = inventory_sheet(work / "warm.xlsx", 1)
        rows: dict[int, tuple[float, float, int, str]] = {}
        for count in (1, 80, 2000):
            sheet = inventory_sheet(work / f"inv{count}.xlsx", count)
            rows[count] = _measure(sheet, work / f"home{count}", warm)
        print("inventory import after a warm-up import (new interview, one transaction):")
        for count, (seconds, peak, code, _) in rows.items():
            print(f"  {count:>5} rows: {seconds:7.2f} s  peak {peak:5.0f} MB  exit {code}")
        per_row = {c: rows[c][0] / c for c in (80, 2000)}
        print(
            f"  time per row: 80 rows {per_row[80] * 1000:.1f} ms, 2000 rows "
            f"{per_row[2000] * 1000:.1f} ms (ratio {per_row[2000] / per_row[80]:.2f}; 1 = linear)"
        )
        million = big_sheet(work / "million.xlsx", work / "inv1.xlsx", 1_000_000)
        streamed = big_sheet(work / "streamed.xlsx", work / "inv1.xlsx", 100_000)
        bomb = zip_bomb(work / "bomb.xlsx", warm, megabytes=2000)
        print("hostile workbooks (peak memory against the 1-row baseline):")
        base = rows[1][1]
        hostile = (
            ("1,000,000-row sheet", million),
            ("100,000-row sheet under the size limit", streamed),
            ("zip bomb 2 GB", bomb),
        )
        for label, path in hostile:
            seconds, peak, code, message = _measure(path, work / "home-hostile", warm)
            size = path.stat().st_size / 1e6
            print(
                f"  {label} ({size:.1f} MB on disk): exit {code}, {seconds:.2f} s, peak "
                f"{peak:.0f} MB ({peak / base:.2f}x baseline {base:.0f} MB)\n    -> {message}"
            )


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--child":
        _child(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        main()
