"""The dossier of what is known now, built once per state.

After a turn the register sync and the dossier panel both ask for the dossier; building it
(isassist.dossier.build_dossier over the interview's record) is the costliest read of a turn,
and the same events and conclusions give the same dossier, so it is kept until the log grows,
the conclusions are re-derived (a new list) or the interview is stamped again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from isassist.dossier import ConclusionView, Dossier

StateKey = tuple[int, Sequence[ConclusionView], datetime | None]
"""(events in the log, the conclusions list, last change): what a dossier was built from."""


class DossierCache:
    """One dossier, with the state it was built from."""

    def __init__(self) -> None:
        self._kept: tuple[StateKey, Dossier] | None = None

    def get(self, now: StateKey, build: Callable[[], Dossier]) -> Dossier:
        """The kept dossier when ``now`` is the state it was built from, else a new one."""
        kept = self._kept
        if kept is None or not _same(kept[0], now):
            kept = self._kept = (now, build())
        return kept[1]


def _same(kept: StateKey, now: StateKey) -> bool:
    # the conclusions by identity: re-derived means a new list, even with equal contents
    return kept[0] == now[0] and kept[1] is now[1] and kept[2] == now[2]
