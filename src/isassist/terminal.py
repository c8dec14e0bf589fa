"""Text from users shown on a terminal: control characters made visible, never obeyed.

An interview imported from a stranger or a register row can hold escape sequences that set the
window title, draw fake links (OSC 8) or clear the screen when printed raw. Everything a CLI
command prints from stored text goes through ``visible``, which writes such characters as
``\\x1b``-style escapes; newlines and tabs stay as they are where a layout needs them.
"""

from __future__ import annotations

import re
from typing import IO

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_CONTROL_OR_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, *, keep_lines: bool = True) -> str:
    """``text`` with control and bidi-override characters written as escapes."""
    pattern = _CONTROL if keep_lines else _CONTROL_OR_LINE
    return pattern.sub(_escape, text)


def for_stream(text: str, stream: IO[str] | None) -> str:
    """``text`` escaped when ``stream`` is a terminal, unchanged when it goes to a file/pipe."""
    isatty = getattr(stream, "isatty", None)
    return visible(text) if callable(isatty) and isatty() else text


def strip_controls(text: str) -> str:
    """``text`` with control characters removed (tabs and newlines become spaces): for a value
    coming in at the door (a name, a description), where an escape sequence has no meaning."""
    return _CONTROL.sub("", text.replace("\t", " ").replace("\r\n", "\n")).strip()
