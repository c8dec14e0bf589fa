"""Benchmark of the EWC classifier on the development set, beside a naive baseline.

Run: ``uv run python benchmarks/classify_bench.py [JSONL]``. Prints top-1 and top-3 accuracy of
isassist and of a plain rapidfuzz search over the official EWC texts (same process, same
cases), the median time of one query, and the cold-start time of ``isassist classify TEXT``
as a subprocess. Targets: top-1 >= 75 %, top-3 >= 92 %, <= 5 ms median, cold start <= 1 s.
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from rapidfuzz import fuzz, process

from isassist.classify import classify
from isassist.classify.service import default_classifier

DEV_SET = Path(__file__).resolve().parent.parent / "tests" / "data" / "classification_dev.jsonl"


def _load(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _score(ranked: list[list[str]], cases: list[dict[str, object]]) -> tuple[float, float]:
    top1 = top3 = 0
    for codes, case in zip(ranked, cases, strict=True):
        expected = set(case["expected"])  # type: ignore[call-overload]
        top1 += bool(codes[:1]) and codes[0] in expected
        top3 += bool(set(codes[:3]) & expected)
    return top1 / len(cases), top3 / len(cases)


def _baseline(cases: list[dict[str, object]]) -> list[list[str]]:
    """What a user gets from fuzzy search over the official texts alone."""
    entries = default_classifier().index.catalogue.entries
    texts = {
        lang: {code: e.text(lang).lower() for code, e in entries.items()} for lang in ("nl", "en")
    }
    ranked = []
    for case in cases:
        choices = texts[str(case.get("lang") or "nl")]
        found = process.extract(str(case["text"]).lower(), choices, scorer=fuzz.WRatio, limit=3)
        ranked.append([str(code) for _, _, code in found])
    return ranked


def _cold_start(text: str, runs: int = 5) -> float:
    exe = shutil.which("isassist")
    command = [exe] if exe else [sys.executable, "-m", "isassist"]
    subprocess.run([*command, "classify", text], capture_output=True, check=True)  # fill caches
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([*command, "classify", text], capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str]) -> int:
    cases = _load(Path(argv[0]) if argv else DEV_SET)
    classify("opwarmen")  # build indexes outside the timed loop
    ranked: list[list[str]] = []
    times: list[float] = []
    for case in cases:
        start = time.perf_counter()
        result = classify(
            str(case["text"]),
            sector=case.get("sector"),  # type: ignore[arg-type]
            lang=case.get("lang"),  # type: ignore[arg-type]
        )
        times.append(time.perf_counter() - start)
        ranked.append([s.code for s in result.suggestions])
    ours = _score(ranked, cases)
    base = _score(_baseline(cases), cases)
    cold = _cold_start("betonpuin van de afbraak")
    print(f"cases: {len(cases)}")
    print(f"{'':22}{'top-1':>8}{'top-3':>8}")
    print(f"{'isassist':22}{ours[0]:8.1%}{ours[1]:8.1%}")
    print(f"{'rapidfuzz baseline':22}{base[0]:8.1%}{base[1]:8.1%}")
    print(f"median query: {statistics.median(times) * 1000:.2f} ms")
    print(f"cold start `isassist classify TEXT`: {cold:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
