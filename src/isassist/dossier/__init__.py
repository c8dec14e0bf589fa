"""The dossier: what an interview produced, as a versioned, typed document.

Reports, the register and the faces read this package, never the interview engine:
``schema`` (the JSON document), ``views`` (a question, a chat turn, a conclusion as shown),
``source`` (the narrow read model of an interview) and ``build`` (record -> dossier).
"""

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
