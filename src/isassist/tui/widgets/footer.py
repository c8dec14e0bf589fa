"""The footer of key bindings, rebuilt once per refresh however often the bindings change.

Textual's ``Footer`` rebuilds all its key widgets after the next refresh each time a screen
says its bindings changed, one rebuild per notice: mounting a screen, focusing its input and
relabelling its keys in the interface language (``isassist.tui.localise``) sent 4-7 notices,
so the footer was built 4-7 times before the screen was first shown (the start screen 7, the
interview screen 5; cProfile of benchmarks/tui_bench.py's child). One rebuild, made when the
first pending one runs, reads the bindings as they are then, so the footer shows the same.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class KeyFooter(Footer):
    """Textual's footer with the rebuilds its bindings notices ask for coalesced."""

    _rebuild_pending = False

    def bindings_changed(self, screen: Screen[object]) -> None:
        if self._rebuild_pending:
            self._bindings_ready = True
            return  # the rebuild already asked for reads the bindings as they are then
        super().bindings_changed(screen)
        self._rebuild_pending = self.is_attached and screen is self.screen and screen.app.app_focus

    async def recompose(self) -> None:
        self._rebuild_pending = False
        await super().recompose()
