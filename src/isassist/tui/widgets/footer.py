"""The footer of key bindings, rebuilt only when the keys it shows change.

Textual's ``Footer`` rebuilds all its key widgets after the next refresh each time a screen
says its bindings changed, one rebuild per notice: mounting a screen, focusing its input and
relabelling its keys in the interface language (``isassist.tui.localise``) sent 4-7 notices,
so the footer was built 4-7 times before the screen was first shown (the start screen 7, the
interview screen 5; cProfile of benchmarks/tui_bench.py's child), most of them to show the
same keys again. Here the notices of one refresh ask for one rebuild, which reads the bindings
as they are when it runs, and a rebuild that would show what is shown is left out.
"""

from __future__ import annotations

from typing import Any

from textual.screen import Screen
from textual.widgets import Footer


class KeyFooter(Footer):
    """Textual's footer, rebuilt once per burst of binding notices and only for a change."""

    _rebuild_pending = False
    _shown: tuple[Any, ...] | None = None  # what the last rebuild was made from

    def bindings_changed(self, screen: Screen[object]) -> None:
        if self._rebuild_pending:
            self._bindings_ready = True
            return  # the rebuild already asked for reads the bindings as they are then
        super().bindings_changed(screen)
        self._rebuild_pending = self.is_attached and screen is self.screen and screen.app.app_focus

    def _keys(self) -> tuple[Any, ...]:
        """Everything ``Footer.compose`` reads: the screen's active bindings (each with
        whether it is enabled and its tooltip) and whether the palette key is shown."""
        bindings = tuple(
            (binding, enabled, tooltip)
            for _node, binding, enabled, tooltip in self.screen.active_bindings.values()
        )
        palette = self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE
        return (self._bindings_ready, palette, bindings)

    async def recompose(self) -> None:
        self._rebuild_pending = False
        if self.is_attached:
            keys = self._keys()
            if keys == self._shown:
                return
            self._shown = keys
        await super().recompose()
