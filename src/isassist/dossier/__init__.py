"""The dossier: what an interview produced, as a versioned, typed document.

Reports, the register and the faces read this package, never the interview engine:
``schema`` (the JSON document), ``views`` (a question, a chat turn, a conclusion as shown),
``source`` (the narrow read model of an interview) and ``build`` (record -> dossier).

The names below are imported on first use: ``views`` is plain dataclasses that the chat's
wording needs before the TUI's first paint, while ``schema`` builds pydantic models, which the
start screen must not wait for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from isassist.lazynames import names_on_first_use

if TYPE_CHECKING:
    from isassist.dossier.build import build_dossier
    from isassist.dossier.schema import (
        NETWORK_QUESTIONS,
        SCHEMA_VERSION,
        ConclusionOut,
        Dossier,
        StreamOut,
    )
    from isassist.dossier.source import AnswerRecord, InterviewRecord
    from isassist.dossier.views import CodeSuggestion, ConclusionView, QuestionView, Turn

_HOME = {
    "build_dossier": "build",
    "NETWORK_QUESTIONS": "schema",
    "SCHEMA_VERSION": "schema",
    "ConclusionOut": "schema",
    "Dossier": "schema",
    "StreamOut": "schema",
    "AnswerRecord": "source",
    "InterviewRecord": "source",
    "CodeSuggestion": "views",
    "ConclusionView": "views",
    "QuestionView": "views",
    "Turn": "views",
}


__getattr__ = names_on_first_use(__name__, _HOME)


__all__ = [
    "NETWORK_QUESTIONS",
    "SCHEMA_VERSION",
    "AnswerRecord",
    "CodeSuggestion",
    "ConclusionOut",
    "ConclusionView",
    "Dossier",
    "InterviewRecord",
    "QuestionView",
    "StreamOut",
    "Turn",
    "build_dossier",
]
