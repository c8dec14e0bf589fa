"""Interview engine budget: one answer (parse, store, re-derive, choose the next question)
<= 30 ms median with 10 streams; a 150-answer replay <= 2 s. And the length of a company
visit: answers needed to reach a complete dossier for a brewery with six streams of which the
4-quadrant funnel works out three (dialogs/replays/14_brewery_six_streams_funnel_nl.yaml),
budget <= 80.

Run: ``uv run python benchmarks/interview_bench.py``. The store is a real SQLite file in a
temporary folder and the rules are the shipped rule base, so the figures are end to end.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from isassist.dossier import ConclusionView
from isassist.facts import Company, Fact
from isassist.interview.adapters import LiveServices, live_services
from isassist.interview.engine import Interview
from isassist.interview.loader import shipped_dialog
from isassist.interview.persistence import start_saved
from isassist.interview.replay import Replay, run_replay
from isassist.paths import data_dir
from isassist.store import Store

STREAMS = "; ".join(f"reststroom {n}" for n in range(1, 11))
INTAKE = [
    "Bench NV",
    "bier brouwen",
    "11.05",
    "9000 Gent",
    "brouwzaal",
    "bier",
    "bostel",
    "warmte",
    "veevoer",
    STREAMS,
]
PER_STREAM = {
    "kind": "materiaal",
    "description": "natte bostel uit de filterkuip",
    "value_type": "verloren",
    "feasibility": "4",
    "impact": "4",
    "ewc": "02 07 02",
    "quantity": "200 ton per jaar",
    "frequency": "wekelijks",
    "quality": "stabiel",
}


def warm_up() -> float:
    """Load knowledge, build the classifier index, compile the rules, load pint (per process)."""
    t0 = time.perf_counter()
    services = live_services()
    services.search_codes("ewc", "houtafval", "nl", None)
    services.derive("warm-up", [Company(name="warm-up")])
    services.parse_quantity("200 ton per jaar", "nl")
    return time.perf_counter() - t0


class TimedServices(LiveServices):
    """The live services, with the time spent in the rule engine counted apart."""

    def __init__(self) -> None:
        super().__init__(live_services().knowledge)
        self.derive_seconds = 0.0

    def derive(self, interview_id: str, facts: Sequence[Fact]) -> list[ConclusionView]:
        t0 = time.perf_counter()
        try:
            return super().derive(interview_id, facts)
        finally:
            self.derive_seconds += time.perf_counter() - t0


VISIT_REPLAY = "14_brewery_six_streams_funnel_nl.yaml"
VISIT_BUDGET = 80


def company_visit() -> tuple[bool, int, int, int]:
    """Run the six-stream brewery replay: (passed, answers typed, questions the dossier holds
    answered or open at the end, streams worked out)."""
    made: list[Interview] = []

    def make(spec: Replay) -> Interview:
        interview = Interview.start(shipped_dialog(), live_services(), spec.mode, spec.language)
        made.append(interview)
        return interview

    result = run_replay(data_dir("dialogs") / "replays" / VISIT_REPLAY, make)
    interview = made[0]
    worked = sum(interview.worked_out(s.id) for s in interview.state.active_streams)
    return result.passed, result.answers, interview.progress().total, worked


def main() -> int:
    warm = warm_up()
    passed, visit_answers, queued, worked = company_visit()
    services = TimedServices()
    with tempfile.TemporaryDirectory() as folder:
        store = Store(f"sqlite:///{Path(folder) / 'bench.sqlite3'}")
        interview = start_saved(store, services, "broker", "nl", "bench")
        timings: list[float] = []
        services.derive_seconds = 0.0
        started = time.perf_counter()
        for text in INTAKE:
            interview.answer(text)
        answers = len(INTAKE)
        while answers < 150 and (question := interview.current_question()) is not None:
            text = PER_STREAM.get(question.id, "?")
            t0 = time.perf_counter()
            turn = interview.answer(text)
            timings.append(time.perf_counter() - t0)
            assert turn.accepted, (question.id, turn.problem)
            answers += 1
        total = time.perf_counter() - started
        store.close()
    median_ms = statistics.median(timings) * 1000
    p95_ms = sorted(timings)[int(len(timings) * 0.95)] * 1000
    print(f"process warm-up (knowledge, classifier index, rules): {warm:.2f} s")
    print(f"streams: 10, answers: {answers}")
    print(f"one answer: median {median_ms:.1f} ms, p95 {p95_ms:.1f} ms (budget 30 ms median)")
    print(f"{answers}-answer interview: {total:.2f} s (budget 2 s for 150 answers)")
    rules = services.derive_seconds
    print(
        f"  of which rule engine (derive): {rules:.2f} s, interview engine: {total - rules:.2f} s"
    )
    print(
        f"company visit (brewery, 6 streams, {worked} worked out): {visit_answers} answers to a "
        f"complete dossier, {queued} questions in it (budget {VISIT_BUDGET} answers)"
        + ("" if passed else "  REPLAY FAILED")
    )
    ok = median_ms <= 30 and total <= 2.0 and passed and visit_answers <= VISIT_BUDGET
    print("OK" if ok else "OVER BUDGET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
