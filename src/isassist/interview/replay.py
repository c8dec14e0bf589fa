"""Scripted replays: YAML transcripts run headless through the same engine as the TUI.

A replay (its format: isassist.interview.replay_format) types answers in order or from a
table keyed by question id, runs commands, and checks what the assistant asked, said and
concluded (isassist.interview.replay_checks). This module drives the interview: it answers
from a table whatever is asked, makes the broker's pick for streams the funnel would leave at
step 1 when the table answers their deep-dive, and reports answers the interview never asked
for.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from isassist.dossier import Turn
from isassist.interview.engine import Interview
from isassist.interview.navigator import PICK_QUESTION, SCORES
from isassist.interview.replay_checks import Judge
from isassist.interview.replay_format import (
    Replay,
    ReplayResult,
    Step,
    load_replay,
    unknown_question_ids,
)

__all__ = ["Replay", "ReplayResult", "load_replay", "run_replay"]


MAX_TABLE_ANSWERS = 2000


class _Run:
    """One replay driven through one interview; the judge writes down what misses."""

    def __init__(self, interview: Interview, result: ReplayResult) -> None:
        self.interview = interview
        self.result = result
        self.judge = Judge(interview, result)
        self.turn: Turn | None = None
        # question id -> the ids a replay may still use for it (renamed or merged questions)
        self.old_ids: dict[str, list[str]] = {}
        for old, new in interview.dialog.renamed().items():
            self.old_ids.setdefault(new, []).append(old)
        self.used: set[tuple[int, str]] = set()
        self.deep_ids = {
            q.id for s in interview.dialog.sections if s.deep_dive for q in s.questions
        }

    def act(self, where: str, step: Step, number: int = 0) -> None:
        if step.ask is not None:
            self.judge.check_asked(where, step.ask, None, False)
        if step.say is not None:
            self.turn = self.interview.answer(step.say)
            self.result.answers += 1
        elif step.command is not None:
            name, _, arg = step.command.strip().lstrip("/").partition(" ")
            self.turn = self.interview.answer(f"/{name} {arg}".strip())
        elif step.answers is not None:
            self.table(where, step, number)
        if step.expect is not None:
            self.judge.check(where, step.expect, self.turn)

    def lookup(self, table: dict[str, str], qid: str, stream: str | None) -> str | None:
        """The table's key for ``qid`` (today's id first, then ids it replaced), or None."""
        for name in (qid, *self.old_ids.get(qid, [])):
            for key in (f"{name}@{stream}", name):
                if key in table:
                    return key
        return None

    def picks(self, table: dict[str, str], stream: str | None, generic: bool) -> bool:
        """True when the table answers deep-dive questions of ``stream``: a replay written
        before the funnel existed picked that stream for the deep-dive by answering them.
        Keys without a stream count only for a stream this table also scored (``generic``)."""
        for key in table:
            qid, _, owner = key.partition("@")
            if qid in self.deep_ids and (owner == stream or (generic and not owner)):
                return True
        return False

    def pick(self, where: str, table: dict[str, str], number: int, scored: set[str]) -> None:
        """The broker's pick for streams the scores leave at step 1: the table's answer to the
        pick question, or 'work it out' when the table answers the stream's deep-dive."""
        interview = self.interview
        for entry in interview.state.active_streams:
            sid = entry.id
            if interview.nav.promising(sid) is not False or (
                (PICK_QUESTION, sid) in interview.state.answers
            ):
                continue
            key = self.lookup(table, PICK_QUESTION, sid)
            if key is not None:
                self.used.add((number, key))
                negative = table[key].strip().lower() in ("nee", "no", "n", "niet", "not")
                interview.command("work_out", f"{sid} niet" if negative else sid)
            elif self.picks(table, sid, sid in scored):
                interview.command("work_out", sid)
                self.judge.fail(
                    where,
                    f"{sid} picked for the deep-dive (/uitwerken {sid}): the replay answers "
                    "its deep-dive questions",
                    optional=True,
                )

    def table(self, where: str, step: Step, number: int) -> None:
        table = step.answers or {}
        scored: set[str] = set()
        for _ in range(MAX_TABLE_ANSWERS):
            self.pick(where, table, number, scored)
            question = self.interview.current_question()
            if question is None or question.id == step.until:
                return
            key = self.lookup(table, question.id, question.stream)
            if key is not None:
                self.used.add((number, key))
                text: str | None = table[key]
            else:
                text = step.default
            if text is None:
                return
            self.turn = self.interview.answer(text)
            self.result.answers += 1
            if self.turn.asked_back:
                # a replay written before the question back existed: its words stand as they are
                self.judge.fail(
                    where, f"{question.id}: asked back ({self.turn.problem})", optional=True
                )
                self.turn = self.interview.answer(text)
            if question.id in SCORES and question.stream is not None:
                scored.add(question.stream)
            if not self.turn.accepted:
                self.judge.fail(
                    where, f"answer {text!r} to {question.id} was refused: {self.turn.problem}"
                )
                return


def run_replay(path: Path, make_interview: Callable[[Replay], Interview]) -> ReplayResult:
    """Run one replay file; load errors become one failure naming file, item and problem."""
    from isassist.interview.loader import DataFileError

    try:
        replay = load_replay(path)
    except DataFileError as error:
        return ReplayResult(file=str(path), title="", passed=False, failures=[str(error)])
    interview = make_interview(replay)
    unknown = unknown_question_ids(replay, interview.dialog)
    if unknown:
        return ReplayResult(file=str(path), title=replay.title, passed=False, failures=unknown)
    result = ReplayResult(
        file=str(path), title=replay.title, passed=False, interview_id=interview.id
    )
    run = _Run(interview, result)
    for number, step in enumerate(replay.steps, 1):
        action = step.say or step.command or ("answers table" if step.answers else "check")
        run.act(f"{path.name} step {number} ({action!r})", step, number)
    for number, step in enumerate(replay.steps, 1):
        for key in step.answers or {}:
            if (number, key) not in run.used:
                run.judge.fail(
                    f"{path.name} step {number}",
                    f"answer to {key} was not used (not asked in this interview)",
                    optional=True,
                )
    run.judge.check(f"{path.name} end", replay.expect, run.turn)
    result.dossier = interview.dossier()
    result.passed = not result.failures
    interview.close()  # frees the rule engine's cached partitions of this interview
    return result
