"""A replay's expectations held against what the interview asked, said and concluded.

After a step the judge compares the turn (what was said, refused, offered, suggested) and,
when the expectation names any, the dossier (company, streams, conclusions, gaps, path,
canvas) with what the replay expects; every miss is written down with what was there
instead, so a failing replay says what to change without running it again.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from isassist.dossier import Dossier, StreamOut, Turn
from isassist.interview.engine import Interview
from isassist.interview.replay_format import (
    CompanyExpect,
    ConclusionExpect,
    Expect,
    Expectation,
    ReplayResult,
    StreamExpect,
)


class Judge:
    """Writes each expectation a replay's interview misses into its result."""

    def __init__(self, interview: Interview, result: ReplayResult) -> None:
        self.interview = interview
        self.result = result

    def fail(self, where: str, text: str, optional: bool = False) -> None:
        (self.result.notes if optional else self.result.failures).append(f"{where}: {text}")

    def check_asked(self, where: str, qid: str, stream: str | None, optional: bool) -> None:
        qid = self.interview.dialog.renamed().get(qid, qid)  # a replay may name an old id
        question = self.interview.current_question()
        got = f"{question.id}@{question.stream}" if question else "nothing (interview done)"
        if question is None or question.id != qid or (stream and question.stream != stream):
            self.fail(
                where,
                f"expected to be asked {qid}{'@' + stream if stream else ''}, was asked {got}",
                optional,
            )

    def check(self, where: str, expect: Expect, turn: Turn | None) -> None:
        if expect.asked is not None:
            self.check_asked(where, expect.asked, expect.asked_stream, False)
        text = turn.text(self.interview.lang).lower() if turn else ""
        for wanted in expect.says:
            if wanted.lower() not in text:
                self.fail(where, f"expected the assistant to say {wanted!r}; it said:\n{text}")
        for unwanted in expect.not_says:
            if unwanted.lower() in text:
                self.fail(where, f"expected the assistant NOT to say {unwanted!r}")
        if expect.error is not None and turn is not None:
            refused = not turn.accepted
            if refused != expect.error:
                self.fail(
                    where,
                    f"expected {'a refusal' if expect.error else 'acceptance'}, "
                    f"got {'a refusal: ' + str(turn.problem) if refused else 'acceptance'}",
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
    run: Judge, where: str, spec: Expectation, found: bool, label: str, present: list[str]
) -> None:
    if found == spec.absent:
        wanted = "NOT to find" if spec.absent else "to find"
        shown = "\n    ".join(present) or "(none)"
        run.fail(where, f"expected {wanted} {label}\n  present:\n    {shown}", spec.optional)


def _check_company(run: Judge, where: str, want: CompanyExpect, dossier: Dossier) -> None:
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
