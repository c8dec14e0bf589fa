"""Time the knowledge base: cold load (validating every file), warm load (from the cache) and
the start of `isassist knowledge stats` as a user would run it, and one NACE lookup by words.
Budgets: warm load <= 300 ms; a NACE lookup <= 5 ms median (was a test until the suite stopped
asserting wall-clock time).

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
        from isassist.knowledge.lookup import lookup_nace

        kb = load_knowledge()
        lookup_nace(kb, "brouwerij")  # builds the index once
        queries = ["brouwerij", "bakkerij", "metal plating", "sawmill", "zuivelfabriek"] * 20
        lookups = []
        for query in queries:
            start = time.perf_counter()
            lookup_nace(kb, query)
            lookups.append(time.perf_counter() - start)
        command = [sys.executable, "-m", "isassist", "knowledge", "stats", "--json"]
        starts = []
        for _ in range(3):
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True, env=os.environ.copy())
            starts.append(time.perf_counter() - start)
    print(f"cold load (no cache):      {_best(cold)}")
    print(f"warm load (cache):         {_best(warm)}")
    print(f"NACE lookup by words:      median {statistics.median(lookups) * 1000:.2f} ms")
    print(f"`isassist knowledge stats`: {_best(starts)} (whole process, warm cache)")


if __name__ == "__main__":
    main()
