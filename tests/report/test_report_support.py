"""Guards the shared interview helper (tests/interviews.py) so that a broken helper fails
loudly instead of making every report test vacuous."""

from __future__ import annotations

from isassist.dossier import Dossier


def test_the_brewery_interview_reaches_the_end_with_its_answers(brewery_dossier: Dossier) -> None:
    dossier = brewery_dossier
    assert dossier.company.name == "Brouwerij Zwanenhals"
    stream = dossier.streams[0]
    assert stream.ewc == ["020702"]
    assert stream.properties["current_cost_eur_per_year"] == 13579
