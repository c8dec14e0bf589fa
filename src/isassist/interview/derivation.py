"""The interview's facts and the rules' conclusions on them, kept current with the state.

After every change the session asks for a refresh: the facts are built again from the folded
state, the rules derive (incrementally, isassist.rules.partition), and what came and went is
told back, so a turn can say "new" and "withdrawn". The navigator sees the facts before the
conclusions (which streams the funnel parks decides which gaps are moot) and both after.
"""

from __future__ import annotations

from isassist.dossier import ConclusionView
from isassist.interview.dialog import Dialog
from isassist.interview.factbuild import FactSet, build_facts
from isassist.interview.navigator import Navigator
from isassist.interview.services import Services
from isassist.interview.state import State


class Derivation:
    """Facts and conclusions of one interview; ``conclusions`` is replaced, never changed in
    place, so a reader can tell by identity that nothing was re-derived (the dossier cache)."""

    def __init__(
        self, interview_id: str, dialog: Dialog, services: Services, state: State, nav: Navigator
    ) -> None:
        self.interview_id = interview_id
        self.dialog = dialog
        self.services = services
        self.state = state
        self.nav = nav
        self.facts = FactSet()
        self.conclusions: list[ConclusionView] = []

    def refresh(self) -> tuple[list[ConclusionView], list[ConclusionView]]:
        """Build the facts again and re-derive: the conclusions that are new and gone."""
        before = {c.key: c for c in self.conclusions}
        self.facts = build_facts(self.dialog, self.state, self.services, self._parked())
        self.nav.see(self.state, self.facts, ())
        self.conclusions = self._derive()
        self.nav.see(self.state, self.facts, self.conclusions)
        after = {c.key: c for c in self.conclusions}
        new = [c for k, c in after.items() if k not in before]
        gone = [c for k, c in before.items() if k not in after]
        return new, gone

    def _parked(self) -> frozenset[str]:
        """Streams the funnel leaves at step 1 (scored low, or the broker said no)."""
        return frozenset(e.id for e in self.state.active_streams if not self.nav.worked_out(e.id))

    def _derive(self) -> list[ConclusionView]:
        """The rules' conclusions, less the gaps about streams that are not worked out."""
        derived = self.services.derive(self.interview_id, self.facts.facts)
        return [c for c in derived if not self.nav.moot(c)]

    def close(self) -> None:
        """Forget the rule engine's memo of this interview."""
        self.services.close(self.interview_id)
