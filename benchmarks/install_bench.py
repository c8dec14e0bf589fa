"""Fresh install to first screen, per Python, with a warm package cache.

For each of Python 3.11, 3.12 and 3.13 (pyenv's, else whatever uv finds): a new, empty
environment; ``uv sync --locked --no-dev`` into it (packages come from uv's cache, the project
and the patched durable-rules copy are built); then the time from launching the assistant to
its first interview question on screen (``tui_bench.py``'s child, headless, 80x24). Prints one
row per Python: install seconds, first-question seconds, total.

    uv run python benchmarks/install_bench.py [--python 3.11 --python 3.13]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def interpreter(version: str) -> str:
    root = subprocess.run(["pyenv", "root"], capture_output=True, text=True, check=False)
    if root.returncode == 0:
        found = sorted(
            Path(root.stdout.strip(), "versions").glob(f"{version}.*/bin/python{version}")
        )
        if found:
            return str(found[-1])
    return version


def measure(version: str) -> tuple[float, float]:
    env_dir = Path(tempfile.mkdtemp(prefix=f"isassist-install-{version}-"))
    env = dict(os.environ, UV_PROJECT_ENVIRONMENT=str(env_dir))
    try:
        start = time.perf_counter()
        subprocess.run(
            ["uv", "sync", "--locked", "--no-dev", "-q", "--python", interpreter(version)],
            cwd=ROOT,
            env=env,
            check=True,
        )
        installed = time.perf_counter() - start
        env["ISASSIST_DATA_DIR"] = tempfile.mkdtemp(prefix="isassist-bench-")
        python = str(env_dir / "bin" / "python")
        t0 = time.time()
        out = subprocess.run(
            [python, str(ROOT / "benchmarks" / "tui_bench.py"), "--child", "app", "--t0", repr(t0)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        first_question = float(out.stdout.strip().splitlines()[-1].split()[0])
        return installed, first_question
    finally:
        shutil.rmtree(env_dir, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", action="append", help="a version, e.g. 3.12 (repeatable)")
    versions = parser.parse_args().python or ["3.11", "3.12", "3.13"]
    print(f"{'python':<8}{'install s':>10}{'first question s':>18}{'total s':>9}")
    for version in versions:
        installed, first = measure(version)
        print(f"{version:<8}{installed:>10.1f}{first:>18.2f}{installed + first:>9.1f}")


if __name__ == "__main__":
    main()
