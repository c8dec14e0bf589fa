"""The answer to "why?": the rule, the facts it matched and its source, for one conclusion.

The interview keeps conclusions as light views without the matched facts; the rule engine
re-derives from a clean state on every call, so deriving once more for the same facts gives
the full conclusion whose ``why`` text the rule base writes. When no rule engine answers
(a test double), the view's own title, text and source still explain it.
"""

from __future__ import annotations

from typing import Any, Literal

from isassist.dossier import ConclusionView
from isassist.facts import property_label, value_label
from isassist.interview.engine import Interview
from isassist.knowledge.codes import display_ewc_codes
from isassist.rules.conclusion import WHY_LABELS
from isassist.units.display import format_number


def _lang(lang: str) -> Literal["nl", "en"]:
    return "en" if lang == "en" else "nl"


def explain(interview: Interview, conclusion: ConclusionView, lang: str) -> str:
    """A readable explanation of ``conclusion`` in ``lang`` (plain text, several lines)."""
    try:
        from isassist.root import root

        full = root().engine.derive(interview.id, interview.facts.facts)
    except Exception:  # no rule engine (a test double): fall back to the view itself
        full = []
    titles = {c.rule_id: c.title[_lang(lang)] for c in full}
    for found in full:
        if (found.rule_id, found.stream_id) == conclusion.key:
            lines = [
                f"{_LABELS['why'][_lang(lang)]}: {found.title[_lang(lang)]}",
                found.text[_lang(lang)],
                f"{_LABELS['because'][_lang(lang)]}:",
            ]
            lines += [f"- {_fact_line(interview, f, titles, lang)}" for f in found.matched]
            lines.append(f"{_LABELS['source'][_lang(lang)]}: {found.source}")
            return "\n".join(lines)
    title = conclusion.title.get(lang) or conclusion.text.get(lang, "")
    return "\n".join(
        line
        for line in (
            title,
            conclusion.text.get(lang, ""),
            f"{_LABELS['source'][_lang(lang)]}: {conclusion.source}",
        )
        if line
    )


# The why dialog speaks the reader's words: question wordings, option labels and conclusion
# titles, never the ids the rule base and the dialog files use internally.
_LABELS = WHY_LABELS


def _fact_line(
    interview: Interview, fact: dict[str, Any], titles: dict[str, str], lang: str
) -> str:
    """One matched fact in the reader's words."""
    kind = fact.get("type")
    labels = _LABELS
    if kind == "stream":
        shown = _option("kind", fact.get("kind"), interview, lang)
        return f'{labels["stream"][_lang(lang)]} "{fact.get("name")}" ({shown})'
    if kind in ("property", "item"):
        unit = f" {fact['unit']}" if fact.get("unit") else ""
        meaning = property_label(str(fact.get("name")), lang)
        if fact.get("name") == "ewc":
            return f"{meaning}: {display_ewc_codes(fact.get('value'))}"
        return f"{meaning}: {_value(fact.get('value'), lang)}{unit}"
    if kind == "company":
        nace = f", NACE {fact['nace']}" if fact.get("nace") else ""
        return f'{labels["company"][_lang(lang)]} "{fact.get("name") or "?"}"{nace}'
    if kind == "answer":
        qid = str(fact.get("question"))
        question = interview.dialog.question(qid)
        asked = (
            question.text.get(lang).replace("{stream}", "…") if question else qid.replace("_", " ")
        )
        status = str(fact.get("status"))
        if status in labels:
            said = labels[status][_lang(lang)]
        else:
            said = _option(qid, fact.get("value"), interview, lang)
        return f"{labels['answer'][_lang(lang)]} \u201c{asked}\u201d: {said}"
    if kind == "conclusion":
        rule = str(fact.get("rule"))
        return f"{labels['conclusion'][_lang(lang)]}: {titles.get(rule) or rule.replace('_', ' ')}"
    return ", ".join(f"{k}: {_value(v, lang)}" for k, v in fact.items() if k != "type")


def _option(question_id: str, value: object, interview: Interview, lang: str) -> str:
    """A coded answer as the option label the user picked ("materiaal", not "material")."""
    question = interview.dialog.question(question_id)
    if question is not None and question.options:
        labels = {o.value: o.label.get(lang) for o in question.options}
        if isinstance(value, list):
            return ", ".join(labels.get(str(v), _value(v, lang)) for v in value)
        if str(value) in labels:
            return labels[str(value)]
    return _value(value, lang)


def _value(value: object, lang: str) -> str:
    if isinstance(value, bool):
        return value_label("yes" if value else "no", lang)
    if isinstance(value, int | float):
        return format_number(float(value), lang)
    if isinstance(value, list):
        return ", ".join(_value(v, lang) for v in value)
    return value_label(str(value), lang)


def conclusion_label(conclusion: ConclusionView, lang: str) -> str:
    """One short line naming a conclusion in a list: its title, else the start of its text."""
    title = conclusion.title.get(lang) or conclusion.text.get(lang, "")[:60]
    stream = f"[{conclusion.stream_id}] " if conclusion.stream_id else ""
    return f"{stream}{title}"
