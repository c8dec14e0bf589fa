"""The services a composition root provides to the layers below it.

``isassist.root`` builds the process-wide services, but the knowledge package and the rules sit
below it and may not import it. So the root injects them here while it is installed, and those
packages' own look-ups (``get_knowledge``, ``get_rulebase``) ask here first. This module imports
nothing of isassist, so installing a root costs a command (``isassist classify``) no package it
does not use.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

_LOCK = threading.Lock()
_PROVIDERS: dict[str, Callable[[], object]] = {}


def provide(name: str, provider: Callable[[], object] | None) -> Callable[[], object] | None:
    """Make ``provider`` answer for the service ``name`` (None: nobody); returns the one it
    replaces, for the caller to put back."""
    with _LOCK:
        before = _PROVIDERS.pop(name, None)
        if provider is not None:
            _PROVIDERS[name] = provider
    return before


def provided(name: str) -> object | None:
    """The service ``name`` as the installed root has it, or None when no root provides it."""
    provider = _PROVIDERS.get(name)
    return provider() if provider is not None else None
