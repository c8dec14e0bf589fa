"""Facts as the engine's payloads: JSON only, typed values checked, in negation-safe order.

The fact models (``isassist.facts``) are pydantic; durable_rules takes JSON and compares a
string with a number without complaint, so each fact is dumped, its property value checked
against the vocabulary and a list value split into ``item`` facts here, before the engine
(``isassist.rules.engine``) routes it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from isassist.facts import STREAM_PROPERTIES, _Fact
from isassist.rules.patterns import PatternTagger
from isassist.rules.vocabulary import did_you_mean

# Facts referenced by negations ("missing", "unanswered") go in before the streams that
# trigger them: durable decides a negation when the joining fact arrives.
_ASSERT_ORDER = {"answer": 0, "property": 1, "item": 1, "company": 2, "stream": 3}


class FactError(ValueError):
    """A fact does not fit the vocabulary of isassist.facts (name or value type)."""


def prepare_facts(
    facts: Sequence[_Fact], tagger: PatternTagger | None = None
) -> list[dict[str, Any]]:
    """Facts as engine payloads: JSON only, typed values checked, in negation-safe order.

    A list property also becomes one ``item`` fact per entry, which rules on lists join.

    durable compares a string with a number without complaint ("hot" >= 55 holds), and a list
    test never matches a scalar, so property values are checked and normalised here.
    """
    tag = tagger.tag if tagger is not None else _untagged
    payloads: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for fact in facts:
        payload = fact.model_dump(mode="json", exclude_none=True)
        identity = (payload["type"], payload["id"])
        if identity in seen:
            raise FactError(f"two {payload['type']} facts share the id {payload['id']!r}")
        seen.add(identity)
        if payload["type"] == "stream":
            if not payload["id"]:
                # a stream-less conclusion carries stream "": it would join such a stream
                raise FactError(f'the stream "{payload["name"]}" has an empty id; use e.g. "s1"')
            payload["stream"] = payload["id"]  # the join key (compiler._JOIN_STREAM)
        if payload["type"] == "property":
            payload["value"] = _checked_value(payload["stream"], payload["name"], payload["value"])
            if isinstance(payload["value"], list):
                payloads += [
                    tag(
                        {
                            "type": "item",
                            "id": f"{payload['id']}#{index}",
                            "stream": payload["stream"],
                            "name": payload["name"],
                            "value": item,
                        }
                    )
                    for index, item in enumerate(payload["value"])
                ]
        payloads.append(tag(payload))
    payloads.sort(key=lambda p: _ASSERT_ORDER[p["type"]])
    return payloads


def _untagged(payload: dict[str, Any]) -> dict[str, Any]:
    return payload


def _checked_value(stream: str, name: str, value: Any) -> Any:
    if name not in STREAM_PROPERTIES:
        raise FactError(
            f'stream {stream}: unknown property "{name}"{did_you_mean(name, STREAM_PROPERTIES)}'
        )
    expected = STREAM_PROPERTIES[name][0]
    if expected == "list":
        return [str(v) for v in value] if isinstance(value, list) else [str(value)]
    if expected == "number" and (isinstance(value, bool) or not isinstance(value, int | float)):
        raise FactError(f"stream {stream}: property {name} must be a number, not {value!r}")
    if expected == "bool" and not isinstance(value, bool):
        raise FactError(f"stream {stream}: property {name} must be true or false, not {value!r}")
    if expected == "str" and not isinstance(value, str):
        raise FactError(f"stream {stream}: property {name} must be text, not {value!r}")
    return value
