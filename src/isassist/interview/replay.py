"""Scripted replays: YAML transcripts run headless through the same engine as the TUI.

A replay types answers (in order, or from a table keyed by question id so it survives
reordered questions), runs commands, and checks what the assistant asked, said and concluded.
Every expectation may be ``optional`` (reported, never failing) or ``absent`` (must NOT hold).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator
from rapidfuzz import fuzz, process

from isassist.dossier import Dossier, StreamOut, Turn
from isassist.interview.dialog import Dialog
from isassist.interview.engine import Interview
from isassist.interview.loader import load_model
from isassist.interview.navigator import PICK_QUESTION, SCORES


class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Check(_Spec):
    optional: bool = False
    absent: bool = False


class ConclusionExpect(_Check):
    """A conclusion by rule id (or id prefix ending in '*'), kind, category and stream."""

    rule_id: str | None = None
    kind: str | None = None
    category: str | None = None
    stream: str | None = None
    text_contains: str | None = None


class QuantityExpect(_Spec):
    value: float
    unit: str
    tolerance: float = 0.01


class StreamExpect(_Check):
    id: str | None = None
    name_contains: str | None = None
    kind: str | None = None
    ewc: list[str] = []
    cpa: list[str] = []
    cas: list[str] = []
    family: list[str] = []
    hazardous: str | None = None
    mirror: bool | None = None
    quantity_per_year: QuantityExpect | None = None
    properties: dict[str, Any] = {}


class GapExpect(_Check):
    question: str
    stream: str | None = None


class PathExpect(_Check):
    stream: str
    node: str
    outcome: Literal["pass", "attention", "stop", "open"]


class CanvasExpect(_Check):
    stream: str
    block: str
    status: Literal["confirmed", "edited", "rejected", "pending"] | None = None


class CompanyExpect(_Spec):
    name: str | None = None
    nace: str | None = None
    postcode: str | None = None
    region: str | None = None


class Expect(_Spec):
    """What must hold after a step (or at the end)."""

    asked: str | None = None
    asked_stream: str | None = None
    says: list[str] = []
    not_says: list[str] = []
    error: bool | None = None
    options: list[str] = []
    suggestions: list[str] = []
    done: bool | None = None
    company: CompanyExpect | None = None
    streams: list[StreamExpect] = []
    conclusions: list[ConclusionExpect] = []
    gaps: list[GapExpect] = []
    path: list[PathExpect] = []
    canvas: list[CanvasExpect] = []


class Step(_Spec):
    """One thing the user does: ``say`` a line, run a ``command``, or answer from a table."""

    ask: str | None = Field(default=None, description="question id that must be asked first")
    say: str | None = None
    command: str | None = None
    answers: dict[str, str] | None = Field(
        default=None,
        description="answer whatever is asked from this table (question id, or id@stream)",
    )
    default: str | None = Field(default=None, description="answer for questions not in the table")
    until: str | None = Field(default=None, description="stop the table when this id is asked")
    expect: Expect | None = None

    @model_validator(mode="after")
    def _one_action(self) -> Step:
        actions = [a for a in (self.say, self.command, self.answers) if a is not None]
        if len(actions) > 1:
            raise ValueError("a step does one of say, command, answers")
        if not actions and self.expect is None and self.ask is None:
            raise ValueError("a step needs say, command, answers, ask or expect")
        return self


class Replay(_Spec):
    title: str = Field(min_length=1)
    mode: Literal["broker", "self"] = "broker"
    language: Literal["nl", "en"] = "nl"
    about: str = ""
    steps: list[Step] = Field(min_length=1)
    expect: Expect = Expect()


@dataclass
class ReplayResult:
    file: str
    title: str
    passed: bool
    failures: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    dossier: Dossier | None = None
    interview_id: str | None = None
    answers: int = 0

    def as_json(self, with_id: bool) -> dict[str, Any]:
        out: dict[str, Any] = {
            "file": self.file,
            "passed": self.passed,
            "failures": self.failures,
            "dossier": self.dossier.model_dump(mode="json") if self.dossier else None,
        }
        if with_id:
            out["interview_id"] = self.interview_id
        return out


def load_replay(path: Path) -> Replay:
    return load_model(path, Replay)


MAX_TABLE_ANSWERS = 2000


class _Run:
    def __init__(self, interview: Interview, result: ReplayResult) -> None:
        self.interview = interview
        self.result = result
        self.turn: Turn | None = None
        # question id -> the ids a replay may still use for it (renamed or merged questions)
        self.old_ids: dict[str, list[str]] = {}
        for old, new in interview.dialog.renamed().items():
            self.old_ids.setdefault(new, []).append(old)
        self.used: set[tuple[int, str]] = set()
        self.deep_ids = {
            q.id for s in interview.dialog.sections if s.deep_dive for q in s.questions
        }

    def fail(self, where: str, text: str, optional: bool = False) -> None:
        (self.result.notes if optional else self.result.failures).append(f"{where}: {text}")

    def act(self, where: str, step: Step, number: int = 0) -> None:
        if step.ask is not None:
            self.check_asked(where, step.ask, None, False)
        if step.say is not None:
            self.turn = self.interview.answer(step.say)
            self.result.answers += 1
        elif step.command is not None:
            name, _, arg = step.command.strip().lstrip("/").partition(" ")
            self.turn = self.interview.answer(f"/{name} {arg}".strip())
        elif step.answers is not None:
            self.table(where, step, number)
        if step.expect is not None:
            self.check(where, step.expect)

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
                self.fail(
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
                self.fail(where, f"{question.id}: asked back ({self.turn.problem})", optional=True)
                self.turn = self.interview.answer(text)
            if question.id in SCORES and question.stream is not None:
                scored.add(question.stream)
            if not self.turn.accepted:
                self.fail(
                    where, f"answer {text!r} to {question.id} was refused: {self.turn.problem}"
                )
                return

    def check_asked(self, where: str, qid: str, stream: str | None, optional: bool) -> None:
        question = self.interview.current_question()
        got = f"{question.id}@{question.stream}" if question else "nothing (interview done)"
        if question is None or question.id != qid or (stream and question.stream != stream):
            self.fail(
                where,
                f"expected to be asked {qid}{'@' + stream if stream else ''}, was asked {got}",
                optional,
            )

    def check(self, where: str, expect: Expect) -> None:
        if expect.asked is not None:
            self.check_asked(where, expect.asked, expect.asked_stream, False)
        text = self.turn.text(self.interview.lang).lower() if self.turn else ""
        for wanted in expect.says:
            if wanted.lower() not in text:
                self.fail(where, f"expected the assistant to say {wanted!r}; it said:\n{text}")
        for unwanted in expect.not_says:
            if unwanted.lower() in text:
                self.fail(where, f"expected the assistant NOT to say {unwanted!r}")
        if expect.error is not None and self.turn is not None:
            refused = not self.turn.accepted
            if refused != expect.error:
                self.fail(
                    where,
                    f"expected {'a refusal' if expect.error else 'acceptance'}, "
                    f"got {'a refusal: ' + str(self.turn.problem) if refused else 'acceptance'}",
                )
        question = self.interview.current_question()
        offered = [o.lower() for o in question.options] if question else []
        for option in expect.options:
            if not any(option.lower() in o for o in offered):
                self.fail(where, f"expected option {option!r}; offered {offered}")
        codes = [s.code for s in question.suggestions] if question else []
        for code in expect.suggestions:
            if code not in codes:
                self.fail(where, f"expected suggestion {code}; suggested {codes}")
        if expect.done is not None and (question is None) != expect.done:
            self.fail(where, f"expected the interview {'done' if expect.done else 'not done'}")
        self.check_dossier(where, expect)

    def check_dossier(self, where: str, expect: Expect) -> None:
        needs = (
            expect.company
            or expect.streams
            or expect.conclusions
            or expect.gaps
            or expect.path
            or expect.canvas
        )
        if not needs:
            return
        dossier = self.interview.dossier()
        if expect.company is not None:
            _check_company(self, where, expect.company, dossier)
        for s in expect.streams:
            found = any(_stream_matches(s, out) for out in dossier.streams)
            _verdict(
                self,
                where,
                s,
                found,
                f"stream {_show(s)}",
                [f"{o.id} {o.name} {o.kind} ewc={o.ewc}" for o in dossier.streams],
            )
        for c in expect.conclusions:
            found = any(_conclusion_matches(c, out.model_dump()) for out in dossier.conclusions)
            _verdict(
                self,
                where,
                c,
                found,
                f"conclusion {_show(c)}",
                [f"{o.rule_id}@{o.stream_id}" for o in dossier.conclusions],
            )
        for g in expect.gaps:
            found = any(
                x.question == g.question and (g.stream in (None, x.stream))
                for x in dossier.knowledge_gaps
            )
            _verdict(
                self,
                where,
                g,
                found,
                f"knowledge gap {_show(g)}",
                [f"{x.question}@{x.stream}" for x in dossier.knowledge_gaps],
            )
        paths = {(s.id, p.node): p.outcome for s in dossier.streams for p in s.path}
        for p in expect.path:
            found = paths.get((p.stream, p.node)) == p.outcome
            _verdict(
                self,
                where,
                p,
                found,
                f"path {_show(p)}",
                [f"{k[0]}.{k[1]}={v}" for k, v in paths.items() if k[0] == p.stream],
            )
        blocks = {(s.id, b.block): b.status for s in dossier.streams for b in s.canvas}
        for b in expect.canvas:
            status = blocks.get((b.stream, b.block))
            found = status is not None and (b.status is None or status == b.status)
            _verdict(
                self,
                where,
                b,
                found,
                f"canvas {_show(b)}",
                [f"{k[0]}.{k[1]}={v}" for k, v in blocks.items()],
            )


def _show(spec: BaseModel) -> str:
    data = spec.model_dump(exclude_defaults=True, exclude={"optional", "absent"})
    return ", ".join(f"{k}={v}" for k, v in data.items())


def _verdict(
    run: _Run, where: str, spec: _Check, found: bool, label: str, present: list[str]
) -> None:
    if found == spec.absent:
        wanted = "NOT to find" if spec.absent else "to find"
        shown = "\n    ".join(present) or "(none)"
        run.fail(where, f"expected {wanted} {label}\n  present:\n    {shown}", spec.optional)


def _check_company(run: _Run, where: str, want: CompanyExpect, dossier: Dossier) -> None:
    got = {
        "name": dossier.company.name,
        "nace": dossier.company.nace,
        "postcode": dossier.company.location.postcode,
        "region": dossier.company.location.region,
    }
    for key, value in want.model_dump(exclude_none=True).items():
        if got[key] != value:
            run.fail(where, f"expected company {key} {value!r}, got {got[key]!r}")


def _stream_matches(want: StreamExpect, got: StreamOut) -> bool:
    if want.id is not None and want.id != got.id:
        return False
    if want.name_contains is not None and want.name_contains.lower() not in got.name.lower():
        return False
    if want.kind is not None and want.kind != got.kind:
        return False
    for name in ("ewc", "cpa", "cas", "family"):
        if not set(getattr(want, name)) <= set(getattr(got, name)):
            return False
    if want.hazardous is not None and want.hazardous != got.hazardous:
        return False
    if want.mirror is not None and want.mirror != got.mirror:
        return False
    q = want.quantity_per_year
    if q is not None:
        have = got.quantity_per_year
        if have is None or have.unit != q.unit:
            return False
        if abs(have.value - q.value) > q.tolerance * max(abs(q.value), 1.0):
            return False
    return all(got.properties.get(k) == v for k, v in want.properties.items())


def _conclusion_matches(want: ConclusionExpect, got: dict[str, Any]) -> bool:
    rule = want.rule_id
    if rule is not None:
        if rule.endswith("*"):
            if not str(got["rule_id"]).startswith(rule[:-1]):
                return False
        elif rule != got["rule_id"]:
            return False
    for key, have in (("kind", got["kind"]), ("category", got["category"])):
        value = getattr(want, key)
        if value is not None and value != have:
            return False
    if want.stream is not None and want.stream != got["stream_id"]:
        return False
    if want.text_contains is not None:
        texts = " ".join(got["text"].values()).lower()
        if want.text_contains.lower() not in texts:
            return False
    return True


def _named_ids(replay: Replay) -> list[tuple[str, str]]:
    """(where, question id) for every question a replay names."""
    found: list[tuple[str, str]] = []

    def expect_ids(where: str, expect: Expect) -> None:
        if expect.asked:
            found.append((f"{where} expect.asked", expect.asked))
        found.extend((f"{where} expect.gaps", g.question) for g in expect.gaps)

    for number, step in enumerate(replay.steps, 1):
        where = f"step {number}"
        for key in step.answers or {}:
            found.append((f"{where} answers", key.partition("@")[0]))
        for name, value in (("ask", step.ask), ("until", step.until)):
            if value:
                found.append((f"{where} {name}", value))
        if step.expect is not None:
            expect_ids(where, step.expect)
    expect_ids("end", replay.expect)
    return found


def unknown_question_ids(replay: Replay, dialog: Dialog) -> list[str]:
    """One failure per question id the replay names that no dialog question has or had,
    with the closest ids ("did you mean")."""
    known = [q.id for q in dialog.questions()]
    renamed = dialog.renamed()
    problems = []
    for where, qid in _named_ids(replay):
        if dialog.question(qid) is not None or qid in renamed:
            continue
        close = process.extract(qid, known, scorer=fuzz.ratio, limit=3)
        hint = ", ".join(name for name, score, _ in close if score >= 60)
        problems.append(
            f"{where}: unknown question id {qid!r}"
            + (f"; did you mean {hint}?" if hint else "; see dialogs/*.yaml for the ids")
        )
    return problems


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
                run.fail(
                    f"{path.name} step {number}",
                    f"answer to {key} was not used (not asked in this interview)",
                    optional=True,
                )
    run.check(f"{path.name} end", replay.expect)
    result.dossier = interview.dossier()
    result.passed = not result.failures
    interview.close()  # frees the rule engine's cached partitions of this interview
    return result
