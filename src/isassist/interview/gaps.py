"""Knowledge gaps that matter, ranked by what closing them would unlock.

The rule base (rules/knowledge_gaps.yaml) raises a gap in two cases only: a question was
answered "don't know", or a rule needs a missing fact to reach a conclusion that matters (a
route proposed, a hazardous or mirror code, a known receiver). A stream that is just named has
no gap, so every gap the rules draw is one: nothing is filtered here. (The session drops the
gaps about the deep-dive of a stream that is not worked out: the funnel, not a filter.)

Gaps are ranked per stream: severity first, then how many steps of the valorisation path are
still open and would move once the answer is known. The top few per stream are marked
``top``; the rest stay one section away.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from isassist.dossier import ConclusionView
from isassist.interview.dialog import Condition, Dialog

TOP_PER_STREAM = 5
SEVERITY_WEIGHT = {"high": 3, "medium": 2, "low": 1}


@dataclass(frozen=True)
class RankedGap:
    conclusion: ConclusionView
    question: str | None
    unlocks: int
    """Open steps of the stream's valorisation path whose conditions name the question or the
    property it fills."""
    rank: int
    top: bool


def _names(condition: Condition) -> set[str]:
    found = {n for n in (condition.answer, condition.property) if n}
    for part in (condition.all or []) + (condition.any or []):
        found |= _names(part)
    if condition.not_ is not None:
        found |= _names(condition.not_)
    return found


def _question_of(conclusion: ConclusionView, dialog: Dialog) -> str | None:
    for key in ("question", "question_id", "follow_up"):
        named = conclusion.data.get(key)
        if isinstance(named, str):
            for candidate in (named, named.rsplit(".", 1)[-1]):
                if dialog.question(candidate) is not None:
                    return candidate
    return None


def rank_gaps(
    conclusions: Sequence[ConclusionView],
    dialog: Dialog,
    open_nodes: Callable[[str], set[str]],
    top: int = TOP_PER_STREAM,
) -> list[RankedGap]:
    """The knowledge gaps, best first per stream (stream-less ones last).

    ``open_nodes(stream)`` gives the flowchart nodes of that stream that are still open.
    """
    nodes = {node.id: node for section in dialog.sections for node in section.flowchart}
    scored: list[tuple[tuple[int, int], ConclusionView, str | None, int]] = []
    for conclusion in conclusions:
        if conclusion.kind != "knowledge_gap":
            continue
        qid = _question_of(conclusion, dialog)
        question = dialog.question(qid) if qid else None
        wanted = {qid, question.sets if question else None} - {None}
        unlocks = 0
        if conclusion.stream_id:
            for node_id in open_nodes(conclusion.stream_id):
                node = nodes.get(node_id)
                if node is not None and any(_names(o.when) & wanted for o in node.outcomes):
                    unlocks += 1
        weight = SEVERITY_WEIGHT.get(conclusion.severity, 1)
        scored.append(((-weight, -unlocks), conclusion, qid, unlocks))
    ranked: list[RankedGap] = []
    streams = list(dict.fromkeys(c.stream_id or "" for _, c, _, _ in scored))
    for stream in sorted(streams, key=lambda s: s == ""):
        mine = sorted((x for x in scored if (x[1].stream_id or "") == stream), key=lambda x: x[0])
        for position, (_, conclusion, qid, unlocks) in enumerate(mine, 1):
            ranked.append(RankedGap(conclusion, qid, unlocks, position, position <= top))
    return ranked


@dataclass(frozen=True)
class Shared:
    """A conclusion drawn alike for several streams: said once, with the streams listed."""

    rule_id: str
    streams: list[str]


def shared_conclusions(conclusions: Sequence[ConclusionView]) -> list[Shared]:
    """Rules that fired for every stream they could (at least two): a summary says them once."""
    by_rule: dict[str, list[str]] = {}
    for conclusion in conclusions:
        if conclusion.stream_id:
            by_rule.setdefault(conclusion.rule_id, []).append(conclusion.stream_id)
    return [Shared(rule, streams) for rule, streams in by_rule.items() if len(streams) > 1]
