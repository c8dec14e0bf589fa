"""Help and glossary answers as Markdown bubbles (apart from ``Bubble``, whose module must
stay light: question 1 is painted before the Markdown parser is imported)."""

from __future__ import annotations

from textual.widgets import Markdown


class MarkdownBubble(Markdown):
    """Help and glossary answers, written by the project (trusted Markdown)."""

    def __init__(self, markdown: str, role: str = "help") -> None:
        super().__init__(markdown, classes=f"bubble -{role}")
        self.plain = markdown
