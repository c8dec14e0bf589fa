"""What the chat face shows that the interview defines: the command registry, the canvas
review's blocks, past turns of a resumed interview and the engine's own sentences.

Re-exported here so the face reaches the interview only through the session (the import
contracts in pyproject.toml forbid isassist.tui -> isassist.interview).
"""

from __future__ import annotations

from isassist.interview.canvas_review import BLOCKS, REVIEW_TYPE, block_label
from isassist.interview.commands import COMMANDS
from isassist.interview.messages import say
from isassist.interview.transcript import PastTurn

__all__ = ["BLOCKS", "COMMANDS", "REVIEW_TYPE", "PastTurn", "block_label", "say"]
