"""Per-stream partitions of the rule base and of an interview's facts, and their memo.

An answer changes the facts of one stream, yet deriving from scratch fires every rule for
every stream (durable costs about 80 µs per fired action; a 10-stream dossier fires ~300).
A rule with a ``stream:`` block whose answer and conclusion conditions all join on that stream
can only ever see the company fact and the facts of one stream (the compiler gives each of its
bindings a join on the stream). Such a rule's conclusions for stream s are a function of
s's partition alone, so they can be memoised by a digest of that partition. Everything else
(rules without a stream block, rules that look across streams, and rules that chain on
those) is the "whole-interview" part and is derived on all facts every time.

No durable import here: the split can be read and tested without the C extension.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from typing import Any, Generic, TypeVar

from isassist.rules.model import AnyRule, ConclusionCondition

Payload = dict[str, Any]
T = TypeVar("T")

# Per interview: the live partitions plus a few stale ones (an edit makes its stream's old
# digest stale; an undo brings it back). The engine raises the bound to twice the streams.
ENTRIES_PER_INTERVIEW = 64
# Interviews that are never closed (replays, tests) must not grow the memo without end.
INTERVIEWS = 16


def split_rules(rules: Sequence[AnyRule]) -> tuple[list[AnyRule], list[AnyRule]]:
    """(stream-bound rules, whole-interview rules), each in rule-base order.

    A stream-bound rule must also chain only on conclusions that stream-bound rules produce:
    a conclusion of a cross-stream rule carries a stream id too, and is only known once the
    whole-interview part has run. Conditions that name no rule are matched against every rule
    that could produce them (``data`` tests are ignored, which can only keep a rule out).
    """
    bound = {rule.id for rule in rules if _joins_own_stream_only(rule)}
    by_kind: dict[str, list[AnyRule]] = {}
    for rule in rules:
        by_kind.setdefault(rule.kind, []).append(rule)
    # the rules that may produce what a rule chains on, stream-bound or not, found once
    producers = {
        rule.id: [
            p
            for c in rule.when.conclusion
            for p in (by_kind.get(c.kind, []) if c.kind is not None else rules)
            if _may_produce(p, c) and p.when.stream is not None
        ]
        for rule in rules
        if rule.id in bound and rule.when.conclusion
    }
    changed = True
    while changed:
        changed = False
        for rule_id, found in producers.items():
            if rule_id in bound and any(p.id not in bound for p in found):
                bound.discard(rule_id)
                changed = True
    return [r for r in rules if r.id in bound], [r for r in rules if r.id not in bound]


def _joins_own_stream_only(rule: AnyRule) -> bool:
    when = rule.when
    return (
        when.stream is not None
        and all(answer.same_stream for answer in when.answers)
        and all(cond.same_stream for cond in when.conclusion)
    )


def _may_produce(rule: AnyRule, cond: ConclusionCondition) -> bool:
    return (
        (cond.rule is None or cond.rule == rule.id)
        and (cond.kind is None or cond.kind == rule.kind)
        and (cond.category is None or cond.category == rule.category)
    )


def stream_partitions(payloads: Sequence[Payload]) -> dict[str, list[Payload]]:
    """Stream id -> the company fact(s) plus that stream's facts, in assertion order.

    Keys follow the order of the stream facts. Facts of a stream id with no stream fact are
    left out (every stream-bound rule binds the stream fact first, so nothing could fire), and
    so are stream-less answers: a stream-bound rule joins every answer on its stream.
    """
    streams = [p["id"] for p in payloads if p["type"] == "stream"]
    partitions: dict[str, list[Payload]] = {stream: [] for stream in streams}
    for payload in payloads:
        if payload["type"] == "company":
            for part in partitions.values():
                part.append(payload)
        elif payload.get("stream") in partitions:
            partitions[payload["stream"]].append(payload)
    return partitions


def digest(texts: Iterable[str]) -> str:
    """A fingerprint of a partition from its facts' JSON texts: equal facts in the same order
    give the same digest (the engine builds a fact's JSON the same way every time, and has it
    at hand: dumping the partitions again with sorted keys was 3 % of a derivation)."""
    hashed = hashlib.blake2b(digest_size=16)
    for text in texts:
        hashed.update(text.encode())
        hashed.update(b"\x00")
    return hashed.hexdigest()


class PartitionMemo(Generic[T]):
    """Derived partitions by digest, a small LRU per interview, and an LRU of interviews.

    Not thread-safe on its own: the engine uses it under its lock.
    """

    def __init__(
        self, per_interview: int = ENTRIES_PER_INTERVIEW, interviews: int = INTERVIEWS
    ) -> None:
        self._per_interview = per_interview
        self._interviews = interviews
        self._memo: OrderedDict[str, OrderedDict[str, T]] = OrderedDict()

    def get(self, interview_id: str, key: str) -> T | None:
        entries = self._memo.get(interview_id)
        if entries is None or key not in entries:
            return None
        self._memo.move_to_end(interview_id)
        entries.move_to_end(key)
        return entries[key]

    def put(self, interview_id: str, key: str, value: T, room: int = 0) -> None:
        """Remember a value; ``room`` raises this interview's bound (an interview with more
        streams than the bound would otherwise evict, in turn, every partition it needs)."""
        entries = self._memo.setdefault(interview_id, OrderedDict())
        self._memo.move_to_end(interview_id)
        entries[key] = value
        entries.move_to_end(key)
        while len(entries) > max(self._per_interview, room):
            entries.popitem(last=False)
        while len(self._memo) > self._interviews:
            self._memo.popitem(last=False)

    def drop(self, interview_id: str) -> None:
        self._memo.pop(interview_id, None)

    def __len__(self) -> int:
        """Entries held over all interviews."""
        return sum(len(entries) for entries in self._memo.values())
