"""Everything an interview needs loaded once: services, the dialog, the glossary, the rules.

Loading takes about a second (knowledge base, dialog files, compiled rules), longer than a
bare terminal app needs to paint. The face calls ``warm_up`` in a background thread as soon as
it starts, so the start screen shows at once and the first question follows without a wait.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from isassist.interview.dialog import Dialog
from isassist.interview.services import Services
from isassist.knowledge import GlossaryEntry


@dataclass(frozen=True)
class Resources:
    services: Services
    dialog: Dialog
    glossary: Mapping[str, GlossaryEntry]


def warm_up() -> Resources:
    """Load the shipped knowledge, dialog and rule base (each cached per process)."""
    from isassist.interview.adapters import live_services
    from isassist.interview.loader import shipped_dialog
    from isassist.rules import get_engine

    services = live_services()
    dialog = shipped_dialog()
    get_engine()
    return Resources(services=services, dialog=dialog, glossary=services.knowledge.glossary)
