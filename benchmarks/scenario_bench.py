"""Company scenarios scored like a broker would: does the dossier hold up?

For every ``DIR/expect/NAME.yaml`` the replay ``DIR/replays/NAME.yaml`` is run headless through
the shipped interview, and its dossier is scored (isassist.scenario): EWC top-1 (the first
code of each stream), must-route recall, must-barrier recall and must-not hits. Prints one
line per scenario and the total (micro-averaged over all expectations). The format is in
benchmarks/scenarios/README.md; a hidden set in the same format is scored with ``--dir``.

Run: ``uv run python benchmarks/scenario_bench.py [--dir DIR] [--verbose] [--json]``.
Exit 1 when a file is invalid or a replay cannot be run (never on low figures: the floor is
guarded by tests/test_scenario_bench.py).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from isassist.interview.loader import DataFileError
from isassist.scenario import (
    Concepts,
    Score,
    load_concepts,
    load_expect,
    ratio,
    score,
    write_schemas,
)

HERE = Path(__file__).parent / "scenarios"


def run(directory: Path, concepts: Concepts) -> tuple[list[tuple[str, Score, str]], list[str]]:
    """Score every scenario in ``directory``: (name, score, sector) rows and problems."""
    from isassist.interview.adapters import live_services
    from isassist.interview.engine import Interview
    from isassist.interview.loader import shipped_dialog
    from isassist.interview.replay import Replay, run_replay

    dialog = shipped_dialog()
    services = live_services()

    def make(spec: Replay) -> Interview:
        return Interview.start(dialog, services, mode=spec.mode, language=spec.language)

    rows: list[tuple[str, Score, str]] = []
    problems: list[str] = []
    expects = sorted((directory / "expect").glob("*.yaml"))
    if not expects:
        problems.append(f"{directory}/expect holds no *.yaml expectation files")
    for path in expects:
        replay_path = directory / "replays" / path.name
        try:
            expect = load_expect(path)
        except DataFileError as error:
            problems.append(str(error))
            continue
        if not replay_path.exists():
            problems.append(f"{path}: no replay {replay_path} next to it")
            continue
        result = run_replay(replay_path, make)
        if result.dossier is None:
            problems.append(f"{replay_path}: {'; '.join(result.failures)}")
            continue
        got = score(result.dossier, expect, concepts)
        got.misses[:0] = [f"replay: {f}" for f in result.failures]
        rows.append((path.stem, got, expect.sector))
    return rows, problems


def _pct(hits: int, total: int) -> str:
    return f"{100 * ratio(hits, total):5.1f}% ({hits}/{total})"


def total_of(rows: list[tuple[str, Score, str]]) -> Score:
    total = Score()
    for _, s, _ in rows:
        total.add(s)
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=HERE, help="scenario set (replays/, expect/)")
    parser.add_argument("--concepts", type=Path, default=HERE / "concepts.yaml")
    parser.add_argument("--verbose", action="store_true", help="list what each scenario missed")
    parser.add_argument("--json", action="store_true", help="one JSON object with all figures")
    parser.add_argument(
        "--write-schemas", action="store_true", help="regenerate the JSON Schemas and stop"
    )
    args = parser.parse_args(argv)
    if args.write_schemas:
        for path in write_schemas(HERE):
            print(path)
        return 0
    try:
        concepts = load_concepts(args.concepts)
    except DataFileError as error:
        print(f"scenario_bench: {error}", file=sys.stderr)
        return 1
    rows, problems = run(args.dir, concepts)
    total = total_of(rows)
    if args.json:
        print(
            json.dumps(
                {
                    "scenarios": {n: {**vars(s), "sector": sec} for n, s, sec in rows},
                    "total": {k: v for k, v in vars(total).items() if k != "misses"},
                    "problems": problems,
                },
                ensure_ascii=False,
            )
        )
    else:
        print(f"{'scenario':42} {'EWC top-1':>16} {'must-route':>16} {'must-barrier':>16} must-not")
        for name, s, _ in rows:
            print(
                f"{name[:42]:42} {_pct(s.ewc_hits, s.ewc_total):>16} "
                f"{_pct(s.route_hits, s.route_total):>16} "
                f"{_pct(s.barrier_hits, s.barrier_total):>16} {s.must_not_hits}"
            )
            if args.verbose:
                for miss in s.misses:
                    print(f"    - {miss}")
        print(
            f"{'TOTAL (' + str(len(rows)) + ' scenarios)':42} "
            f"{_pct(total.ewc_hits, total.ewc_total):>16} "
            f"{_pct(total.route_hits, total.route_total):>16} "
            f"{_pct(total.barrier_hits, total.barrier_total):>16} {total.must_not_hits}"
        )
        for problem in problems:
            print(f"PROBLEM: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
