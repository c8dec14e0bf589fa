"""Interviews for the tests, run headless through the real engine and rule base.

Test modules import from here (``from interviews import BREWERY, run_answers``: tests/ is on
the import path through tests/conftest.py); tests/report/test_report_support.py guards the
helper itself, so a broken helper fails loudly instead of making every report test vacuous.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from io import BytesIO
from pathlib import Path
from typing import Any

import yaml

from isassist.dossier import Dossier
from isassist.interview.adapters import live_services
from isassist.interview.engine import Interview
from isassist.interview.loader import shipped_dialog
from isassist.interview.replay import Replay, run_replay

BREWERY: dict[str, str] = {
    "company_name": "Brouwerij Zwanenhals",
    "activity": "bier brouwen",
    "nace": "11.05",
    "location": "9000 Gent",
    "boundary": "de brouwzaal",
    "value_captured": "bier voor de regio",
    "value_destroyed": "bostel wordt afgevoerd",
    "value_missed": "warm koelwater",
    "value_opportunity": "bostel als veevoer",
    "streams": "bostel",
    "kind": "materiaal",
    "description": "natte bostel uit de filterkuip",
    "value_type": "verloren",
    "feasibility": "4",
    "impact": "5",
    "ewc": "02 07 02",
    "cpa": "?",
    "cas": "weet niet",
    "state": "vast",
    "quantity": "ongeveer 230 ton per jaar",
    "frequency": "wekelijks",
    "quality": "stabiel",
    "availability": "het hele jaar",
    "storage": "beperkt",
    "storage_days": "3 dagen",
    "current_route": "verbrand",
    "current_cost": "13579 euro",
    "disposal_cost": "246 euro per ton",
    "composition_known": "nee",
    "contaminated": "nee",
    "moisture": "75 %",
    "market_price": "180",
    "receiver_known": "ja",
    "receiver_nace": "01.41",
    "destination_country": "België",
    "distance": "15 km",
    "legal_status": "bijproduct",
    "pretreatment_needed": "nee",
    "animal_origin": "nee",
    "food_grade": "ja",
}

DossierOf = Callable[..., Dossier]
"""The ``dossier_of`` fixture (tests/conftest.py): answers -> dossier, run once per session."""


def make_interview(spec: Replay) -> Interview:
    return Interview.start(shipped_dialog(), live_services(), spec.mode, spec.language)


def run_answers(
    tmp_path: Path,
    answers: dict[str, str],
    *,
    language: str = "nl",
    notes: tuple[str, ...] = (),
    default: str = "?",
) -> Dossier:
    """The dossier after answering from ``answers`` (others: ``default``) to the end."""
    steps: list[dict[str, Any]] = [{"answers": {"company_name": answers["company_name"]}}]
    steps += [{"command": f"note {text}"} for text in notes]
    steps.append({"answers": answers, "default": default})
    spec = {"title": "report test", "mode": "broker", "language": language, "steps": steps}
    path = tmp_path / "interview.yaml"
    path.write_text(yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8")
    result = run_replay(path, make_interview)
    assert result.passed, result.failures
    assert result.dossier is not None
    return result.dossier


def xlsx_text(data: bytes) -> str:
    """The parts of a workbook that hold its content: cells, shared strings, sheet names.

    Theme and style parts are left out: they are the same for every workbook and full of
    numbers such as 350000 that would make a leak search meaningless.
    """
    with zipfile.ZipFile(BytesIO(data)) as book:
        parts = [
            n
            for n in book.namelist()
            if n.startswith(("xl/worksheets/", "xl/sharedStrings", "docProps/", "xl/workbook"))
        ]
        assert any(n.startswith("xl/worksheets/") for n in parts)
        return "\n".join(book.read(name).decode("utf-8") for name in parts)
