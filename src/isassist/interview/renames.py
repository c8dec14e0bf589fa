"""Old answer logs and replays name questions that were renamed or merged since.

The dialog records what each question took over (``Question.replaces``); an event naming an
old id is read as an event of the question that replaced it, so a saved interview resumes
and an exported one imports with every answer in its place.
"""

from __future__ import annotations

from typing import Any

from isassist.interview.dialog import Dialog


def upgrade_event(data: dict[str, Any], dialog: Dialog) -> dict[str, Any]:
    """``data`` with a renamed question id replaced by today's id (unchanged otherwise)."""
    question = data.get("question")
    if not isinstance(question, str) or dialog.question(question) is not None:
        return data
    new = dialog.renamed().get(question)
    return {**data, "question": new} if new is not None else data
