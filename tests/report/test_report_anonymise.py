"""An anonymised report leaks none of the strings that identify the company, in any format."""

from __future__ import annotations

import pytest

from interviews import BREWERY, DossierOf, xlsx_text
from isassist.dossier import Dossier
from isassist.report import FORMATS, render_report
from isassist.report.anonymise import band, scrub_free_text

NOTE = "bel Jan Peeters op 0477 12 34 56 of jan.peeters@zwanenhals.be"


@pytest.fixture(scope="module")
def dossier(dossier_of: DossierOf) -> Dossier:
    return dossier_of(BREWERY, notes=(NOTE,))


def _identifying(dossier: Dossier) -> list[str]:
    location = dossier.company.location
    return [
        "Zwanenhals",
        dossier.interview_id,
        "9000",
        "Gent",
        "0477 12 34 56",
        "jan.peeters@zwanenhals.be",
        "Jan Peeters",
        "13579",
        "13 579",
        "13.579",
        "246",
        f"{location.lat}",
        f"{location.lon}",
    ]


def _as_text(rendered: bytes | str) -> str:
    return xlsx_text(rendered) if isinstance(rendered, bytes) else rendered


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_identifying_string_survives_anonymisation(
    dossier: Dossier, fmt: str, lang: str
) -> None:
    plain = _as_text(render_report(dossier, fmt, lang, anonymise=False))
    hidden = _as_text(render_report(dossier, fmt, lang, anonymise=True))
    # the plain report does carry the name, so the check below can fail
    assert "Zwanenhals" in plain
    leaks = [s for s in _identifying(dossier) if s.lower() in hidden.lower()]
    assert leaks == []


def test_anonymised_report_keeps_region_quantity_and_a_cost_band(dossier: Dossier) -> None:
    text = render_report(dossier, "md", "nl", anonymise=True)
    assert isinstance(text, str)
    assert "Oost-Vlaanderen" in text
    assert "| 230 |" in text  # quantities stay: a partner needs them
    assert "10.000–50.000 €/jaar" in text
    assert "Geanonimiseerd" in text


def test_a_price_per_tonne_is_banded_too(dossier_of: DossierOf) -> None:
    # the gate fee is asked when the yearly cost is not known
    answers = {**BREWERY, "current_cost": "weet niet"}
    text = render_report(dossier_of(answers), "md", "nl", anonymise=True)
    assert isinstance(text, str)
    assert "100–250 €/t" in text and "246" not in text


def test_bands_have_no_exact_figure() -> None:
    edges = (1_000.0, 10_000.0)
    assert band(500, edges, "EUR/year", "en") == "under 1,000 €/year"
    assert band(1_000, edges, "EUR/year", "nl") == "1.000–10.000 €/jaar"
    assert band(99_999, edges, "km", "nl") == "10.000 km of meer"


def test_revenue_is_banded_as_revenue_never_as_the_lowest_cost() -> None:
    # review R34: "opbrengst 50.000 €/jaar" was shown as "Kosten < 1 000 EUR/jaar"
    edges = (1_000.0, 10_000.0, 50_000.0, 100_000.0)
    assert band(-50_000, edges, "EUR/year", "nl") == "opbrengst 50.000–100.000 €/jaar"
    assert band(-15, (0.0, 25.0), "EUR/t", "en") == "revenue 0–25 €/t"


@pytest.mark.parametrize(
    ("typed", "leak"),
    [
        ("omzet 40 miljoen euro, 85 mensen werk", "40"),
        ("omzet van ca. 12.000.000", "12.000.000"),
        ("turnover of 3 million", "3 million"),
        ("winst: 300k", "300"),
        ("Omzet: € 4 mln", "4 mln"),
        ("ze draaien 25 miljoen omzet", "25"),
    ],
)
def test_a_turnover_in_free_text_is_banded(typed: str, leak: str) -> None:
    # review R34: "omzet 40 miljoen euro" reached the anonymised report as typed
    scrubbed = scrub_free_text(typed)
    assert leak not in scrubbed and "000" in scrubbed, scrubbed


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_turnover_and_a_revenue_leave_no_trace_in_any_format(
    dossier_of: DossierOf, fmt: str
) -> None:
    answers = {
        **BREWERY,
        "value_captured": "omzet 40 miljoen euro, 85 mensen werk",
        "current_cost": "we krijgen 50000 euro opbrengst per jaar",
    }
    hidden = _as_text(render_report(dossier_of(answers), fmt, "nl", anonymise=True))
    assert "40 miljoen" not in hidden and "50000" not in hidden and "50.000 " not in hidden
    assert "opbrengst 50.000–100.000 €/jaar" in hidden
    # one number format per report: the banded turnover in the reader's format too (the
    # XLSX workbook carries no value map)
    assert fmt == "xlsx" or "omzet 10.000.000–100.000.000 euro" in hidden
