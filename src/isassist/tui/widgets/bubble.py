"""Chat bubbles. User text is always a rich Text (never markup), so "[bold]" stays literal."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


class Bubble(Static):
    """One message in the conversation; the CSS class says who speaks (-user, -assistant...)."""

    def __init__(self, text: str, role: str, title: str | None = None) -> None:
        body = Text()
        if title:
            body.append(title + "\n", style="bold")
        body.append(text)
        super().__init__(body, classes=f"bubble -{role}")
        self.plain = text
