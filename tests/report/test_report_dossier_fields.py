"""The report shows what the dossier now keeps: rule titles, the interview dates, the network
answers under "with whom", and the evidence the rule engine found (never looked up again)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from interviews import BREWERY, DossierOf
from isassist.dossier import Dossier
from isassist.report import render_report
from isassist.units.display import format_day

NETWORK = {
    "own_use": "niet intern",
    "exchange_interest": "ja",
    "network_same": "twee brouwerijen in Zwanenhals en Melle",
    "network_complementary": "geen",
    "network_interest": "melkveehouders uit de buurt",
    "who_pays": "de afnemer betaalt ons",
    "partner": "bestaande relatie",
}


@pytest.fixture(scope="module")
def dossier(dossier_of: DossierOf) -> Dossier:
    return dossier_of({**BREWERY, **NETWORK})


def _md(dossier: Dossier, lang: str = "nl", anonymise: bool = False) -> str:
    text = render_report(dossier, "md", lang, anonymise)
    assert isinstance(text, str)
    return text


def _section(text: str, heading: str) -> str:
    start = text.index(f"## {heading}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else None]


def test_with_whom_lists_the_network_answers_in_words(dossier: Dossier) -> None:
    part = _section(_md(dossier), "Met wie")
    assert "**Bedrijven met dezelfde stroom:** twee brouwerijen in Zwanenhals en Melle" in part
    assert "**Geïnteresseerde partijen:** melkveehouders uit de buurt" in part
    assert "**Wie betaalt:** de afnemer betaalt ons" in part  # option label, not receiver_pays
    assert "**Partner:** bestaande relatie" in part
    english = _section(_md(dossier, "en"), "With whom")
    assert "**Who pays:** the receiver pays us" in english
    assert "**An existing exchange as a route:** yes" in english


def test_anonymised_network_answers_lose_the_company_name(dossier: Dossier) -> None:
    part = _section(_md(dossier, anonymise=True), "Met wie")
    assert "Zwanenhals" not in part
    assert "melkveehouders uit de buurt" in part


def test_the_interview_dates_and_activity_are_in_the_company_block(dossier: Dossier) -> None:
    assert dossier.created is not None
    block = _section(_md(dossier), "Bedrijf en afbakening")
    assert f"**Gestart op:** {format_day(dossier.created, 'nl')}" in block
    assert "**Activiteit:** bier brouwen" in block
    assert f"**Started on:** {format_day(dossier.created, 'en')}" in _md(dossier, "en")


def test_conclusions_are_shown_by_their_rule_title(dossier: Dossier) -> None:
    text = _md(dossier, "en")
    legal = [c for c in dossier.conclusions if c.kind == "legal"]
    routes = [c for c in dossier.conclusions if c.kind == "valorisation"]
    assert legal and routes
    for conclusion in legal:
        assert f"| {conclusion.title['en']} |" in text
    for conclusion in routes:
        assert f": {conclusion.title['en']} (Route: " in text


def _with_evidence(dossier: Dossier, evidence: Any) -> Dossier:
    conclusions = []
    for c in dossier.conclusions:
        if c.kind == "valorisation":
            c = c.model_copy(update={"data": {**c.data, "evidence": evidence}})
        conclusions.append(c)
    return dossier.model_copy(update={"conclusions": conclusions})


def test_evidence_comes_from_the_conclusion_not_a_new_look_up(dossier: Dossier) -> None:
    kept = {
        "spec": ["family:spent_grain"],
        "count": 3,
        "examples": [
            {
                "exchange_id": "9-9-9",
                "donor_business": "Testbrouwerij",
                "receiver_business": "Testboerderij",
                "description": "bostel als voeder",
                "reference": "MAESTRI exchange 9-9-9",
            }
        ],
    }
    text = _md(_with_evidence(dossier, kept), "en")
    assert "3 exchanges in the MAESTRI database" in text
    assert "Testbrouwerij -> Testboerderij: bostel als voeder [MAESTRI exchange 9-9-9]" in text
    # a dossier written before evidence was resolved: no figures invented at render time
    old = _md(_with_evidence(dossier, ["family:spent_grain"]), "en")
    assert "exchanges in the MAESTRI database" not in old


def test_the_stream_description_is_in_the_inventory(tmp_path: Path, dossier: Dossier) -> None:
    assert dossier.streams[0].description == BREWERY["description"]
    inventory = _section(_md(dossier), "Inventaris (karakterisering)")
    assert BREWERY["description"] in inventory
