"""The answer to "why?": the rule, the facts it matched and its source, for one conclusion.

The interview keeps conclusions as light views without the matched facts; the rule engine
re-derives from a clean state on every call, so deriving once more for the same facts gives
the full conclusion whose ``why`` text the rule base writes. When no rule engine answers
(a test double), the view's own title, text and source still explain it.
"""

from __future__ import annotations

from typing import Literal

from isassist.dossier import ConclusionView
from isassist.interview.engine import Interview


def _lang(lang: str) -> Literal["nl", "en"]:
    return "en" if lang == "en" else "nl"


def explain(interview: Interview, conclusion: ConclusionView, lang: str) -> str:
    """A readable explanation of ``conclusion`` in ``lang`` (plain text, several lines)."""
    try:
        from isassist.rules import get_engine, why

        full = get_engine().derive(interview.id, interview.facts.facts)
    except Exception:  # no rule engine (a test double): fall back to the view itself
        full = []
    for found in full:
        if (found.rule_id, found.stream_id) == conclusion.key:
            return why(found, _lang(lang))
    title = conclusion.title.get(lang) or conclusion.rule_id
    return "\n".join(
        line
        for line in (
            title,
            conclusion.text.get(lang, ""),
            f"{'Regel' if lang == 'nl' else 'Rule'}: {conclusion.rule_id}",
            f"{'Bron' if lang == 'nl' else 'Source'}: {conclusion.source}",
        )
        if line
    )


def conclusion_label(conclusion: ConclusionView, lang: str) -> str:
    """One short line naming a conclusion in a list: its title, else the start of its text."""
    title = conclusion.title.get(lang) or conclusion.text.get(lang, "") or conclusion.rule_id
    stream = f"[{conclusion.stream_id}] " if conclusion.stream_id else ""
    return f"{stream}{title}"
