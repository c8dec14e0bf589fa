"""The progress measure passed on when it changes (the store keeps it for the start list).

The start list shows each saved interview's progress without rebuilding it, so the session
tells the store after every turn; telling it only when the pair changed keeps a turn that
changed nothing from writing to the database.
"""

from __future__ import annotations

from collections.abc import Callable

from isassist.interview.navigator import Navigator, Progress

ProgressSink = Callable[[Progress], None]
"""Told the progress measure whenever it changes."""


class ProgressTeller:
    """Tells ``sink`` the navigator's progress when it differs from the last told."""

    def __init__(self, nav: Navigator, sink: ProgressSink | None) -> None:
        self.nav = nav
        self._sink = sink
        self._told: Progress | None = None

    def tell(self) -> None:
        if self._sink is None:
            return
        now = self.nav.progress()
        if now != self._told:
            self._sink(now)
            self._told = now
