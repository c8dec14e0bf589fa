"""What a fired rule tells the user, and why.

A conclusion is built in plain Python from the facts durable_rules matched, outside the engine
action, so a mistake in a text can never be swallowed by durable's action error handling.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import orjson
from pydantic import BaseModel, ConfigDict, SkipValidation

from isassist.facts import property_label, value_label
from isassist.knowledge.codes import display_ewc_codes
from isassist.lang import Lang, Text
from isassist.rules.compiler import STREAM_BINDING
from isassist.rules.model import AnyRule
from isassist.rules.vocabulary import Kind, Level

_PLACEHOLDER = re.compile(r"\{([a-z_]+)\.([A-Za-z0-9_]+)\}")


class Conclusion(BaseModel):
    """One thing the rule base concluded about one stream (or the whole company).

    ``matched`` and ``data`` are taken as given, not validated: the engine builds them from
    the JSON facts durable matched and the rule's JSON data, fresh for every conclusion, and
    copying them again to validate them was a tenth of a derivation (a dossier builds a few
    hundred conclusions; cProfile on benchmarks/rules_bench.py).
    """

    model_config = ConfigDict(frozen=True, defer_build=True)  # see facts._Fact

    rule_id: str
    kind: Kind
    category: str
    severity: Level | None = None
    priority: Level | None = None
    title: Text
    text: Text
    source: str
    stream_id: str | None = None
    matched: SkipValidation[list[dict[str, Any]]]
    data: SkipValidation[dict[str, Any]] = {}

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


# A rule text as parts: literal text, or a placeholder as (scope, name, binding) where
# binding names the matched fact the placeholder reads
_Slot = tuple[str, str, str]
_Template = tuple[str | _Slot, ...]


def rule_data(rule: AnyRule) -> dict[str, Any]:
    """What a conclusion's ``data`` holds: the rule's typed extras (its texts left out)."""
    return rule.then.model_dump(mode="json", exclude={"nl", "en"})


@dataclass(frozen=True, eq=False)
class ConclusionMaker:
    """What every conclusion of one rule shares, worked out once when the engine is built.

    A dossier builds a few hundred conclusions per derivation: dumping the rule's ``then``,
    scanning its texts for placeholders and deep-copying its data each time was a third of a
    derivation (cProfile on benchmarks/rules_bench.py). Here the texts are split into literal
    parts and placeholders, and the data is kept as JSON, which orjson turns into a fresh copy
    (no two conclusions share a mutable list or dict) faster than copying it in Python.

    A route's MAESTRI evidence (``data["evidence"]``: spec, count and example exchanges, a few
    kB of text) is not copied that way: each conclusion gets its own dict and lists, the
    example exchanges themselves are shared, read-only, as ``evidence.with_evidence`` does.
    """

    rule: AnyRule
    severity: Level | None
    priority: Level | None
    nl: _Template | None  # None: the text has no placeholder, it is used as written
    en: _Template | None
    data: bytes  # JSON of the conclusion's data (its evidence, if any, still the spec)
    evidence: dict[str, Any] | None  # what data["evidence"] shows instead

    @staticmethod
    def of(
        rule: AnyRule, properties: dict[str, str], evidence: dict[str, Any] | None = None
    ) -> ConclusionMaker:
        """``properties``: property name -> the binding that matched it (``{prop.NAME}``);
        ``evidence``: what the data's ``evidence`` shows (``evidence.evidence_data``)."""
        then = rule.then
        return ConclusionMaker(
            rule=rule,
            severity=getattr(rule, "severity", None),
            priority=getattr(rule, "priority", None),
            nl=_template(then.nl, properties),
            en=_template(then.en, properties),
            data=orjson.dumps(rule_data(rule)),
            evidence=evidence,
        )

    def data_of_one(self) -> dict[str, Any]:
        """The data of one conclusion, its own copy (shared example exchanges aside)."""
        data: dict[str, Any] = orjson.loads(self.data)
        if self.evidence is not None:
            data["evidence"] = {
                key: list(value) if isinstance(value, list | tuple) else value
                for key, value in self.evidence.items()
            }
        return data


def _template(text: str, properties: dict[str, str]) -> _Template | None:
    pieces = _PLACEHOLDER.split(text)  # literal, scope, name, literal, ..., literal
    if len(pieces) == 1:
        return None
    parts: list[str | _Slot] = []
    for index in range(0, len(pieces) - 1, 3):
        literal, scope, name = pieces[index : index + 3]
        if literal:
            parts.append(literal)
        parts.append((scope, name, _binding(scope, name, properties)))
    if pieces[-1]:
        parts.append(pieces[-1])
    return tuple(parts)


def _binding(scope: str, name: str, properties: dict[str, str]) -> str:
    """The binding a placeholder reads: the property's, the stream's, the company's, or the
    first conclusion's (``c0``)."""
    if scope == "prop":
        return properties.get(name, "")
    if scope == "stream":
        return STREAM_BINDING
    return "company" if scope == "company" else "c0"


def _fill(template: _Template, facts: dict[str, dict[str, Any]], lang: Lang) -> str:
    out: list[str] = []
    for part in template:
        if isinstance(part, str):
            out.append(part)
            continue
        scope, name, binding = part
        fact = facts.get(binding)
        found = fact.get("value" if scope == "prop" else name) if fact else None
        if scope == "prop" and name == "ewc" and found:  # "16 01 04*", never "160104"
            out.append(display_ewc_codes(found))
            continue
        words = _words(found, lang) if found is not None else ""
        out.append(words or "?")
    return "".join(out)


def build_conclusion(maker: ConclusionMaker, bindings: dict[str, dict[str, Any]]) -> Conclusion:
    """Fill in the rule's texts with the facts of one match."""
    rule = maker.rule
    then = rule.then
    stream = bindings.get(STREAM_BINDING)
    text = {  # validated into a Text with the conclusion, one call instead of two
        "nl": then.nl if maker.nl is None else _fill(maker.nl, bindings, "nl"),
        "en": then.en if maker.en is None else _fill(maker.en, bindings, "en"),
    }
    return Conclusion(
        rule_id=rule.id,
        kind=rule.kind,
        category=rule.category,
        severity=maker.severity,
        priority=maker.priority,
        title=rule.title,
        text=text,  # type: ignore[arg-type]
        source=rule.source,
        stream_id=stream["id"] if stream else None,
        matched=list(bindings.values()),
        data=maker.data_of_one(),
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
