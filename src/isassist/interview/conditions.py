"""Decide whether a question applies, from earlier answers, stream properties and mode."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from isassist.facts import Value
from isassist.interview.dialog import Condition
from isassist.interview.events import Answered


@dataclass(frozen=True)
class Scope:
    """What a condition may look at: answers (stream's first, then the company's)."""

    answers: Mapping[str, Answered]
    company_answers: Mapping[str, Answered]
    properties: Mapping[str, Value]
    mode: str


def _as_strings(value: Value | None) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return value
    if isinstance(value, bool):
        return ["yes" if value else "no"]
    if isinstance(value, float) and value.is_integer():
        return [str(int(value))]
    return [str(value)]


def holds(condition: Condition, scope: Scope) -> bool:
    """True when ``condition`` holds in ``scope``; a missing answer never satisfies ``in``."""
    if condition.all is not None:
        return all(holds(c, scope) for c in condition.all)
    if condition.any is not None:
        return any(holds(c, scope) for c in condition.any)
    if condition.not_ is not None:
        return not holds(condition.not_, scope)
    if condition.mode is not None:
        return scope.mode == condition.mode
    if condition.answer is not None:
        answer = scope.answers.get(condition.answer) or scope.company_answers.get(condition.answer)
        if condition.status is not None:
            status = answer.status if answer is not None else "unanswered"
            if condition.status == "answered":
                return answer is not None
            return status == condition.status
        if answer is None or answer.status != "known":
            return "unknown" in (condition.in_ or []) and answer is not None
        if condition.at_least is not None or condition.below is not None:
            return _in_range(answer.value, condition.at_least, condition.below)
        return bool(set(_as_strings(answer.value)) & set(condition.in_ or []))
    name = condition.property or ""
    value = scope.properties.get(name)
    if condition.at_least is not None or condition.below is not None:
        return _in_range(value, condition.at_least, condition.below)
    if condition.status is not None:
        known = value is not None and value != "unknown"
        if condition.status in ("known", "answered"):
            return known
        return not known
    return bool(set(_as_strings(value)) & set(condition.in_ or []))


def _in_range(value: Value | None, at_least: float | None, below: float | None) -> bool:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    if at_least is not None and value < at_least:
        return False
    return below is None or value < below
