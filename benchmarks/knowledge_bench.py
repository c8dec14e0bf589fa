"""Time the knowledge base: cold load (validating every file), warm load (from the cache) and
the start of `isassist knowledge stats` as a user would run it. Budget: warm load <= 300 ms.

Usage: ``uv run python benchmarks/knowledge_bench.py``
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time


def _best(samples: list[float]) -> str:
    return f"best {min(samples) * 1000:.0f} ms, median {statistics.median(samples) * 1000:.0f} ms"


def main() -> None:
    with tempfile.TemporaryDirectory() as cache:
        os.environ["ISASSIST_CACHE_DIR"] = cache
        from isassist.knowledge import load_knowledge

        cold = []
        for _ in range(3):
            start = time.perf_counter()
            load_knowledge(use_cache=False)
            cold.append(time.perf_counter() - start)
        load_knowledge()  # writes the cache
        warm = []
        for _ in range(5):
            start = time.perf_counter()
            load_knowledge()
            warm.append(time.perf_counter() - start)
        command = [sys.executable, "-m", "isassist", "knowledge", "stats", "--json"]
        starts = []
        for _ in range(3):
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True, env=os.environ.copy())
            starts.append(time.perf_counter() - start)
    print(f"cold load (no cache):      {_best(cold)}")
    print(f"warm load (cache):         {_best(warm)}")
    print(f"`isassist knowledge stats`: {_best(starts)} (whole process, warm cache)")


if __name__ == "__main__":
    main()
