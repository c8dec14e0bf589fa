"""The second blind set: other writers, other phrasings (e-mails, register lines, Flemish
shop-floor words, units), so a gain tuned on the first holdout set must still show here.

The bars sit below the project targets (75 % / 92 %) on purpose: this catches a regression on
text nobody tuned for; benchmarks/classify_bench.py prints the real figures.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from isassist.classify import classify
from isassist.classify.service import default_classifier

SECOND_HOLDOUT = Path(__file__).parents[1] / "data" / "classification_holdout2.jsonl"


def _cases() -> list[dict[str, object]]:
    lines = SECOND_HOLDOUT.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line]


def _acceptable(case: dict[str, object]) -> set[str]:
    return {str(code) for code in case["expected"]}  # type: ignore[attr-defined]


def _top3(case: dict[str, object]) -> list[str]:
    result = classify(
        str(case["text"]),
        sector=case.get("sector"),  # type: ignore[arg-type]
        lang=case.get("lang"),  # type: ignore[arg-type]
    )
    return [suggestion.code for suggestion in result.suggestions][:3]


@pytest.fixture(scope="module")
def ranked() -> list[tuple[dict[str, object], list[str]]]:
    return [(case, _top3(case)) for case in _cases()]


def test_second_holdout_is_broad_enough_to_judge_the_classifier() -> None:
    cases = _cases()
    entries = default_classifier().index.catalogue.entries
    assert len(cases) >= 200
    assert len({c["id"] for c in cases}) == len(cases)
    assert sum(c["lang"] == "nl" for c in cases) / len(cases) >= 0.45
    per_chapter = Counter(min(_acceptable(c))[:2] for c in cases)
    assert all(per_chapter[f"{n:02d}"] >= 4 for n in range(1, 21)), per_chapter
    assert not [(c["id"], code) for c in cases for code in _acceptable(c) if code not in entries]


def test_second_holdout_top3_at_least_85_and_top1_at_least_70_percent(
    ranked: list[tuple[dict[str, object], list[str]]],
) -> None:
    top1 = sum(bool(codes) and codes[0] in _acceptable(case) for case, codes in ranked)
    top3 = sum(bool(set(codes) & _acceptable(case)) for case, codes in ranked)
    assert top3 / len(ranked) >= 0.85
    assert top1 / len(ranked) >= 0.70


def test_the_same_words_from_different_sectors_get_different_codes(
    ranked: list[tuple[dict[str, object], list[str]]],
) -> None:
    """'slib van de eigen zuivering', 'slakken', 'hout': the producer's sector picks the chapter.

    Three in four such words must split by sector; the lone 'as' (ash) still does not.
    """
    first_by_text: dict[str, set[str]] = defaultdict(set)
    for case, codes in ranked:
        if "sector" in case and codes:
            first_by_text[str(case["text"])].add(codes[0])
    shared = [text for text, n in Counter(str(c["text"]) for c in _cases()).items() if n > 1]
    split = [text for text in shared if len(first_by_text[text]) > 1]
    assert len(shared) >= 4
    assert len(split) / len(shared) >= 0.75, {text: first_by_text[text] for text in shared}
