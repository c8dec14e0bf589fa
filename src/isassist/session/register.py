"""The broker register as a face reaches it: open it, match a company, draw its network,
move opportunities through the pipeline.

Matching and the network take seconds on a large register: a face calls them from a worker
thread and posts the result as a message (tui/screens/register.py does), never on the UI
thread. Imported lazily by the faces: opening the register loads SQLAlchemy and the matcher.
"""

from __future__ import annotations

from isassist.register import (
    Match,
    NetworkView,
    Pipeline,
    Register,
    RegisterError,
    match_company,
    network,
)
from isassist.register.sync import sync_interviews
from isassist.session.scope import may_use_register, refuse_register


def open_register(url: str | None, lang: str) -> Register:
    """The register at ``url``; refused (RegisterError) in a self-assessment's process."""
    if not may_use_register():
        raise RegisterError(str(refuse_register(lang)))
    return Register(url)


__all__ = [
    "Match",
    "NetworkView",
    "Pipeline",
    "Register",
    "RegisterError",
    "match_company",
    "network",
    "open_register",
    "sync_interviews",
]
