"""Benchmark of the EWC classifier on the development and holdout sets, beside a naive baseline.

Run: ``uv run python benchmarks/classify_bench.py [JSONL ...]``. For each set (by default the
development set, whose authors also wrote the terms; the first holdout set, written without
seeing them but since used for tuning; and the second holdout set, blind again, with other
writers and phrasings) prints top-1 and top-3 accuracy of isassist and of a plain rapidfuzz
search over the official EWC texts; for the holdout sets also per language and per chapter,
because that is where the knowledge gaps show. Then the median time of one query and the
cold-start time of ``isassist classify TEXT`` as a subprocess. Targets: top-1 >= 75 %,
top-3 >= 92 %, <= 5 ms median, cold start <= 1 s.
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

from rapidfuzz import fuzz, process

from isassist.classify import classify
from isassist.classify.service import default_classifier

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
DEV_SET = DATA / "classification_dev.jsonl"
HOLDOUT_SET = DATA / "classification_holdout.jsonl"
SECOND_HOLDOUT_SET = DATA / "classification_holdout2.jsonl"


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


def _rank(cases: list[dict[str, object]], times: list[float]) -> list[list[str]]:
    ranked = []
    for case in cases:
        start = time.perf_counter()
        result = classify(
            str(case["text"]),
            sector=case.get("sector"),  # type: ignore[arg-type]
            lang=case.get("lang"),  # type: ignore[arg-type]
        )
        times.append(time.perf_counter() - start)
        ranked.append([s.code for s in result.suggestions])
    return ranked


def _breakdown(ranked: list[list[str]], cases: list[dict[str, object]]) -> None:
    """Per language and per chapter (of the first expected code): where to add knowledge."""
    groups: dict[str, list[int]] = defaultdict(list)
    for index, case in enumerate(cases):
        groups[f"lang {case.get('lang') or '?'}"].append(index)
        groups[f"chapter {str(case['expected'][0])[:2]}"].append(index)  # type: ignore[index]
    for name in sorted(groups, key=lambda g: (not g.startswith("lang"), g)):
        picked = groups[name]
        top1, top3 = _score([ranked[i] for i in picked], [cases[i] for i in picked])
        print(f"  {name:20}{top1:8.1%}{top3:8.1%}   n={len(picked)}")


def main(argv: list[str]) -> int:
    paths = [Path(arg) for arg in argv] or [DEV_SET, HOLDOUT_SET, SECOND_HOLDOUT_SET]
    classify("opwarmen")  # build indexes outside the timed loop
    times: list[float] = []
    for path in paths:
        cases = _load(path)
        ranked = _rank(cases, times)
        ours = _score(ranked, cases)
        base = _score(_baseline(cases), cases)
        print(f"{path.name}: {len(cases)} cases")
        print(f"{'':22}{'top-1':>8}{'top-3':>8}")
        print(f"{'isassist':22}{ours[0]:8.1%}{ours[1]:8.1%}")
        print(f"{'rapidfuzz baseline':22}{base[0]:8.1%}{base[1]:8.1%}")
        if path != DEV_SET:
            _breakdown(ranked, cases)
        print()
    cold = _cold_start("betonpuin van de afbraak")
    print(f"median query: {statistics.median(times) * 1000:.2f} ms")
    print(f"cold start `isassist classify TEXT`: {cold:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
