"""Chat bubbles. User text is always a rich Text (never markup), so "[bold]" stays literal."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import Static

from isassist.tui.messages import AnswerPicked, ConclusionPicked

if TYPE_CHECKING:
    # annotations only: the dossier models load with the engine, after the first paint
    from isassist.dossier import ConclusionView


class Bubble(Static):
    """One message in the conversation; the CSS class says who speaks (-user, -assistant...)."""

    def __init__(self, text: str, role: str, title: str | None = None) -> None:
        body = Text()
        if title:
            body.append(title + "\n", style="bold")
        body.append(text)
        super().__init__(body, classes=f"bubble -{role}")
        self.plain = text


class AnswerBubble(Bubble):
    """An answer the user gave: focusable, and a click or Enter asks that question again.

    The broker in front of the company hears "no, it is more like 500 ton" and changes the
    earlier answer where it stands in the conversation, without knowing question names.
    """

    can_focus = True
    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "change", show=False)]

    def __init__(self, text: str, question: str, stream: str | None, hint: str) -> None:
        super().__init__(text, "user")
        self.question = question
        self.stream = stream
        self.tooltip = hint
        self.add_class("-answer")

    def action_change(self) -> None:
        self.post_message(AnswerPicked(self.question, self.stream))

    def on_click(self) -> None:
        self.action_change()


class ConclusionBubble(Bubble):
    """A conclusion said in the chat: a click selects it, so F2 explains this one."""

    can_focus = True
    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "why", show=False)]

    def __init__(self, text: str, title: str, conclusion: ConclusionView) -> None:
        super().__init__(text, "conclusion", title=title)
        self.conclusion = conclusion

    def action_why(self) -> None:
        self.post_message(ConclusionPicked(self.conclusion))

    def on_click(self) -> None:
        self.focus()
