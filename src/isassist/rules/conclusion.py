"""What a fired rule tells the user, and why.

A conclusion is built in plain Python from the facts durable_rules matched, outside the engine
action, so a mistake in a text can never be swallowed by durable's action error handling.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict

from isassist.facts import property_label, value_label
from isassist.knowledge.codes import display_ewc_codes
from isassist.lang import Lang, Text
from isassist.rules.compiler import STREAM_BINDING
from isassist.rules.model import AnyRule
from isassist.rules.vocabulary import Kind, Level

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\.([A-Za-z0-9_]+)\}")


class Conclusion(BaseModel):
    """One thing the rule base concluded about one stream (or the whole company)."""

    model_config = ConfigDict(frozen=True)

    rule_id: str
    kind: Kind
    category: str
    severity: Level | None = None
    priority: Level | None = None
    title: Text
    text: Text
    source: str
    stream_id: str | None = None
    matched: list[dict[str, Any]]
    data: dict[str, Any] = {}

    @property
    def key(self) -> str:
        """Identity within one derivation: a rule concludes once per stream."""
        return f"{self.rule_id}@{self.stream_id or '-'}"

    def as_fact(self) -> dict[str, Any]:
        """The conclusion as a fact other rules can chain on (flat, JSON only)."""
        extras = {k: v for k, v in self.data.items() if not isinstance(v, dict)}
        return {
            **extras,
            "type": "conclusion",
            "id": self.key,
            "rule": self.rule_id,
            "kind": self.kind,
            "category": self.category,
            "stream": self.stream_id or "",
        }


@dataclass(frozen=True)
class _Parts:
    """What every conclusion of one rule shares, worked out once per rule (a dossier builds
    a few hundred conclusions per derivation; dumping the rule's ``then`` each time was a
    tenth of a derivation, measured with cProfile on benchmarks/rules_bench.py)."""

    rule: AnyRule  # held so that the id() the cache is keyed on stays this rule's
    data: dict[str, Any]
    severity: Any
    priority: Any
    nl_filled: bool  # the Dutch text has placeholders to fill
    en_filled: bool


_PARTS: dict[int, _Parts] = {}


def _parts(rule: AnyRule) -> _Parts:
    parts = _PARTS.get(id(rule))
    if parts is None or parts.rule is not rule:
        then = rule.then
        parts = _PARTS[id(rule)] = _Parts(
            rule=rule,
            data=then.model_dump(mode="json", exclude={"nl", "en"}),
            severity=getattr(rule, "severity", None),
            priority=getattr(rule, "priority", None),
            nl_filled=_PLACEHOLDER.search(then.nl) is not None,
            en_filled=_PLACEHOLDER.search(then.en) is not None,
        )
    return parts


def _fresh(value: Any) -> Any:
    """A copy of JSON data, so no two conclusions share a mutable list or dict."""
    if isinstance(value, dict):
        return {k: _fresh(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_fresh(v) for v in value]
    return value


def build_conclusion(
    rule: AnyRule, bindings: dict[str, dict[str, Any]], properties: dict[str, str]
) -> Conclusion:
    """Fill in the rule's texts with the facts of one match."""
    facts = bindings
    stream = facts.get(STREAM_BINDING)
    then = rule.then
    parts = _parts(rule)

    def fill(text: str, lang: Lang) -> str:
        def value(match: re.Match[str]) -> str:
            scope, name = match.groups()
            fact: dict[str, Any] | None
            if scope == "prop":
                fact = facts.get(properties.get(name, ""))
                found = fact.get("value") if fact else None
                if name == "ewc" and found:  # "16 01 04*", never "160104"
                    return display_ewc_codes(found)
            else:
                fact = (
                    stream
                    if scope == "stream"
                    else facts.get(scope if scope == "company" else "c0")
                )
                found = fact.get(name) if fact else None
            words = _words(found, lang) if found is not None else ""
            return words or "?"

        return _PLACEHOLDER.sub(value, text)

    text = Text(
        nl=fill(then.nl, "nl") if parts.nl_filled else then.nl,
        en=fill(then.en, "en") if parts.en_filled else then.en,
    )
    return Conclusion(
        rule_id=rule.id,
        kind=rule.kind,
        category=rule.category,
        severity=parts.severity,
        priority=parts.priority,
        title=rule.title,
        text=text,
        source=rule.source,
        stream_id=stream["id"] if stream else None,
        matched=list(facts.values()),
        data=_fresh(parts.data),
    )


def _words(value: Any, lang: Lang) -> str:
    """A fact value as it reads in a sentence of ``lang``."""
    if isinstance(value, bool):
        return value_label("yes" if value else "no", lang)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list):
        return ", ".join(_words(v, lang) for v in value)
    if isinstance(value, str):
        return value_label(value, lang)
    return str(value)


# the words of an explanation; the chat's why dialog (isassist.session.explain) uses them too
WHY_LABELS: dict[str, dict[Lang, str]] = {
    "why": {"nl": "Waarom", "en": "Why"},
    "because": {"nl": "Op basis van", "en": "Based on"},
    "source": {"nl": "Bron", "en": "Source"},
    "stream": {"nl": "reststroom", "en": "stream"},
    "company": {"nl": "bedrijf", "en": "company"},
    "answer": {"nl": "antwoord op", "en": "answer to"},
    "conclusion": {"nl": "eerdere conclusie", "en": "earlier conclusion"},
    "unknown": {"nl": "onbekend", "en": "unknown"},
    "skipped": {"nl": "overgeslagen", "en": "skipped"},
}


def why(conclusion: Conclusion, lang: Lang = "nl") -> str:
    """A readable explanation: the rule's title and conclusion, the facts behind it, the source."""
    lines = [
        f"{WHY_LABELS['why'][lang]}: {conclusion.title[lang]}",
        conclusion.text[lang],
        f"{WHY_LABELS['because'][lang]}:",
    ]
    lines += [f"- {_fact_in_words(fact, lang)}" for fact in conclusion.matched]
    lines.append(f"{WHY_LABELS['source'][lang]}: {conclusion.source}")
    return "\n".join(lines)


def _fact_in_words(fact: dict[str, Any], lang: Lang) -> str:
    kind = fact.get("type")
    if kind == "stream":
        where = f"({fact.get('id')}, {fact.get('kind')})"
        return f'{WHY_LABELS["stream"][lang]} "{fact.get("name")}" {where}'
    if kind in ("property", "item"):
        meaning = property_label(str(fact.get("name")), lang)
        unit = f" {fact['unit']}" if fact.get("unit") else ""
        if fact.get("name") == "ewc":
            return f"{meaning}: {display_ewc_codes(fact.get('value'))}"
        return f"{meaning}: {_words(fact.get('value'), lang)}{unit}"
    if kind == "company":
        nace = f", NACE {fact['nace']}" if fact.get("nace") else ""
        return f'{WHY_LABELS["company"][lang]} "{fact.get("name") or "?"}"{nace}'
    if kind == "answer":
        status = str(fact.get("status"))
        said = WHY_LABELS[status][lang] if status in WHY_LABELS else _words(fact.get("value"), lang)
        return f"{WHY_LABELS['answer'][lang]} {fact.get('question')}: {said}"
    if kind == "conclusion":
        return f"{WHY_LABELS['conclusion'][lang]} {fact.get('rule')}"
    return str(fact)
