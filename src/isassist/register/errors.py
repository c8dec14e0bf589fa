"""The one exception of the register; its message is shown to the user as it is."""

from __future__ import annotations


class RegisterError(Exception):
    """A company, stream or opportunity could not be stored or found; the message says why."""
